"""Show matplotlib figures in widgets as PNG images (works in JupyterLab, Voilà and tests)."""

from __future__ import annotations

import io

import pandas as pd
from IPython.display import Image
from matplotlib.figure import Figure

from toolkit.render import STYLE, table
from toolkit.translate import choice, header, value


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


def show(figure: Figure, dpi: int = 90) -> Image:
    """Return a figure as an image that Jupyter shows (figures from toolkit.plots use no pyplot).

    Examples
    --------
    >>> from toolkit.plots import new_axes
    >>> show(new_axes()[0]).format
    'png'
    """
    return Image(data=figure_png(figure, dpi), format="png")


def frame_html(frame: pd.DataFrame, index: bool = False, language: str = "de") -> str:
    """Return a DataFrame as an escaped HTML table for people (see :mod:`toolkit.translate`).

    Headers and bilingual values (``"keine / none"``) are shown in ``language``, numbers the
    German or English way, empty cells as ``–``.

    Examples
    --------
    >>> frame = pd.DataFrame({"Wort": ["<b>"], "n": [None], "f1": [0.5]})
    >>> frame_html(frame).split("</tr>")[1]
    '<tr><td>&lt;b&gt;</td><td>–</td><td>0,5</td>'
    """
    shown = frame.reset_index() if index else frame
    rows = [
        [choice(cell, language) if isinstance(cell, str) else value(cell, language) for cell in row]
        for row in shown.astype(object).where(shown.notna(), None).itertuples(index=False)
    ]
    names = [header(c, language) if c != "index" else "" for c in shown.columns]
    return STYLE + table(rows, header=names, css_class="tk-table")
