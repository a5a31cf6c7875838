"""Evaluation runners: read the gold data, run the toolkit, return a table of scores."""

from __future__ import annotations

import os

import pandas as pd

from toolkit.evaluation.scoring import score_row
from toolkit.evaluation.tokens import (
    EVALUATED_SPLITTERS,
    EVALUATED_TOKENIZERS,
    TOKEN_ANCHORS,
    score_sentence_splitter,
    score_tokenizer,
)
from toolkit.evaluation.ud import gsd_dev, tiger_aligned_ids

SENTENCE_MEASURES = ((False, "sentence F1 (raw)"), (True, "sentence F1 (TIGER quotes as „“)"))
SCORE_COLUMNS = ["system", "subset", "measure", "P", "R", "F1", "n"]


def evaluate_tokens(
    path: str | os.PathLike[str] | None = None, *, limit: int | None = None
) -> pd.DataFrame:
    """Token and sentence-boundary scores on UD German-GSD dev (all, and the news part).

    ``n`` is the number of gold tokens or boundaries. ``limit`` reads only the first
    ``limit`` sentences.
    """
    sentences = gsd_dev(path)[:limit]
    news_ids = tiger_aligned_ids(path)
    subsets = {
        "all": sentences,
        "news": [sentence for sentence in sentences if sentence.sent_id in news_ids],
    }
    rows = []
    for system, tokenize in EVALUATED_TOKENIZERS.items():
        for subset, members in subsets.items():
            for join, measure in ((False, "token F1 (raw)"), (True, "token F1 (hyph)")):
                counts = score_tokenizer(members, tokenize, join_hyphens=join)
                rows.append(score_row(system, subset, measure, counts))
    for system, starts in EVALUATED_SPLITTERS.items():
        for subset, members in subsets.items():
            for normalise, measure in SENTENCE_MEASURES:
                counts = score_sentence_splitter(members, starts, normalise_quotes=normalise)
                rows.append(score_row(system, subset, measure, counts))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def token_anchors() -> pd.DataFrame:
    """Return the anchors for tokens and sentences (EVALUATION.md, held-out test)."""
    return pd.DataFrame(TOKEN_ANCHORS)
