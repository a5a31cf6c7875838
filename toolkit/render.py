"""The only place that builds HTML. Every piece of text goes through :func:`escape`.

Texts come from users (pasted or uploaded), so a text such as ``<img src=x onerror=...>``
must appear as plain characters and never run. Widgets and notebooks call these functions
instead of formatting HTML themselves, so the escaping is checked once, here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

#: Shared styles for everything rendered here (kept small; colours readable when printed).
#: The button colours of checked exercises are darker than JupyterLab's so that their white
#: text reaches WCAG AA contrast (4.5:1): green right, red wrong, orange missed, blue chosen.
STYLE = """<style>
.tk-text { line-height: 2.0; font-size: 1.02em; max-width: 60em; }
.tk-mark { border-radius: 3px; padding: 1px 0; }
.tk-token { display: inline-block; border: 1px solid #999; border-radius: 3px;
            padding: 0 3px; margin: 2px; background: #f4f4f4; font-family: monospace; }
.tk-token-diff { background: #ffe08a; border-color: #c90; }
.tk-kwic td { padding: 0 0.4em; font-family: monospace; white-space: pre; }
.tk-kwic td.tk-left { text-align: right; color: #555; }
.tk-kwic td.tk-key { font-weight: bold; }
.tk-kwic td.tk-right { color: #555; }
.tk-message { padding: 0.3em 0.6em; border-radius: 4px; }
.tk-info { background: #eef4fb; } .tk-error { background: #fde8e8; color: #8a1c1c; }
.tk-success { background: #e7f6e7; color: #1d5e1d; }
.tk-table { border-collapse: collapse; margin: 0.3em 0; }
.tk-scroll { overflow-x: auto; max-width: 100%; }
.widget-html-content:has(> .tk-scroll), .jupyter-widget-html-content:has(> .tk-scroll),
.widget-html:has(.tk-scroll), .jupyter-widget-html:has(.tk-scroll),
.widget-vbox:has(.tk-scroll), .jupyter-widget-vbox:has(.tk-scroll) {
    min-width: 0; max-width: 100%; }
.tk-table th, .tk-table td { padding: 2px 8px; border-bottom: 1px solid #ddd; text-align: left; }
.jupyter-button.mod-success { background-color: #1b5e20; color: #fff; }
.jupyter-button.mod-danger { background-color: #b71c1c; color: #fff; }
.jupyter-button.mod-warning { background-color: #b35900; color: #fff; }
.jupyter-button.mod-info { background-color: #01579b; color: #fff; }
</style>"""


def escape(text: str) -> str:
    """Escape text for HTML, quotes included.

    Examples
    --------
    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(text, quote=True)


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted stretch ``text[start:end]``: CSS class, optional colour and tooltip."""

    start: int
    end: int
    css_class: str = "tk-mark"
    colour: str | None = None
    title: str | None = None


def highlight(text: str, marks: Iterable[Mark]) -> str:
    """Return ``text`` as escaped HTML with the marked stretches wrapped in ``<mark>``.

    Marks may nest (a verb inside a quotation); a mark that crosses the end of another is
    cut there and continued after it, so the HTML stays well-formed and no text is lost.

    Examples
    --------
    >>> print(highlight("Er sagte <nein>.", [Mark(9, 15, "tk-direct", "#fde", "Zitat")]))
    ... # doctest: +NORMALIZE_WHITESPACE
    <span class="tk-text">Er sagte <mark class="tk-mark tk-direct" style="background:#fde"
    title="Zitat">&lt;nein&gt;</mark>.</span>
    """
    valid = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    return f'<span class="tk-text">{_nested(text, 0, len(text), valid)}</span>'


def _nested(text: str, start: int, end: int, marks: list[Mark]) -> str:
    pending = sorted(marks, key=lambda mark: (mark.start, -mark.end))
    pieces, position = [], start
    while pending:
        outer = pending.pop(0)
        inner, rest = [], []
        for mark in pending:
            if mark.start >= outer.end:
                rest.append(mark)
            elif mark.end <= outer.end:
                inner.append(mark)
            else:  # crosses the outer mark's end: split it there
                inner.append(replace(mark, end=outer.end))
                rest.append(replace(mark, start=outer.end))
        pieces.append(escape(text[position : outer.start]))
        pieces.append(_wrap(_nested(text, outer.start, outer.end, inner), outer))
        position = outer.end
        pending = sorted(rest, key=lambda mark: (mark.start, -mark.end))
    pieces.append(escape(text[position:end]))
    return "".join(pieces)


def _wrap(inner_html: str, mark: Mark) -> str:
    attributes = f' class="tk-mark {escape(mark.css_class)}"'
    if mark.colour:
        attributes += f' style="background:{escape(mark.colour)}"'
    if mark.title:
        attributes += f' title="{escape(mark.title)}"'
    return f"<mark{attributes}>{inner_html}</mark>"


def token_boxes(tokens: Sequence[str], different: Iterable[int] = ()) -> str:
    """Show tokens as boxes; tokens at the ``different`` positions are coloured.

    Examples
    --------
    >>> token_boxes(["z.", "<B>"], different=[1])
    '<span class="tk-token">z.</span><span class="tk-token tk-token-diff">&lt;B&gt;</span>'
    """
    marked = set(different)
    return "".join(
        f'<span class="tk-token{" tk-token-diff" if position in marked else ""}">'
        f"{escape(token)}</span>"
        for position, token in enumerate(tokens)
    )


#: A cell that is only a date (``2024-05-14``, ``2024-05-14 09:30``, ``14.05.2024``,
#: ``14. Mai 2024``, ``14/05/2024``): a table keeps it on one line.
DATE_CELL = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:,? \d{1,2}:\d{2})?"
    r"|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}"
    r"|\d{1,2}\.? [A-ZÄÖÜ][a-zäöü]+\.? \d{4}"
)


def cell(content: object) -> str:
    """Return one escaped table cell; a date stays on one line (``white-space: nowrap``).

    A narrow column broke ``2024-05-14`` after a hyphen and ``14. Mai 2024`` at a space;
    the class ``tk-date`` marks such a cell.

    Examples
    --------
    >>> cell("<b>"), cell("03.12.2026")
    ('<td>&lt;b&gt;</td>', '<td class="tk-date" style="white-space:nowrap">03.12.2026</td>')
    >>> cell("1.234.567"), cell("0,5")
    ('<td>1.234.567</td>', '<td>0,5</td>')
    """
    text = str(content)
    if DATE_CELL.fullmatch(text.strip()):
        return f'<td class="tk-date" style="white-space:nowrap">{escape(text)}</td>'
    return f"<td>{escape(text)}</td>"


#: The box around every table: a table wider than its output scrolls sideways inside it
#: instead of being cut off at the output's right edge (JupyterLab). The style is inline, so
#: it holds where :data:`STYLE` is not part of the HTML; a narrow table looks as before.
SCROLL_OPEN = '<div class="tk-scroll" style="overflow-x:auto;max-width:100%">'


def scrolling(inner_html: str) -> str:
    """Return ``inner_html`` (a table) in a box that scrolls sideways when it is too wide.

    Examples
    --------
    >>> scrolling("<table></table>")
    '<div class="tk-scroll" style="overflow-x:auto;max-width:100%"><table></table></div>'
    """
    return f"{SCROLL_OPEN}{inner_html}</div>"


def heading(name: object) -> str:
    """Return a column header as people read it: with a capital first letter.

    German headers are nouns or start like sentences (``Finite Verben``, ``In den Texten``),
    English ones too (``Sentence``); a one-letter symbol stays as it is (``n``).

    Examples
    --------
    >>> heading("finite Verben"), heading("sentence"), heading("n"), heading("F1")
    ('Finite Verben', 'Sentence', 'n', 'F1')
    """
    text = str(name)
    return text[:1].upper() + text[1:] if len(text) > 1 else text


def table(
    rows: Iterable[Sequence[object]],
    header: Sequence[str] = (),
    css_class: str = "",
    as_written: bool = False,
) -> str:
    """Return a simple HTML table; every cell is escaped, a date kept on one line (:func:`cell`).

    Headers start with a capital (:func:`heading`) unless ``as_written`` (names of people
    from file names, ``anna``, stay as in the rest of the page).

    The table stands in a box that scrolls sideways when it is too wide (:func:`scrolling`).

    Examples
    --------
    >>> print(table([["<b>", 1]], header=["Wort", "n"]))  # doctest: +NORMALIZE_WHITESPACE
    <div class="tk-scroll" style="overflow-x:auto;max-width:100%"><table
    class=""><tr><th>Wort</th><th>n</th></tr><tr><td>&lt;b&gt;</td><td>1</td></tr></table></div>
    """
    head = "".join(
        f"<th>{escape(str(name) if as_written else heading(name))}</th>" for name in header
    )
    body = "".join("<tr>" + "".join(cell(found) for found in row) + "</tr>" for row in rows)
    return scrolling(
        f'<table class="{escape(css_class)}">'
        + (f"<tr>{head}</tr>" if head else "")
        + body
        + "</table>"
    )


def kwic_table(lines: Iterable[tuple[str, str, str]]) -> str:
    """Return concordance lines ``(left, keyword, right)`` as an aligned HTML table.

    Long lines scroll sideways in their box (:func:`scrolling`).
    """
    rows = "".join(
        f'<tr><td class="tk-left">{escape(left)}</td><td class="tk-key">{escape(key)}</td>'
        f'<td class="tk-right">{escape(right)}</td></tr>'
        for left, key, right in lines
    )
    return scrolling(f'<table class="tk-kwic">{rows}</table>')


def message(text: str, kind: str = "info") -> str:
    """Return a short coloured message box (``info``, ``error`` or ``success``).

    Examples
    --------
    >>> message("Datei ist nicht UTF-8 <x>", "error")
    '<div class="tk-message tk-error">Datei ist nicht UTF-8 &lt;x&gt;</div>'
    """
    return f'<div class="tk-message tk-{escape(kind)}">{escape(text)}</div>'


#: Colours of the three kinds of reported speech; the CSS classes ``tk-direct``,
#: ``tk-indirect`` and ``tk-reported`` are stable names (tests and browser checks use them).
SPEECH_COLOURS = {"direct": "#9fd3ff", "indirect": "#b8ecb0", "reported": "#ffd59a"}
#: A line under each kind besides its colour (solid, dashed, dotted), so that the kinds stay
#: apart for readers who do not see the colours apart (green and orange, for one in twelve
#: men) and on a greyscale printout; the legend shows the same lines.
SPEECH_LINES = {
    "direct": ("solid", "#1f5f99"),
    "indirect": ("dashed", "#2e6b30"),
    "reported": ("dotted", "#8a5200"),
}
SPEECH_STYLE = (
    "<style>"
    + "".join(
        f".tk-{kind} {{ background: {colour}; border-bottom: 2px {' '.join(SPEECH_LINES[kind])}; }}"
        f" .tk-legend .tk-{kind} {{ padding: 0 0.4em; }}"
        for kind, colour in SPEECH_COLOURS.items()
    )
    + ".tk-cue { font-weight: bold; text-decoration: underline; }"
    + ".tk-speaker { outline: 2px solid #555; outline-offset: 1px; }"
    + "</style>"
)


def legend(entries: Iterable[tuple[str, str]]) -> str:
    """Return a colour legend: one coloured label per ``(css_class, label)``.

    Examples
    --------
    >>> legend([("tk-direct", "direkte Rede <Zitat>")])
    '<div class="tk-legend"><span class="tk-mark tk-direct">direkte Rede &lt;Zitat&gt;</span></div>'
    """
    items = " ".join(
        f'<span class="tk-mark {escape(css_class)}">{escape(text)}</span>'
        for css_class, text in entries
    )
    return f'<div class="tk-legend">{items}</div>'
