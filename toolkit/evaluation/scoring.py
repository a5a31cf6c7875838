"""Precision, recall and F1 from counts or from sets of items (spans, boundaries, ...)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with P / R / F1 derived.

    Examples
    --------
    >>> score = Counts(tp=8, fp=2, fn=0)
    >>> round(score.precision, 2), score.recall, round(score.f1, 3)
    (0.8, 1.0, 0.889)
    >>> (score + Counts(0, 0, 8)).recall
    0.5
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Share of predictions that are right (0.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found (0.0 when there is nothing to find)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 0.0


def compare(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Counts:
    """Count matches between two collections of items (duplicates count once).

    Examples
    --------
    >>> compare([(0, 3), (4, 9)], [(0, 3), (4, 6), (6, 9)])
    Counts(tp=1, fp=2, fn=1)
    """
    gold_set, predicted_set = set(gold), set(predicted)
    matched = len(gold_set & predicted_set)
    return Counts(matched, len(predicted_set) - matched, len(gold_set) - matched)


def score_row(
    system: str, subset: str, measure: str, counts: Counts, digits: int = 4
) -> dict[str, Any]:
    """One row of a score table; P, R and F1 are ``None`` (shown as "–") with nothing to score.

    A subset without gold items and without predictions (a sample of 100 sentences may hold
    no news sentence) has no score, not a score of 0.

    Examples
    --------
    >>> score_row("toolkit", "Nachrichten", "Token-F1", Counts())["F1"] is None
    True
    >>> score_row("toolkit", "alle", "Token-F1", Counts(tp=3, fn=1))["R"]
    0.75
    """
    empty = not (counts.tp or counts.fp or counts.fn)
    return {
        "system": system,
        "subset": subset,
        "measure": measure,
        "P": None if empty else round(counts.precision, digits),
        "R": None if empty else round(counts.recall, digits),
        "F1": None if empty else round(counts.f1, digits),
        "n": counts.tp + counts.fn,
    }
