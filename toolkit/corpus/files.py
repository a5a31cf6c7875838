"""Which files of a corpus folder are analysed, under which name, with which metadata.

A document is named by its path relative to the corpus folder without ``.txt``
(``2024/kreml``), so two files with the same name in different folders stay two documents.
Nothing is skipped silently: symbolic-link loops, dangling links, ``*.TXT`` files and
unreadable folders come back as :class:`Skipped` records, which end up in ``errors.csv``.

Metadata comes from a ``metadata.csv`` beside the texts (a column ``file``, then any
fields: date, outlet, author, ...) and from a ``NAME.json`` beside ``NAME.txt``; the JSON
file wins where both name a field.
"""

from __future__ import annotations

import csv
import errno
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.corpus.reading import read_sidecar
from toolkit.errors import CorpusError, ToolkitError

__all__ = ["METADATA_FILE", "Skipped", "SourceFile", "find_texts", "read_metadata_csv"]

#: The name of the metadata table beside the texts.
METADATA_FILE = "metadata.csv"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One text file to analyse: its document name, path, relative path and metadata."""

    name: str
    path: str
    file: str
    metadata: dict[str, Any] = field(default_factory=dict)
    #: Why the metadata could not be read (the file then goes to ``errors.csv``).
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder that was not analysed, with the reason (a row of ``errors.csv``)."""

    file: str
    reason: str


def find_texts(
    source: str | os.PathLike[str], *, exclude: str | os.PathLike[str] | None = None
) -> tuple[list[SourceFile], list[Skipped]]:
    """Find every ``*.txt`` file in a folder (recursively) or take one file.

    Parameters
    ----------
    source
        A folder or one ``.txt`` file.
    exclude
        A folder not to look into (the output folder, if it lies inside ``source``).

    Returns
    -------
    tuple
        The files sorted by document name, and what was skipped and why.

    Raises
    ------
    CorpusError
        If ``source`` does not exist or ``metadata.csv`` cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for sub in ("a", "b"):
    ...     (folder / sub).mkdir()
    ...     _ = (folder / sub / "meldung.txt").write_text("Er sagte es.", encoding="utf-8")
    >>> _ = (folder / "ALT.TXT").write_text("Alt.", encoding="utf-8")
    >>> files, skipped = find_texts(folder)
    >>> [text.name for text in files], [entry.file for entry in skipped]
    (['a/meldung', 'b/meldung'], ['ALT.TXT'])
    """
    root = Path(source)
    if root.is_file():
        return [_source(root, root.name, root.stem, {})], []
    if not root.is_dir():
        raise CorpusError(f"Folder not found: {root} (Ordner oder Datei nicht gefunden: {root})")
    excluded = _identity(Path(exclude)) if exclude is not None else None
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    seen = {_identity(root)}
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    used: set[tuple[str, str]] = set()  # (folder, metadata key) of every text found

    def walk_error(error: OSError) -> None:
        skipped.append(Skipped(_relative(root, error.filename), _reason(error, folder=True)))

    for folder, folders, names in os.walk(root, onerror=walk_error, followlinks=True):
        here = Path(folder)
        kept = []
        for sub in sorted(folders):
            if sub.startswith("."):  # hidden folders: .git, .ipynb_checkpoints, our parts
                continue
            path = here / sub
            try:
                identity = _identity(path)
            except OSError as error:
                skipped.append(Skipped(_relative(root, path), _reason(error, folder=True)))
                continue
            if identity == excluded:
                continue
            if identity in seen:
                skipped.append(
                    Skipped(
                        _relative(root, path),
                        "symbolic link loop: this folder was already read "
                        "(Verknüpfungsschleife: Ordner schon gelesen)",
                    )
                )
                continue
            seen.add(identity)
            kept.append(sub)
        folders[:] = kept
        relative_folder = here.relative_to(root)
        for name in sorted(names):
            path = here / name
            relative = (relative_folder / name).as_posix()
            if not name.lower().endswith(".txt") or name.startswith("."):
                continue
            if not name.endswith(".txt"):
                skipped.append(
                    Skipped(
                        relative,
                        f"the ending is {name[-4:]!r}, not '.txt': rename the file to analyse it "
                        f"(Endung ist nicht .txt: Datei umbenennen)",
                    )
                )
                continue
            try:
                if path.stat().st_mode & 0o170000 != 0o100000:  # no regular file
                    skipped.append(Skipped(relative, "not a regular file (keine normale Datei)"))
                    continue
            except OSError as error:
                skipped.append(Skipped(relative, _reason(error, link=path.is_symlink())))
                continue
            if folder not in tables:
                tables[folder] = read_metadata_csv(here / METADATA_FILE)
            key = name if name in tables[folder] else name[:-4]
            metadata = dict(tables[folder].get(key) or {})
            used.add((folder, key))
            files.append(_source(path, relative, relative[:-4], metadata))
    files.sort(key=lambda text: text.name)
    _warn_unmatched_metadata(root, tables, used)
    return files, skipped


def _warn_unmatched_metadata(
    root: Path, tables: dict[str, dict[str, dict[str, Any]]], used: set[tuple[str, str]]
) -> None:
    """Warn of rows of ``metadata.csv`` that name no text of their folder (a typo, a move).

    They are no file that failed (``errors.csv``), but their fields would silently be empty.
    """
    for folder, table in tables.items():
        missing = sorted(key for key in table if (folder, key) not in used)
        if missing:
            where = _relative(root, Path(folder) / METADATA_FILE)
            shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
            warnings.warn(
                f"{where} names {len(missing)} file(s) that are not in its folder: {shown}. "
                f"({where} nennt {len(missing)} Datei(en), die im Ordner fehlen.)",
                stacklevel=3,
            )


def _source(path: Path, relative: str, name: str, metadata: dict[str, Any]) -> SourceFile:
    try:
        metadata.update(read_sidecar(path))
    except ToolkitError as error:
        return SourceFile(name, str(path), relative, metadata, problem=str(error))
    return SourceFile(name, str(path), relative, metadata)


def read_metadata_csv(path: Path) -> dict[str, dict[str, Any]]:
    """Read ``metadata.csv``: rows by the value of its ``file`` column (``{}`` if absent).

    Raises
    ------
    CorpusError
        If the table cannot be read or has no ``file`` column (German and English).
    """
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
            columns = rows[0].keys() if rows else []
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CorpusError(
            f"Cannot read {path}: {error} (Metadatentabelle nicht lesbar; UTF-8-CSV erwartet.)"
        ) from error
    if rows and "file" not in columns:
        raise CorpusError(
            f"{path} needs a column 'file' with the text file names, then any fields "
            f"(date, outlet, ...). ({path} braucht eine Spalte 'file'.)"
        )
    table = {}
    for row in rows:
        name = (row.pop("file") or "").strip()
        if name:
            table[Path(name).name] = {key: value for key, value in row.items() if key}
    return table


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def _relative(root: Path, path: str | os.PathLike[str] | None) -> str:
    if path is None:
        return "."
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _reason(error: OSError, *, link: bool = False, folder: bool = False) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop (Verknüpfungsschleife)"
    if error.errno == errno.ENOENT and link:
        return "dangling symbolic link: its target is missing (Verknüpfung ins Leere)"
    if error.errno == errno.ENOENT and folder:
        return "dangling symbolic link to a folder (Verknüpfung ins Leere)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (keine Leseberechtigung)"
    return f"cannot read: {error.strerror or error}"
