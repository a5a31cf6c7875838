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

from toolkit.render import STYLE, escape, scrolling, table
from toolkit.render import cell as html_cell
from toolkit.scores import grouped_rows
from toolkit.translate import (
    LABELS,
    NOTE_COLUMNS,
    choice,
    decimals_in_text,
    header,
    number,
    register_labels,
    same_decimals,
    tr,
    value,
)

register_labels(
    {
        "sv_corpus": {"de": "Gold-Daten: {corpus}", "en": "Gold data: {corpus}"},
        "col_part": {"de": "Teil", "en": "part"},
        "val_Redewiedergabe dev": {
            "de": "Redewiedergabe, Entwicklungsteil",
            "en": "Redewiedergabe dev",
        },
        "val_fiction": {"de": "Erzähltexte", "en": "fiction"},
        "val_UD German-GSD": {"de": "UD German-GSD", "en": "UD German-GSD"},
        "val_UD German-GSD dev": {
            "de": "UD German-GSD, Entwicklungsteil",
            "en": "UD German-GSD dev",
        },
        # what a variant of a corpus holds, under its heading (bench/eval_mood.py)
        "sv_about_dev TIGER-aligned": {
            "de": "An TIGER angeglichen: nur die Nachrichtensätze, deren Merkmale (auch der "
            "Modus) von Hand annotiert sind – übernommen aus der TIGER-Baumbank; die übrigen "
            "Sätze wurden automatisch annotiert.",
            "en": "TIGER-aligned: only the news sentences whose features (mood included) were "
            "annotated by hand – taken from the TIGER treebank; the other sentences were "
            "annotated automatically.",
        },
        "sv_about_dev, gold fits form": {
            "de": "Gold passt zur Form: der ganze Entwicklungsteil ohne die Verben, deren "
            "Gold-Modus die Form gar nicht haben kann (etwa „habe“ als Konjunktiv II, ein "
            "Fehler der automatischen Annotation).",
            "en": "Gold fits form: all of dev without the verbs whose gold mood the form "
            "cannot have at all (such as “habe” as subjunctive II, a mistake of the "
            "automatic annotation).",
        },
        "sv_about_Redewiedergabe dev": {
            "de": "Erzähltexte und Sachtexte ergeben zusammen „alle“; „Nachrichten“ sind die "
            "Zeitungsmeldungen darunter, ein Teil von „alle“.",
            "en": "Fiction and non-fiction together make “all”; “news” are the newspaper "
            "reports among them, a part of “all”.",
        },
        "sv_about_WikiNews dev": {
            "de": "„Wiedergabe als Ganzes“ vergleicht ganze Redewiedergaben statt einzelner "
            "Wörter. „Ohne erzählte Rede“ lässt die erzählte Rede des Toolkits weg, weil "
            "WikiNews sie nur selten annotiert; der Gold-Standard und damit n bleiben gleich.",
            "en": "“Message” compares whole instances of speech instead of single words. "
            "“Reported left out” drops the toolkit's reported speech, which WikiNews rarely "
            "annotates; the gold standard, and so n, stay the same.",
        },
        "val_non-fiction": {"de": "Sachtexte", "en": "non-fiction"},
        "sv_explain": {
            "de": "So lesen Sie die Werte (von 0 bis 1; 1 heißt: fehlerfrei):",
            "en": "How to read the scores (from 0 to 1; 1 means: no mistakes):",
        },
        "sv_explain_P": {
            "de": "P (Precision): der Anteil der gefundenen Stellen, die stimmen. Von allem, "
            "was das Toolkit markiert hat: Wie viel steht auch so im Gold-Standard?",
            "en": "P (precision): the share of the places found that are right. Of all the "
            "toolkit marked: how much is in the gold standard too?",
        },
        "sv_explain_R": {
            "de": "R (Recall): der Anteil der richtigen Stellen, die gefunden wurden. Von "
            "allem, was im Gold-Standard markiert ist: Wie viel hat das Toolkit gefunden?",
            "en": "R (recall): the share of the right places that were found. Of all that "
            "is marked in the gold standard: how much did the toolkit find?",
        },
        "sv_explain_F1": {
            "de": "F1: das harmonische Mittel aus P und R. Es ist nur hoch, wenn beide hoch "
            "sind; viel finden und dabei viel falsch markieren hilft nicht.",
            "en": "F1: the harmonic mean of P and R. It is high only when both are high; "
            "finding a lot while marking a lot wrongly does not help.",
        },
        "sv_explain_F1_alone": {
            "de": "F1: ein Wert, der zwei Fragen verbindet – wie viel von dem, was das Toolkit "
            "einordnet, stimmt, und wie viel des Richtigen es findet. Er ist nur hoch, wenn "
            "beides hoch ist; Makro-F1 ist der Mittelwert über die Klassen (positiv, negativ, "
            "neutral), so zählt jede Klasse gleich viel.",
            "en": "F1: one value joining two questions – how much of what the toolkit labels "
            "is right, and how much of what is right it finds. It is high only when both are; "
            "macro-F1 is the mean over the classes (positive, negative, neutral), so each "
            "class counts the same.",
        },
        "sv_explain_n": {
            "de": "n: wie viele Einheiten des Gold-Standards die Zeile zählt (Tokens, Zitate, "
            "Sätze oder Texte; beim Satz-F1 die Grenzen zwischen den Sätzen, die zu Blöcken "
            "von zehn verbunden werden: neun je Block).",
            "en": "n: how many units of the gold standard the row counts (tokens, quotes, "
            "sentences or texts; for sentence F1 the boundaries between the sentences, which are "
            "joined in blocks of ten: nine per block).",
        },
        "sv_explain_n_speakers": {
            "de": "Bei „Sprecher getroffen“ zählt n nur die Zitate, die das System gefunden hat "
            "und deren Sprecher der Gold-Standard nennt – deshalb ist n dort je System "
            "verschieden.",
            "en": "For “speaker matched”, n counts only the quotes the system found whose "
            "speaker the gold standard names – so n differs between systems there.",
        },
    }
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


def _cells(
    shown: pd.DataFrame, language: str, fixed: Collection[str]
) -> tuple[list[str], list[list[str]]]:
    """Return the headers and the cell texts of a table for people (see :func:`frame_html`)."""
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
    return names, rows


def frame_html(
    frame: pd.DataFrame,
    index: bool = False,
    language: str = "de",
    fixed: Collection[str] = (),
    as_written: bool = False,
) -> str:
    """Return a DataFrame as an escaped HTML table for people (see :mod:`toolkit.translate`).

    Headers and bilingual values (``"keine / none"``) are shown in ``language``, numbers the
    German or English way, empty cells as ``–``. The numbers of the ``fixed`` columns keep
    three decimals, so that a column of scores lines up (``0,970`` under ``0,875``).
    ``as_written`` keeps the headers as they are (see :func:`~toolkit.render.table`).

    Examples
    --------
    >>> frame = pd.DataFrame({"Wort": ["<b>"], "n": [None], "f1": [0.5]})
    >>> frame_html(frame).split("</tr>")[1]
    '<tr><td>&lt;b&gt;</td><td>–</td><td>0,5</td>'
    >>> frame_html(frame, fixed=["f1"]).split("</tr>")[1]
    '<tr><td>&lt;b&gt;</td><td>–</td><td>0,500</td>'
    """
    shown = frame.reset_index() if index else frame
    names, rows = _cells(shown, language, fixed)
    # a wide table scrolls inside its cell instead of being cut off (render.scrolling)
    return STYLE + table(rows, header=names, css_class="tk-table", as_written=as_written)


#: Score columns, shown with three decimals each so that they line up.
SCORES = ("P", "R", "F1")


def corpus_title(subset: str, corpus: str | None = None, language: str = "de") -> str:
    """Return the heading of one corpus's scores; ``corpus`` names it when ``subset`` does not.

    Examples
    --------
    >>> corpus_title("WikiNews dev"), corpus_title("dev", "UD German-GSD")
    ('Gold-Daten: WikiNews, Entwicklungsteil', 'Gold-Daten: UD German-GSD, Entwicklungsteil')
    >>> corpus_title("all", "UD German-GSD dev", "en")
    'Gold data: UD German-GSD dev, all'
    """
    name = value(subset, language)
    if corpus:
        name = f"{value(corpus, language)}, {name}"
    return tr("sv_corpus", language).format(corpus=name)


def scores_html(frame: pd.DataFrame, language: str = "de", corpus: str | None = None) -> str:
    """Return score rows as tables for people: one per corpus, the rows of a measure together.

    Each corpus (:func:`toolkit.scores.corpus_and_part`) gets a heading and its own table;
    ``corpus`` names the gold corpus when the subsets do not (``"UD German-GSD"`` for
    ``dev``, see :data:`toolkit.scores.GOLD_CORPUS`). A variant of a corpus (``dev
    TIGER-aligned``) is explained in one sentence under its heading. When a measure has
    several rows there (parts of the corpus, systems), it heads them as a line across the
    table; the systems of one part stand one under the other. P, R and F1 keep three
    decimals; a part or system column is left out when it would say nothing.

    Examples
    --------
    >>> rows = [{"system": s, "subset": "WikiNews dev", "measure": m, "F1": 0.5, "n": 9}
    ...         for m in ("token direct", "message") for s in ("rules", "model")]
    >>> html = scores_html(pd.DataFrame(rows))
    >>> "Gold-Daten: WikiNews, Entwicklungsteil" in html, html.count('class="tk-measure"')
    (True, 2)
    """
    records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    several_systems = len({row.get("system") for row in records}) > 1
    parts = []
    for subset, rows in grouped_rows(records):
        group = pd.DataFrame(rows, dtype=object)  # a count stays a count ("476", not "476,0")
        columns = [
            "measure",
            *(["part"] if group["part"].notna().any() else []),
            *(["system"] if several_systems and "system" in group else []),
            *[c for c in group.columns if c not in _GROUPING],
        ]
        measures = group["measure"].tolist() if "measure" in group else [None] * len(group)
        headed = "measure" in group and group["measure"].duplicated().any()
        if headed:
            columns.remove("measure")
        names, cells = _cells(group[[c for c in columns if c in group]], language, SCORES)
        width = len(names)
        body = []
        for k, row in enumerate(cells):
            if headed and (k == 0 or measures[k] != measures[k - 1]):
                body.append(
                    f'<tr class="tk-measure"><th colspan="{width}" scope="colgroup">'
                    f"{escape(value(measures[k], language))}</th></tr>"
                )
            body.append("<tr>" + "".join(map(html_cell, row)) + "</tr>")  # as in any table
        head = "".join(f"<th>{escape(name)}</th>" for name in names)
        title = escape(corpus_title(subset, corpus, language))
        about = f"sv_about_{subset}"  # one sentence on what a variant holds
        note = (
            f'<div class="tk-about">{escape(tr(about, language))}</div>' if about in LABELS else ""
        )
        parts.append(
            f'<div class="tk-corpus"><b>{title}</b></div>{note}'
            + scrolling(f'<table class="tk-table"><tr>{head}</tr>{"".join(body)}</table>')
        )
    return STYLE + SCORES_STYLE + "".join(parts)


#: Rows of one measure start with a line across the table; a corpus heading has some air;
#: a sentence on a variant of a corpus stands under its heading in a smaller, grey type.
SCORES_STYLE = (
    "<style>.tk-table tr.tk-measure th { background: #f2f2f2; border-top: 2px solid #bbb; "
    "font-weight: bold; }"
    " .tk-corpus { margin-top: 0.8em; } .tk-about { font-size: 0.92em; color: #444; }</style>"
)
#: Columns that place a row (shown as headings or in front), not read as a score.
_GROUPING = ("measure", "part", "system", "subset", "corpus")


def scores_explanation(
    columns: Collection[str] = (*SCORES, "n"), language: str = "de", speakers: bool = False
) -> str:
    """Return one or two sentences on each score column of a table (P, R, F1 and n).

    Examples
    --------
    >>> "harmonische Mittel" in scores_explanation(), "Recall" in scores_explanation(["F1"])
    (True, False)
    >>> "Makro-F1" in scores_explanation(["F1"])  # F1 alone is explained without P and R
    True

    ``speakers``: the table has rows of speaker matches, whose n differs between systems.
    """
    alone = "F1" in columns and not {"P", "R"} & set(columns)
    keys = [
        "sv_explain_F1_alone" if alone and column == "F1" else f"sv_explain_{column}"
        for column in (*SCORES, "n")
        if column in columns
    ]
    items = [f"<li>{escape(tr(key, language))}</li>" for key in keys]
    if speakers and "n" in columns:
        items.append(f"<li>{escape(tr('sv_explain_n_speakers', language))}</li>")
    return (
        f'<div class="tk-message tk-info"><b>{escape(tr("sv_explain", language))}</b>'
        f'<ul style="margin:0.2em 0">{"".join(items)}</ul></div>'
    )
