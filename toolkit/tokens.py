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
    for name, (expected, needed) in _BACKTRACKING_PATTERNS.items():
        pattern = getattr(tokenizer, name)
        if pattern.pattern == expected:  # checked, in case SoMaJo's patterns change
            setattr(tokenizer, name, _OnlyWith(pattern, needed))
    from somajo import alignment

    if alignment._determine_offsets is _SOMAJO_DETERMINE_OFFSETS:  # not yet replaced
        alignment._determine_offsets = _determine_offsets
    return somajo


def _somajo_determine_offsets():  # type: ignore[no-untyped-def]
    from somajo import alignment

    return alignment._determine_offsets


#: SoMaJo's own alignment function, kept for the comparison in tests/test_tokens.py.
_SOMAJO_DETERMINE_OFFSETS = _somajo_determine_offsets()


def _determine_offsets(tokens, raw: str, position: int) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """SoMaJo 2.5's ``alignment._determine_offsets``, without copying the rest of the text.

    SoMaJo aligns a paragraph itself when its tokens are not simply in the text (a control
    character, a bidi mark, a soft hyphen), and its version tests ``raw[raw_i:].startswith``
    for every token, which copies the rest of the paragraph each time: quadratic (100,000
    characters with bidi marks took 21 s). ``raw.startswith(text, raw_i)`` is the same test
    (tests/test_tokens.py compares both on the odd texts).
    """
    import regex
    from somajo.alignment import _skipable_characters

    offsets: list[tuple[int, int]] = []
    raw_i = 0
    raw = regex.sub(r"\s", " ", raw)
    for token in tokens:
        if token.markup:
            start, end = token.character_offset
            start -= position
            end -= position
        else:
            text = token.text if token.original_spelling is None else token.original_spelling
            text = regex.sub(r"\s", " ", text)
            if raw.startswith(text, raw_i):
                start = raw_i
                end = start + len(text)
            elif raw.startswith(" " + text, raw_i):
                start = raw_i + 1
                end = start + len(text)
            else:
                raw_start = raw_i
                for i, char in enumerate(text):
                    for j in range(raw_start, len(raw)):
                        if raw[j] == char:
                            if i == 0:
                                start = j
                            if i == len(text) - 1:
                                end = j + 1
                            break
                        assert raw[j] in _skipable_characters, f"{raw[j]!r} is not skipable"
                    raw_start = j + 1
        offsets.append((start, end))
        raw_i = end
    return offsets


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
        self._marks = frozenset(marks)

    def finditer(self, text: str, *args):  # type: ignore[no-untyped-def]
        if args:
            return self._pattern.finditer(text, *args)
        # Every stretch without whitespace, then a set test: a pattern like \S*[.]\S* would
        # rescan a long stretch without the mark from each of its positions (quadratic).
        return (
            match
            for stretch in _NON_SPACE.finditer(text)
            if not self._marks.isdisjoint(stretch.group())
            for match in self._pattern.finditer(text, stretch.start(), stretch.end())
        )

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._pattern, name)


#: SoMaJo patterns that backtrack over a long stretch without whitespace from each of its
#: positions (10,000 characters of ``x.x.x.`` took 89 s): the pattern as SoMaJo 2.5 writes
#: it, and what every match holds. A text without that gets no match, so it is skipped.
_BACKTRACKING_PATTERNS = {
    "url_without_protocol": (
        r"\b[\w./-]+\.(?:de|com|tv|me|net|us|org|at|cc|ly|be|ch|info|live|eu|edu|gov|jpg|png|gif"
        r"|log|txt|xlsx?|docx?|pptx?|pdf)(?:-\w+)?\b",
        r"\.(?:de|com|tv|me|net|us|org|at|cc|ly|be|ch|info|live|eu|edu|gov|jpg|png|gif|log|txt"
        r"|xlsx?|docx?|pptx?|pdf)",
    ),
    "email": (
        r"\b[\w.%+-]+(?:@| \[at\] )[\w.-]+(?:\.| \[?dot\]? )\p{L}{2,}\b",
        r"@| \[at\] ",
    ),
    "calculation": (
        r"(?P<arg1>\d+(?:[,.]\d+)?)(?P<op>[+*x×÷−])(?P<arg2>\d+(?:[,.]\d+)?)",
        r"\d[+*x×÷−]\d",
    ),
    "arrow": (r"(-+[ ]?>|<[ ]?-+|[\u2190-\u21ff])", r"[<>\u2190-\u21ff]"),
}


class _OnlyWith:
    """A SoMaJo pattern, searched only in texts that hold what each of its matches holds.

    The check is one linear search; the pattern itself may take quadratic time on a long
    stretch such as ``x.x.x.``, ``0123…`` or ``-----``. Skipping texts without the needed
    part gives the same matches (tests/test_tokens.py compares with an unpatched SoMaJo).
    """

    def __init__(self, pattern, needed: str) -> None:  # type: ignore[no-untyped-def]
        import regex

        self._pattern = pattern
        self._needed = regex.compile(needed, pattern.flags)

    def finditer(self, text: str, *args):  # type: ignore[no-untyped-def]
        if args or self._needed.search(text):
            return self._pattern.finditer(text, *args)
        return iter(())

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
    sentences: list[list[_Part]] = []
    for offset, paragraph in paragraphs(text):
        for found in _paragraph_sentences(paragraph):
            parts: list[_Part] = []
            for start, end, kind, space_after in found:
                pieces = [(offset + start, offset + end, kind, space_after)]
                if kind == "emoticon":
                    pieces = _split_at_spaces(text, *pieces[0])
                for piece in pieces:
                    if _continues_date(parts, piece):
                        piece = (parts.pop()[0], *piece[1:])
                    elif _ends_dotted_name(text, parts, piece):
                        parts.pop()
                        piece = (parts.pop()[0], piece[1], "regular", piece[3])
                    parts.append(piece)
            sentences.extend(_capped(text, _covering(text, parts)))
    tokens: list[Token] = []
    for number, parts in enumerate(sentence for sentence in sentences if sentence):
        for start, end, kind, space_after in parts:
            tokens.append(
                Token(
                    index=len(tokens),
                    text=text[start:end],
                    start=start,
                    end=end,
                    sentence=number,
                    kind=kind,
                    space_after=space_after,
                )
            )
    return tuple(tokens)


#: A token as the tokenizer builds it: ``(start, end, kind, space_after)``.
_Part = tuple[int, int, str, bool]

#: Longest stretch without whitespace that SoMaJo tokenises; the longest in the evaluation
#: texts (3.5 million characters of news and fiction) has 95 characters. SoMaJo's cost grows
#: faster than the length of such a stretch (it copies the rest of it at every split), so a
#: longer one (a hash, base64, ``x.x.x.`` pasted 10,000 times, a text without spaces) is split
#: by :data:`_LONG_STRETCH_TOKEN` in linear time.
MAX_STRETCH = 100
#: Most tokens in one sentence. Later stages look at a sentence as a whole (clauses, cues,
#: quotations), so one sentence of 200,000 tokens (``"wort " * 200_000``) would take hours;
#: longer sentences are cut, preferably after a comma, semicolon, colon or dash. The longest
#: sentence in the evaluation texts has 700-750 tokens, 99.99 % have fewer than 250.
MAX_SENTENCE_TOKENS = 250

_LONG_STRETCH_TOKEN = re.compile(
    r"""(?:https?|ftp)://\S*[^\s.,;:!?)\]'"»«“”]  # a URL, without the punctuation after it
    | \w+(?:[-/'’@&+=_~\#%]\w+|\.(?=[\da-zäöüß])\w+)*  # a word or code: x.x.x, 1.10.2024
    | ([^\w\s])\1*                                # a mark, repeated: ----, „„„„
    """,
    re.VERBOSE,
)
_SENTENCE_MARKS = frozenset(".!?…")
_CUT_AFTER = frozenset({",", ";", ":", "–", "—", "-"})


def _paragraph_sentences(paragraph: str) -> list[list[_Part]]:
    """Return the sentences of a paragraph as lists of ``(start, end, kind, space_after)``.

    Stretches without whitespace of more than :data:`MAX_STRETCH` characters are split by
    :func:`_stretch_sentences`, the text between them by SoMaJo; a piece joins the sentence
    before it unless that ends with ``.``, ``!``, ``?`` or ``…``.
    """
    long = [m for m in _NON_SPACE.finditer(paragraph) if m.end() - m.start() > MAX_STRETCH]
    if not long:
        return _somajo_sentences(paragraph, 0)
    sentences: list[list[_Part]] = []
    position = 0
    for stretch in long:
        before = paragraph[position : stretch.start()]
        _join(paragraph, sentences, _somajo_sentences(before, position) if before.strip() else [])
        _join(paragraph, sentences, _stretch_sentences(paragraph, stretch.start(), stretch.end()))
        position = stretch.end()
    rest = paragraph[position:]
    _join(paragraph, sentences, _somajo_sentences(rest, position) if rest.strip() else [])
    return sentences


def _join(paragraph: str, sentences: list[list[_Part]], following: list[list[_Part]]) -> None:
    if not following:
        return
    if sentences and sentences[-1]:
        start, end, _kind, _space = sentences[-1][-1]
        if not set(paragraph[start:end]) <= _SENTENCE_MARKS:
            sentences[-1].extend(following[0])
            following = following[1:]
    sentences.extend(following)


def _stretch_sentences(paragraph: str, start: int, end: int) -> list[list[_Part]]:
    """Split a long stretch without whitespace into tokens, in linear time.

    Words join over inner marks (``x.x.x``, ``a-b``), a mark repeated stays one token
    (``-----``), a URL stays one; a sentence ends after ``.``, ``!``, ``?`` or ``…`` before
    a capital letter (``gesagt.Dann``).

    Examples
    --------
    >>> text = "Gesagt.Dann-kam-" + "x." * 60 + "!!!"
    >>> found = _stretch_sentences(text, 0, len(text))
    >>> [[text[s:e][:12] for s, e, _kind, _space in sentence] for sentence in found]
    [['Gesagt', '.'], ['Dann-kam-x.x', '.', '!!!']]
    """
    sentences: list[list[_Part]] = [[]]
    found = list(_LONG_STRETCH_TOKEN.finditer(paragraph, start, end))
    for k, match in enumerate(found):
        text = match.group()
        kind = "URL" if "://" in text[:6] else "regular" if match.group(1) is None else "symbol"
        last = k + 1 == len(found)
        sentences[-1].append((match.start(), match.end(), kind, last and end < len(paragraph)))
        if not last and set(text) <= _SENTENCE_MARKS and found[k + 1].group()[:1].isupper():
            sentences.append([])
    return [sentence for sentence in sentences if sentence]


#: A number written with thousands dots or a decimal comma (``800.000``, ``3,5``): SoMaJo starts
#: a sentence only at a capital letter or a plain number, so "unter Wasser. 800.000 Menschen"
#: stayed one sentence.
_FORMATTED_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")


def _somajo_sentences(piece: str, offset: int) -> list[list[_Part]]:
    found = []
    for sentence in _tokenise_paragraph(piece):
        parts = []
        for token in sentence:
            start, end = token.character_offset
            kind = token.token_class or "regular"
            parts.append((offset + start, offset + end, kind, token.space_after))
            if (
                len(parts) > 2
                and _FORMATTED_NUMBER.fullmatch(token.text)
                and _ends_sentence(parts[-2], piece, offset)
            ):
                found.append(parts[:-1])
                parts = parts[-1:]
        if parts:
            found.append(parts)
    return found


def _ends_sentence(part: _Part, piece: str, offset: int) -> bool:
    """Whether a token is a sentence mark on its own, followed by a space (``Wasser. 800``)."""
    start, end, _kind, space_after = part
    return space_after and set(piece[start - offset : end - offset]) <= {".", "!", "?"}


def _covering(text: str, parts: list[_Part]) -> list[_Part]:
    r"""Make one sentence's tokens follow each other without overlap or whitespace inside.

    SoMaJo's alignment may give two tokens the same characters (``%\u0308a\u0303`` became
    ``%̈`` at 0:2 and ``%̈ã`` at 0:4), and it keeps characters that Python counts as
    whitespace (``\x1c``) inside a token. A token is cut where the one before ended and
    split at such whitespace; characters SoMaJo dropped are handled by
    :class:`~toolkit.model.Document` (``skipped``).
    """
    if all(
        (k == 0 or parts[k - 1][1] <= start) and _NON_SPACE.fullmatch(text, start, end)
        for k, (start, end, _kind, _space) in enumerate(parts)
    ):
        return parts  # the usual case: nothing to repair
    repaired: list[_Part] = []
    previous_end = 0
    for start, end, kind, space_after in parts:
        start = max(start, previous_end)
        for piece in _NON_SPACE.finditer(text, start, end):
            repaired.append((piece.start(), piece.end(), kind, space_after))
        previous_end = max(previous_end, end)
    return repaired


def _capped(text: str, parts: list[_Part]) -> list[list[_Part]]:
    """Cut a sentence of more than :data:`MAX_SENTENCE_TOKENS` tokens into shorter ones.

    Each cut goes after the last comma, semicolon, colon or dash in the second half of the
    allowed length, else at the limit.
    """
    cut: list[list[_Part]] = []
    while len(parts) > MAX_SENTENCE_TOKENS:
        at = MAX_SENTENCE_TOKENS
        for k in range(MAX_SENTENCE_TOKENS - 1, MAX_SENTENCE_TOKENS // 2, -1):
            start, end, _kind, _space = parts[k]
            if text[start:end] in _CUT_AFTER:
                at = k + 1
                break
        cut.append(parts[:at])
        parts = parts[at:]
    cut.append(parts)
    return cut


def _ends_dotted_name(text: str, parts: list[_Part], part: _Part) -> bool:
    """Whether a word ends a name written with a dot inside: ``ver.di`` is one token.

    SoMaJo reads ``ver.`` as an abbreviation and splits the union's name into three tokens;
    a dot between two short words written together, the second in lower case, joins them
    (a missing space after a full stop, ``Hause.dann``, joins longer words and stays split).
    """
    if len(parts) < 2:
        return False
    (first, first_end, _kind, _space), (dot, dot_end, _kind2, _space2) = parts[-2], parts[-1]
    start, end, _kind3, _space3 = part
    word = text[start:end]
    return (
        first_end == dot
        and dot_end == start
        and text[dot:dot_end] == "."
        and word.isalpha()
        and word.islower()
        and len(word) <= _DOTTED_PART
        and text[first:first_end].isalpha()
        and first_end - first <= _DOTTED_PART
    )


#: Longest word on either side of the dot in a dotted name (``ver.di``).
_DOTTED_PART = 4


def _continues_date(parts: list[_Part], part: _Part) -> bool:
    """Whether a date part joins the one before it: ``1.10.2024`` is one token, as written.

    SoMaJo splits a numeric date into ``1.`` ``10.`` ``2024`` (the EmpiriST rule), which
    reads as three numbers in a concordance; parts written apart (``1. 10.``) stay apart.
    """
    start, _end, kind, _space = part
    if kind != "date" or not parts:
        return False
    _start, previous_end, previous_kind, _space = parts[-1]
    return previous_kind == "date" and previous_end == start


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


def _somajo_spans(text: str) -> Spans:
    return [(token.start, token.end) for token in tokenise(text)]


def nltk_word_spans(text: str) -> Spans:
    """NLTK's word tokenizer alone, on the whole text (scored in toolkit.evaluation.tokens)."""
    from nltk.tokenize import NLTKWordTokenizer  # NLTK takes 2 s to import: only when used

    return list(NLTKWordTokenizer().span_tokenize(text))


def _nltk_spans(text: str) -> Spans:
    # What nltk.word_tokenize does: split sentences first (Punkt), then words in each, so
    # "Berlin." at a sentence end becomes "Berlin" "." as NLTK users see it. Punkt runs with
    # its default parameters: no trained model is downloaded.
    from nltk.tokenize import NLTKWordTokenizer, PunktSentenceTokenizer

    spans: Spans = []
    for start, end in PunktSentenceTokenizer().span_tokenize(text):
        words = NLTKWordTokenizer().span_tokenize(text[start:end])
        spans.extend((start + left, start + right) for left, right in words)
    return spans


def _regexp_spans(text: str) -> Spans:
    # Words are runs of letters/digits; every other non-space character is a token of its own.
    from nltk.tokenize import RegexpTokenizer

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


def __getattr__(name: str) -> object:
    # GermanTokenizer subclasses NLTK's TokenizerI; NLTK takes 2 s to import, so the class
    # lives in toolkit.nltk_tokenizer and is loaded when someone asks for it
    if name == "GermanTokenizer":
        from toolkit.nltk_tokenizer import GermanTokenizer

        return GermanTokenizer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
