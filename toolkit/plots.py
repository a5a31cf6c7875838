"""Tables and documents -> matplotlib figures.

Every function returns a :class:`matplotlib.figure.Figure` built without ``pyplot``: no global
state, no ``plt.show()``, so a figure drawn inside a widget callback never appears twice, and
tests can inspect it (``figure.axes[0].patches``).
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from toolkit.concordance import word_frequencies
from toolkit.model import Document


def new_axes(width: float = 7.0, height: float = 4.0) -> tuple[Figure, Axes]:
    """Return a fresh figure with one axes (not registered with ``pyplot``)."""
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()


def plot_frequencies(
    document: Document, n: int = 15, *, skip_stopwords: bool = True, title: str | None = None
) -> Figure:
    """Bar chart of the ``n`` most frequent words.

    Examples
    --------
    >>> from toolkit import analyse, load_article
    >>> figure = plot_frequencies(analyse(load_article()), n=5)
    >>> len(figure.axes[0].patches)
    5
    """
    counts = word_frequencies(document, skip_stopwords=skip_stopwords).most_common(n)
    figure, axes = new_axes(7.0, max(2.5, 0.3 * len(counts) + 1))
    words = [word for word, _ in reversed(counts)]
    axes.barh(words, [count for _, count in reversed(counts)], color="#4c72b0")
    axes.set_xlabel("Häufigkeit / frequency")
    axes.set_title(title or f"Die {len(counts)} häufigsten Wörter / most frequent words")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure
