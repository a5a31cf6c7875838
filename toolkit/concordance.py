"""Old import path of :mod:`toolkit.corpus.concordance` (kept for notebooks and scripts)."""

from toolkit.corpus.concordance import KwicLine, kwic, word_frequencies

__all__ = ["KwicLine", "kwic", "word_frequencies"]
