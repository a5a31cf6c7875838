"""What the speech stage knows about one sentence, and what a frame reports.

:class:`SentenceView` is one tagged sentence with the moods of its finite verbs and its direct
quotations; :class:`Frame` is what a cue reports (kind, pieces, speaker). The helpers find
clause segments (between commas), finite verbs and the end of reported content, and read a
verb as Konjunktiv inside a reporting frame (:func:`reads_konjunktiv`).

All positions are indices into the sentence's tokens; ranges are end-exclusive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from toolkit.model import Token, VerbMood
from toolkit.mood import possible_konjunktiv
from toolkit.speech.cues import Cue, segment_end, segment_start
from toolkit.speech.subjects import FINITE, is_relative_clause, noun_phrase_end, subject_of

Range = tuple[int, int]

BREAKS = frozenset({"$,", "$."})


CONTENT_STOPS = frozenset({";"})


#: Modal verbs whose past forms are read as Konjunktiv II inside a frame ("sollte").
_MODALS = frozenset({"sollen", "wollen", "müssen", "können", "dürfen", "mögen", "werden"})


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
    #: the speaker range names a source, not a speaker ("nach Polizeiangaben", "demnach")
    source_only: bool = False
    #: a frame inside the quotation's marks: its tokens, which are no speech
    gap: Range | None = None
    #: who a source names when it names no one itself: the clause's subject for "nach
    #: eigenen Angaben" ("Die Feuerwehr rückte nach eigenen Angaben aus" -> Feuerwehr)
    source_subject: Range | None = None


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


def finite_in(view: SentenceView, start: int, end: int) -> list[int]:
    """Return the positions of the finite verbs in ``start:end``."""
    return [i for i in range(start, end) if view.tokens[i].pos in FINITE]


#: Words that open a relative clause (``die``, ``deren``) after a noun of the content.
_RELATIVE_OPENERS = frozenset({"PRELS", "PRELAT"})


def finite_after_relatives(view: SentenceView, segment: int) -> list[int]:
    """Return the finite verb that resumes a clause after its relative clauses.

    ``Er warnte, die Preise, die sie zahlen, sollten sinken``: the content's subject ends at a
    comma, a relative clause follows, and the verb comes after it. ``segment`` is the comma
    after the verbless start; ``[]`` when no relative clause and verb follow.
    """
    tokens = view.tokens
    while segment + 2 < len(tokens) and tokens[segment].pos == "$,":
        opener = segment + 1
        if tokens[opener].pos in {"APPR", "APPRART"}:
            opener += 1  # "mit denen ..."
        if tokens[opener].pos not in _RELATIVE_OPENERS:
            return []
        segment = segment_end(tokens, opener + 1)
        if segment + 1 < len(tokens) and tokens[segment + 1].pos in FINITE:
            return [segment + 1] if tokens[segment].pos == "$," else []
    return []


def content_end(view: SentenceView, start: int) -> int:
    """Return where reported content starting at ``start`` ends.

    That is the sentence end, a semicolon, or the end of the quotation the content stands in.
    """
    around = view.quote_around(start)
    limit = around[1] - 1 if around else len(view.tokens)
    end = start
    while end < limit and view.tokens[end].text not in CONTENT_STOPS:
        end += 1
    return end


def finite_of_clause(view: SentenceView, cue: Cue) -> int:
    """Return the finite verb of the cue's clause (``hat`` for ``hat ... kritisiert``).

    A cue tagged finite at the end of a clause whose auxiliary or modal came first is the
    participle the tagger misread (``wird mit den Worten zitiert``).
    """
    return clause_finite(view.tokens, cue.token)


def clause_finite(tokens: Sequence[Token], position: int) -> int:
    """Return the finite verb of the clause of the verb at ``position`` (itself if finite)."""
    start = segment_start(tokens, position)
    finites = [i for i in range(start, position) if tokens[i].pos in FINITE]
    if tokens[position].pos in FINITE:
        clause_final = segment_end(tokens, position) == position + 1
        auxiliary = finites and tokens[finites[-1]].pos in {"VAFIN", "VMFIN"}
        return finites[-1] if clause_final and auxiliary and start < finites[-1] else position
    if not finites and tokens[position].pos == "VVPP":
        # the participle stands first: "Besonders kritisiert wurde ...", "Gesagt hat er ..."
        following = position + 1
        if following < segment_end(tokens, position) and tokens[following].pos in FINITE:
            return following
        return _auxiliary_before_list(tokens, start, position)
    return finites[-1] if finites else position


def _auxiliary_before_list(tokens: Sequence[Token], start: int, position: int) -> int:
    """Return the auxiliary before an enumeration the participle ends, or the participle.

    ``Er wurde wegen Gründung einer Vereinigung, Volksverhetzung und ... verurteilt``: the
    commas part a list, not clauses, so the clause's ``wurde`` stands before them.
    """
    while start > 1 and tokens[start - 1].pos == "$,":
        before = segment_start(tokens, start - 2)
        segment = tokens[before : start - 1]
        if any(t.pos in {"KOUS", "PRELS", "PRELAT", "PWAV", "KOUI"} for t in segment):
            break
        auxiliaries = [i for i in range(before, start - 1) if tokens[i].pos in {"VAFIN", "VMFIN"}]
        if auxiliaries:
            return auxiliaries[-1]
        if any(t.pos in FINITE for t in segment):
            break
        start = before
    return position


def speaker_of(view: SentenceView, cue: Cue) -> Range | None:
    """Return the speaker's token range for a verb cue (the subject of its clause).

    In the passive the subject is what is said or who is addressed (``Die Forderungen wurden
    von Stolpe als unrealistisch bezeichnet``, ``Er wurde gefragt``): the speaker is the
    agent after ``von`` or ``durch``, or unnamed. ``X wird zitiert`` names the speaker.
    ``heißt es`` is impersonal: its source is an ``in``-, ``aus``- or ``von``-phrase
    (``In dem Bericht heißt es``, ``hieß es aus dem Verein``).
    """
    if cue.cue_class == "noun":
        return noun_speaker(view.tokens, cue.token)
    tokens = view.tokens
    finite = finite_of_clause(view, cue)
    passive = passive_clause(tokens, cue.token, finite, cue.lemma)
    if passive is not None:
        return _agent(tokens, *passive)
    subject = None if impersonal(tokens, cue, finite) else subject_of(tokens, finite)
    if subject is None and cue.lemma == "heißen":  # "In dem Bericht heißt es": the source
        start = segment_start(tokens, finite)
        while start > 1:  # back over relative clauses: "In X, die ..., heißt es"
            relative = segment_start(tokens, start - 2)
            if relative == 0 or not is_relative_clause(tokens[relative:start]):
                break
            start = segment_start(tokens, relative - 1)
        return _agent(tokens, start, segment_end(tokens, finite), _IN)
    return subject


def passive_clause(
    tokens: Sequence[Token], cue: int, finite: int, lemma: str
) -> tuple[int, int] | None:
    """Return the range of the clause when the cue verb stands in it as a passive participle.

    ``wurde ... kritisiert``, ``Besonders kritisiert wurde``, ``ist ... geplant`` (a state,
    passive too), also a participle the tagger read as finite (``Er wurde ... verurteilt``);
    ``finite`` is the clause's finite verb (:func:`finite_of_clause`).
    """
    participle = tokens[cue].pos == "VVPP" or tokens[cue].pos in FINITE
    if not participle or finite == cue or lemma == "zitieren":  # "X wird zitiert" speaks
        return None
    start = segment_start(tokens, min(finite, cue))
    clause = tokens[start : segment_end(tokens, max(finite, cue))]
    state = tokens[finite].lemma == "sein" and lemma not in _PERFECT_WITH_SEIN
    if tokens[finite].lemma == "werden" or state or any(t.text == "worden" for t in clause):
        return start, max(finite, cue)
    return None


#: Cue verbs that make no passive with "sein": their perfect takes "sein" ("ist davon
#: ausgegangen"), or the participle is the subject's own state ("ist überzeugt, dass").
_PERFECT_WITH_SEIN = frozenset({"ausgehen", "einfallen", "überzeugen"})


def impersonal(tokens: Sequence[Token], cue: Cue, finite: int) -> bool:
    """Whether the cue is ``heißt es``, whose ``es`` names no one.

    After other verbs ``es`` may be the object (``glaube es mir``).
    """
    after = finite + 1
    return cue.lemma == "heißen" and after < len(tokens) and tokens[after].text.lower() == "es"


#: Prepositions before the agent of a passive, and before the text that ``heißt es`` quotes.
_BY = frozenset({"von", "vom", "durch"})
#: Prepositions before the source of an impersonal ``heißt es``: ``In dem Bericht heißt es``,
#: ``hieß es aus dem Verein``, ``von der Polizei hieß es`` (``beim Treffen``: an occasion).
_IN = frozenset({"in", "im", "aus", "von", "vom"})


def _agent(
    tokens: Sequence[Token], start: int, end: int, prepositions: frozenset[str] = _BY
) -> Range | None:
    """Return the agent of a passive clause (``von Stolpe``, ``vom Ministerium``), if named.

    After a noun ``von`` starts an attribute (``in der Nähe von Bergen``); a date is a time
    (``vom 25. März``). With ``_IN``: the source of ``In dem Bericht heißt es``.
    """
    for position in range(start, end):
        if tokens[position].text.lower() not in prepositions:
            continue
        after = noun_phrase_end(tokens, position + 1, end)
        attribute = position > 0 and tokens[position - 1].pos in {"NN", "NE"}
        date = any(t.pos == "CARD" or t.text in _MONTHS for t in tokens[position + 1 : after])
        if after > position + 1 and not attribute and not date:
            return position + 1, after
    return None


_MONTHS = frozenset({
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
})  # fmt: skip


def noun_speaker(tokens: Sequence[Token], noun: int) -> Range | None:
    """Return the speaker attached to a speech noun (``die Warnung des Ministers``)."""
    # "die Forderung der Regierung", "die Warnung von Peskow", "seine Warnung"
    after = noun + 1
    if after < len(tokens) and tokens[after].text.lower() in {"des", "der", "von", "vom"}:
        start = after + 1 if tokens[after].text.lower() in {"von", "vom"} else after
        end = noun_phrase_end(tokens, start)
        if end > start:
            return start, end
    return None
