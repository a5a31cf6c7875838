"""Word lists and per-token facts for :mod:`toolkit.sentiment.rules`.

Negators, their exceptions, clause breaks, contrast words, sentence adverbs that negation does
not turn, intensifiers and diminishers, emoticons (all but the last three kept as plain-text
word lists in ``toolkit/data/sentiment_*.txt``), and a memo of what the rules need to know
about a token.

Examples
--------
>>> "nicht" in negators(), is_break(","), is_break("gut")
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from toolkit.memo import WordMemo
from toolkit.resources import lines, word_list


@cache
def negators() -> frozenset[str]:
    """Words that negate (lower case): ``nicht``, ``kein``, ``nie``, ..."""
    return word_list("sentiment_negators")


@cache
def _negator_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the negator phrases by their last word (``als`` -> ``alles andere als``)."""
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for entry in negators():
        if " " in entry:
            words = tuple(entry.split())
            phrases.setdefault(words[-1], []).append(words)
    return {last: tuple(found) for last, found in phrases.items()}


def negates_at(lowers: Sequence[str], position: int) -> bool:
    """Whether a negator ends at ``position``: ``nicht`` or a phrase (``alles andere als``).

    Examples
    --------
    >>> negates_at(["das", "war", "alles", "andere", "als", "gut"], 4)
    True
    >>> negates_at(["als", "gut"], 0)
    False
    """
    if lowers[position] in negators():
        return True
    return any(
        position + 1 >= len(phrase)
        and tuple(lowers[position + 1 - len(phrase) : position + 1]) == phrase
        for phrase in _negator_phrases().get(lowers[position], ())
    )


@cache
def negation_exceptions() -> frozenset[tuple[str, str]]:
    """Word pairs in which the negator does not negate (``nicht nur``)."""
    return frozenset(tuple(line.split(None, 1)) for line in lines("sentiment_negation_exceptions"))


@cache
def clause_breaks() -> frozenset[str]:
    """Words that end a negation scope (``aber``, ``und``, ``dass``, ...)."""
    return word_list("sentiment_clause_breaks")


#: Contrast words: the clause after them weighs more than the one before.
CONTRAST_WORDS = frozenset({"aber", "jedoch", "sondern", "allerdings"})
#: Sentence adverbs and formulas comment on the whole clause, so a negation inside that clause
#: does not turn them ("kann man leider nicht": still regret, not its opposite).
NOT_NEGATED = frozenset(
    {
        "leider",
        "hoffentlich",
        "glücklicherweise",
        "erfreulicherweise",
        "bedauerlicherweise",
        "dummerweise",
        "unglücklicherweise",
        "danke",
        "bitte",
    }
)


@cache
def modifiers() -> dict[str, float]:
    """Intensifiers and diminishers with their factors, adjective endings included.

    Examples
    --------
    >>> modifiers()["zutiefst"], modifiers()["kaum"], modifiers()["massiven"]
    (1.8, 0.3, 1.5)
    """
    factors: dict[str, float] = {}
    for line in lines("sentiment_modifiers"):
        word, factor = line.split()
        factors[word] = float(factor)
    for word, factor in list(factors.items()):
        for ending in ("e", "en", "er", "es", "em"):
            factors.setdefault(word + ending, factor)
    return factors


@cache
def emoticons() -> dict[str, float]:
    """Emoticons and emoji with their values (``:)`` 0.7, ``:(`` -0.7, ...)."""
    values = {}
    for line in lines("sentiment_emoticons"):
        symbol, value = line.rsplit(None, 1)
        values[symbol] = float(value)
    return values


def emoticon_value(word: str) -> float | None:
    """Return the value of an emoticon or emoji token, or ``None``.

    Examples
    --------
    >>> emoticon_value(":-)"), emoticon_value(";-)))"), emoticon_value("😡😡")
    (0.7, 0.5, -0.9)
    >>> emoticon_value("gut") is None
    True
    """
    table = emoticons()
    found = table.get(word)
    if found is None and len(word) > 2 and word[-1] == word[-2] and not word[:1].isalnum():
        found = table.get(word.rstrip(word[-1]) + word[-1])  # ":)))" -> ":)"
    if found is not None or len(word) > 12 or any(char.isalnum() for char in word[:1]):
        return found
    for char in word:
        found = table.get(char)
        if found is not None:
            return found
    return None


def is_break(word: str) -> bool:
    """Return whether a token ends a clause: punctuation or a word like ``aber``, ``dass``."""
    return _word_info(word)[2]


def _skip_lookup(word: str) -> bool:
    # Mentions, URLs and numbers carry no sentiment (and "@gut" is a user name).
    return word[:1] in "@0123456789" or word.startswith(("http", "www."))


#: What the rules need to know about a token, by its text: lower case, counts as a word,
#: ends a clause, emoticon value, worth a lexicon lookup. Kept because texts repeat words.
_WORD_INFO = WordMemo()


def _word_info(word: str) -> tuple[str, bool, bool, float | None, bool]:
    info = _WORD_INFO.get(word)
    if info is None:
        info = _WORD_INFO.fill(word, lambda: _new_word_info(word))
    return info


def _new_word_info(word: str) -> tuple[str, bool, bool, float | None, bool]:
    lower = word.lower()
    if word.isalnum():  # most tokens: no need to look at every character
        emoticon, wordlike = emoticons().get(word), True
    else:
        emoticon = emoticon_value(word)
        wordlike = any(char.isalnum() for char in word)
    ends_clause = lower in clause_breaks() or (not wordlike and emoticon is None)
    lookup = emoticon is None and wordlike and lower not in negators() and not _skip_lookup(word)
    return (lower, wordlike or emoticon is not None, ends_clause, emoticon, lookup)
