"""Classroom annotation: agreement between students and with the toolkit, at a glance.

Examples
--------
>>> from toolkit import analyse, load_article
>>> view = AgreementView(analyse(load_article()))
>>> sorted(coder for _, coder in view.first.options)
['anna', 'ben', 'carla', 'toolkit']
>>> view.first.value, view.second.value = "anna", "carla"
>>> round(view.pair_scores["kappa"], 2)
0.68
"""

from __future__ import annotations

import os

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from toolkit.annotation import (
    agreement,
    agreement_table,
    collect_annotations,
    confusion,
    interpret,
    pairwise_kappa,
)
from toolkit.errors import ToolkitError
from toolkit.model import Document
from toolkit.plots import plot_confusion
from toolkit.render import escape, message
from toolkit.translate import choice, error_text, number
from toolkit.widgets.base import ToolkitWidget, follow_text, register_labels
from toolkit.widgets.figures import FigureBox, frame_html

register_labels(
    {
        "av_first": {"de": "Person A", "en": "Coder A"},
        "av_second": {"de": "Person B", "en": "Coder B"},
        "av_reload": {"de": "Neu laden", "en": "Reload"},
        "av_all": {"de": "Alle zusammen", "en": "Everyone"},
        "av_pairs": {"de": "Kappa für jedes Paar", "en": "Kappa for every pair"},
        "av_pair": {"de": "Dieses Paar", "en": "This pair"},
        "av_coders": {"de": "Personen", "en": "Coders"},
        "av_same": {
            "de": "Bitte wählen Sie zwei verschiedene Personen.",
            "en": "Please choose two different coders.",
        },
        "av_too_few": {
            "de": "Zum Vergleich braucht es mindestens zwei Personen. Speichern Sie Ihre "
            "Annotation (oben im Feld „Datei“ einen Namen im Ordner „{folder}“ wählen, dann "
            "„Speichern“) und klicken Sie hier auf „Neu laden“.",
            "en": "A comparison needs at least two coders. Save your annotation (above, give "
            "the field “File” a name in the folder “{folder}”, then “Save”) and click "
            "“Reload” here.",
        },
        "av_pair_text": {
            "de": "{pair}: Kappa = {kappa} ({meaning}), {share} gleich",
            "en": "{pair}: kappa = {kappa} ({meaning}), {share} the same",
        },
    }
)


class AgreementView(ToolkitWidget):
    """Agreement of all coders, kappa per pair, and the confusion of two chosen coders.

    The coders are the demo students (for the article), every student file saved in
    ``folder`` and the toolkit. Reload picks up newly saved files. Kept for tests:
    ``frame`` (long table), ``pair_scores`` (dict), ``pair_table`` (confusion) and
    ``last_figure``.
    """

    def __init__(
        self,
        document: Document,
        folder: str | os.PathLike[str] | None = "annotationen",
        *,
        demo: bool = True,
        language: str | None = None,
    ) -> None:
        self.document = document
        self.source_folder = folder
        self.demo = demo
        self.frame = pd.DataFrame()
        self.pair_scores: dict[str, float] = {}
        self.pair_table: pd.DataFrame | None = None
        self.last_figure: Figure | None = None
        # sized to its label: a fixed width cut "Neu laden" to "Neu l…" beside a long message
        self.reload_button = widgets.Button(
            icon="refresh", layout=widgets.Layout(width="auto", flex="0 0 auto")
        )
        self.status = widgets.HTML()
        self.overall = widgets.HTML()
        self.first = widgets.Dropdown()
        self.second = widgets.Dropdown()
        self.pair = widgets.HTML()
        self.plot = FigureBox(layout=widgets.Layout(max_width="560px"))
        self.choosers = widgets.HBox([self.first, self.second], layout={"display": "none"})
        self.reload_button.on_click(lambda _button: self.reload())
        for control in (self.first, self.second):
            control.observe(lambda _change: self.update_pair(), names="value")
        super().__init__(
            language=language,
            children=[
                widgets.HBox([self.reload_button, self.status]),
                self.overall,
                self.choosers,
                self.pair,
                self.plot,
            ],
        )
        self.relabel()
        self.reload()

    def follow(self, source: object) -> AgreementView:
        """Compare the annotations of the text a TextPicker holds, whenever it changes."""
        follow_text(source, self.set_document, lambda text: None)
        return self

    def set_document(self, document: Document) -> None:
        """Collect the annotations of another text."""
        self.document = document
        self.reload()

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.first.description = self._("av_first")
        self.second.description = self._("av_second")
        self.reload_button.description = self._("av_reload")
        if not self.frame.empty:
            self._show_coders(sorted(self.frame.coder.unique()))
            self.status.value = self._coders_message()
        self.update_overall()
        self.update_pair()

    def reload(self) -> None:
        """Collect the annotations again (e.g. after students saved new files)."""
        try:
            self.frame = collect_annotations(self.document, self.source_folder, demo=self.demo)
        except ToolkitError as error:
            self.status.value = message(error_text(error, self.language), "error")
            return
        coders = sorted(self.frame.coder.unique())
        keep = (self.first.value, self.second.value)
        self._show_coders(coders)
        if len(coders) >= 2:
            self.first.value = keep[0] if keep[0] in coders else coders[0]
            self.second.value = keep[1] if keep[1] in coders else coders[-1]
        self.status.value = self._coders_message()
        self.update_overall()
        self.update_pair()

    def _coder(self, name: str) -> str:
        """Return a coder's name as shown: the toolkit in the reader's language (``Toolkit``)."""
        return choice(name, self.language)

    def _show_coders(self, coders: list[str]) -> None:
        """Offer the coders in both dropdowns, labelled in the current language.

        With fewer than two there is no pair to choose: the dropdowns are hidden (empty, they
        looked broken below the note that asks for a second person).
        """
        self.choosers.layout.display = None if len(coders) >= 2 else "none"
        labelled = [(self._coder(coder), coder) for coder in coders]
        for control in (self.first, self.second):
            value = control.value
            control.options = labelled
            if value in coders:
                control.value = value

    def _coders_message(self) -> str:
        coders = sorted(self.frame.coder.unique()) if not self.frame.empty else []
        names = ", ".join(self._coder(coder) for coder in coders)
        shown = message(f"{self._('av_coders')}: {names or '–'}")
        if len(coders) >= 2:
            return shown
        folder = os.fspath(self.source_folder) if self.source_folder else "annotationen"
        return shown + message(self._("av_too_few").format(folder=folder))

    def update_overall(self) -> None:
        """Show the agreement of everyone and kappa for every pair."""
        if self.frame.empty or self.frame.coder.nunique() < 2:
            self.overall.value = ""
            return
        try:
            overall = agreement_table(self.frame)
            pairs = pairwise_kappa(self.frame)
        except ToolkitError as error:
            self.overall.value = message(error_text(error, self.language), "error")
            return
        self.overall.value = (
            f"<b>{escape(self._('av_all'))}</b>{frame_html(overall, language=self.language)}"
            f"<b>{escape(self._('av_pairs'))}</b>"
            f"{frame_html(pairs.rename(columns=self._coder), True, self.language, as_written=True)}"
        )

    def update_pair(self) -> None:
        """Show kappa and the confusion table of the two chosen coders."""
        first, second = self.first.value, self.second.value
        if first is None or second is None or self.frame.empty:
            return
        if first == second:
            self.pair.value = message(self._("av_same"))
            return
        try:
            self.pair_scores = agreement(self.frame, [first, second])
            self.pair_table = confusion(self.frame, first, second)
        except ToolkitError as error:
            self.pair.value = message(error_text(error, self.language), "error")
            return
        kappa = self.pair_scores["kappa"]
        share = number(round(self.pair_scores["observed"] * 100), self.language)
        self.pair.value = message(
            self._("av_pair_text").format(
                pair=self._("av_pair"),
                kappa=number(round(kappa, 2), self.language, 2),
                meaning=choice(interpret(kappa), self.language),
                share=f"{share} %",
            )
        )
        shown = self.pair_table.rename_axis(index=self._coder(first), columns=self._coder(second))
        self.last_figure = plot_confusion(
            shown, f"{self._coder(first)} × {self._coder(second)}", language=self.language
        )
        self.plot.show_figure(self.last_figure)


__all__ = ["AgreementView"]
