"""DocumentView: a table or a chart of a text that follows the text picker and the language.

A notebook cell says *what* to show (a table function of :mod:`toolkit.tables` or a chart
function of :mod:`toolkit.plots`) and *of which text* (an analysed document, or a
:class:`~toolkit.widgets.TextPicker`). The view shows it the way people read it (German or
English headers and values, numbers from 1, ``–`` for a missing value, at most ``max_rows``
rows) and redraws when the language or the picked text changes, without re-running a cell.

Examples
--------
>>> from toolkit import analyse
>>> from toolkit.tables import sentences_frame
>>> from toolkit.widgets import TextPicker
>>> picker = TextPicker(text="Peskow sagte, das sei gefährlich.")
>>> view = DocumentView(picker, sentences_frame, columns=["sentence", "tokens", "text"])
>>> view.shown.iloc[0].tolist()
['1', '7', 'Peskow sagte, das sei gefährlich.']
>>> picker.typed.value = "Ja. Nein."
>>> view.shown["Satz"].tolist()
['1', '2']
>>> view.language = "en"
>>> view.shown.columns.tolist()
['sentence', 'tokens', 'text']
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from toolkit.errors import ToolkitError
from toolkit.model import Document
from toolkit.render import STYLE, message, table
from toolkit.tables import for_people, rows_note
from toolkit.translate import error_text
from toolkit.widgets.base import ToolkitWidget, follow_text
from toolkit.widgets.figures import FigureBox, frame_html


class DocumentView(ToolkitWidget):
    """Show ``make(document, **options)`` (a DataFrame or a Figure) for a text.

    Parameters
    ----------
    source
        An analysed :class:`~toolkit.model.Document` or a TextPicker (followed live).
    make
        A function of a document: a table function (``sentences_frame``) or a chart function
        (``plot_sentiment``; it gets ``language=``).
    columns
        For tables: the columns to show, in order (default: all).
    max_rows
        For tables: show at most this many rows and say how many are left out.
    **options
        Passed on to ``make`` (e.g. ``n=15`` or ``sentence=2``).
    """

    def __init__(
        self,
        source: Any,
        make: Callable[..., Any],
        columns: Sequence[str] | None = None,
        max_rows: int | None = 30,
        language: str | None = None,
        **options: Any,
    ) -> None:
        self.make, self.columns, self.max_rows, self.options = make, columns, max_rows, options
        self.frame: pd.DataFrame | None = None
        self.shown: pd.DataFrame | None = None
        self.figure: Figure | None = None
        self.output = widgets.HTML()
        self.image = FigureBox()
        self.image.layout.display = "none"
        super().__init__(language=language, children=[self.output, self.image])
        self.source = source
        self.document: Document | None = None
        self._from_source()
        follow_text(source, self.set_document, self._error)
        self.update()

    def _from_source(self) -> None:
        """Take the source's document, or show why there is none (in the current language)."""
        try:
            source = self.source
            self.document = source.document if not isinstance(source, Document) else source
        except ToolkitError as error:
            self.document = None
            self._error(error_text(error, self.language))

    def set_document(self, document: Document) -> None:
        """Show the view for another document."""
        self.document = document
        self.update()

    def _error(self, text: str) -> None:
        # the text changed to one that cannot be analysed: the last document no longer
        # stands for it (a language switch showed the article again under an empty text)
        self.document = None
        self.output.value = message(text, "error")
        self.image.layout.display = "none"

    def relabel(self) -> None:
        """Redraw in the current language (the error too, when there is no document)."""
        if self.document is None:
            self._from_source()
        self.update()

    def update(self) -> None:
        """Compute and show the table or chart of the current document."""
        if self.document is None:
            return
        try:
            made = self._make()
        except ToolkitError as error:
            self._error(error_text(error, self.language))
            return
        if isinstance(made, Figure):
            self.figure = made
            self.image.show_figure(made)
            self.output.value = ""
            return
        frame = made if self.columns is None else made[list(self.columns)]
        self.frame = frame
        self.shown = for_people(frame, self.language, self.max_rows)
        note = rows_note(frame, self.max_rows, self.language)
        self.image.layout.display = "none"
        self.output.value = (
            STYLE
            + table(self.shown.itertuples(index=False), list(self.shown.columns), "tk-table")
            + (message(note) if note else "")
        )

    def _make(self) -> Any:
        if "language" in inspect.signature(self.make).parameters:
            return self.make(self.document, language=self.language, **self.options)
        return self.make(self.document, **self.options)


class TableView(ToolkitWidget):
    """A ready-made table (e.g. agreement or reference figures) shown for people.

    Headers and bilingual values follow the language; numbers are written the German or the
    English way; missing values are ``–``.

    Examples
    --------
    >>> view = TableView(pd.DataFrame({"label": ["keine / none"], "f1": [0.5]}))
    >>> "keine" in view.output.value and "none" not in view.output.value
    True
    """

    def __init__(
        self, frame: pd.DataFrame, index: bool = False, language: str | None = None
    ) -> None:
        self.frame, self.index = frame, index
        self.output = widgets.HTML()
        super().__init__(language=language, children=[self.output])
        self.relabel()

    def relabel(self) -> None:
        """Redraw in the current language."""
        self.output.value = frame_html(self.frame, index=self.index, language=self.language)


__all__ = ["DocumentView", "TableView"]
