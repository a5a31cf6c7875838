"""MoodExplorer (every finite verb, its mood and why) and the Konjunktiv exercise.

The explorer shows the text with the finite verbs coloured by mood, one button per verb and,
for the verb clicked, its analysis and explanation. A filter shows only Konjunktiv I, only
Konjunktiv II, or the ambiguous forms. :class:`KonjunktivExercise` is the exercise widget of
:mod:`toolkit.widgets.exercise` (mark the Konjunktiv forms of a sentence) whose feedback also
explains every wrong or missing mark with the verb's analysis.

The logic lives in small functions (:func:`filter_verbs`, :func:`verb_details`,
:func:`konjunktiv_feedback`), so the widgets only show what those return.

Examples
--------
>>> from toolkit.mood import analyse_until_mood
>>> explorer = MoodExplorer(analyse_until_mood("Er sagte, sie sei krank und käme nicht."))
>>> explorer.kind = "KII"
>>> [verb.text for verb in explorer.shown]
['käme']
>>> explorer.select(explorer.shown[0].token)
>>> explorer.result["explanation"]
'käme: Konjunktiv II von kommen, 3. Person Singular; Indikativ: kam/kommt'
>>> explorer.language = "en"
>>> explorer.result["explanation"]
'käme: subjunctive II of kommen, 3rd person singular; indicative: kam/kommt'
"""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets
import traitlets

from toolkit.errors import InputError
from toolkit.exercises import Exercise, Feedback
from toolkit.model import CorpusText, Document, VerbMood
from toolkit.mood import analyse_until_mood, verb_cluster
from toolkit.render import STYLE, Mark, highlight, message, table
from toolkit.translate import MISSING, value
from toolkit.widgets.base import (
    ToolkitWidget,
    current_language,
    follow_text,
    label,
    register_labels,
)
from toolkit.widgets.exercise import ExerciseView

register_labels(
    {
        "mood_filter": {"de": "Zeigen", "en": "Show"},
        "mood_all": {"de": "alle finiten Verben", "en": "all finite verbs"},
        "mood_sub": {"de": "Konjunktiv", "en": "subjunctive"},
        "mood_ki": {"de": "Konjunktiv I", "en": "subjunctive I"},
        "mood_kii": {"de": "Konjunktiv II", "en": "subjunctive II"},
        "mood_ambiguous": {"de": "mehrdeutig", "en": "ambiguous"},
        "mood_none": {"de": "Keine Verben dieser Art.", "en": "No verbs of this kind."},
        "mood_pick": {
            "de": "Ein Verb anklicken, um seine Analyse zu sehen.",
            "en": "Click a verb to see its analysis.",
        },
        "mood_form": {"de": "Form", "en": "form"},
        "mood_lemma": {"de": "Grundform", "en": "lemma"},
        "mood_mood": {"de": "Modus", "en": "mood"},
        "mood_type": {"de": "Konjunktiv-Typ", "en": "subjunctive type"},
        "mood_person": {"de": "Person, Numerus", "en": "person, number"},
        "mood_indicative": {"de": "Indikativ", "en": "indicative"},
        "mood_ambiguity": {"de": "Mehrdeutigkeit", "en": "ambiguity"},
        "mood_infinitive": {"de": "würde + Infinitiv", "en": "würde + infinitive"},
        "mood_sentence": {"de": "Satz", "en": "sentence"},
        "mood_Ind": {"de": "Indikativ", "en": "indicative"},
        "mood_Sub": {"de": "Konjunktiv", "en": "subjunctive"},
        "mood_Imp": {"de": "Imperativ", "en": "imperative"},
        "mood_unambiguous": {"de": "eindeutig", "en": "unambiguous"},
        "mood_other_person": {
            "de": "gleich einer anderen Person",
            "en": "same as another person",
        },
        "mood_syncretic": {
            "de": "gleich dem Indikativ (Kontext entscheidet)",
            "en": "same as the indicative (context decides)",
        },
        "mood_hint_wrong": {"de": "Kein Konjunktiv", "en": "Not a subjunctive"},
        "mood_hint_missing": {"de": "Übersehen", "en": "Missed"},
        "mood_no_finite": {"de": "kein finites Verb", "en": "no finite verb"},
        "mood_person_number": {"de": "{person} Person {number}", "en": "{person} person {number}"},
        "mood_ex_title": {"de": "Konjunktiv finden", "en": "Find the subjunctive"},
        "mood_ex_instructions": {
            "de": "Markieren Sie alle Verbformen im Konjunktiv (I und II) und klicken Sie dann "
            "auf „Prüfen“.",
            "en": "Mark every verb form in the subjunctive (I and II), then click Check.",
        },
    }
)

#: What the filter can show.
KINDS = ("all", "Sub", "KI", "KII", "ambiguous")
_KIND_LABELS = {
    "all": "mood_all",
    "Sub": "mood_sub",
    "KI": "mood_ki",
    "KII": "mood_kii",
    "ambiguous": "mood_ambiguous",
}
#: Colours of the verbs in the text (readable when printed).
COLOURS = {"KI": "#9ecbff", "KII": "#ffc27a", "ambiguous": "#e3e3e3", "Ind": "#f4f4f4"}
SELECTED_COLOUR = "#ffe45c"


def verb_kind(verb: VerbMood) -> str:
    """Return ``KI``, ``KII``, ``ambiguous`` (a flagged indicative) or ``Ind``.

    Examples
    --------
    >>> from toolkit.mood import analyse_until_mood
    >>> [verb_kind(v) for v in analyse_until_mood("Ich habe gesagt, er sei da.").verbs]
    ['ambiguous', 'KI']
    """
    if verb.mood == "Sub":
        return f"K{verb.konjunktiv}"
    return "ambiguous" if verb.ambiguity != "unambiguous" else "Ind"


def filter_verbs(document: Document, kind: str = "all") -> list[VerbMood]:
    """Return the verbs of ``kind``: ``all``, ``Sub``, ``KI``, ``KII`` or ``ambiguous``.

    ``ambiguous`` are the verbs whose form alone does not decide the mood (ambiguity class
    ``other_person`` or ``syncretic``), subjunctive or not.
    """
    if kind not in KINDS:
        raise InputError(f"Unknown filter {kind!r}; choose from {', '.join(KINDS)}.")
    if kind == "all":
        return list(document.verbs)
    if kind == "Sub":
        return [verb for verb in document.verbs if verb.mood == "Sub"]
    if kind == "ambiguous":
        return [verb for verb in document.verbs if verb.ambiguity != "unambiguous"]
    return [verb for verb in document.verbs if verb.mood == "Sub" and f"K{verb.konjunktiv}" == kind]


def verb_details(document: Document, verb: VerbMood, language: str = "de") -> dict[str, str]:
    """Return the analysis of one verb as labelled text fields (for tables and widgets)."""
    person = MISSING
    if verb.person and verb.number:
        ordinal = {"1": "1st", "2": "2nd", "3": "3rd"}.get(str(verb.person), str(verb.person))
        person = label("mood_person_number", language).format(
            person=ordinal if language == "en" else f"{verb.person}.",
            number=value(verb.number, language),
        )
    infinitive = (
        verb_cluster(document.tokens, verb.infinitive) if verb.infinitive is not None else MISSING
    )
    return {
        "form": verb.text,
        "lemma": verb.lemma,
        "mood": label(f"mood_{verb.mood}", language),
        "type": verb.konjunktiv or MISSING,
        "person": person,
        "indicative": verb.indicative or MISSING,
        "ambiguity": label(f"mood_{verb.ambiguity}", language),
        "infinitive": infinitive,
        "sentence": document.sentences[verb.sentence].text,
        "explanation": verb.explanation_en if language == "en" else verb.explanation_de,
    }


def konjunktiv_feedback(
    document: Document, feedback: Feedback, language: str = "de"
) -> list[tuple[str, str]]:
    """Explain every wrong and missing mark of a Konjunktiv exercise with the verb's analysis.

    Returns ``(kind, explanation)`` pairs; ``kind`` is ``wrong`` or ``missing``.

    Examples
    --------
    >>> from toolkit.mood import analyse_until_mood
    >>> doc = analyse_until_mood("Er sagte, sie sei krank.")
    >>> exercise = Exercise.mark_tokens(doc, key="konjunktiv")
    >>> exercise.mark("1")  # "sagte"
    >>> for kind, text in konjunktiv_feedback(doc, exercise.check(), "en"):
    ...     print(kind, "|", text)
    wrong | sagte: indicative past of sagen, 3rd person singular; ambiguous, same form as subjunctive II: only the context can tell; unambiguous replacement form: würde-form würde sagen
    missing | sei: subjunctive I of sein, 3rd person singular; indicative: ist
    """  # noqa: E501
    hints = []
    for kind, ids in (("wrong", feedback.wrong), ("missing", feedback.missing)):
        for item_id in ids:
            verb = document.verb_at(int(item_id))
            token = document.tokens[int(item_id)]
            if verb is None:
                text = f"{token.text}: {label('mood_no_finite', language)}"
            else:
                text = verb.explanation_en if language == "en" else verb.explanation_de
            hints.append((kind, text))
    return hints


class MoodExplorer(ToolkitWidget):
    """Every finite verb of a text: coloured in the text, clickable, explained.

    State (traitlets): ``kind`` (the filter, see :data:`KINDS`) and ``selected`` (the token
    index of the verb shown in detail, ``-1`` for none). For tests it keeps ``shown`` (the
    verbs listed), ``result`` (the details of the selected verb, see :func:`verb_details`)
    and the HTML in ``text_view.value`` and ``details.value``.

    Parameters
    ----------
    document
        An analysed text, or a text / :class:`~toolkit.model.CorpusText` to analyse.
    language
        ``de`` or ``en``.
    """

    kind = traitlets.Unicode("all")
    selected = traitlets.Int(-1)

    def __init__(self, document: Document | str | CorpusText, language: str | None = None) -> None:
        source = document
        if isinstance(document, CorpusText):
            document = document.text
        if not isinstance(document, (Document, str)):  # a TextPicker: follow its text
            document = document.document  # type: ignore[attr-defined]
        self.document = document if isinstance(document, Document) else analyse_until_mood(document)
        self.shown: list[VerbMood] = []
        self.result: dict[str, str] = {}
        self.filter = widgets.ToggleButtons(options=[(k, k) for k in KINDS], value="all")
        self.buttons = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.details = widgets.HTML()
        self.text_view = widgets.HTML()
        super().__init__(
            language=language, children=[self.filter, self.buttons, self.details, self.text_view]
        )
        traitlets.link((self.filter, "value"), (self, "kind"))
        self.observe(lambda _change: self.update(), names=["kind", "selected"])
        self.relabel()
        follow_text(source, self.set_document, self._show_error)

    def set_document(self, document: Document) -> None:
        """Show another analysed text (the filter stays, the selection is cleared)."""
        self.document = document
        if self.selected != -1:
            self.selected = -1  # redraws
        else:
            self.update()

    def _show_error(self, text: str) -> None:
        self.details.value = message(text, "error")

    def relabel(self) -> None:
        """Set labels for the current language and redraw."""
        self.filter.description = self._("mood_filter")
        chosen = self.kind  # new options select the first one: keep the student's filter
        self.filter.options = [(self._(_KIND_LABELS[kind]), kind) for kind in KINDS]
        self.filter.value = chosen
        self.update()

    def select(self, token: int) -> None:
        """Show the verb at token index ``token`` (as a click on its button does)."""
        if self.document.verb_at(token) is None:
            raise InputError(f"Token {token} is no finite verb of this text.")
        self.selected = token

    def update(self) -> None:
        """Redraw the verb buttons, the details and the text for the current state."""
        self.shown = filter_verbs(self.document, self.kind)
        self.buttons.children = [self._button(verb) for verb in self.shown]
        verb = self.document.verb_at(self.selected) if self.selected >= 0 else None
        if verb is None:
            self.result = {}
            self.details.value = message(self._("mood_pick" if self.shown else "mood_none"))
        else:
            self.result = verb_details(self.document, verb, self.language)
            self.details.value = self._details_html(self.result)
        self.text_view.value = STYLE + highlight(self.document.text, self._marks())

    def _button(self, verb: VerbMood) -> widgets.Button:
        button = widgets.Button(
            description=verb.text,
            tooltip=f"{self._('mood_sentence')} {verb.sentence + 1}",
            layout=widgets.Layout(width="auto", margin="1px"),
            button_style="info" if verb.token == self.selected else "",
        )
        button.on_click(lambda _button, token=verb.token: self.select(token))
        return button

    def _details_html(self, result: dict[str, str]) -> str:
        rows = [
            (self._(f"mood_{field}"), result[field])
            for field in ("form", "lemma", "mood", "type", "person", "indicative", "ambiguity")
        ]
        if result["infinitive"] != "–":
            rows.append((self._("mood_infinitive"), result["infinitive"]))
        return message(result["explanation"]) + table(rows) + message(result["sentence"])

    def _marks(self) -> list[Mark]:
        shown = {verb.token for verb in self.shown}
        marks = []
        for verb in self.document.verbs:
            if verb.token not in shown:
                continue
            colour = SELECTED_COLOUR if verb.token == self.selected else COLOURS[verb_kind(verb)]
            explanation = verb.explanation_en if self.language == "en" else verb.explanation_de
            marks.append(Mark(verb.start, verb.end, "tk-verb", colour, explanation))
            if verb.infinitive is not None and verb.token == self.selected:
                infinitive = self.document.tokens[verb.infinitive]
                marks.append(Mark(infinitive.start, infinitive.end, "tk-verb", SELECTED_COLOUR))
        return marks


class KonjunktivExercise(ExerciseView):
    """Mark the Konjunktiv forms of some sentences; Check also explains each mistake.

    It is an :class:`~toolkit.widgets.exercise.ExerciseView` over
    ``Exercise.mark_tokens(document, key="konjunktiv", sentences=...)``; after Check,
    ``hints`` holds ``(kind, explanation)`` for every wrong or missing mark
    (:func:`konjunktiv_feedback`), shown below the summary.

    Examples
    --------
    >>> from toolkit.mood import analyse_until_mood
    >>> doc = analyse_until_mood("Er sagte, sie sei krank.")
    >>> view = KonjunktivExercise(doc)
    >>> view.toggles["4"].value = True    # "sei"
    >>> view.check()
    >>> view.score, view.hints
    (1.0, [])
    """

    title_key, instructions_key = "mood_ex_title", "mood_ex_instructions"

    def __init__(
        self,
        document: Document,
        sentences: Iterable[int] | None = None,
        language: str | None = None,
        path: str | None = None,
    ) -> None:
        language = current_language(language)
        self.document = document
        exercise = Exercise.mark_tokens(
            document,
            key="konjunktiv",
            sentences=sentences,
            title=label("mood_ex_title", language),
            instructions=label("mood_ex_instructions", language),
        )
        super().__init__(exercise, path=path, language=language)

    def explain(self, feedback: Feedback) -> list[tuple[str, str]]:
        """Explain every wrong or missing mark with the verb's analysis."""
        return konjunktiv_feedback(self.document, feedback, self.language)

    def hint_label(self, key: str) -> str:
        """Name the kind of mistake (wrongly marked, missed) in the current language."""
        return self._(f"mood_hint_{key}")
