"""Tokens per second of tokens + mood (SoMaJo, HanTa tagging, the mood stage), on one core.

Usage: python bench/bench_mood.py [--repeat N]
Texts: the article repeated 20 times, and GSD dev (799 sentences joined) when
$TOOLKIT_EVAL_DATA is set. "first pass" starts with empty per-word memos (as a fresh process
meets a new text), "again" with the memos filled. One-time loads happen before timing, as
in a process that has analysed a first text: SoMaJo, HanTa's model and pattern.de's verb
table (``pattern_verb_table`` and its form index, read on the first verb without an
ablaut paradigm).
Each is the best of N runs (default 3; the memos are emptied before every first pass).
For comparison: SoMaJo tokens alone and plain HanTa ``tag_sent`` (no memos). Rates are
given in CPU time of this process (the machine is shared) and, in brackets, wall time.
"""

from __future__ import annotations

import argparse
import contextlib

from _common import best, forget_memos, rate, timed

import toolkit
from toolkit.errors import EvaluationDataError
from toolkit.evaluation.ud import gsd_dev
from toolkit.mood import analyse_mood, analyse_until_mood
from toolkit.mood.paradigms import lemmas_of_form
from toolkit.sentences import sentences_from_tokens
from toolkit.tagging import MODEL, tag_document
from toolkit.tokens import tokenise


def texts() -> dict[str, str]:
    article = toolkit.load_article().text
    found = {"article x20": "\n\n".join([article] * 20)}
    with contextlib.suppress(EvaluationDataError):  # GSD only when the data is there
        found["GSD dev (799 sentences)"] = " ".join(sentence.text for sentence in gsd_dev())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    analyse_until_mood("Aufwärmen: SoMaJo und HanTa laden.")  # load both outside the timing
    lemmas_of_form("sei")  # and pattern.de's verb table with its index of forms
    from HanTa.HanoverTagger import HanoverTagger

    plain = HanoverTagger(MODEL)
    for name, text in texts().items():
        tokens = tokenise(text)
        print(f"== {name}: {len(text):,} characters, {len(tokens):,} tokens ==")
        rate("SoMaJo tokens only", len(tokens), best(lambda: tokenise(text), repeat))  # noqa: B023
        forget_memos()
        document = analyse_until_mood(text)
        seconds = best(lambda: analyse_until_mood(text), repeat, before=forget_memos)  # noqa: B023
        rate("tokens + mood, first pass", len(tokens), seconds, f"  {len(document.verbs)} verbs")
        seconds = best(lambda: analyse_until_mood(text), repeat)  # noqa: B023
        rate("tokens + mood, again", len(tokens), seconds)
        untagged = toolkit.Document(text, tokens, sentences_from_tokens(text, tokens))
        tagged = tag_document(untagged)
        rate("mood stage alone", len(tokens), best(lambda: analyse_mood(tagged), repeat))  # noqa: B023
        words = [
            [token.text for token in untagged.sentence_tokens(sentence.index)]
            for sentence in untagged.sentences
        ]
        seconds = timed(lambda: [plain.tag_sent(sentence) for sentence in words])  # noqa: B023
        rate("plain HanTa tag_sent (no memos)", len(tokens), seconds)


if __name__ == "__main__":
    main()
