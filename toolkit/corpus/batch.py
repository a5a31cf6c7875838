"""Corpus work: analyse a folder of texts as a stream, compare them, export the results.

:func:`analyse_corpus` is a generator: it yields one
:class:`~toolkit.corpus.worker.DocumentResult` per file, in name order, while the next files
are being analysed (in this process or in ``workers`` processes). Nothing keeps all
documents, unless you collect them for a small corpus with :meth:`BatchResult.collect`.
A file that cannot be read does not stop the run: its result carries the reason in
``error``. :func:`export_corpus` is what ``python -m toolkit corpus`` runs.

Examples
--------
>>> from toolkit.corpus import CORPORA_FOLDER
>>> for result in analyse_corpus(CORPORA_FOLDER):
...     print(result.name, result.encoding, result.counts["sentences"])
kreml_kritisiert_stoltenberg_2024-09 utf-8 15
>>> result = BatchResult.collect(analyse_corpus(CORPORA_FOLDER))
>>> overview_frame(result)[["document", "sentences", "tokens"]].to_dict("records")
[{'document': 'kreml_kritisiert_stoltenberg_2024-09', 'sentences': 15, 'tokens': 339}]
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.config import AnalysisConfig
from toolkit.corpus.concordance import KwicLine, document_words, kwic, written_frequencies
from toolkit.corpus.export import CorpusExport, parse_formats
from toolkit.corpus.files import Skipped, SourceFile, find_texts
from toolkit.corpus.rows import COUNT_COLUMNS, RATE_COLUMNS
from toolkit.corpus.schedulers import run_jobs, worker_count
from toolkit.corpus.worker import DocumentResult, Job, fill_result
from toolkit.errors import CorpusError, InputError
from toolkit.model import CorpusText, Document

if TYPE_CHECKING:  # pandas loads in the tables below only: the corpus command never needs it
    import pandas as pd

__all__ = [
    "OVERVIEW_COLUMNS",
    "BatchResult",
    "analyse_corpus",
    "corpus_frequencies",
    "corpus_kwic",
    "corpus_speakers",
    "corpus_table",
    "export",
    "export_corpus",
    "overview_frame",
]

#: Called after each text with (texts done, texts in total, name of the text).
Progress = Callable[[int, int, str], None]

#: Columns of :func:`overview_frame` besides the metadata fields.
OVERVIEW_COLUMNS = ["document", "encoding", *COUNT_COLUMNS, *RATE_COLUMNS]


def _fingerprint(source: SourceFile, encoding: str, config: AnalysisConfig) -> str:
    try:
        status = os.stat(source.path)
        where = f"{status.st_size}:{status.st_mtime_ns}"
    except OSError:
        where = "-"
    about = f"{source.name}|{where}|{encoding}|{config!r}|{sorted(source.metadata.items())!r}"
    return hashlib.sha1(about.encode("utf-8")).hexdigest()


def _jobs(
    files: list[SourceFile], encoding: str, config: AnalysisConfig, **options: Any
) -> list[Job]:
    return [
        Job(
            text.name,
            text.path,
            text.file,
            text.metadata,
            text.problem,
            encoding=encoding,
            config=config,
            **options,
        )
        for text in files
    ]


def _skipped_result(entry: Skipped) -> DocumentResult:
    return DocumentResult(entry.file, entry.file, {}, error=entry.reason)


def analyse_corpus(
    source: str | os.PathLike[str] | Iterable[CorpusText],
    *,
    workers: int = 1,
    scheduler: str = "local",
    dask_address: str | None = None,
    encoding: str = "auto",
    config: AnalysisConfig | None = None,
    progress: Progress | None = None,
    keep_documents: bool = True,
    rows: bool = False,
) -> Iterator[DocumentResult]:
    """Analyse every ``.txt`` file of a folder (recursively) and yield one result per file.

    Parameters
    ----------
    source
        A folder, one ``.txt`` file, or texts loaded with :func:`toolkit.load_text`.
    workers
        Processes that analyse in parallel (``1``: this process, with ``Document`` kept).
    scheduler
        ``local`` or ``dask`` (a ``dask.distributed`` cluster, local unless ``dask_address``).
    dask_address
        Address of a running Dask scheduler.
    encoding
        ``auto`` (detected and recorded per document) or a codec name.
    config
        Options for :func:`toolkit.analyse`.
    progress
        Called after each file with ``(done, total, name)``.
    keep_documents
        Keep each :class:`~toolkit.model.Document` in ``result.document`` (only in this
        process, i.e. ``workers=1`` with the local scheduler).
    rows
        Also return the table rows (``result.tables``), as the command line does.

    Raises
    ------
    CorpusError
        If the folder does not exist or holds no ``.txt`` file.
    """
    settings = config or AnalysisConfig()
    if not isinstance(source, str | os.PathLike):
        texts = list(source)
        if not texts or not all(isinstance(text, CorpusText) for text in texts):
            raise InputError(
                "Give a folder or a list of texts from toolkit.load_text / load_corpus."
            )
        return _from_texts(texts, settings, progress)
    files, skipped = find_texts(source)
    if not files and not skipped:
        raise CorpusError(f"No *.txt files in {source}. (Keine .txt-Dateien in {source}.)")
    in_process = workers == 1 and scheduler == "local"
    jobs = _jobs(files, encoding, settings, rows=rows, keep_document=keep_documents and in_process)
    stream = run_jobs(jobs, workers=workers, scheduler=scheduler, dask_address=dask_address)
    skipped_results = [_skipped_result(entry) for entry in skipped]
    return _with_progress(stream, skipped_results, len(jobs) + len(skipped), progress)


def _with_progress(
    stream: Iterable[DocumentResult],
    skipped: list[DocumentResult],
    total: int,
    progress: Progress | None,
) -> Iterator[DocumentResult]:
    # skipped files come first: they are known before any analysis
    done = 0
    for source in (skipped, stream):
        for result in source:
            done += 1
            if progress is not None:
                progress(done, total, result.name)
            yield result


def _from_texts(
    texts: list[CorpusText], config: AnalysisConfig, progress: Progress | None
) -> Iterator[DocumentResult]:
    from toolkit.corpus.rows import document_counts
    from toolkit.errors import ToolkitError
    from toolkit.pipeline import analyse

    for done, text in enumerate(texts, start=1):
        result = DocumentResult(text.name, text.path or text.name, dict(text.metadata))
        try:
            result.document = analyse(text, config, metadata={"document": text.name})
            result.counts = document_counts(result.document)
        except ToolkitError as error:
            result.error = str(error)
        if progress is not None:
            progress(done, len(texts), text.name)
        yield result


@dataclass(slots=True)
class BatchResult:
    """A small corpus kept in memory: results by document name, failures, the time taken."""

    results: dict[str, DocumentResult] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @classmethod
    def collect(cls, stream: Iterable[DocumentResult]) -> BatchResult:
        """Keep every result of :func:`analyse_corpus` (fine for a class corpus)."""
        started = time.perf_counter()
        collected = cls()
        for result in stream:
            if result.ok:
                collected.results[result.name] = result
            else:
                collected.errors[result.file] = result.error or ""
        collected.seconds = time.perf_counter() - started
        return collected

    @property
    def documents(self) -> dict[str, Document]:
        """The analysed documents by name (only those analysed in this process)."""
        return {
            name: result.document
            for name, result in self.results.items()
            if result.document is not None
        }

    def summary(self, language: str = "de") -> str:
        """One line: how many texts were analysed, how many skipped, how long it took.

        Examples
        --------
        >>> BatchResult({}, {"leer.txt": "Der Text ist leer."}, 0.25).summary()
        '0 Texte analysiert, 1 übersprungen, in 0,2 s.'
        >>> BatchResult({}, {}, 1.0).summary("en")
        '0 texts analysed in 1.0 s.'
        >>> BatchResult({}, {}, 0.02).summary()  # texts analysed before: the memos answer
        '0 Texte analysiert in unter 0,1 s.'
        """
        from toolkit.translate import number

        seconds = number(max(round(self.seconds, 1), 0.1), language, 1, fixed=True)
        under = self.seconds < 0.05  # "in 0,0 s" reads like a clock that did not run
        if language == "en":
            skipped = f", {len(self.errors)} skipped," if self.errors else ""
            took = f"under {seconds}" if under else seconds
            texts = "text" if len(self.results) == 1 else "texts"
            return f"{len(self.results)} {texts} analysed{skipped} in {took} s."
        skipped = f", {len(self.errors)} übersprungen," if self.errors else ""
        took = f"unter {seconds}" if under else seconds
        texts = "Text" if len(self.results) == 1 else "Texte"
        return f"{len(self.results)} {texts} analysiert{skipped} in {took} s."

    def errors_frame(self) -> pd.DataFrame:
        """One row per file that could not be analysed: ``file``, ``reason`` (as errors.csv).

        Examples
        --------
        >>> BatchResult({}, {"leer.txt": "The text is empty. (Der Text ist leer.)"}).errors_frame()
               file                                   reason
        0  leer.txt  The text is empty. (Der Text ist leer.)
        """
        import pandas as pd

        rows = [{"file": file, "reason": reason} for file, reason in self.errors.items()]
        return pd.DataFrame(rows, columns=["file", "reason"])


def overview_frame(result: BatchResult) -> pd.DataFrame:
    """One row per text: metadata, encoding, counts and rates per 1,000 tokens.

    Layers the pipeline did not compute count 0 (sentiment: empty).
    """
    import pandas as pd

    fields: dict[str, None] = {}
    for found in result.results.values():
        fields.update(dict.fromkeys(k for k in found.metadata if k not in OVERVIEW_COLUMNS))
    rows = [
        {
            "document": name,
            **{key: found.metadata.get(key) for key in fields},
            "encoding": found.encoding,
            **found.counts,
        }
        for name, found in result.results.items()
    ]
    columns = ["document", *fields, *OVERVIEW_COLUMNS[1:]]
    return pd.DataFrame(rows, columns=columns)


def corpus_table(result: BatchResult, table: str = "tokens") -> pd.DataFrame:
    """One table for all texts, with ``document``; sentences and tokens numbered from 1.

    ``sentences``, ``tokens`` and ``speech`` are the rows of the exported CSV files (as
    :func:`export` writes them); the other tables of :func:`toolkit.tables.document_tables`
    count ``sentence`` and ``token`` from 1 too, as :func:`corpus_kwic` and the files do.

    Examples
    --------
    >>> from toolkit.model import CorpusText
    >>> result = BatchResult.collect(analyse_corpus([CorpusText("a", "Er kam. Sie ging.")]))
    >>> corpus_table(result, "sentences")[["document", "sentence", "text"]].values.tolist()
    [['a', 1, 'Er kam.'], ['a', 2, 'Sie ging.']]

    Raises
    ------
    InputError
        If there is no such table.
    """
    import pandas as pd

    from toolkit.corpus import rows
    from toolkit.tables import document_tables

    frames = []
    for name, document in result.documents.items():
        if table in rows.TABLE_ROWS:
            made = rows.TABLE_ROWS[table](name, document)
            frames.append(pd.DataFrame(made, columns=rows.TABLE_COLUMNS[table]))
            continue
        tables = document_tables(document)
        if table not in tables:
            raise InputError(f"No table {table!r}; choose from {', '.join(tables)}.")
        frame = tables[table].assign(document=name)
        for column in ("sentence", "token"):
            if column in frame:
                frame[column] = frame[column] + 1
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["document"])
    combined = pd.concat(frames, ignore_index=True)
    return combined[["document", *[c for c in combined.columns if c != "document"]]]


def corpus_speakers(result: BatchResult) -> pd.DataFrame:
    """Speakers merged across documents: documents, counts per kind, mean sentiment.

    See :mod:`toolkit.corpus.speakers` for how name variants are merged.
    """
    from toolkit.corpus.rows import speaker_contributions
    from toolkit.corpus.speakers import SpeakerTable

    table = SpeakerTable()
    for name, found in result.results.items():
        if found.document is not None:
            table.add(name, speaker_contributions(found.document))
        else:
            table.add(name, found.speakers)
    return table.frame()


def corpus_frequencies(result: BatchResult, n: int = 20, by: str = "text") -> pd.DataFrame:
    """Return the ``n`` most frequent words (no stop words) and in how many texts they occur.

    Words count case-insensitively across all texts, under the spelling used most often;
    ``by="lemma"`` counts base forms (:func:`~toolkit.corpus.concordance.word_frequencies`).
    """
    import pandas as pd

    words: list[str] = []
    spread: Counter[str] = Counter()
    for document in result.documents.values():
        found = document_words(document, by, skip_stopwords=True)
        words.extend(found)
        spread.update({word.lower() for word in found})
    total = written_frequencies(words)
    rows = [{"word": w, "count": c, "texts": spread[w.lower()]} for w, c in total.most_common(n)]
    return pd.DataFrame(rows, columns=["word", "count", "texts"])


def corpus_kwic(
    result: BatchResult,
    word: str,
    width: int = 40,
    by: str = "text",
    where: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Keyword in context over all documents, optionally only those whose metadata match.

    ``where`` maps a metadata field to a value or a list of values (``{"outlet": "taz"}``).
    Sentences are numbered from 1.
    """
    import pandas as pd

    rows = []
    for name, found in result.results.items():
        if found.document is None or not _matches(found.metadata, where):
            continue
        line: KwicLine
        for line in kwic(found.document, word, width, by):
            rows.append(
                [name, line.sentence + 1, line.start, line.end, line.left, line.keyword, line.right]
            )
    columns = ["document", "sentence", "start", "end", "left", "keyword", "right"]
    return pd.DataFrame(rows, columns=columns)


def _matches(metadata: dict[str, Any], where: dict[str, Any] | None) -> bool:
    for key, wanted in (where or {}).items():
        allowed = wanted if isinstance(wanted, list | tuple | set) else [wanted]
        if str(metadata.get(key)) not in {str(value) for value in allowed}:
            return False
    return True


def export_corpus(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    formats: str | Iterable[str] = ("csv",),
    workers: int | None = None,
    scheduler: str = "local",
    dask_address: str | None = None,
    encoding: str = "auto",
    config: AnalysisConfig | None = None,
    resume: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Analyse a folder (or file) and write every table to ``out``; return the files written.

    See :mod:`toolkit.corpus.export` for the files and how a run is made safe to interrupt.

    Raises
    ------
    InputError
        If a format is unknown or ``workers`` is below 1 (before anything is written).
    CorpusError
        If the input does not exist, holds no ``.txt`` file, or ``out`` is not writable.
    """
    settings = config or AnalysisConfig()
    chosen = parse_formats(formats)
    worker_count(workers)  # a usage error before the output folder is touched
    files, skipped = find_texts(source, exclude=out if Path(out).is_dir() else None)
    if not files and not skipped:
        raise CorpusError(f"No *.txt files in {source}. (Keine .txt-Dateien in {source}.)")
    writer = CorpusExport(out, chosen, resume=resume)
    writer.start()
    jobs = _jobs(files, encoding, settings, rows=False, formats=chosen)
    prints = {
        job.name: _fingerprint(text, encoding, settings)
        for job, text in zip(jobs, files, strict=True)
    }
    todo = [job for job in jobs if writer.cached(job.name, prints[job.name]) is None]
    done = len(jobs) - len(todo)
    if progress is not None:
        progress(done, len(jobs), "")
    for job, result in zip(
        todo,
        run_jobs(todo, workers=workers, scheduler=scheduler, dask_address=dask_address),
        strict=True,
    ):
        writer.add(result, prints[job.name])
        done += 1
        if progress is not None:
            progress(done, len(jobs), job.name)
    return writer.finish([job.name for job in jobs], skipped)


def export(
    result: BatchResult,
    folder: str | os.PathLike[str],
    formats: Iterable[str] = ("csv", "jsonl"),
) -> list[Path]:
    """Write a collected corpus to ``folder`` in the same layout as the command line.

    Raises
    ------
    InputError
        If a format is unknown.
    CorpusError
        If the folder cannot be written.
    """
    chosen = parse_formats(formats)
    writer = CorpusExport(folder, chosen)
    writer.start()
    names = []
    for name, found in result.results.items():
        if found.document is None:
            continue
        job = Job(name, "", found.file, found.metadata, rows=False, formats=chosen)
        writer.add(_from_document(job, found), "")
        names.append(name)
    errors = [Skipped(file, reason) for file, reason in result.errors.items()]
    return writer.finish(names, errors)


def _from_document(job: Job, found: DocumentResult) -> DocumentResult:
    copy = DocumentResult(job.name, job.file, dict(found.metadata), found.encoding)
    assert found.document is not None  # checked by the caller
    return fill_result(copy, found.document, job)
