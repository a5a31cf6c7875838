"""Show matplotlib figures in widgets as PNG images (works in JupyterLab, Voilà and tests)."""

from __future__ import annotations

import base64
import io
from collections.abc import Collection
from numbers import Number

import ipywidgets as widgets
import pandas as pd
from IPython.display import Image
from matplotlib.figure import Figure

from toolkit.render import STYLE, escape, table
from toolkit.translate import (
    NOTE_COLUMNS,
    choice,
    decimals_in_text,
    header,
    number,
    same_decimals,
    value,
)


def figure_png(figure: Figure, dpi: int = 90) -> bytes:
    """Return the figure as PNG bytes, e.g. for ``ipywidgets.Image(value=...)``.

    Examples
    --------
    >>> from toolkit.plots import new_axes
    >>> figure_png(new_axes()[0])[1:4]
    b'PNG'
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def figure_html(figure: Figure, dpi: int = 90) -> str:
    """Return the figure as an ``<img>`` with its title as ``alt`` text (for screen readers).

    Examples
    --------
    >>> from toolkit.plots import new_axes
    >>> figure, axes = new_axes()
    >>> _ = axes.set_title("Polarität <je> Satz")
    >>> figure_html(figure).startswith('<img alt="Polarität &lt;je&gt; Satz"')
    True
    """
    titles = [axes.get_title() for axes in figure.axes if axes.get_title()]
    alt = escape("; ".join(titles) or "Diagramm")
    data = base64.b64encode(figure_png(figure, dpi)).decode("ascii")
    return f'<img alt="{alt}" style="max-width:100%" src="data:image/png;base64,{data}">'


class FigureBox(widgets.HTML):
    """A chart in a widget: an ``<img>`` with alt text; ``figure`` sets it, ``None`` hides it."""

    def show_figure(self, figure: Figure | None) -> None:
        """Show ``figure`` (or nothing)."""
        self.value = figure_html(figure) if figure is not None else ""
        self.layout.display = None if figure is not None else "none"


class ChartImage(Image):
    """A PNG that Jupyter shows as ``<img>`` with alt text (the chart's title)."""

    def __init__(self, figure: Figure, dpi: int = 90) -> None:
        super().__init__(data=figure_png(figure, dpi), format="png")
        titles = [axes.get_title() for axes in figure.axes if axes.get_title()]
        self.alt = "; ".join(titles) or "Diagramm"

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.data).decode("ascii")
        return (
            f'<img alt="{escape(self.alt)}" style="max-width:100%" '
            f'src="data:image/png;base64,{data}">'
        )


def show(figure: Figure, dpi: int = 90) -> Image:
    """Return a figure as an image that Jupyter shows (figures from toolkit.plots use no pyplot).

    It is shown as an ``<img>`` whose alt text is the chart's title (screen readers).

    Examples
    --------
    >>> from toolkit.plots import new_axes
    >>> figure, axes = new_axes()
    >>> _ = axes.set_title("Häufigkeit")
    >>> chart = show(figure)
    >>> chart.format, 'alt="Häufigkeit"' in chart._repr_html_()
    ('png', True)
    """
    return ChartImage(figure, dpi)


def frame_html(
    frame: pd.DataFrame, index: bool = False, language: str = "de", fixed: Collection[str] = ()
) -> str:
    """Return a DataFrame as an escaped HTML table for people (see :mod:`toolkit.translate`).

    Headers and bilingual values (``"keine / none"``) are shown in ``language``, numbers the
    German or English way, empty cells as ``–``. The numbers of the ``fixed`` columns keep
    three decimals, so that a column of scores lines up (``0,970`` under ``0,875``).

    Examples
    --------
    >>> frame = pd.DataFrame({"Wort": ["<b>"], "n": [None], "f1": [0.5]})
    >>> frame_html(frame).split("</tr>")[1]
    '<tr><td>&lt;b&gt;</td><td>–</td><td>0,5</td>'
    >>> frame_html(frame, fixed=["f1"]).split("</tr>")[1]
    '<tr><td>&lt;b&gt;</td><td>–</td><td>0,500</td>'
    """
    shown = frame.reset_index() if index else frame
    aligned = [column in fixed for column in shown.columns]

    notes = [column in NOTE_COLUMNS for column in shown.columns]

    def cell_text(cell: object, fixed_column: bool, note: bool = False) -> str:
        if isinstance(cell, str):
            return decimals_in_text(cell, language) if note else choice(cell, language)
        if fixed_column and isinstance(cell, Number) and not isinstance(cell, bool):
            return number(cell, language, fixed=True)
        return value(cell, language)

    cells = shown.astype(object).where(shown.notna(), None)
    rows = [
        [
            cell_text(cell, fixed_column, note)
            for cell, fixed_column, note in zip(row, aligned, notes, strict=True)
        ]
        for row in cells.itertuples(index=False)
    ]
    for k, fixed_column in enumerate(aligned):  # a float column reads as one scale
        floats = [i for i, cell in enumerate(cells.iloc[:, k]) if isinstance(cell, float)]
        if floats and not fixed_column:
            aligned_texts = same_decimals([rows[i][k] for i in floats], language)
            for i, text in zip(floats, aligned_texts, strict=True):
                rows[i][k] = text
    names = [header(c, language) if c != "index" else "" for c in shown.columns]
    # a wide table scrolls inside its cell instead of being cut off at the cell's edge
    return f'{STYLE}<div class="tk-scroll">{table(rows, header=names, css_class="tk-table")}</div>'
