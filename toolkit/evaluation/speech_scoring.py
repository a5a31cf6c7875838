"""Scores for reported speech: token-level P/R/F1 per kind, message overlap F1, speaker match.

Token level (both corpora): a token is positive for a kind if any instance of that kind covers
it. On WikiNews, tokens are whitespace tokens and a token is covered when one of its letters or
digits lies inside a span (the rule of the shared reference scorer, so punctuation glued to a
word does not matter).

Message level (WikiNews, the SpkAtt-2023 measure): gold and predicted instances are paired one
to one so that the summed token-overlap F1 is largest (a small bonus when the kinds agree);
each prediction scores the share of its tokens inside its partner (precision), each gold quote
the share of its tokens found (recall); P and R are means over instances.

Examples
--------
>>> from toolkit.evaluation.scoring import compare
>>> counts = compare({1, 2, 3}, {2, 3, 4})
>>> counts.precision, counts.recall, round(counts.f1, 3)
(0.6666666666666666, 0.6666666666666666, 0.667)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Spans = Sequence[tuple[int, int]]


class TokenCover:
    """Map character spans to the tokens they cover (a token counts if a letter/digit is in).

    Examples
    --------
    >>> text = "Er sagte: „Ja.“"
    >>> cover = TokenCover(text, [(0, 2), (3, 9), (10, 15)])
    >>> sorted(cover.cover([(11, 13)]))
    [2]
    """

    def __init__(self, text: str, tokens: Spans, alphanumeric: bool = True) -> None:
        self.owner = [-1] * len(text)
        for index, (start, end) in enumerate(tokens):
            keys = [c for c in range(start, end) if text[c].isalnum()] if alphanumeric else []
            for c in keys or range(start, end):
                self.owner[c] = index

    def cover(self, spans: Iterable[tuple[int, int]]) -> set[int]:
        """Return the indices of the tokens the spans cover."""
        found: set[int] = set()
        for start, end in spans:
            for c in range(max(0, start), min(len(self.owner), end)):
                if self.owner[c] >= 0:
                    found.add(self.owner[c])
        return found


def assign(score: list[list[float]]) -> list[tuple[int, int]]:
    """Pair rows and columns one to one so that the summed score is largest (Hungarian method).

    Examples
    --------
    >>> assign([[0.9, 0.8], [0.85, 0.1]])
    [(0, 1), (1, 0)]
    """
    rows = len(score)
    columns = len(score[0]) if rows else 0
    if not rows or not columns:
        return []
    flipped = rows > columns
    matrix = [list(column) for column in zip(*score, strict=True)] if flipped else score
    n, m = len(matrix), len(matrix[0])
    top = max(max(row) for row in matrix)
    cost = [[top - value for value in row] for row in matrix]
    # potentials and the column -> row matching of the shortest augmenting path method
    row_potential, column_potential = [0.0] * (n + 1), [0.0] * (m + 1)
    match, previous = [0] * (m + 1), [0] * (m + 1)
    for row in range(1, n + 1):
        match[0], column = row, 0
        slack, seen = [float("inf")] * (m + 1), [False] * (m + 1)
        while match[column]:
            seen[column] = True
            current, delta, nearest = match[column], float("inf"), 0
            for j in range(1, m + 1):
                if seen[j]:
                    continue
                reduced = cost[current - 1][j - 1] - row_potential[current] - column_potential[j]
                if reduced < slack[j]:
                    slack[j], previous[j] = reduced, column
                if slack[j] < delta:
                    delta, nearest = slack[j], j
            for j in range(m + 1):
                if seen[j]:
                    row_potential[match[j]] += delta
                    column_potential[j] -= delta
                else:
                    slack[j] -= delta
            column = nearest
        while column:
            match[column] = match[previous[column]]
            column = previous[column]
    pairs = [(match[j] - 1, j - 1) for j in range(1, m + 1) if match[j]]
    return sorted((b, a) for a, b in pairs) if flipped else sorted(pairs)


@dataclass
class MessageScore:
    """Proportional-overlap message scores and speaker match over matched quotes."""

    precisions: list[float]
    recalls: list[float]
    speaker_gold: int = 0
    speaker_exact: int = 0
    speaker_partial: int = 0

    @property
    def precision(self) -> float:
        """Mean share of each prediction's tokens inside its matched gold quote."""
        return sum(self.precisions) / len(self.precisions) if self.precisions else 0.0

    @property
    def recall(self) -> float:
        """Mean share of each gold quote's tokens found by its matched prediction."""
        return sum(self.recalls) / len(self.recalls) if self.recalls else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of message precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


_STOPWORDS = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "und",
        "von",
        "vom",
        "zu",
        "zur",
        "zum",
        "im",
        "in",
        "am",
        "an",
        "the",
        "a",
        "of",
    }
)


def speaker_words(text: str | None) -> list[str]:
    """Normalise a speaker string: case-folded words without punctuation or quotes.

    Examples
    --------
    >>> speaker_words("„Der“ Kreml-Sprecher,")
    ['der', 'kreml-sprecher']
    """
    return re.sub(r"[^\w\s-]", " ", (text or "").casefold()).split()


def message_scores(
    gold: list[tuple[str | None, set[int], str | None]],
    predicted: list[tuple[str, set[int], str | None]],
    score: MessageScore,
) -> None:
    """Add one document's ``(kind, tokens, speaker)`` gold and predicted items to ``score``."""
    gold = [item for item in gold if item[1]]
    predicted = [item for item in predicted if item[1]]
    matrix = [[_pair_score(g, p) for p in predicted] for g in gold]
    pairs = [(i, j) for i, j in assign(matrix) if matrix[i][j] > 0] if gold and predicted else []
    recalls, precisions = [0.0] * len(gold), [0.0] * len(predicted)
    for i, j in pairs:
        overlap = len(gold[i][1] & predicted[j][1])
        recalls[i], precisions[j] = overlap / len(gold[i][1]), overlap / len(predicted[j][1])
        if gold[i][2]:
            score.speaker_gold += 1
            expected, given = speaker_words(gold[i][2]), speaker_words(predicted[j][2])
            score.speaker_exact += bool(given) and expected == given
            content = (set(expected) - _STOPWORDS) & (set(given) - _STOPWORDS)
            score.speaker_partial += bool(given) and (expected == given or bool(content))
    score.recalls.extend(recalls)
    score.precisions.extend(precisions)


def _pair_score(gold: tuple[str | None, set[int], str | None], predicted: tuple) -> float:  # type: ignore[type-arg]
    overlap = len(gold[1] & predicted[1])
    if not overlap:
        return 0.0
    p, r = overlap / len(predicted[1]), overlap / len(gold[1])
    return 2 * p * r / (p + r) + (0.01 if gold[0] == predicted[0] else 0.0)
