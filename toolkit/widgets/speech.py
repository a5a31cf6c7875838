"""SpeechHighlighter (who says what, how, through which cue) and the speech exercise.

The highlighter shows the text with every instance of reported speech coloured by kind
(CSS classes ``tk-direct``, ``tk-indirect``, ``tk-reported``), one toggle per kind, and one
button per instance: hovering over a coloured stretch shows its kind, cue and speaker (the
``title`` attribute), clicking its button shows the details and underlines the cue and the
speaker in the text. Below, a who-says-what table counts the instances per speaker.

:class:`SpeechExercise` is the exercise widget of :mod:`toolkit.widgets.exercise`: label every
sentence as direct, indirect, reported or no speech; after Check, every wrong or missing label
is explained with the toolkit's analysis (:func:`speech_feedback`).

The logic lives in plain functions (:func:`speech_marks`, :func:`instance_details`,
:func:`speech_feedback`); the widgets only show what those return. All HTML goes through
:mod:`toolkit.render`, so text from users is always escaped.

Examples
--------
>>> from toolkit import analyse
>>> view = SpeechHighlighter(analyse("Peskow warnte, dass dies <gefährlich> sei."))
>>> view.select(0)
>>> view.result["details"]["cue"], view.result["details"]["speaker"]
('warnte', 'Peskow')
>>> "&lt;gefährlich&gt;" in view.result["html"], "<gefährlich>" in view.result["html"]
(True, False)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from string import ascii_lowercase

import ipywidgets as widgets
import traitlets

from toolkit.exercise_keys import NO_SPEECH, SPEECH_LABELS
from toolkit.exercises import Exercise, Feedback
from toolkit.model import CorpusText, Document, ReportedSpeech
from toolkit.pipeline import analyse
from toolkit.render import (
    SPEECH_COLOURS,
    SPEECH_STYLE,
    STYLE,
    Mark,
    escape,
    heading,
    highlight,
    legend,
    message,
    table,
)
from toolkit.tables import speakers_frame
from toolkit.translate import choice, value
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
        "speech_direct": {"de": "direkte Rede", "en": "direct speech"},
        "speech_indirect": {"de": "indirekte Rede", "en": "indirect speech"},
        "speech_reported": {"de": "erzählte Rede", "en": "reported speech"},
        "speech_cue": {"de": "Redeeinleitung", "en": "cue"},
        "speech_speaker": {"de": "Sprecher", "en": "speaker"},
        "speech_mention": {"de": "im Text", "en": "written as"},
        "speech_medium": {"de": "Medium", "en": "medium"},
        "speech_sentence": {"de": "Satz", "en": "sentence"},
        "speech_text": {"de": "Wiedergabe", "en": "reported words"},
        "speech_none": {"de": "Keine Redewiedergabe gefunden.", "en": "No reported speech found."},
        "speech_unknown": {"de": "(unbekannt)", "en": "(unknown)"},
        "speech_no_cue": {
            "de": "(ohne Einleitung: Konjunktiv führt fort)",
            "en": "(no cue: continued)",
        },
        "speech_pick": {
            "de": "Eine Redewiedergabe anklicken (ihr Satz; a, b, … bei mehreren in einem Satz): "
            "die Redeeinleitung wird unterstrichen, der Sprecher eingerahmt.",
            "en": "Click an instance (its sentence; a, b, … for several in one sentence): the "
            "cue is underlined, the speaker framed.",
        },
        "speech_button": {
            "de": "Satz {sentence}: {kind} – {speaker}",
            "en": "Sentence {sentence}: {kind} – {speaker}",
        },
        "speech_kind": {"de": "Art", "en": "kind"},
        "speech_who": {"de": "Wer sagt was?", "en": "Who says what?"},
        "speech_instances": {"de": "Anzahl", "en": "instances"},
        "speech_cues": {"de": "Redeeinleitungen", "en": "cues"},
        "speech_ex_title": {"de": "Redewiedergabe bestimmen", "en": "Classify reported speech"},
        "speech_ex_instructions": {
            "de": "Wählen Sie für jeden Satz: direkt, indirekt, erzählt oder keine, und klicken "
            "Sie dann auf „Prüfen“.",
            "en": "Choose for each sentence: direct, indirect, reported or none, then Check.",
        },
        "speech_hint": {"de": "Richtig ist „{label}“", "en": "It is “{label}”"},
        "speech_mentions": {"de": "im Text genannt als", "en": "mentioned as"},
        "speech_speech": {"de": "gesprochen", "en": "speech"},
        "speech_thought": {"de": "gedacht", "en": "thought"},
        "speech_writing": {"de": "geschrieben", "en": "writing"},
    }
)

#: The kinds of reported speech, in the order the toggles show them.
KINDS = ("direct", "indirect", "reported")


def instance_details(instance: ReportedSpeech, language: str = "de") -> dict[str, str]:
    """Return what a reader should know about one instance, as labelled strings.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Er hob hervor, dass es ernst sei.")
    >>> details = instance_details(doc.speech[0], "en")
    >>> details["kind"], details["cue"], details["cue_lemma"]
    ('indirect speech', 'hob hervor', 'hervorheben')
    """
    unknown = label("speech_unknown", language)
    return {
        "kind": label(f"speech_{instance.kind}", language),
        "text": instance.text,
        "cue": instance.cue_text or label("speech_no_cue", language),
        "cue_lemma": instance.cue_lemma or "",
        "speaker": instance.speaker or unknown,
        "mention": instance.speaker_mention.text if instance.speaker_mention else unknown,
        "medium": label(f"speech_{instance.medium}", language) if instance.medium else "",
        "sentence": str(instance.sentence + 1),
    }


def tooltip(instance: ReportedSpeech, language: str = "de") -> str:
    """Return the hover text of an instance: kind, cue and speaker (plain text, unescaped).

    Examples
    --------
    >>> from toolkit import analyse
    >>> tooltip(analyse("Peskow warnte, dass dies gefährlich sei.").speech[0])
    'indirekte Rede · Redeeinleitung: warnte · Sprecher: Peskow'
    """
    details = instance_details(instance, language)
    return (
        f"{details['kind']} · {label('speech_cue', language)}: {details['cue']} · "
        f"{label('speech_speaker', language)}: {details['speaker']}"
    )


def speech_marks(
    document: Document,
    kinds: Iterable[str] = KINDS,
    selected: int | None = None,
    language: str = "de",
) -> list[Mark]:
    """Return the highlight marks for the instances of ``kinds``.

    The ``selected`` instance (an index into ``document.speech``) also gets its cue
    (``tk-cue``) and its speaker (``tk-speaker``) marked.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("„Wir kommen“, sagte sie. Er drohte.")
    >>> [(m.css_class, doc.text[m.start:m.end]) for m in speech_marks(doc, ["direct"])]
    [('tk-direct', '„Wir kommen“')]
    """
    wanted = set(kinds)
    marks = []
    for index, instance in enumerate(document.speech):
        if instance.kind not in wanted:
            continue
        title = tooltip(instance, language)
        colour = SPEECH_COLOURS[instance.kind]
        for start, end in instance.pieces():
            marks.append(Mark(start, end, f"tk-{instance.kind}", colour, title))
        if index == selected:
            cue_parts = instance.cue_parts or ((instance.cue,) if instance.cue else ())
            marks.extend(Mark(part.start, part.end, "tk-cue") for part in cue_parts)
            if instance.speaker_mention is not None:
                mention = instance.speaker_mention
                marks.append(Mark(mention.start, mention.end, "tk-speaker"))
    return marks


def _document(source: Document | CorpusText | str) -> Document:
    return source if isinstance(source, Document) else analyse(source)


class SpeechHighlighter(ToolkitWidget):
    """The text with reported speech coloured by kind; toggles, details, who says what.

    ``result`` holds what was shown last: ``html`` (the highlighted text), ``kinds`` (the
    kinds switched on), ``selected`` and ``details`` (of the clicked instance), ``who`` (the
    who-says-what table as a DataFrame).

    Parameters
    ----------
    source
        An analysed :class:`~toolkit.model.Document`, or a text to analyse.
    language
        ``de`` or ``en``.
    """

    kinds = traitlets.List(traitlets.Unicode(), default_value=list(KINDS))
    selected = traitlets.Int(-1)

    def __init__(self, source: Document | CorpusText | str, language: str | None = None) -> None:
        picker = source
        if not isinstance(source, (Document, CorpusText, str)):  # a TextPicker: follow it
            source = source.document  # type: ignore[attr-defined]
        self.document = _document(source)
        self.result: dict[str, object] = {}
        self.toggles = {kind: widgets.ToggleButton(value=True) for kind in KINDS}
        self.legend = widgets.HTML()
        self.text_view = widgets.HTML()
        self.hint = widgets.HTML()
        self.button_box = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.buttons: list[widgets.Button] = []
        self.details = widgets.HTML()
        self.who = widgets.HTML()
        for kind, toggle in self.toggles.items():
            toggle.observe(lambda _change: self._read_toggles(), names="value")
            toggle.add_class(f"tk-toggle-{kind}")
        self._build_buttons()
        super().__init__(
            language=language,
            children=[
                widgets.HBox(list(self.toggles.values())),
                self.legend,
                self.text_view,
                self.hint,
                self.button_box,
                self.details,
                self.who,
            ],
        )
        self.observe(lambda _change: self.update(), names=["kinds", "selected"])
        self.relabel()
        follow_text(picker, self.set_document, self._show_error)

    def _build_buttons(self) -> None:
        self.buttons = [
            widgets.Button(layout=widgets.Layout(width="auto"))
            for _instance in self.document.speech
        ]
        for index, button in enumerate(self.buttons):
            button.on_click(lambda _button, index=index: self.select(index))
        self.button_box.children = self.buttons

    def set_document(self, document: Document) -> None:
        """Show another analysed text (kinds stay switched as they are, no selection)."""
        self.document = document
        self._build_buttons()
        self.selected = -1
        self.relabel()

    def _show_error(self, text: str) -> None:
        self.details.value = message(text, "error")

    def relabel(self) -> None:
        """Set labels for the current language and redraw."""
        for kind, toggle in self.toggles.items():
            toggle.description = self._(f"speech_{kind}")
            toggle.tooltip = self._(f"speech_{kind}")
        per_sentence = Counter(instance.sentence for instance in self.document.speech)
        seen: Counter[int] = Counter()
        for button, instance in zip(self.buttons, self.document.speech, strict=True):
            speaker = instance.speaker or self._("speech_unknown")
            # "Satz 5a", "Satz 5b": two instances in one sentence get two names
            several = per_sentence[instance.sentence] > 1
            letter = ascii_lowercase[seen[instance.sentence] % 26] if several else ""
            seen[instance.sentence] += 1
            button.description = self._("speech_button").format(
                sentence=f"{instance.sentence + 1}{letter}",
                kind=self._(f"speech_{instance.kind}"),
                speaker=speaker,
            )
            button.tooltip = tooltip(instance, self.language)
        self.legend.value = SPEECH_STYLE + legend(
            (f"tk-{kind}", self._(f"speech_{kind}")) for kind in KINDS
        )
        self.hint.value = message(self._("speech_pick"))
        self.update()

    def _read_toggles(self) -> None:
        self.kinds = [kind for kind, toggle in self.toggles.items() if toggle.value]

    def select(self, index: int) -> None:
        """Show the details of instance ``index`` and underline its cue and speaker."""
        self.selected = index if 0 <= index < len(self.document.speech) else -1
        self.update()

    def update(self) -> None:
        """Redraw the text, the details and the who-says-what table."""
        selected = self.selected if self.selected >= 0 else None
        marks = speech_marks(self.document, self.kinds, selected, self.language)
        text_html = highlight(self.document.text, marks)
        self.text_view.value = STYLE + SPEECH_STYLE + text_html
        for index, (button, instance) in enumerate(
            zip(self.buttons, self.document.speech, strict=True)
        ):
            button.layout.display = None if instance.kind in self.kinds else "none"
            # the chosen instance looks chosen
            button.button_style = "info" if index == selected else ""
        for toggle in self.toggles.values():
            # on or off at a glance, not by a shade of grey: a tick and a colour when shown
            toggle.icon = "check" if toggle.value else ""
            toggle.button_style = "info" if toggle.value else ""
        details = (
            instance_details(self.document.speech[selected], self.language)
            if selected is not None
            else {}
        )
        self.details.value = self._details_html(details)
        who = speakers_frame(self.document, self.kinds)  # counts what is switched on
        self.who.value = self._who_html(who)
        self.result = {
            "html": text_html,
            "kinds": list(self.kinds),
            "selected": selected,
            "details": details,
            "who": who,
        }

    def _details_html(self, details: dict[str, str]) -> str:
        if not details:
            return "" if self.document.speech else message(self._("speech_none"))
        rows = [
            (self._("speech_sentence"), details["sentence"]),
            (self._("speech_kind"), details["kind"]),
            (self._("speech_text"), details["text"]),
            (self._("speech_cue"), details["cue"]),
            (self._("speech_speaker"), details["speaker"]),
            (self._("speech_mention"), details["mention"]),
            (self._("speech_medium"), details["medium"]),
        ]
        # the labels head their rows: with a capital, as the column headers elsewhere
        return table([(heading(name), found) for name, found in rows], css_class="tk-table")

    def _who_html(self, who: object) -> str:
        frame = who  # a DataFrame from speakers_frame
        shown = [kind for kind in KINDS if kind in self.kinds]  # no column of a hidden kind
        rows = [
            (
                value(row.speaker, self.language),
                row.instances,
                *(getattr(row, kind) for kind in shown),
                row.cues or "–",
            )
            for row in frame.itertuples()  # type: ignore[attr-defined]
        ]
        header = [
            self._("speech_speaker"),
            self._("speech_instances"),
            *(self._(f"speech_{kind}") for kind in shown),
            self._("speech_cues"),
        ]
        return f"<b>{escape(self._('speech_who'))}</b>" + table(rows, header, "tk-table")


def speech_feedback(
    document: Document, feedback: Feedback, answers: dict[str, str], language: str = "de"
) -> list[tuple[int, str]]:
    """Explain every wrong sentence label with the toolkit's analysis.

    A sentence left without an answer keeps its secret (Show solution tells it). Returns
    ``(sentence index, explanation)`` pairs.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Peskow warnte, dass dies gefährlich sei.")
    >>> exercise = Exercise.label_sentences(doc, key="speech")
    >>> exercise.set_label("0", "direkt / direct")
    >>> speech_feedback(doc, exercise.check(), exercise.answers, "en")
    ... # doctest: +NORMALIZE_WHITESPACE
    [(0, 'It is “indirect” – indirect speech · cue: warnte · speaker: Peskow ·
      “dass dies gefährlich sei.”')]
    """
    hints = []
    for item_id in feedback.wrong:
        sentence = int(item_id)
        instances = [i for i in document.speech if i.sentence == sentence]
        expected = _expected_label(instances)
        text = label("speech_hint", language).format(label=choice(expected, language))
        if instances:
            main = max(instances, key=lambda i: i.end - i.start)
            # a quotation keeps its own marks: "'kurzsichtig'", not "„'kurzsichtig'“"
            opening, closing = ("“", "”") if language == "en" else ("„", "“")
            quoted = main.text if main.kind == "direct" else f"{opening}{main.text}{closing}"
            text += f" – {tooltip(main, language)} · {quoted}"
        hints.append((sentence, text))
    return sorted(hints)


def _expected_label(instances: Sequence[ReportedSpeech]) -> str:
    if not instances:
        return NO_SPEECH
    main = max(instances, key=lambda i: i.end - i.start)
    return SPEECH_LABELS[main.kind]


class SpeechExercise(ExerciseView):
    """Label sentences as direct, indirect, reported or no speech; Check explains mistakes.

    It is an :class:`~toolkit.widgets.exercise.ExerciseView` over
    ``Exercise.label_sentences(document, key="speech", sentences=...)``; after Check,
    ``hints`` holds ``(sentence, explanation)`` for every wrong or missing label.

    Examples
    --------
    >>> from toolkit import analyse
    >>> view = SpeechExercise(analyse("Peskow warnte, dass dies gefährlich sei. Es regnet."))
    >>> view.dropdowns["0"].value = "indirekt / indirect"
    >>> view.dropdowns["1"].value = "direkt / direct"
    >>> view.check()
    >>> view.score, [sentence for sentence, _text in view.hints]
    (0.5, [1])
    """

    title_key, instructions_key = "speech_ex_title", "speech_ex_instructions"

    def __init__(
        self,
        document: Document,
        sentences: Iterable[int] | None = None,
        language: str | None = None,
        path: str | None = None,
    ) -> None:
        language = current_language(language)
        self.document = document
        exercise = Exercise.label_sentences(
            document,
            key="speech",
            sentences=sentences,
            title=label("speech_ex_title", language),
            instructions=label("speech_ex_instructions", language),
        )
        super().__init__(exercise, path=path, language=language)

    def explain(self, feedback: Feedback) -> list[tuple[int, str]]:
        """Explain every wrong sentence label with the toolkit's analysis."""
        return speech_feedback(self.document, feedback, self.exercise.answers, self.language)

    def hint_label(self, key: int) -> str:
        """Return the sentence as the exercise shows it (``Satz 2``, from 1)."""
        return f"{self._('ex_sentence')} {key + 1}"
