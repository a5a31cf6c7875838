"""The exercise widget: mark tokens or label sentences, check, save and reload the answers.

The logic (key, answers, scoring, JSON) is :class:`toolkit.exercises.Exercise`; this module
only shows it. Every stage notebook uses it the same way::

    exercise = Exercise.mark_tokens(doc, key="konjunktiv", sentences=[2, 3])
    ExerciseView(exercise)

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Peskow sagte, das sei gefährlich.")
>>> view = ExerciseView(Exercise.mark_tokens(doc, key="punctuation", title="Satzzeichen"))
>>> view.toggles["2"].value = True      # the student clicks the comma
>>> view.check()
>>> view.score, view.toggles["2"].button_style, view.toggles["6"].button_style
(0.5, 'success', 'warning')
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from toolkit.errors import ToolkitError
from toolkit.exercises import MARKED, Exercise, Feedback
from toolkit.model import Document
from toolkit.render import STYLE, escape, message, table
from toolkit.translate import choice, error_text, number
from toolkit.widgets.base import (
    ToolkitWidget,
    follow_text,
    label,
    register_labels,
)

register_labels(
    {
        "ex_check": {"de": "Prüfen", "en": "Check"},
        "ex_solution": {"de": "Lösung zeigen", "en": "Show solution"},
        "ex_reset": {"de": "Zurücksetzen", "en": "Reset"},
        "ex_save": {"de": "Speichern", "en": "Save"},
        "ex_load": {"de": "Laden", "en": "Load"},
        "ex_file": {"de": "Datei", "en": "File"},
        "ex_saved": {"de": "Antworten gespeichert in", "en": "Answers saved to"},
        "ex_loaded": {"de": "Antworten geladen aus", "en": "Answers loaded from"},
        "ex_none": {"de": "(keine Angabe)", "en": "(no answer)"},
        "ex_solution_title": {"de": "Lösung", "en": "Solution"},
        "ex_sentence": {"de": "Satz", "en": "Sentence"},
        "ex_words": {"de": "Wortlaut", "en": "Text"},
        "ex_label": {"de": "Lösung", "en": "Answer"},
        "ex_nothing": {"de": "Hier ist nichts zu markieren.", "en": "Nothing to mark here."},
        "ex_legend_mark": {
            "de": "Angeklickt: blau. Nach „Prüfen“: ✓ grün richtig, ✗ rot falsch markiert, "
            "? orange übersehen.",
            "en": "Selected: blue. After Check: ✓ green right, ✗ red wrongly marked, "
            "? orange missed.",
        },
        "ex_legend_label": {
            "de": "Nach „Prüfen“ steht neben jedem Satz ✓ (richtig), ✗ (falsch) oder ? (fehlt).",
            "en": "After Check, each sentence shows ✓ (right), ✗ (wrong) or ? (no answer).",
        },
        "ex_legend_mark_compare": {
            "de": "Angeklickt: blau. Nach „Prüfen“: ✓ grün von Ihnen und vom Toolkit markiert, "
            "✗ rot nur von Ihnen, ? orange nur vom Toolkit.",
            "en": "Selected: blue. After Check: ✓ green marked by you and by the toolkit, "
            "✗ red by you only, ? orange by the toolkit only.",
        },
        "ex_legend_label_compare": {
            "de": "Nach „Prüfen“ steht neben jedem Satz ✓ (wie das Toolkit), ✗ (anders als das "
            "Toolkit) oder ? (keine Antwort).",
            "en": "After Check, each sentence shows ✓ (as the toolkit), ✗ (unlike the toolkit) "
            "or ? (no answer).",
        },
        "ex_first_sentences": {
            "de": "Die ersten {n} Sätze des gewählten Textes.",
            "en": "The first {n} sentences of the chosen text.",
        },
        "ex_mark_tip": {"de": "anklicken zum Markieren", "en": "click to mark"},
        "ex_choose": {"de": "Auswahl für Satz {n}", "en": "Choice for sentence {n}"},
    }
)

#: Button styles after checking: right, wrong, forgotten; and of a selected token before.
CORRECT, WRONG, MISSING, SELECTED = "success", "danger", "warning", "info"
SYMBOLS = {CORRECT: "✓", WRONG: "✗", MISSING: "?", "": ""}
#: Sentences a live exercise on a picked text offers at most (no wall of token buttons).
MAX_SENTENCES = 6


class ExerciseView(ToolkitWidget):
    """Show an :class:`~toolkit.exercises.Exercise` with Check, Solution, Save and Load.

    A ``mark`` exercise shows one toggle button per token, a ``label`` exercise one dropdown
    per sentence.

    What the view showed last is kept for tests: ``feedback`` (a
    :class:`~toolkit.exercises.Feedback`), ``score``, ``status.value`` (the message),
    ``solution_html`` and ``hints``.

    A stage's exercise explains mistakes with the toolkit's analysis by overriding
    :meth:`explain`; its rows appear in ``hints_view`` after Check.

    Parameters
    ----------
    exercise
        The exercise (it holds the answers; the view changes it as the student clicks).
    path
        Where Save and Load write and read the answers (default: a name from the title).
    language
        ``de`` or ``en``.
    compare
        The toolkit's answers are no solution but one side of a comparison (the student's
        marks are the gold standard, or the toolkit may be wrong): the legend says who marked
        what (``✗ rot: nur Sie``), not right and wrong.
    """

    score = traitlets.Float(None, allow_none=True)

    def __init__(
        self,
        exercise: Exercise,
        path: str | os.PathLike[str] | None = None,
        language: str | None = None,
        compare: bool = False,
    ) -> None:
        self.exercise = exercise
        self.compare = compare
        self.feedback: Feedback | None = None
        self.solution_html = ""
        self.toggles: dict[str, widgets.ToggleButton] = {}
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        self.ticks: dict[str, widgets.HTML] = {}
        self.header = widgets.HTML(self._header_html())
        self.body = widgets.VBox(self._build_items())
        self.check_button = widgets.Button(icon="check")
        self.solution_button = widgets.Button(icon="eye")
        self.reset_button = widgets.Button(icon="undo")
        self.path_input = widgets.Text(  # wide enough to show the name a student edits
            value=str(path or _default_path(exercise.title)),
            layout=widgets.Layout(width="28em"),
            style={"description_width": "initial"},
        )
        self.save_button = widgets.Button(icon="save")
        self.load_button = widgets.Button(icon="folder-open")
        self.status = widgets.HTML()
        self.solution = widgets.HTML()
        self.hints: list[tuple[Any, str]] = []
        self.hints_view = widgets.HTML()
        self.check_button.on_click(lambda _button: self.check())
        self.solution_button.on_click(lambda _button: self.show_solution())
        self.reset_button.on_click(lambda _button: self.reset())
        self.save_button.on_click(lambda _button: self.save())
        self.load_button.on_click(lambda _button: self.load())
        super().__init__(
            language=language,
            children=[
                self.header,
                self.body,
                widgets.HBox([self.check_button, self.solution_button, self.reset_button]),
                widgets.HBox([self.path_input, self.save_button, self.load_button]),
                self.status,
                self.solution,
                self.hints_view,
            ],
        )
        self.spec: dict[str, Any] | None = None
        self.note = widgets.HTML()
        self.children = (self.header, self.note, *self.children[1:])
        self.relabel()

    def follow(
        self,
        source: Any,
        key: str,
        sentences: Any = None,
        max_sentences: int = MAX_SENTENCES,
    ) -> ExerciseView:
        """Rebuild the exercise (same kind and title) whenever the picked text changes.

        ``source`` is a TextPicker, ``key`` the name of the answer key (``"konjunktiv"``,
        ``"speech"``, ...). Without ``sentences`` the first ``max_sentences`` sentences of
        the text are used. Returns the view, so a cell can end with it.
        """
        self.spec = {"key": key, "sentences": sentences, "max": max_sentences}
        follow_text(source, self.set_document, self._show_error)
        try:
            self.set_document(source.document)  # the same sentences as after a change
        except ToolkitError as error:
            self._show_error(error_text(error, self.language))
        return self

    def _show_error(self, text: str) -> None:
        self.status.value = message(text, "error")

    def set_document(self, document: Document) -> None:
        """Build the exercise anew for ``document`` (answers and feedback start empty)."""
        spec = self.spec or {"key": None, "sentences": None, "max": MAX_SENTENCES}
        chosen = spec["sentences"]
        if chosen is None:
            chosen = range(min(len(document.sentences), spec["max"]))
        build = Exercise.mark_tokens if self.exercise.kind == "mark" else Exercise.label_sentences
        try:
            self.exercise = build(
                document,
                spec["key"],
                sentences=chosen,
                title=self.exercise.title,
                instructions=self.exercise.instructions,
                title_en=self.exercise.title_en,
            )
        except ToolkitError as error:
            self._show_error(error_text(error, self.language))
            return
        self.document = document
        self.toggles, self.dropdowns, self.ticks = {}, {}, {}
        self.body.children = self._build_items()
        self.reset()
        self.relabel()
        if spec["sentences"] is None and len(document.sentences) > spec["max"]:
            self.note.value = message(self._("ex_first_sentences").format(n=spec["max"]))
        else:
            self.note.value = ""

    # -- building -------------------------------------------------------------------------

    #: Label keys of a stage exercise's own title and instructions (follow the language).
    title_key: str | None = None
    instructions_key: str | None = None

    def title_in(self, language: str) -> str:
        """Return the exercise's title in ``language`` (the German one if it has no other)."""
        if self.title_key:
            return label(self.title_key, language)
        if language == "en" and self.exercise.title_en:
            return self.exercise.title_en
        return self.exercise.title

    def _header_html(self) -> str:
        parts = [STYLE]
        language = getattr(self, "language", "de")
        title = self.title_in(language)
        instructions = (
            label(self.instructions_key, language)
            if self.instructions_key
            else self.exercise.instructions
        )
        if title:
            parts.append(f"<h4>{escape(title)}</h4>")
        if instructions:
            parts.append(f"<p>{escape(instructions)}</p>")
        return "".join(parts)

    def _build_items(self) -> list[widgets.Widget]:
        if self.exercise.kind == "mark":
            return self._build_toggles()
        return self._build_dropdowns()

    def _build_toggles(self) -> list[widgets.Widget]:
        rows: dict[int, list[widgets.Widget]] = {}
        for item in self.exercise.items:
            marked = item.id in self.exercise.answers
            toggle = widgets.ToggleButton(
                value=marked,
                description=item.text,
                tooltip=item.text,
                button_style=SELECTED if marked else "",
                layout=widgets.Layout(width="auto", margin="1px"),
            )
            toggle.observe(lambda change, i=item.id: self._on_toggle(i, change), names="value")
            self.toggles[item.id] = toggle
            rows.setdefault(item.group, []).append(toggle)
        wrap = widgets.Layout(flex_flow="row wrap", margin="0 0 0.6em 0")
        return [widgets.HBox(row, layout=wrap) for row in rows.values()]

    def _build_dropdowns(self) -> list[widgets.Widget]:
        rows = []
        for item in self.exercise.items:
            dropdown = widgets.Dropdown(
                options=self._choice_options(),
                value=self.exercise.answers.get(item.id, ""),
                # one label width for "Satz 9" and "Sentence 12", so the choices line up
                style={"description_width": "6.5em"},
                layout=widgets.Layout(width="18em", min_width="18em", flex="0 0 auto"),
            )
            dropdown.observe(lambda change, i=item.id: self._on_label(i, change), names="value")
            # neither the tick nor the choice shrinks for a long sentence: the texts line up
            tick = widgets.HTML(layout=widgets.Layout(width="1.8em", flex="0 0 auto"))
            text = widgets.HTML(escape(item.text), layout=widgets.Layout(flex="1 1 auto"))
            self.dropdowns[item.id] = dropdown
            self.ticks[item.id] = tick
            rows.append(widgets.HBox([dropdown, tick, text]))
        return rows

    def _choice_options(self) -> list[tuple[str, str]]:
        return [("—", ""), *[(choice(c, self.language), c) for c in self.exercise.choices]]

    def relabel(self) -> None:
        """Set labels for the current language."""
        for item in self.exercise.items:
            if item.id in self.dropdowns:
                dropdown = self.dropdowns[item.id]
                current = dropdown.value
                dropdown.options = self._choice_options()
                dropdown.value = current
                # a visible label (the sentence number) that screen readers announce too
                dropdown.description = f"{self._('ex_sentence')} {item.group + 1}"
                dropdown.tooltip = self._("ex_choose").format(n=item.group + 1)
        for _item_id, toggle in self.toggles.items():
            toggle.tooltip = f"{toggle.description} – {self._('ex_mark_tip')}"
        legend = "ex_legend_mark" if self.exercise.kind == "mark" else "ex_legend_label"
        legend += "_compare" if self.compare else ""
        self.header.value = self._header_html() + f"<p><i>{escape(self._(legend))}</i></p>"
        self.check_button.description = self._("ex_check")
        self.solution_button.description = self._("ex_solution")
        self.reset_button.description = self._("ex_reset")
        self.save_button.description = self._("ex_save")
        self.load_button.description = self._("ex_load")
        self.path_input.description = self._("ex_file")
        if self.feedback is not None:
            self.check()
        if self.solution_html:
            self.show_solution()

    # -- reacting to the student ----------------------------------------------------------

    def _on_toggle(self, item_id: str, change: dict) -> None:
        if change["new"]:
            self.exercise.mark(item_id)
        else:
            self.exercise.unmark(item_id)
        self._style(item_id, SELECTED if change["new"] else "")

    def _style(self, item_id: str, style: str) -> None:
        """Colour a token button and put ✓ / ✗ / ? before its word (not colour alone)."""
        toggle = self.toggles[item_id]
        word = next(item.text for item in self.exercise.items if item.id == item_id)
        symbol = SYMBOLS.get(style, "")
        toggle.button_style = style
        toggle.description = f"{symbol} {word}" if symbol else word

    def _on_label(self, item_id: str, change: dict) -> None:
        self.exercise.set_label(item_id, change["new"])
        self.ticks[item_id].value = ""

    def check(self) -> None:
        """Compare the answers with the key; colour every item and show a summary."""
        self.feedback = feedback = self.exercise.check()
        self.score = feedback.score
        styles = {i: CORRECT for i in feedback.correct}
        styles.update({i: WRONG for i in feedback.wrong})
        styles.update({i: MISSING for i in feedback.missing})
        for item_id, toggle in self.toggles.items():
            default = SELECTED if toggle.value else ""
            self._style(item_id, styles.get(item_id, default))
        for item_id, tick in self.ticks.items():
            style = styles.get(item_id, "")
            colour = {CORRECT: "#1d6b1d", WRONG: "#a11", MISSING: "#8a4b00"}.get(style, "")
            tick.value = (
                f'<b style="color:{colour};font-size:1.2em">{escape(SYMBOLS[style])}</b>'
                if style
                else ""
            )
        kind = "success" if feedback.solved else "info"
        self.status.value = message(feedback.summary(self.language), kind)
        self.hints = self.explain(feedback)
        rows = [(self.hint_label(key), text) for key, text in self.hints]
        self.hints_view.value = table(rows, css_class="tk-table") if rows else ""

    def explain(self, feedback: Feedback) -> list[tuple[Any, str]]:
        """Return ``(key, explanation)`` for mistakes worth explaining (none by default)."""
        return []

    def hint_label(self, key: Any) -> str:
        """Return the first column shown for a hint (its key; subclasses may translate)."""
        return str(key)

    def show_solution(self) -> None:
        """Show the answer key below the exercise."""
        key = self.exercise.solution()
        texts = {item.id: item for item in self.exercise.items}
        title = f"<b>{escape(self._('ex_solution_title'))}</b>"
        if self.exercise.kind == "mark":
            words = [texts[i].text for i in texts if key.get(i) == MARKED]
            body = (
                " ".join(f'<span class="tk-token">{escape(w)}</span>' for w in words)
                if words
                else escape(self._("ex_nothing"))
            )
        else:
            body = table(
                (
                    (
                        number(texts[i].group + 1, self.language),
                        choice(key[i], self.language),
                        t.text,
                    )
                    for i, t in texts.items()
                ),
                header=[self._("ex_sentence"), self._("ex_label"), self._("ex_words")],
                css_class="tk-table",
            )
        self.solution_html = f"{STYLE}{title}<br>{body}"
        self.solution.value = self.solution_html

    def reset(self) -> None:
        """Forget all answers, colours and the shown solution."""
        self.exercise.clear()
        self.feedback, self.score, self.solution_html = None, None, ""
        self.solution.value = self.status.value = self.hints_view.value = ""
        self.hints = []
        self.sync()

    def sync(self) -> None:
        """Show the exercise's current answers (after loading them)."""
        for item_id, toggle in self.toggles.items():
            toggle.value = item_id in self.exercise.answers
            self._style(item_id, SELECTED if toggle.value else "")
        for item_id, dropdown in self.dropdowns.items():
            dropdown.value = self.exercise.answers.get(item_id, "")
            self.ticks[item_id].value = ""

    # -- saving and loading ---------------------------------------------------------------

    def save(self, path: str | os.PathLike[str] | None = None) -> bool:
        """Save the answers as JSON (to ``path`` or the file field); report in ``status``."""
        target = Path(path) if path is not None else Path(self.path_input.value.strip())
        try:
            written = self.exercise.save(target)
        except ToolkitError as error:
            self.status.value = message(error_text(error, self.language), "error")
            return False
        self.status.value = message(f"{self._('ex_saved')} {written}", "success")
        return True

    def load(self, path: str | os.PathLike[str] | None = None) -> bool:
        """Load answers from JSON (``path`` or the file field); on error nothing changes."""
        source = Path(path) if path is not None else Path(self.path_input.value.strip())
        try:
            self.exercise.load(source)
        except ToolkitError as error:
            self.status.value = message(error_text(error, self.language), "error")
            return False
        self.feedback, self.score = None, None
        self.sync()
        self.status.value = message(f"{self._('ex_loaded')} {source}", "success")
        return True

    def to_json(self) -> str:
        """Return the exercise with the answers as a JSON string."""
        return self.exercise.to_json()

    def load_json(self, data: str) -> bool:
        """Take over answers from a JSON string; on error nothing changes."""
        try:
            self.exercise.load_answers(data)
        except ToolkitError as error:
            self.status.value = message(error_text(error, self.language), "error")
            return False
        self.feedback, self.score = None, None
        self.sync()
        return True


def _default_path(title: str) -> str:
    slug = re.sub(r"[^\w]+", "_", title.lower(), flags=re.UNICODE).strip("_")
    return f"antworten_{slug or 'uebung'}.json"


__all__ = ["Exercise", "ExerciseView"]
