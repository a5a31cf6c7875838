"""Speakers: who says it (the mention as written) and who that is (resolved to a name).

:mod:`toolkit.speech.subjects` finds the mention (the subject of the cue's clause);
prepositional cues name their source next to them (``laut der Polizei``, ``der Polizei
zufolge``, ``nach Angaben des Ministeriums``, ``so Peskow``).

Resolving maps pronouns (``er``) and role nouns (``der Nato-Generalsekretär``, ``der
Kremlchef``) to the most recent compatible named speaker; :class:`SpeakerResolver` keeps that
history while the speech stage walks through the text. Named mentions resolve to their last
name (``Nato-Generalsekretär Jens Stoltenberg`` -> ``Stoltenberg``), other noun phrases to the
phrase without its article (``Der Kreml`` -> ``Kreml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from toolkit.model import Token
from toolkit.resources import lines
from toolkit.speech.subjects import (
    FINITE,
    GENITIVE_DETERMINERS,
    NP_CONJUNCTIONS,
    is_noun,
    is_quote,
    noun_phrase_end,
)

__all__ = ["FINITE", "SpeakerResolver", "role_nouns", "role_of"]


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

        A pronoun with no speaker before it to refer to stays as written (``Sie``); a
        coordinated mention names each speaker (``SPD und PDS``).
        """
        conjuncts = _conjuncts(mention)
        if len(conjuncts) > 1:
            names = [self.resolve(conjunct) for conjunct in conjuncts]
            return " und ".join(name for name in names if name) or None
        entity = self._lookup(mention)
        if entity is not None:
            self.history.append(entity)
            return entity.name
        words = [t.text for t in mention if t.pos != "$," and not is_quote(t)]
        return " ".join(words) or None

    def latest(self) -> str | None:
        """Return the most recent resolved speaker."""
        return self.history[-1].name if self.history else None

    def _lookup(self, mention: Sequence[Token]) -> _Entity | None:
        with_commas = [t for t in _outside_brackets(mention) if not is_quote(t)]
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
        nouns = [t for t in words if is_noun(t)]
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


def _conjuncts(mention: Sequence[Token]) -> list[Sequence[Token]]:
    """Split a mention at ``und``/``oder``/``sowie`` outside its attributes and brackets.

    ``Die Politiker Peter Danckert und Max Straubinger`` -> two names; ``der Verband der
    Lehrer und Eltern`` stays one (the ``und`` is inside the genitive attribute).
    """
    parts, start, attribute = [], 0, False
    for position, token in enumerate(mention):
        lower = token.text.lower()
        if token.pos == "$," or token.text in "()":
            attribute = True
        elif lower in GENITIVE_DETERMINERS or token.pos in {"APPR", "APPRART"}:
            attribute = attribute or position > start
        if token.pos == "KON" and lower in NP_CONJUNCTIONS and not attribute:
            parts.append(mention[start:position])
            start = position + 1
    parts.append(mention[start:])
    return [part for part in parts if part] if len(parts) > 1 else [mention]


def _outside_brackets(mention: Sequence[Token]) -> list[Token]:
    """Return the words of a mention without its bracketed parts: ``(DJV)``, ``(Grüne)``."""
    words, depth = [], 0
    for token in mention:
        depth += token.text == "("
        if depth == 0:
            words.append(token)
        depth -= token.text == ")" and depth > 0
    return words


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
            token.text.lower() in GENITIVE_DETERMINERS
            and previous is not None
            and is_noun(previous)
        ):
            attribute = True
        if token.pos == "NE" and not attribute:
            run.append(token)
        elif run:
            break
        previous = token
    return run
