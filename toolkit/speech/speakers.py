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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from toolkit.memo import word_memo
from toolkit.model import Token
from toolkit.resources import lines
from toolkit.speech.given_names import given_name_gender
from toolkit.speech.subjects import (
    FINITE,
    GENITIVE_DETERMINERS,
    NP_CONJUNCTIONS,
    is_noun,
    is_quote,
    is_temporal,
    noun_phrase_end,
)

__all__ = ["FINITE", "SpeakerResolver", "is_body_noun", "role_nouns", "role_of", "suffixes_in"]


@cache
def role_nouns() -> tuple[str, ...]:
    """Return the role nouns (lower case), longest first."""
    entries = {entry.lower().lstrip("=") for entry in lines("speech_role_nouns")}
    return tuple(sorted(entries, key=len)[::-1])


@cache
def _whole_word_roles() -> frozenset[str]:
    # "=Zeuge": no compound ending ("Fahrzeuge" names no witness)
    return frozenset(e.lower()[1:] for e in lines("speech_role_nouns") if e.startswith("="))


@cache
def _body_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Return the body nouns (lower case) and the last words of company names."""
    entries = lines("speech_body_nouns")
    nouns = frozenset(e.lower() for e in entries if not e.startswith("@"))
    return nouns, frozenset(e[1:] for e in entries if e.startswith("@"))


@word_memo()
def is_body_noun(word: str) -> bool:
    """Whether a noun names a body (company, party, paper, authority); compounds count.

    Examples
    --------
    >>> is_body_noun("US-Fluggesellschaft"), is_body_noun("Autokonzern"), is_body_noun("Sprecher")
    (True, True, False)
    """
    key = word.lower().rsplit("-", 1)[-1]
    return bool(suffixes_in(key, _body_nouns()[0]))


def suffixes_in(word: str, words: frozenset[str]) -> list[str]:
    """Return the endings of ``word`` that are in ``words``, longest first.

    One set lookup per ending, and no ending longer than the longest entry: the cost does
    not grow with the word list, nor with a word of 100,000 letters (every ending of it
    was copied once, which grew with the square of its length).

    Examples
    --------
    >>> suffixes_in("generalsekretär", frozenset({"sekretär", "generalsekretär", "rat"}))
    ['generalsekretär', 'sekretär']
    """
    longest = min(len(word), _longest(words))
    return [word[-size:] for size in range(longest, 0, -1) if word[-size:] in words]


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def is_company_name(words: Sequence[Token]) -> bool:
    """Whether a run of names ends like a company name (``Volkswagen AG``, ``… Airlines``)."""
    return len(words) > 1 and words[-1].text in _body_nouns()[1]


@word_memo()
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
        for role in suffixes_in(candidate, _role_set()):
            if candidate == role or role not in _whole_word_roles():
                return role
    return None


@cache
def _role_set() -> frozenset[str]:
    return frozenset(role_nouns())


@dataclass
class _Entity:
    name: str
    roles: set[str] = field(default_factory=set)
    person: bool = True
    feminine: bool = False
    seen: int = 0
    #: grammatical gender of a body or thing: "f", "m", "n", "pl" or None (unknown)
    gender: str | None = None
    named: bool = False


#: What a mention resolves to when it names no one (``die Befürchtung``).
NO_ONE = _Entity("", person=False)


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

    def __init__(self, agreement: bool = False) -> None:
        self.entities: dict[str, _Entity] = {}
        self.history: list[_Entity] = []
        self.names_seen = 0
        #: the learned path: pronouns agree in gender and number, a new role noun is a new
        #: speaker, persons named as objects are antecedents, mentions read as a reader
        #: writes them (``des Ministeriums`` -> ``Ministerium``)
        self.agreement = agreement
        self.mentioned: list[_Entity] = []
        #: the person each observed name token belongs to, and where that name ends
        #: (token index -> (entity, index of the name's last token))
        self.named_at: dict[int, tuple[_Entity, int]] = {}
        #: where each entry of ``mentioned`` is named (character offset)
        self.mentioned_at: list[int] = []
        #: where the last two observed sentences start (character offsets)
        self.sentence_starts: list[int] = [0, 0]

    def observe(self, tokens: Sequence[Token]) -> None:
        """Learn names and their roles from a sentence (``Präsident Putin``, ``X, Sprecher``)."""
        if tokens:
            self.sentence_starts = [self.sentence_starts[-1], tokens[0].start]
        i = 0
        while i < len(tokens):
            if tokens[i].pos != "NE":
                i += 1
                continue
            end = i
            while end < len(tokens) and tokens[end].pos == "NE":
                end += 1
            if end < len(tokens):
                end += _rest_of_name(tokens, end, list(tokens[i:end]))
            entity = self._person(tokens[i:end], tokens[i - 1] if i > 0 else None)
            for token in tokens[i:end]:
                self.named_at[token.index] = (entity, tokens[end - 1].index)
            entity.named = True
            self.names_seen += 1
            entity.seen = self.names_seen
            if self.agreement and not _quoted(tokens, i):
                # a name inside a quotation is what someone says, not whom the text refers
                # to next ("„Gut“, sagte er": er is not "Gut")
                self._mention(entity, tokens[i].start)
            # the role noun right before the name ("Präsident Putin"); a role further back
            # belongs to someone else ("Die Ministerin sprach in Berlin")
            role = role_of(tokens[i - 1].text) if i > 0 and tokens[i - 1].pos == "NN" else None
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
        if self.agreement:
            self._observe_roles(tokens)

    def _mention(self, entity: _Entity, start: int) -> None:
        self.mentioned.append(entity)
        self.mentioned_at.append(start)

    def _observe_roles(self, tokens: Sequence[Token]) -> None:
        """Remember persons named by a role noun alone (``traf den Präsidenten``)."""
        for i, token in enumerate(tokens):
            if token.pos != "NN" or not (role_of(token.text) or role_of(_lemma(token))):
                continue
            if i + 1 < len(tokens) and tokens[i + 1].pos == "NE":
                continue  # "Präsident Putin": the name stands for the person
            if i > 0 and tokens[i - 1].pos == "NE":
                continue
            if _after_title(tokens, i) or (i > 0 and _after_title(tokens, i - 1)):
                continue  # "Frau Kachelmann": a person named, not a role
            determiner = next(
                (t for t in reversed(tokens[max(0, i - 3) : i]) if t.pos not in {"ADJA", "ADV"}),
                None,
            )
            plural = _dative_plural(token) or (
                determiner is not None and determiner.text.lower() in _PLURAL_DETERMINERS
            )
            entity = self._role_entity(token, plural)
            self._mention(entity, token.start)

    def _role_entity(self, noun: Token, plural: bool = False) -> _Entity:
        role = role_of(noun.text) or role_of(_lemma(noun)) or ""
        for entity in reversed(self.mentioned[-12:]):
            if role in entity.roles and not entity.named:
                return entity
        name = _lemma(noun)
        feminine = _feminine_role(name, role)
        entity = self.entities.setdefault(name, _Entity(name, {role}, True, feminine))
        # "die Politiker", "(von) Politikern": "er" does not refer to them
        entity.gender = "f" if feminine else "pl" if plural else "m"
        return entity

    def _person(self, run: Sequence[Token], before: Token | None = None) -> _Entity:
        """Return the entity of a name run, named by its last word (``Jens Stoltenberg``).

        A role noun right before the name tells the gender (``der Italiener Nicola
        Zingaretti``); without one, a feminine given name before the surname makes a
        feminine person (``Angela Merkel``: ``sie``).
        """
        entity = self._entity(_surname(run))
        role = role_of(before.text) if before is not None and before.pos == "NN" else None
        if role is not None:
            entity.feminine = entity.feminine or _feminine_role(before.text, role)
        elif before is not None and before.text in _TITLES:
            entity.feminine = entity.feminine or _TITLES[before.text] == "f"
        elif given_name_gender(run[0].text) == "f":
            entity.feminine = True  # "Angela Merkel", "seine Tochter Maria"
        return entity

    def _entity(self, name: str) -> _Entity:
        if name.endswith("s") and name[:-1] in self.entities:
            name = name[:-1]
        if name not in self.entities:
            # "Maizière" after "Thomas de Maizière": the surname without its particle
            name = next(
                (
                    known
                    for known in self.entities
                    if known.endswith(f" {name}") and known[0].islower()
                ),
                name,
            )
        return self.entities.setdefault(name, _Entity(name))

    def resolve(self, mention: Sequence[Token]) -> str | None:
        """Return the resolved speaker of a mention and remember it as the latest speaker.

        A pronoun with no speaker before it to refer to stays as written (``Sie``); a
        coordinated mention names each speaker (``SPD und PDS``).
        """
        conjuncts = _conjuncts(mention)
        if len(conjuncts) == 1 and self.agreement:
            outside = [t for t in _outside_brackets(mention) if not is_quote(t)]
            attribute = _source_attribute(outside)
            if attribute is not None and len(_conjuncts(attribute)) > 1:
                return self.resolve(attribute)  # "Die Äußerungen Hassemers und Papiers"
        if len(conjuncts) > 1:
            names = [self.resolve(conjunct) for conjunct in conjuncts]
            return " und ".join(name for name in names if name) or None
        entity = self._lookup(mention)
        if entity is NO_ONE:
            return None
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
            if self.agreement:
                antecedent = self._antecedent(first, words[0].start)
                return antecedent or _Entity(words[0].text, person=False)
            if first in {"er", "der"} or first.startswith("sein"):
                return self._recent(lambda e: e.person and not e.feminine)
            if first in {"sie", "die"} or first.startswith("ihr"):
                return self._recent(lambda e: e.feminine or not e.person) or self._recent(
                    lambda e: True
                )
            return _Entity(words[0].text, person=False)
        attribute = _source_attribute(with_commas) if self.agreement else None
        if attribute:  # "Angaben der Ministerin Rita Verdonk": the minister's words
            return self._lookup(attribute)
        owner = _owner_of_a_thought(words) if self.agreement else None
        if owner is not None:  # "Seine Zuversicht": his; "die Befürchtung": no one's
            return self._lookup(owner) if owner else NO_ONE
        run = _name_run(with_commas)
        if run and not (len(run) == 1 and run[0].text in {"Nato", "EU", "UN"}):
            if self.agreement:
                body = self._named_body(with_commas, run)
                if body is not None:
                    return body
            observed = self.named_at.get(run[-1].index)
            if observed is not None and observed[1] > run[-1].index:
                return observed[0]  # "des Rezensenten Alan" cut before "Posener": the whole name
            at = with_commas.index(run[0])
            return self._person(run, with_commas[at - 1] if at > 0 else None)
        nouns = [t for t in words if is_noun(t)]
        role = role_of(nouns[0].text) if nouns else None
        if role and first in {"der", "die", "dieser", "diese"} and self.agreement:
            feminine = _feminine_role(nouns[0].text, role)
            known = (
                self._recent(lambda e: _plays(e, role) and e.feminine == feminine)
                or self._named_with_role(role)
                or self._recent(lambda e: e.named and e.person and e.feminine == feminine)
            )
            if known is not None:
                known.roles.add(role)
                return known
            name = _lemma(nouns[0])
            at = words.index(nouns[0])
            if at + 2 < len(words) and words[at + 1].text.lower() in GENITIVE_DETERMINERS:
                # "der Chef der Deutschen Bahn": the role keeps whose it is
                name = reader_form(words[at:])[0]
            entity = self.entities.setdefault(name, _Entity(name, {role}, True, feminine))
            plural = not feminine and first in {"die", "diese"}  # "Die SPD-Politiker"
            entity.gender = "f" if feminine else "pl" if plural else "m"
            return entity
        if role and first in {"der", "die", "dieser", "diese"}:
            known = (
                self._recent(lambda e: _plays(e, role))
                or self._named_with_role(role)
                or self._recent(lambda e: e.person)
            )
            if known is not None:
                known.roles.add(role)
                known.feminine = known.feminine or nouns[0].text.lower().endswith("in")
                return known
        head = with_commas[: next((i for i, t in enumerate(with_commas) if t.pos == "$,"), None)]
        if self.agreement:
            if role is None and len(nouns) == 1 and first in {"der", "die", "das", "dieser"}:
                # "der Dienst" after "der Wetterdienst": the body named before, in short
                short = nouns[0].text.lower()
                known = self._recent(lambda e: not e.person and _names_in_short(e.name, short))
                if known is not None:
                    return known
            name, gender = reader_form(head)
            entity = self.entities.setdefault(name, _Entity(name, person=role is not None))
            entity.gender = entity.gender or gender
            entity.feminine = entity.feminine or (role is not None and gender == "f")
            return entity
        start = 1 if head[0].pos == "ART" else 0
        name = " ".join(t.text for t in head[start:])
        entity = self.entities.setdefault(name, _Entity(name, person=role is not None))
        return entity

    def _named_body(self, words: list[Token], run: list[Token]) -> _Entity | None:
        """Return the body a name run stands for, or ``None`` for a person's name.

        A name after a body noun (``die US-Fluggesellschaft Northwest Airlines``) or an
        acronym after a noun that is no role (``dem Branchenverband VDA``) names a body and
        keeps that noun; a company name (``Volkswagen AG``) names one on its own. The name
        alone, later in the text, is the same body.
        """
        at = words.index(run[0])
        end = at + len(run)
        if end < len(words) and words[end].text in _body_nouns()[1]:
            run = [*run, words[end]]  # "Volkswagen AG": the tagger reads "AG" as a noun
        key = " ".join(t.text for t in run)
        known = self.entities.get(key)
        if known is not None and not known.person:
            return known
        before = words[at - 1] if at > 0 else None
        acronym = len(run) == 1 and run[0].text.isupper() and len(run[0].text) > 1
        if before is not None and before.pos == "NN" and not role_of(before.text):
            if acronym or is_body_noun(before.text):
                name, gender = reader_form(words[: at + len(run)])
            elif is_company_name(run):
                name, gender = key, None
            else:
                return None
        elif is_company_name(run):
            name, gender = key, None
        else:
            return None
        entity = self.entities.setdefault(name, _Entity(name, person=False))
        entity.gender, entity.named = entity.gender or gender, True
        self.entities[key] = entity  # the name alone, later, is this body too
        return entity

    def _antecedent(self, pronoun: str, start: int) -> _Entity | None:
        """Return what a pronoun refers to: the latest speaker or person that agrees with it.

        ``er`` needs a masculine person (or a masculine body), ``sie`` a feminine one or a
        plural; ``ich``, ``wir``: the latest speaker. Speakers come first, then persons and
        bodies named in the sentences before (also as objects: ``traf den Präsidenten``). A
        demonstrative (``dieser``, ``diese``) points to the person named last, speaker or
        not (``mit dem Anwalt der Familie, Rainer Wittner, sagte dieser``). ``start`` is
        where the pronoun stands.
        """
        if pronoun in {"er", "der", "dieser"} or pronoun.startswith("sein"):
            test = _masculine
        elif pronoun in {"sie", "die", "diese"} or pronoun.startswith("ihr"):
            test = _feminine_or_plural
        else:
            return self._recent(lambda e: True)
        if pronoun in {"dieser", "diese"}:
            named = self._named_before(start, test, self.sentence_starts[0])
            if named is not None:
                return named
        speaker = self._recent(test)
        if speaker is None or not _a_person(speaker):
            # "Laut diesem Entwurf ... Der Italiener Nicola Zingaretti gehört zu den
            # Unterstützern. Er erklärte": a person named just before, not the document
            person = self._named_before(start, test, self.sentence_starts[0])
            if person is not None:
                return person
        return speaker or next((e for e in reversed(self.mentioned[-12:]) if test(e)), None)

    def _named_before(
        self, start: int, test: Callable[[_Entity], bool], since: int
    ) -> _Entity | None:
        """Return the person named last before ``start`` (from ``since`` on) passing ``test``."""
        recent = zip(reversed(self.mentioned[-12:]), reversed(self.mentioned_at[-12:]), strict=True)
        return next(
            (e for e, at in recent if since <= at < start and e.named and _a_person(e) and test(e)),
            None,
        )

    def _named_with_role(self, role: str) -> _Entity | None:
        # a person named with this role earlier, even if not yet as a speaker
        named = [e for e in self.entities.values() if _plays(e, role) and e.seen]
        return max(named, key=lambda e: e.seen) if named else None

    def _recent(self, test) -> _Entity | None:  # type: ignore[no-untyped-def]
        for entity in reversed(self.history[-8:]):
            if test(entity):
                return entity
        return None


_OPENING_MARKS = frozenset("„»‚›")
_CLOSING_MARKS = frozenset("“«‘‹")


def _quoted(tokens: Sequence[Token], position: int) -> bool:
    """Whether a token stands inside quotation marks of its sentence (by counting marks)."""
    depth = 0
    straight = False
    for token in tokens[:position]:
        if token.text in _OPENING_MARKS:
            depth += 1
        elif token.text in _CLOSING_MARKS:
            depth = max(0, depth - 1)
        elif token.text == '"':
            straight = not straight
    return depth > 0 or straight


def _feminine_role(noun: str, role: str) -> bool:
    """Whether a role noun names a woman (``Ministerin``; ``Chefin`` of the role ``chef``)."""
    return role == "frau" or (noun.lower().endswith("in") and not role.endswith("in"))


def _plays(entity: _Entity, role: str) -> bool:
    """Whether an entity has a role or a more specific one (``Bundeskanzlerin``: ``Kanzlerin``).

    A deputy is not the office itself (``Vizepräsident`` is no ``Präsident``).
    """
    return any(
        known == role or (known.endswith(role) and not known.startswith("vize"))
        for known in entity.roles
    )


def _names_in_short(name: str, short: str) -> bool:
    """Whether a noun (lower case) is a short form of a body's name, by the name's head.

    ``dienst`` of ``Wetterdienst``, ``ausschuss`` of ``Ständige Ausschuss des …``, but not
    ``bundesregierung`` of ``Vorstellung der Bundesregierung`` (an attribute, not the head).

    Examples
    --------
    >>> _names_in_short("Wetterdienst", "dienst"), _names_in_short("Konzern VW AG", "konzern")
    (True, True)
    >>> _names_in_short("Vorstellung der Bundesregierung", "bundesregierung")
    False
    """
    words = name.split()
    cut = next((k for k, word in enumerate(words) if word in _ATTRIBUTE_STARTS), len(words))
    head = [word.lower() for word in words[:cut]]
    return name.lower() != short and any(word.endswith(short) for word in head)


_ATTRIBUTE_STARTS = frozenset({"der", "des", "dem", "den", "von", "vom", "im", "in", "aus"})


def _a_person(entity: _Entity) -> bool:
    # an acronym names a body ("SPD", "USGS"), which "er" does not refer to
    return entity.person and not (len(entity.name) > 1 and entity.name.isupper())


def _masculine(entity: _Entity) -> bool:
    if _a_person(entity):
        return not entity.feminine and entity.gender != "pl"
    return entity.gender == "m"


def _feminine_or_plural(entity: _Entity) -> bool:
    if _a_person(entity):
        return entity.feminine or entity.gender == "pl"
    return entity.gender in {"f", "pl", None}


_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "ur", "ie", "in")
#: Plurals of those endings (``Forderungen``: ``er`` never refers to them).
_PLURAL_ENDINGS = ("ungen", "heiten", "keiten", "schaften", "ionen", "täten", "innen")
#: Determiners before a plural (``die`` before a masculine or neuter noun).
_PLURAL_DETERMINERS = frozenset({"die", "diese", "alle", "beide", "einige", "mehrere", "viele"})
_NEUTER_ENDINGS = ("ium", "ment", "chen", "lein", "um", "amt", "büro", "werk")
_DETERMINERS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT"})
#: How a determiner shows gender or number (when it is unambiguous).
_DETERMINER_GENDER = {"das": "n", "dem": None, "des": None, "den": None, "der": None}


def _lemma(noun: Token) -> str:
    """Return a noun's dictionary form as written (``Ministeriums`` -> ``Ministerium``)."""
    lemma = noun.lemma or noun.text
    if not lemma or lemma.lower() == noun.text.lower():
        return noun.text
    weak = lemma + "e"  # "Augenzeugen": the tagger gives "Augenzeug" for "Augenzeuge"
    if noun.text.lower() == (weak + "n").lower() and suffixes_in(weak.lower(), _role_set()):
        return noun.text[: len(weak)]
    if not noun.text.lower().startswith(lemma.lower()[: max(1, len(lemma) - 2)]):
        return noun.text  # the lemmatiser changed more than an ending: keep the word
    return (
        noun.text[: len(lemma)]
        if noun.text[: len(lemma)].lower() == lemma.lower()
        else lemma[:1].upper() + lemma[1:]
    )


def reader_form(words: Sequence[Token]) -> tuple[str, str | None]:
    """Return a noun phrase as a reader names the speaker, and its gender if known.

    The article goes, a source noun gives way to its source (``Angaben des Ministeriums`` ->
    ``Ministerium``), and a noun in the genitive or dative is read in the nominative.

    Examples
    --------
    >>> from toolkit import analyse
    >>> def form(text):
    ...     return reader_form(analyse(text).sentence_tokens(0))
    >>> form("des Ministeriums"), form("dem Branchenverband VDA")
    (('Ministerium', 'n'), ('Branchenverband VDA', 'm'))
    >>> form("Angaben der Polizei")
    ('Polizei', 'f')
    """
    from toolkit.speech.speaker_features import is_source_noun

    words = [t for t in _outside_brackets(words) if not is_quote(t) and t.pos != "$."]
    nouns = [k for k, t in enumerate(words) if is_noun(t)]
    if len(nouns) == 1 and is_source_noun(words[nouns[0]].text):
        source = source_of(words[nouns[0]].text)  # "Polizeiangaben" -> Polizei
        if source:
            return source, "f" if source.lower().endswith(_FEMININE_ENDINGS) else None
    attribute = _source_attribute(words)
    if attribute is not None:
        return reader_form(attribute)
    oblique = bool(words) and words[0].text.lower() in {
        "des",
        "dem",
        "den",
        "eines",
        "einem",
        "vom",
    }
    start = 0
    while start < len(words) - 1 and (
        words[start].pos in _DETERMINERS or words[start].text.lower() in {"von", "vom"}
    ):
        start += 1
    rest = list(words[start:])
    # the head: the first noun and what belongs to it before a genitive attribute
    head_end = len(rest)
    for k in range(1, len(rest)):
        if rest[k].text.lower() in GENITIVE_DETERMINERS | {"von", "vom"} and is_noun(rest[k - 1]):
            head_end = k
            break
    head = [k for k in range(head_end) if is_noun(rest[k])]
    gender = None
    told: str | None = None  # the gender the article and adjective endings tell
    if head:
        noun = rest[head[0]]
        lower = noun.text.lower()
        adjectives = [k for k in range(head[0]) if rest[k].pos == "ADJA"]
        if oblique and not adjectives:
            rest[head[0]] = _with_text(noun, _lemma(noun))
        elif adjectives and start:
            # "des Statistischen Bundesamtes" -> "Statistisches Bundesamt", "der bulgarischen
            # Presse" -> "bulgarische Presse": without the article, the nominative's endings
            ending = _strong_ending(words[0].text.lower(), _lemma(noun))
            if ending and all(_weak_form(rest[k]) for k in adjectives):
                for k in adjectives:
                    rest[k] = _with_text(rest[k], rest[k].text[:-2] + ending)
                if oblique:
                    rest[head[0]] = _with_text(noun, _lemma(noun))
                elif ending == "e":  # "der bulgarischen Presse": feminine, or a plural
                    told = "pl" if words[0].text.lower() == "den" else "f"
        dative_plural = _dative_plural(noun)
        if dative_plural:  # "(von) Politikern der SPD" -> "Politiker der SPD"
            rest[head[0]] = _with_text(noun, noun.text[:-1])
        word = rest[head[0]].text.lower()
        if dative_plural or word.endswith(_PLURAL_ENDINGS):
            gender = "pl"
        elif word.endswith(_NEUTER_ENDINGS):
            gender = "n"
        elif word.endswith(_FEMININE_ENDINGS) or (lower.endswith("polizei")):
            gender = "f"
        elif noun.pos == "NN":
            gender = "m"
        if start and words[0].text.lower() == "das":
            gender = "n"
        elif start and gender in {"m", "n"} and words[0].text.lower() in _PLURAL_DETERMINERS:
            gender = "pl"  # "die Politiker": a masculine noun after "die" is a plural
    return " ".join(t.text for t in rest) or " ".join(t.text for t in words), told or gender


def _speech_noun_before(words: Sequence[Token], position: int) -> bool:
    from toolkit.speech.speaker_features import is_source_noun

    if position == 0 or words[position - 1].pos != "NN":
        return False
    return is_source_noun(words[position - 1].text) or _speech_noun(words[position - 1])


def _genitive_names(words: Sequence[Token]) -> bool:
    """Whether words are names in the genitive, alone or joined (``Merkels``, ``A und Bs``)."""
    names = [t for t in words if t.pos != "KON"]
    return (
        bool(names)
        and words[0].pos == "NE"
        and all(t.text[:1].isupper() and t.text.endswith("s") and len(t.text) > 3 for t in names)
        and all(t.pos != "KON" or t.text == "und" for t in words)
    )


def _strong_ending(determiner: str, noun: str) -> str | None:
    """Return the adjective ending of a noun phrase without article, in the nominative.

    After ``des``/``dem`` the noun is masculine or neuter: its ending tells which
    (``Statistisches Bundesamt``, ``künstlerischer Leiter``), else ``None`` (``des Roten
    Kreuzes`` stays as written); after ``der``/``den`` with an adjective in ``-en`` it is a
    feminine singular or a plural, both ``-e`` (``bulgarische Presse``, ``afghanische
    Behörden``).
    """
    if determiner in {"des", "dem", "eines", "einem", "vom"}:
        lower = noun.lower()
        if lower.endswith(_NEUTER_ENDINGS):
            return "es"
        return "er" if lower.endswith(_MASCULINE_ENDINGS) else None
    if determiner in {"der", "den"}:
        return "e"
    return None


#: Endings of masculine nouns, persons above all (``Leiter``, ``Sekretär``, ``Präsident``).
_MASCULINE_ENDINGS = ("er", "är", "ör", "eur", "or", "ent", "ant", "ist", "ling", "ismus", "rat")


def _weak_form(adjective: Token) -> bool:
    """Whether an adjective is its base form plus ``-en`` (``statistischen``; not ``größten``)."""
    lemma = (adjective.lemma or "").lower()
    return bool(lemma) and adjective.text.lower() == lemma + "en"


def _source_attribute(words: Sequence[Token]) -> list[Token] | None:
    """Return whose words a source or speech noun names, or ``None``.

    ``Angaben der Polizei`` -> ``der Polizei``; ``Forderungen von Politikern`` -> ``Politikern``.
    """
    from toolkit.speech.speaker_features import is_source_noun

    nouns = [k for k, t in enumerate(words) if is_noun(t)]
    if len(nouns) < 2 or not (
        is_source_noun(words[nouns[0]].text) or _speech_noun(words[nouns[0]])
    ):
        return None
    after = nouns[0] + 1
    if after < len(words) and _genitive_names(words[after:]):
        # "Die Äußerungen Hassemers und Papiers": the names, in the nominative
        return [
            _with_text(t, t.text[:-1]) if t.pos in {"NE", "NN"} and t.text.endswith("s") else t
            for t in words[after:]
        ]
    if after < len(words) and words[after].text.lower() in {"von", "vom"} | GENITIVE_DETERMINERS:
        attribute = list(words[after + (words[after].text.lower() == "von") :])
        # "Informationen vom späten Abend": when, not whose
        return None if is_temporal(attribute) else attribute
    return None


_SOURCE_SUFFIXES = ("angaben", "informationen", "berichten", "aussagen", "kreisen", "meinung")


def source_of(noun: str) -> str | None:
    """Return the source a compound names (``Polizeiangaben`` -> ``Polizei``), or ``None``.

    Examples
    --------
    >>> source_of("Polizeiangaben"), source_of("Expertenmeinung"), source_of("Angaben")
    ('Polizei', 'Experten', None)
    >>> source_of("Zeitungsberichten"), source_of("Regierungsangaben")
    ('Zeitung', 'Regierung')
    """
    for suffix in _SOURCE_SUFFIXES:
        if noun.lower().endswith(suffix) and len(noun) > len(suffix) + 2:
            source = noun[: -len(suffix)].rstrip("-")
            if source.endswith("s") and source[:-1].lower().endswith(_LINKING_S_BEFORE):
                source = source[:-1]  # the linking s of a compound: "Zeitungs|berichten"
            return source
    return None


#: Endings after which a compound takes a linking s (``Regierungs-``, ``Gesellschafts-``).
_LINKING_S_BEFORE = ("ung", "heit", "keit", "schaft", "ion", "tät")


def _owner_of_a_thought(words: Sequence[Token]) -> list[Token] | None:
    """Return whose thought or utterance a bare speech noun names, or ``None`` if no such noun.

    ``Seine Zuversicht``, ``ihre Forderung`` -> the possessive; ``die Befürchtung``, ``die
    Ankündigung`` name no one (``[]``). A document (``der Bericht``) is a source of its own.
    """
    from toolkit.speech.cues import noun_entry

    nouns = [t for t in words if is_noun(t)]
    if len(nouns) != 1 or nouns[0] is not words[-1] or words[0].pos not in _THOUGHT_STARTS:
        return None
    entry = noun_entry(nouns[0].lemma or nouns[0].text)
    if entry is None or entry.medium not in {"thought", "speech"}:
        return None
    return [words[0]] if words[0].pos == "PPOSAT" else []


_THOUGHT_STARTS = frozenset({"ART", "PPOSAT", "PDAT", "ADJA"})


def _speech_noun(noun: Token) -> bool:
    """Whether a noun is a speech noun (also in a compound), whose attribute names the speaker.

    ``die Forderungen von Politikern der SPD`` -> ``Politiker der SPD``; the cue stage's own
    lookup decides (``Presseerklärung`` counts, ``Beruf`` is no ``Ruf``).
    """
    from toolkit.speech.cues import noun_entry

    return noun_entry(noun.lemma or noun.text) is not None


def _dative_plural(noun: Token) -> bool:
    """Whether a noun is a dative plural of an ``-er``/``-el`` noun (``Politikern``, ``Bürgern``).

    Their nominative plural is the dictionary form (``Politiker``); other nouns ending in
    ``-n`` (``Polizisten``) are plurals in every case and stay as written.
    """
    lemma = noun.lemma or ""
    return (
        noun.pos == "NN"
        and lemma.endswith(("er", "el"))
        and noun.text.lower() == lemma.lower() + "n"
    )


def _with_text(token: Token, text: str) -> Token:
    from dataclasses import replace

    return replace(token, text=text)


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
        elif _speech_noun_before(mention, position) and _genitive_names(mention[position:]):
            attribute = True  # "Die Äußerungen Hassemers und Papiers": whose, both
        if token.pos == "KON" and lower in NP_CONJUNCTIONS and not attribute:
            parts.append(mention[start:position])
            start = position + 1
    parts.append(mention[start:])
    parts = [part for part in parts if part]
    if len(parts) == 2 and _role_alone(parts[0]) and _role_and_name(parts[1]):
        return [mention]  # "Der Vizekanzler und Arbeitsminister Franz Müntefering": one person
    return parts if len(parts) > 1 else [mention]


def _role_alone(part: Sequence[Token]) -> bool:
    """Whether a conjunct is a role noun without a name (``Der deutsche Vizekanzler``)."""
    nouns = [t for t in part if is_noun(t)]
    return (
        len(nouns) == 1
        and nouns[0] is part[-1]
        and nouns[0].pos == "NN"
        and role_of(nouns[0].text) is not None
    )


def _role_and_name(part: Sequence[Token]) -> bool:
    """Whether a conjunct is a role noun followed by a name (``Arbeitsminister Franz M.``)."""
    return (
        len(part) > 1
        and part[0].pos == "NN"
        and role_of(part[0].text) is not None
        and part[1].pos == "NE"
    )


def _outside_brackets(mention: Sequence[Token]) -> list[Token]:
    """Return the words of a mention without its bracketed parts: ``(DJV)``, ``(Grüne)``."""
    words, depth = [], 0
    for token in mention:
        depth += token.text == "("
        if depth == 0:
            words.append(token)
        depth -= token.text == ")" and depth > 0
    return words


def _genitive_name(previous: Token | None, token: Token, after: Sequence[Token]) -> bool:
    """Whether a name after a common noun is its genitive (``Innenminister Frankreichs``).

    ``Präsident Putin``, ``Außenminister Maas`` are the name itself; a name in ``-s`` after a
    noun is whose it is when an apposition with a name follows (``Der Innenminister
    Frankreichs, Nicolas Sarkozy``; ``Das Staatsoberhaupt Neuseelands, die britische Königin
    Elisabeth II.``). ``after`` are the next few words.
    """
    if not (
        previous is not None
        and previous.pos == "NN"
        and token.pos == "NE"
        and token.text.endswith("s")
        and len(after) >= 2
        and after[0].pos == "$,"
    ):
        return False
    for word in after[1:]:
        if word.pos == "NE":
            return True
        if word.pos not in {"ART", "ADJA", "NN"}:
            return False
    return False


#: Lower-case words inside a surname (``de Maizière``, ``von der Leyen``, ``van Gogh``).
_NAME_PARTICLES = frozenset(
    {"von", "vom", "van", "de", "der", "den", "da", "di", "del", "dos", "du", "la", "le", "zu"}
)
#: Tags the tagger gives surnames it does not know (``Blatter`` NN, ``Hoff`` VVIMP).
_SURNAME_TAGS = frozenset({"NN", "NE", "FM", "VVIMP", "VVFIN", "ADJD", "ADJA", "ADV"})
#: a regnal number (``XVI.``) or a surname shortened to protect a person (``St.``, ``K.``)
_KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
_SHORTENED = re.compile(r"[IVXLC]+\.|[A-ZÄÖÜ][a-zäöü]?\.")


def _rest_of_name(words: Sequence[Token], position: int, run: list[Token]) -> int:
    """Return how many words from ``position`` on still belong to a run of names (or 0).

    A surname the tagger read as a word (``Theo Zwanziger``) is one; particles and the
    surname after a given name are two or three (``Thomas de Maizière``, ``Ursula von der
    Leyen``).
    """
    if _surname_read_as_noun(words, position, run):
        return 1
    if _first_of_two_surnames(words, position, run):
        end = position + 1
        while end < len(words) and words[end].pos == "NE":
            end += 1
        return end - position  # "Hilda Morales Trujillo": the tagger read "Morales" as a noun
    # a name used by men and women alike, as Chinese surnames are to the list ("Li Fei"),
    # may be the surname itself
    if given_name_gender(run[-1].text) not in {"f", "m"}:
        return 0
    end = position
    while end < len(words) and end - position < 3 and words[end].text in _NAME_PARTICLES:
        end += 1
    if end == position or end >= len(words):
        return 0
    if end - position == 1 and words[position].text == "zu" and words[end].pos != "NE":
        return 0  # "nach Zyklon Tasha zu Dank verpflichtet"; "Karl-Theodor zu Guttenberg"
    surname = words[end]
    after = words[end + 1] if end + 1 < len(words) else None
    if (
        surname.text[:1].isupper()
        and not surname.text.isupper()  # "Patrick Georg von der IG Metall": a body's name
        and surname.pos in _SURNAME_TAGS
        and not _role_word(surname.text)
        and not is_body_noun(surname.text)
        and (after is None or after.pos not in {"NE", "NN", "FM"})
    ):
        return end - position + 1
    return 0


def _first_of_two_surnames(words: Sequence[Token], position: int, run: list[Token]) -> bool:
    """Whether a word after a given name starts two surnames, the second a name to the tagger."""
    token = words[position]
    return (
        len(run) == 1
        and position + 1 < len(words)
        and words[position + 1].pos == "NE"
        and token.pos == "NN"
        and token.text[:1].isupper()
        and given_name_gender(run[0].text) in {"f", "m"}
        and not _role_word(token.text)
        and not is_body_noun(token.text)
    )


def _surname(run: Sequence[Token]) -> str:
    """Return how a reader names the person of a run of names.

    A company's or organisation's whole name (``Fox News``); else the last word, with the
    particles before it (``de Maizière``, ``von der Leyen``); a
    regnal number keeps the name before it (``Benedikt XVI.``), a Korean given name the
    family name (``Ban Ki-moon``).
    """
    if is_company_name(run):
        return " ".join(token.text for token in run)  # "Fox News", "Wikimedia Foundation"
    if len(run) > 1 and (
        _SHORTENED.fullmatch(run[-1].text) or _KOREAN_GIVEN_NAME.fullmatch(run[-1].text)
    ):
        # a regnal number or an abbreviated surname keeps the name before it, and a Korean
        # given name its family name ("Ban Ki-moon", "Kim Jong-un")
        return f"{run[-2].text} {run[-1].text}"
    first = len(run) - 1
    while first > 1 and run[first - 1].text in _NAME_PARTICLES:
        first -= 1
    return " ".join(token.text for token in run[first:])


def _surname_read_as_noun(words: Sequence[Token], position: int, run: list[Token]) -> bool:
    """Whether the word after a first name is the surname the tagger read as a word.

    ``Theo Zwanziger``, ``Sepp Blatter``, ``Elke Hoff`` (a verb to the tagger),
    ``Vizeregierungssprecher Thomas Steg``: after a given name (or a role and one name) a
    capitalised word that ends the name, and is no role or body (``Louis Sprecher``,
    ``Robert Koch-Institut``), is the rest of the name.
    """
    token = words[position]
    start = position - len(run)
    after = words[position + 1] if position + 1 < len(words) else None
    if (
        token.pos not in _SURNAME_TAGS
        or not token.text[:1].isupper()
        or (after is not None and (after.pos in {"NN", "NE"} or after.text == "-"))
    ):
        return False
    if (
        len(run) == 1
        and token.pos == "NN"
        and start > 0
        and words[start - 1].pos == "NN"
        and role_of(words[start - 1].text) is not None
        and (after is None or after.pos in {"$,", "$(", "$."})
    ):
        return True
    return (
        given_name_gender(run[-1].text) in {"f", "m"}
        and not _role_word(token.text)
        and not is_body_noun(token.text)
    )


def _role_word(word: str) -> bool:
    """Whether a word names a role, in a name's place (``Sprecher``; ``Hoffmann`` does not).

    Surnames end in ``-mann`` as often as roles do (``Feuerwehrmann``), so that ending alone
    does not make a role here.
    """
    return role_of(word) not in {None, "mann", "frau"}


def _genitive_before_role(run: list[Token], words: Sequence[Token], position: int) -> bool:
    """Whether a name in ``-s`` stands before a role and the person's name.

    ``Hessens Ministerpräsident Roland Koch``: the first name says whose minister he is.
    """
    after = words[position + 1] if position + 1 < len(words) else None
    return (
        len(run) == 1
        and run[0].text.endswith("s")
        and words[position].pos == "NN"
        and role_of(words[position].text) is not None
        and after is not None
        and after.pos == "NE"
    )


#: Forms of address before a surname, with the gender they give.
_TITLES = {"Herr": "m", "Herrn": "m", "Frau": "f"}


def _after_title(words: Sequence[Token], position: int) -> bool:
    """Whether a form of address stands before a surname the tagger read as a word."""
    following = words[position + 1] if position + 1 < len(words) else None
    return (
        words[position].text in _TITLES
        and following is not None
        and following.pos != "NE"
        and following.pos in _SURNAME_TAGS
        and following.text[:1].isupper()
        and not _role_word(following.text)
        and not is_body_noun(following.text)
    )


def _name_run(words: Sequence[Token]) -> list[Token]:
    """Return the first run of names that is not inside an attribute of the phrase.

    ``Nato-Generalsekretär Jens Stoltenberg`` -> Jens Stoltenberg; in ``ein Sprecher in
    Berlin`` or ``der Sprecher des Kremls`` the name belongs to an attribute: no run.
    """
    run: list[Token] = []
    attribute = False
    previous: Token | None = None
    for position, token in enumerate(words):
        if token.pos == "$,":
            attribute = False  # an apposition may name the speaker
        elif token.pos in {"APPR", "APPRART"} or (
            token.text.lower() in GENITIVE_DETERMINERS
            and previous is not None
            and is_noun(previous)
        ):
            attribute = True
        elif _genitive_name(previous, token, words[position + 1 : position + 7]):
            attribute = True  # "Der Innenminister Frankreichs, Nicolas Sarkozy"
        if not run and not attribute and _after_title(words, position):
            return [words[position + 1]]  # "Herr Kachelmann": the tagger read a noun
        if token.pos == "NE" and not attribute:
            run.append(token)
        elif run:
            if _genitive_before_role(run, words, position):
                run = []  # "Hessens Ministerpräsident Roland Koch": Hessen is whose
                previous = token
                continue
            rest = _rest_of_name(words, position, run)
            if rest:
                run.extend(words[position : position + rest])  # "Thomas de Maizière"
            elif token.pos == "NN" and "-" in token.text and is_body_noun(token.text):
                return []  # "Robert Koch-Institut": the name belongs to the body's name
            break
        previous = token
    return run
