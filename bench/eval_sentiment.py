"""Sentiment on the dev portions of GerNTSA (news), PotTS, SB10k and GermEval 2017.

Usage: python bench/eval_sentiment.py [DATA_FOLDER] [--limit N] [--no-sentiws] [--no-record]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)

Every system runs on the user path: each unit's text goes through ``analyse(text,
sentiment_backend=...)`` (the toolkit's tokenizer, sentence split, tagger, the backend and
the document aggregation), and its label is the document label the user sees. The main
figure is three-class macro-F1 with those labels; "tuned" re-picks the label thresholds on
each dev set (optimistic, shown for comparison only). textblob-de runs twice: as a backend
on the user path, and its own analyser on the whole raw text. The anchors are
EVALUATION.md's test-set numbers (the test portions are never read).
"""

from __future__ import annotations

import argparse
import sys
import time

import pandas as pd
from _common import record

from toolkit.errors import ToolkitError
from toolkit.evaluation.sentiment import ANCHORS, DATASETS, evaluate_sentiment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=None, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="read only N units per set")
    parser.add_argument("--no-sentiws", action="store_true", help="skip the SentiWS row")
    parser.add_argument("--no-record", action="store_true", help="do not write scores.json")
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
    columns = ["set", "system", "units", "macro_f1_default", "accuracy_default"]
    columns += ["macro_f1", "positive", "negative"]
    print("== sentiment, dev sets, user path: macro-F1 of the labels analyse() gives ==")
    print("   (macro_f1 = with thresholds tuned on that dev set: optimistic, comparison only)")
    print(results[columns].round(3).to_string(index=False))

    anchors = pd.DataFrame(ANCHORS).T
    table = results.pivot(index="system", columns="set", values="macro_f1_default")
    table = table[[name for name in DATASETS if name in table.columns]]
    print("\n== macro-F1 on the user path (dev) beside the anchors (test sets) ==")
    rows = pd.concat([table, anchors.reindex(columns=table.columns)])
    print(rows.rename(columns=DATASETS).round(3).to_string())
    print(f"time: {time.perf_counter() - started:.0f} s")
    if arguments.limit is None and not arguments.no_record:
        figures = [
            {
                "system": row.system,
                "subset": f"{DATASETS[row.set]} dev",
                "measure": "macro-F1 (user path)",
                "F1": round(row.macro_f1_default, 3),
                "n": row.units,
            }
            for row in results.itertuples()
        ]
        record(
            "sentiment",
            figures,
            "`python bench/eval_sentiment.py` on the dev sets, every system through analyse().",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
