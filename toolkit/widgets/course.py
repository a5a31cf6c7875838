"""Small views the course notebooks share: the article, self-checks and recorded figures.

* :class:`ArticleView`: title, date and people of a text, and the text in paragraphs (no raw
  metadata, no monospace wall).
* :class:`SelfCheck`: the scores of exercises, updated when a student clicks Check; before
  that it says what to do.
* :class:`ScoresView`: the toolkit's evaluation figures from the one generated source,
  ``toolkit/data/scores.json`` (:mod:`toolkit.scores`), never typed by hand.

Examples
--------
>>> from toolkit import analyse
>>> from toolkit.widgets import Exercise, ExerciseView
>>> view = ExerciseView(Exercise.mark_tokens(analyse("Er sagte, sie sei krank."), "konjunktiv"))
>>> check = SelfCheck(view)
>>> "Prüfen" in check.output.value
True
>>> view.toggles["4"].value = True
>>> view.check()
>>> "100 %" in check.output.value
True
"""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as widgets
import pandas as pd

from toolkit.annotation import exercise_report
from toolkit.model import CorpusText, Document
from toolkit.render import STYLE, escape, heading, message, table
from toolkit.scores import GOLD_CORPUS, load_scores
from toolkit.translate import date_text, number
from toolkit.widgets.base import ToolkitWidget, register_labels
from toolkit.widgets.exercise import ExerciseView
from toolkit.widgets.figures import frame_html, scores_explanation, scores_html

register_labels(
    {
        "sc_todo": {
            "de": "„{title}“: noch nicht geprüft. Bearbeiten Sie die Übung oben und klicken "
            "Sie auf „Prüfen“; hier erscheint dann Ihre Punktzahl.",
            "en": "“{title}”: not checked yet. Do the exercise above and click Check; your "
            "score appears here.",
        },
        "sc_score": {
            "de": "„{title}“: Punktzahl {score} % ({right} richtig, {wrong} falsch, "
            "{missing} fehlen).",
            "en": "“{title}”: score {score} % ({right} right, {wrong} wrong, {missing} missing).",
        },
        "sc_swap": {
            "de": "Mit Ihnen als Gold-Standard: Precision des Toolkits {precision}, Recall "
            "des Toolkits {recall}, F1 {f1}.",
            "en": "With you as the gold standard: the toolkit's precision {precision}, "
            "recall {recall}, F1 {f1}.",
        },
        "sc_exercise": {"de": "Übung", "en": "Exercise"},
        "sv_none": {
            "de": "Für „{section}“ ist noch keine Messung gespeichert; `{command}` misst sie "
            "(mit den Gold-Daten) und speichert sie in toolkit/data/scores.json.",
            "en": "No measurement of “{section}” is stored yet; `{command}` measures it (with "
            "the gold data) and stores it in toolkit/data/scores.json.",
        },
        "sv_measured": {
            "de": "Gemessen am {date} mit {note}; Quelle: toolkit/data/scores.json.",
            "en": "Measured on {date} with {note}; source: toolkit/data/scores.json.",
        },
        "av_date": {"de": "Datum", "en": "date"},
        "av_people": {"de": "Personen", "en": "people"},
        "av_title": {"de": "Titel", "en": "title"},
        "av_size": {"de": "Umfang", "en": "length"},
        "av_size_value": {
            "de": "{sentences} Sätze, {characters} Zeichen",
            "en": "{sentences} sentences, {characters} characters",
        },
    }
)


class SelfCheck(ToolkitWidget):
    """Show the scores of exercise views, live: what to do before Check, the score after.

    Parameters
    ----------
    *views
        :class:`~toolkit.widgets.ExerciseView` widgets.
    toolkit_is_system
        Also show precision, recall and F1 of the toolkit with the student as gold.
    report
        For label exercises: also the per-label table (:func:`toolkit.annotation.exercise_report`).
    """

    def __init__(
        self,
        *views: ExerciseView,
        toolkit_is_system: bool = False,
        report: bool = False,
        reference: str = "toolkit",
        language: str | None = None,
    ) -> None:
        self.views = views
        self.toolkit_is_system, self.report, self.reference = toolkit_is_system, report, reference
        self.output = widgets.HTML()
        super().__init__(language=language, children=[self.output])
        for view in views:
            view.observe(lambda _change: self.update(), names=["score", "language"])
        self.update()

    def relabel(self) -> None:
        """Redraw in the current language."""
        self.update()

    def update(self) -> None:
        """Show each exercise's state."""
        parts = [STYLE]
        # a stage exercise's title follows the language; two of the same kind get numbers
        titles = [view.title_in(self.language) for view in self.views]
        for number_, (view, title) in enumerate(zip(self.views, titles, strict=True), start=1):
            if not title:
                title = f"{self._('sc_exercise')} {number_}"
            elif titles.count(title) > 1:
                title = f"{self._('sc_exercise')} {number_}: {title}"
            feedback = view.feedback
            if feedback is None:
                parts.append(message(self._("sc_todo").format(title=title)))
                continue
            text = self._("sc_score").format(
                title=title,
                score=round(feedback.score * 100),
                right=len(feedback.correct),
                wrong=len(feedback.wrong),
                missing=len(feedback.missing),
            )
            parts.append(message(text, "success" if feedback.solved else "info"))
            if self.toolkit_is_system:
                scores = {
                    "precision": feedback.recall,  # the student's recall is the toolkit's precision
                    "recall": feedback.precision,
                    "f1": feedback.f1,
                }
                shown = {key: number(round(v, 2), self.language, 2) for key, v in scores.items()}
                parts.append(message(self._("sc_swap").format(**shown)))
            if self.report and view.exercise.kind == "label":
                frame = exercise_report(view.exercise, reference=self.reference)
                if "note" not in frame.columns:
                    parts.append(frame_html(frame, language=self.language))
        self.output.value = "".join(parts)


class ScoresView(ToolkitWidget):
    """The toolkit's recorded figures of one evaluation section, as tables for people.

    First what P, R, F1 and n mean, then one table per corpus with the rows of a measure
    together (:func:`~toolkit.widgets.figures.scores_html`); each heading names the gold
    corpus (:data:`toolkit.scores.GOLD_CORPUS` where the subsets do not).

    Examples
    --------
    >>> view = ScoresView("no such section", command="python bench/eval_x.py")
    >>> "bench/eval_x.py" in view.output.value
    True
    """

    def __init__(
        self,
        section: str,
        command: str = "",
        systems: str | tuple[str, ...] = "toolkit",
        columns: tuple[str, ...] = ("system", "subset", "measure", "P", "R", "F1", "n"),
        language: str | None = None,
    ) -> None:
        self.section, self.command, self.systems, self.columns = section, command, systems, columns
        self.output = widgets.HTML()
        self.rows: list[dict[str, Any]] = []
        super().__init__(language=language, children=[self.output])
        self.update()

    def relabel(self) -> None:
        """Redraw in the current language."""
        self.update()

    def update(self) -> None:
        """Read the figures and show them."""
        found = load_scores().get(self.section)
        rows = [
            row
            for row in (found or {}).get("rows", [])
            if (
                str(row.get("system", "")) in self.systems
                if isinstance(self.systems, tuple)
                else str(row.get("system", "")).startswith(self.systems)
            )
        ]
        self.rows = rows
        if not rows:
            self.output.value = message(
                self._("sv_none").format(section=self.section, command=self.command)
            )
            return
        frame = pd.DataFrame(rows)
        frame = frame[[c for c in self.columns if c in frame.columns]].copy()
        if "n" in frame.columns:  # a count: "6.476", not the "6.476,0" of a float column
            frame["n"] = pd.to_numeric(frame["n"], errors="coerce").round().astype("Int64")
        note = str(found.get("note", ""))  # type: ignore[union-attr]
        command = re.search(r"`([^`]+)`", note)
        measured = self._("sv_measured").format(
            date=date_text(str(found.get("measured", "")), self.language),  # type: ignore[union-attr]
            note=command.group(1) if command else self.command,
        )
        # speaker rows count only the quotes each system found: their n differs
        speakers = "measure" in frame and frame["measure"].astype(str).str.startswith("speaker")
        self.output.value = (
            scores_explanation(frame.columns, self.language, speakers=bool(speakers.any()))
            + scores_html(frame, language=self.language, corpus=GOLD_CORPUS.get(self.section))
            + message(measured)
        )


class ArticleView(ToolkitWidget):
    """A text as people read it: a few facts (title, date, people, length) and paragraphs.

    Examples
    --------
    >>> from toolkit import load_article
    >>> view = ArticleView(load_article())
    >>> "Stoltenberg" in view.facts.value and "shared/seed" not in view.facts.value
    True
    >>> view.language = "en"
    >>> "<td>Title</td>" in view.facts.value and "<td>People</td>" in view.facts.value
    True
    """

    def __init__(self, text: CorpusText | Document, language: str | None = None) -> None:
        self.source = text
        self.facts = widgets.HTML()
        self.body = widgets.HTML()
        super().__init__(language=language, children=[self.facts, self.body])
        self.update()

    def relabel(self) -> None:
        """Redraw in the current language."""
        self.update()

    def update(self) -> None:
        """Show the facts and the paragraphs."""
        metadata = dict(self.source.metadata or {})
        text = self.source.text
        sentences = metadata.get("sentences")
        if isinstance(self.source, Document):
            sentences = len(self.source.sentences)
        size = self._("av_size_value").format(
            sentences=number(sentences, self.language) if sentences else "–",
            characters=number(len(text), self.language),
        )
        rows = [
            (self._("av_title"), metadata.get("title", "–")),
            (self._("av_date"), metadata.get("date", "–")),
            (self._("av_people"), ", ".join(metadata.get("people", [])) or "–"),
            (self._("av_size"), size),
        ]
        # the labels head their rows: with a capital, as the column headers elsewhere
        rows = [(heading(name), found) for name, found in rows]
        self.facts.value = STYLE + table(rows, css_class="tk-table")
        paragraphs = [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
        self.body.value = (
            '<div class="tk-text" style="max-width:48em">'
            + "".join(f"<p>{escape(part)}</p>" for part in paragraphs)
            + "</div>"
        )


__all__ = ["ArticleView", "ScoresView", "SelfCheck"]
