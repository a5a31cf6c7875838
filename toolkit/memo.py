"""Bounded memos for results per word form: texts repeat words, a corpus brings new ones.

Tagging, mood, speech and sentiment remember what they worked out for a word form, because
news text repeats its words. A corpus keeps bringing new forms (names, compounds, numbers
with units), so a memo without a bound grows with the corpus: in the corpus command, 600
WikiNews articles needed 1.34x the peak memory of 150, nearly all of it in such memos, and a
larger corpus needs more. Every per-word memo therefore keeps only recently used forms
(:data:`WORD_MEMO_SIZE`). By Zipf's law a few thousand frequent forms carry most running
words, so the bound costs no time on a first pass.

Examples
--------
>>> memo = WordMemo(2)
>>> memo.get("sei") is None
True
>>> memo.fill("sei", lambda: ("VAFIN", "sein"))
('VAFIN', 'sein')
>>> memo.get("sei")
('VAFIN', 'sein')
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["WORD_MEMO_SIZE", "WordMemo", "word_memo"]

#: Word forms (or word-keyed results) a memo keeps: about the vocabulary of 150 news articles.
#: Measured with bench/bench_corpus.py and bench/bench_speech.py on WikiNews: 8,192 costs
#: nothing on a first pass and gives 1.10x-1.23x the peak memory for 4x the articles (two
#: runs; unbounded: 1.34x, and growing); 4,096 costs 4 % on a first pass and 40 % when the
#: same 150 articles are analysed again in one process.
WORD_MEMO_SIZE = 8_192

Result = TypeVar("Result")
_ABSENT = object()
Function = TypeVar("Function", bound=Callable[..., Any])


def word_memo(size: int = WORD_MEMO_SIZE) -> Callable[[Function], Function]:
    """Memoise a function of word forms, keeping the ``size`` most recently used results.

    Examples
    --------
    >>> @word_memo()
    ... def klein(wort: str) -> str:
    ...     return wort.lower()
    >>> klein("Kreml")
    'kreml'
    """
    return lru_cache(maxsize=size)  # type: ignore[return-value]


class WordMemo(dict):  # type: ignore[type-arg]
    """A dict memo that keeps about the ``size`` most recently used entries.

    Look up with ``get`` (a plain dict lookup, so hits stay as fast as a dict's); on a miss,
    ``fill`` computes and keeps the value. When ``size`` entries are held, they become the
    older generation and a new one starts: an entry used again is carried over, the rest go
    when the next generation fills. Memory stays within two generations, and a word used in
    every generation (the frequent ones) is worked out once.
    """

    def __init__(self, size: int = WORD_MEMO_SIZE) -> None:
        super().__init__()
        self.size = size
        self._older: dict[Hashable, Any] = {}

    def fill(self, key: Hashable, compute: Callable[[], Result]) -> Result:
        """Return the value of ``key`` from the older generation, or compute and keep it."""
        found = self._older.get(key, _ABSENT)
        if found is _ABSENT:
            found = compute()
        if len(self) >= self.size:
            self._older = dict(self)
            super().clear()
        self[key] = found
        return found

    def clear(self) -> None:
        """Forget every entry (for benchmarks that start cold)."""
        super().clear()
        self._older.clear()

    def held(self) -> int:
        """Return how many entries both generations hold."""
        return len(self) + len(self._older)
