"""Analyse a folder of texts with a progress bar, compare them, export the tables.

Examples
--------
>>> from toolkit.corpus import CORPORA_FOLDER
>>> view = CorpusView(CORPORA_FOLDER)
>>> view.run()
>>> view.progress.value, view.progress.max, len(view.overview)
(1, 1, 1)
>>> view.column.value = "sentences"
>>> [float(bar.get_width()) for bar in view.last_figure.axes[0].patches]
[15.0]
>>> view.last_figure.axes[0].get_xlabel()
'Sätze'
"""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from toolkit.corpus.batch import BatchResult, analyse_corpus, export, overview_frame
from toolkit.corpus.plots import column_label, plot_overview
from toolkit.errors import ToolkitError
from toolkit.render import message
from toolkit.widgets.base import ToolkitWidget, register_labels
from toolkit.widgets.figures import figure_png, frame_html

register_labels(
    {
        "cv_folder": {"de": "Ordner", "en": "Folder"},
        "cv_run": {"de": "Analysieren", "en": "Analyse"},
        "cv_column": {"de": "Grafik", "en": "Chart"},
        "cv_export_folder": {"de": "Export nach", "en": "Export to"},
        "cv_export": {"de": "Exportieren (CSV, JSONL)", "en": "Export (CSV, JSONL)"},
        "cv_exported": {"de": "Geschrieben:", "en": "Written:"},
        "cv_skipped": {"de": "Übersprungen:", "en": "Skipped:"},
        "cv_start": {
            "de": "Ordner wählen und auf »Analysieren« klicken.",
            "en": "Choose a folder and click “Analyse”.",
        },
        "cv_nothing": {"de": "Noch nichts analysiert.", "en": "Nothing analysed yet."},
    }
)

#: Overview columns that can be drawn as a bar chart.
CHART_COLUMNS = (
    "konjunktiv_per_1000",
    "speech_direct_per_1000",
    "speech_indirect_per_1000",
    "speech_reported_per_1000",
    "finite_verbs_per_1000",
    "tokens",
    "sentences",
    "tokens_per_sentence",
    "finite_verbs",
    "konjunktiv",
    "speech_direct",
    "speech_indirect",
    "speech_reported",
    "polarity",
)


class CorpusView(ToolkitWidget):
    """Folder field, Analyse button, progress bar, overview table, bar chart, export.

    Keeps ``result`` (:class:`~toolkit.corpus.batch.BatchResult`), ``overview`` (DataFrame),
    ``last_figure`` and ``exported`` (paths) for tests and for further work in the notebook.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str] = "beispieltexte",
        export_to: str | os.PathLike[str] = "ergebnisse",
        language: str = "de",
    ) -> None:
        self.result: BatchResult | None = None
        self.overview: pd.DataFrame | None = None
        self.last_figure: Figure | None = None
        self.exported: list[Path] = []
        self.folder = widgets.Text(value=str(folder))
        self.run_button = widgets.Button(icon="play", button_style="primary")
        self.progress = widgets.IntProgress(value=0, min=0, max=1)
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        self.column = widgets.Dropdown(options=CHART_COLUMNS, value="konjunktiv_per_1000")
        self.plot = widgets.Image(format="png", layout=widgets.Layout(max_width="700px"))
        self.export_folder = widgets.Text(value=str(export_to))
        self.export_button = widgets.Button(icon="download")
        self.run_button.on_click(lambda _button: self.run())
        self.export_button.on_click(lambda _button: self.export())
        self.column.observe(lambda _change: self.draw(), names="value")
        super().__init__(
            children=[
                widgets.HBox([self.folder, self.run_button]),
                self.progress,
                self.status,
                self.table,
                self.column,
                self.plot,
                widgets.HBox([self.export_folder, self.export_button]),
            ]
        )
        self.language = language
        self.relabel()
        self.status.value = message(self._("cv_start"))

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.folder.description = self._("cv_folder")
        self.run_button.description = self._("cv_run")
        self.column.description = self._("cv_column")
        chosen = self.column.value  # new options reset the choice: keep the student's
        self.column.options = [(column_label(c, self.language), c) for c in CHART_COLUMNS]
        self.column.value = chosen
        self.draw()
        self.export_folder.description = self._("cv_export_folder")
        self.export_button.description = self._("cv_export")

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.max = total
        self.progress.value = done
        self.status.value = message(f"{done}/{total}: {name}")

    def run(self) -> None:
        """Analyse every ``.txt`` file of the folder, moving the progress bar."""
        self.progress.value = 0
        try:
            self.result = BatchResult.collect(
                analyse_corpus(self.folder.value.strip(), progress=self._on_progress)
            )
        except ToolkitError as error:
            self.status.value = message(str(error), "error")
            return
        self.overview = overview_frame(self.result)
        text = self.result.summary()
        if self.result.errors:
            skipped = "; ".join(f"{name}: {why}" for name, why in self.result.errors.items())
            text += f" {self._('cv_skipped')} {skipped}"
        self.status.value = message(text, "error" if self.result.errors else "success")
        self.table.value = frame_html(self.overview)
        self.draw()

    def draw(self) -> None:
        """Draw the chosen overview column as a bar chart."""
        if self.overview is None or self.overview.empty:
            return
        self.last_figure = plot_overview(self.overview, self.column.value, language=self.language)
        self.plot.value = figure_png(self.last_figure)

    def export(self) -> None:
        """Write overview, tables (CSV) and documents (JSON) to the export folder."""
        if self.result is None:
            self.status.value = message(self._("cv_nothing"), "error")
            return
        try:
            self.exported = export(self.result, self.export_folder.value.strip())
        except ToolkitError as error:
            self.status.value = message(str(error), "error")
            return
        names = ", ".join(path.name for path in self.exported)
        self.status.value = message(
            f"{self._('cv_exported')} {self.export_folder.value.strip()}/: {names}", "success"
        )


__all__ = ["CHART_COLUMNS", "CorpusView"]
