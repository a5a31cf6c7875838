"""EvaluationView (no data: explains; with data: scores beside anchors) and small helpers."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import toolkit
import toolkit.evaluation as evaluation
from toolkit.annotation import exercise_frame, per_label
from toolkit.errors import InputError
from toolkit.exercises import Exercise
from toolkit.plots import plot_frequencies
from toolkit.widgets import EvaluationView, LanguageSwitch
from toolkit.widgets.figures import show


def test_without_data_the_view_explains_and_shows_anchors(monkeypatch, tmp_path):
    monkeypatch.delenv("TOOLKIT_EVAL_DATA", raising=False)
    view = EvaluationView()
    assert view.scores is None and "TOOLKIT_EVAL_DATA" in view.status.value
    assert view.anchors_table.equals(evaluation.anchors("tokens"))
    assert "<table" in view.reference.value
    view.path.value = str(tmp_path / "fehlt")
    view.run_button.click()
    assert "nicht gefunden" in view.status.value and view.result.value == ""  # German view


def test_the_view_explains_precision_recall_and_f1_above_its_tables():
    """Notebook 07: what P, R and F1 mean stands above the scores and the anchors."""
    view = EvaluationView(path="", run=False)
    order = [child.value for child in view.children if hasattr(child, "value")]
    assert order.index(view.explanation.value) < order.index(view.reference.value)
    assert "P (Precision): der Anteil der gefundenen Stellen, die stimmen" in view.explanation.value
    LanguageSwitch(view).language = "en"
    assert "R (recall): the share of the right places that were found" in view.explanation.value
    assert "F1: the harmonic mean of P and R" in view.explanation.value


def test_view_relabels():
    view = EvaluationView(path="", run=False)
    LanguageSwitch(view).language = "en"
    assert view.run_button.description == "Evaluate" and "For comparison" in view.reference.value


@pytest.mark.evaldata
def test_with_data_the_view_scores(eval_data):
    view = EvaluationView(path=eval_data, limit=50)
    assert view.scores is not None and len(view.scores) > 0
    assert {"system", "F1"} <= set(view.scores.columns)
    assert "tk-success" in view.status.value and view.seconds > 0


@pytest.mark.evaldata
def test_a_subset_without_items_shows_no_score(eval_data):
    """100 sentences of the sample hold no news sentence: "–", not a score of 0,0."""
    view = EvaluationView(path=eval_data, stage="tokens", limit=100)
    empty = view.scores[view.scores["n"] == 0]
    assert len(empty) > 0, "the sample should leave a subset empty"
    assert empty[["P", "R", "F1"]].isna().all().all()
    scored = view.scores[view.scores["n"] > 0]
    assert scored["F1"].notna().all() and (scored["F1"] > 0.9).all()
    # a part without sentences is named below the table, not shown as rows of "–"
    assert "Nachrichten" not in view.result.value.split("</table>")[0]
    assert (
        "Nicht gezeigt: Nachrichten – in dieser Auswahl gibt es keine Sätze daraus. Wählen "
        "Sie unter „Höchstens“ mehr Sätze (0 = alle), um sie auch zu sehen."
    ) in view.result.value
    # the scores stand under a heading naming their gold corpus, one line per measure
    assert "<b>Gold-Daten: UD German-GSD, Entwicklungsteil, alle</b>" in view.result.value
    assert '<tr class="tk-measure"><th colspan="5" scope="colgroup">Token-F1 (roh)</th>' in (
        view.result.value
    )
    # the reference system's name reads German too, English after the switch
    assert "SoMaJo 2.5, direkt aufgerufen" in view.result.value
    assert "called directly" not in view.result.value
    LanguageSwitch(view).language = "en"  # the scores shown switch with the rest
    assert "SoMaJo 2.5 called directly" in view.result.value
    assert "Nachrichten" not in view.result.value
    assert "Not shown: news – this selection has no sentences from it." in view.result.value
    assert "<b>Gold data: UD German-GSD dev, all</b>" in view.result.value
    assert "Ausgewertet" not in view.status.value


def _mood_rows(subsets):
    """Score rows of the mood stage as evaluate() returns them: ``(subset, F1, n)``."""
    return pd.DataFrame(
        {"system": "toolkit mood", "subset": subset, "measure": "Sub", "P": f1, "R": f1,
         "F1": f1, "n": n}
        for subset, f1, n in subsets
    )  # fmt: skip


def test_the_mood_scores_name_their_corpus_and_explain_the_variant(monkeypatch):
    """Notebook 07, stage mood: the headings name UD German-GSD, a variant is explained."""
    rows = _mood_rows([("dev", 0.9, 80), ("dev TIGER-aligned", 0.95, 30)])
    monkeypatch.setattr(evaluation, "evaluate", lambda *args, **kwargs: rows)
    view = EvaluationView(path="", stage="mood")
    html = view.result.value
    assert "<b>Gold-Daten: UD German-GSD, Entwicklungsteil</b>" in html
    assert "<b>Gold-Daten: UD German-GSD, Entwicklungsteil, an TIGER angeglichen</b>" in html
    assert html.count('<div class="tk-about">') == 1  # the variant only, under its heading
    about = html.index("An TIGER angeglichen: nur die Nachrichtensätze, deren Merkmale")
    assert html.index("an TIGER angeglichen</b>") < about < html.rindex("<table")
    # the headings keep the stage that was run when another one is chosen (not yet run)
    view.stage.value = "speech"
    LanguageSwitch(view).language = "en"
    assert "<b>Gold data: UD German-GSD, dev TIGER-aligned</b>" in view.result.value
    assert "TIGER-aligned: only the news sentences whose features" in view.result.value


def test_a_note_names_every_part_left_out(monkeypatch):
    """Two parts without sentences: both named, the English note in the plural."""
    rows = _mood_rows([("dev", 0.5, 4), ("dev TIGER-aligned", None, 0), ("test", None, 0)])
    monkeypatch.setattr(evaluation, "evaluate", lambda *args, **kwargs: rows)
    view = EvaluationView(path="", stage="mood")
    assert (
        "Nicht gezeigt: Entwicklungsteil, an TIGER angeglichen, Testteil – in dieser Auswahl "
        "gibt es keine Sätze daraus."
    ) in view.result.value
    assert "<b>Gold-Daten: UD German-GSD, Entwicklungsteil</b>" in view.result.value
    LanguageSwitch(view).language = "en"
    assert (
        "Not shown: dev TIGER-aligned, test – this selection has no sentences from them. "
        "Choose more sentences under “At most” (0 = all) to see them too."
    ) in view.result.value


def test_feedback_precision_recall():
    doc = toolkit.analyse("Er sagte, sie komme. Gut.")
    exercise = Exercise.mark_tokens(doc, key="punctuation")
    exercise.mark("2")
    exercise.mark("0")
    feedback = exercise.check()
    assert feedback.precision == 0.5
    assert feedback.recall == pytest.approx(1 / len(exercise.key))
    assert 0 < feedback.f1 < 1


def test_exercise_frame_compares_student_and_toolkit():
    doc = toolkit.analyse("Er ging. Sie kam.")
    exercise = Exercise.label_sentences(doc, key="length")
    exercise.set_label("0", exercise.key["0"])
    exercise.set_label("1", "lang / long")
    rows = per_label(exercise_frame(exercise), reference="toolkit").set_index("label")
    assert rows.loc["kurz / short", "recall"] == 0.5
    with pytest.raises(InputError, match="label exercises"):
        exercise_frame(Exercise.mark_tokens(doc))


def test_show_gives_a_png_image():
    image = show(plot_frequencies(toolkit.analyse("Die Nato und die Nato.")))
    png = image._repr_png_()
    png, metadata = png if isinstance(png, tuple) else (png, {})
    assert image.data[1:4] == b"PNG" and png.startswith("iVBOR")  # base64 PNG
    assert metadata.get("alt") and 'alt="' in image._repr_html_()  # alt text: the title


def _score_cells(html: str) -> list[list[str]]:
    """The P, R and F1 cells of every body row of the view's tables (found by their header)."""
    found = []
    for table in html.split("<table")[1:]:
        names = re.findall(r"<th>(.*?)</th>", table)
        first = names.index("P")
        rows = [re.findall(r"<td>(.*?)</td>", row) for row in table.split("<tr>")[2:]]
        found += [cells[first : first + 3] for cells in rows if len(cells) == len(names)]
    return found


def test_anchor_scores_line_up_with_three_decimals():
    """A column of scores reads 0,970 under 0,875 (not 0,97), in German and in English."""
    view = EvaluationView(path="", stage="speech", run=False)
    cells = [c for row in _score_cells(view.reference.value) for c in row if c != "–"]
    assert cells and all(re.fullmatch(r"[01],\d{3}", c) for c in cells), cells[:6]
    LanguageSwitch(view).language = "en"
    cells = [c for row in _score_cells(view.reference.value) for c in row if c != "–"]
    assert cells and all(re.fullmatch(r"[01]\.\d{3}", c) for c in cells), cells[:6]


@pytest.mark.evaldata
def test_mood_scores_of_an_empty_measure_read_as_missing(eval_data):
    """50 sentences hold no Konjunktiv I: its row shows "–", not P / R / F1 0,000."""
    view = EvaluationView(path=eval_data, stage="mood", limit=50)
    empty = view.scores[(view.scores["n"] == 0) & (view.scores["measure"] == "KI")]
    assert len(empty) > 0, "the sample should hold no Konjunktiv I"
    assert empty[["P", "R", "F1"]].isna().all().all()
    rows = [r for r in _score_cells(view.result.value) if r.count("–") == 3]
    assert rows, "an empty measure shows three dashes"
    scored = [c for row in _score_cells(view.result.value) for c in row if c != "–"]
    assert scored and all(re.fullmatch(r"[01],\d{3}", c) for c in scored), scored[:6]


def test_a_run_says_it_is_running_and_takes_no_second_click(monkeypatch):
    """Minutes of evaluation: the status says so and the button waits (the old 'done' stayed)."""
    seen = {}

    def evaluate(stage, path, limit=None):
        seen["status"], seen["disabled"] = view.status.value, view.run_button.disabled
        return evaluation.anchors(stage)

    view = EvaluationView(path="", run=False)
    monkeypatch.setattr(evaluation, "evaluate", evaluate)
    view.run_button.click()
    assert "Wird ausgewertet" in seen["status"] and seen["disabled"] is True
    assert not view.run_button.disabled and "Ausgewertet in" in view.status.value


def test_an_error_follows_the_language_switch(monkeypatch, tmp_path):
    view = EvaluationView(path=str(tmp_path / "fehlt"), run=False)
    view.run_button.click()
    assert "nicht gefunden" in view.status.value
    LanguageSwitch(view).language = "en"
    assert "not found" in view.status.value and "nicht gefunden" not in view.status.value
    assert not view.run_button.disabled


#: Names that read the same in both languages (tools, corpora, files).
SAME_IN_BOTH = {
    "EVALUATION.md",
    "GermEval",
    "NLTK NLTKWordTokenizer",
    "PotTS",
    "Redewiedergabe",
    "SB10k",
    "SoMaJo 2.5",
    "spaCy blank('de')",
    "textblob-de PatternTokenizer",
    "toolkit",
    "toolkit (SoMaJo de_CMC)",
}


@pytest.mark.parametrize("stage", evaluation.available())
def test_every_name_in_the_anchor_tables_reads_german(stage):
    """Notebook 07 showed 'toolkit mood', 'finite verb', 'target of this toolkit' in German."""
    from toolkit.translate import LABELS

    frame = evaluation.anchors(stage)
    names = {
        name
        for column in ("system", "subset", "measure", "source")
        for name in frame[column].dropna()
        if not str(name).lower().startswith("issue ")
    }
    untranslated = sorted(n for n in names if f"val_{n}" not in LABELS and n not in SAME_IN_BOTH)
    assert untranslated == []
