"""Widgets follow the text picker: a new own text updates them without re-running a cell."""

from __future__ import annotations

from toolkit.tables import sentences_frame, speech_frame
from toolkit.widgets import (
    AgreementView,
    DocumentView,
    Exercise,
    ExerciseView,
    KonjunktivExercise,
    LanguageSwitch,
    MoodExplorer,
    SelfCheck,
    SentimentExplainer,
    SpeechExercise,
    SpeechHighlighter,
    TextPicker,
    TokenizerComparison,
)

FIRST = "Peskow sagte, das sei gefährlich. Er ging."
SECOND = "„Wir kommen“, sagte die Ministerin. Peskow erklärte, man prüfe den Vorschlag."


def test_every_view_follows_the_picked_text():
    picker = TextPicker(text=FIRST)
    table = DocumentView(picker, sentences_frame)
    speech = DocumentView(picker, speech_frame, columns=["sentence", "kind", "speaker"])
    highlighter = SpeechHighlighter(picker)
    explorer = MoodExplorer(picker)
    explainer = SentimentExplainer(picker)
    comparison = TokenizerComparison(picker)
    konjunktiv = KonjunktivExercise(picker.document).follow(picker, "konjunktiv")
    labels = SpeechExercise(picker.document).follow(picker, "speech")
    agreement = AgreementView(picker.document, folder=None, demo=False).follow(picker)
    assert table.shown["Text"].tolist() == ["Peskow sagte, das sei gefährlich.", "Er ging."]
    assert [verb.text for verb in explorer.shown] == ["sagte", "sei", "ging"]

    picker.typed.value = SECOND  # the student types another text: nothing is re-run

    assert table.shown["Satz"].tolist() == ["1", "2"]
    assert table.shown["Text"].tolist()[0] == "„Wir kommen“, sagte die Ministerin."
    assert speech.shown.values.tolist() == [
        ["1", "direkt", "Ministerin"],
        ["2", "indirekt", "Peskow"],
    ]
    assert "„Wir kommen“" in highlighter.result["html"]
    assert [b.description for b in highlighter.buttons] == [
        "Satz 1: direkte Rede – Ministerin",
        "Satz 2: indirekte Rede – Peskow",
    ]
    assert "prüfe" in [verb.text for verb in explorer.shown]
    assert explainer.picker.options[0][0].startswith("1: „Wir kommen“")
    assert "Ministerin" in explainer.edit.value
    assert "Ministerin" in comparison.result["SoMaJo"]
    assert [item.text for item in konjunktiv.exercise.items][:2] == ["„", "Wir"]
    assert konjunktiv.exercise.key == {"13": "x"}  # prüfe
    assert [item.id for item in labels.exercise.items] == ["0", "1"]
    assert set(agreement.document.text.split()) == set(SECOND.split())


def test_an_empty_text_keeps_the_last_view_and_says_why():
    picker = TextPicker(text=FIRST)
    table = DocumentView(picker, sentences_frame)
    picker.typed.value = "   "
    assert "leer" in table.output.value and "tk-error" in table.output.value
    assert table.shown["Text"].tolist()[1] == "Er ging."  # nothing lost


def test_live_exercise_is_capped_and_self_check_follows():
    long_text = " ".join(f"Satz {n} sei kurz." for n in range(1, 30))
    picker = TextPicker(text=FIRST)
    view = ExerciseView(Exercise.mark_tokens(picker.document, "konjunktiv", title="K")).follow(
        picker, "konjunktiv"
    )
    check = SelfCheck(view)
    picker.typed.value = long_text
    assert {item.group for item in view.exercise.items} == set(range(6))  # no wall of buttons
    assert "ersten 6 Sätze" in view.note.value
    assert "noch nicht geprüft" in check.output.value
    view.toggles[next(iter(view.exercise.key))].value = True
    view.check()
    assert "Punktzahl" in check.output.value and "noch nicht" not in check.output.value


def test_self_check_titles_follow_the_language_and_tell_exercises_apart(article_doc):
    """Notebook 02: two 'Konjunktiv finden' lines, German after 'English', looked the same."""
    first = KonjunktivExercise(article_doc, sentences=[2, 3])
    second = KonjunktivExercise(article_doc, sentences=[5])
    check = SelfCheck(first, second)
    assert "Übung 1: Konjunktiv finden" in check.output.value
    assert "Übung 2: Konjunktiv finden" in check.output.value
    LanguageSwitch(first, second, check).language = "en"
    assert "Exercise 1: Find the subjunctive" in check.output.value
    assert "Konjunktiv finden" not in check.output.value
