"""Shared command-line plumbing for the bench/ scripts (not part of the package)."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

import toolkit.evaluation as evaluation
from toolkit.errors import ToolkitError


def parse_args(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        help="folder of the shared evaluation data (default: $TOOLKIT_EVAL_DATA)",
    )
    parser.add_argument("--limit", type=int, default=None, help="read only this many units")
    return parser.parse_args()


def run_evaluation(stage: str, description: str) -> int:
    """Evaluate one stage and print our scores beside the anchors; 1 if the data is absent."""
    arguments = parse_args(description)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_rows", 200)
    try:
        scores = evaluation.evaluate(stage, arguments.path, limit=arguments.limit)
    except ToolkitError as error:
        print(f"{stage}: {error}", file=sys.stderr)
        return 1
    print(f"== {stage}: this toolkit and comparison systems ==")
    print(scores.to_string(index=False))
    print(f"\n== {stage}: anchors (best existing tools) ==")
    print(evaluation.anchors(stage).to_string(index=False))
    return 0
