"""Cues of speech representation: verbs, nouns and prepositions that introduce or narrate speech.

The word lists live in ``toolkit/data/``: ``speech_cue_verbs.txt`` (lemma, medium, flags),
``speech_cue_nouns.txt`` and ``speech_prepositional_cues.txt`` (``laut``, ``zufolge``,
``nach Angaben``, ``so``, ``demnach``). Verbs are matched on HanTa's lemma.

**Separable verbs are one cue.** In ``Er hob hervor, dass ...`` HanTa gives ``hob`` the lemma
``heben`` and tags ``hervor`` as a separated particle (``PTKVZ``). The finite verb and the
particle of its clause are joined to ``hervorheben`` before the lookup, and the cue keeps both
tokens: :attr:`Cue.token` is the verb (the word a reader sees as the cue, and the span stored
as ``ReportedSpeech.cue``), :attr:`Cue.parts` lists the verb *and* the particle, and
:attr:`Cue.lemma` is the dictionary form. Words that belong to a cue (``bezeichnete ... als``,
``verwies ... auf``) are parts too. A verb whose particle makes it another verb
(``führte ... durch``) is no cue, although ``führte ... aus`` is.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Er hob hervor, dass es ernst sei.")
>>> cue = find_cues(doc.sentence_tokens(0))[0]
>>> cue.lemma, cue.token, cue.parts, cue.medium
('hervorheben', 1, (1, 2), 'speech')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from toolkit.model import Token
from toolkit.resources import lines
from toolkit.speech.reader_forms import anonymous_report
from toolkit.speech.roles import is_body_noun, role_of
from toolkit.speech.subjects import FINITE, is_temporal, subject_of

Medium = Literal["speech", "thought", "writing"]
CueClass = Literal["verb", "noun", "prep"]

#: STTS tags that end a clause for the purpose of finding a verb's particle.
CLAUSE_BREAKS = frozenset({"$,", "$."})
#: Verb tags that can carry a cue (finite, participle, infinitives, imperative).
_VERB_TAGS = frozenset({"VVFIN", "VVPP", "VVINF", "VVIZU", "VVIMP"})
_REFLEXIVES = frozenset({"sich", "mich", "dich", "uns", "euch"})
#: Adjectives that join a verb like a particle ("gab bekannt", "stellte klar").
_ADJECTIVE_PARTICLES = frozenset({"bekannt", "klar", "fest", "aufmerksam"})


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One word list entry: lemma, medium and what the cue can do."""

    lemma: str
    medium: Medium
    reported: bool = False
    v2: bool = False
    parts: tuple[str, ...] = ()
    #: a noun that narrates a speech act even without a named speaker ("die Worte")
    alone: bool = False
    #: words without which the verb is no cue ("hält ... für": an opinion; "hält" alone is not)
    required: tuple[str, ...] = ()
    #: with a zu-infinitive in its clause the verb is an auxiliary, no cue ("drohte einzustürzen",
    #: "weiß zu schätzen")
    not_with_zu: bool = False


@dataclass(frozen=True, slots=True)
class PrepositionalCue:
    """A preposition or adverb that attributes a statement (``laut``, ``X zufolge``)."""

    words: tuple[str, ...]
    position: Literal["before", "after", "so", "alone"]
    medium: Medium


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a sentence; token positions are indices into the sentence's tokens."""

    cue_class: CueClass
    token: int
    parts: tuple[int, ...]
    lemma: str
    medium: Medium
    reported: bool = False
    v2: bool = False
    position: str | None = None
    alone: bool = False


def _parse_entry(line: str) -> CueEntry:
    lemma, medium, *flags = line.split()
    return CueEntry(
        lemma=lemma.replace("_", " "),
        medium=medium,  # type: ignore[arg-type]
        reported="r" in flags,
        v2="v2" in flags,
        parts=tuple(flag[1:] for flag in flags if flag.startswith("+")),
        alone="R" in flags,
        required=tuple(flag[1:] for flag in flags if flag.startswith("=")),
        not_with_zu="-zu" in flags,
    )


@cache
def cue_verbs() -> dict[str, CueEntry]:
    """Return the verb cues by lemma (``"sich fragen"`` for reflexive entries).

    Examples
    --------
    >>> entry = cue_verbs()["bezeichnen"]
    >>> entry.medium, entry.reported, entry.parts
    ('speech', True, ('als',))
    """
    return {entry.lemma: entry for entry in map(_parse_entry, lines("speech_cue_verbs"))}


@cache
def cue_nouns() -> dict[str, CueEntry]:
    """Return the noun cues by lower-cased lemma (``äußerung``, ``forderung``, ...)."""
    return {entry.lemma.lower(): entry for entry in map(_parse_entry, lines("speech_cue_nouns"))}


@cache
def prepositional_cues() -> tuple[PrepositionalCue, ...]:
    """Return the prepositional cues, longest first (so ``nach eigenen Angaben`` wins)."""
    cues = []
    for line in lines("speech_prepositional_cues"):
        *words, position, medium = line.split()
        cues.append(PrepositionalCue(tuple(w.lower() for w in words), position, medium))  # type: ignore[arg-type]
    return tuple(sorted(cues, key=lambda cue: -len(cue.words)))


@cache
def _longest_noun() -> int:
    return max((len(noun) for noun in cue_nouns()), default=0)


def noun_entry(lemma: str) -> CueEntry | None:
    """Return the noun cue for a noun, also for compounds (``Regierungserklärung``).

    Examples
    --------
    >>> noun_entry("Regierungserklärung").lemma, noun_entry("Wetter") is None
    ('Erklärung', True)
    """
    key = lemma.lower()
    nouns = cue_nouns()
    if key in nouns:
        return nouns[key]
    # no entry is longer than the longest noun: a 100,000-letter token tries a few endings,
    # not 100,000 ever longer ones
    for size in range(min(len(key) - 3, _longest_noun()), 4, -1):
        entry = nouns.get(key[-size:])
        if entry is not None:
            return entry
    return None


_COORDINATORS = frozenset({"und", "oder", "aber", "sondern", "doch", "denn"})
_FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})


def coordinates_clause(tokens: Sequence[Token], position: int) -> bool:
    """Whether ``tokens[position]`` joins a new verb to the clause (``... und meinte``).

    ``Er warnte vor den Koffern und meinte: ...``: ``warnte`` and ``meinte`` are two clauses,
    so what follows the colon is what ``meinte`` says, and ``warnte`` narrates.

    Examples
    --------
    >>> from toolkit import analyse
    >>> tokens = analyse("Er lachte und sagte nichts.").sentence_tokens(0)
    >>> [coordinates_clause(tokens, i) for i in range(len(tokens))]
    [False, False, True, False, False, False]
    """
    token = tokens[position]
    if token.pos != "KON" or token.text.lower() not in _COORDINATORS:
        return False
    following = position + 1
    if following < len(tokens) and tokens[following].pos == "ADV":
        following += 1  # "und dann fragte"
    return following < len(tokens) and tokens[following].pos in _FINITE_TAGS


def is_clause_break(tokens: Sequence[Token], position: int) -> bool:
    """Whether a clause ends before ``tokens[position]`` (comma, sentence mark, ``und`` + verb)."""
    return tokens[position].pos in CLAUSE_BREAKS or coordinates_clause(tokens, position)


def segment_end(tokens: Sequence[Token], start: int) -> int:
    """Return the position of the next clause break from ``start`` (or the end).

    A clause break is a comma, a sentence mark or a conjunction before a new finite verb
    (:func:`is_clause_break`); ``segment_end(tokens, i + 1)`` ends the clause holding ``i``.
    """
    end = start
    while end < len(tokens) and not is_clause_break(tokens, end):
        end += 1
    return end


def segment_start(tokens: Sequence[Token], position: int) -> int:
    """Return the first position after the clause break before ``position``."""
    start = position
    while start > 0 and not is_clause_break(tokens, start - 1):
        start -= 1
    return start


def find_cues(tokens: Sequence[Token]) -> list[Cue]:
    """Return the verb, noun and prepositional cues of one tagged sentence, in text order."""
    prepositional = _prepositional_cues(tokens)
    inside = {part for cue in prepositional for part in cue.parts}  # "seiner Meinung nach"
    cues = [
        cue
        for i in range(len(tokens))
        if i not in inside and (cue := _cue_at(tokens, i)) is not None
    ]
    # "Dem Verband zufolge droht ein Einbruch": the source says what looms, "droht" says nothing
    cues = [cue for cue in cues if not _looming(tokens, cue)]
    return sorted(cues + prepositional, key=lambda cue: cue.token)


def _looming(tokens: Sequence[Token], cue: Cue) -> bool:
    """Whether ``drohen`` says that something looms, not that someone threatens.

    ``Ihm drohen 20 Jahre Haft``, ``Jetzt droht ein Streik``: no ``mit`` (``drohte mit
    Konsequenzen``), no clause after it (``drohte, er werde Raketen starten``) and no person
    or body for its subject (``Putin hatte dem Westen gedroht``). On the train portions, of
    all the rules' instances with ``drohen`` 0 of 16 (WikiNews) and 1 of 9 (Redewiedergabe)
    overlapped gold speech.
    """
    if cue.lemma != "drohen" or cue.cue_class != "verb":
        return False
    start, end = segment_start(tokens, cue.token), segment_end(tokens, cue.token + 1)
    if any(tokens[k].text.lower() == "mit" for k in range(start, end)):
        return False
    if end < len(tokens) and tokens[end].pos != "$.":
        return False
    finite = next((k for k in range(start, end) if tokens[k].pos in FINITE), None)
    subject = subject_of(tokens, finite) if finite is not None else None
    if subject is None:
        return True
    head = tokens[subject[1] - 1]
    # "Putin hatte dem Westen gedroht", "Er drohte": a person or body threatens
    return not (head.pos in {"NE", "PPER"} or role_of(head.text) or is_body_noun(head.text))


def _cue_at(tokens: Sequence[Token], i: int) -> Cue | None:
    token = tokens[i]
    if token.pos in _VERB_TAGS:
        return _verb_cue(tokens, i)
    if token.pos == "NN":
        if (
            0 < i < len(tokens) - 1
            and tokens[i + 1].text.lower() == "nach"
            and tokens[i - 1].pos == "PPOSAT"
            and _source_noun(token)
        ):
            return None  # "die seiner Meinung nach wachsenden Gefahren": a source, no act
        entry = noun_entry(token.lemma or token.text)
        if entry is not None:
            return Cue(
                "noun", i, (i,), entry.lemma, entry.medium, entry.reported, alone=entry.alone
            )
    return None


def _verb_cue(tokens: Sequence[Token], i: int) -> Cue | None:
    lemma = (tokens[i].lemma or tokens[i].text).lower()
    verbs = cue_verbs()
    parts = [i]
    if tokens[i].pos == "VVFIN" or tokens[i].pos == "VVIMP":
        particle = _particle(tokens, i)
        if particle is not None:
            particle_text = tokens[particle].text.lower()
            if lemma.startswith(particle_text) and len(lemma) > len(particle_text):
                # the tagger joins the particle already ("teilte ... mit": mitteilen)
                lemma = lemma[len(particle_text) :]
            joined = particle_text + lemma
            if joined in verbs or f"sich {joined}" in verbs:
                lemma = joined
                parts.append(particle)
            elif tokens[particle].text.lower() != "weiter":  # "sagte weiter": goes on saying
                return None
    if len(parts) == 1 and i > 0 and tokens[i - 1].text.lower() in _ADJECTIVE_PARTICLES:
        joined = tokens[i - 1].text.lower() + lemma  # "wie das Ministerium bekannt gab"
        if joined in verbs:
            lemma = joined
            parts.append(i - 1)
    end = segment_end(tokens, i + 1)
    start = segment_start(tokens, i)
    reflexive = any(tokens[k].text.lower() in _REFLEXIVES for k in range(start, end))
    if reflexive and f"sich {lemma}" in verbs:
        lemma = f"sich {lemma}"
    entry = verbs.get(lemma)
    if entry is None or (entry.not_with_zu and _zu_infinitive_in(tokens, start, end)):
        return None
    if lemma == "nennen" and _naming_participle(tokens, i, start, end):
        return None  # "Zebroide, auch Zebra-Pferde genannt": a name, no speech act
    if lemma == "fordern" and _claims_lives(tokens, i, start, end):
        return None  # "Das Erdbeben hat 65 Menschenleben gefordert": no one demands
    for word in entry.required:  # before the verb too: "für verdächtig zu halten"
        found = _find_part(tokens, start - 1, end, word)
        if found is None:
            return None
        parts.append(found)
    for word in entry.parts:
        found = _find_part(tokens, i, end, word)
        if found is not None:
            parts.append(found)
    return Cue(
        "verb",
        i,
        tuple(sorted(parts)),
        entry.lemma,
        entry.medium,
        entry.reported,
        entry.v2,
    )


#: What a disaster "fordert" (claims): ``forderte 65 Menschenleben / Todesopfer``.
_CLAIMED = ("leben", "opfer", "tote", "toten", "verletzte", "verletzten")


def _claims_lives(tokens: Sequence[Token], i: int, start: int, end: int) -> bool:
    """Whether ``fordern`` has lives or victims for its object (a disaster claimed them).

    Victims are counted (``65 Menschenleben``, ``zwölf Todesopfer``, ``zahlreiche Tote``)
    and stand where the object does: after a finite verb, before a participle. ``Die
    Familien der 65 Opfer forderten Aufklärung`` is a demand.
    """
    before = tokens[i].pos not in {"VVFIN", "VVIMP"}
    return any(
        tokens[k].pos in {"NN", "NNA"}
        and tokens[k].text.lower().endswith(_CLAIMED)
        and (
            tokens[k].text.lower().endswith("menschenleben")
            or (k > 0 and tokens[k - 1].pos in {"CARD", "PIAT", "PIDAT", "ADJA"})
        )
        for k in (range(start, i) if before else range(i + 1, end))
    )


def _naming_participle(tokens: Sequence[Token], i: int, start: int, end: int) -> bool:
    """Whether ``genannt`` gives a name in a participle phrase (``auch X genannt``)."""
    return tokens[i].pos == "VVPP" and not any(
        tokens[k].pos in {"VAFIN", "VMFIN", "VVFIN"} for k in range(start, end)
    )


def _zu_infinitive_in(tokens: Sequence[Token], start: int, end: int) -> bool:
    return any(
        token.pos == "VVIZU" or (token.pos == "PTKZU" and k + 1 < end)
        for k, token in enumerate(tokens[start:end], start)
    )


def _particle(tokens: Sequence[Token], i: int) -> int | None:
    # The separated particle stands at the end of the verb's own clause.
    for k in range(i + 1, segment_end(tokens, i + 1)):
        if tokens[k].pos == "PTKVZ":
            return k
    end = segment_end(tokens, i + 1)
    after_apposition = _after_apposition(tokens, end)
    if after_apposition is not None:  # "teilte Peter Müller, Sprecher der Polizei, mit"
        for k in range(after_apposition, segment_end(tokens, after_apposition)):
            if tokens[k].pos == "PTKVZ":
                return k
    last = end - 1
    if last > i and tokens[last].text.lower() in _ADJECTIVE_PARTICLES:
        joined = tokens[last].text.lower() + (tokens[i].lemma or "").lower()
        if joined in cue_verbs():
            return last
    return None


#: Tags that make a comma segment more than an apposition (a verb, a clause opener).
_NO_APPOSITION = frozenset({"KOUS", "KON", "PRELS", "PRELAT", "PWS", "PWAV", "PTKVZ", "PTKZU"})


def _after_apposition(tokens: Sequence[Token], comma: int) -> int | None:
    """Return where the clause goes on after an apposition that starts at ``comma``, if any.

    ``ruft die Vereinigung, eine Gruppe in Rangun, alle Mönche dazu auf``: the segment
    between the commas is a noun phrase (no verb, no clause opener) and the clause goes on.
    """
    if comma + 2 >= len(tokens) or tokens[comma].pos != "$,":
        return None
    close = segment_end(tokens, comma + 1)
    if close + 1 >= len(tokens) or tokens[close].pos != "$," or close - comma > 8:
        return None
    inside = tokens[comma + 1 : close]
    if not any(t.pos in {"NN", "NE"} for t in inside) or any(
        t.pos.startswith("V") or t.pos in _NO_APPOSITION for t in inside
    ):
        return None
    return close + 1


def _find_part(tokens: Sequence[Token], i: int, end: int, word: str) -> int | None:
    forms = {word, f"da{word}", f"dar{word}"}
    for k in range(i + 1, end):
        if tokens[k].text.lower() in forms:
            return k
    return None


@cache
def source_nouns() -> dict[str, Medium]:
    """Return the nouns that name a source after ``nach`` (lower case) with their medium."""
    return {
        noun.lower(): medium  # type: ignore[misc]
        for noun, medium in (line.split() for line in lines("speech_source_nouns"))
    }


def source_preposition(tokens: Sequence[Token], first: int, end: int) -> str | None:
    """Return the word that makes ``tokens[first:end]`` a source (``None``: none).

    ``laut``, ``gemäß`` or ``nach`` before it, ``zufolge`` after it.

    Examples
    --------
    >>> from toolkit import analyse
    >>> words = analyse("Laut Polizei kam er. Der Polizei zufolge kam er.").tokens
    >>> source_preposition(words, 1, 2), source_preposition(words, 5, 7)
    ('laut', 'zufolge')
    """
    before = tokens[first - 1].text.lower() if first > 0 else ""
    if before in _SOURCE_PREPOSITIONS:
        return before
    return "zufolge" if end < len(tokens) and tokens[end].text.lower() == "zufolge" else None


#: Prepositions that introduce a source (``laut vorläufigem Ergebnis``).
_SOURCE_PREPOSITIONS = frozenset({"laut", "nach", "gemäß"})


def unnamed_source(words: Sequence[Token]) -> bool:
    """Whether a source names no one: ``Berichten``, ``ersten Angaben`` (not ``eigenen``).

    Examples
    --------
    >>> from toolkit import analyse
    >>> unnamed_source(analyse("Berichten zufolge").tokens[:1])
    True
    >>> unnamed_source(analyse("einer Pressemitteilung").tokens)
    True
    >>> unnamed_source(analyse("einer dpa-Meldung").tokens)
    False
    """
    cut = next((k for k, t in enumerate(words) if t.text.lower() in {"vom", "von"}), len(words))
    if cut < len(words) and is_temporal(words[cut + 1 :]):
        words = words[:cut]  # "Informationen vom späten Abend": when, not whose
    nouns = [t for t in words if t.pos in {"NN", "NE"}]
    return (
        bool(nouns)
        # "Angaben", and reports that name no one ("einer Pressemitteilung"); not
        # "Polizeiangaben", "einer dpa-Meldung"
        and all(t.text.lower() in source_nouns() or anonymous_report(t.text) for t in nouns)
        and not any(t.pos == "PPOSAT" or t.text.lower().startswith("eigen") for t in words)
    )


def _source_noun(token: Token) -> Medium | None:
    if token.pos not in {"NN", "NE"}:
        return None
    key = token.text.lower()
    nouns = source_nouns()
    # "Polizeiangaben" -> "angaben"; no ending longer than the longest noun is tried
    for size in range(min(len(key), _longest_source()), 3, -1):
        if key[-size:] in nouns:
            return nouns[key[-size:]]
    return None


@cache
def _longest_source() -> int:
    return max((len(noun) for noun in source_nouns()), default=0)


_SOURCE_MODIFIERS = frozenset({"ART", "PPOSAT", "PRELAT", "PDAT", "ADJA", "PIAT", "PIDAT"})


def is_genitive_name(tokens: Sequence[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is a name in the genitive before a noun (``Celebis Angaben``).

    A given name may come first (``nach Angela Merkels Worten``).
    """
    token = tokens[k]
    if token.pos != "NE" or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1]
    if following.pos == "NE":
        return is_genitive_name(tokens, k + 1)
    return token.text.endswith("s") and len(token.text) > 3 and following.pos == "NN"


def _nach_cues(tokens: Sequence[Token], taken: set[int]) -> list[Cue]:
    """``nach (ersten) Angaben``, ``nach Polizeiangaben``; ``seiner Meinung nach``."""
    found = []
    for i, token in enumerate(tokens):
        if token.text.lower() != "nach" or i in taken:
            continue
        k = i + 1
        while (
            k < len(tokens)
            and k - i <= 3
            and (tokens[k].pos in _SOURCE_MODIFIERS or is_genitive_name(tokens, k))
        ):
            k += 1  # "nach ersten Angaben", "nach Celebis Angaben"
        medium = _source_noun(tokens[k]) if k < len(tokens) else None
        if medium and tokens[i + 1].pos != "PRELS":  # "nach denen": a relative clause
            found.append(Cue("prep", i, tuple(range(i, k + 1)), "nach", medium, position="before"))
            taken.update(range(i, k + 1))
            continue
        k = i - 1  # the postponed "nach": "seiner Meinung nach", "dem Vernehmen nach"
        if (
            k >= 1
            and (medium := _source_noun(tokens[k]))
            and tokens[k - 1].pos in {"PPOSAT", "ART", "ADJA"}
        ):
            start = k - 1
            # back over adjectives to the determiner, which opens the phrase: in "die seiner
            # Meinung nach wachsenden Gefahren" the article belongs to "Gefahren"
            while (
                start > 0
                and tokens[start].pos not in {"PPOSAT", "ART"}
                and tokens[start - 1].pos in _SOURCE_MODIFIERS
            ):
                start -= 1
            attributive = (
                i + 1 < len(tokens)
                and tokens[i + 1].pos == "ADJA"
                and start > 0
                and tokens[start - 1].pos in {"ART", "APPRART"}
            )
            if attributive:  # "die seiner Meinung nach wachsenden Gefahren": inside a noun
                continue
            found.append(
                Cue("prep", i, tuple(range(start, i + 1)), "nach", medium, position="alone")
            )
            taken.update(range(start, i + 1))
    return found


def _prepositional_cues(tokens: Sequence[Token]) -> list[Cue]:
    found: list[Cue] = []
    taken: set[int] = set()
    lowered = [token.text.lower() for token in tokens]
    for cue in prepositional_cues():
        size = len(cue.words)
        for i in range(len(tokens) - size + 1):
            if tuple(lowered[i : i + size]) != cue.words or taken & set(range(i, i + size)):
                continue
            if not _plausible_preposition(tokens, i, size, cue):
                continue
            taken.update(range(i, i + size))
            main = i + size - 1 if cue.position == "after" else i
            found.append(
                Cue(
                    "prep",
                    main,
                    tuple(range(i, i + size)),
                    " ".join(cue.words),
                    cue.medium,
                    position=cue.position,
                )
            )
    found.extend(_nach_cues(tokens, taken))
    return found


#: Tags that can start the source after "laut", "so", "nach Angaben".
NOUN_PHRASE_STARTS = frozenset(
    {"ART", "NE", "NN", "FM", "PPOSAT", "ADJA", "PIAT", "PDAT", "CARD", "APPR", "APPRART", "PPER"}
)


def _plausible_preposition(
    tokens: Sequence[Token], i: int, size: int, cue: PrepositionalCue
) -> bool:
    after = tokens[i + size] if i + size < len(tokens) else None
    if cue.position == "before":
        if after is None or after.pos not in NOUN_PHRASE_STARTS - {"PPER"}:
            return False
        return cue.words != ("laut",) or tokens[i].pos in {"APPR", "APPO"}
    if cue.position == "after":
        return i > 0 and tokens[i - 1].pos in {"NN", "NE", "FM", "PPER", "PDS", "PIS"}
    if cue.position == "so":
        before = tokens[i - 1] if i > 0 else None
        return (
            (before is None or before.pos in {"$,", "$(", "$."} or before.text in {"“", '"', "«"})
            and after is not None
            and after.pos in {"ART", "NE", "NN", "PPOSAT", "ADJA", "FM", "PIAT"}
        )
    return True
