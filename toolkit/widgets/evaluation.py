"""Score the toolkit on gold data from a notebook, beside the numbers of existing tools.

Without the data (no path, no ``TOOLKIT_EVAL_DATA``) the view says how to get it and still
shows the reference numbers, so a notebook runs top to bottom either way.

Examples
--------
>>> view = EvaluationView(path="/gibt/es/nicht", run=True)
>>> view.scores is None, "nicht gefunden" in view.status.value
(True, True)
>>> "F1" in view.anchors_table.columns
True
"""

from __future__ import annotations

import os
import time

import ipywidgets as widgets
import pandas as pd

import toolkit.evaluation as evaluation
from toolkit.corpus import EVAL_DATA_VARIABLE
from toolkit.errors import ToolkitError
from toolkit.render import escape, message
from toolkit.scores import GOLD_CORPUS
from toolkit.translate import choice, error_text, number
from toolkit.widgets.base import LABELS, ToolkitWidget, register_labels
from toolkit.widgets.figures import SCORES, frame_html, scores_explanation, scores_html

register_labels(
    {
        "ev_path": {"de": "Gold-Daten", "en": "Gold data"},
        "ev_stage": {"de": "Stufe", "en": "Stage"},
        "ev_limit": {"de": "Höchstens", "en": "At most"},
        "ev_run": {"de": "Auswerten", "en": "Evaluate"},
        "ev_scores": {"de": "Ergebnis des Toolkits", "en": "The toolkit's scores"},
        "ev_anchors": {"de": "Zum Vergleich (andere Werkzeuge)", "en": "For comparison"},
        "ev_done": {"de": "Ausgewertet in", "en": "Evaluated in"},
        "ev_no_units": {
            "de": "Nicht gezeigt: {parts} – in dieser Auswahl gibt es keine Sätze daraus. "
            "Wählen Sie unter „{limit}“ mehr Sätze (0 = alle), um sie auch zu sehen.",
            "en": "Not shown: {parts} – this selection has no sentences from it. Choose "
            "more sentences under “{limit}” (0 = all) to see them too.",
        },
        "ev_no_units_many": {
            "de": "Nicht gezeigt: {parts} – in dieser Auswahl gibt es keine Sätze daraus. "
            "Wählen Sie unter „{limit}“ mehr Sätze (0 = alle), um sie auch zu sehen.",
            "en": "Not shown: {parts} – this selection has no sentences from them. Choose "
            "more sentences under “{limit}” (0 = all) to see them too.",
        },
        "ev_running": {
            "de": "Wird ausgewertet … (Redewiedergabe und Stimmung brauchen einige Minuten)",
            "en": "Evaluating … (reported speech and sentiment take a few minutes)",
        },
        "ev_stage_tokens": {"de": "Tokens und Sätze", "en": "tokens and sentences"},
        "ev_stage_mood": {"de": "Verbmodus", "en": "verb mood"},
        "ev_stage_speech": {"de": "Redewiedergabe", "en": "reported speech"},
        "ev_stage_sentiment": {"de": "Stimmung", "en": "sentiment"},
        "ev_placeholder": {
            "de": "Ordner der Gold-Daten (oder TOOLKIT_EVAL_DATA setzen)",
            "en": "gold data folder (or set TOOLKIT_EVAL_DATA)",
        },
    }
)


class EvaluationView(ToolkitWidget):
    """Path field, stage, limit and a button; scores and reference numbers as tables.

    Keeps ``scores`` (DataFrame or ``None``), ``anchors_table`` and ``seconds`` for tests.

    Parameters
    ----------
    path
        The gold data folder; default ``$TOOLKIT_EVAL_DATA``.
    stage
        One of :func:`toolkit.evaluation.available`.
    limit
        Read at most this many units (sentences), to keep a classroom run short; 0 = all.
    run
        Evaluate at once (if the data is there).
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        stage: str = "tokens",
        limit: int = 300,
        *,
        run: bool = True,
        language: str | None = None,
    ) -> None:
        self.scores: pd.DataFrame | None = None
        self.anchors_table = pd.DataFrame()
        self.seconds = 0.0
        self.failure: ToolkitError | None = None
        self.scored_stage: str | None = None  # the stage of the last run (``scores``)
        stages = evaluation.available()
        default = path if path is not None else os.environ.get(EVAL_DATA_VARIABLE, "")
        self.path = widgets.Text(value=str(default), layout=widgets.Layout(width="60%"))
        self.stage = widgets.Dropdown(options=stages, value=stage if stage in stages else None)
        self.limit = widgets.BoundedIntText(value=limit, min=0, max=10_000_000, step=100)
        self.run_button = widgets.Button(icon="play", button_style="primary")
        self.status = widgets.HTML()
        self.explanation = widgets.HTML()  # what P, R, F1 and n mean, above both tables
        self.result = widgets.HTML()
        self.reference = widgets.HTML()
        self.run_button.on_click(lambda _button: self.run())
        self.stage.observe(lambda _change: self.show_anchors(), names="value")
        super().__init__(
            language=language,
            children=[
                self.path,
                widgets.HBox([self.stage, self.limit, self.run_button]),
                self.status,
                self.explanation,
                self.result,
                self.reference,
            ],
        )
        self.relabel()  # also shows the anchors
        if run:
            self.run()

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.path.description = self._("ev_path")
        self.path.placeholder = self._("ev_placeholder")
        self.stage.description = self._("ev_stage")
        current = self.stage.value
        self.stage.options = [
            (self._(f"ev_stage_{name}") if f"ev_stage_{name}" in LABELS else name, name)
            for name in evaluation.available()
        ]
        self.stage.value = current
        self.limit.description = self._("ev_limit")
        self.run_button.description = self._("ev_run")
        self.explanation.value = scores_explanation(language=self.language)
        self.show_anchors()
        self.show_scores()  # the scores or the error shown stay, in the new language

    def show_anchors(self) -> None:
        """Show the reference numbers for the chosen stage."""
        if self.stage.value is None:
            return
        self.anchors_table = evaluation.anchors(self.stage.value)
        self.reference.value = (
            f"<b>{escape(self._('ev_anchors'))}</b>"
            f"{frame_html(self.anchors_table, language=self.language, fixed=SCORES)}"
        )

    def run(self) -> None:
        """Evaluate the chosen stage; without data, explain where to get it."""
        self.scores, self.failure = None, None
        self.scored_stage = self.stage.value
        self.result.value = ""
        path = self.path.value.strip() or None
        # a run takes seconds to minutes: say so, and take no second click meanwhile
        self.status.value = message(self._("ev_running"))
        self.run_button.disabled = True
        started = time.perf_counter()
        try:
            self.scores = evaluation.evaluate(
                self.stage.value, path, limit=self.limit.value or None
            )
        except ToolkitError as error:
            self.failure = error
        finally:
            self.run_button.disabled = False
        self.seconds = time.perf_counter() - started
        self.show_scores()

    def show_scores(self) -> None:
        """Show the last scores (or why there are none) in the current language."""
        if self.failure is not None:
            self.status.value = message(error_text(self.failure, self.language))
            return
        if self.scores is None:
            return
        seconds = number(round(self.seconds, 1), self.language, 1)
        self.status.value = message(f"{self._('ev_done')} {seconds} s.", "success")
        shown, empty = self.scores, ""
        if "n" in shown and "subset" in shown:
            # a part the limit left without any sentence has no scores: rows of "–" say
            # nothing (an empty measure of a part with sentences keeps its "–")
            units = shown.groupby("subset", sort=False)["n"].sum()
            parts = [part for part, count in units.items() if count == 0]
            shown = shown[~shown["subset"].isin(parts)]
            if parts:
                names = ", ".join(choice(str(part), self.language) for part in parts)
                key = "ev_no_units" if len(parts) == 1 else "ev_no_units_many"
                empty = message(self._(key).format(parts=names, limit=self._("ev_limit")))
        # the headings name the gold corpus of the stage that was run (not the one chosen now)
        corpus = GOLD_CORPUS.get(self.scored_stage or "")
        self.result.value = (
            f"<b>{escape(self._('ev_scores'))}</b>"
            f"{scores_html(shown, language=self.language, corpus=corpus)}{empty}"
        )


__all__ = ["EvaluationView"]
