"""Score reported speech on Redewiedergabe and WikiNews quotes, beside the anchors.

Usage: python bench/eval_speech.py [DATA_FOLDER] [--corpus rw|wn|all] [--split dev]
       [--limit N] [--errors] [--predictions PRED.jsonl]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)

Redewiedergabe: token-level P/R/F1 per kind (one binary task per kind, as the published
taggers score it), overall, non-fiction and news files (text_type = Nachrichten).
WikiNews: token-level P/R/F1 per kind on whitespace tokens, message proportional-overlap F1
and speaker match; --predictions writes the JSON lines that ../shared/tools/wn_eval.py scores.
--errors adds the most frequent misses and false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict

import pandas as pd

import toolkit
from toolkit.errors import ToolkitError
from toolkit.speech_corpora import (
    read_redewiedergabe,
    read_wikinews,
    rebuild_text,
    whitespace_tokens,
)
from toolkit.speech_scoring import Counts, MessageScore, TokenCover, message_scores

KINDS = ("direct", "indirect", "reported")

RW_ANCHORS = [
    ("fine-tuned German BERT (Brunner et al. 2020)", 0.91, 0.79, 0.70),
    ("rules + ML (Brunner 2013)", 0.87, 0.71, 0.58),
    ("Konjunktiv-I word list (indirect only; 0.45 on news)", None, "0.34-0.38", None),
    ("targets of this toolkit", ">=0.85", ">=0.60", ">=0.45"),
]
WN_ANCHORS = [
    ("quotation marks alone (dev, ws tokens)", "direct F1 0.930", "message F1 0.315"),
    ("QUiTE rule-based (SpkAtt-2023)", "", "message F1 0.488 dev / 0.479 test"),
    ("target of this toolkit", "", "message F1 >= 0.60 (dev)"),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=None, help="evaluation data folder")
    parser.add_argument("--corpus", choices=["rw", "wn", "all"], default="all")
    parser.add_argument("--split", default="dev", help="WikiNews split (train or dev)")
    parser.add_argument("--limit", type=int, default=None, help="read only N files")
    parser.add_argument("--errors", action="store_true", help="print an error analysis")
    parser.add_argument("--predictions", default=None, help="write WikiNews predictions here")
    return parser.parse_args()


def _overlapping(spans: list[tuple[int, int]], pieces: tuple[tuple[int, int], ...]) -> set[int]:
    return {
        index
        for index, (start, end) in enumerate(spans)
        if any(start < piece_end and piece_start < end for piece_start, piece_end in pieces)
    }


def evaluate_rw(args: argparse.Namespace) -> None:
    counts: dict[tuple[str, str], Counts] = defaultdict(Counts)
    lenient = defaultdict(Counts)
    missed_cues: dict[str, Counter[str]] = defaultdict(Counter)
    false_cues: dict[str, Counter[str]] = defaultdict(Counter)
    tokens_seen, started = 0, time.perf_counter()
    for rw in read_redewiedergabe(args.path, args.limit):
        text, spans = rebuild_text([token.word for token in rw.tokens])
        document = toolkit.analyse(text)
        tokens_seen += len(rw.tokens)
        subsets = ["all", "fiction" if rw.fiction else "non-fiction"] + (
            ["news"] if rw.news else []
        )
        for kind in KINDS:
            gold = {i for i, token in enumerate(rw.tokens) if kind in token.types}
            predicted: set[int] = set()
            for instance in document.speech:
                if instance.kind == kind:
                    found = _overlapping(spans, instance.pieces())
                    predicted |= found
                    if args.errors and found and not found & gold:
                        false_cues[kind][(instance.cue_lemma or "-").lower()] += 1
            for subset in subsets:
                counts[(kind, subset)].add(gold, predicted)
            if kind == "indirect":
                loose = {
                    i
                    for i, t in enumerate(rw.tokens)
                    if t.types & {"indirect", "indirect freeIndirect"}
                }
                for subset in subsets:
                    lenient[subset].add(loose, predicted)
            if args.errors:
                for i in gold - predicted:
                    if rw.tokens[i].cue:
                        missed_cues[kind][rw.tokens[i].word.lower()] += 1
    seconds = time.perf_counter() - started
    rows = [
        {
            "kind": kind,
            "subset": subset,
            "P": c.precision,
            "R": c.recall,
            "F1": c.f1,
            "gold tokens": c.tp + c.fn,
        }
        for (kind, subset), c in sorted(
            counts.items(), key=lambda item: (KINDS.index(item[0][0]), item[0][1])
        )
    ]
    rows += [
        {
            "kind": "indirect (+ indirect/free indirect)",
            "subset": subset,
            "P": c.precision,
            "R": c.recall,
            "F1": c.f1,
            "gold tokens": c.tp + c.fn,
        }
        for subset, c in sorted(lenient.items())
    ]
    print(f"== Redewiedergabe (train/dev portion): {tokens_seen:,} tokens, {seconds:.0f} s ==")
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    print("\n== Redewiedergabe anchors (token F1: direct / indirect / reported) ==")
    print(
        pd.DataFrame(RW_ANCHORS, columns=["system", "direct", "indirect", "reported"]).to_string(
            index=False
        )
    )
    if args.errors:
        for kind in KINDS:
            print(
                f"\n-- {kind}: cue words of missed gold tokens: {missed_cues[kind].most_common(25)}"
            )
            wrong = false_cues[kind].most_common(25)
            print(f"-- {kind}: cues of predictions without any gold overlap: {wrong}")


def _wikinews_predictions(document: toolkit.Document) -> list[dict]:  # type: ignore[type-arg]
    return [
        {
            "kind": instance.kind,
            "spans": [list(piece) for piece in instance.pieces()],
            "speaker": instance.speaker_mention.text if instance.speaker_mention else None,
        }
        for instance in document.speech
    ]


def evaluate_wn(args: argparse.Namespace) -> None:
    counts: dict[str, Counts] = defaultdict(Counts)
    message = MessageScore([], [])
    missed: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    missed_types: Counter[str] = Counter()
    output = open(args.predictions, "w", encoding="utf-8") if args.predictions else None  # noqa: SIM115
    documents = 0
    for wn in read_wikinews(args.path, args.split, args.limit):
        documents += 1
        document = toolkit.analyse(wn.text)
        predictions = _wikinews_predictions(document)
        if output:
            output.write(
                json.dumps({"doc_id": wn.doc_id, "speech": predictions}, ensure_ascii=False) + "\n"
            )
        cover = TokenCover(wn.text, whitespace_tokens(wn.text))
        gold = [(quote.kind, cover.cover(quote.spans), quote.speaker) for quote in wn.quotes]
        predicted = [
            (p["kind"], cover.cover(map(tuple, p["spans"])), p["speaker"]) for p in predictions
        ]
        for kind in (*KINDS, "any"):
            g = set().union(*[s for k, s, _ in gold if kind in {k, "any"}])
            p = set().union(*[s for k, s, _ in predicted if kind in {k, "any"}])
            counts[kind].add(g, p)
        message_scores(list(gold), list(predicted), message)
        if args.errors:
            covered = set().union(*[s for _, s, _ in predicted])
            for quote, (_, tokens, _) in zip(wn.quotes, gold, strict=True):
                if tokens and not tokens & covered:
                    missed_types[quote.type] += 1
                    missed[(quote.cue or "(no cue)").lower()] += 1
            gold_tokens = set().union(*[s for _, s, _ in gold])
            for instance, (_, tokens, _) in zip(document.speech, predicted, strict=True):
                if tokens and not tokens & gold_tokens:
                    false_alarms[f"{instance.kind}:{(instance.cue_lemma or '-').lower()}"] += 1
    if output:
        output.close()
    rows = [
        {"measure": f"tokens {kind}", "P": c.precision, "R": c.recall, "F1": c.f1}
        for kind, c in counts.items()
    ]
    rows.append(
        {
            "measure": "message (proportional overlap)",
            "P": message.precision,
            "R": message.recall,
            "F1": message.f1,
        }
    )
    print(f"\n== WikiNews quotes, {args.split} ({documents} articles, whitespace tokens) ==")
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    if message.speaker_gold:
        print(
            f"speaker of matched quotes with a gold speaker ({message.speaker_gold}): exact "
            f"{message.speaker_exact / message.speaker_gold:.3f}, partial "
            f"{message.speaker_partial / message.speaker_gold:.3f}"
        )
    print("\n== WikiNews anchors ==")
    print(pd.DataFrame(WN_ANCHORS, columns=["system", "tokens", "message"]).to_string(index=False))
    if args.errors:
        print(f"\n-- gold quotes not touched, by type: {missed_types.most_common()}")
        print(f"-- their gold cues: {missed.most_common(30)}")
        print(f"-- predictions outside every gold quote (kind:cue): {false_alarms.most_common(30)}")


def main() -> int:
    args = parse_args()
    pd.set_option("display.width", 200)
    try:
        if args.corpus in {"rw", "all"}:
            evaluate_rw(args)
        if args.corpus in {"wn", "all"}:
            evaluate_wn(args)
    except ToolkitError as error:
        print(f"speech: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
