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


def record(tables: list[dict[str, pd.DataFrame]], rw_split: str) -> None:
    """Store every model's rows (system ``toolkit, speech_model=...``) and the anchors."""
    from toolkit.scores import record_scores

    rows = pd.concat(
        [
            table.assign(system=f"toolkit, speech_model={model}")
            for scores in tables
            for model, table in scores.items()
        ]
        + [speech_anchors().drop(columns=["source"])],
        ignore_index=True,
    )
    note = (
        f"`python bench/eval_speech.py` through analyse(); Redewiedergabe {rw_split} files "
        "(split by CRC-32 of the file name, toolkit.evaluation.speech_corpora.rw_split), "
        "WikiNews dev; anchors from EVALUATION.md and issue 13."
    )
    written = record_scores("speech", rows, note=note)
    print(f"\n(recorded in {written}; `python bench/update_readme.py` renders the README table)")


def main() -> int:
    args = parse_args()
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    pd.set_option("display.width", 220)
    pd.set_option("display.max_rows", 200)
    tables: list[pd.DataFrame] = []
    raw: list[dict[str, pd.DataFrame]] = []
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
            for model in scores:
                scores[model]["subset"] = scores[model]["subset"].str.replace(
                    "Redewiedergabe", f"Redewiedergabe {args.rw_split}", regex=False
                )
            raw.append(scores)
            table = side_by_side(scores)
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
            raw.append(scores)
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
    if raw and not args.no_record and args.limit is None:
        record(raw, args.rw_split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
