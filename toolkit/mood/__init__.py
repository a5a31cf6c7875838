"""Finite verbs -> mood: Konjunktiv I / II, person, indicative counterpart, ambiguity.

How a verb is analysed:

1. HanTa (:mod:`toolkit.tagging`) finds the finite verbs (``VVFIN``, ``VAFIN``, ``VMFIN``,
   imperatives ``VVIMP``) and their lemma.
2. The full paradigm of the lemma (:mod:`toolkit.mood.paradigms`: ``ablaut``, pattern.de as the
   fallback) says which cells the form fills: ``nähme`` is Konjunktiv II 1st/3rd singular,
   ``habe`` is present 1sg and Konjunktiv I 1sg/3sg.
3. Person and number come from agreement: a subject pronoun close by (``ich``, ``wir``, ...)
   picks the cell; without one the 3rd person is taken (news text reports on others).
4. The cell decides the mood. The **ambiguity class** says how safe that is:

   - ``unambiguous``: the form is a subjunctive (or an indicative) in every reading
     (``sei``, ``nähme``, ``könnten``; ``ist``, ``warnte``);
   - ``other_person``: the form equals the indicative of another person, and agreement
     decided (3sg Konjunktiv I ``habe``, ``werde`` = 1sg indicative; ``ich habe`` stays
     indicative);
   - ``syncretic``: indicative and subjunctive are the same form in this very person and
     number (``sollte``, ``wollten``, 3pl ``sagen``, ``haben``). Such a verb is counted as
     indicative, but it carries the flag and :func:`possible_konjunktiv` names the
     Konjunktiv it may be; the reported-speech stage reads it as one inside indirect speech
     (:mod:`toolkit.speech.mood_context`, with :func:`reported_konjunktiv` and
     :func:`read_as_konjunktiv`; ``VerbMood.resolved_by`` then says so).

``würde`` + infinitive is the Konjunktiv II periphrasis: the record links to the infinitive
(``VerbMood.infinitive`` is its token index).

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Peskow warnte, dass diese Sichtweise gefährlich sei und er nichts ernst nähme.")
>>> [(v.text, v.mood, v.konjunktiv, v.indicative) for v in doc.verbs]
[('warnte', 'Ind', None, None), ('sei', 'Sub', 'I', 'ist'), ('nähme', 'Sub', 'II', 'nahm/nimmt')]
>>> doc.verbs[1].explanation_de
'sei: Konjunktiv I von sein, 3. Person Singular; Indikativ: ist'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from toolkit.model import Document, Token, VerbMood
from toolkit.mood.agreement import DEFAULT_ORDER, choose_slot, conditional_main_verb
from toolkit.mood.explain import explain
from toolkit.mood.paradigms import (
    INDICATIVE_TENSES,
    SLOTS,
    SUBJUNCTIVE_TENSES,
    Cell,
    Paradigm,
    doublet_lemmas,
    is_known_verb,
    lemmas_of_form,
    paradigm,
)
from toolkit.mood.reading import (
    Konjunktiv,
    ersatzform,
    indicative_counterpart,
    is_joined,
    konjunktiv_type,
    possible_konjunktiv,
    read_as_konjunktiv,
    reported_konjunktiv,
)
from toolkit.tagging import FINITE_TAGS, IMPERATIVE_TAGS, INFINITIVE_TAGS, is_tagged, tag_document

if TYPE_CHECKING:
    from toolkit.config import AnalysisConfig

__all__ = [
    "Konjunktiv",
    "analyse_mood",
    "analyse_sentence",
    "analyse_until_mood",
    "analyse_verb",
    "possible_konjunktiv",
    "read_as_konjunktiv",
    "reported_konjunktiv",
    "verb_cluster",
]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the paradigm and agreement say about one finite verb."""

    paradigm: Paradigm | None
    cells: tuple[Cell, ...]
    slot: int | None
    candidate_slots: frozenset[int]


def analyse_mood(document: Document, config: AnalysisConfig | None = None) -> Document:
    """Pipeline stage: add a :class:`~toolkit.model.VerbMood` for every finite verb.

    Tags the document first if the tagging stage has not run.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Ich habe Zeit. Er sagte, er habe keine.")
    >>> [(v.text, v.mood, v.ambiguity) for v in doc.verbs]
    [('habe', 'Ind', 'syncretic'), ('sagte', 'Ind', 'syncretic'), ('habe', 'Sub', 'other_person')]
    """
    if not is_tagged(document):
        document = tag_document(document, config)
    verbs: list[VerbMood] = []
    for sentence in document.sentences:
        tokens = document.tokens[sentence.first_token : sentence.last_token + 1]
        verbs.extend(analyse_sentence(tokens))
    return replace(document, verbs=tuple(verbs))


def analyse_until_mood(text: str) -> Document:
    """Analyse a text with the stages up to this one only (tokens, sentences, tags, mood).

    Later stages (reported speech, sentiment, ...) are switched off, which is faster when
    only the verbs are needed (evaluation, benchmarks, exercises).

    Examples
    --------
    >>> [verb.text for verb in analyse_until_mood("Er sagte, sie sei krank.").verbs]
    ['sagte', 'sei']
    """
    from dataclasses import fields

    from toolkit.pipeline import STAGES, AnalysisConfig, analyse

    names = [name for name, _stage in STAGES]
    later = names[names.index("mood") + 1 :]
    known = {option.name for option in fields(AnalysisConfig)}
    return analyse(text, **{name: False for name in later if name in known})


def analyse_sentence(tokens: Sequence[Token]) -> list[VerbMood]:
    """Return the mood records of the finite verbs of one tagged sentence."""
    return [
        analyse_verb(tokens, position)
        for position, token in enumerate(tokens)
        if token.pos in FINITE_TAGS or token.pos in IMPERATIVE_TAGS
    ]


def analyse_verb(tokens: Sequence[Token], position: int) -> VerbMood:
    """Analyse the finite verb ``tokens[position]`` of a tagged sentence."""
    token = tokens[position]
    lemma = (token.lemma or token.text).lower()
    reading = _read(token.text, lemma, tokens, position)
    if reading.paradigm is not None:
        lemma = reading.paradigm.lemma
    if token.pos in IMPERATIVE_TAGS:
        return _imperative(token, lemma, reading)
    if reading.slot is None or reading.paradigm is None:
        return _unknown(token, lemma)
    person, number = SLOTS[reading.slot]
    tenses = {tense for tense, slot in reading.cells if slot == reading.slot}
    subjunctive = tenses & SUBJUNCTIVE_TENSES
    indicative_tenses = tenses & INDICATIVE_TENSES
    possible = konjunktiv_type(subjunctive)
    other = _other_person(reading)
    resolved_by = None
    if subjunctive and not indicative_tenses:
        mood: Literal["Ind", "Sub"] = "Sub"
        ambiguity = "other_person" if other is not None else "unambiguous"
    elif possible == "II" and _hypothetical_condition(tokens, position):
        # "Sollte es regnen, ...": a verb-first conditional reads a past form as Konjunktiv II
        mood, ambiguity = "Sub", "syncretic"
    elif possible == "II" and _joins_konjunktiv_ii(tokens, position, reading.slot):
        mood, ambiguity, resolved_by = "Sub", "syncretic", COORDINATION
    else:
        mood = "Ind"
        ambiguity = (
            "syncretic" if subjunctive else ("other_person" if other is not None else "unambiguous")
        )
    konjunktiv = possible if mood == "Sub" else None
    joined = is_joined(token.text, reading.paradigm)
    infinitive = (
        _wuerde_infinitive(tokens, position) if lemma == "werden" and konjunktiv == "II" else None
    )
    indicative = (
        indicative_counterpart(reading.paradigm, reading.slot, konjunktiv, joined)
        if konjunktiv
        else None
    )
    details = {
        "tense": "present" if "present" in indicative_tenses else "preterite",
        "ambiguity": ambiguity,
        "other": SLOTS[other] if other is not None else None,
        "possible": possible if mood == "Ind" else konjunktiv,
        "infinitive": verb_cluster(tokens, infinitive) if infinitive is not None else None,
        "resolved_by": resolved_by,
        "ersatz": (
            ersatzform(reading.paradigm, reading.slot, konjunktiv or possible)
            if ambiguity == "syncretic" and (konjunktiv or possible)
            else None
        ),
    }
    if mood == "Ind" and other is not None and not subjunctive:
        details["possible"] = konjunktiv_type(
            {tense for tense, slot in reading.cells if slot == other} & SUBJUNCTIVE_TENSES
        )
    return _record(
        token,
        lemma,
        mood,
        konjunktiv,
        person,
        number,
        indicative,
        details,
        ambiguity=ambiguity,
        infinitive=tokens[infinitive].index if infinitive is not None else None,
        resolved_by=resolved_by,
    )


def _read(form: str, lemma: str, tokens: Sequence[Token], position: int) -> _Reading:
    found = paradigm(lemma)
    cells = found.cells(form) if found else ()
    if not cells:
        others = lemmas_of_form(form)
    elif _guessed_lemma(form.lower(), lemma):
        # ablaut conjugates the tagger's guess as a regular verb, so a Konjunktiv II doublet
        # would read as Konjunktiv I ("stürbe" of "stürben"); the list of doublets knows the
        # real verb
        others = doublet_lemmas(form)
    else:
        others = ()
    for other_lemma in others:
        other = paradigm(other_lemma)
        if other is not None and other.cells(form):
            found, cells = other, other.cells(form)
            break
    slot, slots = choose_slot(frozenset(slot for _tense, slot in cells), tokens, position)
    return _Reading(found, cells, slot, slots)


def _guessed_lemma(form: str, lemma: str) -> bool:
    """Return whether the tagger made the lemma up from an unknown form.

    HanTa turns an unknown verb form into an infinitive by its regular endings: ``stürbe``
    -> ``stürben``, ``schölte`` -> ``schölen``.
    """
    return lemma in {form + "n", form.removesuffix("te") + "en"} and not is_known_verb(lemma)


def _other_person(reading: _Reading) -> int | None:
    """Return a candidate slot whose mood differs from the chosen one (``habe``: 1sg/3sg)."""
    if reading.slot is None:
        return None

    def moods(slot: int) -> frozenset[str]:
        return frozenset(
            "Sub" if tense in SUBJUNCTIVE_TENSES else "Ind"
            for tense, cell_slot in reading.cells
            if cell_slot == slot
        )

    chosen = moods(reading.slot)
    if len(chosen) != 1:
        return None
    for slot in DEFAULT_ORDER:
        if slot in reading.candidate_slots and slot != reading.slot and moods(slot) - chosen:
            return slot
    return None


def _hypothetical_condition(tokens: Sequence[Token], position: int) -> bool:
    """Return whether the verb opens a conditional whose main clause is not plain past.

    ``Sollte es regnen, bleiben wir`` is hypothetical; ``Wollte er gehen, musste er fragen``
    (main clause in the past indicative) tells of a repeated past event.
    """
    main = conditional_main_verb(tokens, position)
    if main is None:
        return False
    found = paradigm((tokens[main].lemma or "").lower())
    tenses = {tense for tense, _slot in found.cells(tokens[main].text)} if found else set()
    return not tenses or tenses != {"preterite"}


#: ``VerbMood.resolved_by`` of a past form read as Konjunktiv II after ``und`` + Konjunktiv II.
COORDINATION = "coordination"


def _joins_konjunktiv_ii(tokens: Sequence[Token], position: int, slot: int) -> bool:
    """Return whether ``und``/``oder`` joins the verb to a Konjunktiv II with the same subject.

    ``Sie könnten die Worte nicht unterscheiden und hörten nur Wortsalat``: the second verb
    shares the subject of the first, and its mood.
    """
    if position < 2 or tokens[position - 1].text.lower() not in {"und", "oder"}:
        return False
    for earlier in range(position - 2, -1, -1):
        if (tokens[earlier].pos or "").startswith("$"):
            return False  # only within one clause: "..., und hörten" may join another one
        if tokens[earlier].pos in FINITE_TAGS:
            first = analyse_verb(tokens, earlier)
            same_subject = SLOTS[slot] == (first.person, first.number)
            return same_subject and first.konjunktiv == "II" and first.ambiguity == "unambiguous"
    return False


def _wuerde_infinitive(tokens: Sequence[Token], position: int) -> int | None:
    """Index (in ``tokens``) of the infinitive governed by ``würde``, or ``None``.

    In a subordinate clause it stands just before (``hineinziehen würde``, ``bewertet werden
    würde``), in a main clause at the end of the clause (``würde das nie tun``).
    """
    if position > 0 and tokens[position - 1].pos in INFINITIVE_TAGS:
        return position - 1
    found = None
    for index in range(position + 1, len(tokens)):
        tag = tokens[index].pos or ""
        if tag.startswith("$") or tag in FINITE_TAGS:
            break
        if tag in INFINITIVE_TAGS and tokens[index - 1].pos != "PTKZU":
            found = index
    return found


def verb_cluster(tokens: Sequence[Token], infinitive: int) -> str:
    """Return the infinitive a ``würde`` governs, with a participle before it.

    ``tokens`` are a sentence's or the document's, ``infinitive`` the position there.

    Examples
    --------
    >>> from toolkit.pipeline import analyse
    >>> doc = analyse("Das würde als Angriff bewertet werden.")
    >>> verb_cluster(doc.tokens, doc.verbs[0].infinitive)
    'bewertet werden'
    """
    if infinitive > 0 and tokens[infinitive - 1].pos in {"VVPP", "VAPP", "VMPP"}:
        return f"{tokens[infinitive - 1].text} {tokens[infinitive].text}"
    return tokens[infinitive].text


def _imperative(token: Token, lemma: str, reading: _Reading) -> VerbMood:
    number: Literal["Sg", "Pl"] = "Sg"
    if reading.paradigm is not None and token.text.lower() in reading.paradigm.imperative[1:]:
        number = "Pl"
    return _record(token, lemma, "Imp", None, 2, number, None, {})


def _unknown(token: Token, lemma: str) -> VerbMood:
    return _record(token, lemma, "Ind", None, None, None, None, {"known": False})


def _record(
    token: Token,
    lemma: str,
    mood: Literal["Ind", "Sub", "Imp"],
    konjunktiv: Literal["I", "II"] | None,
    person: int | None,
    number: Literal["Sg", "Pl"] | None,
    indicative: str | None,
    details: dict[str, Any],
    **fields: Any,
) -> VerbMood:
    """Build a verb's record with its explanation in German and English.

    ``details`` go to :func:`~toolkit.mood.explain.explain`, ``fields`` to the record.
    """
    de, en = (
        explain(
            token.text, lemma, mood, konjunktiv, person, number, indicative, language=language,
            **details,
        )
        for language in ("de", "en")
    )  # fmt: skip
    return VerbMood(
        token=token.index,
        text=token.text,
        start=token.start,
        end=token.end,
        sentence=token.sentence,
        lemma=lemma,
        mood=mood,
        konjunktiv=konjunktiv,
        person=person,
        number=number,
        indicative=indicative,
        explanation_de=de,
        explanation_en=en,
        **fields,
    )
