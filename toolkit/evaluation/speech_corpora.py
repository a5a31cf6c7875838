"""Readers for the reported-speech gold data: Redewiedergabe (TSV) and WikiNews quotes (JSON).

Neither corpus is shipped (both are CC BY-NC-SA): pass the folder that holds
``redewiedergabe/`` and ``wikinews_quotes/`` or set ``TOOLKIT_EVAL_DATA``
(:func:`toolkit.corpus.eval_data_path`).

Redewiedergabe files are one token per line; :func:`rebuild_text` joins the tokens into a
plain text (no space before punctuation or after an opening quotation mark) and keeps every
token's character span, so the toolkit's character spans can be mapped back to the gold
tokens. Words are taken from the ``normtok`` column (modern spelling: ``sey`` -> ``sei``),
punctuation from ``tok`` (``normtok`` writes quotation marks as ``&quot;``).
"""

from __future__ import annotations

import csv
import json
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from toolkit.corpus import eval_data_path
from toolkit.errors import EvaluationDataError
from toolkit.speech.quotes import quote_pairs

#: Gold speech types of Redewiedergabe, as written in the ``stwr`` column.
RW_TYPES = ("direct", "indirect", "reported", "freeIndirect", "indirect freeIndirect")
#: WikiNews quote types and the toolkit's kinds they count for (strict scoring).
WN_KINDS = {"Direct": "direct", "Indirect": "indirect", "Reported": "reported"}
#: Redewiedergabe ``main`` is split by file for the learned speech layer: a file is in the dev
#: portion when the CRC-32 of its name, modulo 100, is below this (about 15 %), else in train.
RW_DEV_PERCENT = 15

_NO_SPACE_BEFORE = frozenset(",.;:!?)]}…%")
_NO_SPACE_AFTER = frozenset("([{")
#: Marks that close a quotation when the text's style does not let them open.
_CLOSING_ONLY = frozenset('»«›‹“”"')


@dataclass(frozen=True, slots=True)
class RWToken:
    """One Redewiedergabe token: the word used for the text and its gold speech types."""

    word: str
    types: frozenset[str]
    cue: bool = False
    speaker: bool = False
    #: ``(type, instance id)`` per annotation layer, outermost first (``("direct", "3")``).
    layers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class RWFile:
    """One Redewiedergabe file: its tokens and its metadata row."""

    name: str
    tokens: tuple[RWToken, ...]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def news(self) -> bool:
        """Whether the file is news (``text_type`` = ``Nachrichten``)."""
        return self.metadata.get("text_type") == "Nachrichten"

    @property
    def fiction(self) -> bool:
        """Whether the file is fiction (``fictional`` = ``yes``)."""
        return self.metadata.get("fictional") == "yes"


def _word(row: dict[str, str]) -> str:
    tok, norm = row["tok"], row["normtok"]
    if row["pos"].startswith("$") or norm.startswith("&") or not norm.strip():
        return tok
    return norm


def _types(stwr: str) -> frozenset[str]:
    if stwr in {"-", ""}:
        return frozenset()
    return frozenset(layer.split(".", 1)[0] for layer in stwr.split("|"))


def _layers(stwr: str) -> tuple[tuple[str, str], ...]:
    if stwr in {"-", ""}:
        return ()
    found = []
    for layer in stwr.split("|"):
        parts = layer.split(".")
        found.append((parts[0], parts[2] if len(parts) > 2 else ""))
    return tuple(found)


def rw_split(name: str) -> str:
    """Return ``"dev"`` or ``"train"``: the fixed split of Redewiedergabe ``main`` by file name.

    Examples
    --------
    >>> rw_split("rwk_digbib_1014-1.tsv")
    'train'
    """
    return "dev" if zlib.crc32(name.encode("utf-8")) % 100 < RW_DEV_PERCENT else "train"


def read_rw_file(path: str | os.PathLike[str], metadata: dict[str, str] | None = None) -> RWFile:
    """Read one ``rwk_*.tsv`` file of the main corpus."""
    file = Path(path)
    with file.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        tokens = tuple(
            RWToken(
                _word(row),
                _types(row["stwr"]),
                row["intexpr"] != "-",
                row["speaker"] != "-",
                _layers(row["stwr"]),
            )
            for row in rows
        )
    return RWFile(file.name, tokens, metadata or {})


def read_redewiedergabe(
    path: str | os.PathLike[str] | None = None, limit: int | None = None, split: str = "all"
) -> Iterator[RWFile]:
    """Yield the main corpus files (sorted by name) with their metadata.

    ``split`` is ``all``, or ``train`` / ``dev`` (:func:`rw_split`); ``limit`` counts files
    of that split.

    Raises
    ------
    EvaluationDataError
        If the folder is missing.
    """
    folder = eval_data_path(path, "redewiedergabe/main")
    metadata = {}
    with (folder / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            metadata[row["file"]] = row
    files = sorted(folder.glob("rwk_*.tsv"))
    if split != "all":
        files = [file for file in files if rw_split(file.name) == split]
    if not files:
        raise EvaluationDataError(f"No rwk_*.tsv files in {folder}.")
    for file in files[:limit]:
        yield read_rw_file(file, metadata.get(file.name, {}))


def rebuild_text(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into a text and return it with each token's character span.

    Quotation marks get no space on their inner side. Which chevron opens is decided once per
    text (German »…« or Swiss «…», by which one is more often followed by punctuation), so a text
    that starts inside a quotation is not read inside out.

    Examples
    --------
    >>> text, spans = rebuild_text(["Er", "sagte", ":", "„", "Ja", "“", "."])
    >>> text, spans[4]
    ('Er sagte: „Ja“.', (11, 13))
    >>> rebuild_text(["gut", ".", "«", "»", "Nein", "!", "«"])[0]
    'gut.« »Nein!«'
    """
    pairs = dict(quote_pairs())
    # a chevron followed by punctuation closes a quotation: which one does that more often?
    closers = Counter(word for word, after in pairwise(words) if word in "»«" and after in ",.;")
    if closers["»"] > closers["«"]:  # Swiss style: «…», ‹…›
        pairs.pop("»", None)
        pairs.pop("›", None)
    else:
        pairs.pop("«", None)
        pairs.pop("‹", None)
    if "„" in words:  # German „…“ (OCR also „…"): “ and " close, even without their opener
        for mark in ("“", "”", '"'):
            pairs.pop(mark, None)
    open_marks: list[str] = []
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    glue_next = True
    for word in words:
        closing = _closes(word, open_marks, pairs)
        opening = not closing and word in pairs
        glue = glue_next or word in _NO_SPACE_BEFORE or closing
        if not glue:
            pieces.append(" ")
            position += 1
        spans.append((position, position + len(word)))
        pieces.append(word)
        position += len(word)
        if closing:
            while open_marks and word not in pairs.get(open_marks.pop(), ()):
                pass
        elif opening:
            open_marks.append(word)
        glue_next = opening or word in _NO_SPACE_AFTER
    return "".join(pieces), spans


def _closes(word: str, open_marks: list[str], pairs: dict[str, frozenset[str]]) -> bool:
    if word in _CLOSING_ONLY and word not in pairs:
        return True  # a closing mark of this text's style, even without its opener
    return any(word in pairs.get(mark, ()) for mark in open_marks)


@dataclass(frozen=True, slots=True)
class WNQuote:
    """One WikiNews gold quote: type, character spans, speaker as written."""

    type: str
    spans: tuple[tuple[int, int], ...]
    speaker: str | None
    cue: str | None
    nested: bool = False

    @property
    def kind(self) -> str | None:
        """The toolkit kind this type counts for (``None`` for the free indirect types)."""
        return WN_KINDS.get(self.type)


@dataclass(frozen=True, slots=True)
class WNDocument:
    """One WikiNews article: id, text and gold quotes."""

    doc_id: str
    text: str
    quotes: tuple[WNQuote, ...]


def _char_spans(role: dict) -> tuple[tuple[int, int], ...]:  # type: ignore[type-arg]
    return tuple((span["charBegin"], span["charEnd"]) for span in role.get("spans", []))


def read_wikinews(
    path: str | os.PathLike[str] | None = None, split: str = "dev", limit: int | None = None
) -> Iterator[WNDocument]:
    """Yield the articles of one split (``train`` or ``dev``), sorted by numeric id."""
    folder = eval_data_path(path, f"wikinews_quotes/{split}")
    files = sorted(folder.glob("*.json"), key=lambda f: (len(f.stem), f.stem))
    if not files:
        raise EvaluationDataError(f"No *.json files in {folder}.")
    for file in files[:limit]:
        data = json.loads(file.read_text(encoding="utf-8"))
        quotes = tuple(
            WNQuote(
                type=item["type"],
                spans=_char_spans(item["quote"]),
                speaker=item["speaker"]["text"] or None,
                cue=item["cue"]["text"] or None,
                nested=bool(item.get("isNested")),
            )
            for item in data["annotations"]
        )
        yield WNDocument(file.stem, data["originalText"], quotes)


def whitespace_tokens(text: str) -> list[tuple[int, int]]:
    """Return the character spans of the whitespace-separated tokens of ``text``."""
    return [match.span() for match in re.finditer(r"\S+", text)]
