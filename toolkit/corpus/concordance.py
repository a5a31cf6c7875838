"""Corpus tools on analysed documents: keyword in context (KWIC) and word frequencies.

Both build on NLTK (``ConcordanceIndex``, ``FreqDist``) but work on our tokens, so every
concordance line knows its character offsets and sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from nltk import FreqDist
from nltk.text import ConcordanceIndex

from toolkit.errors import InputError
from toolkit.model import Document
from toolkit.resources import word_list


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One concordance line: the keyword with ``width`` characters of context on each side."""

    token: int
    sentence: int
    start: int
    end: int
    left: str
    keyword: str
    right: str


def kwic(document: Document, word: str, width: int = 40, by: str = "text") -> list[KwicLine]:
    """Find every occurrence of ``word`` (case-insensitive) with its context.

    Parameters
    ----------
    document
        An analysed text.
    word
        The word to look for.
    width
        Characters of context on each side.
    by
        ``"text"`` matches the word form, ``"lemma"`` the lemma (needs the tagging stage;
        tokens without a lemma match by their form).

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Peskow warnte. Danach warnte auch Putin.")
    >>> [(line.left, line.keyword, line.right) for line in kwic(doc, "warnte", width=8)]
    [('Peskow ', 'warnte', '. Danach'), (' Danach ', 'warnte', ' auch Pu')]
    """
    if not isinstance(word, str) or not word.strip():
        raise InputError("Give a word to search for (the search word is empty).")
    if by not in ("text", "lemma"):
        raise InputError(f"by must be 'text' or 'lemma', not {by!r}.")
    keys = [
        (token.lemma if by == "lemma" and token.lemma else token.text) for token in document.tokens
    ]
    index = ConcordanceIndex(keys, key=str.lower)
    lines = []
    for position in index.offsets(word.strip()):
        token = document.tokens[position]
        lines.append(
            KwicLine(
                token=token.index,
                sentence=token.sentence,
                start=token.start,
                end=token.end,
                left=document.text[max(0, token.start - width) : token.start].replace("\n", " "),
                keyword=token.text,
                right=document.text[token.end : token.end + width].replace("\n", " "),
            )
        )
    return lines


def word_frequencies(document: Document, *, skip_stopwords: bool = False) -> FreqDist:
    """Count word forms (lower case, words only: no punctuation, numbers or URLs).

    Examples
    --------
    >>> from toolkit import analyse
    >>> freq = word_frequencies(analyse("Die Nato und die USA. Die Nato!"))
    >>> freq.most_common(2)
    [('die', 3), ('nato', 2)]
    >>> word_frequencies(analyse("Die Nato und die USA."), skip_stopwords=True).most_common(1)
    [('nato', 1)]
    """
    stopwords = word_list("stopwords_de") if skip_stopwords else frozenset()
    words = (
        token.text.lower()
        for token in document.tokens
        if token.kind == "regular" and any(character.isalpha() for character in token.text)
    )
    return FreqDist(word for word in words if word not in stopwords)
