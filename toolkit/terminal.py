"""Tables for a terminal: ``python -m toolkit analyse FILE --format table``.

Every line fits the terminal (at most 100 columns): each table shows its most useful
columns, long cells are shortened with "…", a missing value is "–", sentences and tokens
count from 1 and numbers use the German decimal comma. The last line says where the full
tables are (JSON, or CSV from the corpus command).

Examples
--------
>>> from toolkit import analyse
>>> text = format_tables(analyse("Peskow warnte, dies sei gefährlich."), width=60)
>>> print(text.split(2 * chr(10))[0])  # the first table
== Sätze / sentences (1) ==
sentence  start  end  text
       1      0   35  Peskow warnte, dies sei gefährlich.
>>> max(len(line) for line in text.splitlines()) <= 60
True
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

import pandas as pd

from toolkit.model import Document

__all__ = ["TABLE_COLUMNS", "format_frame", "format_tables", "terminal_width"]

#: Per table: its title and the columns shown in a terminal (the JSON output has them all).
TABLE_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "sentences": ("Sätze / sentences", ("sentence", "start", "end", "text")),
    "tokens": ("Tokens", ("sentence", "token", "start", "end", "text", "lemma", "pos")),
    "verbs": (
        "Verben / verbs",
        ("sentence", "token", "text", "lemma", "mood", "konjunktiv", "person", "number"),
    ),
    "speech": (
        "Redewiedergabe / speech",
        ("sentence", "kind", "cue", "speaker", "text"),
    ),
    "speakers": ("Sprecher / speakers", ("speaker", "instances", "direct", "indirect", "reported")),
    "sentiment": ("Stimmung / sentiment", ("sentence", "polarity", "label", "words", "text")),
}
#: Columns counted from 1 for people (records keep 0-based indices).
FROM_ONE = ("sentence", "token")


def terminal_width(limit: int = 100) -> int:
    """Return the terminal's width, at most ``limit`` (100 when unknown, e.g. in a pipe)."""
    return max(40, min(limit, shutil.get_terminal_size((limit, 24)).columns))


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}".replace(".", ",")
    return " ".join(str(value).split())  # one line per row, whatever the text holds


def format_frame(frame: pd.DataFrame, columns: Sequence[str], width: int) -> list[str]:
    """Return the lines of ``frame`` (only ``columns``), each at most ``width`` characters."""
    shown = [column for column in columns if column in frame.columns]
    cells = [[column for column in shown]]
    numeric = [pd.api.types.is_numeric_dtype(frame[column]) for column in shown]
    for row in frame[shown].itertuples(index=False):
        values = []
        for column, value in zip(shown, row, strict=True):
            if column in FROM_ONE and isinstance(value, int | float) and not pd.isna(value):
                value = int(value) + 1
            values.append(_cell(value))
        cells.append(values)
    sizes = [max(len(line[i]) for line in cells) for i in range(len(shown))]
    while sum(sizes) + 2 * (len(sizes) - 1) > width and max(sizes) > 4:
        sizes[sizes.index(max(sizes))] -= 1  # shorten the widest column first
    lines = []
    for line in cells:
        parts = []
        for i, value in enumerate(line):
            if len(value) > sizes[i]:
                value = value[: sizes[i] - 1] + "…"
            parts.append(value.rjust(sizes[i]) if numeric[i] else value.ljust(sizes[i]))
        lines.append("  ".join(parts).rstrip())
    return lines


def format_tables(document: Document, width: int | None = None) -> str:
    """Return the document's tables for a terminal of ``width`` columns (default: fitted).

    The last line says where the complete tables are.
    """
    from toolkit.tables import (
        sentences_frame,
        sentiment_frame,
        speakers_frame,
        speech_frame,
        tokens_frame,
        verbs_frame,
    )

    size = width or terminal_width()
    frames = {
        "sentences": sentences_frame(document),
        "tokens": tokens_frame(document),
        "verbs": verbs_frame(document),
        "speech": speech_frame(document),
        "speakers": speakers_frame(document),
        "sentiment": sentiment_frame(document),
    }
    blocks = []
    for name, frame in frames.items():
        title, columns = TABLE_COLUMNS[name]
        lines = [f"== {title} ({len(frame)}) =="]
        lines += format_frame(frame, columns, size) if len(frame) else ["–"]
        blocks.append("\n".join(line[:size] for line in lines))
    blocks.append(
        "Vollständige Tabellen / full tables:\n  --format json\n"
        "  python -m toolkit corpus FILE --out DIR  (CSV)"
    )
    return "\n\n".join(blocks) + "\n"
