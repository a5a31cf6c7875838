"""Tables and documents -> matplotlib figures.

Every function returns a :class:`matplotlib.figure.Figure` built without ``pyplot``: no global
state, no ``plt.show()``, so a figure drawn inside a widget callback never appears twice, and
tests can inspect it (``figure.axes[0].patches``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from toolkit.concordance import word_frequencies
from toolkit.model import Document
from toolkit.translate import (
    choice,
    decimals_in_text,
    header,
    minus_signs,
    register_labels,
    separators,
    signed_number,
    tr,
    value,
    voice_label,
)

register_labels(
    {
        "pl_frequency": {"de": "Häufigkeit", "en": "frequency"},
        "pl_most_frequent": {
            "de": "Die {n} häufigsten Wörter",
            "en": "The {n} most frequent words",
        },
        "pl_most_frequent_lemmas": {
            "de": "Die {n} häufigsten Grundformen (Lemmata)",
            "en": "The {n} most frequent base forms (lemmas)",
        },
        "pl_who_chose": {"de": "Wer hat was gewählt?", "en": "Who chose what?"},
        "pl_per_text": {"de": "{column} pro Text", "en": "{column} per text"},
        "pl_sentence": {"de": "Satz", "en": "sentence"},
        "pl_polarity": {"de": "Polarität", "en": "polarity"},
        "pl_polarity_per_sentence": {
            "de": "Polarität je Satz (ganzer Text: {polarity})",
            "en": "Polarity per sentence (whole text: {polarity})",
        },
        "pl_polarity_mean": {
            # the rules' document score is the mean of the sentences with sentiment words only
            "de": "Polarität je Satz (ganzer Text: {polarity}, Mittel der {n} Sätze mit "
            "Wertungswörtern)",
            "en": "Polarity per sentence (whole text: {polarity}, mean of the {n} sentences "
            "with sentiment words)",
        },
        "pl_contribution": {"de": "Beitrag", "en": "contribution"},
        "pl_sentence_title": {
            "de": "Satz {n}: {polarity} ({label})",
            "en": "Sentence {n}: {polarity} ({label})",
        },
        "pl_per_passage": {
            "de": "Polarität je Passage (in Klammern: Anzahl Passagen)",
            "en": "Polarity per passage (in brackets: number of passages)",
        },
        "pl_no_speech": {"de": "keine Redewiedergabe", "en": "no reported speech"},
        "pl_speakers": {"de": "Sprecher", "en": "Speakers"},
        "pl_voices": {"de": "Stimmen", "en": "Voices"},
        "pl_instances": {"de": "Redewiedergaben", "en": "speech instances"},
        "pl_kind": {"de": "Art", "en": "kind"},
        "pl_who_says": {"de": "Wer sagt was?", "en": "Who says what?"},
    }
)


def tick_formatter(language: str) -> FuncFormatter:
    """Tick labels as people read numbers: ``1.000``, ``−0,75`` (English ``1,000``, ``−0.75``).

    Examples
    --------
    >>> tick_formatter("de")(-0.75), tick_formatter("de")(12500), tick_formatter("en")(12500)
    ('−0,75', '12.500', '12,500')
    """

    def show(value: float, _position: int | None = None) -> str:
        return separators(minus_signs(f"{value:,.10g}"), language)

    return FuncFormatter(show)


def _axis_numbers(axis: Any, language: str) -> None:
    """Tick labels with the decimal comma in German (``−0,75``); matplotlib's in English."""
    if language != "en":
        axis.set_major_formatter(tick_formatter(language))


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
    document: Document,
    n: int = 15,
    *,
    skip_stopwords: bool = True,
    title: str | None = None,
    language: str = "de",
    by: str = "text",
) -> Figure:
    """Bar chart of the ``n`` most frequent words (``by="lemma"``: base forms).

    Examples
    --------
    >>> from toolkit import analyse, load_article
    >>> figure = plot_frequencies(analyse(load_article()), n=5, by="lemma")
    >>> len(figure.axes[0].patches), figure.axes[0].get_title()
    (5, 'Die 5 häufigsten Grundformen (Lemmata)')
    """
    counts = word_frequencies(document, skip_stopwords=skip_stopwords, by=by).most_common(n)
    figure, axes = new_axes(7.0, max(2.5, 0.3 * len(counts) + 1))
    words = [word for word, _ in reversed(counts)]
    axes.barh(words, [count for _, count in reversed(counts)], color="#4c72b0")
    axes.set_xlabel(tr("pl_frequency", language))
    heading = "pl_most_frequent_lemmas" if by == "lemma" else "pl_most_frequent"
    axes.set_title(title or tr(heading, language).format(n=len(counts)))
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


# -- classroom annotation and corpus overview (notebooks 05 and 06) -------------------------


def plot_confusion(table: pd.DataFrame, title: str | None = None, language: str = "de") -> Figure:
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
    names = [choice(str(c), language) for c in table.columns]
    axes.set_xticks(range(len(table.columns)), names, rotation=30, ha="right")
    axes.set_yticks(range(len(table.index)), [choice(str(i), language) for i in table.index])
    axes.set_xlabel(str(table.columns.name or ""))
    axes.set_ylabel(str(table.index.name or ""))
    high = table.to_numpy().max() if table.size else 0
    for row, label in enumerate(table.index):
        for column, other in enumerate(table.columns):
            count = int(table.loc[label, other])
            colour = "white" if high and count > high / 2 else "black"
            axes.text(column, row, str(count), ha="center", va="center", color=colour)
    axes.set_title(title or tr("pl_who_chose", language))
    return figure


def plot_corpus(
    overview: pd.DataFrame, column: str = "tokens", title: str | None = None, language: str = "de"
) -> Figure:
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
    name = header(column, language)
    axes.set_xlabel(name)
    axes.set_title(title or tr("pl_per_text", language).format(column=name))
    return figure


# --- sentiment ---------------------------------------------------------------------------------

#: Bar colours of the sentiment labels (readable in print and for most colour-blind readers).
SENTIMENT_COLOURS = {"positive": "#1b7837", "negative": "#c51b7d", "neutral": "#999999"}


def plot_sentiment(document: Document, title: str | None = None, language: str = "de") -> Figure:
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
    axes.set_xlabel(tr("pl_sentence", language))
    axes.set_ylabel(tr("pl_polarity", language))
    _axis_numbers(axes.yaxis, language)
    axes.set_xticks(numbers)
    polarity = signed_number(sentiment.polarity, language, 2)
    carrying = sum(1 for scored in sentiment.sentences if scored.words)
    key = "pl_polarity_mean" if sentiment.backend == "rules" else "pl_polarity_per_sentence"
    axes.set_title(title or tr(key, language).format(polarity=polarity, n=carrying))
    return figure


def plot_sentence_contributions(
    document: Document, sentence: int, title: str | None = None, language: str = "de"
) -> Figure:
    """Horizontal bars: how much each word contributed to one sentence's polarity.

    Examples
    --------
    >>> from toolkit import analyse
    >>> figure = plot_sentence_contributions(analyse("Das ist zutiefst provokant."), 0)
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['provokant (zutiefst ×1,8)']
    """
    if document.sentiment is None:
        raise ValueError("The document has no sentiment layer: analyse it with sentiment=True.")
    scored = document.sentiment.sentences[sentence]
    words = list(reversed(scored.words))
    figure, axes = new_axes(7.0, max(2.0, 0.4 * len(words) + 1.2))
    names = [
        decimals_in_text(f"{word.text} ({'; '.join(word.modifiers)})", language)
        if word.modifiers
        else word.text
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
    axes.set_xlabel(tr("pl_contribution", language))
    _axis_numbers(axes.xaxis, language)
    axes.set_title(
        title
        or tr("pl_sentence_title", language).format(
            n=sentence + 1,
            polarity=signed_number(scored.polarity, language, 2),
            label=value(scored.label, language),
        )
    )
    return figure


def plot_sentiment_groups(
    document: Document, group: str = "speaker", title: str | None = None, language: str = "de"
) -> Figure:
    """Compare speakers (``group="speaker"``) or voices (``"voice"``): polarity per passage.

    Examples
    --------
    >>> from toolkit import analyse
    >>> figure = plot_sentiment_groups(analyse("Das ist gut."), "voice")
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['Erzähler (1)']
    """
    if document.sentiment is None:
        raise ValueError("The document has no sentiment layer: analyse it with sentiment=True.")
    chosen = document.sentiment.voices if group == "voice" else document.sentiment.speakers
    chosen = tuple(reversed(chosen))
    figure, axes = new_axes(7.0, max(2.0, 0.45 * len(chosen) + 1.2))
    names = [  # a voice stands alone as a label: "Direkte Rede (2)" beside "Erzähler (11)"
        f"{voice_label(found.name, language) if group == 'voice' else found.name} "
        f"({found.passages})"
        for found in chosen
    ]
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
    axes.set_xlabel(tr("pl_per_passage", language))
    _axis_numbers(axes.xaxis, language)
    if not chosen:
        axes.set_ylim(-1, 1)
        axes.text(0, 0, tr("pl_no_speech", language), ha="center", va="center")
    axes.set_title(title or tr("pl_speakers" if group != "voice" else "pl_voices", language))
    return figure


#: Bar patterns of the three kinds of speech, after the highlighter's lines (solid, dashed,
#: dotted): the kinds stay apart without their colours.
SPEECH_HATCHES = {"direct": "", "indirect": "//", "reported": ".."}


def speech_bars(
    axes: Axes, names: Sequence[str], counts: pd.DataFrame, language: str = "de"
) -> None:
    """Draw stacked horizontal bars per name, one part per kind of speech (``counts[kind]``).

    Colours and patterns are the highlighter's (:data:`toolkit.render.SPEECH_COLOURS`,
    :data:`~toolkit.render.SPEECH_LINES`); the legend names each kind as the voices chart
    does (``Direkte Rede``), in every notebook alike.
    """
    from toolkit.render import SPEECH_COLOURS, SPEECH_LINES

    left = [0.0] * len(names)
    for kind, colour in SPEECH_COLOURS.items():
        values = list(counts[kind])
        axes.barh(
            range(len(names)),  # positions: two speakers of the same name stay two bars
            values,
            left=left,
            color=colour,
            hatch=SPEECH_HATCHES[kind],
            edgecolor=SPEECH_LINES[kind][1],
            linewidth=0.5,
            label=voice_label(kind, language),
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(range(len(names)), list(names))


def plot_speakers(
    document: Document, n: int = 10, title: str | None = None, language: str = "de"
) -> Figure:
    """Who says what: one bar per speaker, split by kind (direct, indirect, reported).

    Examples
    --------
    >>> from toolkit import analyse
    >>> figure = plot_speakers(analyse("Peskow warnte, dies sei ernst. Putin drohte."))
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['Putin', 'Peskow']
    """
    from toolkit.tables import speakers_frame

    speakers = speakers_frame(document).head(n).iloc[::-1]
    figure, axes = new_axes(7.0, max(2.0, 0.45 * len(speakers) + 1.2))
    names = [value(s, language) for s in speakers["speaker"]]
    speech_bars(axes, names, speakers, language)
    axes.set_xlabel(tr("pl_instances", language))
    axes.xaxis.get_major_locator().set_params(integer=True)
    if len(speakers):
        axes.legend(title=tr("pl_kind", language), loc="lower right")
    else:
        axes.text(0.5, 0.5, tr("pl_no_speech", language), ha="center")
    axes.set_title(title or tr("pl_who_says", language))
    return figure
