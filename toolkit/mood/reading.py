"""Reading an ambiguous verb form as Konjunktiv, for stages that know its context.

A ``syncretic`` form (``sollte``, 3pl ``haben``) is counted as indicative by the mood stage,
because the form alone cannot tell. These helpers say which Konjunktiv it may be
(:func:`possible_konjunktiv`), which one it is when it reports someone's words
(:func:`reported_konjunktiv`), and re-read it as that Konjunktiv (:func:`read_as_konjunktiv`).
The reported-speech stage uses them (:mod:`toolkit.speech.mood_context`).

Examples
--------
>>> from toolkit.mood.paradigms import paradigm
>>> indicative_counterpart(paradigm("nehmen"), 2, "II")
'nahm/nimmt'
>>> indicative_counterpart(paradigm("sollen"), 5, "II")
'sollen'
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from toolkit.model import VerbMood
from toolkit.mood.explain import explain
from toolkit.mood.paradigms import SLOTS, SUBJUNCTIVE_TENSES, Paradigm, paradigm

Konjunktiv = Literal["I", "II"]


def konjunktiv_type(tenses: set[str] | frozenset[str]) -> Konjunktiv | None:
    """Return ``I`` or ``II`` for a set of tenses that holds a Konjunktiv (I first)."""
    if "konjunktiv1" in tenses:
        return "I"
    if "konjunktiv2" in tenses:
        return "II"
    return None


def is_joined(form: str, found: Paradigm) -> bool:
    """Return whether a form carries its separable particle in front (``aufstünde``)."""
    return bool(found.particle) and form.lower().startswith(found.particle)


def indicative_counterpart(
    found: Paradigm, slot: int, konjunktiv: str, joined: bool = False
) -> str:
    """Return the indicative a Konjunktiv form stands for (``nähme`` -> ``nahm/nimmt``)."""
    present = found.form("present", slot, joined)
    if konjunktiv == "I":
        return present
    preterite = found.form("preterite", slot, joined)
    if preterite == found.form("konjunktiv2", slot, joined):
        return present  # "sollte" read as Konjunktiv II: its own past form is no counterpart
    return f"{preterite}/{present}"


#: Verbs with no usable würde-form: a Konjunktiv II of theirs that looks like the past
#: indicative (``sollten``, ``wollten``) has no unambiguous replacement.
NO_WUERDE_FORM = frozenset({"sollen", "wollen", "müssen", "können", "dürfen", "mögen", "werden"})


def ersatzform(found: Paradigm, slot: int, konjunktiv: str) -> tuple[str, str] | None:
    """Return the unambiguous form that replaces a Konjunktiv identical to the indicative.

    The rule German grammars teach (Duden): where the Konjunktiv I looks like the
    indicative, the Konjunktiv II takes its place (``die Preise steigen`` -> ``stiegen``,
    ``sie haben`` -> ``hätten``); a weak verb has no Konjunktiv II of its own (``sagten`` is
    its past indicative), so the würde-form does (``würden sagen``), as it does for a
    Konjunktiv II that looks like the indicative. Returns ``("II", form)``, ``("würde", form)``, or
    ``None`` where no unambiguous replacement exists (``sollten``, ``wollten``).

    Examples
    --------
    >>> ersatzform(paradigm("steigen"), 5, "I")
    ('II', 'stiegen')
    >>> ersatzform(paradigm("sagen"), 5, "I"), ersatzform(paradigm("sagen"), 2, "II")
    (('würde', 'würden sagen'), ('würde', 'würde sagen'))
    >>> ersatzform(paradigm("aufstehen"), 0, "I"), ersatzform(paradigm("sollen"), 5, "II")
    (('II', 'stünde … auf'), None)
    """
    second = found.form("konjunktiv2", slot)
    # strong and irregular verbs have their own Konjunktiv II (stiege, käme), weak verbs only
    # the past indicative (sagte): for them the würde-form is the replacement
    own = any(
        k2 and k2 != past for k2, past in zip(found.konjunktiv2, found.preterite, strict=True)
    )
    if konjunktiv == "I" and second and own:
        return "II", f"{second} … {found.particle}" if found.particle else second
    if found.lemma in NO_WUERDE_FORM:
        return None
    wuerde = paradigm("werden")
    if wuerde is None:
        return None
    return "würde", f"{wuerde.form('konjunktiv2', slot)} {found.lemma}"


def _own_slot(verb: VerbMood) -> int | None:
    if verb.person is None or verb.number is None:
        return None
    return SLOTS.index((verb.person, verb.number))


def possible_konjunktiv(verb: VerbMood) -> Konjunktiv | None:
    """Return the Konjunktiv a verb is or may be: ``I``, ``II`` or ``None``.

    For a subjunctive verb this is its type; for a ``syncretic`` or ``other_person``
    indicative (``sollte``, 3pl ``sagen``, ``ich habe``) the type of the Konjunktiv that has
    the same form, so a later stage can read it as subjunctive inside a reporting frame.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Sie sagten, die Preise sollten steigen.", speech=False)
    >>> [(v.text, v.mood, v.ambiguity, possible_konjunktiv(v)) for v in doc.verbs]
    [('sagten', 'Ind', 'syncretic', 'II'), ('sollten', 'Ind', 'syncretic', 'II')]
    """
    if verb.mood == "Sub":
        return verb.konjunktiv
    if verb.mood != "Ind" or verb.ambiguity == "unambiguous":
        return None
    found = paradigm(verb.lemma)
    if found is None:
        return None
    cells = found.cells(verb.text)
    own = [tense for tense, slot in cells if SLOTS[slot] == (verb.person, verb.number)]
    return konjunktiv_type(set(own) & SUBJUNCTIVE_TENSES) or konjunktiv_type(
        {tense for tense, _slot in cells} & SUBJUNCTIVE_TENSES
    )


def reported_konjunktiv(verb: VerbMood) -> Konjunktiv | None:
    """Return the Konjunktiv an ambiguous indicative is when it reports someone's words.

    Only the verb's own person and number count (agreement decided them):

    - a form that fills its own Konjunktiv I cell is Konjunktiv I (3pl ``haben``, 1sg
      ``habe``);
    - a past form that fills its own Konjunktiv II cell is Konjunktiv II only where the
      Konjunktiv I of that cell looks like the indicative (3pl ``sollten`` for ``sollen``,
      ``hörten`` for ``hören``): German takes Konjunktiv II to mark reported words exactly
      there. In the 3rd person singular the Konjunktiv I is distinct (``solle``, ``teile``),
      so a writer who chose ``sollte`` or ``teilte`` chose the past indicative (or left it
      open): ``None``.

    Examples
    --------
    >>> from toolkit import analyse
    >>> verbs = analyse("Sie sollten gehen, er sollte bleiben, sie haben Zeit.", speech=False).verbs
    >>> [(verb.text, reported_konjunktiv(verb)) for verb in verbs]
    [('sollten', 'II'), ('sollte', None), ('haben', 'I')]
    """
    slot = _own_slot(verb)
    found = paradigm(verb.lemma)
    if verb.mood != "Ind" or verb.ambiguity == "unambiguous" or slot is None or found is None:
        return None
    own = {tense for tense, cell_slot in found.cells(verb.text) if cell_slot == slot}
    if "konjunktiv1" in own:
        return "I"
    if "konjunktiv2" in own and found.form("konjunktiv1", slot) == found.form("present", slot):
        return "II"
    return None


def read_as_konjunktiv(
    verb: VerbMood, konjunktiv: Konjunktiv | None = None, *, resolved_by: str | None = None
) -> VerbMood:
    """Return a syncretic/other-person verb re-read as Konjunktiv (for a reporting frame).

    ``konjunktiv`` is the type to read (default: :func:`possible_konjunktiv`);
    ``resolved_by`` names the context that decided (``reporting frame``) and goes into the
    record and its explanation. The ambiguity class is kept, so the reader still sees that
    context decided. Unambiguous verbs are returned unchanged.

    Examples
    --------
    >>> from toolkit import analyse
    >>> verb = analyse("Sie sagten, die Länder haben Angst.", speech=False).verbs[1]
    >>> read_as_konjunktiv(verb).mood, read_as_konjunktiv(verb).konjunktiv
    ('Sub', 'I')
    >>> read_as_konjunktiv(verb, resolved_by="reporting frame").explanation_en
    ... # doctest: +NORMALIZE_WHITESPACE
    'haben: ambiguous (indicative or subjunctive I) of haben, 3rd person plural; read as
     subjunctive I in the frame of indirect speech; unambiguous replacement form: subjunctive
     II hätten'
    """
    konjunktiv = konjunktiv or possible_konjunktiv(verb)
    if verb.mood != "Ind" or verb.ambiguity == "unambiguous" or konjunktiv is None:
        return verb
    found = paradigm(verb.lemma)
    slot = _own_slot(verb)
    indicative = None
    if found is not None and slot is not None:
        indicative = indicative_counterpart(found, slot, konjunktiv, is_joined(verb.text, found))
    ersatz = (
        ersatzform(found, slot, konjunktiv)
        if found is not None and slot is not None and verb.ambiguity == "syncretic"
        else None
    )
    texts = [
        explain(verb.text, verb.lemma, "Sub", konjunktiv, verb.person, verb.number, indicative,
                language=language, ambiguity=verb.ambiguity, possible=konjunktiv,
                resolved_by=resolved_by, ersatz=ersatz)
        for language in ("de", "en")
    ]  # fmt: skip
    return replace(
        verb,
        mood="Sub",
        konjunktiv=konjunktiv,
        indicative=indicative,
        explanation_de=texts[0],
        explanation_en=texts[1],
        resolved_by=resolved_by,
    )
