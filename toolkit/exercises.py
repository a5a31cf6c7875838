"""Exercises with self-check: the model behind :class:`toolkit.widgets.ExerciseView`.

Two kinds of exercise cover every stage of the course:

``mark``
    The student marks tokens (e.g. every Konjunktiv form). The answer key is the set of
    tokens that should be marked.
``label``
    The student gives each sentence one label from a short list (e.g. the kind of reported
    speech in it). The answer key maps every sentence to its label.

The key comes from the toolkit's own analysis (:func:`answer_key`, by name) or from the
teacher (a mapping). Answers can be saved as JSON and loaded again, so nothing a student did
is lost between sessions. This module is pure Python (no ipywidgets), so it is easy to test.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Peskow sagte, das sei gefährlich. Er ging.")
>>> exercise = Exercise.mark_tokens(doc, key="punctuation", title="Satzzeichen")
>>> exercise.mark("2")            # the comma after "sagte"
>>> feedback = exercise.check()
>>> feedback.correct, feedback.missing, feedback.score
(('2',), ('6', '9'), 0.33)
>>> restored = Exercise.from_json(exercise.to_json())
>>> restored.answers == exercise.answers
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from toolkit.atomic import write_text_atomic
from toolkit.errors import CorpusError, InputError
from toolkit.exercise_feedback import Feedback
from toolkit.exercise_keys import KEYS, MARKED, answer_key, check_key_kind, sentence_indices
from toolkit.model import Document

ExerciseKind = Literal["mark", "label"]
FORMAT = "toolkit-exercise"
VERSION = 1

__all__ = ["KEYS", "MARKED", "Exercise", "ExerciseItem", "Feedback", "answer_key"]


@dataclass(frozen=True, slots=True)
class ExerciseItem:
    """One thing to answer: a token (``mark``) or a sentence (``label``).

    ``id`` is the token or sentence index as a string (JSON keys are strings), ``group`` the
    sentence the item belongs to (tokens are shown sentence by sentence).
    """

    id: str
    text: str
    group: int = 0


@dataclass(slots=True)
class Exercise:
    """An exercise: items, the answer key and the student's answers.

    Build one with :meth:`mark_tokens` or :meth:`label_sentences`; answer with :meth:`mark`
    / :meth:`unmark` or :meth:`set_label`; check with :meth:`check`; keep the answers with
    :meth:`save` / :meth:`load_answers` (or :meth:`to_json` / :meth:`from_json`).

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Er kam. Sie ging.")
    >>> exercise = Exercise.label_sentences(
    ...     doc, {0: "kurz", 1: "kurz"}, choices=["kurz", "lang"], title="Satzlänge"
    ... )
    >>> exercise.set_label("0", "kurz")
    >>> exercise.check().summary()
    '1 richtig, 0 falsch, 1 fehlen (Punktzahl 50 %).'
    """

    kind: ExerciseKind
    items: tuple[ExerciseItem, ...]
    key: dict[str, str]
    choices: tuple[str, ...] = (MARKED,)
    title: str = ""
    instructions: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    #: the title in English, shown when the language switch says English (else ``title``)
    title_en: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("mark", "label"):
            raise InputError(f"An exercise is of kind 'mark' or 'label', not {self.kind!r}.")
        if not self.items:
            raise InputError("The exercise has no items (no tokens or sentences to answer).")
        ids = {item.id for item in self.items}
        unknown = sorted(set(self.key) - ids, key=_natural)
        if unknown:
            raise InputError(f"The answer key names items that are not in the exercise: {unknown}")
        bad = sorted({value for value in self.key.values() if value not in self.choices})
        if bad:
            raise InputError(f"The answer key uses labels that are not among the choices: {bad}")
        if self.kind == "label" and set(self.key) != ids:
            missing = sorted(ids - set(self.key), key=_natural)
            raise InputError(f"The answer key has no label for these sentences: {missing}")
        self._check_answers(self.answers)

    # -- building -------------------------------------------------------------------------

    @classmethod
    def mark_tokens(
        cls,
        document: Document,
        key: str | Iterable[int] = "punctuation",
        *,
        sentences: Iterable[int] | None = None,
        title: str = "",
        instructions: str = "",
        title_en: str = "",
    ) -> Exercise:
        """Mark tokens: every token of the chosen ``sentences`` (default: all) is an item.

        ``key`` is the name of a key from the toolkit's analysis (see :data:`KEYS`) or the
        token indices that should be marked; ``title_en`` is the title in the English view.
        """
        check_key_kind(key, "mark")
        chosen = sentence_indices(document, sentences)
        items = tuple(
            ExerciseItem(str(token.index), token.text, token.sentence)
            for index in chosen
            for token in document.sentence_tokens(index)
        )
        wanted = answer_key(document, key) if isinstance(key, str) else dict.fromkeys(key, MARKED)
        ids = {item.id for item in items}
        return cls(
            kind="mark",
            items=items,
            key={str(k): MARKED for k in wanted if str(k) in ids},
            title=title,
            instructions=instructions,
            title_en=title_en,
        )

    @classmethod
    def label_sentences(
        cls,
        document: Document,
        key: str | Mapping[int, str],
        *,
        choices: Iterable[str] | None = None,
        sentences: Iterable[int] | None = None,
        title: str = "",
        instructions: str = "",
        title_en: str = "",
    ) -> Exercise:
        """Label sentences: each chosen sentence gets one label from ``choices``.

        ``key`` is the name of a key from the toolkit's analysis (see :data:`KEYS`; it brings
        its own choices) or a mapping sentence index -> label; ``title_en`` is the title in
        the English view.
        """
        check_key_kind(key, "label")
        chosen = sentence_indices(document, sentences)
        if isinstance(key, str):
            labels = answer_key(document, key)
            choices = choices if choices is not None else KEYS[key].choices
        else:
            labels = {str(index): value for index, value in key.items()}
        if choices is None:
            choices = sorted(set(labels.values()))
        items = tuple(
            ExerciseItem(str(i), document.sentences[i].text.replace("\n", " "), i) for i in chosen
        )
        ids = {item.id for item in items}
        return cls(
            kind="label",
            items=items,
            key={k: v for k, v in labels.items() if k in ids},
            choices=tuple(choices),
            title=title,
            instructions=instructions,
            title_en=title_en,
        )

    # -- answering ------------------------------------------------------------------------

    def mark(self, item_id: str) -> None:
        """Mark a token (``mark`` exercises)."""
        self._require("mark")
        self._check_answers({str(item_id): MARKED})
        self.answers[str(item_id)] = MARKED

    def unmark(self, item_id: str) -> None:
        """Remove the mark from a token (no error if it was not marked)."""
        self._require("mark")
        self.answers.pop(str(item_id), None)

    def set_label(self, item_id: str, value: str | None) -> None:
        """Give a sentence a label (``label`` exercises); ``None`` or ``""`` removes it."""
        self._require("label")
        if value in (None, ""):
            self.answers.pop(str(item_id), None)
            return
        self._check_answers({str(item_id): str(value)})
        self.answers[str(item_id)] = str(value)

    def clear(self) -> None:
        """Forget every answer."""
        self.answers.clear()

    def check(self) -> Feedback:
        """Compare the answers with the key."""
        if self.kind == "mark":
            marked, wanted = set(self.answers), set(self.key)
            correct, wrong, missing = marked & wanted, marked - wanted, wanted - marked
            denominator = len(wanted) + len(wrong)
        else:
            correct = {i for i, value in self.key.items() if self.answers.get(i) == value}
            wrong = {i for i in self.key if i in self.answers and i not in correct}
            missing = set(self.key) - set(self.answers)
            denominator = len(self.key)
        score = round(len(correct) / denominator, 2) if denominator else 1.0
        return Feedback(_sorted(correct), _sorted(wrong), _sorted(missing), score)

    def solution(self) -> dict[str, str]:
        """Return the answer key (item id -> label, or ``MARKED``)."""
        return dict(self.key)

    # -- saving and loading ---------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Return everything (items, key, choices, answers) as a JSON-ready dict."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "kind": self.kind,
            "title": self.title,
            "title_en": self.title_en,
            "instructions": self.instructions,
            "choices": list(self.choices),
            "items": [{"id": i.id, "text": i.text, "group": i.group} for i in self.items],
            "key": dict(self.key),
            "answers": dict(self.answers),
        }

    def to_json(self) -> str:
        """Return the exercise with its answers as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, data: str) -> Exercise:
        """Rebuild an exercise (with answers) from :meth:`to_json` output.

        Raises
        ------
        InputError
            If ``data`` is not valid JSON or not an exercise saved by the toolkit.
        """
        record = _parse(data)
        try:
            return cls(
                kind=record["kind"],
                items=tuple(
                    ExerciseItem(str(i["id"]), str(i["text"]), int(i.get("group", 0)))
                    for i in record["items"]
                ),
                key={str(k): str(v) for k, v in record["key"].items()},
                choices=tuple(record["choices"]),
                title=str(record.get("title", "")),
                instructions=str(record.get("instructions", "")),
                answers={str(k): str(v) for k, v in record.get("answers", {}).items()},
                title_en=str(record.get("title_en", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
            if isinstance(error, InputError):
                raise
            raise InputError(
                f"The JSON is not a complete exercise (problem with {error}). "
                "Use a file written by the Save button or Exercise.save()."
            ) from error

    def load_answers(self, data: str) -> None:
        """Take over the answers from :meth:`to_json` output (the items must match).

        Raises
        ------
        InputError
            If ``data`` is not valid JSON, belongs to another exercise, or names items or
            labels this exercise does not have. The current answers are then kept.
        """
        record = _parse(data)
        saved_items = _saved_item_texts(record)
        if saved_items != [item.text for item in self.items]:
            raise InputError(
                "These answers belong to another exercise (other tokens or sentences): "
                f"saved {str(record.get('title'))[:80]!r}, open {self.title!r}. (Diese "
                "Antworten gehören zu einer anderen Übung.)"
            )
        answers = record.get("answers")
        if not isinstance(answers, dict) or not all(
            isinstance(value, str) for value in answers.values()
        ):
            raise InputError(
                "The JSON holds no answers (no 'answers' object of texts). (Die Datei enthält "
                "keine Antworten.)"
            )
        answers = {str(k): v for k, v in answers.items()}
        self._check_answers(answers)
        self.answers = answers

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the exercise with its answers to a JSON file (folders are created)."""
        # Atomic: a full disk or a second save at the same time never leaves half a file.
        return write_text_atomic(path, self.to_json() + "\n")

    def load(self, path: str | os.PathLike[str]) -> None:
        """Read answers from a JSON file written by :meth:`save` (see :meth:`load_answers`)."""
        file = Path(path)
        try:
            data = file.read_text(encoding="utf-8-sig")  # a byte order mark is allowed
        except FileNotFoundError as error:
            raise CorpusError(f"File not found: {file} (Datei nicht gefunden.)") from error
        except OSError as error:
            raise CorpusError(
                f"Cannot read {file}: {error.strerror or error}. (Die Datei ist nicht lesbar.)"
            ) from error
        except UnicodeDecodeError as error:
            raise InputError(
                f"Cannot read {file} as a UTF-8 JSON file: {error}. (Keine UTF-8-Datei.)"
            ) from error
        self.load_answers(data)

    # -- helpers --------------------------------------------------------------------------

    def _require(self, kind: ExerciseKind) -> None:
        if self.kind != kind:
            raise InputError(f"This is a {self.kind!r} exercise; that action needs {kind!r}.")

    def _check_answers(self, answers: Mapping[str, str]) -> None:
        ids = {item.id for item in self.items}
        unknown = sorted(set(answers) - ids, key=_natural)
        if unknown:
            raise InputError(f"Answers for items that are not in this exercise: {unknown}")
        bad = sorted({value for value in answers.values() if value not in self.choices})
        if bad:
            raise InputError(f"Answers with labels that are not among the choices: {bad}")


def _parse(data: str) -> dict[str, Any]:
    if not isinstance(data, str):
        raise InputError(f"Expected the answers as a JSON text (str), got {type(data).__name__}.")
    try:
        record = json.loads(data.removeprefix("\ufeff"))  # a byte order mark is allowed
    except json.JSONDecodeError as error:
        raise InputError(
            f"The answers are not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). (Keine gültige JSON-Datei.)"
        ) from error
    except RecursionError as error:  # [[[[...]]]] nested thousands deep
        raise InputError(
            "The answers are nested too deeply to be an exercise file. (Zu tief "
            "verschachtelt: keine Übungsdatei.)"
        ) from error
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise InputError(f'This JSON is not a toolkit exercise (no "format": {FORMAT!r}).')
    if record.get("version") != VERSION:
        raise InputError(f"Exercise files of version {record.get('version')!r} are not supported.")
    return record


def _saved_item_texts(record: dict[str, Any]) -> list[str]:
    """Return the item texts of a saved exercise; a file without a list of items is refused.

    Without its items a file could hand one exercise's answers to another.
    """
    items = record.get("items")
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and isinstance(item.get("text"), str) for item in items
    ):
        raise InputError(
            "The JSON names no items (no 'items' list of tokens or sentences), so it cannot be "
            "matched to this exercise. Use a file written by the Save button. (Die Datei nennt "
            "keine Aufgaben.)"
        )
    return [item["text"] for item in items]


def _natural(item_id: str) -> tuple[int, str]:
    return (int(item_id), "") if item_id.isdigit() else (10**9, item_id)


def _sorted(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=_natural))
