"""Short teaching explanations of a verb's mood analysis, in German and in English.

Used by :mod:`toolkit.mood` to fill ``VerbMood.explanation_de`` / ``explanation_en``; the
wording is the same everywhere (widget, table, JSON), so students meet one terminology.

**One rule for forms identical to the indicative** (ambiguity ``syncretic``: 3pl
``steigen``, ``sagten``, 1sg ``habe``): such a form is *ambiguous* (``mehrdeutig``), whether
it is counted as indicative (the form alone) or read as Konjunktiv by its context (a
reporting frame, ``und`` + Konjunktiv II, a conditional). Its explanation says so first and
names the **Ersatzform** a writer uses to make the Konjunktiv unambiguous (see
:func:`toolkit.mood.reading.ersatzform`): the Konjunktiv II for a Konjunktiv I
(``steigen`` -> ``stiegen``, ``habe`` -> ``hätte``), the würde-form where the Konjunktiv II
also looks like the indicative (``sagten`` -> ``würden sagen``). Modal verbs have no
würde-form (``sollten``): then no Ersatzform is named. It never shows "Indikativ: steigen"
for ``steigen``: the form is its own indicative.

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
        "syncretic": (
            "mehrdeutig, gleich lautend mit dem Konjunktiv {konjunktiv}: "
            "nur der Kontext entscheidet"
        ),
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
        "ambiguous": "mehrdeutig (Indikativ oder Konjunktiv {konjunktiv}) von {lemma}",
        "ambiguous reporting frame": (
            "im Rahmen indirekter Rede als Konjunktiv {konjunktiv} gelesen"
        ),
        "ambiguous coordination": (
            "mit und/oder an einen Konjunktiv II angeschlossen, daher als Konjunktiv II gelesen"
        ),
        "ambiguous context": "im Zusammenhang als Konjunktiv {konjunktiv} gelesen",
        "ersatz II": "eindeutige Ersatzform: Konjunktiv II {form}",
        "ersatz würde": "eindeutige Ersatzform: würde-Form {form}",
    },
    "en": {
        "Sub": "subjunctive {konjunktiv} of {lemma}",
        "Ind": "indicative{tense} of {lemma}",
        "Imp": "imperative of {lemma}",
        "unknown": "finite verb ({lemma}), form not found in the paradigm: counted as indicative",
        "indicative": "indicative: {indicative}",
        "periphrasis": "würde-form with {infinitive} (stands in for subjunctive II)",
        "syncretic": "ambiguous, same form as subjunctive {konjunktiv}: only the context can tell",
        "other_person": "same form as the indicative {other}",
        "other_person_sub": "same form as subjunctive {konjunktiv}, {other}",
        "reporting frame": (
            "same form as the indicative: read as subjunctive {konjunktiv} in the frame of "
            "indirect speech"
        ),
        "coordination": (
            "same form as the indicative: joined by und/oder to a subjunctive II, so subjunctive II"
        ),
        "ambiguous": "ambiguous (indicative or subjunctive {konjunktiv}) of {lemma}",
        "ambiguous reporting frame": (
            "read as subjunctive {konjunktiv} in the frame of indirect speech"
        ),
        "ambiguous coordination": (
            "joined by und/oder to a subjunctive II, so read as subjunctive II"
        ),
        "ambiguous context": "read as subjunctive {konjunktiv} in its context",
        "ersatz II": "unambiguous replacement form: subjunctive II {form}",
        "ersatz würde": "unambiguous replacement form: würde-form {form}",
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
    ersatz: tuple[str, str] | None = None,
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
    ersatz
        The Ersatzform of a ``syncretic`` form: ``("II", "stiegen")`` or
        ``("würde", "würden sagen")`` (see :func:`toolkit.mood.reading.ersatzform`).

    Examples
    --------
    >>> text = explain("sollte", "sollen", "Ind", None, 3, "Sg", None, tense="preterite",
    ...                ambiguity="syncretic", possible="II", language="en")
    >>> print(text.replace("; ", ";\n"))
    sollte: indicative past of sollen, 3rd person singular;
    ambiguous, same form as subjunctive II: only the context can tell
    >>> text = explain("werde", "werden", "Sub", "I", 3, "Sg", "wird", ambiguity="other_person",
    ...                other=(1, "Sg"))
    >>> print(text.replace("; ", ";\n"))
    werde: Konjunktiv I von werden, 3. Person Singular;
    Indikativ: wird;
    gleich lautend mit dem Indikativ der 1. Person Singular
    >>> text = explain("steigen", "steigen", "Sub", "I", 3, "Pl", "steigen", ambiguity="syncretic",
    ...                resolved_by="reporting frame", ersatz=("II", "stiegen"))
    >>> print(text.replace("; ", ";\n"))
    steigen: mehrdeutig (Indikativ oder Konjunktiv I) von steigen, 3. Person Plural;
    im Rahmen indirekter Rede als Konjunktiv I gelesen;
    eindeutige Ersatzform: Konjunktiv II stiegen
    """
    words = _WORDING[language]
    if not known:
        return f"{form}: {words['unknown'].format(lemma=lemma)}"
    ersatz_text = words[f"ersatz {ersatz[0]}"].format(form=ersatz[1]) if ersatz else None
    if mood == "Sub" and ambiguity == "syncretic":
        return _ambiguous(form, lemma, konjunktiv, person, number, words, resolved_by, ersatz_text,
                          language)  # fmt: skip
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
    elif ambiguity == "syncretic" and possible:
        parts.append(words["syncretic"].format(konjunktiv=possible))
        if ersatz_text:
            parts.append(ersatz_text)
    elif ambiguity == "other_person" and other is not None:
        other_text = person_text(*other, language)
        if mood == "Sub":
            parts.append(words["other_person"].format(other=other_text))
        else:
            key = "other_person_sub"
            parts.append(words[key].format(konjunktiv=possible or "", other=other_text))
    return f"{form}: " + "; ".join(parts)


def _ambiguous(
    form: str,
    lemma: str,
    konjunktiv: str | None,
    person: int | None,
    number: str | None,
    words: dict[str, str],
    resolved_by: str | None,
    ersatz_text: str | None,
    language: Language,
) -> str:
    """Explain a form identical to the indicative that its context reads as Konjunktiv."""
    head = words["ambiguous"].format(konjunktiv=konjunktiv or "", lemma=lemma)
    slot_text = person_text(person, number, language)
    parts = [f"{head}, {slot_text}" if slot_text else head]
    context = f"ambiguous {resolved_by}"
    parts.append(words[context if context in words else "ambiguous context"].format(
        konjunktiv=konjunktiv or ""))  # fmt: skip
    if ersatz_text:
        parts.append(ersatz_text)
    return f"{form}: " + "; ".join(parts)
