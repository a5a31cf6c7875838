"""Short teaching explanations of a verb's mood analysis, in German and in English.

Used by :mod:`toolkit.mood` to fill ``VerbMood.explanation_de`` / ``explanation_en``; the
wording is the same everywhere (widget, table, JSON), so students meet one terminology.

Examples
--------
>>> explain("sei", "sein", "Sub", "I", 3, "Sg", "ist", language="de")
'sei: Konjunktiv I von sein, 3. Person Singular; Indikativ: ist'
>>> explain("sei", "sein", "Sub", "I", 3, "Sg", "ist", language="en")
'sei: subjunctive I of sein, 3rd person singular; indicative: ist'
"""

from __future__ import annotations

from typing import Literal

Language = Literal["de", "en"]

_ORDINAL_EN = {1: "1st", 2: "2nd", 3: "3rd"}
_NUMBER = {"de": {"Sg": "Singular", "Pl": "Plural"}, "en": {"Sg": "singular", "Pl": "plural"}}
_TENSE = {
    "de": {"present": "Präsens", "preterite": "Präteritum"},
    "en": {"present": "present", "preterite": "past"},
}
_WORDING = {
    "de": {
        "Sub": "Konjunktiv {konjunktiv} von {lemma}",
        "Ind": "Indikativ{tense} von {lemma}",
        "Imp": "Imperativ von {lemma}",
        "unknown": (
            "finites Verb ({lemma}), Form nicht im Paradigma gefunden: als Indikativ gezählt"
        ),
        "indicative": "Indikativ: {indicative}",
        "periphrasis": "würde-Form mit {infinitive} (Ersatz für den Konjunktiv II)",
        "syncretic": "gleich lautend mit dem Konjunktiv {konjunktiv}: nur der Kontext entscheidet",
        "syncretic_sub": "gleich lautend mit dem Indikativ: der Kontext entscheidet",
        "other_person": "gleich lautend mit dem Indikativ der {other}",
        "other_person_sub": "gleich lautend mit dem Konjunktiv {konjunktiv} der {other}",
        "reporting frame": (
            "gleich lautend mit dem Indikativ: im Rahmen indirekter Rede als Konjunktiv "
            "{konjunktiv} gelesen"
        ),
        "coordination": (
            "gleich lautend mit dem Indikativ: mit und/oder an einen Konjunktiv II "
            "angeschlossen, daher Konjunktiv II"
        ),
    },
    "en": {
        "Sub": "subjunctive {konjunktiv} of {lemma}",
        "Ind": "indicative{tense} of {lemma}",
        "Imp": "imperative of {lemma}",
        "unknown": "finite verb ({lemma}), form not found in the paradigm: counted as indicative",
        "indicative": "indicative: {indicative}",
        "periphrasis": "würde-form with {infinitive} (stands in for subjunctive II)",
        "syncretic": "same form as subjunctive {konjunktiv}: only the context can tell",
        "syncretic_sub": "same form as the indicative: the context decides",
        "other_person": "same form as the indicative {other}",
        "other_person_sub": "same form as subjunctive {konjunktiv}, {other}",
        "reporting frame": (
            "same form as the indicative: read as subjunctive {konjunktiv} in the frame of "
            "indirect speech"
        ),
        "coordination": (
            "same form as the indicative: joined by und/oder to a subjunctive II, so subjunctive II"
        ),
    },
}


def person_text(person: int | None, number: str | None, language: Language = "de") -> str:
    """Return ``3. Person Singular`` / ``3rd person singular`` (empty if unknown).

    Examples
    --------
    >>> person_text(1, "Pl"), person_text(2, "Sg", "en")
    ('1. Person Plural', '2nd person singular')
    """
    if person is None or number is None:
        return ""
    if language == "en":
        return f"{_ORDINAL_EN[person]} person {_NUMBER['en'][number]}"
    return f"{person}. Person {_NUMBER['de'][number]}"


def explain(
    form: str,
    lemma: str,
    mood: str,
    konjunktiv: str | None,
    person: int | None,
    number: str | None,
    indicative: str | None,
    *,
    language: Language = "de",
    tense: str | None = None,
    ambiguity: str = "unambiguous",
    other: tuple[int, str] | None = None,
    possible: str | None = None,
    infinitive: str | None = None,
    known: bool = True,
    resolved_by: str | None = None,
) -> str:
    r"""Return the one-line explanation of a finite verb.

    Parameters
    ----------
    form, lemma, mood, konjunktiv, person, number, indicative
        The analysis (see :class:`~toolkit.model.VerbMood`).
    language
        ``de`` or ``en``.
    tense
        ``present`` or ``preterite`` for indicative forms.
    ambiguity
        The ambiguity class; ``other`` names the other person/number (``(1, "Sg")``) and
        ``possible`` the Konjunktiv type a syncretic or other-person form could be.
    infinitive
        The infinitive of a ``würde`` periphrasis.
    known
        ``False`` if the form was not found in any paradigm.
    resolved_by
        The context that decided the mood of an ambiguous form (``reporting frame``,
        ``coordination``).

    Examples
    --------
    >>> text = explain("sollte", "sollen", "Ind", None, 3, "Sg", None, tense="preterite",
    ...                ambiguity="syncretic", possible="II", language="en")
    >>> print(text.replace("; ", ";\n"))
    sollte: indicative past of sollen, 3rd person singular;
    same form as subjunctive II: only the context can tell
    >>> text = explain("werde", "werden", "Sub", "I", 3, "Sg", "wird", ambiguity="other_person",
    ...                other=(1, "Sg"))
    >>> print(text.replace("; ", ";\n"))
    werde: Konjunktiv I von werden, 3. Person Singular;
    Indikativ: wird;
    gleich lautend mit dem Indikativ der 1. Person Singular
    >>> text = explain("sollten", "sollen", "Sub", "II", 3, "Pl", "sollen", ambiguity="syncretic",
    ...                resolved_by="reporting frame")
    >>> print(text.replace("; ", ";\n"))
    sollten: Konjunktiv II von sollen, 3. Person Plural;
    Indikativ: sollen;
    gleich lautend mit dem Indikativ: im Rahmen indirekter Rede als Konjunktiv II gelesen
    """
    words = _WORDING[language]
    if not known:
        return f"{form}: {words['unknown'].format(lemma=lemma)}"
    if mood == "Ind":
        tense_text = f" {_TENSE[language][tense]}" if tense in _TENSE[language] else ""
        head = words["Ind"].format(tense=tense_text, lemma=lemma)
    else:
        head = words[mood].format(konjunktiv=konjunktiv or "", lemma=lemma)
    parts = [head]
    slot_text = person_text(person, number, language)
    if slot_text:
        parts[0] += f", {slot_text}"
    if infinitive:
        parts[0] += f", {words['periphrasis'].format(infinitive=infinitive)}"
    if mood == "Sub" and indicative:
        parts.append(words["indicative"].format(indicative=indicative))
    if mood == "Sub" and resolved_by in words:
        parts.append(words[resolved_by].format(konjunktiv=konjunktiv or ""))
    elif ambiguity == "syncretic" and mood == "Sub":
        parts.append(words["syncretic_sub"])
    elif ambiguity == "syncretic" and possible:
        parts.append(words["syncretic"].format(konjunktiv=possible))
    elif ambiguity == "other_person" and other is not None:
        other_text = person_text(*other, language)
        if mood == "Sub":
            parts.append(words["other_person"].format(other=other_text))
        else:
            key = "other_person_sub"
            parts.append(words[key].format(konjunktiv=possible or "", other=other_text))
    return f"{form}: " + "; ".join(parts)
