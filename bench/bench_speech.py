"""Tokens per second of the whole pipeline up to reported speech, and of the speech stage alone.

Usage: python bench/bench_speech.py [DATA_FOLDER] [--repeat N] [--only WikiNews]
Texts: the article repeated 20 times; with the evaluation data ($TOOLKIT_EVAL_DATA or the
folder given) also the 150 WikiNews dev articles and 100 Redewiedergabe files (real, varied
text, so the taggers' per-word memos help less). "end to end" is tokens + sentences +
tagging + mood + speech (toolkit.analyse), measured on a first pass with empty memos and
again. Rates are CPU time of this process (the machine is shared), wall time in brackets.

The learned layer (``speech_model="model"``, the default) is timed against the rule path
(``speech_model="rules"``) in the same run: "model / rules" is the ratio of their end-to-end
CPU times (issue 13: at most 1.30 on WikiNews dev), on a warm pass and on a first pass.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable

from _common import forget_memos, rate, timed

import toolkit
from toolkit.errors import EvaluationDataError
from toolkit.evaluation.speech_corpora import read_redewiedergabe, read_wikinews, rebuild_text
from toolkit.speech import analyse_speech

TARGET = 5_000  # tokens per second, end to end (issue 4)
MAX_RATIO = 1.30  # learned layer against the rule path, end to end (issue 13)


def texts(path: str | None) -> dict[str, list[str]]:
    article = toolkit.load_article().text
    found = {"article x20": ["\n\n".join([article] * 20)]}
    with contextlib.suppress(EvaluationDataError):
        found["WikiNews dev (150 articles)"] = [d.text for d in read_wikinews(path, "dev")]
        found["Redewiedergabe (100 files)"] = [
            rebuild_text([token.word for token in rw.tokens])[0]
            for rw in read_redewiedergabe(path, limit=100)
        ]
    return found


def verdict(tokens: int, seconds: tuple[float, float]) -> str:
    return f"  {'>=' if tokens / seconds[0] >= TARGET else '<'} target {TARGET:,}"


def pipeline(batch: list[str], model: str = "model") -> Callable[[], object]:
    return lambda: [toolkit.analyse(text, speech_model=model) for text in batch]


def speech_stage(documents: list[toolkit.Document], model: str) -> Callable[[], object]:
    config = toolkit.AnalysisConfig(speech_model=model)
    return lambda: [analyse_speech(document, config) for document in documents]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=None, help="evaluation data folder")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", default=None, help="time only texts whose name starts so")
    arguments = parser.parse_args()
    toolkit.analyse("Aufwärmen: Peskow sagte, SoMaJo und HanTa seien geladen.")
    for name, batch in texts(arguments.path).items():
        if arguments.only and not name.startswith(arguments.only):
            continue
        documents = [toolkit.analyse(text, speech=False) for text in batch]
        tokens = sum(len(document.tokens) for document in documents)
        print(f"== {name}: {sum(map(len, batch)):,} characters, {tokens:,} tokens ==")
        forget_memos()
        first = timed(pipeline(batch))
        rate("end to end, first pass", tokens, first, verdict(tokens, first))
        forget_memos()
        first_rules = timed(pipeline(batch, "rules"))
        rate("end to end, first pass, rules only", tokens, first_rules)
        # a corpus run is one first pass; the per-word memos are bounded (toolkit.memo), so
        # a set larger than they hold is never fully warm: both ratios are shown
        print(f"  model / rules, first pass: {first[0] / first_rules[0]:.2f}")
        # model and rules take turns, so a machine that slows down meanwhile (a shared one
        # does) weighs on both alike; the best of each is kept
        turns = [(timed(pipeline(batch)), timed(pipeline(batch, "rules")))
                 for _ in range(arguments.repeat)]  # fmt: skip
        again = min(model for model, _ in turns)
        rules = min(rule for _, rule in turns)
        rate("end to end, again", tokens, again, verdict(tokens, again))
        rate("end to end, again, rules only", tokens, rules, verdict(tokens, rules))
        ratio = again[0] / rules[0]
        print(f"  model / rules, end to end: {ratio:.2f} ({'<=' if ratio <= MAX_RATIO else '>'} "
              f"{MAX_RATIO:.2f})")  # fmt: skip
        for model in ("model", "rules"):
            alone = min(timed(speech_stage(documents, model)) for _ in range(arguments.repeat))
            rate(f"speech stage alone, {model}", tokens, alone)
        instances = sum(len(analyse_speech(d).speech) for d in documents)
        print(f"  {instances:,} speech instances")


if __name__ == "__main__":
    main()
