"""Read the sentiment evaluation sets (dev portions) and score three-class predictions.

The data is never shipped (see ``../shared/data/sentiment/README.md``): pass its folder or
set ``TOOLKIT_EVAL_DATA``. Four sets, each read into :class:`EvalUnit` records:

- ``news``: GerNTSA ``gerntsa/dev.json``, unique snippets whose records agree (1,727 units);
- ``potts``: PotTS ``potts/dev/*.tsv`` without ``mixed`` (760 tweets, pre-tokenised);
- ``sb10k``: SB-10k ``sb10k/dev.tsv`` (747 tweets, pre-tokenised);
- ``germeval``: GermEval 2017 ``germeval2017/dev.tsv`` (1,306 posts, document polarity).

Scores are macro-F1 over the three classes (every set is skewed) and accuracy. Label
thresholds can be tuned with :func:`tune_thresholds`, on dev data only.

Examples
--------
>>> macro_f1(["positive", "negative", "neutral"], ["positive", "neutral", "neutral"])
0.5555555555555555
"""

from __future__ import annotations

import csv
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from toolkit.config import AnalysisConfig
from toolkit.corpus import eval_data_path
from toolkit.errors import EvaluationDataError
from toolkit.lexicons import textblob_de_sentiment
from toolkit.model import Document, DocumentSentiment
from toolkit.pipeline import analyse
from toolkit.sentiment import add_sentiment, sentence_input
from toolkit.sentiment.backends import (
    SentenceInput,
    SentimentBackend,
    TextBlobBackend,
)
from toolkit.tagging import tag_words

LABELS = ("positive", "negative", "neutral")
#: Data sets in report order, with the anchors' names for them.
DATASETS = {"news": "news (GerNTSA)", "potts": "PotTS", "sb10k": "SB10k", "germeval": "GermEval"}


@dataclass(frozen=True, slots=True)
class EvalUnit:
    """One gold unit: its text, its label and, for pre-tokenised sets, the tokens."""

    text: str
    label: str
    tokens: tuple[str, ...] | None = None


def read_dataset(name: str, path: str | os.PathLike[str] | None = None) -> list[EvalUnit]:
    """Read one dev set (``news``, ``potts``, ``sb10k``, ``germeval``).

    Raises
    ------
    EvaluationDataError
        If the data folder or the set's files are missing.
    """
    folder = eval_data_path(path, "sentiment")
    readers: dict[str, Callable[[Path], Iterator[EvalUnit]]] = {
        "news": _read_gerntsa,
        "potts": _read_potts,
        "sb10k": _read_sb10k,
        "germeval": _read_germeval,
    }
    if name not in readers:
        raise EvaluationDataError(f"Unknown sentiment set {name!r}; choose from {list(readers)}.")
    try:
        return list(readers[name](folder))
    except FileNotFoundError as error:
        raise EvaluationDataError(f"Sentiment set {name!r} is incomplete: {error}") from error


def _read_gerntsa(folder: Path) -> Iterator[EvalUnit]:
    records = json.loads((folder / "gerntsa" / "dev.json").read_text(encoding="utf-8"))
    labels: dict[str, set[str]] = defaultdict(set)
    for record in records:
        labels[record["opinion_snippet"]].add(record["sentiment"]["polarity"])
    for text, found in labels.items():
        if len(found) == 1:  # target-dependent labels that disagree say nothing about the text
            yield EvalUnit(text, found.pop())


def _read_tweets(files: Sequence[Path]) -> Iterator[EvalUnit]:
    if not files:
        raise FileNotFoundError("no .tsv files")
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            columns = line.split("\t")
            if len(columns) < 3 or columns[1] not in LABELS:  # PotTS "mixed" is dropped
                continue
            tokens = tuple(columns[2].split())
            yield EvalUnit(" ".join(tokens), columns[1], tokens)


def _read_potts(folder: Path) -> Iterator[EvalUnit]:
    return _read_tweets(sorted((folder / "potts" / "dev").glob("*.tsv")))


def _read_sb10k(folder: Path) -> Iterator[EvalUnit]:
    return _read_tweets([folder / "sb10k" / "dev.tsv"])


def _read_germeval(folder: Path) -> Iterator[EvalUnit]:
    csv.field_size_limit(10**8)
    with open(folder / "germeval2017" / "dev.tsv", encoding="utf-8", newline="") as file:
        for columns in csv.reader(file, delimiter="\t"):
            if len(columns) >= 4 and columns[3] in LABELS and columns[1].strip():
                yield EvalUnit(columns[1], columns[3])


# --- scoring -------------------------------------------------------------------------------


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Return the mean F1 of the three classes (a class never seen nor predicted scores 0)."""
    scores = []
    pairs = Counter(zip(gold, predicted, strict=True))
    for label in LABELS:
        hits = pairs[(label, label)]
        gold_count = sum(count for (g, _), count in pairs.items() if g == label)
        predicted_count = sum(count for (_, p), count in pairs.items() if p == label)
        total = gold_count + predicted_count
        scores.append(2 * hits / total if total else 0.0)
    return sum(scores) / len(LABELS)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Return the share of units labelled right."""
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1)


def label_scores(scores: Sequence[float], positive: float, negative: float) -> list[str]:
    """Label polarities: above ``positive`` is positive, below ``-negative`` is negative.

    Examples
    --------
    >>> label_scores([0.5, -0.05, -0.5], 0.1, 0.1)
    ['positive', 'neutral', 'negative']
    """
    return [
        "positive" if score > positive else "negative" if score < -negative else "neutral"
        for score in scores
    ]


#: Threshold candidates tried by :func:`tune_thresholds` (0 to 0.95 in steps of 0.05).
THRESHOLD_GRID = tuple(round(step * 0.05, 2) for step in range(20))


def tune_thresholds(
    gold: Sequence[str], scores: Sequence[float], grid: Sequence[float] = THRESHOLD_GRID
) -> tuple[float, float, float]:
    """Return ``(positive, negative, macro_f1)`` for the best thresholds on the grid.

    Use dev data only: thresholds tuned on the data they are scored on are optimistic.

    Examples
    --------
    >>> tune_thresholds(["positive", "neutral", "negative"], [0.6, 0.2, -0.4])
    (0.2, 0.0, 1.0)
    """
    best = (0.0, 0.0, -1.0)
    for positive in grid:
        for negative in grid:
            score = macro_f1(gold, label_scores(scores, positive, negative))
            if score > best[2] + 1e-12:
                best = (positive, negative, score)
    return best


def tune_shared_thresholds(
    runs: Sequence[tuple[Sequence[str], Sequence[float]]], grid: Sequence[float] = THRESHOLD_GRID
) -> tuple[float, float, float]:
    """Return one pair of thresholds that maximises the mean macro-F1 over several sets."""
    best = (0.0, 0.0, -1.0)
    for positive in grid:
        for negative in grid:
            mean = sum(
                macro_f1(gold, label_scores(scores, positive, negative)) for gold, scores in runs
            ) / max(len(runs), 1)
            if mean > best[2] + 1e-12:
                best = (positive, negative, mean)
    return best


# --- running the systems ---------------------------------------------------------------------

#: Macro-F1 on the held-out *test* portions (EVALUATION.md), by set: the numbers to beat.
ANCHORS: dict[str, dict[str, float]] = {
    "textblob-de (test)": {"news": 0.41, "potts": 0.60, "sb10k": 0.49, "germeval": 0.33},
    "SentiWS + negation (test)": {"news": 0.45, "potts": 0.45, "sb10k": 0.43, "germeval": 0.37},
    "GerVADER (test)": {"news": 0.45, "potts": 0.60, "sb10k": 0.51, "germeval": 0.35},
    "best published lexicon (test)": {"potts": 0.64, "sb10k": 0.51},
}
#: Dev macro-F1 the toolkit must reach (issue 5, "Done when").
TARGETS = {"news": 0.45, "potts": 0.62, "sb10k": 0.53, "germeval": 0.37}


def unit_inputs(unit: EvalUnit, *, lemmas: bool = True) -> list[SentenceInput]:
    """Return the sentences of a unit as backend input, tagged (lemmas, STTS) if asked.

    Pre-tokenised units (tweets) are one sentence with their given tokens; other texts go
    through the toolkit's tokenizer and sentence splitter (and tagger).
    """
    if unit.tokens is not None:
        if not lemmas:
            return [SentenceInput(unit.tokens, text=unit.text)]
        tagged = tag_words(list(unit.tokens))
        return [
            SentenceInput(
                unit.tokens,
                tuple(lemma for lemma, _ in tagged),
                tuple(tag for _, tag in tagged),
                unit.text,
            )
        ]
    document = analyse(unit.text, tagging=lemmas, mood=False, speech=False, sentiment=False)
    return [sentence_input(document, index) for index in range(len(document.sentences))]


def unit_polarity(sentences: Sequence[SentenceInput], backend: SentimentBackend) -> float:
    """Return the mean sentence polarity of pre-split sentences (benchmarks only).

    The evaluation does not use this: it scores each unit with :func:`user_path`.
    """
    if not sentences:
        return 0.0
    return math.fsum(backend.score(sentence).polarity for sentence in sentences) / len(sentences)


def analysed_units(units: Sequence[EvalUnit]) -> list[Document]:
    """Analyse each unit's text as ``analyse()`` does, up to (not including) sentiment.

    Pre-tokenised tweets are given as their tokens joined by spaces, the text a user would
    paste; the toolkit tokenises and splits it into sentences itself.
    """
    return [analyse(unit.text, sentiment=False) for unit in units]


def user_path(document: Document, backend: str) -> DocumentSentiment:
    """Return what ``analyse(text, sentiment_backend=backend).sentiment`` returns.

    The sentiment stage is the last stage of :func:`~toolkit.pipeline.analyse`, so running it
    on a document analysed with ``sentiment=False`` is exactly the user path (same sentence
    split, same aggregation, same label thresholds); ``tests/test_sentiment_eval.py`` checks
    that the two agree.
    """
    result = add_sentiment(document, AnalysisConfig(sentiment_backend=backend)).sentiment
    assert result is not None
    return result


#: The systems scored on the user path: name -> ``sentiment_backend``.
USER_PATH_SYSTEMS = {
    "toolkit learned": "learned",
    "toolkit rules": "rules",
    "textblob-de (user path)": "textblob-de",
}


def evaluate_sentiment(
    path: str | os.PathLike[str] | None = None,
    *,
    sets: Sequence[str] = tuple(DATASETS),
    limit: int | None = None,
    sentiws: bool = True,
    systems: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Score the toolkit's backends on the dev sets exactly as ``analyse()`` runs them.

    One row per set and system. ``macro_f1_default`` / ``accuracy_default`` are the user's
    numbers: ``analyse(text, sentiment_backend=...)``, its sentence split, its document
    aggregation and its labels (the backend's fixed thresholds). ``macro_f1`` / ``accuracy``
    use thresholds tuned on that dev set (``positive``, ``negative``): optimistic, for
    comparison only. Systems: :data:`USER_PATH_SYSTEMS` (or ``systems``), the rules over
    SentiWS from the data folder (benchmark only; ``sentiws=False`` skips it), and
    textblob-de's own analyser on the whole raw text (how textblob-de is used on its own).
    """
    root = eval_data_path(path, "sentiment")
    chosen = dict(systems if systems is not None else USER_PATH_SYSTEMS)
    if sentiws:
        folder = root / "lexicons" / "sentiws_v2.0"
        chosen["toolkit rules + SentiWS (benchmark only)"] = f"sentiws:{folder}"
    rows = []
    for name in sets:
        units = read_dataset(name, root.parent)[:limit]
        gold = [unit.label for unit in units]
        documents = analysed_units(units)
        results: dict[str, tuple[list[float], list[str]]] = {}
        for system, backend in chosen.items():
            found = [user_path(document, backend) for document in documents]
            results[system] = ([s.polarity for s in found], [s.label for s in found])
        textblob = [textblob_de_sentiment(unit.text)[0] for unit in units]
        results["textblob-de analyser (whole text)"] = (
            textblob,
            label_scores(textblob, *TextBlobBackend.thresholds),
        )
        for system, (polarities, labels) in results.items():
            positive, negative, tuned = tune_thresholds(gold, polarities)
            rows.append(
                {
                    "set": name,
                    "system": system,
                    "units": len(units),
                    "macro_f1": tuned,
                    "accuracy": accuracy(gold, label_scores(polarities, positive, negative)),
                    "positive": positive,
                    "negative": negative,
                    "macro_f1_default": macro_f1(gold, labels),
                    "accuracy_default": accuracy(gold, labels),
                    "polarities": polarities,
                    "gold": gold,
                }
            )
    return pd.DataFrame(rows)


def shared_thresholds(results: pd.DataFrame) -> pd.DataFrame:
    """One threshold pair per system, tuned over all sets at once; F1 per set with it."""
    rows = []
    for system, group in results.groupby("system", sort=False):
        runs = list(zip(group["gold"], group["polarities"], strict=True))
        positive, negative, mean = tune_shared_thresholds(runs)
        row = {"system": system, "positive": positive, "negative": negative, "mean": mean}
        columns = (group["set"], group["gold"], group["polarities"])
        for name, gold, polarities in zip(*columns, strict=True):
            row[name] = macro_f1(gold, label_scores(polarities, positive, negative))
        rows.append(row)
    return pd.DataFrame(rows)


def sentiment_scores(
    path: str | os.PathLike[str] | None = None, *, limit: int | None = None
) -> pd.DataFrame:
    """Macro-F1 per set and system in the common score table (for ``evaluation.evaluate``).

    Two measures: thresholds tuned on that dev set, and the backend's fixed defaults.
    """
    results = evaluate_sentiment(path, limit=limit, sentiws=False)
    rows = [
        {
            "system": row.system,
            "subset": DATASETS[row.set],
            "measure": measure,
            "F1": round(value, 4),
            "n": row.units,
        }
        for row in results.itertuples()
        for measure, value in (
            ("macro-F1, thresholds tuned on dev", row.macro_f1),
            ("macro-F1, default thresholds", row.macro_f1_default),
        )
    ]
    return pd.DataFrame(rows)


def sentiment_anchors() -> pd.DataFrame:
    """Return the anchors (test sets) and the issue's targets (dev) as macro-F1 rows."""
    sources = {**{system: "EVALUATION.md" for system in ANCHORS}, "target (dev)": "issue 5"}
    rows = [
        {
            "system": system,
            "subset": DATASETS[name],
            "measure": "macro-F1",
            "F1": value,
            "source": sources[system],
        }
        for system, values in {**ANCHORS, "target (dev)": TARGETS}.items()
        for name, value in values.items()
    ]
    return pd.DataFrame(rows)
