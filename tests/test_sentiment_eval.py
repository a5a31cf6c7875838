"""Scoring helpers, and the dev macro-F1 targets of issue 5 on the shared data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit.evaluation.sentiment import (
    DATASETS,
    accuracy,
    analysed_units,
    evaluate_sentiment,
    label_scores,
    macro_f1,
    read_dataset,
    tune_thresholds,
    user_path,
)


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


@pytest.mark.evaldata
def test_evaluation_scores_exactly_what_analyse_returns(eval_data: Path) -> None:
    units = [unit for name in DATASETS for unit in read_dataset(name, eval_data)[:3]]
    for unit, document in zip(units, analysed_units(units), strict=True):
        for backend in ("learned", "rules", "textblob-de"):
            expected = toolkit.analyse(unit.text, sentiment_backend=backend).sentiment
            assert user_path(document, backend) == expected


@pytest.mark.slow
@pytest.mark.evaldata
def test_learned_beats_textblob_on_every_set_on_the_user_path(dev_results: pd.DataFrame) -> None:
    scores = dev_results.pivot(index="system", columns="set", values="macro_f1_default")
    learned = scores.loc["toolkit learned"]
    for name in DATASETS:
        assert learned[name] > scores.loc["textblob-de (user path)", name], name
        assert learned[name] > scores.loc["textblob-de analyser (whole text)", name], name


@pytest.mark.slow
@pytest.mark.evaldata
@pytest.mark.xfail(
    strict=True,
    reason="issue 16 target not reached: on dev the learned model gains +0.014 over the rules "
    "on news (in-sample: GerNTSA dev is also training data) and loses 0.001 on PotTS; a model "
    "of the four lexicon weights alone scores the same (news CV 0.469, PotTS dev 0.686)",
)
def test_learned_beats_rules_by_five_points_on_news_and_potts(dev_results: pd.DataFrame) -> None:
    scores = dev_results.pivot(index="system", columns="set", values="macro_f1_default")
    for name in ("news", "potts"):
        gain = scores.loc["toolkit learned", name] - scores.loc["toolkit rules", name]
        assert gain >= 0.05, (name, gain)
