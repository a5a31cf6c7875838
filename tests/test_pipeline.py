import pytest

import toolkit
from toolkit.errors import InputError
from toolkit.pipeline import STAGES, AnalysisConfig


def test_analyse_accepts_a_corpus_text_and_keeps_its_metadata(article):
    document = toolkit.analyse(article, metadata={"class": "10b"})
    assert document.text == article.text
    assert document.metadata["genre"] == "news"
    assert document.metadata["class"] == "10b"


def test_config_is_immutable_and_overrides_are_checked():
    config = AnalysisConfig()
    assert config.replace(max_chars=5).max_chars == 5
    assert config.max_chars != 5
    with pytest.raises(InputError, match="Unknown option 'colour'"):
        toolkit.analyse("Text.", colour="red")


def test_max_chars_limit_is_a_clear_error():
    with pytest.raises(InputError, match="limit for one text is 20"):
        toolkit.analyse("Ein ziemlich langer Satz hier.", max_chars=20)


def test_stages_follow_the_data_flow():
    order = ["tagging", "mood", "speech", "sentiment"]
    names = [name for name, _ in STAGES]
    assert names == [name for name in order if name in names]


def test_analyze_is_an_alias():
    assert toolkit.analyze is toolkit.analyse
