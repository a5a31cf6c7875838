"""Sentiment backends: the interface, textblob-de's analyser, and the SentiWS reader."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit
from toolkit.errors import InputError
from toolkit.lexicons import textblob_de_polarity_lexicon, textblob_de_sentiment
from toolkit.sentiment.backends import (
    RuleBackend,
    SentenceInput,
    SentimentBackend,
    TextBlobBackend,
    resolve_backend,
)
from toolkit.sentiment.rules import ScoredSentence, ScoredWord
from toolkit.sentiment.sentiws import read_sentiws


def _sentence(text: str) -> SentenceInput:
    return SentenceInput(tuple(text.split()), text=text)


def test_textblob_lexicon_read_as_data() -> None:
    entries = textblob_de_polarity_lexicon()
    assert len(entries) > 7000
    forms = {entry[0]: entry for entry in entries}
    assert forms["gut"][1:3] == ("JJ", 1.0)
    assert forms["kaum"][4] == pytest.approx(0.3)  # the intensity column is kept


def test_textblob_analyser_runs_offline_and_keeps_its_known_faults() -> None:
    polarity, _, assessments = textblob_de_sentiment("Das ist nicht gut.")
    assert polarity == pytest.approx(-0.5) and assessments == [(("nicht", "gut"), -0.5)]
    # The faults the default backend fixes: scope of "nicht", intensifiers, false hits.
    assert textblob_de_sentiment("nicht ernst genug")[0] > 0
    assert textblob_de_sentiment("zutiefst provokant")[0] == textblob_de_sentiment("provokant")[0]
    assert textblob_de_sentiment("massive Unterstützung")[0] < 0
    assert textblob_de_sentiment("   ") == (0.0, 0.0, [])


def test_textblob_backend_maps_words_and_sums_exactly() -> None:
    text = "Peskow warnte , dass diese Sichtweise zutiefst provokant und gefährlich sei"
    result = TextBlobBackend().score(_sentence(text))
    words = text.split()
    assert [words[word.position] for word in result.words] == ["provokant", "gefährlich"]
    assert sum(word.contribution for word in result.words) == result.polarity
    assert result.polarity == pytest.approx(textblob_de_sentiment(text)[0], abs=1e-6)
    assert TextBlobBackend().score(_sentence("Der Zug fährt .")).words == ()


def test_resolve_backend_names_and_errors(tmp_path: Path) -> None:
    assert resolve_backend("default") is resolve_backend("")
    assert resolve_backend("textblob-de").name == "textblob-de"
    with pytest.raises(InputError, match="Unknown sentiment backend"):
        resolve_backend("vader")
    with pytest.raises(InputError, match="not found"):
        resolve_backend(f"sentiws:{tmp_path / 'missing'}")
    for backend in (resolve_backend("default"), TextBlobBackend()):
        assert isinstance(backend, SentimentBackend)


class ConstantBackend:
    """A user-written backend: every sentence with a word scores 0.5 on its first word."""

    name = "constant"
    thresholds = (0.1, 0.1)

    def score(self, sentence: SentenceInput) -> ScoredSentence:
        if not sentence.words:
            return ScoredSentence(0.0, 0.0)
        return ScoredSentence(0.5, 1.0, (ScoredWord(0, sentence.words[0], 0.5, (), 0.5, 0.5),))


def test_any_object_with_the_interface_is_a_backend() -> None:
    backend = ConstantBackend()
    assert resolve_backend(backend) is backend
    document = toolkit.analyse("Heute regnet es.", sentiment_backend=backend)
    assert document.sentiment is not None
    assert document.sentiment.backend == "constant" and document.sentiment.label == "positive"
    assert document.sentiment.sentences[0].words[0].text == "Heute"


# --- SentiWS reader: tiny files written here, never the real lexicon --------------------


def _write_sentiws(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    positive = "\ufeffFreude|NN\t0.6502\tFreuden\r\nprima|ADJX\t0.4\t\r\n"
    negative = (
        "\ufeffÄrger|NN\t-0.5\tÄrgers,Ärgern\r\nschlecht|ADJX\t-0.7706\tschlechte,schlechter\r\n"
    )
    (folder / "SentiWS_test_Positive.txt").write_bytes(positive.encode("utf-8"))
    (folder / "SentiWS_test_Negative.txt").write_bytes(negative.encode("utf-8"))
    return folder


def test_sentiws_reader_bom_crlf_and_inflections(tmp_path: Path) -> None:
    lexicon = read_sentiws(_write_sentiws(tmp_path / "sentiws"))
    assert lexicon.name == "SentiWS" and len(lexicon) == 9
    assert lexicon.lookup("Freude").value == pytest.approx(0.6502)
    assert lexicon.lookup("Ärgern").entry == "Ärger"
    assert lexicon.lookup("schlechter").value == pytest.approx(-0.7706)
    assert lexicon.lookup("prima").entry == "prima"  # no inflections column content
    assert lexicon.lookup("\ufeffFreude") is None  # the BOM is not part of the first word


def test_sentiws_reader_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Freude|NN\tviel\tFreuden\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_sentiws(bad)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Ärger|NN\t-0.5\t\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_sentiws(latin)
    with pytest.raises(InputError, match="not found"):
        read_sentiws(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="No SentiWS"):
        read_sentiws(tmp_path / "empty")


def test_sentiws_backend_in_the_pipeline(tmp_path: Path) -> None:
    folder = _write_sentiws(tmp_path / "lexicon")
    document = toolkit.analyse("Das war nicht schlecht .", sentiment_backend=f"sentiws:{folder}")
    assert document.sentiment is not None
    assert document.sentiment.backend.startswith("SentiWS")
    word = document.sentiment.sentences[0].words[0]
    assert word.lexicon_entry == "schlecht" and word.contribution > 0
    backend = RuleBackend(read_sentiws(folder), name="mine")
    assert backend.score(_sentence("große Freude")).polarity > 0
