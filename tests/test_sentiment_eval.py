"""Scoring helpers, and the dev macro-F1 targets of issue 5 on the shared data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from toolkit.evaluation.sentiment import (
    DATASETS,
    TARGETS,
    accuracy,
    evaluate_sentiment,
    label_scores,
    macro_f1,
    read_dataset,
    shared_thresholds,
    tune_thresholds,
)
from toolkit.sentiment.backends import DEFAULT_THRESHOLDS


@pytest.fixture(scope="module")
def dev_results(eval_data: Path) -> pd.DataFrame:
    return evaluate_sentiment(eval_data, sentiws=False)


def test_macro_f1_and_accuracy() -> None:
    gold = ["positive", "negative", "neutral", "neutral"]
    assert macro_f1(gold, gold) == 1.0 and accuracy(gold, gold) == 1.0
    always_neutral = ["neutral"] * 4
    assert accuracy(gold, always_neutral) == 0.5
    assert macro_f1(gold, always_neutral) == pytest.approx((2 * 2 / 6) / 3)
    with pytest.raises(ValueError):
        macro_f1(gold, ["neutral"])


def test_label_scores_and_tuning() -> None:
    assert label_scores([0.3, 0.1, -0.1, -0.3], 0.2, 0.2) == [
        "positive",
        "neutral",
        "neutral",
        "negative",
    ]
    gold = ["positive", "neutral", "negative", "neutral"]
    positive, negative, best = tune_thresholds(gold, [0.9, 0.3, -0.5, -0.1])
    assert best == 1.0 and 0.3 <= positive < 0.9 and 0.1 <= negative < 0.5


def test_unknown_set_and_missing_data(tmp_path: Path) -> None:
    from toolkit.errors import EvaluationDataError

    with pytest.raises(EvaluationDataError):
        read_dataset("news", tmp_path)
    (tmp_path / "sentiment").mkdir()
    with pytest.raises(EvaluationDataError, match="Unknown"):
        read_dataset("imdb", tmp_path)
    with pytest.raises(EvaluationDataError, match="incomplete"):
        read_dataset("news", tmp_path)


@pytest.mark.evaldata
def test_dev_sets_read_as_documented(eval_data: Path) -> None:
    sizes = {name: len(read_dataset(name, eval_data)) for name in DATASETS}
    assert sizes == {"news": 1727, "potts": 760, "sb10k": 747, "germeval": 1306}
    assert all(unit.tokens for unit in read_dataset("potts", eval_data))


@pytest.mark.slow
@pytest.mark.evaldata
@pytest.mark.parametrize("measure", ["macro_f1_default", "macro_f1"])
def test_dev_macro_f1_targets_and_textblob_beaten(dev_results: pd.DataFrame, measure: str) -> None:
    # macro_f1_default: the fixed thresholds analyse() uses; macro_f1: tuned on each dev set.
    # textblob-de is compared at its best, with thresholds tuned on each set.
    ours = dev_results.pivot(index="system", columns="set", values=measure)
    textblob = dev_results.pivot(index="system", columns="set", values="macro_f1")
    for name, target in TARGETS.items():
        score = ours.loc["toolkit default (lemmas)", name]
        assert score >= target, (measure, name, score, target)
        assert score > textblob.loc["textblob-de analyser", name], (measure, name)


@pytest.mark.slow
@pytest.mark.evaldata
def test_default_thresholds_are_the_shared_best(dev_results: pd.DataFrame) -> None:
    shared = shared_thresholds(dev_results).set_index("system")
    ours = shared.loc["toolkit default (lemmas)"]
    assert (ours["positive"], ours["negative"]) == DEFAULT_THRESHOLDS
    assert ours["mean"] > shared.loc["textblob-de analyser", "mean"]
