"""Person and number of a finite verb, from agreement with a subject pronoun nearby.

A form such as ``habe`` fills several cells of its paradigm (present 1sg, Konjunktiv I 1sg
and 3sg); which one is meant depends on the subject. This module picks the cell:

1. Pronouns that are always nominative (``ich``, ``du``, ``er``, ``wir``, ``man``) count
   anywhere in the verb's clause (``Ich bin zufrieden und werde wiederkommen``);
   ``sie``, ``es``, ``ihr`` (also accusative or dative) only within three tokens. The
   nearest pronoun that fits one of the form's cells decides.
2. A sentence that starts with the verb and has no subject pronoun drops an ``ich``
   (``Habe die Artikel prompt erhalten.``), unless it is a conditional clause followed by
   a main clause that starts with its verb (``Werde der Vertrag abgelehnt, drohe ...``).
3. Otherwise the 3rd person is taken: news text reports on others.

2nd person cells count only when ``du`` or ``ihr`` is there (``leistet`` is not read as
Konjunktiv I 2pl in a news text).

Examples
--------
>>> from toolkit import analyse
>>> tokens = analyse("Aber jetzt bekomme ich sie nicht weg.").tokens
>>> choose_slot(frozenset({0, 2}), tokens, 2)[0]
0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from toolkit.model import Token

#: Subject pronouns and the slots (see :data:`toolkit.mood.paradigms.SLOTS`) they agree with.
NOMINATIVE_PRONOUNS: dict[str, frozenset[int]] = {
    "ich": frozenset({0}),
    "du": frozenset({1}),
    "er": frozenset({2}),
    "man": frozenset({2}),
    "wir": frozenset({3}),
}
#: Pronouns that may also be objects: they count only close to the verb.
OTHER_PRONOUNS: dict[str, frozenset[int]] = {
    "sie": frozenset({2, 5}),
    "es": frozenset({2}),
    "ihr": frozenset({4}),
}
#: Without agreement evidence, the most likely slot first (news report on 3rd persons).
DEFAULT_ORDER: tuple[int, ...] = (2, 5, 0, 3, 1, 4)
SECOND_PERSON = frozenset({1, 4})
#: How far (in tokens) a pronoun that may be an object can stand from its verb.
WINDOW = 3
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})


def is_boundary(token: Token) -> bool:
    """Return whether a token ends a clause (punctuation, quotes, dashes: STTS ``$...``)."""
    return (token.pos or "").startswith("$")


def clause_bounds(
    tokens: Sequence[Token], position: int, ends_clause: Callable[[Token], bool] = is_boundary
) -> tuple[int, int]:
    """Return ``(first, last + 1)`` of the clause around ``tokens[position]``.

    ``ends_clause`` says which tokens bound it (by default any STTS ``$`` mark).
    """
    start = position
    while start > 0 and not ends_clause(tokens[start - 1]):
        start -= 1
    end = position + 1
    while end < len(tokens) and not ends_clause(tokens[end]):
        end += 1
    return start, end


def pronoun_evidence(tokens: Sequence[Token], position: int) -> list[frozenset[int]]:
    """Slots of the subject pronouns in the verb's clause, nearest first."""
    start, end = clause_bounds(tokens, position)
    found = []
    for index in range(start, end):
        if index == position or tokens[index].pos != "PPER":
            continue
        word = tokens[index].text.lower()
        distance = abs(index - position)
        slots = NOMINATIVE_PRONOUNS.get(word)
        if slots is None and distance <= WINDOW:
            slots = OTHER_PRONOUNS.get(word)
        if slots is not None:
            found.append((distance, index, slots))
    return [slots for _distance, _index, slots in sorted(found)]


def opens_sentence(tokens: Sequence[Token], position: int) -> bool:
    """Return whether the verb is the first word of its sentence (quotes aside)."""
    return all(is_boundary(token) for token in tokens[:position])


def conditional_main_verb(tokens: Sequence[Token], position: int) -> int | None:
    """Return the main clause's verb if the verb opens a conditional clause, else ``None``.

    ``Sollte es regnen, bleiben wir``: a sentence-initial verb whose clause ends in a comma
    followed by the main clause's verb (maybe after ``so`` / ``dann``) opens a conditional
    without ``wenn``.
    """
    if not opens_sentence(tokens, position):
        return None
    _start, end = clause_bounds(tokens, position)
    if end + 1 >= len(tokens) or tokens[end].pos != "$,":
        return None
    following = end + 1
    if tokens[following].text.lower() in {"so", "dann"}:
        following += 1
    if following < len(tokens) and tokens[following].pos in FINITE_TAGS:
        return following
    return None


def drops_ich(tokens: Sequence[Token], position: int) -> bool:
    """Return whether the verb opens a sentence without a subject (``Habe ... erhalten.``)."""
    if not opens_sentence(tokens, position) or conditional_main_verb(tokens, position) is not None:
        return False
    return not tokens[-1].text.endswith("?")


def choose_slot(
    slots: frozenset[int], tokens: Sequence[Token], position: int
) -> tuple[int | None, frozenset[int]]:
    """Return the slot the verb agrees with, and the slots still possible.

    Parameters
    ----------
    slots
        The slots (0-5: 1sg, 2sg, 3sg, 1pl, 2pl, 3pl) whose cells have the verb's form.
    tokens, position
        The tagged sentence and the verb's position in it.
    """
    evidence = pronoun_evidence(tokens, position)
    if not any(agreeing & SECOND_PERSON for agreeing in evidence) and slots - SECOND_PERSON:
        slots = slots - SECOND_PERSON
    for agreeing in evidence:
        if agreeing & slots:
            return _most_likely(agreeing & slots), slots
    if 0 in slots and drops_ich(tokens, position):
        return 0, slots
    return _most_likely(slots), slots


def _most_likely(slots: frozenset[int]) -> int | None:
    return next((slot for slot in DEFAULT_ORDER if slot in slots), None)
