"""Tokens per second of the toolkit's tokenizer (and the others), on one core.

Usage: python bench/bench_tokens.py [--repeat N]
Text: the article repeated, and GSD dev sentences when $TOOLKIT_EVAL_DATA is set.
"""

from __future__ import annotations

import argparse
import contextlib
import time
import tracemalloc

import toolkit
from toolkit.errors import EvaluationDataError
from toolkit.evaluation.ud import gsd_dev
from toolkit.sentences import sentences_from_tokens
from toolkit.tokens import TOKENIZERS, tokenise


def texts() -> dict[str, str]:
    article = toolkit.load_article().text
    found = {"article x20": "\n\n".join([article] * 20)}
    with contextlib.suppress(EvaluationDataError):  # GSD only when the data is there
        found["GSD dev (799 sentences)"] = " ".join(sentence.text for sentence in gsd_dev())
    return found


def tokens_and_sentences(text: str) -> tuple:
    tokens = tokenise(text)
    sentences_from_tokens(text, tokens)
    return tokens


def measure(function, text: str, repeat: int) -> tuple[float, int]:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(text)
        best = min(best, time.perf_counter() - started)
    return best, len(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    tokenise("Aufwärmen.")  # build SoMaJo once, outside the timing
    for name, text in texts().items():
        print(f"== {name}: {len(text):,} characters ==")
        seconds, count = measure(tokens_and_sentences, text, repeat)
        print(f"  toolkit tokens+sentences {count / seconds:>10,.0f} tokens/s")
        for tokenizer, spans in TOKENIZERS.items():
            seconds, count = measure(spans, text, repeat)
            print(f"  {tokenizer:<24} {count / seconds:>10,.0f} tokens/s ({count:,} tokens)")
        tracemalloc.start()
        tokenise(text)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  toolkit tokenise peak memory {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
