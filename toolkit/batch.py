"""Old import path of :mod:`toolkit.corpus.batch` (kept for notebooks and scripts)."""

from toolkit.corpus.batch import (
    OVERVIEW_COLUMNS,
    BatchResult,
    analyse_corpus,
    corpus_frequencies,
    corpus_kwic,
    corpus_speakers,
    corpus_table,
    export,
    export_corpus,
    overview_frame,
)

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
