"""The exercise model (toolkit.exercises) and its widget, driven in plain Python (no kernel)."""

from __future__ import annotations

import json

import pytest

import toolkit
from toolkit.errors import InputError, ToolkitError
from toolkit.exercise_keys import KEYS, LENGTH_LABELS, NO_SPEECH, answer_key
from toolkit.exercises import MARKED, Exercise, ExerciseItem
from toolkit.model import ReportedSpeech
from toolkit.widgets.course import SelfCheck
from toolkit.widgets.exercise import CORRECT, MISSING, WRONG, ExerciseView

TEXT = "Peskow sagte, das sei gefährlich. Er ging."


@pytest.fixture
def doc() -> toolkit.Document:
    return toolkit.analyse(TEXT)


def punctuation_ids(document: toolkit.Document) -> set[str]:
    return {str(t.index) for t in document.tokens if t.text in {",", "."}}


# -- model ---------------------------------------------------------------------------------


def test_punctuation_key_matches_the_tokens(doc):
    assert set(answer_key(doc, "punctuation")) == punctuation_ids(doc)


def test_mark_scoring_penalises_wrong_marks(doc):
    exercise = Exercise.mark_tokens(doc, key="punctuation")
    wanted = sorted(punctuation_ids(doc), key=int)
    for item_id in wanted:
        exercise.mark(item_id)
    assert exercise.check().solved and exercise.check().score == 1.0
    exercise.mark("0")  # "Peskow" is no punctuation
    feedback = exercise.check()
    assert feedback.wrong == ("0",) and not feedback.missing
    assert feedback.score == round(len(wanted) / (len(wanted) + 1), 2)
    # marking every token must not pay off
    for item in exercise.items:
        exercise.mark(item.id)
    assert exercise.check().score < 0.5


def test_unmark_and_clear(doc):
    exercise = Exercise.mark_tokens(doc, key=[1])
    exercise.mark("1")
    exercise.unmark("1")
    exercise.unmark("1")  # no error twice
    assert exercise.check().missing == ("1",)
    exercise.mark("1")
    exercise.clear()
    assert exercise.answers == {}


def test_mark_restricted_to_sentences(doc):
    exercise = Exercise.mark_tokens(doc, key="punctuation", sentences=[1])
    assert {item.group for item in exercise.items} == {1}
    # the key only keeps tokens that are items
    assert set(exercise.key) <= {item.id for item in exercise.items}
    assert [item.text for item in exercise.items] == ["Er", "ging", "."]


def test_label_exercise_feedback(doc):
    exercise = Exercise.label_sentences(doc, key="length")
    assert exercise.choices == LENGTH_LABELS
    exercise.set_label("0", LENGTH_LABELS[2])  # wrong: 7 tokens is short
    feedback = exercise.check()
    assert feedback.wrong == ("0",) and feedback.missing == ("1",) and feedback.score == 0.0
    exercise.set_label("0", LENGTH_LABELS[0])
    exercise.set_label("1", LENGTH_LABELS[0])
    assert exercise.check().solved
    exercise.set_label("1", None)
    assert exercise.check().missing == ("1",)


def test_teacher_key_and_choices(doc):
    exercise = Exercise.label_sentences(
        doc, {0: "Rede", 1: "Handlung"}, choices=["Rede", "Handlung"]
    )
    assert exercise.key == {"0": "Rede", "1": "Handlung"}
    with pytest.raises(InputError, match="not among the choices"):
        exercise.set_label("0", "Quatsch")
    with pytest.raises(InputError, match="not among the choices"):
        Exercise.label_sentences(doc, {0: "Rede", 1: "X"}, choices=["Rede"])
    with pytest.raises(InputError, match="no label for these sentences"):
        Exercise.label_sentences(doc, {0: "Rede"}, choices=["Rede"])


def test_bad_arguments_give_toolkit_errors(doc):
    with pytest.raises(InputError, match="Unknown answer key"):
        Exercise.mark_tokens(doc, key="gibtsnicht")
    with pytest.raises(InputError, match="for label_sentences"):
        Exercise.mark_tokens(doc, key="length")
    with pytest.raises(InputError, match="No sentence number"):
        Exercise.mark_tokens(doc, sentences=[5])
    exercise = Exercise.mark_tokens(doc)
    with pytest.raises(InputError, match="not in this exercise"):
        exercise.mark("999")
    with pytest.raises(InputError, match="needs 'label'"):
        exercise.set_label("0", "x")


def test_speech_key_from_model_records(doc):
    # Build the speech layer by hand from model records: the key needs only the model.
    start = TEXT.index("das")
    end = TEXT.index(".")
    instance = ReportedSpeech("indirect", start, end, TEXT[start:end], 0)
    with_speech = toolkit.Document(doc.text, doc.tokens, doc.sentences, speech=(instance,))
    key = answer_key(with_speech, "speech")
    assert key == {"0": "indirekt / indirect", "1": NO_SPEECH}
    assert set(key.values()) <= set(KEYS["speech"].choices)


def test_layer_keys_explain_missing_layers():
    bare = toolkit.Document("Er kam.", (), ())
    with pytest.raises(InputError, match="sentiment"):
        answer_key(bare, "sentiment")
    with pytest.raises(InputError, match="verb-mood"):
        answer_key(bare, "konjunktiv")


def test_json_round_trip_keeps_everything(doc, tmp_path):
    exercise = Exercise.label_sentences(doc, key="length", title="Länge <b>", instructions="Zähle!")
    exercise.set_label("1", LENGTH_LABELS[0])
    restored = Exercise.from_json(exercise.to_json())
    assert restored == exercise
    path = exercise.save(tmp_path / "a.json")
    fresh = Exercise.label_sentences(doc, key="length", title="Länge <b>")
    fresh.load(path)
    assert fresh.answers == {"1": LENGTH_LABELS[0]}
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {"1": LENGTH_LABELS[0]}


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("{nope", "not valid JSON"),
        ("[1, 2]", "not a toolkit exercise"),
        ('{"format": "toolkit-exercise", "version": 99}', "version 99"),
        ('{"format": "toolkit-exercise", "version": 1, "kind": "mark"}', "not a complete"),
    ],
)
def test_invalid_json_gives_clear_errors(data, match):
    with pytest.raises(InputError, match=match):
        Exercise.from_json(data)


def test_load_answers_keeps_current_answers_on_error(doc):
    exercise = Exercise.mark_tokens(doc, key="punctuation")
    exercise.mark("2")
    other = Exercise.mark_tokens(toolkit.analyse("Ganz anders."), key="punctuation")
    with pytest.raises(InputError, match="another exercise"):
        exercise.load_answers(other.to_json())
    with pytest.raises(InputError, match="not valid JSON"):
        exercise.load_answers("{")
    assert exercise.answers == {"2": MARKED}


def test_exercise_needs_items():
    with pytest.raises(InputError, match="no items"):
        Exercise(kind="mark", items=(), key={})
    with pytest.raises(InputError, match="not in the exercise"):
        Exercise(kind="mark", items=(ExerciseItem("0", "a"),), key={"1": MARKED})


# -- view ----------------------------------------------------------------------------------


def test_view_toggles_update_model_and_colours(doc):
    view = ExerciseView(Exercise.mark_tokens(doc, key="punctuation"))
    assert len(view.toggles) == len(doc.tokens)
    view.toggles["2"].value = True
    view.toggles["0"].value = True
    assert view.exercise.answers == {"2": MARKED, "0": MARKED}
    view.check_button.click()
    assert view.toggles["2"].button_style == CORRECT
    assert view.toggles["0"].button_style == WRONG
    assert view.toggles["6"].button_style == MISSING
    assert "1 richtig, 1 falsch" in view.status.value
    assert view.score == view.feedback.score
    # clicking again clears that item's colour (the old verdict no longer holds)
    view.toggles["0"].value = False
    assert view.toggles["0"].button_style == ""


def test_view_dropdowns_and_language(doc):
    view = ExerciseView(Exercise.label_sentences(doc, key="length"))
    view.dropdowns["0"].value = LENGTH_LABELS[0]
    view.check()
    assert ">✓<" in view.ticks["0"].value and ">?<" in view.ticks["1"].value
    assert "richtig" in view.status.value
    view.language = "en"
    assert view.check_button.description == "Check"
    assert "1 correct" in view.status.value  # the summary follows the language
    view.dropdowns["1"].value = LENGTH_LABELS[2]
    assert view.ticks["1"].value == ""
    view.check()
    assert ">✗<" in view.ticks["1"].value


def test_a_title_given_in_english_follows_the_language_and_is_saved(doc):
    exercise = Exercise.mark_tokens(
        doc, key="punctuation", title="Satzzeichen im Artikel", title_en="Punctuation"
    )
    view = ExerciseView(exercise)
    assert "<h4>Satzzeichen im Artikel</h4>" in view.header.value
    view.language = "en"
    assert "<h4>Punctuation</h4>" in view.header.value
    assert "Satzzeichen" not in view.header.value
    assert Exercise.from_json(exercise.to_json()).title_en == "Punctuation"
    # the course's overview of exercises names it in the same language
    assert "Punctuation" in SelfCheck(view, language="en").output.value
    # without an English title the German one stays in both languages
    plain = ExerciseView(Exercise.mark_tokens(doc, key="punctuation", title="Satzzeichen"))
    plain.language = "en"
    assert "<h4>Satzzeichen</h4>" in plain.header.value


def test_view_solution_escapes_text():
    doc = toolkit.analyse("Er schrieb <script>alert(1)</script> hin.")
    script = next(t.index for t in doc.tokens if t.text == "<script>")
    view = ExerciseView(Exercise.mark_tokens(doc, key=[script], title="<img src=x>"))
    assert view.toggles[str(script)].description == "<script>"  # ipywidgets shows it as text
    view.solution_button.click()
    assert "<script>" not in view.solution_html and "&lt;script&gt;" in view.solution_html
    assert "<img" not in view.header.value and "&lt;img src=x&gt;" in view.header.value
    labelled = ExerciseView(Exercise.label_sentences(doc, key="length"))
    labelled.show_solution()
    assert "<script>" not in labelled.solution_html and "&lt;script&gt;" in labelled.solution_html


def test_view_save_and_reload_restores_every_answer(doc, tmp_path):
    path = tmp_path / "annotationen" / "antworten.json"
    view = ExerciseView(Exercise.mark_tokens(doc, key="punctuation"), path=path)
    view.toggles["2"].value = True
    view.toggles["4"].value = True
    view.save_button.click()
    assert path.exists() and "gespeichert" in view.status.value
    # a new session: a fresh exercise from the same text, then Load
    again = ExerciseView(Exercise.mark_tokens(toolkit.analyse(TEXT), key="punctuation"), path=path)
    again.load_button.click()
    assert again.exercise.answers == view.exercise.answers
    assert {i for i, t in again.toggles.items() if t.value} == {"2", "4"}
    assert "geladen" in again.status.value


def test_view_bad_file_keeps_answers_and_explains(doc, tmp_path):
    view = ExerciseView(Exercise.mark_tokens(doc, key="punctuation"))
    view.toggles["2"].value = True
    broken = tmp_path / "kaputt.json"
    broken.write_text("{ nicht json", encoding="utf-8")
    assert view.load(broken) is False
    assert "tk-error" in view.status.value and "Keine gültige JSON-Datei" in view.status.value
    assert view.load(tmp_path / "fehlt.json") is False
    assert "nicht gefunden" in view.status.value
    assert view.load_json("[]") is False
    assert view.exercise.answers == {"2": MARKED} and view.toggles["2"].value
    assert view.save(broken / "unter_einer_datei.json") is False
    assert "Konnte" in view.status.value and "Cannot" not in view.status.value
    view.language = "en"
    assert view.save(broken / "unter_einer_datei.json") is False
    assert "Cannot write" in view.status.value and "Konnte" not in view.status.value


def test_view_reset_and_json_string(doc):
    view = ExerciseView(Exercise.mark_tokens(doc, key="punctuation"))
    view.toggles["2"].value = True
    saved = view.to_json()
    view.check()
    view.show_solution()
    view.reset_button.click()
    assert view.exercise.answers == {} and not view.toggles["2"].value
    assert view.score is None and view.solution.value == ""
    assert view.load_json(saved) and view.toggles["2"].value


def test_errors_are_toolkit_errors():
    assert issubclass(InputError, ToolkitError)


def test_speech_cue_key_marks_the_cue_tokens(doc):
    from toolkit.model import Span

    cue = Span(TEXT.index("sagte"), TEXT.index("sagte") + 5, "sagte")
    instance = ReportedSpeech("indirect", 14, 32, TEXT[14:32], 0, cue=cue)
    with_speech = toolkit.Document(doc.text, doc.tokens, doc.sentences, speech=(instance,))
    assert answer_key(with_speech, "speech_cues") == {"1": MARKED}


def test_marked_tokens_show_selection_and_marks_beside_colours(doc):
    view = ExerciseView(Exercise.mark_tokens(doc, key="punctuation", sentences=[0]))
    comma = next(i for i, t in view.toggles.items() if t.description == ",")
    word = next(i for i, t in view.toggles.items() if t.description.isalpha())
    view.toggles[word].value = True
    assert view.toggles[word].button_style == "info"  # selected: blue before checking
    view.check()
    assert view.toggles[word].button_style == "danger"
    assert view.toggles[word].description.startswith("✗ ")  # not colour alone
    assert view.toggles[comma].description == "? ,"
    view.toggles[comma].value = True
    view.check()
    assert view.toggles[comma].description == "✓ ,"


def test_a_comparison_legend_says_who_marked_what_not_right_and_wrong(doc):
    # notebooks 04, 05 and 07: the student's marks are the gold standard or the toolkit may
    # be wrong; "✗ rot falsch markiert" under "Sie sind der Gold-Standard" blamed the student
    key = ExerciseView(Exercise.mark_tokens(doc, key="punctuation"))
    compared = ExerciseView(Exercise.mark_tokens(doc, key="punctuation"), compare=True)
    assert "falsch markiert" in key.header.value and "übersehen" in key.header.value
    assert "✗ rot nur von Ihnen, ? orange nur vom Toolkit" in compared.header.value
    assert "falsch" not in compared.header.value and "übersehen" not in compared.header.value
    compared.language = "en"
    assert "✗ red by you only, ? orange by the toolkit only" in compared.header.value
    labels = ExerciseView(Exercise.label_sentences(doc, key="speech"), compare=True)
    assert "✗ (anders als das Toolkit)" in labels.header.value
