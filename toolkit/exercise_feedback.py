"""Feedback on an exercise: what is right, wrong and missing, and a score.

:meth:`toolkit.exercises.Exercise.check` returns it; :mod:`toolkit.exercises` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Feedback:
    """The result of :meth:`Exercise.check`.

    ``correct``, ``wrong`` and ``missing`` hold item ids. For ``mark`` exercises ``wrong``
    are marked items that should not be marked and ``missing`` are items to mark that were
    not; for ``label`` exercises ``wrong`` got another label and ``missing`` got none.
    ``score`` is between 0 and 1 (two decimals): correct / (key size + wrong marks) for
    ``mark`` (marking everything does not pay), correct / number of items for ``label``.
    """

    correct: tuple[str, ...]
    wrong: tuple[str, ...]
    missing: tuple[str, ...]
    score: float

    @property
    def precision(self) -> float:
        """Share of the given answers that are right (the key counts as gold)."""
        given = len(self.correct) + len(self.wrong)
        return len(self.correct) / given if given else 1.0

    @property
    def recall(self) -> float:
        """Share of the key that was found."""
        wanted = len(self.correct) + len(self.missing)
        return len(self.correct) / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        Examples
        --------
        >>> feedback = Feedback(("1", "2"), ("4",), ("3", "5"), 0.4)
        >>> feedback.precision, feedback.recall, round(feedback.f1, 2)
        (0.6666666666666666, 0.5, 0.57)
        """
        both = self.precision + self.recall
        return 2 * self.precision * self.recall / both if both else 0.0

    @property
    def solved(self) -> bool:
        """True when everything is right."""
        return not self.wrong and not self.missing

    def summary(self, language: str = "de") -> str:
        """Say in one sentence how it went (``de`` or ``en``).

        Examples
        --------
        >>> Feedback(("1",), ("4",), ("2",), 0.33).summary("en")
        '1 correct, 1 wrong, 1 missing (score 33 %).'
        """
        if language == "en":
            return (
                f"{len(self.correct)} correct, {len(self.wrong)} wrong, "
                f"{len(self.missing)} missing (score {round(self.score * 100)} %)."
            )
        return (
            f"{len(self.correct)} richtig, {len(self.wrong)} falsch, "
            f"{len(self.missing)} fehlen (Punktzahl {round(self.score * 100)} %)."
        )
