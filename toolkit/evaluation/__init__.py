"""Score the toolkit against public gold data, beside the numbers of the best existing tools.

The gold data is never shipped (its licenses forbid it): pass its folder as ``path`` or set
``TOOLKIT_EVAL_DATA``. Every evaluation returns a pandas table with one row per system and
subset, and :func:`anchors` gives the reference numbers from the project's evaluation notes,
so a notebook or a script can print both side by side.

Examples
--------
>>> import toolkit.evaluation as evaluation
>>> "tokens" in evaluation.available()
True
>>> evaluation.anchors("tokens").columns.tolist()
['system', 'subset', 'measure', 'F1', 'source']
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pandas as pd

from toolkit.errors import InputError
from toolkit.evaluation.anchors import ANCHORS
from toolkit.evaluation.runners import evaluate_tokens

Evaluation = Callable[..., pd.DataFrame]

#: Evaluations by stage name; each takes ``(path=None, *, limit=None)``.
EVALUATIONS: dict[str, Evaluation] = {"tokens": evaluate_tokens}


def available() -> list[str]:
    """Names of the stages that can be evaluated."""
    return list(EVALUATIONS)


def evaluate(
    stage: str, path: str | os.PathLike[str] | None = None, *, limit: int | None = None
) -> pd.DataFrame:
    """Score one stage on the gold data; ``limit`` caps the units read (for a quick look).

    Raises
    ------
    EvaluationDataError
        If the data folder is not given and ``TOOLKIT_EVAL_DATA`` is not set.
    """
    if stage not in EVALUATIONS:
        raise InputError(f"Unknown stage {stage!r}; choose from {', '.join(EVALUATIONS)}.")
    return EVALUATIONS[stage](path, limit=limit)


def anchors(stage: str) -> pd.DataFrame:
    """Return the reference numbers of existing tools for ``stage`` (from EVALUATION.md)."""
    rows = [row for row in ANCHORS if row["stage"] == stage]
    frame = pd.DataFrame(rows, columns=["stage", "system", "subset", "measure", "F1", "source"])
    return frame.drop(columns="stage")


__all__ = ["EVALUATIONS", "anchors", "available", "evaluate"]
