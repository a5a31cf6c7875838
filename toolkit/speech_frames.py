"""Reporting frames: from a cue to the words it reports (one sentence at a time).

A cue verb reports the clause that follows it (``warnte, dass ...``, ``sagte, er habe ...``,
``forderte, ... zu verhandeln``), a quotation after a colon or before ``, sagte er``, the
clause before it when it comes second (``Das sei gefährlich, sagte Peskow.``), or nothing: then
the clause itself narrates the speech act (``Der Kreml hat ... kritisiert``: ``reported``).
Prepositional cues report the rest of their sentence (``Laut Polizei gab es drei Tote``).

Inside a reporting frame the mood stage's ambiguous forms (``sollte``, 3rd plural ``haben``)
are read as Konjunktiv (:func:`toolkit.mood.possible_konjunktiv`); an indicative ``dass``
clause after a cue is indirect speech all the same.

All positions here are indices into the sentence's tokens; ranges are end-exclusive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from toolkit.model import Token, VerbMood
from toolkit.mood import possible_konjunktiv
from toolkit.speakers import (
    FINITE,
    noun_phrase_before,
    noun_phrase_end,
    subject_after,
    subject_of,
)
from toolkit.speech_cues import Cue

Range = tuple[int, int]

_SUBORDINATORS = frozenset({"dass", "daß", "ob"})
#: Words that open an indirect question ("fragte, wer ...", "wusste nicht, warum ...");
#: "wie" is left out (mostly a comparison), "wobei"/"womit" are relative adverbs.
_QUESTION_WORDS = frozenset(
    {
        "wer",
        "wen",
        "wem",
        "wessen",
        "was",
        "wo",
        "wann",
        "warum",
        "weshalb",
        "wieso",
        "weswegen",
        "wohin",
        "woher",
        "wozu",
        "wieviel",
        "inwiefern",
        "inwieweit",
    }
)
_WHICH = frozenset({"welche", "welcher", "welches", "welchen", "welchem"})
#: Modal verbs whose past forms are read as Konjunktiv II inside a frame ("sollte").
_MODALS = frozenset({"sollen", "wollen", "müssen", "können", "dürfen", "mögen", "werden"})
_BREAKS = frozenset({"$,", "$."})
_CONTENT_STOPS = frozenset({";"})
_DEMONSTRATIVES = frozenset({"dies", "das", "dieses", "dieser", "diese", "solches"})


@dataclass
class SentenceView:
    """One tagged sentence with its finite verbs' moods and its direct quotations."""

    tokens: Sequence[Token]
    verbs: dict[int, VerbMood]
    quotes: list[Range]
    claimed: list[Range] = field(default_factory=list)

    def quote_starting(self, position: int) -> Range | None:
        """Return the direct quotation that starts at ``position`` (its opening mark)."""
        return next((q for q in self.quotes if q[0] == position), None)

    def quote_ending(self, position: int) -> Range | None:
        """Return the direct quotation whose closing mark is ``tokens[position - 1]``."""
        return next((q for q in self.quotes if q[1] == position), None)

    def quote_around(self, position: int) -> Range | None:
        """Return the innermost direct quotation that holds ``position``."""
        inside = [q for q in self.quotes if q[0] <= position < q[1]]
        return min(inside, key=lambda q: q[1] - q[0]) if inside else None

    def is_claimed(self, position: int) -> bool:
        """Whether ``position`` already belongs to an indirect or reported instance."""
        return any(start <= position < end for start, end in self.claimed)


@dataclass
class Frame:
    """What a cue reports: ``kind``, the reported pieces and the speaker's token range."""

    kind: str
    pieces: list[Range]
    cue: Cue | None
    speaker: Range | None
    quote: Range | None = None
    previous_sentence: bool = False


def reads_konjunktiv(verb: VerbMood | None, in_frame: bool) -> bool:
    """Whether a verb is (or, inside a reporting frame, may be read as) Konjunktiv."""
    if verb is None:
        return False
    if verb.mood == "Sub":
        return True
    if not in_frame or verb.mood != "Ind":
        return False
    # Present plural forms ("sie haben") may be Konjunktiv I; past forms only for modals
    # ("sollte"): a weak verb's past ("sagte") is Konjunktiv II in form only.
    possible = possible_konjunktiv(verb)
    return possible == "I" or (possible == "II" and verb.lemma in _MODALS)


def _finite_in(view: SentenceView, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if view.tokens[i].pos in FINITE]


def _segment_end(tokens: Sequence[Token], start: int) -> int:
    end = start
    while end < len(tokens) and tokens[end].pos not in _BREAKS:
        end += 1
    return end


def _segment_start(tokens: Sequence[Token], position: int) -> int:
    start = position
    while start > 0 and tokens[start - 1].pos not in _BREAKS:
        start -= 1
    return start


def content_end(view: SentenceView, start: int) -> int:
    """Return where reported content starting at ``start`` ends.

    That is the sentence end, a semicolon, or the end of the quotation the content stands in.
    """
    around = view.quote_around(start)
    limit = around[1] - 1 if around else len(view.tokens)
    end = start
    while end < limit and view.tokens[end].text not in _CONTENT_STOPS:
        end += 1
    return end


def _finite_of_clause(view: SentenceView, cue: Cue) -> int:
    if view.tokens[cue.token].pos in FINITE:
        return cue.token
    start = _segment_start(view.tokens, cue.token)
    finites = _finite_in(view, start, cue.token)
    return finites[-1] if finites else cue.token


def speaker_of(view: SentenceView, cue: Cue) -> Range | None:
    """Return the speaker's token range for a verb cue (the subject of its clause)."""
    if cue.cue_class == "noun":
        return _noun_speaker(view.tokens, cue.token)
    return subject_of(view.tokens, _finite_of_clause(view, cue))


def _noun_speaker(tokens: Sequence[Token], noun: int) -> Range | None:
    # "die Forderung der Regierung", "die Warnung von Peskow", "seine Warnung"
    after = noun + 1
    if after < len(tokens) and tokens[after].text.lower() in {"des", "der", "von", "vom"}:
        start = after + 1 if tokens[after].text.lower() in {"von", "vom"} else after
        end = noun_phrase_end(tokens, start)
        if end > start:
            return start, end
    return None


def verb_frame(view: SentenceView, cue: Cue) -> Frame | None:
    """Find what a verb or noun cue reports; ``None`` if it reports nothing here."""
    tokens = view.tokens
    end = _segment_end(tokens, cue.token)
    speaker = speaker_of(view, cue) if cue.cue_class == "verb" else _noun_speaker(tokens, cue.token)
    frame = None
    if cue.cue_class == "verb":
        frame = _content_before(view, cue)
    if frame is None and end + 1 < len(tokens):
        frame = _content_after(view, cue, end)
    if frame is not None and frame.speaker is None:
        frame.speaker = speaker
    return frame


def _content_after(view: SentenceView, cue: Cue, boundary: int) -> Frame | None:
    tokens = view.tokens
    first = boundary + 1
    quote = view.quote_starting(first)
    if tokens[boundary].text == ":":
        if quote is not None:
            return Frame("direct", [quote], cue, None, quote=quote)
        stop = content_end(view, first)
        if cue.cue_class == "verb" and stop > first and view.quote_around(first) is None:
            return Frame("direct", [(first, stop)], cue, None)  # "rief: Fritz Flügger!"
        return None
    if tokens[boundary].pos != "$,":
        return None
    if quote is not None and _segment_end(tokens, quote[1]) >= len(tokens) - 1:
        return Frame("direct", [quote], cue, None, quote=quote)
    word = tokens[first].text.lower()
    stop = content_end(view, first)
    if stop <= first:
        return None
    after_noun = tokens[boundary - 1].pos in {"NN", "NE", "PPER", "PIS", "PDS"}
    if (
        word in _SUBORDINATORS
        or word in _QUESTION_WORDS
        or (word in _WHICH and not after_noun)
        or (word == "wie" and _how_question(view, first))
    ):
        return Frame("indirect", [(first, stop)], cue, None)
    segment = _segment_end(tokens, first)
    finites = _finite_in(view, first, segment)
    if finites and _main_clause_opening(tokens, first):
        verb = view.verbs.get(finites[0])
        if cue.cue_class == "noun":  # "die Sorge, es sei zu spät" (Konjunktiv I only)
            konjunktiv_i = verb is not None and verb.mood == "Sub" and verb.konjunktiv == "I"
            return Frame("indirect", [(first, stop)], cue, None) if konjunktiv_i else None
        # in dialogue an indicative clause counts too ("Ich glaube, heute bin ich dran")
        if reads_konjunktiv(verb, in_frame=True) or (
            cue.v2 and finites[0] - first <= 3 and view.quote_around(cue.token)
        ):
            return Frame("indirect", [(first, stop)], cue, None)
        return None
    if not finites and cue.medium != "thought" and _is_zu_infinitive(tokens, first, segment):
        end = segment + 1 if segment == len(tokens) - 1 else segment  # the clause, its full stop
        return Frame("indirect", [(first, end)], cue, None)
    return None


def _how_question(view: SentenceView, first: int) -> bool:
    # "fragte, wie es ihr gehe" (a question) but not "Länder, wie Nordkorea" (a comparison)
    tokens = view.tokens
    if first + 1 >= len(tokens) or tokens[first + 1].pos in {"NN", "NE", "ART", "CARD", "ADJA"}:
        return False
    end = _segment_end(tokens, first)
    return bool(_finite_in(view, first, end)) and tokens[end - 1].pos.startswith("V")


def _main_clause_opening(tokens: Sequence[Token], first: int) -> bool:
    # not a relative or adverbial clause ("bei denen ...", "die ...", "wobei ...", "und ...")
    opener = tokens[first]
    if opener.pos in {"KOUS", "PRELS", "PRELAT", "KON", "PWAV", "PWS", "PWAT", "KOUI"}:
        return False
    following = tokens[first + 1] if first + 1 < len(tokens) else None
    return not (
        opener.pos in {"APPR", "APPRART"}
        and following is not None
        and following.pos in {"PRELS", "PRELAT", "PWS", "PWAV", "PWAT"}
    )


def _is_zu_infinitive(tokens: Sequence[Token], start: int, end: int) -> bool:
    if start < end and tokens[start].pos in {"KOUI"}:
        return False  # "um ... zu", "ohne ... zu": purpose, not content
    return any(
        t.pos == "VVIZU" or (t.pos == "PTKZU" and k + 1 < end and tokens[k + 1].pos.endswith("INF"))
        for k, t in enumerate(tokens[start:end], start)
    )


def _content_before(view: SentenceView, cue: Cue) -> Frame | None:
    """Frames that come after (or inside) what they report.

    ``„...“, sagte Peskow.``, ``Das sei gefährlich, sagte Peskow.``, ``Das, so Peskow, sei
    gefährlich.``, ``Wie wir erfuhren, war sie ...``, and ``Dies bestätigte X`` (the sentence
    before is the content).
    """
    tokens = view.tokens
    finite = _finite_of_clause(view, cue)
    quoted = _quote_before(view, cue, finite)
    if quoted is not None:
        return quoted
    start = _segment_start(tokens, finite)
    opener = tokens[start].text.lower()
    if start != finite and opener not in {"so", "wie"}:
        pronoun = tokens[start]
        if (
            finite - start == 1
            and pronoun.text.lower() in _DEMONSTRATIVES
            and pronoun.pos in {"PDS", "ART", "PDAT"}
            and _nothing_after(view, cue)
        ):
            speaker = subject_after(tokens, finite)  # "Dies bestätigte der Minister"
            return Frame("indirect", [(start, start + 1)], cue, speaker, previous_sentence=True)
        return None
    frame_end = _segment_end(tokens, max(finite, cue.token))
    pieces = []
    if start >= 2 and tokens[start - 1].pos == "$,":
        content_start = _content_start(view, start - 1)
        if content_start < start - 1 and _main_clause_opening(
            tokens, _segment_start(tokens, start - 2)
        ):
            pieces.append((content_start, start - 1))
    if frame_end + 1 < len(tokens) and tokens[frame_end].pos == "$,":
        rest = content_end(view, frame_end + 1)
        if (
            rest > frame_end + 1
            and (pieces or opener == "wie")
            and _main_clause_opening(tokens, frame_end + 1)
        ):
            pieces.append((frame_end + 1, rest))
    if not pieces:
        return None
    if opener == "wie":  # "wie X sagte": the frame alone marks the report, in any mood
        return Frame("indirect", pieces, cue, None)
    if not _inverted_frame(view, cue, finite, frame_end):
        return None
    finites = [i for piece in pieces for i in _finite_in(view, *piece)]
    if not any(reads_konjunktiv(view.verbs.get(i), in_frame=True) for i in finites):
        return None
    return Frame("indirect", pieces, cue, None)


#: Longest frame after its content (", sagte der Sprecher des Ministeriums am Montag").
_MAX_FRAME = 12


def _inverted_frame(view: SentenceView, cue: Cue, finite: int, frame_end: int) -> bool:
    """Whether ``sagte X`` after a comma is a frame: short, with its subject after the verb.

    ``Wäre ..., hätte er verhandelt`` is an unreal condition, not a frame: the clause before
    opens with its verb (or ``wenn``), and the "frame" verb is a Konjunktiv II itself.
    """
    if frame_end - finite > _MAX_FRAME:
        return False
    tokens = view.tokens
    verb = view.verbs.get(finite)
    if verb is not None and verb.mood == "Sub" and verb.konjunktiv == "II":
        return False
    if tokens[0].pos in FINITE or tokens[0].text.lower() in {"wenn", "falls"}:
        return False
    subject = subject_of(view.tokens, finite)
    return subject is not None and subject[0] > finite


def _quote_before(view: SentenceView, cue: Cue, finite: int) -> Frame | None:
    """Attach a frame to the quotation before it (``„...“, sagte Peskow``, ``»...?« fragte sie``).

    A quotation right after the frame (``»Ja«, sagte er, »ich komme.«``) belongs to it too.
    """
    tokens = view.tokens
    for position in (finite, finite - 1):
        if position < finite and (position < 1 or tokens[position].pos != "$,"):
            continue
        quote = view.quote_ending(position)
        if quote is None or quote[0] <= cue.token < quote[1]:
            continue
        pieces = [quote]
        end = _segment_end(tokens, cue.token)
        if end + 1 < len(tokens) and tokens[end].pos == "$,":
            following = view.quote_starting(end + 1)
            if following is not None:
                pieces.append(following)
        return Frame("direct", pieces, cue, None, quote=quote)
    return None


def _nothing_after(view: SentenceView, cue: Cue) -> bool:
    end = _segment_end(view.tokens, cue.token)
    return end >= len(view.tokens) - 1


def _content_start(view: SentenceView, comma: int) -> int:
    start = 0
    for q_start, q_end in view.quotes:
        if q_end <= comma and q_start < comma:
            start = max(start, q_end)
    for i in range(comma - 1, start - 1, -1):
        if view.tokens[i].text in {":", ";"}:
            return i + 1
    return start


def is_unreal(view: SentenceView, cue: Cue) -> bool:
    """Whether the cue stands in an unreal condition (``Wäre ..., hätte er verhandelt``)."""
    verb = view.verbs.get(_finite_of_clause(view, cue))
    tokens = view.tokens
    conditional = tokens[0].pos in FINITE or tokens[0].text.lower() in {"wenn", "falls"}
    return conditional and verb is not None and verb.mood == "Sub" and verb.konjunktiv == "II"


def reported_frame(view: SentenceView, cue: Cue) -> Frame:
    """Return the clause of a cue that reports nothing else: it narrates a speech act."""
    tokens = view.tokens
    finite = _finite_of_clause(view, cue)
    start = _segment_start(tokens, min(finite, cue.token))
    while start > 1 and tokens[start - 1].pos == "$,":
        before = _segment_start(tokens, start - 2)
        segment = tokens[before : start - 1]
        if any(t.pos in FINITE or t.pos in {"KOUS", "PRELS", "PWAV"} for t in segment):
            break
        start = before
    end = _segment_end(tokens, max(finite, cue.token))
    if end < len(tokens) and tokens[end].text in ".!?" and end == len(tokens) - 1:
        end += 1
    return Frame("reported", [(start, end)], cue, speaker_of(view, cue))


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
    return Frame("reported", [(start, end)], cue, _noun_speaker(tokens, cue.token))


def prepositional_frame(view: SentenceView, cue: Cue) -> Frame | None:
    """Return the frame of a prepositional cue: the rest of the sentence is indirect speech.

    Cues are ``laut X``, ``X zufolge``, ``nach Angaben X``, ``so X``, ``demnach``; ``X`` is
    the speaker.
    """
    tokens = view.tokens
    first, last = cue.parts[0], cue.parts[-1] + 1
    speaker: Range | None = None
    if cue.position in {"before", "so"}:
        start = (
            last + 1 if last < len(tokens) and tokens[last].text.lower() in {"von", "vom"} else last
        )
        end = noun_phrase_end(tokens, start)
        if end == start and cue.lemma != "nach":
            return None
        # "nach ersten Informationen" names no source; "laut Polizei" always does
        speaker, frame = ((start, end) if end > start else None), (first, max(end, last))
        if cue.position == "so" and end < len(tokens) and tokens[end].pos not in _BREAKS:
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
    return Frame("indirect", pieces, cue, speaker)


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
    while right_end < high and tokens[right_end].text not in _CONTENT_STOPS:
        right_end += 1
    pieces = [(s, e) for s, e in ((left_start, left_end), (right_start, right_end)) if e > s]
    pieces = [p for p in pieces if any(tokens[k].text[:1].isalnum() for k in range(*p))]
    return pieces
