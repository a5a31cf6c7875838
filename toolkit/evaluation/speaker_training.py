"""Train the speaker ranking (:mod:`toolkit.speech.speaker_ranking`) from WikiNews quotes.

Usage: python -m toolkit.evaluation.speaker_training --data PATH [--out FILE]
(PATH holds ``wikinews_quotes/``; defaults to $TOOLKIT_EVAL_DATA)

The rules analyse every train article; each instance paired with a gold quote (the pairing of
the message score) that has a speaker becomes one training group: its candidates, labelled by
whether their words are the gold speaker's. A conditional-logit model (softmax over each
group's candidates, L2 penalty) is fitted by full-batch gradient descent with numpy: no random
numbers, so the same data gives the same weights. The penalty is chosen on the dev portion
(speaker exact match of the chosen candidates); train only is used for fitting.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np

from toolkit.atomic import write_text_atomic
from toolkit.corpus import eval_data_path
from toolkit.evaluation.speech_corpora import whitespace_tokens
from toolkit.evaluation.speech_scoring import TokenCover, assign, speaker_words
from toolkit.model import Document
from toolkit.pipeline import analyse
from toolkit.speech import detect_speech
from toolkit.speech.speaker_features import Candidate, DocumentContext, candidates, mention_before
from toolkit.speech.speaker_ranking import choose

#: L2 penalties tried; the one with the best dev speaker exact match is kept.
PENALTIES = (1.0, 3.0, 10.0, 30.0)
STEPS = 400
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "speech" / "weights" / "speakers.json"

Group = tuple[list[Candidate], list[bool], list[str]]


def _overlap_score(gold: set[int], predicted: set[int]) -> float:
    overlap = len(gold & predicted)
    if not overlap:
        return 0.0
    p, r = overlap / len(predicted), overlap / len(gold)
    return 2 * p * r / (p + r)


def rule_document(text: str) -> Document:
    """Analyse a text with the rules' speakers only (the ranking's input)."""
    document = analyse(text, speech=False, sentiment=False)
    return replace(document, speech=tuple(detect_speech(document)))


def gold_documents(
    path: str | os.PathLike[str] | None, split: str
) -> Iterator[tuple[Document, list[tuple[tuple[int, int], ...]], list[str | None]]]:
    """Yield each article of a split analysed by the rules, its gold quote spans and speakers."""
    folder = eval_data_path(path, f"wikinews_quotes/{split}")
    files = sorted(folder.glob("*.json"), key=lambda f: (len(f.stem), f.stem))
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        quotes = [
            tuple((s["charBegin"], s["charEnd"]) for s in item["quote"]["spans"])
            for item in data["annotations"]
        ]
        speakers = [item["speaker"]["text"] or None for item in data["annotations"]]
        yield rule_document(data["originalText"]), quotes, speakers


def training_groups(
    articles: Iterable[tuple[Document, list[tuple[tuple[int, int], ...]], list[str | None]]],
) -> Iterator[Group]:
    """Yield one group per rule instance paired with a gold quote that names a speaker.

    A group is the candidates, whether each is the gold speaker, and each candidate's words.
    """
    for document, quotes, speakers in articles:
        text = document.text
        cover = TokenCover(text, whitespace_tokens(text))
        gold = [(cover.cover(q), s) for q, s in zip(quotes, speakers, strict=True)]
        gold = [g for g in gold if g[0]]
        records = list(document.speech)
        predicted = [cover.cover(r.pieces()) for r in records]
        keep = [i for i, p in enumerate(predicted) if p]
        if not gold or not keep:
            continue
        matrix = [[_overlap_score(g[0], predicted[j]) for j in keep] for g in gold]
        context = DocumentContext(document)
        for i, column in assign(matrix):
            if matrix[i][column] <= 0 or not gold[i][1]:
                continue
            position = keep[column]
            record = records[position]
            before = mention_before(context, records, position)
            found = candidates(context, record, position, before)
            expected = speaker_words(gold[i][1])
            words = [speaker_words(context.text(c.first, c.end)) for c in found]
            yield found, [w == expected for w in words], [" ".join(w) for w in words]


def _sparse(groups: list[Group], names: dict[str, int]) -> tuple[np.ndarray, ...]:
    """Return the candidates as sparse rows (row, column, value), labels and group starts."""
    rows, columns, values, labels, starts = [], [], [], [], []
    row = 0
    for found, marks, _ in groups:
        starts.append(row)
        for candidate, label in zip(found, marks, strict=True):
            for name, value in candidate.items():
                column = names.get(name)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
                    values.append(value)
            labels.append(float(label))
            row += 1
    return (
        np.array(rows, dtype=np.int64),
        np.array(columns, dtype=np.int64),
        np.array(values, dtype=np.float64),
        np.array(labels, dtype=np.float64),
        np.array(starts, dtype=np.int64),
    )


def fit(groups: list[Group], names: dict[str, int], penalty: float) -> np.ndarray:
    """Fit the conditional-logit weights by full-batch Adam steps (deterministic)."""
    usable = [g for g in groups if any(g[1])]
    rows, columns, values, y, starts = _sparse(usable, names)
    size, count = len(y), len(usable)
    group = np.repeat(np.arange(count), np.diff(np.append(starts, size)))
    w = np.zeros(len(names), dtype=np.float64)
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        scores = np.bincount(rows, weights=values * w[columns], minlength=size)
        top = np.maximum.reduceat(scores, starts)
        exp = np.exp(scores - top[group])
        p = exp / np.add.reduceat(exp, starts)[group]
        gold = exp * y
        q = gold / np.add.reduceat(gold, starts)[group]  # the positives' share of the gold mass
        residual = (p - q)[rows] * values
        gradient = np.bincount(columns, weights=residual, minlength=len(w)) / count
        gradient += penalty * w / count
        m = 0.9 * m + 0.1 * gradient
        v = 0.999 * v + 0.001 * gradient**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def exact_match(groups: list[Group], weights: dict[str, float]) -> float:
    """Return the share of groups whose best-scored candidate has the gold speaker's words."""
    hits = 0
    for found, labels, _ in groups:
        choice = choose(found, weights)
        if choice is not None:
            hits += labels[found.index(choice.candidate)]
    return hits / len(groups) if groups else 0.0


def train(path: str | os.PathLike[str] | None = None, out: Path = DEFAULT_OUT) -> dict:
    """Train on WikiNews train, choose the penalty on dev, write the weights; return a summary."""
    train_groups = list(training_groups(gold_documents(path, "train")))
    dev_groups = list(training_groups(gold_documents(path, "dev")))
    counts: dict[str, int] = {}
    for found, _, _ in train_groups:
        for candidate in found:
            for name, _ in candidate.items():
                counts[name] = counts.get(name, 0) + 1
    names = {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= 3))}
    best: tuple[float, float, dict[str, float]] | None = None
    for penalty in PENALTIES:
        w = fit(train_groups, names, penalty)
        weights = {name: round(float(w[i]), 4) for name, i in names.items() if abs(w[i]) >= 1e-4}
        score = exact_match(dev_groups, weights)
        print(f"penalty {penalty}: dev exact (paired instances) {score:.4f}", file=sys.stderr)
        if best is None or score > best[0]:
            best = (score, penalty, weights)
    assert best is not None
    summary = {
        "model": "conditional logit over speaker candidates",
        "trained_on": "WikiNews quotes train (Petersen-Frey & Biemann 2024), CC BY-NC-SA 4.0",
        "penalty": best[1],
        "train_groups": len(train_groups),
        "dev_groups": len(dev_groups),
        "dev_exact_paired": round(best[0], 4),
        "oracle_dev": round(sum(any(g[1]) for g in dev_groups) / max(1, len(dev_groups)), 4),
        "weights": dict(sorted(best[2].items())),
    }
    write_text_atomic(out, json.dumps(summary, ensure_ascii=False, indent=0) + "\n")
    return {k: v for k, v in summary.items() if k != "weights"}


def main(argv: list[str] | None = None) -> int:
    """Command line: train, write the weights, print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="folder with wikinews_quotes/")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="weights file to write")
    args = parser.parse_args(argv)
    print(json.dumps(train(args.data, Path(args.out)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
