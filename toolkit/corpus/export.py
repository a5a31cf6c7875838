"""Write a corpus run to a folder: complete files only, resumable, marked when incomplete.

Each analysed document is first stored as one *part* file in ``DIR/.toolkit-parts/`` (its
rows, CoNLL-U and JSON), written atomically, so a part is complete or absent. When every
document is done, the tables are assembled part by part, in document order, each to a
temporary file that is renamed over the old one. So:

- an interrupted run never leaves a half file: a table is either the old or the new one;
- while a run is under way, ``INCOMPLETE.txt`` says so and ``manifest.json`` is absent; the
  manifest (written last) lists the files of a complete set;
- ``--resume`` keeps the parts whose source file and options are unchanged and analyses only
  the rest.

Memory stays flat: the assembly streams every part from disk; only one row per document
(``documents.csv``) and the speaker sums are kept.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from toolkit.atomic import atomic_path, write_text_atomic
from toolkit.corpus.files import Skipped
from toolkit.corpus.rows import COUNT_COLUMNS, RATE_COLUMNS, TABLE_COLUMNS, csv_text
from toolkit.corpus.speakers import SPEAKER_COLUMNS, SpeakerTable
from toolkit.corpus.worker import DocumentResult
from toolkit.errors import CorpusError, InputError

__all__ = ["FORMATS", "INCOMPLETE", "MANIFEST", "PARTS", "CorpusExport", "parse_formats"]

FORMATS = ("csv", "jsonl", "conllu")
PARTS = ".toolkit-parts"
MANIFEST = "manifest.json"
INCOMPLETE = "INCOMPLETE.txt"
#: Formats of the one-text command that people try on a folder: say where they are.
_SINGLE_TEXT_HINTS = {
    name: f" For one text in the terminal: python -m toolkit analyse FILE --format {name}."
    for name in ("table", "json")
}


def parse_formats(value: str | Iterable[str]) -> tuple[str, ...]:
    """Check a format list (``"csv,conllu"`` or a sequence) and return it in a fixed order.

    Examples
    --------
    >>> parse_formats("conllu, csv")
    ('csv', 'conllu')
    >>> parse_formats("xlsx")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toolkit.errors.InputError: Unknown format 'xlsx'; choose from csv, jsonl, conllu. ...
    """
    names = value.split(",") if isinstance(value, str) else list(value)
    chosen = {name.strip().lower() for name in names if name.strip()}
    for name in sorted(chosen):
        if name not in FORMATS:
            hint = _SINGLE_TEXT_HINTS.get(name, "")
            raise InputError(
                f"Unknown format {name!r}; choose from {', '.join(FORMATS)}.{hint} "
                f"(Unbekanntes Format {name!r}; möglich sind {', '.join(FORMATS)}.)"
            )
    return tuple(name for name in FORMATS if name in chosen) or ("csv",)


def _part_name(document: str) -> str:
    safe = re.sub(r"[^\w.-]+", "_", document)[:60]
    return f"{safe}-{hashlib.sha1(document.encode('utf-8')).hexdigest()[:12]}"


class CorpusExport:
    """The output folder of one corpus run (see the module docstring)."""

    def __init__(
        self, folder: str | Path, formats: Iterable[str] = ("csv",), *, resume: bool = False
    ) -> None:
        self.folder = Path(folder)
        self.formats = parse_formats(formats)
        self.resume = resume
        self.parts = self.folder / PARTS

    def start(self) -> None:
        """Mark the folder incomplete; forget old parts unless resuming.

        Raises
        ------
        CorpusError
            If the folder cannot be created or written (German and English).
        """
        try:
            if self.folder.exists() and not self.folder.is_dir():
                raise CorpusError(f"--out {self.folder} is a file, not a folder. (Kein Ordner.)")
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / MANIFEST).unlink(missing_ok=True)
            write_text_atomic(
                self.folder / INCOMPLETE,
                "Diese Ausgabe ist unvollständig: der Lauf läuft noch oder wurde unterbrochen. "
                "Mit --resume fortsetzen.\nThis output is incomplete: the run is under way or "
                "was interrupted. Continue it with --resume.\n",
            )
            if not self.resume and self.parts.exists():
                shutil.rmtree(self.parts)
            self.parts.mkdir(exist_ok=True)
        except OSError as error:
            if isinstance(error, CorpusError):
                raise
            raise CorpusError(
                f"Cannot write to {self.folder}: {error.strerror or error} "
                f"(Ausgabeordner nicht beschreibbar.)"
            ) from error

    def _part(self, name: str) -> Path:
        return self.parts / f"{_part_name(name)}.part"

    def cached(self, name: str, fingerprint: str) -> DocumentResult | None:
        """Return the stored result of a complete part with this fingerprint (else None)."""
        if not self.resume:
            return None
        try:
            with self._part(name).open("rb") as part:
                stored = json.loads(part.readline())
        except (OSError, ValueError):
            return None
        if stored.get("fingerprint") != fingerprint or stored.get("name") != name:
            return None
        if stored["error"] is None and not set(self.formats) <= set(stored["formats"]):
            return None
        return self._result(stored)

    @staticmethod
    def _result(stored: dict[str, Any]) -> DocumentResult:
        return DocumentResult(
            name=stored["name"],
            file=stored["file"],
            metadata=stored["metadata"],
            encoding=stored["encoding"],
            error=stored["error"],
            counts=stored["counts"],
            speakers=stored["speakers"],
        )

    def add(self, result: DocumentResult, fingerprint: str) -> None:
        """Store one document's outputs as one part file, written atomically.

        The part is a JSON line (name, counts, metadata, the byte size of every section)
        followed by the sections: the CSV rows of each table, the CoNLL-U text, the JSON line.
        One file and one fsync per document keep the run fast and resumable.
        """
        sections = result.sections if result.ok else {}
        stored = {
            "name": result.name,
            "file": result.file,
            "metadata": result.metadata,
            "encoding": result.encoding,
            "error": result.error,
            "counts": result.counts,
            "speakers": result.speakers,
            "fingerprint": fingerprint,
            "formats": list(self.formats),
            "sections": {name: len(data) for name, data in sections.items()},
        }
        header = json.dumps(stored, ensure_ascii=False, default=str).encode("utf-8")
        with atomic_path(self._part(result.name)) as temporary, temporary.open("wb") as out:
            out.write(header + b"\n")
            for data in sections.values():
                out.write(data)

    def finish(self, names: Iterable[str], skipped: Iterable[Skipped] = ()) -> list[Path]:
        """Assemble the tables of the documents ``names`` (in this order) and mark completion.

        Every part is read once, streamed into all tables at the same time.

        Returns
        -------
        list of Path
            The files written, the manifest last.
        """
        names, skipped = list(names), list(skipped)
        tables = [f"{table}.csv" for table in TABLE_COLUMNS] if "csv" in self.formats else []
        if "jsonl" in self.formats:
            tables.append("documents.jsonl")
        for table in (*(f"{t}.csv" for t in TABLE_COLUMNS), "documents.jsonl"):
            if table not in tables:  # an earlier run's table would look like this run's
                (self.folder / table).unlink(missing_ok=True)
        conllu_folder = self.folder / "conllu"
        wanted = {conllu_folder / f"{name}.conllu" for name in names}
        if conllu_folder.is_dir():  # files of documents no longer exported would mislead
            for stale in conllu_folder.rglob("*.conllu"):
                if stale not in wanted or "conllu" not in self.formats:
                    stale.unlink()
        results = []
        written = [self.folder / table for table in tables]
        with contextlib.ExitStack() as stack:
            outs = {}
            for table in tables:
                temporary = stack.enter_context(atomic_path(self.folder / table))
                outs[table] = stack.enter_context(temporary.open("wb"))
                if table.endswith(".csv"):
                    columns = TABLE_COLUMNS[table.removesuffix(".csv")]
                    outs[table].write(csv_text([columns]).encode("utf-8"))
            for name in names:
                with self._part(name).open("rb") as part:
                    stored = json.loads(part.readline())
                    results.append(self._result(stored))
                    for section, size in stored["sections"].items():
                        if section in outs:
                            _copy(part, outs[section], size)
                        elif section == "conllu" and "conllu" in self.formats:
                            path = conllu_folder / f"{name}.conllu"
                            with atomic_path(path) as temporary, temporary.open("wb") as out:
                                _copy(part, out, size)
                            written.append(path)
                        else:
                            part.seek(size, os.SEEK_CUR)
        written[:0] = [
            self._documents(results),
            self._speakers(results),
            self._errors(results, skipped),
        ]
        analysed = sum(result.ok for result in results)
        manifest = {
            "complete": True,
            "documents": analysed,
            "errors": len(results) - analysed + len(skipped),
            "formats": list(self.formats),
            "files": [path.relative_to(self.folder).as_posix() for path in written],
        }
        written.append(
            write_text_atomic(self.folder / MANIFEST, json.dumps(manifest, indent=1) + "\n")
        )
        (self.folder / INCOMPLETE).unlink(missing_ok=True)
        return written

    def _documents(self, results: list[DocumentResult]) -> Path:
        fixed = ["document", "file", "encoding", *COUNT_COLUMNS, *RATE_COLUMNS]
        fields: dict[str, None] = {}
        for result in results:
            if result.ok:
                fields.update(dict.fromkeys(result.metadata))
        # a metadata field named like a count must not overwrite it
        meta = {key: (f"meta_{key}" if key in fixed else key) for key in fields}
        columns = ["document", "file", *meta.values(), *fixed[2:]]
        path = self.folder / "documents.csv"
        with (
            atomic_path(path) as temporary,
            temporary.open("w", encoding="utf-8", newline="") as out,
        ):
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(columns)
            for result in results:
                if not result.ok:
                    continue
                row = [result.name, result.file]
                row += [_cell(result.metadata.get(key)) for key in meta]
                row += [result.encoding, *(result.counts.get(c) for c in fixed[3:])]
                writer.writerow(row)
        return path

    def _speakers(self, results: list[DocumentResult]) -> Path:
        table = SpeakerTable()
        for result in results:
            if result.ok:
                table.add(result.name, result.speakers)
        path = self.folder / "speakers.csv"
        write_text_atomic(path, csv_text([SPEAKER_COLUMNS, *table.rows()]))
        return path

    def _errors(self, results: list[DocumentResult], skipped: Iterable[Skipped]) -> Path:
        rows = [[entry.file, entry.reason] for entry in skipped]
        rows += [[result.file, result.error] for result in results if not result.ok]
        path = self.folder / "errors.csv"
        write_text_atomic(path, csv_text([["file", "reason"], *sorted(rows)]))
        return path


def _copy(source: Any, target: Any, size: int) -> None:
    """Copy ``size`` bytes from one open file to another, in blocks."""
    while size > 0:
        block = source.read(min(size, 1 << 20))
        if not block:
            raise CorpusError("A part file of the run is truncated; run again without --resume.")
        target.write(block)
        size -= len(block)


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
