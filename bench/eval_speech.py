"""Score reported speech on Redewiedergabe and WikiNews quotes, beside the anchors.

Usage: python bench/eval_speech.py [DATA_FOLDER] [--corpus rw|wn|all] [--split dev]
       [--limit N] [--errors] [--predictions PRED.jsonl]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)

The scoring is toolkit.evaluation.speech (see its docstring for the conventions);
--predictions writes WikiNews predictions as JSON lines for ../shared/tools/wn_eval.py, and
--errors adds the most frequent misses and false alarms.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time

import pandas as pd

from toolkit.errors import ToolkitError
from toolkit.evaluation.speech import (
    SpeechErrors,
    evaluate_redewiedergabe,
    evaluate_wikinews,
    speech_anchors,
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=None, help="evaluation data folder")
    parser.add_argument("--corpus", choices=["rw", "wn", "all"], default="all")
    parser.add_argument("--split", default="dev", help="WikiNews split (train or dev)")
    parser.add_argument("--limit", type=int, default=None, help="read only N files")
    parser.add_argument("--errors", action="store_true", help="print an error analysis")
    parser.add_argument("--predictions", default=None, help="write WikiNews predictions here")
    return parser.parse_args()


def print_errors(title: str, errors: SpeechErrors) -> None:
    print(f"\n== {title}: error analysis ==")
    for kind, counter in errors.missed.items():
        print(f"-- {kind}: cues of missed gold: {counter.most_common(20)}")
    for kind, counter in errors.false_alarms.items():
        print(f"-- {kind}: cues of predictions outside any gold: {counter.most_common(20)}")


def main() -> int:
    args = parse_args()
    pd.set_option("display.width", 200)
    pd.set_option("display.max_rows", 200)
    try:
        if args.corpus in {"rw", "all"}:
            started = time.perf_counter()
            scores, errors = evaluate_redewiedergabe(args.path, args.limit)
            seconds = time.perf_counter() - started
            print(f"== Redewiedergabe (train/dev portion), {seconds:.0f} s ==")
            print(scores.to_string(index=False))
            if args.errors:
                print_errors("Redewiedergabe", errors)
        if args.corpus in {"wn", "all"}:
            with (
                open(args.predictions, "w", encoding="utf-8")
                if args.predictions
                else contextlib.nullcontext()
            ) as predictions:
                scores, errors = evaluate_wikinews(args.path, args.split, args.limit, predictions)
            print(f"\n== WikiNews quotes, {args.split} (whitespace tokens) ==")
            print(scores.to_string(index=False))
            print("(WikiNews annotates Reported only in exceptional cases.)")
            if args.errors:
                print_errors("WikiNews", errors)
    except ToolkitError as error:
        print(f"speech: {error}", file=sys.stderr)
        return 1
    print("\n== speech: anchors and targets (F1) ==")
    print(speech_anchors().to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
