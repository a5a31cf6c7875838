"""Analyse a folder of texts with a progress bar, compare them, search them, export the tables.

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
>>> view.concordance.search.value = "Kreml"
>>> len(view.concordance.lines) > 0
True
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from toolkit.corpus.batch import (
    OVERVIEW_COLUMNS,
    BatchResult,
    analyse_corpus,
    corpus_speakers,
    export,
    overview_frame,
)
from toolkit.corpus.plots import column_label, plot_overview
from toolkit.errors import ToolkitError
from toolkit.render import message
from toolkit.tables import rows_note
from toolkit.translate import (
    SCORE_DECIMALS,
    error_text,
    minus_signs,
    same_decimals,
    separators,
    signed_number,
    value,
)
from toolkit.widgets.base import LABELS, ToolkitWidget, current_language, label, register_labels
from toolkit.widgets.concordance import CorpusConcordanceView
from toolkit.widgets.figures import FigureBox, frame_html
from toolkit.widgets.view import TableView

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
            "de": "Ordner wählen und auf „Analysieren“ klicken.",
            "en": "Choose a folder and click “Analyse”.",
        },
        "cv_nothing": {"de": "Noch nichts analysiert.", "en": "Nothing analysed yet."},
        "cv_overview": {"de": "Übersicht", "en": "Overview"},
        "cv_speakers": {"de": "Sprecher (über alle Texte)", "en": "Speakers (all documents)"},
        "cv_search": {"de": "Suche im Korpus", "en": "Search the corpus"},
        "cv_col_document": {"de": "Text", "en": "document"},
        "cv_col_encoding": {"de": "Kodierung", "en": "encoding"},
        "cv_col_speaker": {"de": "Sprecher", "en": "speaker"},
        "cv_col_names": {"de": "Schreibweisen", "en": "names"},
        "cv_col_documents": {"de": "Texte", "en": "documents"},
        "cv_col_direct": {"de": "direkt", "en": "direct"},
        "cv_col_indirect": {"de": "indirekt", "en": "indirect"},
        "cv_col_reported": {"de": "erzählt", "en": "reported"},
        "cv_col_sentiment": {"de": "Stimmung (Mittel)", "en": "sentiment (mean)"},
        "cv_col_sentiment_passages": {"de": "Passagen", "en": "passages"},
        "cv_col_document_names": {"de": "in den Texten", "en": "in documents"},
        "cv_col_left": {"de": "links", "en": "left"},
        "cv_col_keyword": {"de": "Suchwort", "en": "keyword"},
        "cv_col_right": {"de": "rechts", "en": "right"},
        "cv_col_word": {"de": "Wort", "en": "word"},
        "cv_col_count": {"de": "Anzahl", "en": "count"},
        "cv_col_texts": {"de": "in Texten", "en": "in texts"},
        "cv_col_file": {"de": "Datei", "en": "file"},
        # beside the column "document" (Text), the text of a sentence or token
        "cv_col_text": {"de": "Wortlaut", "en": "text"},
        "cv_col_reason": {"de": "Grund", "en": "reason"},
    }
)

#: Overview columns that can be drawn as a bar chart (rates first: they compare texts of
#: different length fairly).
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
#: Overview columns shown in the widget's table (the export has them all).
SHOWN_COLUMNS = (
    "document",
    "encoding",
    "tokens",
    "sentences",
    "konjunktiv_per_1000",
    "speech_direct_per_1000",
    "speech_indirect_per_1000",
    "speech_reported_per_1000",
    "polarity",
)


def readable(
    frame: pd.DataFrame, language: str = "de", label: Callable[[str], str | None] | None = None
) -> pd.DataFrame:
    """Return a copy for people: German number formats and readable column names.

    ``label`` may name a column (``None``: the overview's own names are used).

    Examples
    --------
    >>> frame = pd.DataFrame({"tokens": [12345], "konjunktiv_per_1000": [2.5]})
    >>> readable(frame).to_dict("records")
    [{'Tokens': '12.345', 'Konjunktiv je 1.000 Tokens': '2,5'}]
    >>> readable(pd.DataFrame({"sentiment": [0.519, -0.2, 0.0]})).iloc[:, 0].tolist()
    ['+0,519', '−0,200', '0,000']
    """
    shown = frame.copy().astype(object)
    for column in frame.columns:
        if column == "encoding":
            shown[column] = [value(found, language) for found in frame[column]]  # "cp1252 (…)"
        elif column in SCORE_DECIMALS or (
            column == "sentiment" and pd.api.types.is_numeric_dtype(frame[column])
        ):  # "+0,519" as in notebook 04's tables; a speaker's mean sentiment too
            digits = SCORE_DECIMALS.get(column, 3)
            shown[column] = [signed_number(found, language, digits) for found in frame[column]]
        elif pd.api.types.is_numeric_dtype(frame[column]) and frame[column].dtype != bool:
            written = [_number(found, language) for found in frame[column]]
            shown[column] = same_decimals(written, language)
    names = {}
    for column in frame.columns:
        own = label(column) if callable(label) else None
        names[column] = own or column_label(column, language)
    return shown.rename(columns=names)


def _number(value: object, language: str) -> str | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)  # type: ignore[arg-type]
    text = (
        f"{number:,.0f}"
        if number.is_integer()
        else f"{number:,.3g}"
        if abs(number) < 1
        else (f"{number:,.2f}".rstrip("0").rstrip("."))
    )
    return separators(minus_signs(text), language)


class CorpusView(ToolkitWidget):
    """Folder, Analyse button, progress, overview, chart, speakers, corpus search, export.

    Keeps ``result`` (:class:`~toolkit.corpus.batch.BatchResult`), ``overview`` and
    ``speakers`` (DataFrames), ``last_figure`` and ``exported`` (paths) for tests and for
    further work in the notebook.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str] = "beispieltexte",
        export_to: str | os.PathLike[str] = "ergebnisse",
        language: str | None = None,
    ) -> None:
        language = current_language(language)
        self.result: BatchResult | None = None
        self.overview: pd.DataFrame | None = None
        self.speakers: pd.DataFrame | None = None
        self.last_figure: Figure | None = None
        self.exported: list[Path] = []
        # labels in full ("Exportieren (CSV, JSONL)" was cut to "Exportieren (C…")
        self.folder = widgets.Text(value=str(folder), style={"description_width": "initial"})
        self.run_button = widgets.Button(
            icon="play", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.progress = widgets.IntProgress(value=0, min=0, max=1)
        self.status = widgets.HTML()
        self.overview_title = widgets.HTML()
        self.table = widgets.HTML()
        self.column = widgets.Dropdown(options=CHART_COLUMNS, value="konjunktiv_per_1000")
        # an <img> with the chart's title as alt text (screen readers), not a bare Image widget
        self.plot = FigureBox(layout=widgets.Layout(max_width="700px"))
        self.speakers_title = widgets.HTML()
        self.speaker_table = widgets.HTML()
        self.search_title = widgets.HTML()
        self.concordance = CorpusConcordanceView(language=language)
        self.export_folder = widgets.Text(
            value=str(export_to), style={"description_width": "initial"}
        )
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.run_button.on_click(lambda _button: self.run())
        self.export_button.on_click(lambda _button: self.export())
        self.column.observe(lambda _change: self.draw(), names="value")
        # the parts that show a result stay hidden until there is one: empty headings and a
        # grey progress bar looked broken after "run all" (screenshot walk)
        self.results = widgets.VBox(
            [
                self.overview_title,
                self.table,
                self.column,
                self.plot,
                self.speakers_title,
                self.speaker_table,
                self.search_title,
                self.concordance,
                widgets.HBox([self.export_folder, self.export_button]),
            ],
            layout=widgets.Layout(display="none"),
        )
        self.progress.layout.display = "none"
        super().__init__(
            language=language,
            children=[
                widgets.HBox([self.folder, self.run_button]),
                self.progress,
                self.status,
                self.results,
            ],
        )
        self._status: Callable[[], str] = lambda: message(self._("cv_start"))
        self.relabel()

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.folder.description = self._("cv_folder")
        self.run_button.description = self._("cv_run")
        self.column.description = self._("cv_column")
        self.export_folder.description = self._("cv_export_folder")
        self.export_button.description = self._("cv_export")
        self.overview_title.value = f"<h4>{self._('cv_overview')}</h4>"
        self.speakers_title.value = f"<h4>{self._('cv_speakers')}</h4>"
        self.search_title.value = f"<h4>{self._('cv_search')}</h4>"
        self.concordance.language = self.language
        self.status.value = self._status()  # the last message, in the new language
        chosen = self.column.value  # new options reset the choice: keep the student's
        self.column.options = [(column_label(c, self.language), c) for c in CHART_COLUMNS]
        self.column.value = chosen
        self._tables()
        self.draw()

    def _show(self, status: Callable[[], str]) -> None:
        """Show a status message, and again in the new language after a switch."""
        self._status = status
        self.status.value = status()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.max = total
        self.progress.value = done
        self._show(lambda: message(f"{done}/{total}: {name}"))

    def run(self) -> None:
        """Analyse every ``.txt`` file of the folder, moving the progress bar."""
        self.progress.value = 0
        self.progress.layout.display = None
        try:
            self.result = BatchResult.collect(
                analyse_corpus(self.folder.value.strip(), progress=self._on_progress)
            )
        except ToolkitError as error:
            failure = error  # "error" is gone after the except block; the message needs it
            self._show(lambda: message(error_text(failure, self.language), "error"))
            return
        self.overview = overview_frame(self.result)
        self.speakers = corpus_speakers(self.result)
        self.results.layout.display = None
        self._show(self._summary)
        self.concordance.set_result(self.result)
        self._tables()
        self.draw()

    def _summary(self) -> str:
        if self.result is None:
            return ""
        text = self.result.summary(self.language)
        if self.result.errors:
            skipped = "; ".join(
                f"{name}: {error_text(why, self.language)}"
                for name, why in self.result.errors.items()
            )
            text += f" {self._('cv_skipped')} {skipped}"
        return message(text, "error" if self.result.errors else "success")

    def _tables(self) -> None:
        if self.overview is None or self.speakers is None:
            return
        columns = [c for c in SHOWN_COLUMNS if c in self.overview]
        metadata = [c for c in self.overview.columns if c not in OVERVIEW_NAMES]
        shown = self.overview[[columns[0], *metadata, *columns[1:]]]
        # the names are the readable ones already: frame_html must not read them again
        self.table.value = frame_html(
            readable(shown, self.language, self._column), language=self.language
        )
        speakers = self.speakers.drop(columns=["sentiment_passages"])
        self.speaker_table.value = frame_html(
            readable(speakers, self.language, self._column), language=self.language
        )

    def _column(self, column: str) -> str | None:
        return corpus_header(column, self.language)

    def draw(self) -> None:
        """Draw the chosen overview column as a bar chart."""
        if self.overview is None or self.overview.empty:
            return
        self.last_figure = plot_overview(self.overview, self.column.value, language=self.language)
        self.plot.show_figure(self.last_figure)

    def export(self) -> None:
        """Write every table (CSV) and the documents (JSON lines) to the export folder."""
        if self.result is None:
            self._show(lambda: message(self._("cv_nothing"), "error"))
            return
        folder = self.export_folder.value.strip()
        try:
            self.exported = export(self.result, folder)
        except ToolkitError as error:
            failure = error  # "error" is gone after the except block; the message needs it
            self._show(lambda: message(error_text(failure, self.language), "error"))
            return
        names = ", ".join(path.name for path in self.exported)
        self._show(lambda: message(f"{self._('cv_exported')} {folder}/: {names}", "success"))


def corpus_header(column: str, language: str = "de") -> str | None:
    """Return the readable header of a corpus table column (``None``: the overview's name).

    Examples
    --------
    >>> corpus_header("keyword"), corpus_header("sentence", "en"), corpus_header("ressort")
    ('Suchwort', 'sentence', None)
    """
    for key in (f"cv_col_{column}", f"col_{column}"):
        if key in LABELS:
            return label(key, language)
    return None


class CorpusTable(TableView):
    """A corpus table (overview, speakers, concordance, sentences, words) as people read it.

    The DataFrame stays as it is (``frame``) for further work; the view shows German or
    English headers and numbers the German or English way, at most ``max_rows`` rows.
    Sentences are numbered from 1 in corpus tables already, so nothing is renumbered.

    Examples
    --------
    >>> view = CorpusTable(pd.DataFrame({"word": ["Nato"], "count": [1234], "texts": [2]}))
    >>> "<th>Wort</th>" in view.output.value and "1.234" in view.output.value
    True
    >>> view.language = "en"
    >>> "<th>Word</th>" in view.output.value and "1,234" in view.output.value
    True
    """

    def __init__(
        self, frame: pd.DataFrame, max_rows: int | None = 30, language: str | None = None
    ) -> None:
        self.max_rows = max_rows
        super().__init__(frame, language=language)

    def relabel(self) -> None:
        """Redraw in the current language."""
        shown = self.frame.head(self.max_rows) if self.max_rows else self.frame
        if "reason" in shown.columns:  # why a file was skipped, in the reader's language
            reasons = [error_text(reason, self.language) for reason in shown["reason"]]
            shown = shown.assign(reason=reasons)
        note = rows_note(self.frame, self.max_rows, self.language)
        # the names are the readable ones already: frame_html must not read them again
        self.output.value = frame_html(
            readable(shown, self.language, lambda c: corpus_header(c, self.language)),
            language=self.language,
        ) + (message(note) if note else "")


#: Columns of the overview that are no metadata.
OVERVIEW_NAMES = frozenset([*OVERVIEW_COLUMNS, *CHART_COLUMNS])

__all__ = ["CHART_COLUMNS", "CorpusTable", "CorpusView", "corpus_header", "readable"]
