r"""Corpus charts: one bar per document, readable labels in German (or English).

Labels that come from user data (file names, speakers) are escaped for matplotlib, which
would otherwise read ``Umsatz_$5M_$10M`` as a formula and fail. Numbers use the German
decimal comma when the language is German.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"document": ["Umsatz_$5M_$10M", "b"], "konjunktiv_per_1000": [2.5, 0]})
>>> figure = plot_overview(frame, "konjunktiv_per_1000")
>>> figure.axes[0].get_xlabel()
'Konjunktiv je 1.000 Tokens'
>>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
['Umsatz_\\$5M_\\$10M', 'b']
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from toolkit.plots import SENTIMENT_COLOURS, new_axes, speech_bars, tick_formatter
from toolkit.render import heading

__all__ = ["COLUMN_LABELS", "column_label", "mpl_escape", "plot_overview", "plot_speakers"]

#: German and English names of the overview columns.
COLUMN_LABELS = {
    "characters": ("Zeichen", "characters"),
    "tokens": ("Tokens", "tokens"),
    "sentences": ("Sätze", "sentences"),
    "tokens_per_sentence": ("Tokens pro Satz", "tokens per sentence"),
    "finite_verbs": ("finite Verben", "finite verbs"),
    "konjunktiv": ("Konjunktiv", "subjunctive"),
    "konjunktiv_i": ("Konjunktiv I", "subjunctive I"),
    "konjunktiv_ii": ("Konjunktiv II", "subjunctive II"),
    "speech_direct": ("direkte Rede", "direct speech"),
    "speech_indirect": ("indirekte Rede", "indirect speech"),
    "speech_reported": ("erzählte Rede", "reported speech"),
    "polarity": ("Stimmung (Polarität)", "sentiment (polarity)"),
    "instances": ("Redewiedergaben", "speech instances"),
}


def column_label(column: str, language: str = "de") -> str:
    """Return a readable name for an overview column (rates: ``... je 1.000 Tokens``).

    Examples
    --------
    >>> column_label("speech_indirect_per_1000"), column_label("tokens_per_sentence", "en")
    ('indirekte Rede je 1.000 Tokens', 'tokens per sentence')

    A metadata field is shown as the researcher named it; in German with a capital, as the
    other headers are nouns:

    >>> column_label("ressort"), column_label("ressort", "en")
    ('Ressort', 'ressort')
    """
    english = language == "en"
    base = column.removesuffix("_per_1000")
    own = base.replace("_", " ")
    names = COLUMN_LABELS.get(base, (own[:1].upper() + own[1:], own))
    name = names[1] if english else names[0]
    if base != column:
        return f"{name} per 1,000 tokens" if english else f"{name} je 1.000 Tokens"
    return name


def mpl_escape(text: object) -> str:
    r"""Escape ``$`` so matplotlib shows user text as written, not as a formula.

    Examples
    --------
    >>> mpl_escape("Umsatz_$5M")
    'Umsatz_\\$5M'
    """
    return str(text).replace("$", r"\$")


def plot_overview(
    overview: pd.DataFrame,
    column: str = "konjunktiv_per_1000",
    *,
    language: str = "de",
    title: str | None = None,
) -> Figure:
    """Bar chart of one overview column, one bar per document (``document`` column)."""
    names = overview["document"] if "document" in overview else overview["text"]
    figure, axes = new_axes(7.0, max(2.5, 0.35 * len(overview) + 1.2))
    values = pd.to_numeric(overview[column], errors="coerce").fillna(0)
    colour: str | list[str] = "#55a868"
    if column == "polarity" and "sentiment" in overview:  # as notebook 04 draws sentiment
        colour = [SENTIMENT_COLOURS.get(str(label), "#999999") for label in overview["sentiment"]]
    axes.barh([mpl_escape(name) for name in names], values, color=colour)
    axes.invert_yaxis()
    label = column_label(column, language)
    axes.set_xlabel(heading(label))  # an axis names its measure as a header does
    axes.xaxis.set_major_formatter(tick_formatter(language))
    if values.eq(values.round()).all():  # counts: no tick at "2,5" tokens
        axes.xaxis.get_major_locator().set_params(integer=True)
    if not title:  # the generated title starts with a capital; a given one stays as written
        title = heading(f"{label} pro Text" if language == "de" else f"{label} per text")
    axes.set_title(mpl_escape(title))
    return figure


def plot_speakers(speakers: pd.DataFrame, n: int = 15, *, language: str = "de") -> Figure:
    """Stacked bars: the ``n`` speakers with most instances, by kind of speech."""
    top = speakers.head(n)
    figure, axes = new_axes(7.0, max(2.5, 0.35 * len(top) + 1.2))
    # the colours, patterns and names of the highlighter and of notebook 03's chart
    speech_bars(axes, [mpl_escape(name) for name in top["speaker"]], top, language)
    axes.invert_yaxis()
    axes.set_xlabel(column_label("instances", language))
    axes.xaxis.set_major_formatter(tick_formatter(language))
    axes.xaxis.get_major_locator().set_params(integer=True)  # no "1,5" instances
    axes.legend(loc="lower right")
    axes.set_title("Wer spricht im Korpus?" if language == "de" else "Who speaks in the corpus?")
    return figure
