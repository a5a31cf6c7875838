"""Inflected forms generated for the entries of a polarity lexicon (regular German patterns).

Adjective endings and comparison, noun plurals, and verb forms from pattern.de's verb table
(also for a prefixed verb whose base is in the table: ``ausfallen`` like ``fallen``), else by
regular rules.

Examples
--------
>>> sorted(inflected_forms("Krise", "NN"))
['Krisen']
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.lexicons import pattern_verb_table

_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_NOUN_ENDINGS = ("s", "es", "n", "en", "e", "er", "ern", "nen")
_VERB_ENDINGS = ("e", "st", "t", "en", "et", "te", "test", "ten", "tet", "end")
_INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "hinter", "über", "unter")
_SEPARABLE = ("ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "zurück", "weg")


def adjective_forms(adjective: str) -> Iterator[str]:
    """Yield inflected and compared forms of an adjective (regular patterns only).

    Examples
    --------
    >>> {"teure", "teuren", "teurer"} <= set(adjective_forms("teuer"))
    True
    >>> "provokanteste" in set(adjective_forms("provokant"))
    True
    """
    stems = [adjective]
    if adjective.endswith(("el", "er")) and len(adjective) > 4:
        stems.append(adjective[:-2] + adjective[-1])  # dunkel -> dunkle, teuer -> teure
    for stem in stems:
        if stem.endswith("e"):
            yield from (stem + ending[1:] for ending in _ADJECTIVE_ENDINGS if ending != "e")
        else:
            yield from (stem + ending for ending in _ADJECTIVE_ENDINGS)
    yield adjective + "er"
    for degree in (adjective + "er", adjective + ("est" if adjective[-1] in "dtsßxz" else "st")):
        yield from (degree + ending for ending in _ADJECTIVE_ENDINGS)


def noun_forms(noun: str) -> Iterator[str]:
    """Yield plural and case forms of a noun (regular endings only).

    Examples
    --------
    >>> sorted(noun_forms("Krise"))
    ['Krisen']
    """
    if noun.endswith("e"):
        yield noun + "n"
    elif noun.endswith("in"):
        yield noun + "nen"
    else:
        yield from (noun + ending for ending in _NOUN_ENDINGS if ending != "nen")


def verb_forms(infinitive: str) -> Iterator[str]:
    """Yield finite forms and participles of a verb (pattern.de's table, else regular rules).

    Examples
    --------
    >>> {"gefällt", "gefiel"} <= set(verb_forms("gefallen"))
    True
    >>> {"angekündigt", "angekündigte"} <= set(verb_forms("ankündigen"))
    True
    >>> {"ausgefallen", "ausfällt", "abgelehnt"} <= set(verb_forms("ausfallen")) | set(
    ...     verb_forms("ablehnen"))
    True
    """
    row = pattern_verb_table().get(infinitive) or _prefixed_row(infinitive)
    if row is not None:
        participle = row[12]
        yield from (form for form in row if form)
    else:
        stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
        yield from (stem + ending for ending in _VERB_ENDINGS)
        participle = _participle(infinitive, stem)
        yield participle
    yield from (participle + ending for ending in _ADJECTIVE_ENDINGS)
    yield from (infinitive + "d" + ending for ending in ("", *_ADJECTIVE_ENDINGS))


def _prefixed_row(infinitive: str) -> tuple[str, ...] | None:
    # "ausfallen" is not in pattern.de's table, but "fallen" is: "ausgefallen", "ausfiel".
    table = pattern_verb_table()
    for cut in range(2, len(infinitive) - 3):
        prefix, base = infinitive[:cut], infinitive[cut:]
        row = table.get(base)
        if row is None or not prefix.isalpha():
            continue
        forms = [prefix + form if form else form for form in row]
        if prefix in _INSEPARABLE and row[12].startswith("ge"):  # "vergessen" -> "ver-" + "essen"
            forms[12] = prefix + row[12][2:]
        return tuple(forms)
    return None


def _participle(infinitive: str, stem: str) -> str:
    if infinitive.endswith("ieren") or infinitive.startswith(_INSEPARABLE):
        return stem + "t"
    for prefix in _SEPARABLE:
        if infinitive.startswith(prefix) and len(infinitive) - len(prefix) >= 4:
            return prefix + "ge" + stem[len(prefix) :] + "t"
    return "ge" + stem + "t"


def inflected_forms(word: str, pos: str) -> Iterator[str]:
    """Yield the forms generated for a lexicon entry with Penn tag ``pos`` (JJ, NN, VB)."""
    if pos == "JJ":
        yield from adjective_forms(word)
    elif pos == "NN":
        yield from noun_forms(word)
    elif pos == "VB" and word.endswith("n"):
        yield from verb_forms(word)
