"""toolkit.annotation: students' speech labels, agreement (NLTK), confusion, per label."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from nltk.metrics.agreement import AnnotationTask

import toolkit
from toolkit.annotation import (
    SPEECH_CHOICES,
    agreement,
    agreement_table,
    annotations_frame,
    collect_annotations,
    confusion,
    demo_annotations,
    interpret,
    load_annotations,
    pairwise_kappa,
    per_label,
    toolkit_annotations,
)
from toolkit.errors import CorpusError, InputError
from toolkit.exercises import Exercise

A, B = SPEECH_CHOICES[1], SPEECH_CHOICES[2]


def test_demo_covers_the_article(article_doc):
    frame = demo_annotations()
    assert frame.groupby("coder").item.nunique().tolist() == [len(article_doc.sentences)] * 3
    assert set(frame.label) <= set(SPEECH_CHOICES)


def test_agreement_equals_nltk_on_the_same_data():
    frame = demo_annotations()
    task = AnnotationTask(data=[tuple(r) for r in frame.itertuples(index=False)])
    scores = agreement(frame)
    assert scores["kappa"] == pytest.approx(task.kappa())
    assert scores["alpha"] == pytest.approx(task.alpha())
    assert scores["items"] == 15


def test_perfect_and_chance_cases():
    same = annotations_frame({"a": {1: A, 2: B}, "b": {1: A, 2: B}})
    assert agreement(same)["kappa"] == pytest.approx(1.0)
    flipped = annotations_frame({"a": {1: A, 2: B}, "b": {1: B, 2: A}})
    assert agreement(flipped)["kappa"] < 0
    one_label = annotations_frame({"a": {1: A, 2: A}, "b": {1: A, 2: A}})
    assert agreement(one_label)["kappa"] == 1.0  # NLTK's convention: nothing to disagree on
    assert interpret(math.nan).startswith("nicht")


def test_items_not_labelled_by_everyone_are_left_out():
    frame = annotations_frame({"a": {1: A, 2: B, 3: A}, "b": {1: A, 2: B}})
    assert agreement(frame)["items"] == 2


def test_errors_are_explained():
    frame = annotations_frame({"a": {1: A}})
    with pytest.raises(InputError, match="at least two"):
        agreement(frame)
    with pytest.raises(InputError, match="Unknown coder"):
        agreement(frame, ["a", "zoe"])
    with pytest.raises(InputError, match="columns"):
        agreement(pd.DataFrame({"x": [1]}))
    apart = annotations_frame({"a": {1: A}, "b": {2: A}})
    with pytest.raises(InputError, match="No sentence"):
        agreement(apart)


def test_confusion_and_pairwise_tables():
    frame = demo_annotations()
    table = confusion(frame, "anna", "ben")
    assert table.to_numpy().sum() == 15
    assert list(table.index) == list(table.columns)
    diagonal = sum(table.iloc[i, i] for i in range(len(table)))
    assert diagonal / 15 == pytest.approx(agreement(frame, ["anna", "ben"])["observed"])
    pairs = pairwise_kappa(frame)
    assert pairs.loc["anna", "ben"] == pairs.loc["ben", "anna"]
    assert pairs.loc["anna", "anna"] == 1.0
    assert list(agreement_table(frame).measure) == [
        "kappa",
        "multi_kappa",
        "alpha",
        "pi",
        "observed",
    ]


def test_per_label_against_a_reference():
    frame = annotations_frame({"ref": {1: A, 2: B, 3: B}, "s": {1: A, 2: A, 3: B}})
    rows = per_label(frame, "ref").set_index("label")
    assert rows.loc[A, "precision"] == 0.5 and rows.loc[A, "recall"] == 1.0
    assert rows.loc[B, "precision"] == 1.0 and rows.loc[B, "recall"] == 0.5
    with pytest.raises(InputError, match="reference"):
        per_label(frame, "nobody")


def test_students_files_are_loaded(tmp_path, article_doc):
    exercise = Exercise.label_sentences(article_doc, key="speech")
    exercise.set_label("0", A)
    exercise.save(tmp_path / "zoe.json")
    frame = load_annotations(tmp_path)
    assert frame.to_dict("records") == [{"coder": "zoe", "item": "0", "label": A}]
    (tmp_path / "kaputt.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"kaputt\.json"):
        load_annotations(tmp_path)
    with pytest.raises(CorpusError, match="No"):
        load_annotations(tmp_path, pattern="*.csv")
    with pytest.raises(CorpusError, match="not found"):
        load_annotations(tmp_path / "nope")


def test_collect_adds_toolkit_and_saved_files(tmp_path, article_doc):
    exercise = Exercise.label_sentences(article_doc, key="speech")
    exercise.set_label("3", B)
    exercise.save(tmp_path / "anna.json")  # overrides the demo anna for sentence 3
    frame = collect_annotations(article_doc, tmp_path)
    assert sorted(frame.coder.unique()) == ["anna", "ben", "carla", "toolkit"]
    anna = frame[(frame.coder == "anna") & (frame.item == "3")]
    assert anna.label.tolist() == [B]
    assert collect_annotations(article_doc, tmp_path / "not-yet").coder.nunique() == 4
    with pytest.raises(InputError, match="demo annotations"):
        collect_annotations(toolkit.analyse("Er ging."))
    own = collect_annotations(toolkit.analyse("Er ging."), demo=False)
    assert own.coder.unique().tolist() == ["toolkit"]
    assert collect_annotations(demo=False).empty


def test_toolkit_coder_labels_every_sentence(article_doc):
    frame = toolkit_annotations(article_doc)
    assert len(frame) == len(article_doc.sentences)
    assert set(frame.label) <= set(SPEECH_CHOICES)
