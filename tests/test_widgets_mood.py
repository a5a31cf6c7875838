from collections import Counter

import pytest

import toolkit
from toolkit.errors import InputError
from toolkit.mood import analyse_until_mood
from toolkit.widgets.mood import (
    KonjunktivExercise,
    MoodExplorer,
    filter_verbs,
    konjunktiv_feedback,
    verb_details,
)


@pytest.fixture(scope="module")
def article():
    return analyse_until_mood(toolkit.load_article().text)


def test_filter_changes_what_is_shown(article):
    explorer = MoodExplorer(article)
    assert len(explorer.shown) == len(article.verbs) == len(explorer.buttons.children)
    explorer.filter.value = "KI"  # as a click on the toggle button does
    assert explorer.kind == "KI"
    assert Counter(v.text for v in explorer.shown) == Counter(
        {"sei": 2, "werde": 1, "wisse": 1, "seien": 1}
    )
    assert [b.description for b in explorer.buttons.children] == [v.text for v in explorer.shown]
    explorer.kind = "KII"
    assert Counter(v.text for v in explorer.shown)["würde"] == 3
    assert len(explorer.shown) == 7
    explorer.kind = "Sub"
    assert len(explorer.shown) == 12
    explorer.kind = "ambiguous"
    assert {"werde", "haben", "leisten"} <= {v.text for v in explorer.shown}
    assert all(v.ambiguity != "unambiguous" for v in explorer.shown)


def test_text_view_marks_only_the_shown_verbs(article):
    explorer = MoodExplorer(article)
    explorer.kind = "KII"
    assert "nähme: Konjunktiv II von nehmen" in explorer.text_view.value
    assert "wisse: Konjunktiv I" not in explorer.text_view.value
    explorer.kind = "KI"
    assert "wisse: Konjunktiv I von wissen" in explorer.text_view.value
    assert "nähme: Konjunktiv II" not in explorer.text_view.value


def test_clicking_a_verb_shows_its_explanation(article):
    explorer = MoodExplorer(article)
    explorer.kind = "KI"
    explorer.buttons.children[0].click()
    first = explorer.shown[0]
    assert explorer.selected == first.token
    assert explorer.result["explanation"] == first.explanation_de
    assert explorer.result["indicative"] == "ist"
    assert "Konjunktiv I von sein" in explorer.details.value
    assert explorer.buttons.children[0].button_style == "info"  # selected: blue


def test_selected_wuerde_shows_its_infinitive(article):
    explorer = MoodExplorer(article)
    wuerden = next(v for v in article.verbs if v.text == "würden")
    explorer.select(wuerden.token)
    assert explorer.result["infinitive"] == "ziehen"
    assert "würde + Infinitiv" in explorer.details.value


def test_language_switch_changes_labels_and_explanations(article):
    explorer = MoodExplorer(article)
    explorer.select(next(v.token for v in article.verbs if v.text == "nähme"))
    assert explorer.filter.description == "Zeigen"
    assert explorer.result["mood"] == "Konjunktiv"
    explorer.language = "en"
    assert explorer.filter.description == "Show"
    assert dict(explorer.filter.options)["subjunctive I"] == "KI"
    assert explorer.result["mood"] == "subjunctive"
    assert explorer.result["explanation"].startswith("nähme: subjunctive II of nehmen")
    assert "subjunctive II of nehmen" in explorer.text_view.value


def test_nothing_selected_and_nothing_to_show():
    explorer = MoodExplorer("Der Kreml hat das kritisiert.")
    assert explorer.result == {}
    assert "anklicken" in explorer.details.value
    explorer.kind = "KI"
    assert explorer.shown == []
    assert "Keine Verben" in explorer.details.value


def test_select_rejects_tokens_that_are_no_verbs(article):
    explorer = MoodExplorer(article)
    with pytest.raises(InputError):
        explorer.select(0)
    with pytest.raises(InputError):
        filter_verbs(article, "KIII")


def test_user_text_is_escaped():
    explorer = MoodExplorer("<b>Er</b> sagte, das sei gefährlich.")
    assert "<b>Er" not in explorer.text_view.value
    assert "&lt;b&gt;" in explorer.text_view.value


def test_explorer_accepts_corpus_text():
    explorer = MoodExplorer(toolkit.load_article())
    assert len([v for v in explorer.document.verbs if v.mood == "Sub"]) == 12


def test_verb_details_in_both_languages(article):
    sei = next(v for v in article.verbs if v.text == "sei")
    assert verb_details(article, sei, "de")["ambiguity"] == "eindeutig"
    assert verb_details(article, sei, "en")["ambiguity"] == "unambiguous"
    assert verb_details(article, sei)["person"] == "3. Person Singular"
    assert verb_details(article, sei, "en")["person"] == "3rd person singular"


def test_konjunktiv_exercise_explains_wrong_and_missing_marks(article):
    sentence = next(v.sentence for v in article.verbs if v.text == "nähme")
    view = KonjunktivExercise(article, sentences=[sentence])
    by_text = {article.tokens[int(i)].text: i for i in view.toggles}
    view.toggles[by_text["warnte"]].value = True
    view.toggles[by_text["sei"]].value = True
    view.check()
    assert view.feedback.correct == (by_text["sei"],)
    kinds = dict(view.hints)
    assert kinds["wrong"].startswith("warnte: Indikativ Präteritum von warnen")
    assert kinds["missing"].startswith("nähme: Konjunktiv II von nehmen")
    assert "Übersehen" in view.hints_view.value
    view.language = "en"
    assert dict(view.hints)["missing"].startswith("nähme: subjunctive II of nehmen")
    view.reset()
    assert view.hints == [] and view.hints_view.value == ""


def test_konjunktiv_exercise_answers_survive_json(article):
    view = KonjunktivExercise(article, sentences=[2])
    first = next(iter(view.toggles))
    view.toggles[first].value = True
    saved = view.to_json()
    other = KonjunktivExercise(article, sentences=[2])
    assert other.load_json(saved)
    assert other.toggles[first].value is True


def test_feedback_for_a_marked_non_verb():
    document = analyse_until_mood("Er sagte, sie sei krank.")
    from toolkit.exercises import Exercise

    exercise = Exercise.mark_tokens(document, key="konjunktiv")
    exercise.mark("5")  # "krank"
    hints = konjunktiv_feedback(document, exercise.check(), "de")
    assert ("wrong", "krank: kein finites Verb") in hints


@pytest.mark.slow
def test_notebook_runs_headless_and_is_stored_clean(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    from .conftest import ROOT

    path = ROOT / "notebooks" / "02_verb_mood.ipynb"
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    assert not any("def " in cell.source or "class " in cell.source for cell in code)
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert errors == []


def test_the_verb_table_scrolls_sideways_instead_of_being_cut_off(article):
    """Notebook 02's verb table ended out of sight at "Infinitiv (würde)" in JupyterLab."""
    from toolkit.tables import verbs_frame
    from toolkit.widgets import DocumentView

    columns = ["sentence", "text", "lemma", "mood", "konjunktiv", "person", "number"]
    view = DocumentView(article, verbs_frame, columns=[*columns, "indicative", "infinitive"])
    html = view.output.value
    box = '<div class="tk-scroll" style="overflow-x:auto;max-width:100%"><table class="tk-table">'
    assert html.count(box) == html.count("<table") == 1 and "Infinitiv (würde)" in html
