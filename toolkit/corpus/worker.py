"""The unit of corpus work: read one file, analyse it, turn it into rows (in any process).

:func:`analyse_job` runs in the main process, in a worker process of the local pool, or on a
Dask worker; :class:`Job` and :class:`DocumentResult` are plain picklable data. Models
(SoMaJo, HanTa, lexicons) are cached per process by the stages, so :func:`warm_up` loads
them once when a worker starts, not once per document.
"""

from __future__ import annotations

import json
import signal
from dataclasses import dataclass, field
from typing import Any

from toolkit.config import AnalysisConfig
from toolkit.errors import ToolkitError
from toolkit.inputs import read_text_file_with_encoding
from toolkit.model import Document

__all__ = ["DocumentResult", "Job", "analyse_job", "fill_result", "warm_up"]


@dataclass(frozen=True, slots=True)
class Job:
    """What to analyse and what to return.

    ``formats`` names the output sections the worker prepares, ready to write: ``"csv"``
    (the rows of each table as CSV), ``"conllu"``, ``"jsonl"``. ``rows`` returns the rows
    themselves as well (for tables in Python).
    ``keep_document`` returns the :class:`~toolkit.model.Document` itself (main process only;
    a Document holds a read-only mapping and does not travel between processes).
    """

    name: str
    path: str
    file: str
    metadata: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    encoding: str = "auto"
    config: AnalysisConfig = field(default_factory=AnalysisConfig)
    rows: bool = True
    formats: tuple[str, ...] = ()
    keep_document: bool = False


@dataclass(slots=True)
class DocumentResult:
    """One analysed (or failed) file: name, counts, rows and, on request, exports.

    ``error`` is the reason the file could not be analysed (a row of ``errors.csv``);
    ``counts`` holds the numbers of ``documents.csv``; ``tables`` the rows of
    ``sentences``, ``tokens`` and ``speech``; ``speakers`` the per-speaker contributions;
    ``sections`` the encoded outputs the job asked for (``sentences.csv`` ...,
    ``conllu``, ``documents.jsonl``), made in the worker so the main process only writes.
    """

    name: str
    file: str
    metadata: dict[str, Any]
    encoding: str | None = None
    error: str | None = None
    counts: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[list[Any]]] = field(default_factory=dict)
    speakers: list[list[Any]] = field(default_factory=list)
    sections: dict[str, bytes] = field(default_factory=dict)
    document: Document | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was analysed."""
        return self.error is None

    def reason(self, language: str = "de") -> str | None:
        """Return why the file was not analysed, in ``language`` (``None`` if it was).

        Examples
        --------
        >>> failed = DocumentResult("leer", "leer.txt", {}, error="The text is empty. "
        ...                         "(Der Text ist leer.)")
        >>> failed.reason(), failed.reason("en")
        ('Der Text ist leer.', 'The text is empty.')
        """
        from toolkit.translate import error_text

        return None if self.error is None else error_text(self.error, language)


def analyse_job(job: Job) -> DocumentResult:
    """Read, decode and analyse one file; a :class:`ToolkitError` becomes ``error``.

    Examples
    --------
    >>> from toolkit.corpus import ARTICLE_PATH
    >>> result = analyse_job(Job("artikel", str(ARTICLE_PATH), "artikel.txt"))
    >>> result.encoding, result.counts["sentences"], len(result.tables["sentences"])
    ('utf-8', 15, 15)
    """
    from toolkit.pipeline import analyse

    result = DocumentResult(job.name, job.file, dict(job.metadata))
    if job.problem:
        result.error = job.problem
        return result
    try:
        text, result.encoding = read_text_file_with_encoding(job.path, job.encoding)
        about = {"document": job.name, "file": job.file, "encoding": result.encoding}
        document = analyse(text, job.config, metadata={**job.metadata, **about})
    except ToolkitError as error:
        result.error = str(error)
        return result
    except RecursionError:  # a pathological text must not stop the corpus
        result.error = "the text is too deeply nested to analyse (Text zu tief verschachtelt)"
        return result
    return fill_result(result, document, job)


def fill_result(result: DocumentResult, document: Document, job: Job) -> DocumentResult:
    """Add counts, rows and the exports ``job`` asks for to ``result``; return it."""
    from toolkit.corpus.conll import to_conllu
    from toolkit.corpus.rows import TABLE_ROWS, csv_text, document_counts, speaker_contributions

    result.counts = document_counts(document)
    result.speakers = speaker_contributions(document)
    if job.rows or "csv" in job.formats:
        tables = {table: make(job.name, document) for table, make in TABLE_ROWS.items()}
        if job.rows:
            result.tables = tables
        if "csv" in job.formats:
            # CSV text made here: a worker sends a few strings instead of every row's values
            for table, rows in tables.items():
                result.sections[f"{table}.csv"] = csv_text(rows).encode("utf-8")
    if "conllu" in job.formats:
        result.sections["conllu"] = to_conllu(job.name, document).encode("utf-8")
    if "jsonl" in job.formats:
        line = json.dumps(document.to_dict(), ensure_ascii=False) + "\n"
        result.sections["documents.jsonl"] = line.encode("utf-8")
    if job.keep_document:
        result.document = document
    return result


def warm_up(ignore_interrupt: bool = True) -> None:
    """Load every model once in this process (pool initializer).

    Worker processes ignore Ctrl+C: the main process handles it and stops them, so an
    interrupt never kills a worker halfway through writing.
    """
    if ignore_interrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from toolkit.pipeline import analyse

    analyse("Der Wetterdienst warnte, es werde heiß. „Gut“, sagte sie.")
