"""Quotation marks -> quoted stretches, with nesting; titles and names told apart from speech.

Every German quote style is paired: „…“, ‚…‘, »…«, «…», ›…‹, "…", '…' and the English
“…”, ‘…’. The pairs live in ``toolkit/data/speech_quote_pairs.txt``. Marks that can open and
close (``"``, ``'``, ``»``, ``“``, ...) close the innermost open quote when they fit it, else
they open a new one, so nested quotes (``„Er rief ‚Halt!‘“``) come out with their depth.

Straight apostrophes are the hard case: ``geht's``, ``Hans' Buch``. A ``'`` opens a quote only
at the start of a word and closes one only at the end of a word that is not followed by a
letter; anything else is an apostrophe.

Invariant: ``text[quote.start:quote.end]`` is the quotation with its marks, and
``text[quote.inner_start:quote.inner_end]`` the words between them.

Examples
--------
>>> text = "Er sagte: „Das ist ‚gefährlich‘.“ Die Zeitung 'The Times' berichtete."
>>> [(text[q.start:q.end], q.depth) for q in find_quotations(text)]
[('„Das ist ‚gefährlich‘.“', 0), ('‚gefährlich‘', 1), ("'The Times'", 0)]

Whether a quotation is speech is decided by :func:`quotation_role` from its words and its
neighbours: after a title noun (``Zeitung``, ``Film``, ``Buch``; list in
``toolkit/data/speech_title_cues.txt``) or shaped like a name (``„Die Welt“``) it is a title;
a word or two in quotes without any speech cue nearby is a mention (scare quotes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, SupportsIndex

from toolkit.model import Token
from toolkit.resources import lines
from toolkit.speech.roles import suffixes_in
from toolkit.speech.subjects import is_quote

#: Characters before an opening straight quote (start of a word).
_OPEN_BEFORE = frozenset(" \t\n\r\u00a0\u202f([{/–—-:;")


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quoted stretch: ``text[start:end]`` includes the marks.

    ``closed`` is ``False`` when no closing mark was found; the quotation then ends where the
    next quotation of the same style opens, or at the end of its paragraph.
    """

    start: int
    end: int
    opening: str
    closing: str | None
    depth: int

    @property
    def closed(self) -> bool:
        """Whether a closing mark was found."""
        return self.closing is not None

    @property
    def inner_start(self) -> int:
        """Offset of the first character after the opening mark."""
        return self.start + len(self.opening)

    @property
    def inner_end(self) -> int:
        """Offset of the closing mark (or the end, if unclosed)."""
        return self.end - (len(self.closing) if self.closing else 0)


@cache
def quote_pairs() -> dict[str, frozenset[str]]:
    """Return the opening marks and the marks that may close each (from the word list).

    Examples
    --------
    >>> sorted(quote_pairs()["„"])
    ['"', '“', '”']
    """
    pairs: dict[str, frozenset[str]] = {}
    for line in lines("speech_quote_pairs"):
        opening, *closings = line.split()
        pairs[opening] = frozenset(closings)
    return pairs


@cache
def _closing_marks() -> frozenset[str]:
    return frozenset(mark for closings in quote_pairs().values() for mark in closings)


def _is_word_start(text: str, position: int) -> bool:
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before in quote_pairs()) and not after.isspace()


def _is_word_end(text: str, position: int) -> bool:
    # a hyphen after the mark joins the quoted name to a noun: "die „Bild“-Zeitung"
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _can_close(text: str, position: int, opening: str) -> bool:
    mark = text[position]
    if mark not in quote_pairs().get(opening, ()):
        return False
    # marks that may also open (or be an apostrophe) close only at the end of a word
    return mark not in _two_way_marks() or _is_word_end(text, position)


def _can_open(text: str, position: int) -> bool:
    mark = text[position]
    if mark not in quote_pairs():
        return False
    if mark == "'" and re.match(r"'(s|n|ne|nen|m|nem|ner)\b", text[position : position + 5]):
        return False  # an elision: 's (es), 'n, 'ne (ein, eine)
    return mark not in _two_way_marks() or _is_word_start(text, position)


@cache
def _two_way_marks() -> frozenset[str]:
    return (frozenset(quote_pairs()) & _closing_marks()) | {"’"}


def find_quotations(text: str, paragraph_ends: tuple[int, ...] = ()) -> list[Quotation]:
    r"""Find every quoted stretch of ``text``, outer quotations before the ones inside them.

    Parameters
    ----------
    text
        The text.
    paragraph_ends
        Offsets where paragraphs end; a quotation left open there is closed (``closed`` is
        ``False``). The text's end always counts.

    Examples
    --------
    >>> text = "»Komm«, rief sie. \"Geht's?\" Hans' Buch bleibt."
    >>> [text[q.start:q.end] for q in find_quotations(text)]
    ['»Komm«', '"Geht\'s?"']
    >>> [q.closed for q in find_quotations("„Erster Absatz. „Zweiter.“")]
    [False, True]

    A closing mark whose opening mark is missing closes the sentence before it:

    >>> text = "„Ja“, sagte er. Das ist gut.“ Dann ging er."
    >>> [text[q.start:q.end] for q in find_quotations(text)]
    ['„Ja“', 'Das ist gut.“']
    """
    found = _Found()
    stack = _Stack()
    ends = sorted({*paragraph_ends, len(text)})
    next_end = 0
    paragraph_start = 0
    marks = quote_pairs().keys() | _closing_marks()
    closing_only = _closing_only_marks(text)
    for position, mark in enumerate(text):
        while position >= ends[next_end]:
            _close_all(text, stack, ends[next_end], found)
            paragraph_start = ends[next_end]
            next_end += 1
        if mark not in marks:
            continue
        closing_level = _closing_level(text, position, stack)
        if closing_level is not None:
            while len(stack) > closing_level + 1:
                # an inner quote left open ends where its enclosing quote ends
                start, opening = stack.pop()
                found.append(Quotation(start, position, opening, None, len(stack)))
            start, opening = stack.pop()
            found.append(Quotation(start, position + 1, opening, mark, len(stack)))
        elif not stack and _opens_text_inside_quote(text, position, found, paragraph_start):
            # the text (an excerpt, a new paragraph) starts inside a quotation, or after the
            # colon that announced it ("sagt unvermittelt: Es ist gar kein Leben!«")
            colon = text.rfind(": ", paragraph_start, position)
            start = colon + 2 if colon >= 0 else paragraph_start
            found.append(Quotation(start, position + 1, "", mark, 0))
        elif not stack and mark in closing_only and _is_word_end(text, position):
            # a closing mark whose opening mark is missing: the quotation is the sentence
            # before it ("... gesagt!« Und deshalb konntest du nicht schlafen?«")
            start = _orphan_start(text, position, found, paragraph_start)
            if start < position:
                found.append(Quotation(start, position + 1, "", mark, 0))
        elif mark not in closing_only and _can_open(text, position):
            if (
                stack
                and stack[-1][1] == mark
                and mark in "„»«"
                and not _short_inner(text, position)
            ):
                # the same opening mark again: the previous quotation was left open (a new
                # paragraph of the same speech, or a missing mark)
                start, opening = stack.pop()
                found.append(Quotation(start, _trim_end(text, position), opening, None, len(stack)))
            stack.append((position, mark))
    _close_all(text, stack, len(text), found)
    return sorted(found, key=lambda quote: (quote.start, -quote.end))


class _Stack(list[tuple[int, str]]):
    """The open quotations, innermost last, with the levels of each opening mark.

    :func:`_closing_level` looks up the innermost level a mark can close per opening mark,
    instead of trying every level (quadratic when many quotations stay open).
    """

    def __init__(self) -> None:
        super().__init__()
        self.levels: dict[str, list[int]] = {}

    def append(self, item: tuple[int, str]) -> None:
        self.levels.setdefault(item[1], []).append(len(self))
        super().append(item)

    def pop(self, index: SupportsIndex = -1) -> tuple[int, str]:
        assert index == -1, "quotations are closed innermost first"
        item = super().pop()
        self.levels[item[1]].pop()
        return item


class _Found(list[Quotation]):
    """The quotations found so far, with the furthest end among them (kept as they come)."""

    def __init__(self) -> None:
        super().__init__()
        self.furthest_end = -1

    def append(self, quotation: Quotation) -> None:
        self.furthest_end = max(self.furthest_end, quotation.end)
        super().append(quotation)


def _short_inner(text: str, position: int) -> bool:
    # „…„König von Bayern“…“: the same opening mark again, but closed again soon and within
    # the sentence, is a quotation inside the open one (typeset without the inner style)
    before = position  # the last character before the mark that is not whitespace
    while before > 0 and text[before - 1].isspace():
        before -= 1
    if before == 0 or text[before - 1] in ".!?…":
        return False  # at a sentence start: a new paragraph of the speech, or a lost mark
    closings = quote_pairs()[text[position]]
    # the next closing mark or sentence end within 60 characters, found by one regex search
    for match in _closing_or_end(text[position]).finditer(
        text, position + 1, min(len(text), position + 60)
    ):
        k = match.start()
        if text[k] in closings:
            return True
        if k + 1 < len(text) and text[k + 1].isspace():
            return False
    return False


@cache
def _closing_or_end(opening: str) -> re.Pattern[str]:
    marks = "".join(sorted(quote_pairs()[opening] | set(".!?")))
    return re.compile(f"[{re.escape(marks)}]")


def _closing_only_marks(text: str) -> frozenset[str]:
    """Return the marks that only close quotations in this text's style.

    A text that opens with „ closes with “ (or ”); a text that opens with » closes with «
    (German chevrons), one that opens with « closes with » (Swiss). Such a mark never opens a
    quotation that would pair the rest of the text inside out.
    """
    marks = set("“”") if "„" in text else set()
    german = sum(_is_word_start(text, match.start()) for match in re.finditer("»", text))
    swiss = sum(_is_word_start(text, match.start()) for match in re.finditer("«", text))
    if german > swiss:
        marks |= {"«", "‹"}
    elif swiss > german:
        marks |= {"»", "›"}
    return frozenset(marks)


def _orphan_start(text: str, position: int, found: list[Quotation], paragraph_start: int) -> int:
    # Back over the sentence (its own final mark included) to the end of the sentence before,
    # a colon, the previous quotation or the paragraph start.
    limit = max(paragraph_start, _furthest_end(found))
    i = position
    while i > limit and (text[i - 1].isspace() or text[i - 1] in ".!?…,;"):
        i -= 1
    while i > limit and not (text[i - 1] in ".!?…:" and i < position and text[i].isspace()):
        i -= 1
    while i < position and text[i].isspace():
        i += 1
    return i


def _opens_text_inside_quote(
    text: str, position: int, found: list[Quotation], paragraph_start: int
) -> bool:
    # A closing-only mark after a sentence end, before any quotation of the paragraph.
    mark = text[position]
    if mark not in "«»‹›“”" or _furthest_end(found) > paragraph_start:
        return False
    before = text[position - 1] if position > 0 else ""
    return before in ".!?…" and _is_word_end(text, position) and position - paragraph_start > 1


def _furthest_end(found: list[Quotation]) -> int:
    if isinstance(found, _Found):
        return found.furthest_end
    return max((quote.end for quote in found), default=-1)


def _closing_level(text: str, position: int, stack: list[tuple[int, str]]) -> int | None:
    # The innermost open quotation this mark fits; quotations inside it were left open.
    if not isinstance(stack, _Stack):
        for level in range(len(stack) - 1, -1, -1):
            if _can_close(text, position, stack[level][1]):
                return level
        return None
    # _can_close: the mark must be one that closes the opening mark, and a two-way mark
    # must end a word; the second does not depend on the level
    mark = text[position]
    if mark in _two_way_marks() and not _is_word_end(text, position):
        return None
    levels = [
        stack.levels[opening][-1] for opening in _closed_by(mark) if stack.levels.get(opening)
    ]
    return max(levels, default=None)


@cache
def _closed_by(mark: str) -> tuple[str, ...]:
    """Return the opening marks that ``mark`` may close."""
    return tuple(opening for opening, closings in quote_pairs().items() if mark in closings)


def _close_all(text: str, stack: list[tuple[int, str]], end: int, found: list[Quotation]) -> None:
    while stack:
        start, opening = stack.pop()
        found.append(
            Quotation(start, max(start + 1, _trim_end(text, end)), opening, None, len(stack))
        )


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


QuotationRole = Literal["speech", "title", "mention"]
_FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_FUNCTION_TAGS = frozenset({"ART", "APPR", "APPRART", "KON", "KOKOM", "$(", "$", "$,"})
_SKIP_BEFORE_TITLE = frozenset({"ART", "ADJA", "CARD", "APPRART", "PPOSAT", "$(", "$"})
_FINAL_MARKS = frozenset(".!?…;:,")
_DETERMINERS = frozenset({"ART", "APPRART", "PDAT", "PPOSAT"})


@cache
def title_cues() -> frozenset[str]:
    """Return the nouns that announce a title (lower case)."""
    return frozenset(entry.lower() for entry in lines("speech_title_cues"))


def is_title_noun(word: str) -> bool:
    """Return whether a noun announces a title; compounds count by their last part.

    Inflected forms count too: ``des Wochenmagazines „profil“``, ``mit dem Beinamen „…“``.

    Examples
    --------
    >>> is_title_noun("Tageszeitung"), is_title_noun("BBC-Sendung"), is_title_noun("Haltung")
    (True, True, False)
    >>> is_title_noun("Magazines"), is_title_noun("Albums"), is_title_noun("Beinamen")
    (True, True, True)
    """
    key = word.lower().rsplit("-", 1)[-1]
    cues = title_cues()
    # as roles.is_body_noun does for bodies: one bounded lookup of the endings per form
    stems = [key] + [key[: -len(end)] for end in ("es", "s", "n") if key.endswith(end)]
    return any(suffixes_in(stem, cues) for stem in stems if stem)


def quotation_role(
    inner: Sequence[Token],
    before: Sequence[Token],
    after: Sequence[Token],
    cue_nearby: bool,
    cue_after: bool = True,
) -> QuotationRole:
    """Decide whether a quotation is speech, a title/name, or a mention (scare quotes).

    Parameters
    ----------
    inner
        The tagged tokens between the marks.
    before, after
        A few tagged tokens before the opening and after the closing mark (same sentence).
    cue_nearby
        Whether the sentence has a speech cue outside the quotation.
    cue_after
        Whether one of those cues follows the quotation: ``„Nein“, hatte er gesagt`` is
        framed, ``„Improv Everywhere“, hatte die Aktion organisiert`` is not.
    """
    words = [token for token in inner if token.text[:1].isalnum()]
    figures = sum(any(c.isdigit() for c in token.text) for token in words)
    if not words or figures * 3 >= len(words):
        return "mention"  # empty, or figures (ditto marks in a table)
    if _after_title_noun(before) or _title_noun_follows(after):
        return "title"
    if before and before[-1].text.lower() == "laut":
        return "title"  # a source: "laut „Spiegel“", "laut „news.bbc.co.uk“"
    if after and after[0].text.startswith("-") and after[0].start == inner[-1].end + 1:
        return "title"  # part of a compound: "die „Bild“-Zeitung", "„Nein“-Stimmen"
    framed = (before and before[-1].text == ":") or _cue_follows(after, cue_after)
    if (
        not framed
        and _listed(before, after)
        and len(words) >= 3
        and (words[0].text[:1].isupper() or words[0].text[:1].isdigit())
        and not any(t.pos in _FINITE for t in inner)
    ):
        # "darunter „Erinnerungen zur Verkehrsgeschichte“, „Mobile Engländer und der Fußball“":
        # titles; quoted words in a list stay speech ("als „aggressiv“ und „herausfordernd“")
        return "title"
    if _name_shaped(inner, words, before) and not framed:
        return "title"
    if len(words) <= 3 and not (cue_nearby or framed or _stands_alone(inner, before)):
        return "mention"
    if not (cue_nearby or framed) and _in_noun_phrase(inner, before):
        return "title"  # "des „Mär. Tagbl.“", "die „Verkündigung an die Hirten“"
    return "speech"


def _determined(
    before: Sequence[Token], determiners: frozenset[str] = _DETERMINERS, *, head: bool = False
) -> bool:
    """Whether a quotation stands where a noun phrase goes on.

    After its determiner and adjectives (``der rechtsgauillistischen „…“``), and with
    ``head`` also as a name after its head noun (``die Kulturwerkstatt „Institute for
    Contemporary Art“``).
    """
    position = len(before) - 1
    if head and position >= 1 and before[position].pos in {"NN", "NE"}:
        position -= 1  # the head noun the name is in apposition to
    while position >= 0 and before[position].pos == "ADJA":
        position -= 1
    return position >= 0 and before[position].pos in determiners


def _in_noun_phrase(inner: Sequence[Token], before: Sequence[Token]) -> bool:
    # after a determiner, without a verb of its own, a quotation names something
    return _determined(before, _DETERMINERS | {"PIAT"}) and not any(
        token.pos in _FINITE or token.pos == "VVIMP" for token in inner
    )


def _stands_alone(inner: Sequence[Token], before: Sequence[Token]) -> bool:
    # an utterance of its own: it ends like a sentence or opens one ("»Ich weiß nicht«, und")
    return (
        inner[-1].text in _FINAL_MARKS | {"–", "-", "—"}
        or not before
        or before[-1].text
        in {
            "–",
            "—",
            "-",
            ".",
            "!",
            "?",
        }
    )


#: What joins the items of a list.
_LIST_JOINS = frozenset({",", "und", "oder", "sowie"})


def _listed(before: Sequence[Token], after: Sequence[Token]) -> bool:
    """Whether a quotation is an item of a list of quotations (``„A“, „B“ oder etwa „C“``)."""
    end = len(before)
    while end > 0 and before[end - 1].pos == "ADV":
        end -= 1  # "oder beispielsweise „C“"
    return (end >= 2 and before[end - 1].text in _LIST_JOINS and is_quote(before[end - 2])) or (
        len(after) >= 2 and after[0].text in _LIST_JOINS and is_quote(after[1])
    )


def _after_title_noun(before: Sequence[Token]) -> bool:
    for token in reversed(before):
        if token.pos in _SKIP_BEFORE_TITLE:
            continue
        return token.pos in {"NN", "NE"} and is_title_noun(token.text)
    return False


def _title_noun_follows(after: Sequence[Token]) -> bool:
    # "„Die Csárdásfürstin“, Operette in drei Akten"
    for token in after:
        if token.pos in {"$,", "ADJA", "ART"}:
            continue
        return token.pos == "NN" and is_title_noun(token.text)
    return False


def _cue_follows(after: Sequence[Token], cue_after: bool) -> bool:
    # "„…“, sagte sie", "„…“, hatte er gesagt", "„…“, so der Minister"
    if len(after) < 2 or after[0].text != ",":
        return False
    return after[1].pos == "ADV" or (cue_after and after[1].pos in _FINITE)


def _name_shaped(inner: Sequence[Token], words: Sequence[Token], before: Sequence[Token]) -> bool:
    """Whether the quoted words look like a name: capitalised, no verb, no sentence end.

    After a determiner, foreign function words count as parts of a name (``der „Union pour
    un Mouvement Populaire“``, ``des „XXXII Championnat du Monde de Pétanque“``); the tagger
    reads them as foreign material (FM) or as names (NE). A foreign quotation without a
    determiner before it stays speech (``„Nil admirari!“``).
    """
    foreign = _determined(before, head=True) and any(token.pos == "FM" for token in words)
    if len(words) > (6 if foreign else 4) or not words[0].text[:1].isupper():
        return False
    if any(token.pos in _FINITE for token in inner) or inner[-1].text in _FINAL_MARKS:
        return False
    return all(
        token.text[:1].isupper()
        or token.pos in _FUNCTION_TAGS
        or (foreign and token.pos in {"FM", "NE"})
        or not token.text[:1].isalnum()
        for token in inner
    )
