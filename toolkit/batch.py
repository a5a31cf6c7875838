"""Corpus work: analyse a folder of texts, compare them in tables, export the results.

A file that cannot be read (not UTF-8, empty) does not stop the run: it is listed in
``BatchResult.errors`` with the reason, and the other texts are analysed.

Examples
--------
>>> from toolkit.corpus import CORPORA_FOLDER
>>> seen = []
>>> result = analyse_corpus(CORPORA_FOLDER, progress=lambda done, total, name: seen.append(done))
>>> list(result.documents), seen
(['kreml_kritisiert_stoltenberg_2024-09'], [1])
>>> overview_frame(result)[["text", "sentences", "tokens"]].to_dict("records")
[{'text': 'kreml_kritisiert_stoltenberg_2024-09', 'sentences': 15, 'tokens': 339}]
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from toolkit.atomic import atomic_path, write_text_atomic
from toolkit.concordance import word_frequencies
from toolkit.config import AnalysisConfig
from toolkit.corpus import load_text
from toolkit.errors import CorpusError, InputError, ToolkitError
from toolkit.model import CorpusText, Document
from toolkit.pipeline import analyse
from toolkit.tables import document_tables

#: Called after each text with (texts done, texts in total, name of the text).
Progress = Callable[[int, int, str], None]

OVERVIEW_COLUMNS = [
    "text",
    "characters",
    "tokens",
    "sentences",
    "tokens_per_sentence",
    "finite_verbs",
    "konjunktiv",
    "speech_direct",
    "speech_indirect",
    "speech_reported",
    "polarity",
    "sentiment",
]


@dataclass(slots=True)
class BatchResult:
    """Analysed documents by text name, the texts that failed (name -> reason), the time."""

    documents: dict[str, Document] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: how many texts were analysed, how many skipped, how long it took."""
        skipped = f", {len(self.errors)} übersprungen / skipped" if self.errors else ""
        return (
            f"{len(self.documents)} Texte analysiert / texts analysed{skipped} "
            f"in {self.seconds:.1f} s."
        )


def _sources(
    source: str | os.PathLike[str] | Iterable[CorpusText], pattern: str
) -> list[Path | CorpusText]:
    if isinstance(source, str | os.PathLike):
        folder = Path(source)
        if not folder.is_dir():
            raise CorpusError(f"Folder not found: {folder}")
        files: list[Path | CorpusText] = sorted(p for p in folder.glob(pattern) if p.is_file())
        if not files:
            raise CorpusError(f"No {pattern} files in {folder}.")
        return files
    texts = list(source)
    if not texts or not all(isinstance(text, CorpusText) for text in texts):
        raise InputError("Give a folder or a list of texts from toolkit.load_text / load_corpus.")
    return texts


def analyse_corpus(
    source: str | os.PathLike[str] | Iterable[CorpusText],
    *,
    pattern: str = "*.txt",
    progress: Progress | None = None,
    config: AnalysisConfig | None = None,
) -> BatchResult:
    """Analyse every text of a folder (or a list of :class:`~toolkit.model.CorpusText`).

    Parameters
    ----------
    source
        A folder with ``.txt`` files (UTF-8), or texts loaded with :func:`toolkit.load_text`.
    pattern
        Which files of the folder to read.
    progress
        Called after each text with ``(done, total, name)``, e.g. to move a progress bar.
    config
        Options for :func:`toolkit.analyse`.

    Raises
    ------
    CorpusError
        If the folder does not exist or has no matching file.
    """
    items = _sources(source, pattern)
    result = BatchResult()
    started = time.perf_counter()
    for done, item in enumerate(items, start=1):
        name = item.stem if isinstance(item, Path) else item.name
        try:
            text = load_text(item) if isinstance(item, Path) else item
            result.documents[name] = analyse(text, config, metadata={"name": name})
        except ToolkitError as error:
            result.errors[name] = str(error)
        if progress is not None:
            progress(done, len(items), name)
    result.seconds = time.perf_counter() - started
    return result


def _row(name: str, document: Document) -> dict[str, object]:
    kinds = Counter(instance.kind for instance in document.speech)
    sentiment = document.sentiment
    return {
        "text": name,
        "characters": len(document.text),
        "tokens": len(document.tokens),
        "sentences": len(document.sentences),
        "tokens_per_sentence": round(len(document.tokens) / max(len(document.sentences), 1), 1),
        "finite_verbs": len(document.verbs),
        "konjunktiv": sum(1 for verb in document.verbs if verb.mood == "Sub"),
        "speech_direct": kinds["direct"],
        "speech_indirect": kinds["indirect"],
        "speech_reported": kinds["reported"],
        "polarity": round(sentiment.polarity, 3) if sentiment else float("nan"),
        "sentiment": sentiment.label if sentiment else None,
    }


def overview_frame(result: BatchResult) -> pd.DataFrame:
    """One row per text: size, sentences, verbs, Konjunktiv, speech by kind, sentiment.

    Layers the pipeline did not compute count 0 (sentiment: empty).
    """
    rows = [_row(name, document) for name, document in result.documents.items()]
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def corpus_table(result: BatchResult, table: str = "tokens") -> pd.DataFrame:
    """One table of :func:`toolkit.tables.document_tables` for all texts, with a ``text`` column.

    Raises
    ------
    InputError
        If there is no such table.
    """
    frames = []
    for name, document in result.documents.items():
        tables = document_tables(document)
        if table not in tables:
            raise InputError(f"No table {table!r}; choose from {', '.join(tables)}.")
        frames.append(tables[table].assign(text=name))
    if not frames:
        return pd.DataFrame(columns=["text"])
    combined = pd.concat(frames, ignore_index=True)
    return combined[["text", *[c for c in combined.columns if c != "text"]]]


def corpus_frequencies(result: BatchResult, n: int = 20) -> pd.DataFrame:
    """Return the ``n`` most frequent words (no stop words) and in how many texts they occur."""
    total: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for document in result.documents.values():
        counts = word_frequencies(document, skip_stopwords=True)
        total.update(counts)
        spread.update(counts.keys())
    rows = [{"word": w, "count": c, "texts": spread[w]} for w, c in total.most_common(n)]
    return pd.DataFrame(rows, columns=["word", "count", "texts"])


def export(
    result: BatchResult, folder: str | os.PathLike[str], formats: Iterable[str] = ("csv", "json")
) -> list[Path]:
    """Write the results to ``folder`` (created if needed) and return the files written.

    ``csv`` writes ``overview.csv`` and one ``<table>.csv`` per table (all texts);
    ``json`` writes ``corpus.json`` with every document in the toolkit's JSON format.
    """
    chosen = set(formats)
    unknown = chosen - {"csv", "json"}
    if unknown:
        raise InputError(f"Unknown export format(s) {sorted(unknown)}; use 'csv' and/or 'json'.")
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = []
        if "csv" in chosen:
            overview = target / "overview.csv"
            with atomic_path(overview) as temporary:
                overview_frame(result).to_csv(temporary, index=False)
            written.append(overview)
            first = next(iter(result.documents.values()), None)
            for table in document_tables(first) if first is not None else {}:
                path = target / f"{table.replace(' ', '_')}.csv"
                with atomic_path(path) as temporary:
                    corpus_table(result, table).to_csv(temporary, index=False)
                written.append(path)
        if "json" in chosen:
            path = target / "corpus.json"
            records = {name: doc.to_dict() for name, doc in result.documents.items()}
            write_text_atomic(path, json.dumps(records, ensure_ascii=False, indent=1))
            written.append(path)
    except OSError as error:
        raise CorpusError(f"Cannot write to {target}: {error.strerror or error}") from error
    return written
