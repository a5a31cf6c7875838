"""Score the toolkit against public gold data, beside the numbers of the best existing tools.

The gold data is never shipped (its licenses forbid it): pass its folder as ``path`` or set
``TOOLKIT_EVAL_DATA``. Every evaluation returns a pandas table with one row per system,
subset and measure (columns ``system``, ``subset``, ``measure``, ``P``, ``R``, ``F1``, ``n``),
and :func:`anchors` gives the reference numbers from the project's evaluation notes, so a
notebook or a script can show both side by side.

Examples
--------
>>> import toolkit.evaluation as evaluation
>>> evaluation.available()
['tokens', 'mood', 'speech', 'sentiment']
>>> evaluation.anchors("mood").columns.tolist()
['system', 'subset', 'measure', 'P', 'R', 'F1', 'source']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from toolkit.errors import InputError

ANCHOR_COLUMNS = ["system", "subset", "measure", "P", "R", "F1", "source"]


@dataclass(frozen=True, slots=True)
class StageEvaluation:
    """How to score one stage: ``run(path, limit=...)`` and its reference numbers."""

    run: Callable[..., pd.DataFrame]
    anchors: Callable[[], pd.DataFrame]
    data: str


def _stages() -> dict[str, StageEvaluation]:
    # Imported here: each evaluation pulls in its stage, and `import toolkit.evaluation`
    # should stay cheap for the notebook that only lists what is available.
    from toolkit.evaluation.mood import evaluate_mood, mood_anchors
    from toolkit.evaluation.runners import evaluate_tokens, token_anchors
    from toolkit.evaluation.sentiment import sentiment_anchors, sentiment_scores
    from toolkit.evaluation.speech import evaluate_speech, speech_anchors

    return {
        "tokens": StageEvaluation(evaluate_tokens, token_anchors, "ud/"),
        "mood": StageEvaluation(evaluate_mood, mood_anchors, "ud/"),
        "speech": StageEvaluation(evaluate_speech, speech_anchors, "redewiedergabe/, wikinews/"),
        "sentiment": StageEvaluation(sentiment_scores, sentiment_anchors, "sentiment/"),
    }


def available() -> list[str]:
    """Names of the stages that can be evaluated, in data-flow order."""
    return list(_stages())


def _stage(stage: str) -> StageEvaluation:
    stages = _stages()
    if stage not in stages:
        raise InputError(f"Unknown stage {stage!r}; choose from {', '.join(stages)}.")
    return stages[stage]


def evaluate(
    stage: str, path: str | os.PathLike[str] | None = None, *, limit: int | None = None
) -> pd.DataFrame:
    """Score one stage on the gold data; ``limit`` caps the units read (for a quick look).

    Raises
    ------
    EvaluationDataError
        If the data folder is not given and ``TOOLKIT_EVAL_DATA`` is not set.
    """
    return _stage(stage).run(path, limit=limit)


def anchors(stage: str) -> pd.DataFrame:
    """Return the reference numbers of existing tools (and the targets) for ``stage``."""
    return _stage(stage).anchors().reindex(columns=ANCHOR_COLUMNS)


__all__ = ["StageEvaluation", "anchors", "available", "evaluate"]
