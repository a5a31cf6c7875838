"""Reader for Universal Dependencies CoNLL-U files, with character offsets for surface tokens.

CoNLL-U has no offsets, so they are recovered by finding each surface token's form in the
sentence's ``# text`` in order. A multiword token (``im`` = ``in dem``) is one surface token
that holds its syntactic words.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.corpus import eval_data_path

GSD_FOLDER = "ud/UD_German-GSD"


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word: form, lemma, UPOS, XPOS (STTS) and features."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SurfaceToken:
    """A surface token with its offsets in the sentence text and its words."""

    form: str
    start: int
    end: int
    words: tuple[Word, ...]
    space_after: bool = True


@dataclass(frozen=True, slots=True)
class UDSentence:
    """One sentence: id, original text and surface tokens."""

    sent_id: str
    text: str
    tokens: tuple[SurfaceToken, ...]


def _features(column: str) -> dict[str, str]:
    if column == "_":
        return {}
    return dict(item.split("=", 1) for item in column.split("|") if "=" in item)


def _locate(text: str, form: str, position: int) -> tuple[int, int]:
    found = text.find(form, position)
    if found < 0:  # the form differs from the text (rare): take the next non-space stretch
        while position < len(text) and text[position].isspace():
            position += 1
        return position, min(len(text), position + len(form))
    return found, found + len(form)


def _sentence(sent_id: str, text: str, rows: list[list[str]]) -> UDSentence:
    tokens = []
    position = 0
    covered_until = 0
    words_by_id = {row[0]: row for row in rows if row[0].isdigit()}
    for row in rows:
        identifier = row[0]
        if "." in identifier:  # empty nodes carry no text
            continue
        if "-" in identifier:
            first, last = (int(part) for part in identifier.split("-"))
            words = tuple(_word(words_by_id[str(i)]) for i in range(first, last + 1))
            covered_until = last
        elif int(identifier) <= covered_until:
            continue
        else:
            words = (_word(row),)
        start, end = _locate(text, row[1], position)
        position = end
        tokens.append(SurfaceToken(row[1], start, end, words, "SpaceAfter=No" not in row[9]))
    return UDSentence(sent_id, text, tuple(tokens))


def _word(row: list[str]) -> Word:
    return Word(row[1], row[2], row[3], row[4], _features(row[5]))


def read_conllu(path: str | os.PathLike[str]) -> Iterator[UDSentence]:
    """Yield the sentences of a CoNLL-U file."""
    sent_id, text, rows = "", "", []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# sent_id = "):
                sent_id = line.split("= ", 1)[1]
            elif line.startswith("# text = "):
                text = line.split("= ", 1)[1]
            elif line and not line.startswith("#"):
                rows.append(line.split("\t"))
            elif not line and rows:
                yield _sentence(sent_id, text, rows)
                sent_id, text, rows = "", "", []
    if rows:
        yield _sentence(sent_id, text, rows)


def gsd_dev(path: str | os.PathLike[str] | None = None) -> list[UDSentence]:
    """Read UD German-GSD dev from the evaluation data (path or ``$TOOLKIT_EVAL_DATA``)."""
    folder = eval_data_path(path, GSD_FOLDER)
    return list(read_conllu(folder / "de_gsd-ud-dev.conllu"))


def tiger_aligned_ids(path: str | os.PathLike[str] | None = None) -> frozenset[str]:
    """Return the ids of GSD dev sentences with manual (TIGER) annotation: the news part."""
    folder = eval_data_path(path, GSD_FOLDER)
    lines = Path(folder / "tiger_aligned_dev_ids.txt").read_text(encoding="utf-8").split()
    return frozenset(lines)
