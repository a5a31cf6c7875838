"""SpeechHighlighter and SpeechExercise, driven in plain Python (no browser)."""

from __future__ import annotations

import re

import pytest

import toolkit
from toolkit.widgets.speech import (
    SpeechExercise,
    SpeechHighlighter,
    instance_details,
    speech_marks,
)


@pytest.fixture
def highlighter(article_doc: toolkit.Document) -> SpeechHighlighter:
    return SpeechHighlighter(article_doc)


def test_every_kind_has_its_css_class_and_colour(highlighter: SpeechHighlighter) -> None:
    html = highlighter.result["html"]
    for kind in ("direct", "indirect", "reported"):
        assert f'class="tk-mark tk-{kind}"' in html
    assert "tk-direct" in highlighter.legend.value and "tk-reported" in highlighter.legend.value


def test_kinds_differ_by_line_as_well_as_colour(highlighter: SpeechHighlighter) -> None:
    """Green and orange look alike to many colour-blind readers: each kind has its own line."""
    style = highlighter.legend.value
    lines = {
        kind: re.search(rf"\.tk-{kind} {{[^}}]*border-bottom: 2px (\w+)", style).group(1)
        for kind in ("direct", "indirect", "reported")
    }
    assert sorted(lines.values()) == ["dashed", "dotted", "solid"]


def test_hover_text_names_kind_cue_and_speaker(highlighter: SpeechHighlighter) -> None:
    html = highlighter.result["html"]
    assert 'title="indirekte Rede · Redeeinleitung: hob hervor · Sprecher: Putin"' in html


def test_toggles_switch_kinds_off_and_on(highlighter: SpeechHighlighter) -> None:
    highlighter.toggles["direct"].value = False
    assert highlighter.kinds == ["indirect", "reported"]
    # a switched-off kind looks off: no tick, no colour
    assert [t.icon for t in highlighter.toggles.values()] == ["", "check", "check"]
    assert "tk-direct" not in highlighter.result["html"]
    assert "tk-indirect" in highlighter.result["html"]
    hidden = [
        b
        for b, r in zip(highlighter.buttons, highlighter.document.speech, strict=True)
        if r.kind == "direct"
    ]
    assert hidden and all(button.layout.display == "none" for button in hidden)
    highlighter.toggles["direct"].value = True
    assert "tk-direct" in highlighter.result["html"]


def test_click_shows_cue_and_speaker(highlighter: SpeechHighlighter) -> None:
    index = next(i for i, r in enumerate(highlighter.document.speech) if r.sentence == 10)
    highlighter.buttons[index].click()
    details = highlighter.result["details"]
    assert (details["cue"], details["speaker"], details["mention"]) == (
        "erklärte",
        "Putin",
        "der Kremlchef",
    )
    html = highlighter.result["html"]
    assert '<mark class="tk-mark tk-cue">erklärte</mark>' in html
    assert '<mark class="tk-mark tk-speaker">der Kremlchef</mark>' in html
    assert "Putin" in highlighter.details.value
    # the button names the instance's sentence as the reader counts (from 1), the details
    # label every row
    assert highlighter.buttons[index].description == "Satz 11: indirekte Rede – Putin"
    # two instances in one sentence get two names, and no number a student could take for
    # a sentence ("4 (Satz 3)" was the fourth instance, in sentence 3)
    pairs = zip(highlighter.buttons, highlighter.document.speech, strict=True)
    third = [button.description for button, record in pairs if record.sentence == 2]
    assert len(third) == 2 and [d[:8] for d in third] == ["Satz 3a:", "Satz 3b:"], third
    assert "<td>Art</td><td>indirekte Rede</td>" in highlighter.details.value


def test_separable_cue_is_underlined_in_both_parts(article_doc: toolkit.Document) -> None:
    index = next(i for i, r in enumerate(article_doc.speech) if r.cue_lemma == "hervorheben")
    marks = [m for m in speech_marks(article_doc, selected=index) if m.css_class == "tk-cue"]
    assert [article_doc.text[m.start : m.end] for m in marks] == ["hob", "hervor"]


def test_who_says_what(highlighter: SpeechHighlighter) -> None:
    who = highlighter.result["who"]
    rows = who.set_index("speaker")
    assert rows.loc["Peskow", "instances"] >= 4
    assert rows.loc["Putin", "indirect"] == 2 and rows.loc["Putin", "reported"] == 1
    assert "Wer sagt was?" in highlighter.who.value


def test_who_says_what_counts_the_kinds_switched_on(highlighter: SpeechHighlighter) -> None:
    everything = highlighter.result["who"]["instances"].sum()
    reported = int(highlighter.result["who"]["reported"].sum())
    highlighter.toggles["reported"].value = False
    who = highlighter.result["who"]
    assert reported > 0 and who["instances"].sum() == everything - reported
    assert who["reported"].sum() == 0
    header = re.search(r"<tr>(.*?)</tr>", highlighter.who.value, re.S).group(1)
    assert "Erzählte Rede" not in header and "Indirekte Rede" in header


def test_language_switch(highlighter: SpeechHighlighter) -> None:
    highlighter.language = "en"
    assert highlighter.toggles["reported"].description == "reported speech"
    assert "Who says what?" in highlighter.who.value


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte: „<script>alert(1)</script>“",
        "Peskow warnte, dass <img src=x onerror=alert(1)> gefährlich sei.",
    ],
)
def test_user_text_is_escaped(text: str) -> None:
    view = SpeechHighlighter(text)
    html = view.result["html"] + view.text_view.value
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x" in html
    assert view.document.speech, "the markup is still analysed as text"
    view.select(0)
    assert "<script" not in view.details.value and "<img" not in view.details.value


def test_text_without_speech() -> None:
    view = SpeechHighlighter("Es regnet.")
    assert view.buttons == [] and "Keine Redewiedergabe" in view.details.value


def test_details_in_english(article_doc: toolkit.Document) -> None:
    continued = next(r for r in article_doc.speech if r.sentence == 4)
    details = instance_details(continued, "en")
    assert details["kind"] == "indirect speech" and details["speaker"] == "Peskow"
    assert "no cue" in details["cue"]


def test_exercise_feedback_explains_mistakes(article_doc: toolkit.Document) -> None:
    view = SpeechExercise(article_doc, sentences=[0, 1, 12])
    view.dropdowns["0"].value = "erzählt / reported"
    view.dropdowns["1"].value = "indirekt / indirect"
    view.dropdowns["12"].value = "keine / none"
    view.check()
    assert view.score == pytest.approx(0.67, abs=0.01)
    assert [sentence for sentence, _ in view.hints] == [1]
    assert "Richtig ist „direkt“ –" in view.hints[0][1] and "Peskow" in view.hints[0][1]
    assert "direct" not in view.hints[0][1]  # the German view names the label in German
    assert "Peskow" in view.hints_view.value
    # the row names its sentence once, as a reader counts ("2 | Satz 2: …" said it twice)
    assert "<td>Satz 2</td><td>Richtig ist „direkt“" in view.hints_view.value
    assert "Satz 2:" not in view.hints_view.value
    # the quotation keeps its own marks, no second pair around them
    assert "· 'kurzsichtig und unprofessionell'" in view.hints[0][1]
    assert "„'" not in view.hints[0][1]
    view.reset()
    assert view.hints == [] and view.hints_view.value == ""
    # a sentence left unanswered keeps its secret: no hint gives its answer away
    view.dropdowns["1"].value = "indirekt / indirect"
    view.check()
    assert [sentence for sentence, _ in view.hints] == [1]


def test_the_chosen_instance_button_looks_chosen(highlighter: SpeechHighlighter) -> None:
    highlighter.buttons[2].click()
    styles = [button.button_style for button in highlighter.buttons]
    assert styles[2] == "info" and styles.count("info") == 1
