"""Train the learned speech layer from the shared gold data (deterministic, a few minutes).

Usage::

    python -m toolkit.speech.learned.train --data ../shared/data [--out PATH]

Training data: Redewiedergabe ``main``, the files that
:func:`~toolkit.evaluation.speech_corpora.rw_split` puts in ``train`` (CRC-32 of the file name
modulo 100 >= 15), and ``wikinews_quotes/train``. The dev portions (the other Redewiedergabe
files, ``wikinews_quotes/dev``) are only scored, never trained on; the settings below were
chosen on them (see ``toolkit/speech/weights/README.md``). Every document goes through
``analyse(text, speech_model="rules")``, the user path, so the features are the ones the
toolkit computes at run time. CRFsuite's L-BFGS has no randomness: the same data and settings
give the same weights.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from toolkit.atomic import atomic_path, write_text_atomic
from toolkit.evaluation.speech_corpora import read_redewiedergabe, read_wikinews, rebuild_text
from toolkit.model import Document
from toolkit.speech.learned import weights_path
from toolkit.speech.learned.features import document_features
from toolkit.speech.learned.spans import label_of, parse_label

#: Gold types and the label codes they train (free indirect speech proper is left out).
RW_CODES = {"direct": "D", "indirect": "I", "reported": "R", "indirect freeIndirect": "C"}
WN_CODES = {
    "Direct": "D",
    "Indirect": "I",
    "Reported": "R",
    "IndirectFreeIndirect": "C",
    "FreeIndirect": "C",
}
#: Settings chosen on the dev portions.
SETTINGS = {"c1": 0.2, "c2": 0.02, "max_iterations": 100}

Example = tuple[list[list[str]], list[str]]

#: Labels the CRF learns (training time grows with the square of their number); rarer
#: combinations are read as the nearest of these (:func:`simplify`).
LABELS = ("O", "D", "I", "R", "C", "D|I", "D|R", "I|R", "D|I|R", "D|C", "^D", "^R")


def simplify(label: str) -> str:
    """Return the nearest learned label: first drop restart marks, then ``C``, then ``R``.

    Examples
    --------
    >>> simplify("D|^I"), simplify("I|R|C"), simplify("^D|R")
    ('D|I', 'I|R', 'D|R')
    """
    if label in LABELS:
        return label
    codes = parse_label(label)
    for step in ("restart", "C", "R"):
        if step == "restart":
            codes = dict.fromkeys(codes, False)
        else:
            codes.pop(step, None)
        if label_of(codes) in LABELS:
            return label_of(codes)
    return label_of(codes)


def _analysed(text: str) -> Document:
    from toolkit.pipeline import analyse

    return analyse(text, speech_model="rules", sentiment=False)


def _labels(per_token: list[dict[str, str]]) -> list[str]:
    """Labels from each token's ``{code: instance id}`` (a new id right after another: ``^``)."""
    labels = []
    previous: dict[str, str] = {}
    for codes in per_token:
        labels.append(label_of({c: c in previous and previous[c] != i for c, i in codes.items()}))
        previous = codes
    return labels


def redewiedergabe_examples(
    path: str | os.PathLike[str] | None, split: str, limit: int | None = None
) -> Iterator[Example]:
    """Features and gold labels of the Redewiedergabe files of one split."""
    for rw in read_redewiedergabe(path, limit, split=split):
        text, spans = rebuild_text([token.word for token in rw.tokens])
        document = _analysed(text)
        gold_starts = [start for start, _ in spans]
        per_token = []
        for token in document.tokens:
            gold = rw.tokens[max(0, bisect_right(gold_starts, token.start) - 1)]
            per_token.append({RW_CODES[t]: i for t, i in reversed(gold.layers) if t in RW_CODES})
        yield document_features(document, document.speech), _labels(per_token)


def wikinews_examples(
    path: str | os.PathLike[str] | None, split: str, limit: int | None = None
) -> Iterator[Example]:
    """Features and gold labels of the WikiNews articles of one split."""
    for wn in read_wikinews(path, split, limit):
        document = _analysed(wn.text)
        per_token: list[dict[str, str]] = [{} for _ in document.tokens]
        starts = [token.start for token in document.tokens]
        for number, quote in enumerate(wn.quotes):
            code = WN_CODES.get(quote.type)
            if code is None:
                continue
            for start, end in quote.spans:
                first = max(0, bisect_right(starts, start) - 1)
                for i in range(first, bisect_right(starts, end - 1)):
                    token = document.tokens[i]
                    if token.start < end and start < token.end:
                        per_token[i].setdefault(code, str(number))
        features = document_features(document, document.speech)
        yield features, _labels(harmonise(document, features, per_token))


def harmonise(
    document: Document, features: list[list[str]], per_token: list[dict[str, str]]
) -> list[dict[str, str]]:
    """Read WikiNews gold in Redewiedergabe's conventions where WikiNews does not decide.

    WikiNews scores whitespace tokens by their letters and digits, so punctuation is not
    annotated consistently: a punctuation token gets the kinds that both the rules and a
    neighbour have. WikiNews annotates narrated speech acts ("Reported") only in exceptional
    cases: a token the rules call reported and WikiNews leaves empty keeps the rules' label
    (else the CRF would learn to drop Redewiedergabe's most frequent kind).
    """
    harmonised = []
    for i, (token, codes) in enumerate(zip(document.tokens, per_token, strict=True)):
        rules = {f[2:] for f in features[i] if f.startswith("r:") and f != "r:O"}
        if not any(c.isalnum() for c in token.text):
            near: dict[str, str] = {}
            for j in (i - 1, i + 1):
                if 0 <= j < len(per_token):
                    near.update({c: n for c, n in per_token[j].items() if c in rules})
            codes = near
        elif not codes and "R" in rules:
            codes = {"R": "rules"}
        harmonised.append(codes)
    return harmonised


def examples(
    path: str | os.PathLike[str] | None, split: str, limit: int | None = None
) -> list[Example]:
    """All examples of one split (``train`` or ``dev``) of both corpora (``limit`` files each)."""
    return [*redewiedergabe_examples(path, split, limit), *wikinews_examples(path, split, limit)]


def _cached(path: str | None, cache: str | None, split: str, limit: int | None) -> list[Example]:
    if cache is None or limit is not None:
        return examples(path, split, limit)
    file = Path(cache) / f"speech-{split}.pickle"
    if file.is_file():
        with file.open("rb") as handle:
            return pickle.load(handle)  # our own cache, written above
    found = examples(path, split)
    file.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(file) as temporary, open(temporary, "wb") as handle:
        pickle.dump(found, handle)
    return found


def _progress_trainer() -> type:
    import pycrfsuite

    class Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
        started = time.perf_counter()

        def on_iteration(self, log: str, info: dict) -> None:  # type: ignore[type-arg]
            if info.get("num", 0) % 25 == 0:
                seconds = time.perf_counter() - self.started
                print(f"  iteration {info['num']}: loss {info.get('loss', 0):,.0f}, "
                      f"{info.get('active_features', 0):,} active features, {seconds:.0f} s",
                      flush=True)  # fmt: skip

    return Trainer


def train(
    train_examples: list[Example], out: str | os.PathLike[str], settings: dict | None = None
) -> Path:
    """Train the CRF on ``(features, labels)`` examples and write the weights to ``out``."""
    import pycrfsuite

    trainer = _progress_trainer()(algorithm="lbfgs", verbose=True)
    for features, labels in train_examples:
        trainer.append(pycrfsuite.ItemSequence(features), [simplify(label) for label in labels])
    trainer.set_params({**SETTINGS, **(settings or {}), "feature.possible_transitions": True})
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as temporary:
        trainer.train(str(temporary))
    return target


def token_scores(model_path: str | os.PathLike[str], dev: list[Example]) -> dict[str, float]:
    """Token F1 per code on the dev examples (toolkit tokens; a quick check, not the benchmark)."""
    from toolkit.speech.learned import SpanModel

    model = SpanModel(model_path)
    counts: Counter[tuple[str, str]] = Counter()
    for features, gold in dev:
        predicted, _ = model.predict(features)
        for g, p in zip(gold, predicted, strict=True):
            gold_codes, predicted_codes = set(parse_label(g)), set(parse_label(p))
            for code in "DIRC":
                counts[(code, "tp")] += code in gold_codes and code in predicted_codes
                counts[(code, "fp")] += code not in gold_codes and code in predicted_codes
                counts[(code, "fn")] += code in gold_codes and code not in predicted_codes
    scores = {}
    for code in "DIRC":
        tp, fp, fn = (counts[(code, k)] for k in ("tp", "fp", "fn"))
        scores[code] = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    return scores


def main(argv: list[str] | None = None) -> int:
    """Extract features, train, write the weights and print the dev check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="evaluation data folder ($TOOLKIT_EVAL_DATA)")
    parser.add_argument("--out", default=str(weights_path()), help="where to write the weights")
    parser.add_argument("--cache", default=None, help="folder to keep extracted features in")
    parser.add_argument("--c1", type=float, default=SETTINGS["c1"])
    parser.add_argument("--c2", type=float, default=SETTINGS["c2"])
    parser.add_argument("--iterations", type=int, default=SETTINGS["max_iterations"])
    parser.add_argument("--no-dev", action="store_true", help="skip the dev check")
    parser.add_argument(
        "--limit", type=int, default=None, help="only N files per corpus and split (a quick check)"
    )
    args = parser.parse_args(argv)
    if args.limit is not None and Path(args.out) == weights_path():
        parser.error("--limit needs --out: the shipped weights are trained on every file")
    started = time.perf_counter()
    train_examples = _cached(args.data, args.cache, "train", args.limit)
    tokens = sum(len(labels) for _, labels in train_examples)
    print(f"features: {len(train_examples)} documents, {tokens:,} tokens, "
          f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
    settings = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    out = train(train_examples, args.out, settings)
    size = out.stat().st_size / 1e6
    print(f"trained {settings}: {out} ({size:.1f} MB), {time.perf_counter() - started:.0f} s")
    summary: dict[str, Any] = {
        "settings": settings,
        "labels": list(LABELS),
        "train": {"documents": len(train_examples), "tokens": tokens},
        "seconds": round(time.perf_counter() - started),
    }
    if not args.no_dev:
        dev = _cached(args.data, args.cache, "dev", args.limit)
        summary["dev_token_f1"] = token_scores(out, dev)
        print(f"dev token F1 (D, I, R, C): {summary['dev_token_f1']}")
    write_text_atomic(out.with_suffix(".json"), json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
