"""Quotation marks: pairing, nesting, apostrophes, titles (toolkit.speech.quotes)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import toolkit
from toolkit.speech.quotes import find_quotations, is_title_noun, quotation_role


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie rief: „Komm!“", ["„Komm!“"]),
        ("Sie rief: »Komm!«", ["»Komm!«"]),
        ("Sie rief: «Komm!»", ["«Komm!»"]),
        ('Sie rief: "Komm!"', ['"Komm!"']),
        ("Sie rief: 'Komm!'", ["'Komm!'"]),
        ("Sie rief: ‚Komm!‘", ["‚Komm!‘"]),
        ("Sie rief: ›Komm!‹", ["›Komm!‹"]),
        ("She said: “Come!”", ["“Come!”"]),
        ("„Er rief ‚Halt!‘ und lief“", ["„Er rief ‚Halt!‘ und lief“", "‚Halt!‘"]),
        ("»Er rief ›Halt!‹«", ["»Er rief ›Halt!‹«", "›Halt!‹"]),
        ("Geht's? Hans' Buch, 's ist gut.", []),
    ],
)
def test_quote_styles_and_nesting(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_depth_of_nested_quotes() -> None:
    assert [q.depth for q in find_quotations("„a ‚b ›c‹ d‘ e“")] == [0, 1, 2]


def test_unclosed_quote_ends_at_paragraph_or_next_opening() -> None:
    text = "„Erster Absatz ohne Ende.\n\n„Zweiter Absatz.“"
    quotes = find_quotations(text, paragraph_ends=(25,))
    assert [(text[q.start : q.end], q.closed) for q in quotes] == [
        ("„Erster Absatz ohne Ende.", False),
        ("„Zweiter Absatz.“", True),
    ]


def test_same_mark_nested_inside_a_sentence() -> None:
    # newspapers often nest „…“ in „…“; mid-sentence and closed soon, the inner one is nested
    text = "„Er sprach vom „König von Bayern“ und ging.“ Dann kam sie."
    quotes = find_quotations(text)
    assert [(text[q.start : q.end], q.depth) for q in quotes] == [
        ("„Er sprach vom „König von Bayern“ und ging.“", 0),
        ("„König von Bayern“", 1),
    ]


def test_text_starting_inside_a_quotation() -> None:
    text = "Er ist Mathematiker.« »Sie irren sich.«"
    assert spans(text) == ["Er ist Mathematiker.«", "»Sie irren sich.«"]


def test_closing_mark_without_its_opening_mark() -> None:
    # the opening mark was lost: the quotation is the sentence before the closing mark
    text = "»Ich habe dir gute Nacht gesagt!« Und deshalb konntest du nicht schlafen?« Sie ging."
    assert spans(text) == [
        "»Ich habe dir gute Nacht gesagt!«",
        "Und deshalb konntest du nicht schlafen?«",
    ]
    text = "„Ja“, sagte er. Das ist gut.“ Dann ging er."
    assert spans(text) == ["„Ja“", "Das ist gut.“"]


def test_a_closing_mark_never_opens_in_a_text_that_opens_with_the_other() -> None:
    assert spans("„Ja“, sagte er. Dann « ging er.") == ["„Ja“"]
    assert spans("»Ja«, sagte er. „Nein“ “ging er.") == ["»Ja«", "„Nein“"]


@given(st.text(alphabet="„“‚‘»«›‹\"' abc.!", max_size=40))
def test_quotations_never_break_offsets(text: str) -> None:
    for quote in find_quotations(text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.inner_start] == quote.opening
        if quote.closed:
            assert text[quote.inner_end : quote.end] == quote.closing


def test_title_nouns() -> None:
    assert is_title_noun("Tageszeitung") and is_title_noun("Dokumentarfilm")
    assert not is_title_noun("Sprecher")


def _role(text: str, quote: str) -> str:
    document = toolkit.analyse(text, speech=False)
    start = text.index(quote)
    tokens = document.tokens
    first = next(t.index for t in tokens if t.start == start)
    last = next(t.index for t in tokens if t.end == start + len(quote))
    sentence = document.sentence_tokens(tokens[first].sentence)
    before = [t for t in sentence if t.index < first][-4:]
    after = [t for t in sentence if t.index > last][:4]
    return quotation_role(tokens[first + 1 : last], before, after, cue_nearby=False)


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        ("Das stand in der Tageszeitung 'The Times' am Montag.", "'The Times'", "title"),
        ("„Die Welt“ berichtete darüber.", "„Die Welt“", "title"),
        ("Die sogenannte „Reform“ kostet Geld.", "„Reform“", "title"),
        ("Das sei „ein großer Fehler“ gewesen.", "„ein großer Fehler“", "mention"),
        ("Die Werte „4 5 6“ fehlen.", "„4 5 6“", "mention"),
        ("Kurs 105 „2 M. 4% Obl. 80 1/2“ Wien", "„2 M. 4% Obl. 80 1/2“", "mention"),  # ditto
        (
            "Das Blatt zitierte aus der „Verkündigung an die Hirten und Bauern“ gestern.",
            "„Verkündigung an die Hirten und Bauern“",
            "title",
        ),
        (
            "Gespielt wurde „Aus dem Kriege zurück“, ein Gedicht von Heigel.",
            "„Aus dem Kriege zurück“",
            "title",
        ),
        ("„Nein“, sagte sie.", "„Nein“", "speech"),
        (
            "„Wir werden das nicht hinnehmen“, hieß es.",
            "„Wir werden das nicht hinnehmen“",
            "speech",
        ),
    ],
)
def test_quotation_roles(text: str, quote: str, role: str) -> None:
    assert _role(text, quote) == role
