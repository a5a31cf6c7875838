"""Frames of prepositional cues (``laut X``, ``X zufolge``, ``so X``) and speech nouns.

Prepositional cues are also ``nach Angaben X``, ``demnach``, ``wonach``; a speech noun is
``die Worte des Grafen``, ``seine Rede``.

A prepositional cue reports the rest of its sentence: the frame (cue and source) is cut out,
so ``Das, so Peskow, sei gefährlich`` gives the pieces ``Das`` and ``sei gefährlich.``. A
speech noun with a speaker narrates a speech act (``reported``).
"""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.model import Token
from toolkit.speech.cues import Cue, is_genitive_name
from toolkit.speech.subjects import (
    FINITE,
    closing_bracket,
    is_own,
    is_temporal,
    noun_phrase_before,
    noun_phrase_end,
    subject_of,
)
from toolkit.speech.view import (
    BREAKS,
    CONTENT_STOPS,
    Frame,
    Range,
    SentenceView,
    content_end,
    noun_speaker,
)

_NOUN_PREFIX = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "ADJA", "CARD", "PRELAT"})


_ATTACHED = frozenset({"des", "der", "eines", "einer", "von", "vom", "über", "an", "zu", "zum"})


def noun_frame(view: SentenceView, cue: Cue) -> Frame:
    """Return the noun phrase of a speech noun as a narrated speech act.

    The phrase is determiners, adjectives, the noun and its attributes (``die Worte des
    Grafen``, ``auf den Wunsch des Volkes``).
    """
    tokens = view.tokens
    start = cue.token
    while start > 0 and tokens[start - 1].pos in _NOUN_PREFIX:
        start -= 1
    if start > 0 and tokens[start - 1].pos in {"APPR", "APPRART"}:
        start -= 1  # "auf den Wunsch des Volkes", "mit diesen Erklärungen"
    end = cue.token + 1
    while end < len(tokens) and tokens[end].text.lower() in _ATTACHED:
        after = noun_phrase_end(tokens, end + 1)
        if after == end + 1:
            break
        end = after
    if end + 1 < len(tokens) and tokens[end].pos == "$," and tokens[end + 1].pos in _RELATIVE:
        end = _relative_clause_end(tokens, end + 1)  # "ein Gedanke, dessen Vater der Wunsch ist"
    return Frame("reported", [(start, end)], cue, noun_speaker(tokens, cue.token))


_RELATIVE = frozenset({"PRELS", "PRELAT"})


def _own_source(tokens, first: int, last: int) -> Range | None:  # type: ignore[no-untyped-def]
    """Return the subject that ``nach eigenen Angaben`` refers to: the clause's own subject.

    The finite verb nearest to the cue gives the subject; ``None`` without ``eigen-`` or a
    subject.
    """
    if not any(is_own(tokens[k]) for k in range(first, last)):
        return None
    finite = [k for k, token in enumerate(tokens) if token.pos in FINITE]
    if not finite:
        return None
    found = subject_of(tokens, min(finite, key=lambda k: abs(k - first)))
    return found if found is not None and not first <= found[0] < last else None


def _relative_clause_end(tokens, start: int) -> int:  # type: ignore[no-untyped-def]
    end = start
    while end < len(tokens) and tokens[end].pos not in BREAKS:
        end += 1
    return end


def prepositional_frame(view: SentenceView, cue: Cue) -> Frame | None:
    """Return the frame of a prepositional cue: the rest of the sentence is indirect speech.

    Cues are ``laut X``, ``X zufolge``, ``nach Angaben X``, ``so X``, ``demnach``; ``X`` is
    the speaker.
    """
    tokens = view.tokens
    first, last = cue.parts[0], cue.parts[-1] + 1
    speaker: Range | None = None
    source_only = False
    own: Range | None = None
    if cue.position in {"before", "so"}:
        start = (
            last + 1 if last < len(tokens) and tokens[last].text.lower() in {"von", "vom"} else last
        )
        end = _with_brackets(tokens, noun_phrase_end(tokens, start))
        if cue.lemma == "nach" and last - first > 1 and start == last and tokens[start].pos == "NN":
            end = start  # "nach ersten Meldungen Schäden": a bare noun is no genitive source
        if end == start and cue.lemma != "nach":
            return None
        if first == 0 and end > start:
            end = _to_the_finite_verb(tokens, end)
        # "nach ersten Informationen" names no source but itself; "laut Polizei" always does
        speaker, frame = ((start, end) if end > start else None), (first, max(end, last))
        if speaker is not None and is_temporal(tokens[start:end]):
            speaker = None  # "nach Informationen vom späten Abend": when, not whose
        if speaker is None and last - first > 1:
            names = [k for k in range(first + 1, last) if is_genitive_name(tokens, k)]
            if names:  # "nach Celebis Angaben": Celebi's words, a named source
                speaker = (names[0], names[-1] + 1)
            else:
                speaker, source_only = (first + 1, last), True
        if cue.position == "so" and end < len(tokens) and tokens[end].pos not in BREAKS:
            return None
    elif cue.position == "after":
        found = noun_phrase_before(tokens, first)
        if found is None:
            return None
        speaker, frame = found, (found[0], last)
    else:
        frame = (first, last)
        if tokens[first].pos == "PPOSAT":  # "seiner Meinung nach"
            speaker = (first, first + 1)
        else:  # "demnach", "nach eigenen Angaben", "Berichten zufolge"
            start = first + 1 if tokens[first].text.lower() == "nach" else first
            end = last - 1 if tokens[last - 1].text.lower() in {"zufolge", "nach"} else last
            speaker, source_only = (start, max(end, start + 1)), True
            own = _own_source(tokens, first, last)
    if cue.position == "so":
        quote = view.quote_ending(frame[0] - 1) if frame[0] > 0 else None
        if quote is None and frame[0] > 1:
            quote = view.quote_ending(frame[0] - 1 - (tokens[frame[0] - 1].pos == "$,"))
        if quote is not None:
            return Frame("direct", [quote], cue, speaker, quote=quote)
    pieces = _around(view, frame)
    if not pieces:
        return None
    if cue.lemma == "wonach":
        pieces = [(frame[1], content_end(view, frame[1]))]
    return Frame("indirect", pieces, cue, speaker, source_only=source_only, source_subject=own)


def _to_the_finite_verb(tokens: Sequence[Token], end: int) -> int:
    """Extend a source phrase that opens the sentence up to the finite verb after it.

    Before the finite verb of a main clause stands one phrase only: in ``Nach Angaben der
    Hilfsorganisation Ärzte ohne Grenzen mussten ...`` the source runs up to ``mussten``, and
    ``ohne Grenzen`` is part of its name, not of what it said. A time (``am Montag``) or a
    break leaves the phrase as it was.
    """
    for k in range(end, min(end + 8, len(tokens))):
        if tokens[k].pos in FINITE:
            return end if k == end or is_temporal(tokens[end:k]) else k
        if tokens[k].pos in BREAKS or tokens[k].pos.startswith("V"):
            return end
    return end


def _with_brackets(tokens: Sequence[Token], end: int) -> int:
    """Extend a source phrase over the short bracket after it.

    ``Nach Angaben des United States Geological Survey (USGS)``: the bracket names the
    source again and is no part of what it said.
    """
    if end < len(tokens) and tokens[end].text == "(":
        close = closing_bracket(tokens, end, min(end + 5, len(tokens)))
        if close is not None:
            return close + 1
    return end


def _around(view: SentenceView, frame: Range) -> list[Range]:
    tokens = view.tokens
    around = view.quote_around(frame[0])
    low, high = (around[0] + 1, around[1] - 1) if around else (0, len(tokens))
    left_end = frame[0]
    while left_end > low and tokens[left_end - 1].pos == "$,":
        left_end -= 1
    left_start = low
    for i in range(left_end - 1, low - 1, -1):
        if tokens[i].text in {":", ";"}:
            left_start = i + 1
            break
    right_start = frame[1]
    while right_start < high and tokens[right_start].pos == "$,":
        right_start += 1
    right_end = right_start
    while right_end < high and tokens[right_end].text not in CONTENT_STOPS:
        right_end += 1
    pieces = [(s, e) for s, e in ((left_start, left_end), (right_start, right_end)) if e > s]
    pieces = [p for p in pieces if any(tokens[k].text[:1].isalnum() for k in range(*p))]
    return pieces
