"""Speakers: who says it (the mention as written) and who that is (resolved to a name).

Finding the mention uses the STTS tags of the cue's clause:

- a verb-second clause whose first part is a noun phrase or pronoun has its subject there
  (``Dmitri Peskow, Sprecher des Kremls, bezeichnete ...``);
- otherwise the subject is the first nominative noun phrase after the finite verb
  (``Zuvor hatte Stoltenberg ... erklärt``, ``erklärte der Kremlchef``); phrases in the
  dative or accusative (``dem Westen``) are skipped;
- prepositional cues name their source next to them (``laut der Polizei``, ``der Polizei
  zufolge``, ``nach Angaben des Ministeriums``, ``so Peskow``).

Resolving maps pronouns (``er``) and role nouns (``der Nato-Generalsekretär``, ``der
Kremlchef``) to the most recent compatible named speaker; :class:`SpeakerResolver` keeps that
history while the speech stage walks through the text. Named mentions resolve to their last
name (``Nato-Generalsekretär Jens Stoltenberg`` -> ``Stoltenberg``), other noun phrases to the
phrase without its article (``Der Kreml`` -> ``Kreml``).

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Zuvor hatte Stoltenberg in der Zeitung erklärt, dass es so sei.")
>>> tokens = doc.sentence_tokens(0)
>>> start, end = subject_of(tokens, 1)
>>> [t.text for t in tokens[start:end]]
['Stoltenberg']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from toolkit.model import Token
from toolkit.resources import lines

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: Words that may stand before the subject in the first position ("Auch der Botschafter").
_FOCUS = frozenset({"auch", "selbst", "sogar", "nur", "gerade", "ausgerechnet", "vor", "allem"})
_NOMINATIVE_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
#: Conjunctions the tagger may take for prepositions ("Als ... sagte").
_SUBORDINATORS = frozenset({"als", "wenn", "nachdem", "während", "weil", "bevor", "seit"})
_OBLIQUE_DETERMINERS = frozenset(
    {
        "dem",
        "den",
        "des",
        "einem",
        "einen",
        "eines",
        "einer",
        "diesem",
        "diesen",
        "dieses",
        "seinem",
        "seinen",
        "seines",
        "ihrem",
        "ihren",
        "ihres",
        "jenem",
        "jenen",
    }
)
_FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "ur")
_NOUNS = frozenset({"NN", "NE", "FM", "TRUNC"})


def _is_noun(token: Token) -> bool:
    # the tagger may call a quotation mark or a dash foreign material (FM)
    return token.pos in _NOUNS and token.text[:1].isalnum()


_NP_PREFIX = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PWAT", "ADJA", "CARD"})
_GENITIVE_DETERMINERS = frozenset({"des", "der", "eines", "einer"})
_QUOTE_TEXTS = frozenset("„“”\"'‚‘’»«›‹")
_NAME_TAGS = frozenset({"NN", "NE", "FM", "ART", "ADJA", "CARD", "APPR", "KON"})


def _is_quote(token: Token) -> bool:
    return token.text in _QUOTE_TEXTS


def noun_phrase_end(tokens: Sequence[Token], start: int, limit: int | None = None) -> int:
    """Return the end (exclusive) of the noun phrase starting at ``start``; ``start`` if none.

    A phrase is determiners and adjectives, one or more nouns or names (``Präsident Putin``,
    ``Nato-Generalsekretär Jens Stoltenberg``), quoted names and genitive attributes
    (``Sprecher des Kremls``).
    """
    limit = len(tokens) if limit is None else limit
    i = start
    if i < limit and tokens[i].pos in {"PPER", "PDS", "PIS", "PRELS"}:
        return i + 1
    if i < limit and _is_quote(tokens[i]):  # a quoted name: „Die Welt“ berichtete
        close = next((k for k in range(i + 1, min(limit, i + 7)) if _is_quote(tokens[k])), None)
        inside = tokens[i + 1 : close] if close is not None else ()
        if inside and inside[0].text[:1].isupper() and all(t.pos in _NAME_TAGS for t in inside):
            return _nominal(tokens, close + 1, limit) if close + 1 < limit else close + 1
    i = _nominal(tokens, i, limit)
    if i == start:
        return start
    while i < limit and tokens[i].text.lower() in _GENITIVE_DETERMINERS:
        after = _nominal(tokens, i, limit)
        if after == i:
            break
        i = after
    return i


def _nominal(tokens: Sequence[Token], start: int, limit: int) -> int:
    i = start
    while i < limit and tokens[i].pos in _NP_PREFIX:
        i += 1
    nouns = i
    while i < limit:
        if _is_noun(tokens[i]):
            i += 1
            continue
        if _is_quote(tokens[i]):  # a quoted name inside the phrase: das „Petit Journal“
            j = i + 1
            while j < limit and (_is_noun(tokens[j]) or tokens[j].pos in {"ART", "ADJA"}):
                j += 1
            if j > i + 1 and j < limit and _is_quote(tokens[j]):
                i = j + 1
                continue
        break
    return i if i > nouns else start


def nominative_start(token: Token, noun: Token | None) -> bool:
    """Return whether a phrase starting with ``token`` (head ``noun``) can be a subject."""
    word = token.text.lower()
    if token.pos == "PPER":
        return word in _NOMINATIVE_PRONOUNS
    if word in _OBLIQUE_DETERMINERS:
        return False
    return not (
        word == "der" and noun is not None and noun.text.lower().endswith(_FEMININE_SUFFIXES)
    )


def subject_of(tokens: Sequence[Token], finite: int) -> tuple[int, int] | None:
    """Return the token range of the subject of the finite verb ``tokens[finite]``.

    The impersonal ``es`` (``es heißt``, ``hieß es``) is no speaker: ``None``.
    """
    found = _subject(tokens, finite)
    if found is not None and found[1] - found[0] == 1 and tokens[found[0]].text.lower() == "es":
        return None
    return found


def _subject(tokens: Sequence[Token], finite: int) -> tuple[int, int] | None:
    start = _main_clause_start(tokens, finite)
    first = start
    while first < finite and (tokens[first].text.lower() in _FOCUS or _is_quote(tokens[first])):
        first += 1  # "Auch der Botschafter", "„Er rief ..."
    verb_final = finite + 1 >= len(tokens) or tokens[finite + 1].pos in {"$,", "$."}
    subordinate = tokens[first].pos in {"KOUS", "PWAV", "KOKOM", "PRELS", "PRELAT"} or (
        verb_final and tokens[first].text.lower() in _SUBORDINATORS  # "Als X sagte, ..."
    )
    if first < finite and subordinate:
        # a subordinate clause: "wie Peskow sagte", "der sagte"
        if tokens[first].pos == "PRELS":
            return first, first + 1
        return _first_subject(tokens, first + 1, finite)
    if first < finite:
        end = noun_phrase_end(tokens, first, finite)
        last = _apposition_end(tokens, end, finite) if end > first else None
        if last is not None and nominative_start(tokens[first], _head(tokens, first, end)):
            return first, last  # with its apposition, as written
    found = _first_subject(tokens, finite + 1, _clause_limit(tokens, finite))
    if found is None and finite > 0 and tokens[finite - 1].pos == "KON":
        # "Podolski war anwesend und sagte ...": the subject of the first verb
        earlier = [i for i in range(finite - 1) if tokens[i].pos in FINITE]
        if earlier:
            return _subject(tokens, earlier[-1])
    return found


def subject_after(tokens: Sequence[Token], finite: int) -> tuple[int, int] | None:
    """Return the subject after the finite verb (``Dies bestätigte der Minister``)."""
    return _first_subject(tokens, finite + 1, _clause_limit(tokens, finite))


def _main_clause_start(tokens: Sequence[Token], finite: int) -> int:
    # Back over commas only while the part before is an apposition ("Peskow, Sprecher des
    # Kremls, bezeichnete") rather than a clause of its own.
    start = finite
    while start > 0 and tokens[start - 1].pos not in {"$,", "$."}:
        start -= 1
    while start > 1 and tokens[start - 1].pos == "$,":
        before = start - 2
        while before > 0 and tokens[before - 1].pos not in {"$,", "$."}:
            before -= 1
        segment = tokens[before : start - 1]
        if _relative_clause(segment) and before > 1 and tokens[before - 1].pos == "$,":
            start = before  # "Der 84-jährige Küng, der als Kritiker gilt, hofft"
            continue
        if any(t.pos in FINITE or t.pos in {"KOUS", "PRELS", "PWAV"} for t in segment):
            break
        if not segment or not (segment[0].pos in _NP_PREFIX or _is_noun(segment[0])):
            break
        start = before
    return start


def _relative_clause(segment: Sequence[Token]) -> bool:
    return bool(segment) and (
        segment[0].pos in {"PRELS", "PRELAT"}
        or (
            len(segment) > 1 and segment[0].pos in {"APPR", "APPRART"} and segment[1].pos == "PRELS"
        )
    )


def _apposition_end(tokens: Sequence[Token], end: int, finite: int) -> int | None:
    """Return where the subject with its appositions ends, if only they stand before the verb.

    Appositive phrases (``, Sprecher des Kremls,``) and prepositional attributes (``in
    Berlin``) belong to the mention; a relative clause (``, der als Kritiker gilt,``) is
    skipped and left out. ``None`` if anything else stands before the verb.
    """
    i, last = end, end
    while i < finite:
        if tokens[i].pos == "$,":
            segment_end = i + 1
            while segment_end < finite and tokens[segment_end].pos != "$,":
                segment_end += 1
            if _relative_clause(tokens[i + 1 : segment_end]):
                i = segment_end
                continue
            i += 1
            continue
        start = i + 1 if tokens[i].pos in {"APPR", "APPRART"} else i
        after = noun_phrase_end(tokens, start, finite)
        if after == start:
            return None
        i = last = after
    return last


def _head(tokens: Sequence[Token], start: int, end: int) -> Token | None:
    nouns = [tokens[k] for k in range(start, end) if _is_noun(tokens[k])]
    return nouns[0] if nouns else None


def _clause_limit(tokens: Sequence[Token], finite: int) -> int:
    end = finite + 1
    while end < len(tokens) and tokens[end].pos not in {"$,", "$.", "KOUS"}:
        end += 1
    return end


def _first_subject(tokens: Sequence[Token], start: int, limit: int) -> tuple[int, int] | None:
    i = start
    while i < limit:
        token = tokens[i]
        if token.pos == "PPER":
            if token.text.lower() in _NOMINATIVE_PRONOUNS:
                return i, i + 1
            i += 1
            continue
        if token.pos in {"APPR", "APPRART"}:
            i = max(noun_phrase_end(tokens, i + 1, limit), i + 1)
            continue
        end = noun_phrase_end(tokens, i, limit)
        if end > i:
            if nominative_start(token, _head(tokens, i, end)):
                return i, end
            i = end
            continue
        i += 1
    return None


def noun_phrase_before(tokens: Sequence[Token], end: int) -> tuple[int, int] | None:
    """Return the noun phrase that ends just before ``end`` (the source of ``X zufolge``)."""
    start = end
    while start > 0 and (
        _is_noun(tokens[start - 1])
        or tokens[start - 1].pos in _NP_PREFIX
        or _is_quote(tokens[start - 1])
    ):
        start -= 1
    while start < end and not (tokens[start].pos in _NP_PREFIX or _is_noun(tokens[start])):
        start += 1
    return (start, end) if start < end else None


@cache
def role_nouns() -> tuple[str, ...]:
    """Return the role nouns (lower case), longest first."""
    entries = {entry.lower().lstrip("=") for entry in lines("speech_role_nouns")}
    return tuple(sorted(entries, key=len)[::-1])


@cache
def _whole_word_roles() -> frozenset[str]:
    # "=Zeuge": no compound ending ("Fahrzeuge" names no witness)
    return frozenset(e.lower()[1:] for e in lines("speech_role_nouns") if e.startswith("="))


def role_of(word: str) -> str | None:
    """Return the role a noun names, or ``None``: compounds and feminine forms are found.

    Examples
    --------
    >>> role_of("Nato-Generalsekretär"), role_of("UN-Botschafterin"), role_of("Haltung")
    ('generalsekretär', 'botschafter', None)
    """
    key = word.lower().rsplit("-", 1)[-1]
    candidates = [key, key[:-2]] if key.endswith("in") else [key]
    for candidate in candidates:
        for role in role_nouns():
            if candidate.endswith(role) and (candidate == role or role not in _whole_word_roles()):
                return role
    return None


@dataclass
class _Entity:
    name: str
    roles: set[str] = field(default_factory=set)
    person: bool = True
    feminine: bool = False
    seen: int = 0


class SpeakerResolver:
    """Resolve speaker mentions while walking through a text, sentence by sentence.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Nato-Generalsekretär Jens Stoltenberg sprach. Der Generalsekretär sagte es.")
    >>> resolver = SpeakerResolver()
    >>> first = doc.sentence_tokens(0)
    >>> resolver.observe(first)
    >>> resolver.resolve(first[0:3])
    'Stoltenberg'
    >>> resolver.resolve(doc.sentence_tokens(1)[0:2])
    'Stoltenberg'
    """

    def __init__(self) -> None:
        self.entities: dict[str, _Entity] = {}
        self.history: list[_Entity] = []
        self.names_seen = 0

    def observe(self, tokens: Sequence[Token]) -> None:
        """Learn names and their roles from a sentence (``Präsident Putin``, ``X, Sprecher``)."""
        i = 0
        while i < len(tokens):
            if tokens[i].pos != "NE":
                i += 1
                continue
            end = i
            while end < len(tokens) and tokens[end].pos == "NE":
                end += 1
            entity = self._entity(tokens[end - 1].text)
            self.names_seen += 1
            entity.seen = self.names_seen
            for k in range(max(0, i - 3), i):
                role = role_of(tokens[k].text) if tokens[k].pos == "NN" else None
                if role:
                    entity.roles.add(role)
            if end + 1 < len(tokens) and tokens[end].pos == "$,":
                after = noun_phrase_end(tokens, end + 1)
                for k in range(end + 1, after):
                    role = role_of(tokens[k].text) if tokens[k].pos == "NN" else None
                    if role:
                        entity.roles.add(role)
                        break
            i = end

    def _entity(self, name: str) -> _Entity:
        if name.endswith("s") and name[:-1] in self.entities:
            name = name[:-1]
        return self.entities.setdefault(name, _Entity(name))

    def resolve(self, mention: Sequence[Token]) -> str | None:
        """Return the resolved speaker of a mention and remember it as the latest speaker.

        A pronoun with no speaker before it to refer to stays as written (``Sie``).
        """
        entity = self._lookup(mention)
        if entity is not None:
            self.history.append(entity)
            return entity.name
        words = [t.text for t in mention if t.pos != "$," and not _is_quote(t)]
        return " ".join(words) or None

    def latest(self) -> str | None:
        """Return the most recent resolved speaker."""
        return self.history[-1].name if self.history else None

    def _lookup(self, mention: Sequence[Token]) -> _Entity | None:
        with_commas = [t for t in mention if not _is_quote(t)]
        words = [t for t in with_commas if t.pos != "$,"]
        if not words:
            return None
        first = words[0].text.lower()
        if len(words) == 1 and words[0].pos in {"PPER", "PRELS", "PDS", "PPOSAT"}:
            if first in {"er", "der"} or first.startswith("sein"):
                return self._recent(lambda e: e.person and not e.feminine)
            if first in {"sie", "die"} or first.startswith("ihr"):
                return self._recent(lambda e: e.feminine or not e.person) or self._recent(
                    lambda e: True
                )
            return _Entity(words[0].text, person=False)
        run = _name_run(with_commas)
        if run and not (len(run) == 1 and run[0].text in {"Nato", "EU", "UN"}):
            return self._entity(run[-1].text)
        nouns = [t for t in words if _is_noun(t)]
        role = role_of(nouns[0].text) if nouns else None
        if role and first in {"der", "die", "dieser", "diese"}:
            known = (
                self._recent(lambda e: role in e.roles)
                or self._named_with_role(role)
                or self._recent(lambda e: e.person)
            )
            if known is not None:
                known.roles.add(role)
                known.feminine = known.feminine or nouns[0].text.lower().endswith("in")
                return known
        head = with_commas[: next((i for i, t in enumerate(with_commas) if t.pos == "$,"), None)]
        start = 1 if head[0].pos == "ART" else 0
        name = " ".join(t.text for t in head[start:])
        entity = self.entities.setdefault(name, _Entity(name, person=role is not None))
        return entity

    def _named_with_role(self, role: str) -> _Entity | None:
        # a person named with this role earlier, even if not yet as a speaker
        named = [e for e in self.entities.values() if role in e.roles and e.seen]
        return max(named, key=lambda e: e.seen) if named else None

    def _recent(self, test) -> _Entity | None:  # type: ignore[no-untyped-def]
        for entity in reversed(self.history[-8:]):
            if test(entity):
                return entity
        return None


def _name_run(words: Sequence[Token]) -> list[Token]:
    """Return the first run of names that is not inside an attribute of the phrase.

    ``Nato-Generalsekretär Jens Stoltenberg`` -> Jens Stoltenberg; in ``ein Sprecher in
    Berlin`` or ``der Sprecher des Kremls`` the name belongs to an attribute: no run.
    """
    run: list[Token] = []
    attribute = False
    previous: Token | None = None
    for token in words:
        if token.pos == "$,":
            attribute = False  # an apposition may name the speaker
        elif token.pos in {"APPR", "APPRART"} or (
            token.text.lower() in _GENITIVE_DETERMINERS
            and previous is not None
            and _is_noun(previous)
        ):
            attribute = True
        if token.pos == "NE" and not attribute:
            run.append(token)
        elif run:
            break
        previous = token
    return run
