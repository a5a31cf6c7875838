"""Speakers: who says it (the mention as written) and who that is (resolved to a name).

:mod:`toolkit.speech.subjects` finds the mention (the subject of the cue's clause);
prepositional cues name their source next to them (``laut der Polizei``, ``der Polizei
zufolge``, ``nach Angaben des Ministeriums``, ``so Peskow``).

Resolving maps pronouns (``er``) and role nouns (``der Nato-Generalsekretär``, ``der
Kremlchef``) to the most recent compatible named speaker; :class:`SpeakerResolver` keeps that
history while the speech stage walks through the text. Named mentions resolve to their last
name (``Nato-Generalsekretär Jens Stoltenberg`` -> ``Stoltenberg``; how a run of names is
read: :mod:`toolkit.speech.names`), other noun phrases to the phrase as a reader writes it
(``Der Kreml`` -> ``Kreml``, ``des Ministeriums`` -> ``Ministerium``:
:mod:`toolkit.speech.reader_forms`); role and body nouns come from
:mod:`toolkit.speech.roles`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from toolkit.model import Token
from toolkit.speech.given_names import given_name_gender
from toolkit.speech.names import TITLES, after_title, name_run, rest_of_name, surname
from toolkit.speech.reader_forms import (
    PLURAL_DETERMINERS,
    dative_plural,
    genitive_names,
    lemma_as_written,
    outside_brackets,
    owner_of_a_thought,
    reader_form,
    source_attribute,
    speech_noun_before,
    with_text,
)
from toolkit.speech.roles import (
    body_nouns,
    is_abstract_thing,
    is_body_noun,
    is_company_name,
    role_of,
    suffixes_in,
)
from toolkit.speech.subjects import (
    FINITE,
    GENITIVE_DETERMINERS,
    NP_CONJUNCTIONS,
    is_noun,
    is_quote,
    noun_phrase_end,
)

__all__ = ["FINITE", "INDEFINITE", "NO_ONE", "SpeakerResolver"]


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
    #: read as a place ("in Deutschland", "nach Kabul", "das Kosovo"): no antecedent of a
    #: pronoun that falls back to the names before it
    place: bool = False
    #: a pronoun with nothing to refer to, shown as written: no antecedent of a later one
    unresolved: bool = False


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
        #: endings of the names that start in lower case, and how many names were read
        self._endings: dict[str, str] = {}
        self._ended = 0
        self.history: list[_Entity] = []
        self.names_seen = 0
        #: the persons named as subject of the sentence before and of this one (or None)
        self.subjects: list[_Entity | None] = [None, None]
        #: for each role, and each ending of one (``kanzlerin`` of ``bundeskanzlerin``), the
        #: person named last who holds it: one lookup instead of a scan of every entity
        self._named_roles: dict[str, _Entity] = {}
        #: the learned path: pronouns agree in gender and number, a new role noun is a new
        #: speaker, persons named as objects are antecedents, mentions read as a reader
        #: writes them (``des Ministeriums`` -> ``Ministerium``)
        self.agreement = agreement
        self.mentioned: list[_Entity] = []
        #: the person each observed name token belongs to, where that name ends and whether
        #: it stands in the genitive (token index -> (entity, last token's index, genitive))
        self.named_at: dict[int, tuple[_Entity, int, bool]] = {}
        #: where each entry of ``mentioned`` is named (character offset)
        self.mentioned_at: list[int] = []
        #: where the last two observed sentences start (character offsets)
        self.sentence_starts: list[int] = [0, 0]

    def observe(self, tokens: Sequence[Token]) -> None:
        """Learn names and their roles from a sentence (``Präsident Putin``, ``X, Sprecher``)."""
        if tokens:
            self.sentence_starts = [self.sentence_starts[-1], tokens[0].start]
            self.subjects = [self.subjects[-1], None]
        quoted = _inside_quotes(tokens) if self.agreement else []
        # only the learned path resolves pronouns by the subject before (see _antecedent)
        relative, subject_end = _subject_zone(tokens) if self.agreement else (set(), 0)
        i = 0
        while i < len(tokens):
            if tokens[i].pos != "NE":
                i += 1
                continue
            end = i
            while end < len(tokens) and tokens[end].pos == "NE":
                end += 1
            if end < len(tokens):
                end += rest_of_name(tokens, end, list(tokens[i:end]))
            run = list(tokens[i:end])
            genitive = (
                run[-1].text.endswith("s")
                and end < len(tokens)
                and speech_noun_before(tokens, end + 1)
            )
            if genitive:  # "nach Celebis Angaben", "Merkels Worten": Celebi, Merkel
                run[-1] = with_text(run[-1], run[-1].text[:-1])
            entity = self._person(run, tokens[i - 1] if i > 0 else None)
            if i > 0 and _before_a_place(tokens[i - 1]) and not (entity.roles or genitive):
                entity.place = True
            for token in tokens[i:end]:
                self.named_at[token.index] = (entity, tokens[end - 1].index, genitive)
            entity.named = True
            if (
                i < subject_end
                and i not in relative
                and not genitive
                and not (quoted and quoted[i])
            ):
                # the last name before it: "Hessens Ministerpräsident Roland Koch" is Koch
                self.subjects[-1] = entity
            self.names_seen += 1
            entity.seen = self.names_seen
            self._index_roles(entity, entity.roles)
            if self.agreement and not quoted[i]:
                # a name inside a quotation is what someone says, not whom the text refers
                # to next ("„Gut“, sagte er": er is not "Gut")
                self._mention(entity, tokens[i].start)
            # the role noun right before the name ("Präsident Putin"); a role further back
            # belongs to someone else ("Die Ministerin sprach in Berlin")
            role = role_of(tokens[i - 1].text) if i > 0 and tokens[i - 1].pos == "NN" else None
            if role:
                self._add_role(entity, role)
            if end + 1 < len(tokens) and tokens[end].pos == "$,":
                after = noun_phrase_end(tokens, end + 1)
                for k in range(end + 1, after):
                    role = role_of(tokens[k].text) if tokens[k].pos == "NN" else None
                    if role:
                        self._add_role(entity, role)
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
            if token.pos != "NN" or not (role_of(token.text) or role_of(lemma_as_written(token))):
                continue
            if i + 1 < len(tokens) and tokens[i + 1].pos == "NE":
                continue  # "Präsident Putin": the name stands for the person
            if i > 0 and tokens[i - 1].pos == "NE":
                continue
            if after_title(tokens, i) or (i > 0 and after_title(tokens, i - 1)):
                continue  # "Frau Kachelmann": a person named, not a role
            determiner = next(
                (t for t in reversed(tokens[max(0, i - 3) : i]) if t.pos not in {"ADJA", "ADV"}),
                None,
            )
            plural = dative_plural(token) or (
                determiner is not None and determiner.text.lower() in PLURAL_DETERMINERS
            )
            entity = self._role_entity(token, plural)
            self._mention(entity, token.start)

    def _role_entity(self, noun: Token, plural: bool = False) -> _Entity:
        role = role_of(noun.text) or role_of(lemma_as_written(noun)) or ""
        for entity in reversed(self.mentioned[-12:]):
            if role in entity.roles and not entity.named:
                return entity
        name = lemma_as_written(noun)
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
        entity = self._entity(surname(run))
        role = role_of(before.text) if before is not None and before.pos == "NN" else None
        if role is not None:
            gender = "f" if _feminine_role(before.text, role) else "m"
        elif before is not None and before.text in TITLES:
            gender = TITLES[before.text]
        else:
            gender = given_name_gender(run[0].text)  # "Angela Merkel", "seine Tochter Maria"
        if gender == "f":
            entity.feminine = True
        elif gender == "m" and entity.gender is None:
            entity.gender = "m"  # known to be a man: "sie" never falls back to him
        return entity

    def _entity(self, name: str) -> _Entity:
        if name.endswith("s") and name[:-1] in self.entities:
            name = name[:-1]
        if name not in self.entities:
            # "Maizière" after "Thomas de Maizière": the surname without its particle
            name = self._lower_case_endings().get(name, name)
        return self.entities.setdefault(name, _Entity(name))

    def _lower_case_endings(self) -> dict[str, str]:
        """Return ``ending -> name`` for the names that start in lower case (``de Maizière``).

        Every ending after a space counts (``der Leyen``, ``Leyen``); the name entered first
        wins. Only the names entered since the last call are read, so the lookup stays
        linear in the text however many names it has.
        """
        fresh = len(self.entities) - self._ended  # names enter at the end, none leaves
        names = list(islice(reversed(self.entities), fresh))[::-1]
        self._ended += fresh
        for known in names:
            if known[:1].islower():
                for position, character in enumerate(known):
                    if character == " ":
                        self._endings.setdefault(known[position + 1 :], known)
        return self._endings

    def resolve(self, mention: Sequence[Token]) -> str | None:
        """Return the resolved speaker of a mention and remember it as the latest speaker.

        A pronoun with no speaker before it to refer to stays as written (``Sie``); a
        coordinated mention names each speaker (``SPD und PDS``).
        """
        parts = conjuncts(mention)
        if len(parts) == 1 and self.agreement:
            outside = [t for t in outside_brackets(mention) if not is_quote(t)]
            attribute = source_attribute(outside)
            if attribute is not None and len(conjuncts(attribute)) > 1:
                return self.resolve(attribute)  # "Die Äußerungen Hassemers und Papiers"
        if len(parts) > 1:
            names = [self.resolve(part) for part in parts]
            return " und ".join(name for name in names if name) or None
        entity = self._lookup(mention)
        if entity is NO_ONE:
            return None
        if entity is not None:
            if not entity.unresolved:
                self.history.append(entity)
            return entity.name
        words = [t.text for t in mention if t.pos != "$," and not is_quote(t)]
        return " ".join(words) or None

    def latest(self) -> str | None:
        """Return the most recent resolved speaker."""
        return self.history[-1].name if self.history else None

    def _lookup(self, mention: Sequence[Token]) -> _Entity | None:
        with_commas = [t for t in outside_brackets(mention) if not is_quote(t)]
        words = [t for t in with_commas if t.pos != "$,"]
        if not words:
            return None
        first = words[0].text.lower()
        if len(words) == 1 and first in INDEFINITE:
            return self.entities.setdefault(first, _Entity(first, person=False))  # "Man": man
        if len(words) == 1 and words[0].pos in {"PPER", "PRELS", "PDS", "PPOSAT"}:
            if self.agreement:
                antecedent = self._antecedent(first, words[0].start)
                return antecedent or _Entity(
                    _as_written(words[0].text), person=False, unresolved=True
                )
            if first in {"er", "der"} or first.startswith("sein"):
                return self._recent(lambda e: e.person and not e.feminine)
            if first in {"sie", "die"} or first.startswith("ihr"):
                return self._recent(lambda e: e.feminine or not e.person) or self._recent(
                    lambda e: True
                )
            return _Entity(words[0].text, person=False)
        attribute = source_attribute(with_commas) if self.agreement else None
        if attribute:  # "Angaben der Ministerin Rita Verdonk": the minister's words
            return self._lookup(attribute)
        owner = owner_of_a_thought(words) if self.agreement else None
        if owner is not None:  # "Seine Zuversicht": his; "die Befürchtung": no one's
            return self._lookup(owner) if owner else NO_ONE
        run = name_run(with_commas)
        if run and not (len(run) == 1 and run[0].text in {"Nato", "EU", "UN"}):
            if self.agreement:
                body = self._named_body(with_commas, run)
                if body is not None:
                    return body
            observed = self.named_at.get(run[-1].index)
            if observed is not None and (observed[1] > run[-1].index or observed[2]):
                # "des Rezensenten Alan" cut before "Posener": the whole name; "Celebis" before
                # "Angaben": the name in the nominative
                return observed[0]
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
                self._add_role(known, role)
                return known
            name = lemma_as_written(nouns[0])
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
                self._add_role(known, role)
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
        alone, later in the text, is the same body. After a role, a given name and a
        surname name a person (``Der Chef der Deutschen Bank Josef Ackermann``).
        """
        head = next((t for t in words if is_noun(t)), None)
        if (
            len(run) > 1
            and given_name_gender(run[0].text) in {"f", "m"}
            and head is not None
            and role_of(head.text) is not None
        ):
            return None
        at = words.index(run[0])
        end = at + len(run)
        if end < len(words) and words[end].text in body_nouns()[1]:
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
        elif pronoun in {"ich", "mir", "mich", "wir", "uns"} or pronoun.startswith(
            ("mein", "unser")
        ):
            # the latest speaker, if one who can say it: not a thing a mention named ("das
            # Motiv"); then the pronoun stays as written rather than go to someone further back
            latest = self._recent(lambda e: True)
            return latest if latest is not None and _may_speak_for_itself(latest) else None
        else:
            return self._recent(lambda e: True)
        if pronoun in {"dieser", "diese"}:
            named = self._named_before(start, test, self.sentence_starts[0])
            if named is not None:
                return named
        subject = self.subjects[0]
        if (
            start == self.sentence_starts[1]
            and subject is not None
            and _a_person(subject)  # a person, not a place
            and test(subject)
        ):
            # a pronoun opening its sentence continues the subject of the sentence before
            return subject
        speaker = self._recent(lambda e: test(e) and not e.place)
        if speaker is None or not _a_person(speaker):
            # "Laut diesem Entwurf ... Der Italiener Nicola Zingaretti gehört zu den
            # Unterstützern. Er erklärte": a person named just before, not the document
            person = self._named_before(start, test, self.sentence_starts[0])
            if person is not None:
                return person
        # only what was mentioned before the pronoun ("Er wird verdächtigt, einen Anschlag
        # auf Kabul zu planen": not Kabul), and a name known to be a man's or a woman's first
        # ("Pino Scaduto, einer der Bosse der Cosa Nostra ... Er": Scaduto, not Nostra)
        before = [
            e
            for e, at in zip(self.mentioned[-12:], self.mentioned_at[-12:], strict=True)
            if at < start and test(e) and not e.place
        ]
        known = [e for e in before if e.feminine or e.gender in {"m", "pl"}]
        found = speaker or (known or before or [None])[-1]
        if found is None and test is _feminine_or_plural:
            # "Merkel sagte ... Sie sagte": a person named by the surname alone may be a woman;
            # "sie" stays unresolved only if no speaker of unknown gender came before
            found = self._recent(lambda e: _a_person(e) and not e.feminine and e.gender is None)
        return found

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
        """Return the person named last who plays ``role`` (see :func:`_plays`), if any.

        Even if not yet as a speaker. A scan of every entity for each role noun grew with the
        square of a text naming ever new people.
        """
        return self._named_roles.get(role)

    def _add_role(self, entity: _Entity, role: str) -> None:
        entity.roles.add(role)
        entity.place = False  # a name with a role is a person after all
        self._index_roles(entity, (role,))

    def _index_roles(self, entity: _Entity, roles: Iterable[str]) -> None:
        """Let a named entity hold its roles, and their endings, if it was named last."""
        if not entity.seen:
            return
        for known in roles:
            # a deputy holds only its own office: "Vizepräsident" is no "Präsident"
            deputy = known.startswith("vize")
            for ending in (known,) if deputy else (known[k:] for k in range(len(known))):
                holder = self._named_roles.get(ending)
                if holder is None or holder.seen <= entity.seen:
                    self._named_roles[ending] = entity

    def _recent(self, test) -> _Entity | None:  # type: ignore[no-untyped-def]
        for entity in reversed(self.history[-8:]):
            if test(entity):
                return entity
        return None


_OPENING_MARKS = frozenset("„»‚›")


_CLOSING_MARKS = frozenset("“«‘‹")


def _subject_zone(tokens: Sequence[Token]) -> tuple[set[int], int]:
    """Return the positions of relative clauses and brackets, and where a subject's zone ends.

    A subject is named outside relative clauses and brackets, before the first finite verb
    or preposition outside them (the zone's end). The last name there is the subject ("Der
    serbische Regierungschef Vojislav Koštunica lehnt ... ab"; "Kurt Beck (SPD) hat", not
    the party): the person the next sentence's "er" most likely continues with.
    """
    relative = _relative_clauses(tokens) | _in_brackets(tokens)
    verb = next(
        (k for k, t in enumerate(tokens) if t.pos in FINITE and k not in relative), len(tokens)
    )
    end = next(
        (k for k in range(verb) if tokens[k].pos in {"APPR", "APPRART"} and k not in relative),
        verb,
    )
    return relative, end


def _in_brackets(tokens: Sequence[Token]) -> set[int]:
    """Return the positions inside round brackets (``Kurt Beck (SPD)``)."""
    inside: set[int] = set()
    depth = 0
    for k, token in enumerate(tokens):
        if token.text == ")":
            depth = max(0, depth - 1)
        if depth:
            inside.add(k)
        if token.text == "(":
            depth += 1
    return inside


def _relative_clauses(tokens: Sequence[Token]) -> set[int]:
    """Return the positions inside relative clauses (``, der die Allianz führt,``)."""
    inside: set[int] = set()
    for k in range(len(tokens) - 1):
        opens = tokens[k + 1].pos == "PRELS" or (
            tokens[k + 1].pos == "APPR" and k + 2 < len(tokens) and tokens[k + 2].pos == "PRELS"
        )
        if tokens[k].pos == "$," and opens:
            end = next((j for j in range(k + 1, len(tokens)) if tokens[j].pos == "$,"), len(tokens))
            inside.update(range(k + 1, end))
    return inside


def _inside_quotes(tokens: Sequence[Token]) -> list[bool]:
    """Return, per token, whether it stands inside quotation marks of its sentence.

    The marks are counted in one pass over the sentence.
    """
    inside = []
    depth = 0
    straight = False
    for token in tokens:
        inside.append(depth > 0 or straight)
        if token.text in _OPENING_MARKS:
            depth += 1
        elif token.text in _CLOSING_MARKS:
            depth = max(0, depth - 1)
        elif token.text == '"':
            straight = not straight
    return inside


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
    # an acronym names a body ("SPD", "USGS"), which "er" does not refer to, nor a place
    return (
        entity.person and not entity.place and not (len(entity.name) > 1 and entity.name.isupper())
    )


def _as_written(pronoun: str) -> str:
    """Return how an unresolved pronoun is shown: as written, a possessive as its person.

    Examples
    --------
    >>> _as_written("Sie"), _as_written("meiner"), _as_written("unserer")
    ('Sie', 'ich', 'wir')
    """
    lower = pronoun.lower()
    return "ich" if lower.startswith("mein") else "wir" if lower.startswith("unser") else pronoun


def _may_speak_for_itself(entity: _Entity) -> bool:
    """Whether a speaker may say "ich" or "wir": not a place, not an abstract thing.

    A person, a name or a body may (``die Regierung``, ``die Opposition``); ``die
    Möglichkeit`` or ``die Haltung der Regierung``, which a mention named wrongly, may not
    (:func:`~toolkit.speech.roles.is_abstract_thing`).
    """
    if entity.place:
        return False
    if entity.person or entity.named:
        return True
    head = next((word for word in entity.name.split() if word[:1].isupper()), "")
    return not is_abstract_thing(head)


def _masculine(entity: _Entity) -> bool:
    if _a_person(entity):
        return not entity.feminine and entity.gender != "pl"
    return entity.gender == "m"


def _feminine_or_plural(entity: _Entity) -> bool:
    if _a_person(entity):
        return entity.feminine or entity.gender == "pl"
    return entity.gender in {"f", "pl", None}


#: Words before a name that make it a place (``in Deutschland``, ``nach Kabul``, ``das
#: Kosovo``): in news a person's name takes no article, and ``in``/``nach``/``aus`` before a
#: name say where.
_BEFORE_A_PLACE = frozenset({"in", "im", "ins", "nach", "aus", "das", "dem", "des"})
#: Nouns right before a name that make it a place (``der Provinz Kosovo``, ``die Stadt
#: Homs``); compounds count by their ending (``Hafenstadt``, ``Teilrepublik``).
_PLACE_NOUNS = frozenset(
    {
        "provinz", "stadt", "region", "land", "bundesland", "staat", "insel", "republik",
        "gemeinde", "kreis", "bezirk", "dorf", "kanton", "distrikt", "gebiet", "grafschaft",
        "halbinsel", "hauptstadt", "metropole", "küste",
    }
)  # fmt: skip


def _before_a_place(token: Token) -> bool:
    """Whether a word before a name makes it a place (``in Kabul``, ``Provinz Kosovo``)."""
    if token.text.lower() in _BEFORE_A_PLACE:
        return True
    return token.pos == "NN" and bool(suffixes_in(token.text.lower(), _PLACE_NOUNS))


#: Indefinite pronouns name no one in particular: written in lower case wherever they stand.
INDEFINITE = frozenset({"man", "jemand", "niemand"})


def conjuncts(mention: Sequence[Token]) -> list[Sequence[Token]]:
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
        elif speech_noun_before(mention, position) and genitive_names(mention[position:]):
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
    """Whether a conjunct is a role noun followed by a name (``Arbeitsminister Franz M.``).

    The name may follow as an apposition (``Mitabgeordnete in der Versammlung Hongkongs,
    Claudia Mo``).
    """
    apposition = any(t.pos == "$," for t in part[1:]) and part[-1].pos == "NE"
    return (
        len(part) > 1
        and part[0].pos in {"NN", "NNA"}  # "Abgeordnete Claudia Mo": a noun from an adjective
        and role_of(part[0].text) is not None
        and (part[1].pos == "NE" or apposition)
    )
