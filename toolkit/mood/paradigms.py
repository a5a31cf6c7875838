"""Full verb paradigms (present, past, Konjunktiv I and II) for any German verb lemma.

The paradigms come from ``ablaut``, which conjugates any German infinitive, regular or not.
Where ``ablaut`` gives up (it raises ``ValueError`` for words it does not take for an
infinitive), the verb table bundled with textblob-de (pattern.de, about 2,000 frequent verbs,
read through :mod:`toolkit.lexicons`) is the fallback. Paradigms are cached per lemma.

A paradigm has six cells per tense, in the order 1st, 2nd, 3rd person singular, then 1st,
2nd, 3rd person plural (:data:`SLOTS`). Separable verbs keep their particle apart
(``aufstehen``: ``stehe`` + ``auf``), because the finite verb stands without it in a main
clause (``er stünde auf``) and with it in a subordinate one (``dass er aufstünde``); both
spellings are found.

Examples
--------
>>> nehmen = paradigm("nehmen")
>>> nehmen.konjunktiv2[2], nehmen.preterite[2], nehmen.present[2]
('nähme', 'nahm', 'nimmt')
>>> sorted(nehmen.cells("nähme"))
[('konjunktiv2', 0), ('konjunktiv2', 2)]
>>> sorted(paradigm("aufstehen").cells("aufstünde"))
[('konjunktiv2', 0), ('konjunktiv2', 2)]
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from toolkit.errors import ResourceError
from toolkit.memo import word_memo

Tense = Literal["present", "preterite", "konjunktiv1", "konjunktiv2"]
#: The finite tenses of a paradigm, indicative first.
TENSES: tuple[Tense, ...] = ("present", "preterite", "konjunktiv1", "konjunktiv2")
INDICATIVE_TENSES: frozenset[str] = frozenset({"present", "preterite"})
SUBJUNCTIVE_TENSES: frozenset[str] = frozenset({"konjunktiv1", "konjunktiv2"})

#: Person and number of the six cells of each tense.
SLOTS: tuple[tuple[int, Literal["Sg", "Pl"]], ...] = (
    (1, "Sg"),
    (2, "Sg"),
    (3, "Sg"),
    (1, "Pl"),
    (2, "Pl"),
    (3, "Pl"),
)

Cell = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Paradigm:
    """The finite forms of one verb, lower-case, without a separable particle.

    ``particle`` is the separable prefix (``auf`` for ``aufstehen``), or ``""``; ``source``
    says where the forms come from (``ablaut`` or ``pattern.de``).
    """

    lemma: str
    present: tuple[str, ...]
    preterite: tuple[str, ...]
    konjunktiv1: tuple[str, ...]
    konjunktiv2: tuple[str, ...]
    imperative: tuple[str, ...] = ()
    particle: str = ""
    source: str = "ablaut"
    #: further Konjunktiv II forms, six cells each (``stände`` beside ``stünde``)
    konjunktiv2_variants: tuple[tuple[str, ...], ...] = ()
    _index: dict[str, tuple[Cell, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        index: dict[str, list[Cell]] = {}
        for tense in TENSES:
            for slot, form in enumerate(getattr(self, tense)):
                if not form:
                    continue
                index.setdefault(form, []).append((tense, slot))
                if self.particle:
                    index.setdefault(self.particle + form, []).append((tense, slot))
        indicative = set(self.present) | set(self.preterite)
        for forms in self.konjunktiv2_variants:
            for slot, form in enumerate(forms):
                if form in indicative:  # "ich schwöre" stays a present indicative
                    continue
                for spelling in {form, self.particle + form}:
                    index.setdefault(spelling, []).append(("konjunktiv2", slot))
        self._index.update({form: tuple(cells) for form, cells in index.items()})

    def cells(self, form: str) -> tuple[Cell, ...]:
        """Return every ``(tense, slot)`` whose form is ``form`` (case is ignored).

        Examples
        --------
        >>> sorted(paradigm("haben").cells("habe"))
        [('konjunktiv1', 0), ('konjunktiv1', 2), ('present', 0)]
        """
        return self._index.get(form.lower(), ())

    def form(self, tense: str, slot: int, joined: bool = False) -> str:
        """Return the form of one cell; ``joined`` puts the separable particle in front.

        Examples
        --------
        >>> paradigm("sein").form("present", 2)
        'ist'
        >>> paradigm("zusammenhängen").form("present", 5, joined=True)
        'zusammenhängen'
        """
        found: str = getattr(self, tense)[slot]
        return self.particle + found if joined and found else found


def _split_particle(form: str) -> tuple[str, str]:
    """Split ablaut's main-clause form ``stehe auf`` into ``("stehe", "auf")``."""
    finite, _, particle = form.partition(" ")
    return finite, particle


def _from_ablaut(lemma: str) -> Paradigm | None:
    import ablaut

    try:
        conjugation = ablaut.conjugate(lemma)
    except (ValueError, KeyError, IndexError):
        return None
    tenses = {}
    particle = ""
    for tense in TENSES:
        forms = []
        for form in getattr(conjugation, tense):
            finite, particle_here = _split_particle((form or "").lower())
            particle = particle or particle_here
            forms.append(finite)
        tenses[tense] = tuple(forms)
    imperative = tuple(
        _split_particle((form or "").lower())[0] for form in conjugation.imperative or ()
    )
    return Paradigm(lemma=lemma, imperative=imperative, particle=particle, **tenses)


def _from_pattern(lemma: str) -> Paradigm | None:
    from toolkit.lexicons import pattern_verb_forms

    try:
        forms = pattern_verb_forms(lemma)
    except ResourceError:
        return None
    if forms is None:
        return None
    return Paradigm(lemma=lemma, source="pattern.de", **forms)


@word_memo()
def paradigm(lemma: str) -> Paradigm | None:
    """Return the paradigm of a verb lemma (cached), or ``None`` if no source knows it.

    Examples
    --------
    >>> paradigm("sein").konjunktiv1
    ('sei', 'seist', 'sei', 'seien', 'seiet', 'seien')
    >>> paradigm("Haus") is None
    True
    """
    if not lemma or not lemma.isalpha() or not lemma.islower():
        return None
    found = _from_ablaut(lemma) or _from_pattern(lemma)
    return _with_variants(found) if found is not None else None


_PERSON_ENDINGS = ("", "st", "", "n", "t", "n")


def _persons(third_singular: str) -> tuple[str, ...]:
    """Return the six cells of a Konjunktiv II from its 3rd person singular (``stände``)."""
    return tuple(third_singular + ending for ending in _PERSON_ENDINGS)


@lru_cache(maxsize=1)
def _variant_table() -> dict[str, tuple[str, ...]]:
    """Return ``verb -> its Konjunktiv II forms (3sg)`` from the toolkit's list of doublets."""
    from toolkit.resources import lines

    table: dict[str, tuple[str, ...]] = {}
    for line in lines("mood_konjunktiv2_variants"):
        verb, *forms = line.split()
        table[verb] = tuple(forms)
    return table


def _with_variants(found: Paradigm) -> Paradigm:
    """Add the other Konjunktiv II of a doublet verb, also after a prefix (``verstände``)."""
    own = found.konjunktiv2[2] if found.konjunktiv2 else ""
    for verb, forms in _variant_table().items():
        if not own or not found.lemma.endswith(verb):
            continue
        for form in forms:
            if own.endswith(form):
                prefix = own[: len(own) - len(form)]
                others = sorted({prefix + other for other in forms} - {own})
                return replace(
                    found, konjunktiv2_variants=tuple(_persons(other) for other in others)
                )
    return found


def doublet_lemmas(form: str) -> tuple[str, ...]:
    """Return the doublet verbs ``form`` may be a Konjunktiv II of.

    Examples
    --------
    >>> doublet_lemmas("verstände"), doublet_lemmas("stürbe")
    (('verstehen',), ('sterben',))
    """
    found = []
    for verb, forms in _variant_table().items():
        for third_singular in forms:
            for cell in _persons(third_singular):
                if form.endswith(cell):
                    found.append(form[: len(form) - len(cell)] + verb)
    return tuple(dict.fromkeys(found))


def is_known_verb(lemma: str) -> bool:
    """Return whether pattern.de's verb table or the doublet list has ``lemma``.

    Examples
    --------
    >>> is_known_verb("sterben"), is_known_verb("stürben")
    (True, False)
    """
    try:
        return lemma in _pattern_verb_lemmas() or lemma in _variant_table()
    except ResourceError:
        return True  # without pattern.de's table every lemma is taken as it comes


@lru_cache(maxsize=1)
def _pattern_verb_lemmas() -> frozenset[str]:
    from toolkit.lexicons import pattern_verb_table

    return frozenset(pattern_verb_table())


@lru_cache(maxsize=1)
def _pattern_forms_index() -> dict[str, tuple[str, ...]]:
    from toolkit.lexicons import pattern_verb_table

    index: dict[str, list[str]] = {}
    for lemma, row in pattern_verb_table().items():
        for form in set(row[1:6] + row[7:12] + row[16:24]):
            if form:
                index.setdefault(form.lower(), []).append(lemma)
    return {form: tuple(lemmas) for form, lemmas in index.items()}


def lemmas_of_form(form: str) -> tuple[str, ...]:
    """Return the lemmas that may have ``form`` as a finite form.

    They come from pattern.de's verb table and from the list of Konjunktiv II doublets; used
    when the tagger's lemma is wrong and its paradigm lacks the form.

    Examples
    --------
    >>> lemmas_of_form("nähme"), lemmas_of_form("verstände")
    (('nehmen',), ('verstehen',))
    """
    lower = form.lower()
    try:
        known = _pattern_forms_index().get(lower, ())
    except ResourceError:
        known = ()
    return tuple(dict.fromkeys((*known, *doublet_lemmas(lower))))
