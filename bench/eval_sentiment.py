"""Sentiment on the dev portions of GerNTSA (news), PotTS, SB10k and GermEval 2017.

Usage: python bench/eval_sentiment.py [DATA_FOLDER] [--limit N] [--no-sentiws]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)

Three-class macro-F1 and accuracy. Label thresholds are tuned on each dev set (there is no
other data to tune on; the held-out test portions are never read), so the tuned numbers are
optimistic; the "default" columns use the backend's fixed thresholds instead. textblob-de's
own analyser runs on the same units; the anchors are EVALUATION.md's test-set numbers.
"""

from __future__ import annotations

import argparse
import sys
import time

import pandas as pd

from toolkit.errors import ToolkitError
from toolkit.evaluation.sentiment import (
    ANCHORS,
    DATASETS,
    TARGETS,
    evaluate_sentiment,
    shared_thresholds,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=None, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="read only N units per set")
    parser.add_argument("--no-sentiws", action="store_true", help="skip the SentiWS row")
    arguments = parser.parse_args()
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    started = time.perf_counter()
    try:
        results = evaluate_sentiment(
            arguments.path, limit=arguments.limit, sentiws=not arguments.no_sentiws
        )
    except ToolkitError as error:
        print(f"sentiment: {error}", file=sys.stderr)
        return 1
    columns = ["set", "system", "units", "macro_f1", "positive", "negative", "accuracy"]
    columns += ["macro_f1_default", "accuracy_default"]
    print("== sentiment, dev sets: macro-F1 with thresholds tuned on dev; 'default' = fixed ==")
    print(results[columns].round(3).to_string(index=False))

    anchors = pd.DataFrame(ANCHORS).T
    for measure, title in (
        ("macro_f1_default", "fixed default thresholds (what analyse() uses)"),
        ("macro_f1", "thresholds tuned on each dev set"),
    ):
        print(f"\n== macro-F1, {title}, beside the anchors (test sets) ==")
        table = results.pivot(index="system", columns="set", values=measure)
        table = table[[name for name in DATASETS if name in table.columns]]
        targets = pd.DataFrame([TARGETS], index=["target (issue 5, dev)"])
        rows = pd.concat([table, targets.reindex(columns=table.columns)])
        rows = pd.concat([rows, anchors.reindex(columns=table.columns)])
        print(rows.rename(columns=DATASETS).round(3).to_string())

    print("\n== one threshold pair per system over all four sets (how the defaults were set) ==")
    print(shared_thresholds(results).rename(columns=DATASETS).round(3).to_string(index=False))

    tuned = results.pivot(index="system", columns="set", values="macro_f1")
    fixed = results.pivot(index="system", columns="set", values="macro_f1_default")
    ours = "toolkit default (lemmas)"
    # textblob-de at its best: thresholds tuned on each set (its own are just the sign).
    textblob = tuned.loc["textblob-de analyser"]
    for name, table in (("default thresholds", fixed), ("tuned thresholds", tuned)):
        verdict = {
            column: bool(table.loc[ours, column] >= TARGETS[column])
            and bool(table.loc[ours, column] > textblob[column])
            for column in DATASETS
            if column in table.columns
        }
        print(f"targets met and textblob-de (tuned) beaten, {name}: {verdict}")
    print(f"time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
