"""Score reported speech on Redewiedergabe and WikiNews quotes, beside the anchors.

Usage: python bench/eval_speech.py [DATA_FOLDER] [--corpus rw|wn|all] [--split dev]
       [--limit N] [--errors] [--predictions PRED.jsonl]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)

Redewiedergabe (train/dev portion, historical German 1840-1919): token-level P/R/F1, one
binary task per kind, as the published taggers score it; overall, fiction, non-fiction and
news files (text_type = Nachrichten). The toolkit's Konjunktiv continuations without a cue
("Danach werde der Norweger ...") are what the corpus annotates as the ambiguous type
"indirect freeIndirect", which strict "indirect" does not count: the main indirect row scores
the framed instances, and two more rows show the continuations counted as indirect against
strict and against lenient gold (indirect + indirect/free indirect).
WikiNews (modern news): token P/R/F1 per kind on whitespace tokens, message
proportional-overlap F1 and the speaker of matched quotes; --predictions writes JSON lines
for ../shared/tools/wn_eval.py. --errors adds the most frequent misses and false alarms.
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
from toolkit.model import ReportedSpeech
from toolkit.speech_corpora import read_redewiedergabe, read_wikinews, rebuild_text
from toolkit.speech_corpora import whitespace_tokens as ws_tokens
from toolkit.speech_scoring import Counts, MessageScore, TokenCover, message_scores

KINDS = ("direct", "indirect", "reported")
SUBSETS = ("all", "fiction", "non-fiction", "news")
RW_ROWS = {
    "direct": ("direct", {"direct"}, "framed"),
    "indirect": ("indirect", {"indirect"}, "framed"),
    "indirect + continuations": ("indirect", {"indirect"}, "all"),
    "indirect + continuations, lenient gold": (
        "indirect",
        {"indirect", "indirect freeIndirect"},
        "all",
    ),
    "reported": ("reported", {"reported"}, "framed"),
}
RW_ANCHORS = [
    ("fine-tuned German BERT (Brunner et al. 2020)", "0.91", "0.79", "0.70"),
    ("rules + ML (Brunner 2013)", "0.87", "0.71", "0.58"),
    ("Konjunktiv-I word list", "-", "0.34-0.38 (news 0.45)", "-"),
    ("targets of this toolkit", ">= 0.85", ">= 0.60", ">= 0.45"),
]
WN_ANCHORS = [
    ("quotation marks alone (dev, ws tokens)", "direct F1 0.930", "message F1 0.315"),
    ("QUiTE rule-based (SpkAtt-2023)", "-", "message F1 0.488 dev / 0.479 test"),
    ("target of this toolkit", "-", "message F1 >= 0.60 (dev)"),
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


def _covered(spans: list[tuple[int, int]], instance: ReportedSpeech) -> set[int]:
    return {
        index
        for index, (start, end) in enumerate(spans)
        if any(start < b and a < end for a, b in instance.pieces())
    }


def _continuation(instance: ReportedSpeech) -> bool:
    return instance.kind == "indirect" and instance.cue is None


def _table(rows: list[dict]) -> str:  # type: ignore[type-arg]
    return pd.DataFrame(rows).round(3).to_string(index=False)


def evaluate_rw(args: argparse.Namespace) -> None:
    counts: dict[tuple[str, str], Counts] = defaultdict(Counts)
    missed: dict[str, Counter[str]] = defaultdict(Counter)
    false: dict[str, Counter[str]] = defaultdict(Counter)
    tokens_seen, started = 0, time.perf_counter()
    for rw in read_redewiedergabe(args.path, args.limit):
        text, spans = rebuild_text([token.word for token in rw.tokens])
        document = toolkit.analyse(text)
        tokens_seen += len(rw.tokens)
        subsets = ["all", "fiction" if rw.fiction else "non-fiction"] + ["news"] * rw.news
        covered = [(instance, _covered(spans, instance)) for instance in document.speech]
        for row, (kind, gold_types, which) in RW_ROWS.items():
            gold = {i for i, token in enumerate(rw.tokens) if token.types & gold_types}
            predicted = set().union(
                *(
                    tokens
                    for instance, tokens in covered
                    if instance.kind == kind and (which == "all" or not _continuation(instance))
                )
            )
            for subset in subsets:
                counts[(row, subset)].add(gold, predicted)
            if args.errors and row in KINDS:
                for instance, tokens in covered:
                    if instance.kind == kind and tokens and not tokens & gold:
                        false[kind][(instance.cue_lemma or "(no cue)").lower()] += 1
                for i in gold - predicted:
                    if rw.tokens[i].cue:
                        missed[kind][rw.tokens[i].word.lower()] += 1
    seconds = time.perf_counter() - started
    rows = [
        {
            "kind": row,
            "subset": subset,
            "P": c.precision,
            "R": c.recall,
            "F1": c.f1,
            "gold tokens": c.tp + c.fn,
        }
        for row in RW_ROWS
        for subset in SUBSETS
        if (c := counts.get((row, subset))) is not None
    ]
    print(f"== Redewiedergabe (train/dev portion): {tokens_seen:,} tokens, {seconds:.0f} s ==")
    print(_table(rows))
    print("\n== Redewiedergabe anchors (token F1) ==")
    print(_table([dict(zip(("system", *KINDS), anchor, strict=True)) for anchor in RW_ANCHORS]))
    if args.errors:
        print("\n== Redewiedergabe error analysis ==")
        for kind in KINDS:
            print(
                f"-- {kind}: cue words next to missed gold tokens: {missed[kind].most_common(20)}"
            )
            print(
                f"-- {kind}: cues of predictions outside any gold {kind}: "
                f"{false[kind].most_common(20)}"
            )


def _wikinews_items(document: toolkit.Document) -> list[dict]:  # type: ignore[type-arg]
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
    message, without_reported = MessageScore([], []), MessageScore([], [])
    missed, missed_types, false = Counter(), Counter(), Counter()  # type: ignore[var-annotated]
    output = open(args.predictions, "w", encoding="utf-8") if args.predictions else None  # noqa: SIM115
    documents = 0
    for wn in read_wikinews(args.path, args.split, args.limit):
        documents += 1
        document = toolkit.analyse(wn.text)
        items = _wikinews_items(document)
        if output:
            line = {"doc_id": wn.doc_id, "speech": items}
            output.write(json.dumps(line, ensure_ascii=False) + "\n")
        cover = TokenCover(wn.text, ws_tokens(wn.text))
        gold = [(quote.kind, cover.cover(quote.spans), quote.speaker) for quote in wn.quotes]
        predicted = [(i["kind"], cover.cover(map(tuple, i["spans"])), i["speaker"]) for i in items]
        for kind in (*KINDS, "any"):
            g = set().union(*[s for k, s, _ in gold if kind in {k, "any"}])
            p = set().union(*[s for k, s, _ in predicted if kind in {k, "any"}])
            counts[kind].add(g, p)
        message_scores(gold, predicted, message)
        message_scores(gold, [p for p in predicted if p[0] != "reported"], without_reported)
        if args.errors:
            found = set().union(*[s for _, s, _ in predicted])
            for quote, (_, tokens, _) in zip(wn.quotes, gold, strict=True):
                if tokens and not tokens & found:
                    missed_types[quote.type] += 1
                    missed[(quote.cue or "(no cue)").lower()] += 1
            gold_tokens = set().union(*[s for _, s, _ in gold])
            for instance, (_, tokens, _) in zip(document.speech, predicted, strict=True):
                if tokens and not tokens & gold_tokens:
                    false[f"{instance.kind}:{(instance.cue_lemma or '(no cue)').lower()}"] += 1
    if output:
        output.close()
    rows = [
        {"measure": f"tokens {kind}", "P": c.precision, "R": c.recall, "F1": c.f1}
        for kind, c in counts.items()
    ]
    for name, score in (("message", message), ("message, reported left out", without_reported)):
        rows.append({"measure": name, "P": score.precision, "R": score.recall, "F1": score.f1})
    print(f"\n== WikiNews quotes, {args.split} ({documents} articles, whitespace tokens) ==")
    print(_table(rows))
    if message.speaker_gold:
        print(
            f"speaker of matched quotes with a gold speaker ({message.speaker_gold}): exact "
            f"{message.speaker_exact / message.speaker_gold:.3f}, partial "
            f"{message.speaker_partial / message.speaker_gold:.3f}"
        )
    print(
        "(WikiNews annotates Reported only in exceptional cases, so most 'reported' "
        "predictions count as false alarms there.)"
    )
    print("\n== WikiNews anchors ==")
    print(_table([dict(zip(("system", "tokens", "message"), a, strict=True)) for a in WN_ANCHORS]))
    if args.errors:
        print("\n== WikiNews error analysis ==")
        print(f"-- gold quotes not touched at all, by type: {missed_types.most_common()}")
        print(f"-- their gold cues: {missed.most_common(25)}")
        print(f"-- predictions outside every gold quote (kind:cue): {false.most_common(25)}")


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
