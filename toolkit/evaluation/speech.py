"""Score reported speech on Redewiedergabe and WikiNews quotes, beside the anchors.

Redewiedergabe (train/dev portion, historical German 1840-1919): token-level P / R / F1, one
binary task per kind, as the published taggers score it; overall, fiction, non-fiction and
news files. The toolkit's Konjunktiv continuations without a cue ("Danach werde der Norweger
...") are what the corpus annotates as the ambiguous type "indirect freeIndirect", which strict
"indirect" does not count: the main indirect row scores the framed instances, and two more rows
count the continuations as indirect against strict and against lenient gold.

WikiNews quotes (modern news): token P / R / F1 per kind on whitespace tokens, the
kind-agnostic message proportional-overlap F1 (SpkAtt-2023) and the speaker of matched quotes.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, TextIO

import pandas as pd

from toolkit.evaluation.scoring import Counts, compare, score_row
from toolkit.evaluation.speech_corpora import (
    read_redewiedergabe,
    read_wikinews,
    rebuild_text,
    whitespace_tokens,
)
from toolkit.evaluation.speech_scoring import MessageScore, TokenCover, message_scores
from toolkit.model import Document, ReportedSpeech
from toolkit.pipeline import analyse

KINDS = ("direct", "indirect", "reported")
SUBSETS = ("all", "fiction", "non-fiction", "news")
#: Redewiedergabe rows: (our kind, gold types, "framed" = without cue-less continuations)
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

_RW = "Redewiedergabe"
_WN = "WikiNews dev"
#: Reference numbers (EVALUATION.md) and the issue's targets, as F1.
SPEECH_ANCHORS: list[dict[str, Any]] = [
    *(
        {"system": system, "subset": _RW, "measure": f"token {kind}", "F1": f1, "source": source}
        for system, source, values in (
            ("fine-tuned German BERT", "EVALUATION.md (other split)", (0.91, 0.79, 0.70)),
            ("rules + ML (2013)", "EVALUATION.md (other split)", (0.87, 0.71, 0.58)),
            ("target of this toolkit", "issue 4", (0.85, 0.60, 0.45)),
            ("LLpro fine-tuned GBERT", "EVALUATION.md (other split)", (0.908, 0.792, 0.705)),
        )
        for kind, f1 in zip(KINDS, values, strict=True)
    ),
    {"system": "Konjunktiv-I word list", "subset": _RW, "measure": "token indirect", "F1": 0.38,
     "source": "EVALUATION.md (0.34-0.38; news 0.45)"},
    {"system": "quotation marks alone", "subset": _WN, "measure": "token direct", "F1": 0.930,
     "source": "EVALUATION.md"},
    {"system": "quotation marks alone", "subset": _WN, "measure": "message", "F1": 0.315,
     "source": "EVALUATION.md"},
    {"system": "QUiTE rule-based", "subset": _WN, "measure": "message", "F1": 0.488,
     "source": "EVALUATION.md (0.479 on test)"},
    {"system": "target of this toolkit", "subset": _WN, "measure": "message", "F1": 0.60,
     "source": "issue 4"},
    {"system": "target of the learned layer", "subset": _WN, "measure": "message", "F1": 0.72,
     "source": "issue 13"},
    {"system": "target of the learned layer", "subset": _WN, "measure": "speaker exact match",
     "F1": 0.70, "source": "issue 13"},
]  # fmt: skip


@dataclass
class SpeechErrors:
    """What went wrong most often: cue words of missed gold, cues of false alarms, by kind."""

    missed: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    false_alarms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def _covered(spans: list[tuple[int, int]], instance: ReportedSpeech) -> set[int]:
    return {
        index
        for index, (start, end) in enumerate(spans)
        if any(start < b and a < end for a, b in instance.pieces())
    }


def _is_continuation(instance: ReportedSpeech) -> bool:
    if instance.confidence is not None:  # the learned layer says itself what it continues
        return instance.kind == "indirect" and "continuation" in instance.signals
    return instance.kind == "indirect" and instance.cue is None


def evaluate_redewiedergabe(
    path: str | os.PathLike[str] | None = None,
    limit: int | None = None,
    split: str = "all",
    **options: Any,
) -> tuple[pd.DataFrame, SpeechErrors]:
    """Token P / R / F1 per kind and subset on Redewiedergabe, and an error analysis.

    ``n`` is the number of gold tokens; ``limit`` reads only that many files; ``split`` is
    ``all``, ``train`` or ``dev`` (the learned layer's split by file name,
    :func:`~toolkit.evaluation.speech_corpora.rw_split`); ``options`` go to ``analyse()``
    (``speech_model="rules"``).
    """
    counts: dict[tuple[str, str], Counts] = defaultdict(Counts)
    errors = SpeechErrors()
    for rw in read_redewiedergabe(path, limit, split):
        text, spans = rebuild_text([token.word for token in rw.tokens])
        document = analyse(text, **options)
        subsets = ["all", "fiction" if rw.fiction else "non-fiction"] + ["news"] * rw.news
        covered = [(instance, _covered(spans, instance)) for instance in document.speech]
        for row, (kind, gold_types, which) in RW_ROWS.items():
            gold = {i for i, token in enumerate(rw.tokens) if token.types & gold_types}
            predicted: set[int] = set().union(
                *(
                    tokens
                    for instance, tokens in covered
                    if instance.kind == kind and (which == "all" or not _is_continuation(instance))
                )
            )
            for subset in subsets:
                counts[(row, subset)] += compare(gold, predicted)
            if row in KINDS:
                for instance, tokens in covered:
                    if instance.kind == kind and tokens and not tokens & gold:
                        cue = (instance.cue_lemma or "(no cue)").lower()
                        errors.false_alarms[kind][cue] += 1
                for i in gold - predicted:
                    if rw.tokens[i].cue:
                        errors.missed[kind][rw.tokens[i].word.lower()] += 1
    rows = [
        score_row("toolkit", f"{_RW} {subset}", f"token {row}", found)
        for row in RW_ROWS
        for subset in SUBSETS
        if (found := counts.get((row, subset))) is not None
    ]
    return pd.DataFrame(rows), errors


def wikinews_items(document: Document) -> list[dict[str, Any]]:
    """Return the speech of a document in the prediction format of the WikiNews scorer."""
    return [
        {
            "kind": instance.kind,
            "spans": [list(piece) for piece in instance.pieces()],
            "speaker": instance.speaker_mention.text if instance.speaker_mention else None,
        }
        for instance in document.speech
    ]


def evaluate_wikinews(
    path: str | os.PathLike[str] | None = None,
    split: str = "dev",
    limit: int | None = None,
    predictions: TextIO | None = None,
    **options: Any,
) -> tuple[pd.DataFrame, SpeechErrors]:
    """Token, message and speaker scores on WikiNews quotes, and an error analysis.

    ``predictions``, an open text file, receives JSON lines for ``wn_eval.py``; ``options`` go
    to ``analyse()`` (``speech_model="rules"``).
    """
    counts: dict[str, Counts] = defaultdict(Counts)
    message, without_reported = MessageScore([], []), MessageScore([], [])
    errors = SpeechErrors()
    for wn in read_wikinews(path, split, limit):
        document = analyse(wn.text, **options)
        items = wikinews_items(document)
        if predictions is not None:
            line = {"doc_id": wn.doc_id, "speech": items}
            predictions.write(json.dumps(line, ensure_ascii=False) + "\n")
        cover = TokenCover(wn.text, whitespace_tokens(wn.text))
        gold = [(quote.kind, cover.cover(quote.spans), quote.speaker) for quote in wn.quotes]
        predicted = [(i["kind"], cover.cover(map(tuple, i["spans"])), i["speaker"]) for i in items]
        for kind in (*KINDS, "any"):
            gold_tokens = set().union(*[s for k, s, _ in gold if kind in {k, "any"}])
            predicted_tokens = set().union(*[s for k, s, _ in predicted if kind in {k, "any"}])
            counts[kind] += compare(gold_tokens, predicted_tokens)
        message_scores(gold, predicted, message)
        message_scores(gold, [p for p in predicted if p[0] != "reported"], without_reported)
        _wikinews_errors(wn.quotes, gold, document, predicted, errors)
    subset = _WN if split == "dev" else f"WikiNews {split}"
    rows = [score_row("toolkit", subset, f"token {kind}", found) for kind, found in counts.items()]
    for name, score in (("message", message), ("message, reported left out", without_reported)):
        rows.append(_message_row(subset, name, score))
    if message.speaker_gold:
        for name, hits in (("exact", message.speaker_exact), ("partial", message.speaker_partial)):
            rows.append(
                {"system": "toolkit", "subset": subset, "measure": f"speaker {name} match",
                 "F1": round(hits / message.speaker_gold, 4), "n": message.speaker_gold}
            )  # fmt: skip
    return pd.DataFrame(rows), errors


def _message_row(subset: str, name: str, score: MessageScore) -> dict[str, Any]:
    return {
        "system": "toolkit",
        "subset": subset,
        "measure": name,
        "P": round(score.precision, 4),
        "R": round(score.recall, 4),
        "F1": round(score.f1, 4),
        "n": len(score.recalls),
    }


def _wikinews_errors(quotes, gold, document, predicted, errors: SpeechErrors) -> None:  # type: ignore[no-untyped-def]
    found = set().union(*[s for _, s, _ in predicted])
    for quote, (_, tokens, _) in zip(quotes, gold, strict=True):
        if tokens and not tokens & found:
            errors.missed[quote.type][(quote.cue or "(no cue)").lower()] += 1
    gold_tokens = set().union(*[s for _, s, _ in gold])
    for instance, (_, tokens, _) in zip(document.speech, predicted, strict=True):
        if tokens and not tokens & gold_tokens:
            errors.false_alarms[instance.kind][(instance.cue_lemma or "(no cue)").lower()] += 1


def evaluate_speech(
    path: str | os.PathLike[str] | None = None, *, limit: int | None = None, split: str = "all"
) -> pd.DataFrame:
    """Score both corpora in one table (``limit`` files of each), for ``evaluation.evaluate``.

    ``split`` chooses the Redewiedergabe files (``all``, or the learned layer's ``train`` /
    ``dev``); WikiNews is always its dev split.
    """
    redewiedergabe, _ = evaluate_redewiedergabe(path, limit, split)
    wikinews, _ = evaluate_wikinews(path, "dev", limit)
    return pd.concat([redewiedergabe, wikinews], ignore_index=True)


def side_by_side(scores: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Join score tables of several ``speech_model`` settings: one row per subset and measure.

    Examples
    --------
    >>> row = {"system": "toolkit", "subset": "s", "measure": "m", "P": 0.5, "R": 0.5, "F1": 0.5,
    ...        "n": 10}
    >>> table = side_by_side({"rules": pd.DataFrame([row]), "model": pd.DataFrame([row])})
    >>> list(table.columns)
    ['subset', 'measure', 'n', 'rules P', 'rules R', 'rules F1', 'model P', 'model R', 'model F1']
    """
    joined: pd.DataFrame | None = None
    for name, table in scores.items():
        part = table.rename(columns={c: f"{name} {c}" for c in ("P", "R", "F1")})
        part = part.drop(columns=["system"])
        if joined is None:
            joined = part
        else:
            joined = joined.merge(
                part.drop(columns=["n"], errors="ignore"), on=["subset", "measure"]
            )
    assert joined is not None
    first = ["subset", "measure", *(["n"] if "n" in joined.columns else [])]
    return joined[first + [c for c in joined.columns if c not in first]]


def speech_anchors() -> pd.DataFrame:
    """Return the anchors and targets for reported speech (F1)."""
    return pd.DataFrame(SPEECH_ANCHORS)
