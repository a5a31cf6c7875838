"""The sentiment stage: gold cases, the article, labels, voices and speakers."""

from __future__ import annotations

import json
import math
import operator
from dataclasses import replace

import pytest

import toolkit
from toolkit.model import ReportedSpeech, Span
from toolkit.sentiment import (
    add_sentiment,
    aggregate,
    assessed_tokens,
    document_sentiment,
    label_for,
    line_record,
    speech_owners,
)
from toolkit.sentiment.backends import DEFAULT_THRESHOLDS

from .conftest import CASES

GOLD = json.loads((CASES / "sentiment.json").read_text(encoding="utf-8"))
RELATIONS = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
}
#: The pipeline with and without the tagging stage (lemmas present or None).
CONFIGS = {
    "full": {},
    "no-lemmas": {"tagging": False, "mood": False, "speech": False},
}


def _polarity(text: str, **config: object) -> float:
    document = toolkit.analyse(text, **config)
    assert document.sentiment is not None
    return document.sentiment.polarity


def _gold_params() -> list:
    # Every case runs with the lexicon rules (default); with the learned backend only the
    # directional ones: "== 0" means "no lexicon hit", which a model that weighs every word
    # does not promise. "expect_learned" overrides "expect" for the learned backend (a
    # string, or one per config).
    params = []
    for case in GOLD:
        for backend in ("rules", "learned"):
            if backend == "learned" and case["relation"] == "==":
                continue
            for config in CONFIGS:
                expect = case["expect"]
                if backend == "learned":
                    expect = case.get("expect_learned", expect)
                    expect = expect[config] if isinstance(expect, dict) else expect
                marks = [pytest.mark.xfail(strict=True)] if expect == "fail" else []
                ident = f"{case['id']}-{backend}-{config}"
                params.append(pytest.param(case, backend, config, marks=marks, id=ident))
    return params


@pytest.mark.parametrize(("case", "backend", "config"), _gold_params())
def test_gold_case(case: dict, backend: str, config: str) -> None:
    options = {**CONFIGS[config], "sentiment_backend": backend}
    polarity = _polarity(case["text"], **options)
    other = _polarity(case["other"], **options) if "other" in case else case["value"]
    assert RELATIONS[case["relation"]](polarity, other), (polarity, case["relation"], other)


def test_gold_cases_are_well_formed() -> None:
    ids = [case["id"] for case in GOLD]
    assert len(ids) == len(set(ids))
    for case in GOLD:
        assert case["expect"] in ("pass", "fail")
        learned = case.get("expect_learned", "pass")
        assert set(learned.values() if isinstance(learned, dict) else [learned]) <= {"pass", "fail"}
        assert case["relation"] in RELATIONS
        assert ("value" in case) != ("other" in case)


def test_article_every_sentence_scored_and_sums_exact(article_doc: toolkit.Document) -> None:
    sentiment = article_doc.sentiment
    assert sentiment is not None and sentiment.backend == "rules"
    assert [s.sentence for s in sentiment.sentences] == list(range(len(article_doc.sentences)))
    for scored in sentiment.sentences:
        assert sum(word.contribution for word in scored.words) == scored.polarity
        assert math.fsum(word.contribution for word in scored.words) == scored.polarity
        assert -1 < scored.polarity < 1 and 0 <= scored.subjectivity <= 1
        for word in scored.words:
            assert article_doc.text[word.start : word.end] == word.text
            assert article_doc.tokens[word.token].text == word.text
    assert sum(share for _, share in sentiment.contributions) == sentiment.polarity


def test_article_known_words(article: toolkit.CorpusText) -> None:
    sentiment = toolkit.analyse(article, sentiment_backend="rules").sentiment
    assert sentiment is not None
    third = {word.text: word for word in sentiment.sentences[2].words}
    assert third["provokant"].modifiers == ("zutiefst ×1.8",)
    assert third["genug"].modifiers[0].startswith("Negation 'nicht'")
    assert third["genug"].contribution < 0
    assert "zudem" not in third  # pattern's lemmatizer turns it into a verb; we do not
    assert third["warnte"].lexicon_entry == "warnen"
    unterstuetzung = [w for w in sentiment.sentences[12].words if w.text == "Unterstützung"]
    assert unterstuetzung and unterstuetzung[0].contribution > 0


def test_labels_follow_thresholds() -> None:
    positive, negative = DEFAULT_THRESHOLDS
    assert label_for(positive) == "neutral"
    assert label_for(positive + 1e-9) == "positive"
    assert label_for(-negative) == "neutral"
    assert label_for(-negative - 1e-9) == "negative"
    assert label_for(0.2, (0.1, 0.1)) == "positive"
    assert label_for(-0.2, (0.1, 0.5)) == "neutral"


def test_config_thresholds_and_backend_name() -> None:
    document = toolkit.analyse("Das ist gut.", sentiment_thresholds=(0.9, 0.9))
    assert document.sentiment is not None
    assert document.sentiment.thresholds == (0.9, 0.9)
    assert document.sentiment.label == "neutral"
    other = toolkit.analyse("Das ist gut.", sentiment_backend="textblob-de")
    assert other.sentiment is not None and other.sentiment.backend == "textblob-de"


def test_stage_can_be_switched_off_and_added_later() -> None:
    document = toolkit.analyse("Kein Erfolg.", sentiment=False)
    assert document.sentiment is None
    assert document.to_dict()["sentiment"] is None
    later = add_sentiment(document)
    assert later.sentiment is not None and later.sentiment.label == "negative"
    words = later.to_dict()["sentiment"]["sentences"][0]["words"]
    assert "Erfolg" in [word["lexicon_entry"] for word in words]


def test_works_without_lemmas() -> None:
    document = toolkit.analyse(
        "Die Opposition kritisierte den Plan.",
        tagging=False,
        mood=False,
        speech=False,
        sentiment_backend="rules",
    )
    assert all(token.lemma is None for token in document.tokens)
    assert document.sentiment is not None
    assert [w.lexicon_entry for w in document.sentiment.sentences[0].words] == ["kritisieren"]


def test_line_record_and_assessed_tokens() -> None:
    document = toolkit.analyse("Das ist nicht gut. Es regnet.", sentiment_backend="rules")
    record = line_record(document)
    assert record["label"] == "negative"
    assert [word["text"] for word in record["words"]] == ["gut"]
    assert json.loads(json.dumps(record)) == record
    assert [document.tokens[i].text for i in assessed_tokens(document)] == ["gut"]
    assert assessed_tokens(document, [1]) == []


# --- voices and speakers, with hand-built speech records -----------------------------------

TEXT = "Der Minister lobte den Plan. Peskow sagte: „Das ist gefährlich und schlecht.“"


def _with_speech() -> toolkit.Document:
    document = toolkit.analyse(TEXT, speech=False, sentiment_backend="rules")
    start = TEXT.index("„") + 1
    end = TEXT.index("“")
    quote = ReportedSpeech(
        "direct",
        start,
        end,
        TEXT[start:end],
        1,
        speaker="Peskow",
        speaker_mention=Span(29, 35, "Peskow"),
    )
    reported = ReportedSpeech("reported", 0, 27, TEXT[0:27], 0, speaker=None)
    return replace(document, speech=(quote, reported))


def test_words_get_voice_and_speaker() -> None:
    document = _with_speech()
    sentiment = document_sentiment(document, "rules")
    words = {word.text: word for s in sentiment.sentences for word in s.words}
    assert words["gefährlich"].voice == "direct" and words["gefährlich"].speaker == "Peskow"
    assert words["schlecht"].voice == "direct"
    assert words["lobte"].voice == "reported" and words["lobte"].speaker == "unknown"


def test_voices_partition_the_contributions() -> None:
    document = _with_speech()
    sentiment = document_sentiment(document, "rules")
    all_words = math.fsum(w.contribution for s in sentiment.sentences for w in s.words)
    assert math.fsum(group.total for group in sentiment.voices) == pytest.approx(all_words)
    voices = {group.name: group for group in sentiment.voices}
    assert set(voices) == {"narrator", "direct", "reported"}
    assert voices["direct"].passages == 1 and voices["direct"].polarity < 0
    assert voices["reported"].polarity > 0
    # "Peskow sagte:" is narrator text in sentence 1; sentence 0 is all reported speech.
    assert voices["narrator"].passages == 1 and voices["narrator"].words == 0
    speakers = {group.name: group for group in sentiment.speakers}
    assert speakers["Peskow"].negative == 2 and speakers["Peskow"].positive == 0
    assert speakers["unknown"].passages == 1


def test_innermost_speech_owns_the_token() -> None:
    document = _with_speech()
    outer = ReportedSpeech("indirect", 29, len(TEXT), TEXT[29:], 1, speaker="Kreml")
    document = replace(document, speech=(*document.speech, outer))
    owners = speech_owners(document)
    gefaehrlich = next(t.index for t in document.tokens if t.text == "gefährlich")
    sagte = next(t.index for t in document.tokens if t.text == "sagte")
    assert owners[gefaehrlich].speaker == "Peskow"
    assert owners[sagte].speaker == "Kreml"


def test_no_speech_means_only_the_narrator() -> None:
    document = toolkit.analyse(
        "Das ist gut. Das ist schlecht.", speech=False, sentiment_backend="rules"
    )
    assert document.sentiment is not None
    voices, speakers = aggregate(document, document.sentiment.sentences)
    assert [group.name for group in voices] == ["narrator"]
    assert voices[0].passages == 2 and speakers == ()


def test_article_speakers_once_speech_runs(article_doc: toolkit.Document) -> None:
    sentiment = article_doc.sentiment
    assert sentiment is not None
    if not article_doc.speech:
        pytest.skip("the speech stage found no reported speech")
    names = {group.name for group in sentiment.speakers}
    assert "Peskow" in names
    peskow = next(group for group in sentiment.speakers if group.name == "Peskow")
    assert peskow.polarity < 0
