"""Tables and documents -> matplotlib figures.

Every function returns a :class:`matplotlib.figure.Figure` built without ``pyplot``: no global
state, no ``plt.show()``, so a figure drawn inside a widget callback never appears twice, and
tests can inspect it (``figure.axes[0].patches``).
"""

from __future__ import annotations

import io

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from toolkit.concordance import word_frequencies
from toolkit.model import Document


class NotebookFigure(Figure):
    """A figure that Jupyter shows as a picture when it is a cell's result.

    Without ``pyplot`` the inline backend does not know the figure, so without this method
    a notebook would print ``<Figure size 700x400 with 1 Axes>`` instead of the plot.
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=90)
        return buffer.getvalue()


def new_axes(width: float = 7.0, height: float = 4.0) -> tuple[Figure, Axes]:
    """Return a fresh figure with one axes (not registered with ``pyplot``).

    Examples
    --------
    >>> figure, axes = new_axes()
    >>> figure._repr_png_()[1:4]
    b'PNG'
    """
    figure = NotebookFigure(figsize=(width, height), layout="constrained")
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


# -- classroom annotation and corpus overview (notebooks 05 and 06) -------------------------


def plot_confusion(table: pd.DataFrame, title: str | None = None) -> Figure:
    """Heat map of a confusion table (rows: first coder, columns: second), counts written in.

    Examples
    --------
    >>> from toolkit.annotation import confusion, demo_annotations
    >>> figure = plot_confusion(confusion(demo_annotations(), "anna", "ben"))
    >>> figure.axes[0].get_ylabel(), len(figure.axes[0].texts)
    ('anna', 16)
    """
    size = max(3.5, 1.1 * len(table.columns) + 1.5)
    figure, axes = new_axes(size + 1.0, size)
    axes.imshow(table.to_numpy(), cmap="Blues", vmin=0)
    axes.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=30)
    axes.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    axes.set_xlabel(str(table.columns.name or ""))
    axes.set_ylabel(str(table.index.name or ""))
    high = table.to_numpy().max() if table.size else 0
    for row, label in enumerate(table.index):
        for column, other in enumerate(table.columns):
            value = int(table.loc[label, other])
            colour = "white" if high and value > high / 2 else "black"
            axes.text(column, row, str(value), ha="center", va="center", color=colour)
    axes.set_title(title or "Wer hat was gewählt? / Who chose what?")
    return figure


def plot_corpus(overview: pd.DataFrame, column: str = "tokens", title: str | None = None) -> Figure:
    """Bar chart of one column of a corpus overview (one bar per text).

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["a", "b"], "tokens": [10, 30]})
    >>> [float(bar.get_width()) for bar in plot_corpus(frame).axes[0].patches]
    [10.0, 30.0]
    """
    figure, axes = new_axes(7.0, max(2.5, 0.35 * len(overview) + 1.2))
    axes.barh([str(name) for name in overview["text"]], overview[column], color="#55a868")
    axes.invert_yaxis()
    axes.set_xlabel(column)
    axes.set_title(title or f"{column} pro Text / per text")
    return figure


# --- sentiment ---------------------------------------------------------------------------------

#: Bar colours of the sentiment labels (readable in print and for most colour-blind readers).
SENTIMENT_COLOURS = {"positive": "#1b7837", "negative": "#c51b7d", "neutral": "#999999"}
#: Voice names in German and English for plot labels.
VOICE_NAMES = {
    "narrator": "Erzähler / narrator",
    "direct": "direkte Rede / direct",
    "indirect": "indirekte Rede / indirect",
    "reported": "berichtete Rede / reported",
}


def plot_sentiment(document: Document, title: str | None = None) -> Figure:
    """Bar chart of the sentence polarities along the text, with the label thresholds.

    Examples
    --------
    >>> from toolkit import analyse, load_article
    >>> figure = plot_sentiment(analyse(load_article()))
    >>> len(figure.axes[0].patches)
    15
    """
    sentiment = document.sentiment
    if sentiment is None:
        raise ValueError("The document has no sentiment layer: analyse it with sentiment=True.")
    figure, axes = new_axes(8.0, 3.5)
    numbers = [scored.sentence + 1 for scored in sentiment.sentences]
    axes.bar(
        numbers,
        [scored.polarity for scored in sentiment.sentences],
        color=[SENTIMENT_COLOURS[scored.label] for scored in sentiment.sentences],
    )
    positive, negative = sentiment.thresholds
    axes.axhline(0, color="black", linewidth=0.8)
    axes.axhline(positive, color=SENTIMENT_COLOURS["positive"], linestyle=":", linewidth=0.8)
    axes.axhline(-negative, color=SENTIMENT_COLOURS["negative"], linestyle=":", linewidth=0.8)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlabel("Satz / sentence")
    axes.set_ylabel("Polarität / polarity")
    axes.set_xticks(numbers)
    axes.set_title(
        title or f"Polarität je Satz / polarity per sentence (Text: {sentiment.polarity:+.2f})"
    )
    return figure


def plot_sentence_contributions(
    document: Document, sentence: int, title: str | None = None
) -> Figure:
    """Horizontal bars: how much each word contributed to one sentence's polarity.

    Examples
    --------
    >>> from toolkit import analyse
    >>> figure = plot_sentence_contributions(analyse("Das ist zutiefst provokant."), 0)
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['provokant (zutiefst ×1.8)']
    """
    if document.sentiment is None:
        raise ValueError("The document has no sentiment layer: analyse it with sentiment=True.")
    scored = document.sentiment.sentences[sentence]
    words = list(reversed(scored.words))
    figure, axes = new_axes(7.0, max(2.0, 0.4 * len(words) + 1.2))
    names = [
        f"{word.text} ({'; '.join(word.modifiers)})" if word.modifiers else word.text
        for word in words
    ]
    values = [word.contribution for word in words]
    axes.barh(
        range(len(words)),
        values,
        color=[SENTIMENT_COLOURS["positive" if value > 0 else "negative"] for value in values],
    )
    axes.set_yticks(range(len(words)), names)
    axes.axvline(0, color="black", linewidth=0.8)
    axes.set_xlim(-1.05, 1.05)
    axes.set_xlabel("Beitrag / contribution")
    axes.set_title(
        title or f"Satz / sentence {sentence + 1}: {scored.polarity:+.3f} ({scored.label})"
    )
    return figure


def plot_sentiment_groups(
    document: Document, group: str = "speaker", title: str | None = None
) -> Figure:
    """Compare speakers (``group="speaker"``) or voices (``"voice"``): polarity per passage.

    Examples
    --------
    >>> from toolkit import analyse
    >>> figure = plot_sentiment_groups(analyse("Das ist gut."), "voice")
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['Erzähler / narrator (1)']
    """
    if document.sentiment is None:
        raise ValueError("The document has no sentiment layer: analyse it with sentiment=True.")
    chosen = document.sentiment.voices if group == "voice" else document.sentiment.speakers
    chosen = tuple(reversed(chosen))
    figure, axes = new_axes(7.0, max(2.0, 0.45 * len(chosen) + 1.2))
    names = [f"{VOICE_NAMES.get(found.name, found.name)} ({found.passages})" for found in chosen]
    values = [found.polarity for found in chosen]
    axes.barh(
        range(len(chosen)),
        values,
        color=[
            SENTIMENT_COLOURS["positive" if v > 0 else "negative" if v < 0 else "neutral"]
            for v in values
        ],
    )
    axes.set_yticks(range(len(chosen)), names)
    axes.axvline(0, color="black", linewidth=0.8)
    axes.set_xlim(-1.05, 1.05)
    axes.set_xlabel("Polarität je Passage / polarity per passage (Anzahl / count)")
    if not chosen:
        axes.set_ylim(-1, 1)
        axes.text(0, 0, "keine Redewiedergabe / no reported speech", ha="center", va="center")
    kind = "Sprecher / speakers" if group != "voice" else "Stimmen / voices"
    axes.set_title(title or kind)
    return figure


def plot_speakers(document: Document, n: int = 10, title: str | None = None) -> Figure:
    """Who says what: one bar per speaker, split by kind (direct, indirect, reported).

    Examples
    --------
    >>> from toolkit import analyse
    >>> figure = plot_speakers(analyse("Peskow warnte, dies sei ernst. Putin drohte."))
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['Putin', 'Peskow']
    """
    from toolkit.render import SPEECH_COLOURS
    from toolkit.tables import speakers_frame

    speakers = speakers_frame(document).head(n).iloc[::-1]
    figure, axes = new_axes(7.0, max(2.0, 0.45 * len(speakers) + 1.2))
    left = [0] * len(speakers)
    for kind, colour in SPEECH_COLOURS.items():
        counts = list(speakers[kind])
        axes.barh(range(len(speakers)), counts, left=left, color=colour, label=kind)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(range(len(speakers)), list(speakers["speaker"]))
    axes.set_xlabel("Redewiedergaben / speech instances")
    axes.xaxis.get_major_locator().set_params(integer=True)
    if len(speakers):
        axes.legend(title="Art / kind", loc="lower right")
    else:
        axes.text(0.5, 0.5, "keine Redewiedergabe / no reported speech", ha="center")
    axes.set_title(title or "Wer sagt was? / Who says what?")
    return figure
