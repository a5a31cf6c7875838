"""Corpus tools on analysed documents: keyword in context (KWIC) and word frequencies.

Both build on NLTK (``ConcordanceIndex``, ``FreqDist``) but work on our tokens, so every
concordance line knows its character offsets and sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.errors import InputError
from toolkit.model import Document
from toolkit.resources import word_list

if TYPE_CHECKING:  # NLTK takes 2 s to import: the functions load it when they run
    from nltk import FreqDist


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


def _whole_words(text: str, start: int, end: int, left: bool) -> str:
    """Return context on one line without the word the cut split (``…Russland hine``).

    The left context is cut at ``start``, the right one at ``end``; the other side touches
    the keyword.
    """
    part = text[start:end]
    if left and start > 0 and not text[start - 1].isspace() and not part[:1].isspace():
        cut = next((k for k, c in enumerate(part) if c.isspace()), len(part))
        part = part[cut:]
    if not left and end < len(text) and not text[end].isspace() and not part[-1:].isspace():
        cut = next((k for k in range(len(part) - 1, -1, -1) if part[k].isspace()), 0)
        part = part[:cut]
    return part.replace("\n", " ")


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
    [('Peskow ', 'warnte', '. Danach'), (' Danach ', 'warnte', ' auch')]

    The context ends at whole words: ``auch``, not ``auch Pu``.
    """
    if not isinstance(word, str) or not word.strip():
        raise InputError("Give a word to search for (the search word is empty).")
    if by not in ("text", "lemma"):
        raise InputError(f"by must be 'text' or 'lemma', not {by!r}.")
    keys = [
        (token.lemma if by == "lemma" and token.lemma else token.text) for token in document.tokens
    ]
    from nltk.text import ConcordanceIndex

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
                left=_whole_words(document.text, max(0, token.start - width), token.start, True),
                keyword=token.text,
                right=_whole_words(document.text, token.end, token.end + width, False),
            )
        )
    return lines


def document_words(
    document: Document, by: str = "text", *, skip_stopwords: bool = False
) -> list[str]:
    """Return the words of a document as written (``by="lemma"``: their lemmas).

    Words only: no punctuation, numbers or URLs; a token without a lemma counts by its form.
    ``skip_stopwords`` leaves out function words, by their form or their lemma (``solche``
    and its lemma ``solch``).

    Examples
    --------
    >>> from toolkit import analyse
    >>> document_words(analyse("Russlands Präsident, 2024."), by="lemma")
    ['Russland', 'Präsident']
    >>> document_words(analyse("Solche Sätze."), by="lemma", skip_stopwords=True)
    ['Satz']
    """
    if by not in ("text", "lemma"):
        raise InputError(f"by must be 'text' or 'lemma', not {by!r}.")
    stopwords = word_list("stopwords_de") if skip_stopwords else frozenset()
    words = []
    for token in document.tokens:
        if token.kind != "regular" or not any(character.isalpha() for character in token.text):
            continue
        word = token.lemma if by == "lemma" and token.lemma else token.text
        if token.text.lower() in stopwords or word.lower() in stopwords:
            continue
        words.append(word)
    return words


def written_frequencies(words: Iterable[str]) -> FreqDist:
    """Count words case-insensitively, each under the spelling written most often.

    Stop words are left out before (:func:`document_words`), by form and lemma.

    ``Die Nato`` and ``die NATO`` count as one word; a reader sees ``Nato``, not ``nato``
    (ties: the spelling with fewer capitals, then the one met first).

    Examples
    --------
    >>> written_frequencies(["Die", "Nato", "die", "nato", "Nato"]).most_common()
    [('Nato', 3), ('die', 2)]
    """
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for word in words:
        key = word.lower()
        counts[key] += 1
        spellings.setdefault(key, Counter())[word] += 1
    from nltk import FreqDist

    return FreqDist({_usual(spellings[key]): count for key, count in counts.items()})


def _usual(spellings: Counter[str]) -> str:
    # ties go to fewer capitals: "Die" at a sentence start is the word "die"
    return max(spellings, key=lambda word: (spellings[word], -sum(map(str.isupper, word))))


def word_frequencies(
    document: Document, *, skip_stopwords: bool = False, by: str = "text"
) -> FreqDist:
    """Count the words of a document, case-insensitively (words only: no numbers or URLs).

    Each word is counted under the spelling the text uses most often. ``by="lemma"`` counts
    base forms, so inflected forms count together (``Russlands`` as ``Russland``).

    Examples
    --------
    >>> from toolkit import analyse
    >>> freq = word_frequencies(analyse("Die Nato und die USA. Auch die Nato!"))
    >>> freq.most_common(2)
    [('die', 3), ('Nato', 2)]
    >>> word_frequencies(analyse("Die Nato und die USA."), skip_stopwords=True).most_common(1)
    [('Nato', 1)]
    >>> doc = analyse("Russland warnt. Russlands Präsident sagt es.")
    >>> word_frequencies(doc, skip_stopwords=True, by="lemma").most_common(1)
    [('Russland', 2)]
    """
    return written_frequencies(document_words(document, by, skip_stopwords=skip_stopwords))
