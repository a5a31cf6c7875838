"""Score reported speech on Redewiedergabe and WikiNews quotes: rules and model, beside the anchors.

Usage: python bench/eval_speech.py [DATA_FOLDER] [--corpus rw|wn|all] [--split dev]
       [--rw-split dev] [--models rules,model] [--limit N] [--errors]
       [--predictions PRED.jsonl] [--no-record]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)

Every document goes through ``analyse(text, speech_model=...)``, the user path, once per
model. Redewiedergabe is scored on its dev files by default (``--rw-split``: the learned
layer's fixed split by file name, ``toolkit.evaluation.speech_corpora.rw_split``; ``all`` is
the whole train/dev portion, of which the model has seen 85 %). The scoring is
toolkit.evaluation.speech (see its docstring for the conventions); --predictions writes the
first model's WikiNews predictions as JSON lines for ../shared/tools/wn_eval.py, and --errors
adds the most frequent misses and false alarms. The table is recorded in
toolkit/data/scores.json (section "speech") unless --no-record or --limit is given.
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
    side_by_side,
    speech_anchors,
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=None, help="evaluation data folder")
    parser.add_argument("--corpus", choices=["rw", "wn", "all"], default="all")
    parser.add_argument("--split", default="dev", help="WikiNews split (train or dev)")
    parser.add_argument("--rw-split", default="dev", choices=["dev", "train", "all"])
    parser.add_argument("--models", default="rules,model", help="speech_model values to compare")
    parser.add_argument("--limit", type=int, default=None, help="read only N files")
    parser.add_argument("--errors", action="store_true", help="print an error analysis")
    parser.add_argument("--predictions", default=None, help="write WikiNews predictions here")
    parser.add_argument("--no-record", action="store_true", help="do not write scores.json")
    return parser.parse_args()


def print_errors(title: str, errors: SpeechErrors) -> None:
    print(f"\n== {title}: error analysis ==")
    for kind, counter in errors.missed.items():
        print(f"-- {kind}: cues of missed gold: {counter.most_common(20)}")
    for kind, counter in errors.false_alarms.items():
        print(f"-- {kind}: cues of predictions outside any gold: {counter.most_common(20)}")


def record(table: pd.DataFrame, models: list[str]) -> None:
    """Write the side-by-side F1 figures to toolkit/data/scores.json (if toolkit.scores exists)."""
    try:
        from toolkit.scores import record_scores  # type: ignore[import-not-found]
    except ImportError:
        print("(toolkit.scores is not there yet: scores not recorded)")
        return
    values = {
        f"{row['subset']} | {row['measure']} | {model}": float(row[f"{model} F1"])
        for _, row in table.iterrows()
        for model in models
        if pd.notna(row[f"{model} F1"])
    }
    record_scores("speech", values)
    print(f"(recorded {len(values)} figures in toolkit/data/scores.json, section 'speech')")


def main() -> int:
    args = parse_args()
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    pd.set_option("display.width", 220)
    pd.set_option("display.max_rows", 200)
    tables = []
    try:
        if args.corpus in {"rw", "all"}:
            scores = {}
            for model in models:
                started = time.perf_counter()
                scores[model], errors = evaluate_redewiedergabe(
                    args.path, args.limit, args.rw_split, speech_model=model
                )
                seconds = time.perf_counter() - started
                print(f"(Redewiedergabe {args.rw_split}, speech_model={model}: {seconds:.0f} s)")
                if args.errors:
                    print_errors(f"Redewiedergabe, {model}", errors)
            table = side_by_side(scores)
            table["subset"] = table["subset"].str.replace(
                "Redewiedergabe", f"Redewiedergabe {args.rw_split}", regex=False
            )
            tables.append(table)
            print(f"\n== Redewiedergabe ({args.rw_split} files): token P / R / F1 ==")
            print(table.to_string(index=False))
        if args.corpus in {"wn", "all"}:
            scores = {}
            for number, model in enumerate(models):
                with (
                    open(args.predictions, "w", encoding="utf-8")
                    if args.predictions and number == 0
                    else contextlib.nullcontext()
                ) as predictions:
                    scores[model], errors = evaluate_wikinews(
                        args.path, args.split, args.limit, predictions, speech_model=model
                    )
                if args.errors:
                    print_errors(f"WikiNews, {model}", errors)
            table = side_by_side(scores)
            tables.append(table)
            print(f"\n== WikiNews quotes, {args.split} (whitespace tokens) ==")
            print(table.to_string(index=False))
            print("(WikiNews annotates Reported only in exceptional cases.)")
    except ToolkitError as error:
        print(f"speech: {error}", file=sys.stderr)
        return 1
    print("\n== speech: anchors and targets (F1) ==")
    print(speech_anchors().to_string(index=False))
    if tables and not args.no_record and args.limit is None:
        record(pd.concat(tables, ignore_index=True), models)
    return 0


if __name__ == "__main__":
    sys.exit(main())
