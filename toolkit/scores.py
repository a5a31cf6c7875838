"""The one generated source of every evaluation figure shown in the README and the notebooks.

The ``bench/`` scripts score the toolkit on the shared gold data and call
:func:`record_scores`, which writes ``toolkit/data/scores.json`` (atomically). The README's
table is rendered from that file (``python bench/update_readme.py``; a test fails when the
README and the file disagree), and notebooks read single figures with :func:`figure`. So no
figure is ever typed by hand, and a figure in a notebook is the figure in the README.

Each section holds the rows of one table (for evaluations: ``system``, ``subset``, ``measure``,
``P``, ``R``, ``F1``, ``n``) and the date it was measured.
"""

from __future__ import annotations

import datetime
import json
import math
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from toolkit.atomic import write_text_atomic
from toolkit.errors import InputError
from toolkit.translate import separators

__all__ = [
    "GOLD_CORPUS",
    "README_BEGIN",
    "README_END",
    "corpus_and_part",
    "figure",
    "format_figure",
    "grouped_rows",
    "load_scores",
    "record_scores",
    "render_markdown",
    "scores_path",
]

README_BEGIN = "<!-- scores:begin: generated from toolkit/data/scores.json -->"
README_END = "<!-- scores:end -->"
#: Systems whose name starts with this are ours; the README shows only those rows.
OUR_SYSTEM = "toolkit"
#: Parts of a corpus that a subset may name last ("Redewiedergabe dev fiction"); the words
#: before the part name the corpus.
PARTS = ("all", "fiction", "non-fiction", "news")
#: The gold corpus of the sections (and evaluation stages of the same name) whose subsets do
#: not name it: tokens and mood are scored on UD German-GSD dev, with the subsets ``all`` and
#: ``news`` (tokens) or ``dev``, ``dev TIGER-aligned`` and ``dev, gold fits form`` (mood).
GOLD_CORPUS = {"tokens": "UD German-GSD dev", "mood": "UD German-GSD"}


def scores_path() -> Path:
    """Where the figures live: ``toolkit/data/scores.json`` inside the package."""
    return Path(str(resources.files("toolkit.data").joinpath("scores.json")))


def _clean(value: Any) -> Any:
    """JSON-safe scalars: NaN becomes ``None`` (shown as "–"), numpy numbers plain Python."""
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def record_scores(
    section: str,
    rows: Iterable[Mapping[str, Any]] | Any,
    *,
    note: str = "",
    path: str | os.PathLike[str] | None = None,
) -> Path:
    """Store the rows of one section (replacing its old rows) and return the file written.

    Parameters
    ----------
    section
        A name such as ``"tokens"``, ``"speech"`` or ``"speed"``.
    rows
        Dicts of one table, or a pandas DataFrame.
    note
        One line on how the figures were measured (command, data).
    path
        Another file than the package's ``scores.json`` (for tests).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "scores.json"
    >>> _ = record_scores("tokens", [{"system": "toolkit", "measure": "token F1", "F1": 0.996}],
    ...                   path=file)
    >>> figure("tokens", measure="token F1", path=file)
    0.996
    """
    if hasattr(rows, "to_dict"):
        rows = rows.to_dict(orient="records")
    target = Path(path) if path is not None else scores_path()
    scores = _read(target)
    scores[section] = {
        "measured": datetime.date.today().isoformat(),
        "note": note,
        "rows": [{str(k): _clean(v) for k, v in row.items()} for row in rows],
    }
    write_text_atomic(target, json.dumps(scores, ensure_ascii=False, indent=1) + "\n")
    load_scores.cache_clear()
    return target


def _read(file: Path) -> dict[str, Any]:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@lru_cache(maxsize=4)
def load_scores(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Return every recorded section: ``{section: {"measured", "note", "rows"}}``."""
    return _read(Path(path) if path is not None else scores_path())


def figure(
    section: str,
    column: str = "F1",
    *,
    path: str | os.PathLike[str] | None = None,
    **match: Any,
) -> float | None:
    """Return one recorded figure: the ``column`` of the one row that matches ``match``.

    ``None`` when the section or the row was never recorded (show it as "–").

    Raises
    ------
    InputError
        If more than one row matches (the selection is ambiguous).

    Examples
    --------
    >>> figure("no such section", system="toolkit") is None
    True
    """
    rows = load_scores(path).get(section, {}).get("rows", [])
    found = [row for row in rows if all(row.get(key) == value for key, value in match.items())]
    if len(found) > 1:
        raise InputError(
            f"{len(found)} Zeilen in {section!r} passen zu {match}. "
            f"({len(found)} rows of {section!r} match {match}.)"
        )
    return found[0].get(column) if found else None


def format_figure(value: float | None, language: str = "de", digits: int = 3) -> str:
    """Format a figure for people: German decimal comma, "–" when it is missing.

    Examples
    --------
    >>> format_figure(0.8524), format_figure(0.8524, "en"), format_figure(None)
    ('0,852', '0.852', '–')
    >>> format_figure(51342, digits=0)
    '51.342'
    """
    if value is None:
        return "–"
    return separators(f"{value:,.{digits}f}", language)


def corpus_and_part(subset: str) -> tuple[str, str | None]:
    """Split a subset into the corpus it comes from and the part of it (``None``: all of it).

    Examples
    --------
    >>> corpus_and_part("Redewiedergabe dev fiction"), corpus_and_part("WikiNews dev")
    (('Redewiedergabe dev', 'fiction'), ('WikiNews dev', None))
    >>> corpus_and_part("news")
    ('news', None)
    """
    corpus, _, part = subset.rpartition(" ")
    return (corpus, part) if corpus and part in PARTS else (subset, None)


def grouped_rows(rows: Iterable[Mapping[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Group score rows by corpus; in a corpus, the rows of one measure sit together.

    Corpora, measures, parts and systems keep the order in which they first appear (the
    order the bench script wrote), so a measure's rows read part by part, and the systems
    of one part (rules, model, …) stand one under the other. Each row gains ``corpus`` and
    ``part`` (:func:`corpus_and_part`).

    Examples
    --------
    >>> rows = [{"system": s, "subset": f"RW {p}", "measure": m} for s in ("rules", "model")
    ...         for m in ("direct", "indirect") for p in ("all", "news")]
    >>> groups = grouped_rows(rows + [{"system": "rules", "subset": "WN", "measure": "direct"}])
    >>> [(corpus, len(found)) for corpus, found in groups]
    [('RW', 8), ('WN', 1)]
    >>> [(r["measure"], r["part"], r["system"]) for r in groups[0][1][:3]]
    [('direct', 'all', 'rules'), ('direct', 'all', 'model'), ('direct', 'news', 'rules')]
    """
    found = [dict(row) for row in rows]
    for row in found:
        row["corpus"], row["part"] = corpus_and_part(str(row.get("subset", "")))

    def first_seen(key: str) -> dict[Any, int]:
        order: dict[Any, int] = {}
        for row in found:
            order.setdefault(row.get(key), len(order))
        return order

    orders = {key: first_seen(key) for key in ("corpus", "measure", "part", "system")}
    found.sort(key=lambda row: tuple(orders[key][row.get(key)] for key in orders))
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in found:
        groups.setdefault(row["corpus"], []).append(row)
    return list(groups.items())


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return format_figure(value, "en", 0 if value.is_integer() and value > 100 else 3)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value).replace("|", "\\|")


def render_markdown(scores: Mapping[str, Any] | None = None) -> str:
    """Render the README's figures: per section our rows (``system`` starting "toolkit")."""
    scores = load_scores() if scores is None else scores
    parts = []
    for section, record in scores.items():
        rows = record.get("rows", [])
        ours = [row for row in rows if str(row.get("system", OUR_SYSTEM)).startswith(OUR_SYSTEM)]
        if not ours:
            continue
        columns = [key for key in ours[0] if any(row.get(key) is not None for row in ours)]
        note = f" {record['note']}" if record.get("note") else ""
        parts.append(f"**{section}** (measured {record.get('measured', '–')}).{note}\n")
        parts.append("| " + " | ".join(columns) + " |")
        parts.append("|" + " --- |" * len(columns))
        parts.extend("| " + " | ".join(_cell(row.get(c)) for c in columns) + " |" for row in ours)
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
