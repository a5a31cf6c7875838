"""SentimentExplainer driven in plain Python (no browser)."""

from __future__ import annotations

from dataclasses import replace

import pytest

import toolkit
from toolkit.model import ReportedSpeech
from toolkit.widgets import SentimentExplainer


@pytest.fixture(scope="module")
def view(article_doc: toolkit.Document) -> SentimentExplainer:
    return SentimentExplainer(article_doc, sentence=2)


def test_shows_the_picked_sentence(view: SentimentExplainer) -> None:
    view.picker.value = 2
    assert view.result is not None and view.result.sentence == 2
    words = [row["word"] for row in view.rows]
    assert "provokant" in words and "genug" in words
    assert sum(row["contribution"] for row in view.rows) == view.result.polarity
    assert "zutiefst ×1,8" in view.table_html.value  # German decimal comma
    assert "<mark" in view.sentence_html.value
    assert view.last_figure is not None and len(view.last_figure.axes[0].patches) == len(words)
    assert view.edit.value == view.document.sentences[2].text


def test_sentence_without_sentiment_words(view: SentimentExplainer) -> None:
    view.picker.value = 3
    assert view.rows == []
    assert "Lexikon" in view.table_html.value
    assert view.chart.layout.display == "none"


def test_trying_a_changed_sentence(view: SentimentExplainer) -> None:
    view.picker.value = 2
    original = view.result.polarity
    polarity = view.try_text("Peskow warnte, diese Sichtweise sei provokant.")
    assert polarity is not None and polarity < 0
    assert view.difference == pytest.approx(polarity - original)
    assert view.difference > 0
    assert [row["word"] for row in view.modified_rows] == ["warnte", "provokant"]
    view.edit.value = "Das ist gut."
    view.try_button.click()
    assert view.modified is not None and view.modified.sentiment.label == "positive"
    assert "Summe = Polarität" in view.compare_html.value


def test_a_bad_text_gives_a_message(view: SentimentExplainer) -> None:
    assert view.try_text("   ") is None
    assert "tk-error" in view.compare_html.value and view.modified is None


def test_user_text_is_escaped(view: SentimentExplainer) -> None:
    view.try_text("<script>alert(1)</script> Das ist gut.")
    assert "<script>" not in view.compare_html.value


def test_picking_a_new_sentence_resets_the_comparison(view: SentimentExplainer) -> None:
    view.try_text("Das ist gut.")
    view.picker.value = 0
    assert view.modified is None and view.compare_html.value == ""


def test_speakers_and_voices(view: SentimentExplainer) -> None:
    view.group = "voice"
    assert view.groups and view.groups[0].name == "narrator"
    assert view.groups_figure is not None
    view.group_choice.value = "speaker"
    assert view.group == "speaker"
    assert all(group.group == "speaker" for group in view.groups)


def test_hand_built_speech_and_no_speech() -> None:
    text = "Peskow sagte: „Das ist gefährlich.“ Das Wetter ist schön."
    document = toolkit.analyse(text, speech=False)
    start, end = text.index("„") + 1, text.index("“")
    quote = ReportedSpeech("direct", start, end, text[start:end], 0, speaker="Peskow")
    with_speech = SentimentExplainer(replace(document, sentiment=None, speech=(quote,)))
    assert [group.name for group in with_speech.groups] == ["Peskow"]
    assert with_speech.groups[0].polarity < 0
    without = SentimentExplainer(document)
    assert without.groups == ()
    assert "Keine Redewiedergabe" in without.groups_html.value


def test_language_switch(view: SentimentExplainer) -> None:
    view.language = "en"
    assert view.try_button.description == "Try it"
    assert "Contribution" in view.table_html.value or view.rows == []
    view.language = "de"
    assert view.try_button.description == "Ausprobieren"


def test_default_document_is_the_article() -> None:
    view = SentimentExplainer(sentence=99)
    assert view.sentence == len(view.document.sentences) - 1


def test_word_table_writes_the_rules_numbers_the_german_way(article_doc):
    """Notebook 04's word table read 'zutiefst ×1.8' where the explainer reads '×1,8'."""
    from toolkit.tables import sentiment_words_frame
    from toolkit.widgets import DocumentView, LanguageSwitch

    view = DocumentView(article_doc, sentiment_words_frame, sentence=2)
    assert "zutiefst ×1,8" in view.output.value and "×−0,8" in view.output.value
    assert "×1.8" not in view.output.value
    LanguageSwitch(view).language = "en"
    assert "zutiefst ×1.8" in view.output.value


def test_an_empty_changed_sentence_says_so_in_the_new_language(article_doc):
    """Notebook 04 kept 'Der Text ist leer.' after 'English'."""
    from toolkit.widgets import LanguageSwitch, SentimentExplainer

    explainer = SentimentExplainer(article_doc, sentence=2)
    assert explainer.try_text("   ") is None
    assert "Der Text ist leer" in explainer.compare_html.value
    LanguageSwitch(explainer).language = "en"
    assert "empty" in explainer.compare_html.value and "leer" not in explainer.compare_html.value


def _table(html: str) -> tuple[list[str], list[list[str]]]:
    """The headers and the body rows (cell texts) of the one table in ``html``."""
    import re

    headers = re.findall(r"<th>(.*?)</th>", html)
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in html.split("<tr>")[2:]]
    return headers, rows


@pytest.mark.parametrize(
    ("language", "word", "direct", "indirect"),
    [
        ("de", "Wort", "direkte Rede", "indirekte Rede"),
        ("en", "Word", "direct speech", "indirect speech"),
    ],
)
def test_the_explainer_and_the_word_table_share_their_labels(
    article_doc, language, word, direct, indirect
):
    """Notebook 04: the explainer said "Wort" / "direkte Rede", the word table "Text" / "direkt"."""
    from toolkit.tables import sentiment_words_frame
    from toolkit.widgets import DocumentView

    explainer = SentimentExplainer(article_doc, sentence=2, language=language)
    words = DocumentView(
        article_doc,
        sentiment_words_frame,
        columns=[
            "text",
            "lexicon_entry",
            "lexicon_value",
            "modifiers",
            "adjusted_value",
            "contribution",
            "voice",
        ],
        sentence=2,
        language=language,
    )
    explained_headers, explained_rows = _table(explainer.table_html.value)
    table_headers, table_rows = _table(words.output.value)
    assert explained_headers == table_headers and table_headers[0] == word
    voices = [row[-1] for row in table_rows]
    assert voices == [row[-1] for row in explained_rows[:-1]]  # the last row is the sum
    assert direct in voices and indirect in voices
    assert [row[0] for row in table_rows] == [row[0] for row in explained_rows[:-1]]
    # the voices chart beside the explainer's table names them the same way, as labels
    # standing alone with a capital ("Direkte Rede (2)" beside "Erzähler (11)")
    explainer.show_groups("voice")
    ticks = [tick.get_text() for tick in explainer.groups_figure.axes[0].get_yticklabels()]
    label = direct[:1].upper() + direct[1:]
    assert any(tick.startswith(f"{label} (") for tick in ticks), ticks
    assert f"<td>{label}</td>" in explainer.groups_html.value


@pytest.mark.parametrize(
    ("language", "voices", "group"),
    [
        ("de", ["Erzähler", "Direkte Rede", "Indirekte Rede", "Erzählte Rede"], "Stimme"),
        ("en", ["Narrator", "Direct speech", "Indirect speech", "Reported speech"], "voice"),
    ],
)
def test_the_groups_table_names_voices_as_the_explainer_does(article_doc, language, voices, group):
    """Notebook 04: the table below the chart said "direkt", the chart "direkte Rede"."""
    from toolkit.tables import for_people, sentiment_groups_frame

    shown = for_people(sentiment_groups_frame(article_doc), language=language)
    rows = shown.values.tolist()
    assert [name for kind, name, *_ in rows if kind == group] == voices
    # a speaker keeps the name as the text gives it
    assert "Peskow" in [name for kind, name, *_ in rows if kind != group]
