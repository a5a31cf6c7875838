"""The learned sentiment backend: linear weights over explainable word features.

Every token of a sentence gets a few features (:func:`word_features`):

- ``lex+`` / ``lex-``: the word's value from the lexicon rules (:mod:`toolkit.sentiment.rules`)
  *after* its modifiers: negation, intensifiers, contrast (``nicht gut`` gives ``lex-``);
- ``w:<lemma>``: the word itself (its lemma, lower case; ``@user``, ``<url>``, ``<num>`` for
  mentions, links and numbers; ``!``, ``?`` and emoticons are words too), ``nicht:<lemma>``
  instead inside the scope of a negation (up to three words after ``nicht``, ``kein``, ...).

- ``rc+`` / ``rc-``: the word's contribution to the rules' polarity of its sentence (the
  rules' score, bounded, split into its words).

A linear model (weights in ``toolkit/data/sentiment_model/weights.json``, trained by
``python -m toolkit.sentiment.train``) gives each word of a text a value: the weighted sum of
its features, the ``w:``/``nicht:``/``lex`` part divided by the square root of the text's
number of tokens (a long article should not score more extreme than a tweet saying the
same), the ``rc`` part by the number of sentences that carry sentiment (the rules' mean).
A text's raw score ``T`` is the sum of its words' values; its polarity is ``tanh(T / 2)``
(= 2 · sigmoid(T) − 1), and each word's contribution is its share of the polarity,
``value · polarity / T``, cut to a multiple of 2**-24 like the rules' contributions, so the
contributions add up to the polarity exactly. A document is scored as one text
(:meth:`LearnedBackend.score_document`), as the model was trained. The model's intercept is
the same for every text, so it is folded into the label thresholds (``weights.json`` keeps it
for reference): a text's score is exactly the sum of its words' contributions, with no bias
term.

Inference needs only the JSON file, no scikit-learn.

Examples
--------
>>> from toolkit.sentiment.backends import SentenceInput
>>> result = learned_backend().score(SentenceInput(("Das", "ist", "nicht", "gut", ".")))
>>> result.polarity < 0, sum(word.contribution for word in result.words) == result.polarity
(True, True)
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from toolkit.errors import ResourceError
from toolkit.sentiment.lexicon import default_lexicon
from toolkit.sentiment.rules import RuleSettings, ScoredSentence, ScoredWord, score_words, truncate
from toolkit.sentiment.words import is_break, negates_at

#: Where the shipped weights live (package data).
MODEL_FOLDER = "sentiment_model"
MODEL_FILE = "weights.json"
#: Words after a negator that are in its scope (as the rules' negation window).
NEGATION_SCOPE = 3
FORMAT = "toolkit-sentiment-linear"


def word_key(word: str, lemma: str | None) -> str:
    """Return the normalised word a ``w:`` feature is named after.

    Examples
    --------
    >>> word_key("@tagesschau", None), word_key("https://t.co/x", None), word_key("2:1", None)
    ('@user', '<url>', '<num>')
    >>> word_key("Kritisierte", "kritisieren"), word_key("Gut", None)
    ('kritisieren', 'gut')
    """
    if word.startswith("@") and len(word) > 1:
        return "@user"
    lower = word.lower()
    if lower.startswith(("http:", "https:", "www.")):
        return "<url>"
    if any(character.isdigit() for character in word):
        return "<num>"
    return (lemma or word).lower()


def word_features(
    words: Sequence[str],
    lemmas: Sequence[str | None] | None = None,
    tags: Sequence[str | None] | None = None,
) -> tuple[list[dict[str, float]], ScoredSentence]:
    """Return the features of every token of one sentence, and the rules' scoring of it.

    Examples
    --------
    >>> features, _ = word_features(["Das", "ist", "nicht", "gut", "."])
    >>> features[3]  # doctest: +ELLIPSIS
    {'nicht:gut': 1.0, 'lex-': -0.8, 'rc-': -0.624...}
    """
    rules = score_words(words, lemmas, tags, lexicon=default_lexicon(), settings=RuleSettings())
    lowers = [word.lower() for word in words]
    features: list[dict[str, float]] = []
    scope = 0
    for position, word in enumerate(words):
        lemma = lemmas[position] if lemmas is not None else None
        key = word_key(word, lemma)
        if scope and is_break(word):
            scope = 0
        features.append({("nicht:" if scope else "w:") + key: 1.0})
        scope = NEGATION_SCOPE if negates_at(lowers, position) else max(scope - 1, 0)
    for scored in rules.words:
        found = features[scored.position]
        name = "lex+" if scored.value > 0 else "lex-"
        found[name] = found.get(name, 0.0) + scored.value
        if scored.contribution:
            name = "rc+" if scored.contribution > 0 else "rc-"
            found[name] = found.get(name, 0.0) + scored.contribution
    return features, rules


#: Features averaged over the sentences that carry sentiment (the others are divided by the
#: square root of the number of tokens).
MEAN_FEATURES = frozenset({"rc+", "rc-"})


def text_features(sentences: Sequence[Any]) -> tuple[list[list[dict[str, float]]], list[Any]]:
    """Return every word's features in a text of sentences, scaled for the whole text.

    ``sentences`` are :class:`~toolkit.sentiment.backends.SentenceInput`; also returns the
    rules' scoring of each sentence.

    Examples
    --------
    >>> from toolkit.sentiment.backends import SentenceInput
    >>> features, _ = text_features([SentenceInput(("nicht", "gut"))])
    >>> features[0][1]["lex-"] == -0.8 / 2 ** 0.5
    True
    """
    found = [word_features(s.words, s.lemmas, s.tags) for s in sentences]
    tokens = sum(len(s.words) for s in sentences)
    root = math.sqrt(max(tokens, 1))
    carrying = max(sum(1 for _, rules in found if rules.words), 1)
    scaled = [
        [
            {
                name: amount / carrying if name in MEAN_FEATURES else amount / root
                for name, amount in word.items()
            }
            for word in words
        ]
        for words, _ in found
    ]
    return scaled, [rules for _, rules in found]


def squash(total: float) -> float:
    """Return the polarity of a text's raw score: ``tanh(total / 2)``, in (-1, 1).

    Examples
    --------
    >>> round(squash(2.0), 3), squash(0.0)
    (0.762, 0.0)
    """
    return math.tanh(total / 2)


@dataclass(frozen=True)
class LinearModel:
    """Weights of the learned backend, read from ``weights.json``."""

    weights: dict[str, float]
    thresholds: tuple[float, float]
    intercept: float = 0.0
    info: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        """Read a model written by :mod:`toolkit.sentiment.train`."""
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ResourceError(f"Not a {FORMAT} file (format {data.get('format')!r}).")
        return cls(
            weights={name: float(value) for name, value in data["weights"].items()},
            thresholds=(float(data["thresholds"][0]), float(data["thresholds"][1])),
            intercept=float(data.get("intercept", 0.0)),
            info={key: value for key, value in data.items() if key not in ("weights",)},
        )

    def value(self, features: dict[str, float]) -> tuple[float, tuple[str, ...]]:
        """Return a word's raw value and what made it up (for the explanation)."""
        total, parts = 0.0, []
        for name, amount in features.items():
            weight = self.weights.get(name)
            if not weight:
                continue
            total += weight * amount
            if name.startswith("lex"):
                parts.append(f"Lexikon {amount:+.2f} ×{weight:.2f}")
            elif name.startswith("rc"):
                parts.append(f"Regeln {amount:+.2f} ×{weight:.2f}")
            else:
                parts.append(f"{name} {weight * amount:+.2f}")
        return total, tuple(parts)


@cache
def shipped_model() -> LinearModel:
    """Return the shipped weights (``toolkit/data/sentiment_model/weights.json``)."""
    try:
        text = (
            resources.files("toolkit.data")
            .joinpath(MODEL_FOLDER)
            .joinpath(MODEL_FILE)
            .read_text("utf-8")
        )
    except (FileNotFoundError, OSError) as error:
        raise ResourceError(
            "The learned sentiment weights are missing (toolkit/data/sentiment_model/"
            "weights.json); train them with `python -m toolkit.sentiment.train`. "
            "(Die Gewichte des gelernten Sentimentmodells fehlen.)"
        ) from error
    return LinearModel.from_json(text)


class LearnedBackend:
    """Linear weights over word features; contributions add up to the polarity exactly."""

    name = "learned"

    def __init__(self, model: LinearModel | None = None) -> None:
        self.model = model or shipped_model()
        self.thresholds = self.model.thresholds

    def __repr__(self) -> str:
        return f"LearnedBackend({len(self.model.weights)} weights)"

    def _values(self, sentences: Sequence[Any]) -> tuple[list[list[tuple]], float, float]:
        """Return per sentence ``(position, value, parts, rule word)``, the total, the scale."""
        features, rules = text_features(sentences)
        found = []
        for words, scored in zip(features, rules, strict=True):
            lexicon = {word.position: word for word in scored.words}
            values = []
            for position, word in enumerate(words):
                value, parts = self.model.value(word)
                if value:
                    values.append((position, value, parts, lexicon.get(position)))
            found.append(values)
        total = math.fsum(value for values in found for _, value, _, _ in values)
        return found, total, squash(total) / total if total else 0.0

    def score(self, sentence: Any) -> ScoredSentence:
        """Score one sentence (a :class:`~toolkit.sentiment.backends.SentenceInput`)."""
        (values,), total, scale = self._values([sentence])
        words = []
        for position, value, parts, rule in values:
            words.append(
                ScoredWord(
                    position=position,
                    entry=rule.entry
                    if rule
                    else word_key(
                        sentence.words[position],
                        sentence.lemmas[position] if sentence.lemmas else None,
                    ),
                    lexicon_value=rule.lexicon_value if rule else 0.0,
                    modifiers=(*(rule.modifiers if rule else ()), *parts),
                    value=value,
                    contribution=truncate(value * scale),
                )
            )
        assessed = sum(1 for word in words if word.lexicon_value)
        return ScoredSentence(
            polarity=sum((word.contribution for word in words), 0.0),
            subjectivity=min(1.0, assessed / max(len(sentence.words), 1)),
            words=tuple(words),
            total=total,
        )

    def score_document(
        self, sentences: Sequence[Any]
    ) -> tuple[float, list[tuple[int, int, float]]]:
        """Score the sentences of a document as one text.

        Returns the polarity and each word's share of it as ``(sentence, position, share)``;
        the shares add up to the polarity exactly.
        """
        found, _, scale = self._values(sentences)
        shares = [
            (index, position, truncate(value * scale))
            for index, values in enumerate(found)
            for position, value, _, _ in values
        ]
        return sum((share for _, _, share in shares), 0.0), shares


@cache
def learned_backend() -> LearnedBackend:
    """Return the learned backend with the shipped weights (built once)."""
    return LearnedBackend()
