"""Verb corrections after tagging: governed infinitives and participles, particle-verb lemmas.

Two things HanTa's per-sentence tags get wrong, which students meet in exercise keys:

- **Finite verbs come only from finite verbs.** HanTa sometimes tags an infinitive or a
  participle as finite (``Es könne örtlich zu Hagel und Sturmböen kommen``: ``kommen`` as
  ``VVFIN``). A modal verb or ``werden`` governs an infinitive, ``haben``, ``sein`` and
  ``werden`` a participle; :func:`correct_governed_verbs` gives such a verb its non-finite
  tag back when it stands where the governed verb stands (at the end of the governor's clause
  in a main clause, right before the governor in a subordinate clause).
- **Particle verbs get their full lemma.** In ``teilte der Dienst mit`` the finite verb is
  ``mitteilen``; HanTa lemmatises ``teilte`` to ``teilen`` and tags ``mit`` as a separated
  particle (``PTKVZ``). :func:`particle_lemmas` joins the particle of the verb's clause to its
  lemma.

Examples
--------
>>> words = ["Es", "könne", "örtlich", "zu", "Hagel", "und", "Sturmböen", "kommen", ","]
>>> tags = ["PPER", "VMFIN", "ADJD", "APPR", "NN", "KON", "NN", "VVFIN", "$,"]
>>> lemmas = ["es", "können", "örtlich", "zu", "Hagel", "und", "Sturmbö", "kommen", ","]
>>> correct_governed_verbs(words, tags, lemmas)[7]
'VVINF'
>>> words = ["teilte", "der", "Dienst", "mit", "."]
>>> particle_lemmas(words, ["VVFIN", "ART", "NN", "PTKVZ", "$."], ["teilen", "der", "Dienst",
...                 "mit", "."])[0]
'mitteilen'
"""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.memo import word_memo

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: Tags of verbs that a finite modal or auxiliary can govern (its "own" non-finite verb).
NON_FINITE = frozenset({"VVINF", "VAINF", "VMINF", "VVPP", "VAPP", "VMPP", "VVIZU"})
#: Tokens that end a clause for these corrections.
CLAUSE_ENDS = frozenset({"$,", "$."})
#: After ``und``/``oder``, these open a new clause with its own subject ("Er hat Geld und sie
#: kaufen ein"): a verb after them is not governed by a verb before them.
SUBJECT_STARTS = frozenset({"PPER", "PDS", "PIS", "ART", "PPOSAT", "PDAT", "NE"})
#: Auxiliaries and what they govern: ``werden`` the infinitive (future, würde-form) or the
#: participle (passive), ``haben`` and ``sein`` the participle (perfect).
AUXILIARY_GOVERNS = {
    "werden": ("infinitive", "participle"),
    "haben": ("participle",),
    "sein": ("participle",),
}
#: Verbs whose particle is joined to the lemma (separable verbs have full-verb tags).
PARTICLE_VERB_TAGS = frozenset({"VVFIN", "VVIMP"})


@word_memo()
def participle(lemma: str) -> str | None:
    """Return the past participle of a verb lemma (``ablaut``), or ``None``.

    Examples
    --------
    >>> participle("mitteilen"), participle("verkaufen")
    ('mitgeteilt', 'verkauft')
    """
    if not lemma or not lemma.isalpha() or not lemma.islower():
        return None
    import ablaut

    try:
        found = ablaut.conjugate(lemma).past_participle
    except (ValueError, KeyError, IndexError):
        return None
    return found.lower() if found else None


def _clauses(tags: Sequence[str]) -> list[range]:
    clauses, start = [], 0
    for position in range(len(tags) + 1):
        if position == len(tags) or tags[position] in CLAUSE_ENDS:
            if position > start:
                clauses.append(range(start, position))
            start = position + 1
    return clauses


def _governs(governor_tag: str, governor_lemma: str) -> tuple[str, ...]:
    if governor_tag == "VMFIN":
        return ("infinitive",)
    if governor_tag == "VAFIN":
        return AUXILIARY_GOVERNS.get(governor_lemma.lower(), ())
    return ()


def _non_finite_tag(word: str, tag: str, lemma: str, kinds: tuple[str, ...]) -> str | None:
    """Return the infinitive or participle tag ``word`` has when governed, else ``None``."""
    form = word.lower()
    lemma = lemma.lower()
    if "infinitive" in kinds and form == lemma:
        return tag[:2] + "INF"
    if "participle" in kinds and form == participle(lemma):
        return tag[:2] + "PP"
    return None


def correct_governed_verbs(
    words: Sequence[str], tags: Sequence[str], lemmas: Sequence[str]
) -> list[str]:
    """Give a governed infinitive or participle that HanTa tagged finite its own tag back.

    A "finite" verb in the clause of a finite modal or auxiliary becomes non-finite when

    - its form is what the governor takes (the infinitive after a modal or ``werden``, the
      participle after ``haben``, ``sein``, ``werden``),
    - the governor has no non-finite verb of its own in the clause, and
    - it stands where that verb stands: after the governor as the clause's last verb (main
      clause; not after ``und``/``oder`` + a new subject: ``Er hat Geld und sie kaufen``), or
      right before a clause-final governor (``dass es kommen könne``).

    Examples
    --------
    >>> correct_governed_verbs(["dass", "es", "kommen", "könne"],
    ...                        ["KOUS", "PPER", "VVFIN", "VMFIN"],
    ...                        ["dass", "es", "kommen", "können"])
    ['KOUS', 'PPER', 'VVINF', 'VMFIN']
    >>> correct_governed_verbs(["Er", "hat", "das", "Haus", "verkauft"],
    ...                        ["PPER", "VAFIN", "ART", "NN", "VVFIN"],
    ...                        ["er", "haben", "der", "Haus", "verkaufen"])[-1]
    'VVPP'
    >>> correct_governed_verbs(["Sollte", "er", "angenommen", "werden"],
    ...                        ["VMFIN", "PPER", "VVPP", "VAFIN"],
    ...                        ["sollen", "er", "annehmen", "werden"])[-1]
    'VAINF'
    >>> tags = ["PPER", "VAFIN", "NN", "KON", "PPER", "VVFIN"]
    >>> correct_governed_verbs(["Er", "hat", "Hunger", "und", "sie", "essen"], tags,
    ...                        ["er", "haben", "Hunger", "und", "sie", "essen"]) == tags
    True
    """
    corrected = list(tags)
    for clause in _clauses(tags):
        verbs = [i for i in clause if tags[i] in FINITE or tags[i] in NON_FINITE]
        finite = [i for i in verbs if tags[i] in FINITE]
        if len(finite) < 2 or any(
            tags[i] in NON_FINITE and not _governed_by_last(i, verbs, tags, lemmas) for i in verbs
        ):
            continue
        governor = finite[0]
        kinds = _governs(tags[governor], lemmas[governor])
        candidate = verbs[-1]
        if kinds and not _new_clause_between(tags, governor, candidate):
            new = _non_finite_tag(words[candidate], tags[candidate], lemmas[candidate], kinds)
            if new is not None:
                corrected[candidate] = new
                continue
        last = finite[-1]  # verb-final: "dass es kommen könne", "weil er gekommen sei"
        before = last - 1
        if last == clause[-1] and tags[before] in FINITE:
            kinds = _governs(tags[last], lemmas[last])
            new = _non_finite_tag(words[before], tags[before], lemmas[before], kinds)
            if new is not None:
                corrected[before] = new
    return corrected


def _governed_by_last(
    position: int, verbs: Sequence[int], tags: Sequence[str], lemmas: Sequence[str]
) -> bool:
    """Whether a participle belongs to the clause's last verb, an auxiliary tagged finite.

    In ``Sollte er angenommen werden`` the participle is governed by ``werden``, not by the
    modal: the modal's own verb is ``werden`` (an infinitive HanTa tagged finite).
    """
    last = verbs[-1]
    return (
        position < last
        and tags[position] in PARTICIPLES
        and tags[last] == "VAFIN"
        and lemmas[last].lower() in AUXILIARY_GOVERNS
    )


PARTICIPLES = frozenset({"VVPP", "VAPP", "VMPP"})


def _new_clause_between(tags: Sequence[str], governor: int, candidate: int) -> bool:
    return any(
        tags[k] == "KON" and tags[k + 1] in SUBJECT_STARTS for k in range(governor + 1, candidate)
    )


def particle_lemmas(words: Sequence[str], tags: Sequence[str], lemmas: Sequence[str]) -> list[str]:
    """Join a separated particle (``PTKVZ``) to the lemma of its finite verb.

    The particle is the first ``PTKVZ`` after the verb in the verb's clause (up to a comma,
    the sentence end or the next finite verb). A lemma that already starts with the particle
    is kept.

    Examples
    --------
    >>> particle_lemmas(["Sie", "gab", "das", "Amt", "auf", ",", "sagte", "er"],
    ...                 ["PPER", "VVFIN", "ART", "NN", "PTKVZ", "$,", "VVFIN", "PPER"],
    ...                 ["sie", "geben", "der", "Amt", "auf", ",", "sagen", "er"])
    ['sie', 'aufgeben', 'der', 'Amt', 'auf', ',', 'sagen', 'er']
    """
    joined = list(lemmas)
    for position, tag in enumerate(tags):
        if tag not in PARTICLE_VERB_TAGS:
            continue
        for k in range(position + 1, len(tags)):
            if tags[k] in CLAUSE_ENDS or tags[k] in FINITE:
                break
            if tags[k] == "PTKVZ":
                particle = words[k].lower()
                lemma = lemmas[position] or words[position].lower()
                if particle.isalpha() and not lemma.lower().startswith(particle):
                    joined[position] = particle + lemma.lower()
                break
    return joined
