"""Shared command-line plumbing for the bench/ scripts (not part of the package)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import toolkit.evaluation as evaluation
from toolkit.errors import ToolkitError
from toolkit.mood.paradigms import paradigm
from toolkit.scores import record_scores
from toolkit.tagging import hanover_tagger
from toolkit.tagging.disk_memo import DiskMemo


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
    if arguments.limit is None:  # a partial run never replaces the published figures
        record(stage, scores, f"`python bench/eval_{stage}.py` on the dev data.")
    return 0


def record(section: str, rows: object, note: str) -> None:
    """Store figures in toolkit/data/scores.json (README and notebooks show them from there)."""
    written = record_scores(section, rows, note=note)
    print(f"\n(recorded in {written}; `python bench/update_readme.py` renders the README table)")


# --- speed: the same timing for every bench_* script -------------------------------------


def forget_memos(disk: Path | None = None) -> None:
    """Empty the per-word memos (tagger and paradigms), as in a fresh process.

    The tagger's disk memo (``toolkit.tagging.disk_memo``) is off unless ``disk`` names its
    file: a first pass measures the analyses worked out, not read back from an earlier run.
    """
    tagger = hanover_tagger()
    for memo in tagger.memos():
        memo.clear()
    tagger.disk = DiskMemo(disk)
    paradigm.cache_clear()


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """Return (CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    function()
    return time.process_time() - cpu, time.perf_counter() - wall


def best(
    function: Callable[[], object], repeat: int, before: Callable[[], None] | None = None
) -> tuple[float, float]:
    """Return the best (CPU, wall) seconds of ``repeat`` calls; ``before`` runs untimed first."""
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        runs.append(timed(function))
    return min(cpu for cpu, _ in runs), min(wall for _, wall in runs)


def rate(label: str, tokens: int, seconds: tuple[float, float], note: str = "") -> None:
    """Print tokens per CPU second (and per wall second) of a timed run."""
    cpu, wall = seconds
    print(f"  {label:<34} {tokens / cpu:>9,.0f} tokens/s  ({tokens / wall:,.0f} wall){note}")
