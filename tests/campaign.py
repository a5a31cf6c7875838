"""A property-based campaign through the public entry points: ``analyse``, the command line
(in-process ``main()``) and every widget constructor.

Hypothesis generates the texts from a fixed seed (``derandomize``, no example database), so a
run is the same on every machine. Nothing is raised while the campaign runs: every input is
tried at every entry point and each failure is collected, so one run reports all of them.
Used by ``tests/test_robustness_campaign.py`` (about 2,000 inputs) and
``bench/bench_robustness.py`` (20,000 and more).

A failure is a crash that is not a :class:`~toolkit.errors.ToolkitError`, a document that
breaks the coverage invariant (:func:`toolkit.model.coverage_problems`), or a command line run
that neither prints valid JSON with status 0 nor one ``toolkit: error:`` line with status 1.
"""

from __future__ import annotations

import contextlib
import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from toolkit import analyse
from toolkit.cli import main
from toolkit.errors import ToolkitError
from toolkit.model import Document, coverage_problems

#: Pieces a student may paste, and pieces that broke the toolkit before (issue 14).
_PIECES = [
    " ", "  ", "\n", "\n\n", "\t", ".", ",", ":", ";", "!", "?", "…", "-", "–", "(", ")",
    "„", "“", "”", "‚", "‘", "»", "«", "›", "‹", '"', "'", "Er", "sagte", "sei", "habe",
    "wäre", "dass", "Peskow", "warnte", "Die", "Regierung", "kritisierte", "gut", "schlecht",
    "nicht", "laut", "Polizei", "z. B.", "1.10.2024", "3,5", "Mio.", "§ 3 Abs. 2",
    "https://www.tagesschau.de/a-1.html", "info@firma.de", ":-)", "🙂", "👍🏽", "🇩🇪",
    "\u200b", "\u200f", "\u202e", "\u202c", "\u00ad", "\u0308", "\x07", "\x13", "\x1c",
    "\x83", "\x89", "\x85", "\u2028", "\ue000", "\U000f0000", "\U0006767b", "%\u0308a\u0303",
    "$5M", "<b>", "&amp;", "\\", "{", "}",
]  # fmt: skip
_RUN_UNITS = ["x.", "a", "1", "-", "„", "ab+/", "wort ", "| 3 |\n", "Äß", "."]


def _runs() -> st.SearchStrategy[str]:
    # a repeated unit up to a few hundred characters: long words, x.x.x., digit runs
    return st.builds(lambda unit, count: unit * count, st.sampled_from(_RUN_UNITS),
                     st.integers(1, 40))  # fmt: skip


TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_PIECES),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
        _runs(),
    ),
    min_size=1,
    max_size=6,
).map("".join)


@dataclass
class Campaign:
    """Inputs tried and failures found, per entry point."""

    tried: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # entry, text, problem
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")

    @property
    def inputs(self) -> int:
        """Inputs tried in all (one input at three entry points counts three times)."""
        return sum(self.tried.values())

    def attempt(self, entry: str, text: str, check: Callable[[], list[str] | None]) -> None:
        self.tried[entry] = self.tried.get(entry, 0) + 1
        try:
            problems = check() or []
        except ToolkitError:
            problems = []  # a clear error is the expected answer to some inputs
        except Exception as error:  # the campaign collects every crash
            problems = [f"{type(error).__name__}: {error}"[:300]]
        self.failures.extend((entry, text, problem) for problem in problems[:1])


def _analyse(text: str, found: list[Document]) -> list[str]:
    started = time.perf_counter()
    document = analyse(text)
    found.append(document)
    problems = coverage_problems(document)
    return problems + ([] if time.perf_counter() - started < 30 else ["took over 30 s"])


def _cli(text: str) -> list[str]:
    output, errors = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    with (
        contextlib.redirect_stdout(output),
        contextlib.redirect_stderr(errors),
        _swapped_stdin(stdin),
    ):
        status = main(["analyse", "-", "--indent", "0"])
    if status == 0:
        data = json.loads(output.getvalue())
        return [] if data["text"] == text else ["the JSON text differs from the input"]
    lines = errors.getvalue().splitlines()
    if status == 1 and len(lines) == 1 and lines[0].startswith("toolkit: error: "):
        return []
    return [f"status {status}, standard error {errors.getvalue()[:200]!r}"]


@contextlib.contextmanager
def _swapped_stdin(stream: io.TextIOWrapper):  # type: ignore[no-untyped-def]
    import sys

    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


def widget_constructors() -> dict[str, Callable[[Document], object]]:
    """Every widget, built from one analysed text (or its text, for the text widgets)."""
    import matplotlib

    matplotlib.use("Agg")
    from toolkit.exercises import Exercise
    from toolkit.widgets import (
        AgreementView,
        ConcordanceView,
        ExerciseView,
        KonjunktivExercise,
        LanguageSwitch,
        MoodExplorer,
        SentimentExplainer,
        SpeechExercise,
        SpeechHighlighter,
        TextPicker,
        TokenizerComparison,
    )

    def exercise_view(document: Document) -> object:
        return ExerciseView(Exercise.mark_tokens(document, key="punctuation"))

    def language_switch(document: Document) -> object:
        return LanguageSwitch(SpeechHighlighter(document), language="en")

    return {
        "AgreementView": lambda d: AgreementView(d, folder=None, demo=False),
        "ConcordanceView": lambda d: ConcordanceView(d, word=d.text[:3]),
        "ExerciseView": exercise_view,
        "KonjunktivExercise": KonjunktivExercise,
        "LanguageSwitch": language_switch,
        "MoodExplorer": MoodExplorer,
        "SentimentExplainer": SentimentExplainer,
        "SpeechExercise": SpeechExercise,
        "SpeechHighlighter": SpeechHighlighter,
        "TextPicker": lambda d: TextPicker(d.text),
        "TokenizerComparison": lambda d: TokenizerComparison(d.text),
    }


def run_campaign(inputs: int, cli_every: int = 2, widget_every: int = 20) -> Campaign:
    """Try ``inputs`` generated texts with ``analyse``, every ``cli_every``-th one with the
    command line and every ``widget_every``-th one with every widget constructor.
    """
    import matplotlib.pyplot as plt

    campaign = Campaign()
    constructors = widget_constructors()
    started = time.perf_counter()
    count = [0]

    @settings(
        max_examples=inputs,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(TEXTS)
    def one(text: str) -> None:
        count[0] += 1
        documents: list[Document] = []
        before = time.perf_counter()
        campaign.attempt("analyse", text, lambda: _analyse(text, documents))
        took = time.perf_counter() - before
        if took > campaign.slowest[0]:
            campaign.slowest = (took, text)
        if count[0] % cli_every == 0:
            campaign.attempt("cli", text, lambda: _cli(text))
        if documents and count[0] % widget_every == 0:
            for name, build in constructors.items():
                campaign.attempt(f"widget {name}", text, lambda b=build: b(documents[0]) and None)
            plt.close("all")

    one()
    campaign.seconds = time.perf_counter() - started
    return campaign
