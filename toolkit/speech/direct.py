"""Direct speech: which quotations are speech, and the records for them.

:func:`direct_quotations` finds the quotations of a document (:mod:`toolkit.speech.quotes`) that are
speech, not titles or mentions; the speech stage then attaches cues and speakers to them
(a frame such as ``sagte sie`` after the quotation, or the indirect speech a quoted fragment
stands in) and :func:`direct_record` makes the final record. The span helpers turn sentence
token ranges into :class:`~toolkit.model.Span` records with document offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from toolkit.model import Document, ReportedSpeech, Span
from toolkit.speech.cues import Cue, segment_start
from toolkit.speech.quotes import Quotation, find_quotations, quotation_role
from toolkit.speech.roles import role_of
from toolkit.speech.subjects import noun_phrase_end, subject_of
from toolkit.speech.view import Frame, Range, SentenceView, finite_in, speaker_of
from toolkit.tokens import paragraphs

#: Longest quotation (in tokens) between straight marks; longer pairs are apostrophes or strays.
_STRAIGHT_LIMIT = {"'": 40, '"': 150}


@dataclass
class Direct:
    """A quotation that is speech, with the cue and speaker found for it."""

    quotation: Quotation
    first: int  # document token index of the opening mark
    end: int  # document token index after the closing mark
    sentence: int
    #: cue, speaker and medium found for it (the fields of :class:`ReportedSpeech`)
    attributes: dict[str, Any] | None = None
    #: whether a frame of its own (``sagte sie``) gave the attributes
    framed: bool = False
    #: document token ranges of frames inside the marks (``», fuhr er fort, «``): no speech
    gaps: list[tuple[int, int]] = field(default_factory=list)


def quote_in_clause(view: SentenceView, cue: Cue) -> Frame | None:
    """Return a frame for a quotation inside the cue's clause (``bezeichnete ... als '...'``)."""
    tokens = view.tokens
    end = cue.token
    while end < len(tokens) and tokens[end].pos not in {"$,", "$."}:
        end += 1
    around = view.quote_around(cue.token)
    for quote in view.quotes:
        inside_same = around is None or (around[0] < quote[0] and quote[1] <= around[1])
        if cue.token < quote[0] < end and quote != around and inside_same:
            return Frame("direct", [quote], cue, speaker_of(view, cue), quote=quote)
    return None


def colon_speaker(view: SentenceView, quote_start: int) -> Range | None:
    """Return who speaks a quotation that follows a colon after a clause about a person.

    ``Pinheiro sieht die Verantwortung beim Staat: „Es gilt, ...“`` has no verb of saying, but
    the clause before the colon introduces its subject's words, and so does a name alone
    (``BKA-Präsident Ziercke: „...“``). Only a subject that names a
    person or body counts (a name, a role noun, a personal pronoun): ``Die Regel lautet: „...“``
    names no speaker.
    """
    tokens = view.tokens
    if quote_start < 2 or tokens[quote_start - 1].text != ":":
        return None
    start = segment_start(tokens, quote_start - 1)
    finites = finite_in(view, start, quote_start - 1)
    if finites:
        subject = subject_of(tokens, finites[0])
    else:  # "BKA-Präsident Ziercke: „...“": a name alone introduces the words
        alone = start == 0 and noun_phrase_end(tokens, 0, quote_start - 1) == quote_start - 1
        subject = (0, quote_start - 1) if alone else None
    if subject is None:
        return None
    words = tokens[subject[0] : subject[1]]
    named = any(t.pos == "NE" or (t.pos == "NN" and role_of(t.text)) for t in words)
    pronoun = len(words) == 1 and words[0].text.lower() in {"er", "sie", "ich", "wir"}
    return subject if named or pronoun else None


def document_quotations(document: Document) -> list[Quotation]:
    """Return every quoted stretch of a document; quotations end at paragraph ends."""
    text = document.text
    return find_quotations(text, tuple(offset + len(part) for offset, part in paragraphs(text)))


def direct_quotations(
    document: Document,
    starts: list[int],
    cues: list[list[Cue]],
    quotations: Sequence[Quotation] | None = None,
) -> list[Direct]:
    """Return the quotations of a document that are speech (``starts``: token offsets).

    ``quotations`` are the document's quotations (found again when not given).
    """
    return [
        direct
        for direct, role in quotation_roles(document, starts, cues, quotations)
        if role == "speech"
    ]


def quotation_roles(
    document: Document,
    starts: list[int],
    cues: Sequence[Sequence[Cue]],
    quotations: Sequence[Quotation] | None = None,
) -> Iterator[tuple[Direct, str]]:
    """Yield every quotation of a document with its role: speech, a title or a mention.

    ``„Die Welt“`` after ``Zeitung`` is a title; the learned layer must not make it speech.
    """
    tokens = document.tokens
    if quotations is None:
        quotations = document_quotations(document)
    for quotation in quotations:
        first = bisect_left(starts, quotation.start)
        if first >= len(tokens) or tokens[first].start != quotation.start:
            continue
        last = bisect_left(starts, quotation.end)
        sentence = tokens[first].sentence
        if not quotation.closed:
            # An open » or « quotation runs on (a speech over several sentences or
            # paragraphs, as in fiction); an open „, " or single › is more often a lost or
            # misread mark (newspaper OCR, an inner quotation), so it ends with its sentence.
            if quotation.opening not in {"", "»", "«"}:
                last = min(last, document.sentences[sentence].last_token + 1)
            last = max(last, first + 1)
            quotation = replace(quotation, end=tokens[last - 1].end)
        inner = tokens[first + bool(quotation.opening) : last - (1 if quotation.closed else 0)]
        bounds = document.sentences[sentence]
        before = tokens[max(bounds.first_token, first - 4) : first]
        closing_sentence = tokens[last - 1].sentence
        after = [t for t in tokens[last : last + 4] if t.sentence == closing_sentence]
        outside = [
            bounds.first_token + cue.token
            for cue in cues[sentence]
            if cue.cue_class != "prep" and not first <= bounds.first_token + cue.token < last
        ]
        if len(inner) > _STRAIGHT_LIMIT.get(quotation.opening, len(inner)):
            continue  # straight marks paired over a long stretch: apostrophes or a stray mark
        cue_after = any(token >= last for token in outside)
        role = quotation_role(inner, before, after, bool(outside), cue_after)
        yield Direct(quotation, first, last, sentence), role


def document_span(document: Document, start: int, end: int) -> Span:
    """Return ``document.text[start:end]`` as a span."""
    return Span(start, end, document.text[start:end])


def token_span(document: Document, offset: int, piece: tuple[int, int]) -> Span:
    """Return the span of the sentence tokens ``piece`` (sentence starts at token ``offset``)."""
    first, last = document.tokens[offset + piece[0]], document.tokens[offset + piece[1] - 1]
    return document_span(document, first.start, last.end)


def cue_span(document: Document, offset: int, cue: Cue | None) -> Span | None:
    """Return the span of the cue's main word (the verb of ``hob ... hervor``)."""
    if cue is None:
        return None
    return token_span(document, offset, (cue.token, cue.token + 1))


def cue_part_spans(document: Document, offset: int, cue: Cue | None) -> tuple[Span, ...]:
    """Return the spans of all words of a cue of several words (else nothing)."""
    if cue is None or len(cue.parts) < 2:
        return ()
    return tuple(token_span(document, offset, (part, part + 1)) for part in cue.parts)


def attributes_of(record: ReportedSpeech) -> dict[str, Any]:
    """Return the cue, speaker and medium fields of a record (to give them to a quotation)."""
    fields = ("cue", "speaker", "speaker_mention", "medium", "cue_parts", "cue_lemma")
    return {field: getattr(record, field) for field in fields}


def inherit(quotes: dict[tuple[int, int], Direct], frame: Frame, record: ReportedSpeech) -> None:
    """Give a quoted fragment inside indirect speech its cue and speaker (article, sentence 3)."""
    for (start, end), direct in quotes.items():
        inside = any(s <= start and end <= e for s, e in frame.pieces)
        if frame.kind == "indirect" and direct.attributes is None and inside:
            direct.attributes = attributes_of(record)


def direct_record(document: Document, direct: Direct) -> ReportedSpeech:
    """Return the record of a quotation, with the cue and speaker found for it."""
    quotation = direct.quotation
    attributes = {"medium": "speech", **(direct.attributes or {})}
    attributes["medium"] = attributes["medium"] or "speech"
    # the pieces between the frames cut out of the quotation (document token ranges)
    bounds = [direct.first, *(i for gap in sorted(direct.gaps) for i in gap), direct.end]
    pieces = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]
    return ReportedSpeech(
        kind="direct",
        start=quotation.start,
        end=quotation.end,
        text=document.text[quotation.start : quotation.end],
        sentence=direct.sentence,
        parts=tuple(token_span(document, 0, piece) for piece in pieces) if direct.gaps else (),
        **attributes,
    )
