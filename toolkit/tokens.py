"""Text -> tokens with character offsets (SoMaJo), plus other tokenizers to compare with.

The default tokenizer is SoMaJo (``de_CMC``), which knows German abbreviations (``z. B.``,
``Abs.``), ordinals (``1. Oktober``), gender forms (``Lehrer:innen``), URLs and emoticons, and
reports character offsets. Two of its decisions are changed: a token never holds whitespace,
and a numeric date is one token (``1.10.2024``, not ``1.`` ``10.`` ``2024``). SoMaJo also
finds sentence boundaries in the same pass, so every :class:`~toolkit.model.Token` already
knows its sentence number; :mod:`toolkit.sentences` turns that into
:class:`~toolkit.model.Sentence` records.

Paragraphs (separated by blank lines) are tokenised one by one, so a sentence never runs
across a paragraph break (a headline without a full stop stays its own sentence).

For teaching, :data:`TOKENIZERS` holds four tokenizers behind one signature
``text -> [(start, end), ...]`` (SoMaJo, NLTK's ``NLTKWordTokenizer``, textblob-de's
``PatternTokenizer`` and a plain regular expression), and :class:`GermanTokenizer` makes
SoMaJo usable wherever NLTK expects a ``TokenizerI``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from nltk.tokenize import NLTKWordTokenizer, RegexpTokenizer
from nltk.tokenize.api import TokenizerI
from nltk.tokenize.punkt import PunktSentenceTokenizer

from toolkit.errors import InputError, ResourceError
from toolkit.model import Token

#: A blank line (possibly with spaces) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")

Spans = list[tuple[int, int]]


@lru_cache(maxsize=2)
def _somajo(character_offsets: bool = False):  # type: ignore[no-untyped-def]
    # Imported lazily: building the tokenizer takes about 0.4 s, and many callers never need it.
    from somajo import SoMaJo

    somajo = SoMaJo(
        "de_CMC", split_camel_case=False, split_sentences=True, character_offsets=character_offsets
    )
    tokenizer = somajo._tokenizer
    tokenizer._split_emojis = _skip_texts_without_emoji(tokenizer._split_emojis)
    for name, (word_list, marks) in _WORD_LIST_PATTERNS.items():
        if _every_entry_holds(word_list, marks):  # checked, in case SoMaJo's lists change
            setattr(tokenizer, name, _InWordsWith(getattr(tokenizer, name), marks))
    return somajo


#: SoMaJo's patterns made of word lists: the list, and the marks its every entry holds.
_WORD_LIST_PATTERNS = {
    "abbreviation": ("abbreviations_de.txt", "."),  # about 1,100 (and "z.B."-like sequences)
    "single_token_abbreviation": ("single_token_abbreviations_de.txt", "."),
    "token_with_plus_ampersand": ("tokens_with_plus_or_ampersand.txt", "+&"),  # "AT&T"
}


def _every_entry_holds(word_list: str, marks: str) -> bool:
    from somajo import utils

    entries = utils.read_abbreviation_file(word_list)
    return all(set(entry) & set(marks) and not re.search(r"\s", entry) for entry in entries)


class _InWordsWith:
    """A SoMaJo word-list pattern, searched only where it can match.

    SoMaJo 2.5 tries such a pattern at every position of a paragraph; the abbreviation list
    alone took about a third of its time on news text. Every entry holds one of ``marks`` and
    no whitespace, so a match lies inside one stretch without whitespace that holds a mark:
    searching only those gives the same matches (tests/test_tokens.py compares the tokens
    with an unpatched SoMaJo).
    """

    def __init__(self, pattern, marks: str) -> None:  # type: ignore[no-untyped-def]
        self._pattern = pattern
        self._stretch = re.compile(rf"\S*[{re.escape(marks)}]\S*")

    def finditer(self, text: str, *args):  # type: ignore[no-untyped-def]
        if args:
            return self._pattern.finditer(text, *args)
        return (
            match
            for stretch in self._stretch.finditer(text)
            for match in self._pattern.finditer(text, stretch.start(), stretch.end())
        )

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._pattern, name)


@lru_cache(maxsize=1)
def _emoji_character():  # type: ignore[no-untyped-def]
    # The same character classes as SoMaJo's emoji splitter, with SoMaJo's own regex library.
    import regex

    return regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


def _skip_texts_without_emoji(split_emojis):  # type: ignore[no-untyped-def]
    # SoMaJo 2.5 runs an uncompiled regex search on every character of the text to find
    # emoji, which costs almost half of its tokenising time on news text. A text without any
    # emoji character gets no emoji boundaries, so skipping it gives identical tokens
    # (tests/test_tokens.py compares with an unpatched SoMaJo).
    def split_if_emoji(node, token_class="emoticon"):  # type: ignore[no-untyped-def]
        if _emoji_character().search(node.value.text):
            split_emojis(node, token_class)

    return split_if_emoji


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    r"""Yield ``(offset, paragraph)`` pairs; paragraphs are separated by blank lines.

    Examples
    --------
    >>> list(paragraphs("Titel\n\nErster Satz. Zweiter Satz."))
    [(0, 'Titel'), (7, 'Erster Satz. Zweiter Satz.')]
    """
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[position : match.start()].strip():
            yield position, text[position : match.start()]
        position = match.end()
    if text[position:].strip():
        yield position, text[position:]


def tokenise(text: str) -> tuple[Token, ...]:
    """Split a German text into tokens with character offsets and sentence numbers.

    Parameters
    ----------
    text
        The text, unchanged: offsets point into exactly this string.

    Returns
    -------
    tuple of Token
        ``text[token.start:token.end] == token.text`` holds for every token.

    Examples
    --------
    >>> [t.text for t in tokenise("Er kommt am 1. Oktober, z. B. nach Berlin.")]
    ['Er', 'kommt', 'am', '1.', 'Oktober', ',', 'z.', 'B.', 'nach', 'Berlin', '.']
    >>> [t.text for t in tokenise("Am 1.10.2024 ging er.")]
    ['Am', '1.10.2024', 'ging', 'er', '.']
    >>> token = tokenise("Sie sagte: „Ja.“")[4]
    >>> token.text, token.start, token.end, token.sentence
    ('Ja', 12, 14, 0)
    """
    if not isinstance(text, str):
        raise InputError(f"Expected a text (str) but got {type(text).__name__}.")
    tokens: list[Token] = []
    sentence = 0
    for offset, paragraph in paragraphs(text):
        for somajo_sentence in _tokenise_paragraph(paragraph):
            if not somajo_sentence:
                continue
            for somajo_token in somajo_sentence:
                start, end = somajo_token.character_offset
                kind = somajo_token.token_class or "regular"
                parts = [(offset + start, offset + end, kind, somajo_token.space_after)]
                if kind == "emoticon":
                    parts = _split_at_spaces(text, *parts[0])
                for part_start, part_end, part_kind, space_after in parts:
                    if _continues_date(tokens, part_start, part_kind, sentence):
                        part_start = tokens.pop().start
                    tokens.append(
                        Token(
                            index=len(tokens),
                            text=text[part_start:part_end],
                            start=part_start,
                            end=part_end,
                            sentence=sentence,
                            kind=part_kind,
                            space_after=space_after,
                        )
                    )
            sentence += 1
    return tuple(tokens)


def _continues_date(tokens: list[Token], start: int, kind: str, sentence: int) -> bool:
    """Whether a date part joins the one before it: ``1.10.2024`` is one token, as written.

    SoMaJo splits a numeric date into ``1.`` ``10.`` ``2024`` (the EmpiriST rule), which
    reads as three numbers in a concordance; parts written apart (``1. 10.``) stay apart.
    """
    if kind != "date" or not tokens:
        return False
    previous = tokens[-1]
    return previous.kind == "date" and previous.end == start and previous.sentence == sentence


_NON_SPACE = re.compile(r"\S+")


def _split_at_spaces(
    text: str, start: int, end: int, kind: str, space_after: bool
) -> list[tuple[int, int, str, bool]]:
    """Return an emoticon token's ``(start, end, kind, space_after)``, split at spaces.

    SoMaJo joins some emoticons across a space (``: (``), which in news text is far more
    often a colon before a parenthesis (``sagte: (lacht)``): such a token becomes symbols,
    so no token ever holds whitespace.
    """
    parts = list(_NON_SPACE.finditer(text, start, end))
    if len(parts) == 1:
        return [(start, end, kind, space_after)]
    last = len(parts) - 1
    return [(p.start(), p.end(), "symbol", k < last or space_after) for k, p in enumerate(parts)]


def _tokenise_paragraph(paragraph: str) -> list[list]:  # type: ignore[type-arg]
    try:
        sentences = list(_somajo().tokenize_text([paragraph]))
        if not _found_in_order(sentences, paragraph):
            sentences = list(_somajo(character_offsets=True).tokenize_text([paragraph]))
    except Exception as error:  # SoMaJo signals problems with bare asserts and IndexErrors
        raise ResourceError(
            f"The tokenizer SoMaJo failed on the paragraph starting {paragraph[:40]!r}: {error!r}"
        ) from error
    # Tokens that SoMaJo creates without a source position (none are known) cannot be shown
    # in the text, so they are dropped rather than given invented offsets.
    return [
        [token for token in sentence if token.character_offset is not None]
        for sentence in sentences
    ]


def _found_in_order(sentences: list[list], paragraph: str) -> bool:  # type: ignore[type-arg]
    """Give each token its offsets if all stand in the paragraph as written, in order.

    SoMaJo's own alignment (``character_offsets=True``) copies the rest of the paragraph for
    every token, which makes long paragraphs slow. Where each token's text follows the
    previous one directly or after whitespace, the offsets are the ones SoMaJo's alignment
    gives (tests/test_tokens.py compares); otherwise (soft hyphens, text not in NFC, a token
    SoMaJo respelled) this returns ``False`` and SoMaJo aligns the paragraph itself.
    """
    position = 0
    length = len(paragraph)
    for sentence in sentences:
        for token in sentence:
            text = token.text if token.original_spelling is None else token.original_spelling
            while position < length and paragraph[position].isspace():
                position += 1
            if not paragraph.startswith(text, position):
                return False
            token.character_offset = (position, position + len(text))
            position += len(text)
    return True


class GermanTokenizer(TokenizerI):
    """SoMaJo as an NLTK tokenizer: ``tokenize`` and ``span_tokenize`` like any NLTK tokenizer.

    Examples
    --------
    >>> tokenizer = GermanTokenizer()
    >>> tokenizer.tokenize("Das gilt z. B. für Lehrer:innen.")
    ['Das', 'gilt', 'z.', 'B.', 'für', 'Lehrer:innen', '.']
    >>> list(tokenizer.span_tokenize("Na gut."))
    [(0, 2), (3, 6), (6, 7)]
    """

    def tokenize(self, s: str) -> list[str]:
        """Return the tokens of ``s`` as strings."""
        return [token.text for token in tokenise(s)]

    def span_tokenize(self, s: str) -> Iterator[tuple[int, int]]:
        """Yield the ``(start, end)`` offsets of the tokens of ``s``."""
        for token in tokenise(s):
            yield token.start, token.end


def _somajo_spans(text: str) -> Spans:
    return [(token.start, token.end) for token in tokenise(text)]


def nltk_word_spans(text: str) -> Spans:
    """NLTK's word tokenizer alone, on the whole text (scored in toolkit.evaluation.tokens)."""
    return list(NLTKWordTokenizer().span_tokenize(text))


def _nltk_spans(text: str) -> Spans:
    # What nltk.word_tokenize does: split sentences first (Punkt), then words in each, so
    # "Berlin." at a sentence end becomes "Berlin" "." as NLTK users see it. Punkt runs with
    # its default parameters: no trained model is downloaded.
    spans: Spans = []
    for start, end in PunktSentenceTokenizer().span_tokenize(text):
        words = NLTKWordTokenizer().span_tokenize(text[start:end])
        spans.extend((start + left, start + right) for left, right in words)
    return spans


def _regexp_spans(text: str) -> Spans:
    # Words are runs of letters/digits; every other non-space character is a token of its own.
    return list(RegexpTokenizer(r"\w+|[^\w\s]").span_tokenize(text))


def _pattern_spans(text: str) -> Spans:
    from toolkit.lexicons import pattern_tokenize

    return align_loosely(pattern_tokenize(text), text)


def align_loosely(words: list[str], text: str) -> Spans:
    """Find each word in ``text`` in order, allowing spaces the tokenizer removed.

    Some tokenizers change the text (textblob-de joins ``: (`` into the emoticon ``:(``), so
    NLTK's ``align_tokens`` fails on them. Here a word may match with whitespace between its
    characters; a word that cannot be found at all is left out instead of stopping everything.

    Examples
    --------
    >>> text = "Müll: ( ja"
    >>> [text[start:end] for start, end in align_loosely(["Müll", ":(", "ja"], text)]
    ['Müll', ': (', 'ja']
    """
    spans: Spans = []
    position = 0
    for word in words:
        start = text.find(word, position)
        if start >= 0:
            spans.append((start, start + len(word)))
            position = start + len(word)
            continue
        loose = re.compile(r"\s*".join(map(re.escape, word))).search(text, position)
        if loose:
            spans.append(loose.span())
            position = loose.end()
    return spans


#: Tokenizers for the side-by-side comparison, each ``text -> [(start, end), ...]``.
TOKENIZERS: dict[str, Callable[[str], Spans]] = {
    "SoMaJo": _somajo_spans,
    "NLTK": _nltk_spans,
    "textblob-de": _pattern_spans,
    "regexp": _regexp_spans,
}


def compare_tokenizer_spans(text: str, names: list[str] | None = None) -> dict[str, Spans]:
    """Tokenise ``text`` with several tokenizers and return their ``(start, end)`` spans.

    Examples
    --------
    >>> compare_tokenizer_spans("z. B. so", ["SoMaJo", "regexp"])
    {'SoMaJo': [(0, 2), (3, 5), (6, 8)], 'regexp': [(0, 1), (1, 2), (3, 4), (4, 5), (6, 8)]}
    """
    chosen = list(TOKENIZERS) if names is None else names
    unknown = [name for name in chosen if name not in TOKENIZERS]
    if unknown:
        raise InputError(f"Unknown tokenizer {unknown[0]!r}; choose from {', '.join(TOKENIZERS)}.")
    return {name: TOKENIZERS[name](text) for name in chosen}


def compare_tokenizers(text: str, names: list[str] | None = None) -> dict[str, list[str]]:
    """Tokenise ``text`` with several tokenizers, for a side-by-side comparison.

    Parameters
    ----------
    text
        The text to tokenise.
    names
        Which tokenizers of :data:`TOKENIZERS` to use (default: all).

    Examples
    --------
    >>> result = compare_tokenizers("Kolleg*innen kommen am 1. Oktober.", ["SoMaJo", "regexp"])
    >>> result["SoMaJo"]
    ['Kolleg*innen', 'kommen', 'am', '1.', 'Oktober', '.']
    >>> result["regexp"]
    ['Kolleg', '*', 'innen', 'kommen', 'am', '1', '.', 'Oktober', '.']
    """
    return {
        name: [text[start:end] for start, end in spans]
        for name, spans in compare_tokenizer_spans(text, names).items()
    }
