"""CorpusView and AgreementView, driven in plain Python (no kernel, no browser)."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.annotation import agreement
from toolkit.exercises import Exercise
from toolkit.widgets import AgreementView, CorpusView, LanguageSwitch


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "eins.txt").write_text("Peskow warnte. Er sei besorgt.", encoding="utf-8")
    (tmp_path / "zwei.txt").write_text("Die Nato schwieg lange. Dann sprach sie.", encoding="utf-8")
    (tmp_path / "drei.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return tmp_path


def test_corpus_view_runs_draws_and_exports(folder, tmp_path):
    view = CorpusView(folder, export_to=tmp_path / "out")
    assert view.result is None and "Analysieren" in view.status.value
    view.export_button.click()  # nothing analysed yet
    assert "tk-error" in view.status.value
    view.run_button.click()
    assert (view.progress.value, view.progress.max) == (3, 3)
    assert view.overview.document.tolist() == ["eins", "zwei"]
    assert "drei" in view.status.value and "keine Textdatei" in view.status.value  # German
    assert "<td>eins</td>" in view.table.value
    first_png = view.plot.value
    assert first_png.startswith('<img alt="') and "data:image/png;base64," in first_png
    view.column.value = "sentences"
    bars = [bar.get_width() for bar in view.last_figure.axes[0].patches]
    assert bars == view.overview.sentences.tolist()
    assert view.plot.value != first_png
    view.export_button.click()
    assert {p.name for p in view.exported} >= {"documents.csv", "documents.jsonl"}
    assert all(p.exists() for p in view.exported)


def test_corpus_view_missing_folder(tmp_path):
    view = CorpusView(tmp_path / "fehlt")
    view.run()
    assert "nicht gefunden" in view.status.value and view.overview is None
    assert "Folder not found" not in view.status.value  # German view: German only


def test_corpus_view_relabels():
    view = CorpusView()
    LanguageSwitch(view).language = "en"
    assert view.run_button.description == "Analyse"


def test_agreement_view_pairs_and_reload(article_doc, tmp_path):
    view = AgreementView(article_doc, folder=tmp_path)
    assert sorted(view.first.options) == [
        ("Toolkit", "toolkit"),  # the toolkit as a coder, in the reader's language
        ("anna", "anna"),
        ("ben", "ben"),
        ("carla", "carla"),
    ]
    assert "Kappa (Cohen)" in view.overall.value and "Multi-Kappa" in view.overall.value
    view.first.value, view.second.value = "ben", "carla"
    expected = agreement(view.frame, ["ben", "carla"])["kappa"]
    assert view.pair_scores["kappa"] == pytest.approx(expected)
    assert f"{expected:.2f}".replace(".", ",") in view.pair.value  # German decimal comma
    assert view.pair_table.to_numpy().sum() == len(article_doc.sentences)
    assert view.last_figure.axes[0].get_title() == "ben × carla"
    view.second.value = "ben"
    assert "verschiedene" in view.pair.value
    # a student saves her answers; Reload shows her as a coder, choices are kept
    exercise = Exercise.label_sentences(article_doc, key="speech")
    for item in exercise.items:
        exercise.set_label(item.id, exercise.key[item.id])  # she agrees with the toolkit
    exercise.save(tmp_path / "zoe.json")
    view.second.value = "carla"
    view.reload_button.click()
    assert ("zoe", "zoe") in view.first.options
    assert (view.first.value, view.second.value) == ("ben", "carla")
    assert "zoe" in view.status.value
    view.first.value, view.second.value = "zoe", "toolkit"
    assert view.pair_scores["observed"] == 1.0
    assert view.last_figure.axes[0].get_title() == "zoe × Toolkit"
    assert view.last_figure.axes[0].get_xlabel() == "Toolkit"
    assert "<th>Toolkit</th>" in view.overall.value and ">toolkit<" not in view.overall.value
    # the coders' names head the pair table as written everywhere else ("zoe", not "Zoe")
    assert "<th>zoe</th>" in view.overall.value and "<th>Zoe</th>" not in view.overall.value
    assert "Toolkit" in view.status.value and "toolkit" not in view.status.value
    view.language = "en"
    assert ("toolkit", "toolkit") in view.first.options and view.second.value == "toolkit"
    assert view.last_figure.axes[0].get_title() == "zoe × toolkit"


def test_agreement_view_own_text_without_demo():
    doc = toolkit.analyse("Er ging. Sie kam.")
    broken = AgreementView(doc)  # demo annotations do not fit this text
    assert "tk-error" in broken.status.value and "Artikel" in broken.status.value
    alone = AgreementView(doc, folder=None, demo=False)
    assert alone.first.options == (("Toolkit", "toolkit"),) and alone.overall.value == ""


def test_agreement_view_says_what_to_do_until_a_second_coder_saves(tmp_path):
    doc = toolkit.analyse("Er ging. Sie sagte, sie komme.")
    view = AgreementView(doc, folder=tmp_path / "klasse", demo=False)
    assert "mindestens zwei Personen" in view.status.value and "klasse" in view.status.value
    assert view.choosers.layout.display == "none"  # no pair to choose yet: no empty dropdowns
    view.language = "en"
    assert "at least two coders" in view.status.value
    exercise = Exercise.label_sentences(doc, key="speech")
    for item in exercise.items:
        exercise.set_label(item.id, exercise.choices[0])
    exercise.save(tmp_path / "klasse" / "lena.json")
    view.reload_button.click()
    assert "lena" in view.status.value and "at least two" not in view.status.value
    assert view.overall.value  # now there is something to compare
    assert view.choosers.layout.display is None
