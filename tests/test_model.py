import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.model import Document, Span, Token


def test_article_records_satisfy_the_offset_invariant(article_doc):
    text = article_doc.text
    for token in article_doc.tokens:
        assert text[token.start : token.end] == token.text
    for sentence in article_doc.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        tokens = article_doc.sentence_tokens(sentence.index)
        assert tokens[0].start == sentence.start and tokens[-1].end == sentence.end
        assert {token.sentence for token in tokens} == {sentence.index}


def test_article_has_15_sentences_and_keeps_am_1_oktober_inside(article_doc):
    assert len(article_doc.sentences) == 15
    fourth = article_doc.sentences[3].text
    assert "am 1. Oktober zusammenhängen könnten." in fourth
    assert fourth.startswith("Peskow vermutet")


def test_records_are_frozen(article_doc):
    with pytest.raises(dataclasses.FrozenInstanceError):
        article_doc.tokens[0].text = "X"
    with pytest.raises(TypeError):
        article_doc.metadata["language"] = "en"


def test_a_broken_record_is_refused_when_the_document_is_built():
    token = Token(index=0, text="Kreml", start=0, end=4, sentence=0)
    with pytest.raises(ValueError, match="offset invariant broken"):
        Document(text="Kreml", tokens=(token,), sentences=())


def test_json_contract_has_every_field_for_every_token(article_doc):
    data = article_doc.to_dict()
    assert set(data) >= {"text", "sentences", "tokens", "speech", "sentiment"}
    assert [sentence["index"] for sentence in data["sentences"]] == list(range(15))
    required = {"text", "start", "end", "sentence", "lemma", "pos", "mood", "konjunktiv"}
    for token in data["tokens"]:
        assert required <= set(token)
        assert data["text"][token["start"] : token["end"]] == token["text"]


def test_span_to_dict():
    assert Span(3, 9, "warnte").to_dict() == {"text": "warnte", "start": 3, "end": 9}


# Generated text: words, punctuation, quotes, numbers, whitespace and odd characters.
PIECES = st.sampled_from(
    [
        "Peskow",
        "sagte",
        "sei",
        "z. B.",
        "1. Oktober",
        "„Ja“",
        "»Nein«",
        "'so'",
        '"so"',
        ":-)",
        "https://example.org/a?b=1",
        "Kolleg*innen",
        "§ 3",
        "3,5",
        "ca.",
        ".",
        "!",
        "?",
        ",",
        "\n",
        "\n\n",
        "  ",
        "\t",
        "Äußerung",
        "ß",
        "\u00a0",
        "\u200b",
        "🙂",
        "-",
        "(",
        ")",
        "…",
        "e.V.",
        "Nr.",
        "US-Präsident",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=6)), min_size=1, max_size=40).map(
    " ".join
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_generated_text_keeps_the_offset_invariant(text):
    if not text.strip() or "\x00" in text:
        with pytest.raises(toolkit.InputError):
            toolkit.analyse(text)
        return
    document = toolkit.analyse(text)  # Document.__post_init__ checks every record
    for token in document.tokens:
        assert not set(token.text) & {" ", "\n", "\t", "\r"}, token
    for previous, current in zip(document.tokens, document.tokens[1:], strict=False):
        assert previous.end <= current.start
        assert previous.sentence <= current.sentence
