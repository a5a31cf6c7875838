"""The learned backend: exact per-word decomposition, shipped weights, no sklearn at run time."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from importlib import resources

import pytest

import toolkit
from toolkit.sentiment import document_polarity, sentence_input
from toolkit.sentiment.backends import SentenceInput, resolve_backend
from toolkit.sentiment.learned import (
    FORMAT,
    LearnedBackend,
    LinearModel,
    learned_backend,
    shipped_model,
    squash,
    text_features,
    word_features,
    word_key,
)

BACKENDS = ["learned", "rules", "textblob-de"]

#: Word pools for generated sentences: lexicon words, negators, intensifiers, contrast,
#: emoticons, mentions, punctuation, plain words.
POOLS = [
    ["gut", "schlecht", "toll", "furchtbar", "Erfolg", "Kritik", "provokant", "gefährlich"],
    ["nicht", "kein", "keineswegs", "nie", "ohne", "mitnichten"],
    ["sehr", "zutiefst", "kaum", "extrem", "massive"],
    ["aber", "jedoch", "und", ","],
    [":)", ":(", "😀", "😡", "!", "?", "@user", "#Bahn", "http://t.co/x", "2:1"],
    ["der", "Zug", "die", "Regierung", "ist", "war", "hat", "Kreml", "Peskow", "sagte"],
]


def generated_sentences(count: int = 500, seed: int = 16) -> list[tuple[str, ...]]:
    """Deterministic random sentences mixing every kind of word the backends treat."""
    chooser = random.Random(seed)
    sentences = []
    for _ in range(count):
        words = [chooser.choice(chooser.choice(POOLS)) for _ in range(chooser.randint(1, 14))]
        sentences.append((*words, chooser.choice([".", "!", "?"])))
    return sentences


@pytest.mark.parametrize("backend", BACKENDS)
def test_contributions_sum_exactly_on_500_generated_sentences(backend: str) -> None:
    scorer = resolve_backend(backend)
    for words in generated_sentences():
        scored = scorer.score(SentenceInput(words))
        assert sum(word.contribution for word in scored.words) == scored.polarity, words
        assert math.fsum(word.contribution for word in scored.words) == scored.polarity, words
        assert -1 <= scored.polarity <= 1  # textblob-de's mean reaches -1 ("gefährlich")


@pytest.mark.parametrize("backend", BACKENDS)
def test_generated_texts_decompose_at_document_level(backend: str) -> None:
    sentences = generated_sentences(500)
    texts = [" ".join(sentences[i]) + " " + " ".join(sentences[i + 1]) for i in range(0, 500, 2)]
    for text in texts:
        sentiment = toolkit.analyse(text, sentiment_backend=backend).sentiment
        assert sentiment is not None
        shares = [share for _, share in sentiment.contributions]
        assert sum(shares) == sentiment.polarity, text
        assert math.fsum(shares) == sentiment.polarity, text
        tokens = [word.token for s in sentiment.sentences for word in s.words]
        assert {token for token, _ in sentiment.contributions} <= set(tokens)
        assert -1 <= sentiment.polarity <= 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_article_decomposes_exactly_per_sentence_and_document(backend: str) -> None:
    document = toolkit.analyse(toolkit.load_article(), sentiment_backend=backend)
    sentiment = document.sentiment
    assert sentiment is not None
    for scored in sentiment.sentences:
        assert sum(word.contribution for word in scored.words) == scored.polarity
    assert sum(share for _, share in sentiment.contributions) == sentiment.polarity
    if backend != "learned":  # the learned backend scores the text as a whole
        assert document_polarity(sentiment.sentences, backend)[0] == sentiment.polarity


def test_both_backends_are_selectable_by_name() -> None:
    assert resolve_backend("learned") is learned_backend()
    assert resolve_backend("default") is resolve_backend("rules")
    learned = toolkit.analyse("Das ist gut.", sentiment_backend="learned").sentiment
    assert learned.backend == "learned" and learned.thresholds == shipped_model().thresholds
    assert toolkit.analyse("Das ist gut.", sentiment_backend="rules").sentiment.backend == "rules"


def test_document_is_scored_as_one_text() -> None:
    text = "@user Das ist gut. Der Zug kommt. Danke!"
    document = toolkit.analyse(text, sentiment_backend="learned")
    sentiment = document.sentiment
    inputs = [sentence_input(document, index) for index in range(len(document.sentences))]
    features, _ = text_features(inputs)
    model = shipped_model()
    total = math.fsum(model.value(word)[0] for words in features for word in words)
    assert sentiment.polarity == pytest.approx(squash(total), abs=1e-6)
    one_sentence = toolkit.analyse(text.replace(". ", ", "), sentiment_backend="learned")
    assert len(one_sentence.sentences) < len(document.sentences)


def test_rules_document_is_the_mean_of_sentences_that_carry_sentiment() -> None:
    sentiment = toolkit.analyse(
        "Heute ist Montag. Das ist sehr gut.", sentiment_backend="rules"
    ).sentiment
    first, second = sentiment.sentences
    assert first.words == () and second.polarity > 0
    assert sentiment.polarity == pytest.approx(second.polarity, abs=1e-6)


def test_word_values_are_the_weighted_features() -> None:
    model = shipped_model()
    words = ("Das", "ist", "nicht", "gut", ".")
    features, rules = word_features(words)
    assert features[3] == {
        "nicht:gut": 1.0,
        "lex-": rules.words[0].value,
        "rc-": rules.words[0].contribution,
    }
    (scaled,), _ = text_features([SentenceInput(words)])
    root = math.sqrt(len(words))  # one sentence carries sentiment: rc is divided by 1
    assert scaled[3] == {"nicht:gut": 1 / root, "lex-": -0.8 / root, "rc-": rules.polarity}
    scored = learned_backend().score(SentenceInput(words))
    good = next(word for word in scored.words if word.position == 3)
    expected = sum(model.weights.get(name, 0.0) * value for name, value in scaled[3].items())
    assert good.value == pytest.approx(expected)
    assert good.entry == "gut" and any(part.startswith("Lexikon") for part in good.modifiers)


def test_negators_and_intensifiers_move_the_learned_score() -> None:
    def polarity(text: str) -> float:
        return toolkit.analyse(text, sentiment_backend="learned").sentiment.polarity

    assert polarity("Das ist gut.") > 0 > polarity("Das ist nicht gut.")
    assert polarity("Das ist schlecht.") < 0 < polarity("Das ist keineswegs schlecht.")
    assert polarity("Das ist zutiefst provokant.") < polarity("Das ist provokant.")


def test_word_keys() -> None:
    assert word_key("@DB_Bahn", None) == "@user"
    assert word_key("www.bahn.de", None) == "<url>"
    assert word_key("Züge", "Zug") == "zug"


def test_shipped_weights_are_small_documented_and_licensed() -> None:
    folder = resources.files("toolkit.data").joinpath("sentiment_model")
    data = json.loads(folder.joinpath("weights.json").read_text("utf-8"))
    assert data["format"] == FORMAT
    assert len(folder.joinpath("weights.json").read_bytes()) < 1_000_000
    assert {"lex+", "lex-"} <= set(data["weights"])
    assert data["weights"]["lex+"] > 0 and data["weights"]["lex-"] > 0
    readme = folder.joinpath("README.md").read_text("utf-8")
    assert "python -m toolkit.sentiment.train" in readme and "CC BY 4.0" in readme
    assert "Creative Commons Attribution 4.0" in folder.joinpath("LICENSE").read_text("utf-8")
    assert "sb10k" not in json.dumps(data["training_data"]).lower()


def test_a_model_from_other_json_is_refused() -> None:
    from toolkit.errors import ResourceError

    with pytest.raises(ResourceError):
        LinearModel.from_json('{"format": "something else"}')
    model = LinearModel(weights={"w:gut": 2.0}, thresholds=(0.1, 0.1))
    scored = LearnedBackend(model).score(SentenceInput(("gut", "gut")))
    # each "gut" is worth 2 / sqrt(2 tokens)
    assert scored.polarity == pytest.approx(squash(2 * math.sqrt(2)), abs=1e-6)


def test_inference_works_without_scikit_learn() -> None:
    # scikit-learn blocked (nltk, loaded by textblob-de, tries it and does without)
    code = (
        "import sys; sys.modules['sklearn'] = None; import toolkit; "
        "print(toolkit.analyse('Das ist nicht gut.', sentiment_backend='learned').sentiment.label)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "negative"
