"""Sentiment backends behind one small interface: learned weights, the rules, SentiWS, textblob-de.

A backend scores one sentence (:class:`SentenceInput`: its words, and lemmas, tags and text
when known) and returns a :class:`~toolkit.sentiment.rules.ScoredSentence` whose word
contributions add up exactly to its polarity. It also names the label thresholds that suit
its scale. Four backends come with the toolkit:

- ``rules`` (the ``default``): the rules of :mod:`toolkit.sentiment.rules` over
  textblob-de's polarity lexicon (read as data, with the toolkit's additions and news false
  hits), what the course teaches;
- ``learned``: linear weights over the rules' word values and the words themselves
  (:mod:`toolkit.sentiment.learned`), trained on PotTS and GerNTSA; better scores, and every
  word's contribution still adds up to the polarity;
- ``sentiws:PATH``: the same rules over a SentiWS-format lexicon you supply (SentiWS is
  licensed for non-commercial use only and never shipped with the toolkit);
- ``textblob-de``: textblob-de's own analyser, for comparison (its polarity is the mean of
  the values it finds; each found word contributes its value divided by their number).

Examples
--------
>>> backend = resolve_backend("rules")
>>> result = backend.score(SentenceInput(("Das", "ist", "sehr", "gut", ".")))
>>> [(word.entry, word.modifiers) for word in result.words]
[('gut', ('sehr ×1.5',))]
>>> isinstance(backend, SentimentBackend), resolve_backend("default").name
(True, 'rules')
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from toolkit.errors import InputError
from toolkit.lexicons import textblob_de_polarity_lexicon, textblob_de_sentiment
from toolkit.sentiment.lexicon import PolarityLexicon, default_lexicon
from toolkit.sentiment.rules import (
    RuleSettings,
    ScoredSentence,
    ScoredWord,
    negators,
    score_words,
    truncate,
)
from toolkit.sentiment.sentiws import read_sentiws

#: Label thresholds ``(positive, negative)`` of the default backend: polarity above 0.35 is
#: positive, below -0.15 negative. Tuned on the dev portions of the four evaluation sets
#: together (the pair with the best mean macro-F1 over news, PotTS, SB10k and GermEval; see
#: bench/eval_sentiment.py); those dev sets are the only data there is, and no test data was
#: used. With them every set clears the dev targets of issue 5 (news 0.45, PotTS 0.62,
#: SB10k 0.53, GermEval 0.37), though each set on its own would prefer other thresholds.
DEFAULT_THRESHOLDS = (0.35, 0.15)
#: The same for the rules over SentiWS (its weights are smaller; tuned the same way).
SENTIWS_THRESHOLDS = (0.1, 0.05)
#: textblob-de's analyser has no labels of its own: the sign of its polarity.
TEXTBLOB_THRESHOLDS = (0.0, 0.0)


@dataclass(frozen=True, slots=True)
class SentenceInput:
    """What a backend sees of a sentence: words, and lemmas, STTS tags and text when known."""

    words: tuple[str, ...]
    lemmas: tuple[str | None, ...] | None = None
    tags: tuple[str | None, ...] | None = None
    text: str | None = None


@runtime_checkable
class SentimentBackend(Protocol):
    """Scores one sentence; ``name`` and ``thresholds`` (positive, negative) describe it."""

    name: str
    thresholds: tuple[float, float]

    def score(self, sentence: SentenceInput) -> ScoredSentence:
        """Return the polarity, subjectivity and contributing words of one sentence."""
        ...


class RuleBackend:
    """The rules of :mod:`toolkit.sentiment.rules` over a polarity lexicon.

    Examples
    --------
    >>> RuleBackend(default_lexicon()).score(SentenceInput(("kein", "Erfolg"))).polarity < 0
    True
    """

    def __init__(
        self,
        lexicon: PolarityLexicon,
        settings: RuleSettings | None = None,
        *,
        name: str = "rules",
        thresholds: tuple[float, float] = DEFAULT_THRESHOLDS,
    ) -> None:
        self.lexicon = lexicon
        self.settings = settings or RuleSettings()
        self.name = name
        self.thresholds = thresholds

    def __repr__(self) -> str:
        return f"RuleBackend({self.name!r}, {self.lexicon!r})"

    def score(self, sentence: SentenceInput) -> ScoredSentence:
        """Score one sentence with the rules."""
        return score_words(
            sentence.words,
            sentence.lemmas,
            sentence.tags,
            lexicon=self.lexicon,
            settings=self.settings,
        )


class TextBlobBackend:
    """textblob-de's own analyser (pattern's lemmatizer and averaging), for comparison.

    Its polarity is textblob-de's (to within 1e-6: each contribution is cut to a multiple of
    2**-24 so that they add up exactly). Found words are matched back to the sentence's
    words by form, lemma or a shared beginning (textblob-de reports lemmas, not positions).

    Examples
    --------
    >>> result = TextBlobBackend().score(SentenceInput(("Das", "ist", "nicht", "gut", ".")))
    >>> result.polarity, [(word.position, word.modifiers) for word in result.words]
    (-0.5, [(3, ("Negation 'nicht' ×-0.5",))])
    """

    name = "textblob-de"
    thresholds = TEXTBLOB_THRESHOLDS

    def __repr__(self) -> str:
        return "TextBlobBackend()"

    def score(self, sentence: SentenceInput) -> ScoredSentence:
        """Score one sentence with textblob-de's analyser."""
        text = sentence.text if sentence.text is not None else " ".join(sentence.words)
        _, subjectivity, assessments = textblob_de_sentiment(text)
        if not assessments:
            return ScoredSentence(0.0, 0.0)
        count = len(assessments)
        cursor, words = 0, []
        for group, value in assessments:
            head, notes = _head_and_notes(group)
            position = _find_word(sentence, head, cursor)
            cursor = position + 1
            if value:
                lexicon_value = _textblob_values().get(head, value)
                words.append(
                    ScoredWord(position, head, lexicon_value, notes, value, truncate(value / count))
                )
        total = math.fsum(word.value for word in words)
        return ScoredSentence(
            polarity=sum(word.contribution for word in words),
            subjectivity=subjectivity,
            words=tuple(words),
            total=total,
        )


@cache
def _textblob_values() -> dict[str, float]:
    # pattern lower-cases every word before the lookup, so only lower-case entries can match.
    values: dict[str, float] = {}
    for form, _, polarity, *_ in textblob_de_polarity_lexicon():
        values.setdefault(form, polarity)
    return values


def _head_and_notes(group: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    negating = negators()
    content = [word for word in group if word != "!" and word not in negating]
    head = content[-1] if content else group[-1]
    notes = [f"Negation {word!r} ×-0.5" for word in group if word in negating]
    notes += [f"Modifikator {word!r}" for word in content[:-1]]
    notes += ["! ×1.25" for word in group if word == "!"]
    return head, tuple(notes)


def _find_word(sentence: SentenceInput, head: str, cursor: int) -> int:
    words, lemmas = sentence.words, sentence.lemmas
    size = len(words)
    checks = (
        lambda i: words[i].lower() == head.lower(),
        lambda i: lemmas is not None and (lemmas[i] or "").lower() == head.lower(),
        lambda i: len(head) > 3 and words[i].lower()[:4] == head.lower()[:4],
    )
    for check in checks:
        for position in (*range(cursor, size), *range(0, min(cursor, size))):
            if check(position):
                return position
    wordlike = [i for i in range(min(cursor, size - 1), size) if words[i][:1].isalnum()]
    return wordlike[0] if wordlike else max(0, min(cursor, size - 1))


# --- choosing a backend ----------------------------------------------------------------------


@cache
def default_backend() -> RuleBackend:
    """Return the rules over textblob-de's lexicon (``sentiment_backend="rules"``), built once."""
    return RuleBackend(default_lexicon())


@cache
def sentiws_backend(path: str) -> RuleBackend:
    """Return the rules over a SentiWS-format lexicon at ``path`` (a file or a folder)."""
    return RuleBackend(
        read_sentiws(path), name=f"SentiWS ({Path(path).name})", thresholds=SENTIWS_THRESHOLDS
    )


#: Backend names accepted by :func:`resolve_backend` (besides ``sentiws:PATH``).
BACKEND_NAMES = ("default", "rules", "learned", "textblob-de", "sentiws:PATH")


def resolve_backend(spec: str | os.PathLike[str] | SentimentBackend) -> SentimentBackend:
    """Return the backend named by ``spec``: ``default``, ``rules``, ``learned``, ...

    Names: ``default`` (= ``rules``), ``learned``, ``textblob-de``, ``sentiws:PATH``.

    A path to an existing SentiWS-format file or folder also works, and so does any object
    with a ``score`` method, a ``name`` and ``thresholds`` (see :class:`SentimentBackend`).

    Raises
    ------
    InputError
        If the name is unknown or the SentiWS path does not exist.

    Examples
    --------
    >>> resolve_backend("textblob").name
    'textblob-de'
    >>> resolve_backend("vader")
    Traceback (most recent call last):
    ...
    toolkit.errors.InputError: Unknown sentiment backend 'vader'; use one of default, rules, \
learned, textblob-de, sentiws:PATH.
    """
    # a name or path first: the protocol check is slow, and resolving happens per sentence
    if not isinstance(spec, (str, os.PathLike)) and isinstance(spec, SentimentBackend):
        return spec
    text = os.fspath(spec).strip()
    if text in ("", "default", "rules"):
        return default_backend()
    if text == "learned":
        from toolkit.sentiment.learned import learned_backend

        return learned_backend()
    if text.lower() in ("textblob", "textblob-de", "textblob_de"):
        return TextBlobBackend()
    path = text.split(":", 1)[1] if text.lower().startswith("sentiws:") else text
    if text.lower().startswith("sentiws:") or Path(path).exists():
        if not Path(path).exists():
            raise InputError(f"SentiWS lexicon not found: {path}")
        return sentiws_backend(str(Path(path).resolve()))
    raise InputError(f"Unknown sentiment backend {text!r}; use one of {', '.join(BACKEND_NAMES)}.")
