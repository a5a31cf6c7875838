"""TextPicker and LanguageSwitch, driven in plain Python (no kernel, no browser)."""

from __future__ import annotations

import datetime

import pytest

import toolkit
from toolkit.errors import InputError
from toolkit.translate import tr
from toolkit.widgets import (
    ConcordanceView,
    ExerciseView,
    LanguageSwitch,
    TextPicker,
    TokenizerComparison,
)
from toolkit.widgets.exercise import Exercise

OWN = "Peskow sagte, das sei gefährlich."


def uploaded(data: bytes, name: str = "brief.txt") -> tuple[dict, ...]:
    """What ipywidgets' FileUpload holds after a browser upload."""
    return (
        {
            "name": name,
            "type": "text/plain",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.datetime(2024, 9, 1, tzinfo=datetime.UTC),
        },
    )


def test_starts_with_the_article(article):
    picker = TextPicker()
    assert picker.source == "article" and picker.text == article.text
    assert picker.typed.layout.display == "none" and picker.upload.layout.display == "none"
    assert picker.name == article.name
    # the status names the article by its title, in a styled box, not by its file name
    assert article.metadata["title"] in picker.status.value
    assert article.name not in picker.status.value and "tk-message" in picker.status.value
    assert ".tk-message {" in picker.status.value  # its style, even shown alone


def test_given_text_starts_as_own_text():
    picker = TextPicker(OWN)
    assert picker.source == "typed" and picker.text == OWN
    assert picker.typed.layout.display is None


def test_typing_switches_to_own_text_and_is_never_lost(article):
    picker = TextPicker()
    picker.typed.value = OWN
    assert picker.source == "typed" and picker.text == OWN
    picker.choice.value = "article"
    assert picker.text == article.text
    assert picker.typed.value == OWN  # still in the box
    picker.choice.value = "typed"
    assert picker.text == OWN


def test_upload_utf8_file_is_used():
    picker = TextPicker(OWN)
    picker.upload.value = uploaded("Der Kreml warnte.\n".encode("utf-8-sig"), "kreml.txt")
    assert picker.source == "upload"
    assert picker.text == "Der Kreml warnte.\n"  # BOM removed, nothing else changed
    assert picker.name == "kreml.txt" and "kreml.txt" in picker.status.value
    assert picker.typed.value == OWN


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("Äußerung".encode("latin-1"), "kein UTF-8-Text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "keine Textdatei"),
        (b"   \n", "leer"),
    ],
)
def test_bad_upload_is_refused_with_a_message(data, match):
    picker = TextPicker(OWN)
    picker.upload.value = uploaded(data, "schlecht.txt")
    assert "tk-error" in picker.status.value and match in picker.status.value
    assert "schlecht.txt" in picker.status.value or match == "leer"
    assert picker.source == "typed" and picker.text == OWN  # nothing lost


def test_upload_tab_without_file_explains():
    picker = TextPicker()
    picker.choice.value = "upload"
    assert picker.text == "" and "UTF-8" in picker.status.value


def test_document_is_analysed_and_cached():
    picker = TextPicker(OWN)
    first = picker.document
    assert first.text == OWN and picker.document is first
    picker.typed.value = "Er ging."
    assert picker.document.text == "Er ging." and picker.document is not first
    picker.typed.value = " "
    with pytest.raises(InputError, match="empty"):
        _ = picker.document
    assert "tk-info" in picker.status.value


def test_status_preview_marks_only_what_it_leaves_out():
    picker = TextPicker(OWN)
    picker.typed.value = "Er ging nach Hause."
    assert picker.status.value.count("Er ging nach Hause.") == 1
    assert "…" not in picker.status.value  # nothing was left out
    picker.typed.value = "Der Wetterdienst warnte am Freitag vor Sturm. " * 4
    # cut after a whole word, and the cut is marked
    assert "Sturm. Der Wetterdienst warnte am Freitag …</div>" in picker.status.value


def test_status_is_escaped():
    picker = TextPicker("<img src=x onerror=alert(1)>")
    assert "<img" not in picker.status.value and "&lt;img" in picker.status.value


def test_picker_relabels_and_keeps_source():
    picker = TextPicker(OWN)
    picker.language = "en"
    assert [label for label, _ in picker.choice.options] == ["Article", "Own text", "File (.txt)"]
    assert picker.source == "typed" and picker.text == OWN


# -- LanguageSwitch ------------------------------------------------------------------------


def test_switch_relabels_foundation_and_own_widgets():
    comparison = TokenizerComparison("")
    concordance = ConcordanceView(toolkit.analyse("Peskow warnte."), word="nichts")
    picker = TextPicker()
    exercise = ExerciseView(Exercise.mark_tokens(toolkit.analyse("Er ging.")))
    switch = LanguageSwitch(comparison, concordance, picker, exercise)
    switch.buttons.value = "en"
    assert comparison.choice.description == "Tokenizers"
    assert "Please enter a text." in comparison.output.value
    assert concordance.search.description == "Search word"
    assert "No hits." in concordance.output.value
    assert picker.choice.description == "Text" and picker.typed.placeholder.startswith("Type")
    assert exercise.check_button.description == "Check"
    assert switch.buttons.description == "Language"
    # linked both ways: a widget's own change reaches the switch and the others
    concordance.language = "de"
    assert switch.language == "de" and exercise.check_button.description == "Prüfen"


def test_attach_takes_over_current_language_and_checks_type():
    switch = LanguageSwitch(language="en")
    later = TokenizerComparison("")
    switch.attach(later)
    assert later.language == "en" and later.input.description == "Text"
    with pytest.raises(InputError, match="toolkit widgets"):
        switch.attach("not a widget")


def test_an_empty_own_text_stays_empty_after_the_language_switch():
    """The article came back in every table after 'English' while the box said 'empty'."""
    picker = TextPicker()
    picker.source = "typed"
    seen = []
    picker.observe(lambda change: seen.append(change["new"]), names="text")
    LanguageSwitch(picker).language = "en"
    assert picker.source == "typed" and picker.text == "" and seen == []
    assert tr("empty_text", "en") in picker.status.value


def test_a_table_under_an_empty_own_text_stays_empty_after_the_switch():
    """Notebook 00: the sentence table showed the article again after 'English'."""
    from toolkit.tables import sentences_frame
    from toolkit.widgets import DocumentView

    picker = TextPicker()
    table = DocumentView(picker, sentences_frame)
    picker.typed.value = "Er kam. Sie ging."
    picker.typed.value = ""
    assert "tk-error" in table.output.value and table.document is None
    LanguageSwitch(picker, table).language = "en"
    assert "empty" in table.output.value and "Sie ging" not in table.output.value
    LanguageSwitch(picker, table).language = "de"
    assert "leer" in table.output.value and "<table" not in table.output.value
    picker.typed.value = "Er kam. Sie ging."
    assert "Sie ging." in table.output.value


@pytest.mark.parametrize("make", ["MoodExplorer", "SpeechHighlighter", "SentimentExplainer"])
def test_a_widget_following_an_emptied_text_says_so_after_the_switch(make):
    """The error message went away at a language switch, and the last text looked analysed."""
    import toolkit.widgets as widgets

    picker = TextPicker()
    view = getattr(widgets, make)(picker)
    switch = LanguageSwitch()
    picker.source = "typed"

    def shown() -> str:
        return " ".join(str(getattr(c, "value", "")) for c in view.children)

    switch.language = "en"
    assert "The text is empty" in shown() and "Der Text ist leer" not in shown()
    switch.language = "de"
    assert "Der Text ist leer" in shown() and "The text is empty" not in shown()
