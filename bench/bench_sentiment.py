"""Sentences per second of the sentiment stage (and end to end), on one core.

Usage: python bench/bench_sentiment.py [--repeat N]
Sentences: the article's, repeated, and the tweets of PotTS/SB10k dev (pre-tokenised) when
$TOOLKIT_EVAL_DATA is set. The stage is timed on pre-tokenised sentences (SentenceInput),
so tokenising and tagging are not counted; end-to-end numbers come after. "cold" is the
first pass with empty per-word memos, "warm" the best of the repeats (words seen before).
"""

from __future__ import annotations

import argparse
import contextlib
import time
import tracemalloc
from collections.abc import Callable, Sequence

import toolkit
from toolkit.errors import EvaluationDataError
from toolkit.evaluation.sentiment import read_dataset, unit_inputs
from toolkit.lexicons import textblob_de_sentiment
from toolkit.sentiment import add_sentiment, sentence_input
from toolkit.sentiment import words as sentiment_words
from toolkit.sentiment.backends import SentenceInput, resolve_backend
from toolkit.sentiment.lexicon import default_lexicon


def best_of(repeat: int, function: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def sentence_sets() -> dict[str, list[SentenceInput]]:
    article = toolkit.analyse(toolkit.load_article(), mood=False, speech=False, sentiment=False)
    tagged = [sentence_input(article, index) for index in range(len(article.sentences))]
    plain = [SentenceInput(s.words, text=s.text) for s in tagged]
    found = {
        "article x100, no lemmas": plain * 100,
        "article x100, with lemmas": tagged * 100,
    }
    with contextlib.suppress(EvaluationDataError):
        tweets = [unit for name in ("potts", "sb10k") for unit in read_dataset(name)]
        found[f"PotTS+SB10k dev tweets ({len(tweets)})"] = [
            SentenceInput(unit.tokens or (), text=unit.text) for unit in tweets
        ]
        news = [
            SentenceInput(sentence.words, text=sentence.text)
            for unit in read_dataset("news")
            for sentence in unit_inputs(unit, lemmas=False)
        ]
        found["GerNTSA dev sentences"] = news
    return found


def forget() -> None:
    """Empty the per-word memos, so the next run starts cold."""
    sentiment_words._WORD_INFO.clear()
    default_lexicon()._memo.clear()


def report(name: str, sentences: Sequence[SentenceInput], repeat: int) -> None:
    backend = resolve_backend("default")
    tokens = sum(len(sentence.words) for sentence in sentences)
    forget()
    cold = best_of(1, lambda: [backend.score(s) for s in sentences])
    warm = best_of(repeat, lambda: [backend.score(s) for s in sentences])
    print(
        f"  {name:<36} {len(sentences) / cold:>9,.0f} sentences/s cold, "
        f"{len(sentences) / warm:>9,.0f} warm; {tokens / cold:>9,.0f} tokens/s cold "
        f"({len(sentences):,} sentences)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat

    tracemalloc.start()
    started = time.perf_counter()
    lexicon = default_lexicon()
    build = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"default lexicon: {len(lexicon):,} forms, built in {build:.2f} s, {peak / 2**20:.0f} MiB"
    )

    print("== sentiment stage on pre-tokenised sentences (default backend) ==")
    for name, sentences in sentence_sets().items():
        report(name, sentences, repeat)

    article = toolkit.load_article()
    text = "\n\n".join([article.text] * 10)
    prepared = toolkit.analyse(text, sentiment=False)
    count = len(prepared.sentences)
    seconds = best_of(repeat, lambda: add_sentiment(prepared))
    print(f"== add_sentiment on an analysed document (article x10, {count} sentences) ==")
    print(f"  {count / seconds:,.0f} sentences/s (voices and speakers included)")

    print("== end to end: analyse(text) on the article x10 ==")
    for label, options in (
        ("full pipeline (tagging, mood, speech)", {}),
        ("tokens + sentences + sentiment only", {"tagging": False, "mood": False, "speech": False}),
    ):
        seconds = best_of(
            max(1, repeat - 1), lambda options=options: toolkit.analyse(text, **options)
        )
        print(f"  {label:<40} {count / seconds:>8,.0f} sentences/s")

    sentences = [sentence.text for sentence in prepared.sentences][:100]
    seconds = best_of(1, lambda: [textblob_de_sentiment(s) for s in sentences])
    print(
        f"== textblob-de's analyser (for comparison): {len(sentences) / seconds:,.0f} sentences/s"
    )


if __name__ == "__main__":
    main()
