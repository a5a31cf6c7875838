"""Read a SentiWS-format polarity lexicon that the user supplies (never shipped).

SentiWS (Remus, Quasthoff & Heyer 2010, Universität Leipzig) is licensed CC BY-NC-SA: the
toolkit does not bundle it, but the rules of :mod:`toolkit.sentiment.rules` can use a copy
you have (``analyse(text, sentiment_backend="sentiws:PATH")``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from toolkit.errors import InputError, ResourceError
from toolkit.sentiment.lexicon import LexiconEntry, PolarityLexicon


def read_sentiws(*paths: str | os.PathLike[str]) -> PolarityLexicon:
    r"""Read a SentiWS-format lexicon: files, or a folder holding ``SentiWS*.txt`` files.

    Each line is ``Baseform|POS<TAB>weight<TAB>inflection1,inflection2,...`` (UTF-8, with or
    without BOM, CRLF or LF line ends). SentiWS itself is CC BY-NC-SA: use your own copy,
    never redistribute it.

    Raises
    ------
    InputError
        If a path does not exist, or a line does not follow the format (with its number).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mini.txt").write_bytes(
    ...     "\ufeffGut|ADJX\t0.37\tgute,guten\r\n".encode("utf-8"))
    >>> read_sentiws(folder / "mini.txt").lookup("guten")
    LexiconMatch(entry='Gut', value=0.37, source='SentiWS', how='form', pos='ADJX')
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(path.glob("SentiWS*.txt")) or sorted(path.glob("*.txt")))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"SentiWS lexicon not found: {path}")
    if not files:
        raise InputError(f"No SentiWS .txt files in {', '.join(map(str, paths))}.")
    forms: dict[str, LexiconEntry] = {}
    for file in files:
        for found, inflections in _sentiws_lines(file):
            forms.setdefault(found.entry, found)
            for form in inflections:
                forms.setdefault(form, found)
    return PolarityLexicon("SentiWS", forms)


def _sentiws_lines(file: Path) -> Iterator[tuple[LexiconEntry, list[str]]]:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{file} is not UTF-8 text.") from error
    except OSError as error:
        raise ResourceError(f"Cannot read {file}: {error}") from error
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        head, _, pos = fields[0].partition("|")
        try:
            value = float(fields[1])
        except (IndexError, ValueError):
            raise InputError(
                f"{file}, line {number}: expected 'Baseform|POS<TAB>weight<TAB>forms', "
                f"got {line[:60]!r}."
            ) from None
        inflections = [form for form in (fields[2].split(",") if len(fields) > 2 else []) if form]
        yield LexiconEntry(head.strip(), value, "SentiWS", pos.strip()), inflections
