"""Voilà: the course as a dashboard without code. The own-text flow works without re-running
anything: typing a text updates the sentence table (00) and the highlighter, the table, the
exercise and the rules-against-model table (03); the highlighter names the speakers a reader
would name; feedback shows ✓ / ✗; the language switch relabels everything."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.lab_helpers import full_screenshot, open_voila

pytestmark = pytest.mark.browser

OWN = "Peskow sagte, das sei gefährlich. Er ging nach Hause."
SPEECH = "„Wir kommen“, sagte die Ministerin. Peskow erklärte, man prüfe den Vorschlag."


def test_start_notebook_own_text_updates_the_sentence_table(page: Page, voila, artifacts):
    open_voila(page, voila.base, "00_start_here.ipynb", "text=Eigener Text")
    # Voilà keeps the input areas in the page but never shows the code
    expect(page.get_by_text("from toolkit.tables import sentences_frame").first).to_be_hidden()
    # the article: facts in German (no raw metadata), the text in paragraphs
    expect(page.locator("table.tk-table").first).to_contain_text("15 Sätze, 2.218 Zeichen")
    expect(page.locator(".tk-text p").first).to_contain_text("Der Kreml hat die jüngsten")
    sentences = page.locator("table.tk-table", has_text="Anfang").first
    header = sentences.locator("tr").first  # the sentence table: German headers, from 1
    expect(header).to_have_text(re.compile(r"Satz\s*Anfang\s*Ende\s*Tokens\s*Text"))
    expect(sentences.locator("tr").nth(1).locator("td").first).to_have_text("1")
    assert "NaN" not in page.locator("body").inner_text()
    # own text: type it, leave the field; the last table follows without running a cell
    page.get_by_role("button", name="Eigener Text").click()
    box = page.locator("textarea").last
    box.fill(OWN)
    box.press("Tab")
    own_table = page.locator("table.tk-table").last
    expect(own_table).to_contain_text("Er ging nach Hause.", timeout=30_000)
    rows = own_table.locator("tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(2).locator("td").first).to_have_text("2")
    full_screenshot(page, artifacts / "voila_00_own_text.png")
    # the switch relabels every widget, the own-text table too
    page.get_by_role("button", name="English").first.click()
    expect(page.get_by_role("button", name="Own text")).to_be_visible(timeout=15_000)
    expect(own_table.locator("tr").first).to_contain_text("Sentence", timeout=15_000)
    expect(page.get_by_role("button", name="Check").first).to_be_visible()
    # the exercises' own titles too, not only the buttons
    expect(page.locator("h4", has_text="Punctuation in the article")).to_be_visible()
    expect(page.locator("h4", has_text="Satzzeichen im Artikel")).to_have_count(0)
    full_screenshot(page, artifacts / "voila_00_english.png")


def test_speech_notebook_runs_in_voila_and_follows_own_text(page: Page, voila, artifacts):
    open_voila(page, voila.base, "03_reported_speech.ipynb", ".tk-text mark.tk-direct")
    body = page.locator("body")
    assert "Traceback" not in body.inner_text()
    # the speakers a reader names: the quote in sentence 2 is Peskow's; "der Kremlchef" is Putin
    highlighter_buttons = page.locator(".widget-button", has_text=re.compile(r"^Satz \d+[a-z]?: "))
    expect(
        page.get_by_role("button", name="Satz 2: direkte Rede – Peskow", exact=True)
    ).to_be_visible()
    kremlchef = page.get_by_role("button", name="Satz 11: indirekte Rede – Putin", exact=True).first
    kremlchef.click()
    details = page.locator("table.tk-table", has_text="im Text").first
    expect(details).to_contain_text("der Kremlchef")
    expect(details).to_contain_text("Putin")
    assert highlighter_buttons.count() >= 14
    # exercise feedback: ✓ and ✗ beside the colours
    exercise = page.locator(".widget-vbox", has_text="Redewiedergabe bestimmen").first
    selects = exercise.locator("select")
    selects.nth(0).select_option(label="erzählt")  # sentence 1: right
    selects.nth(1).select_option(label="indirekt")  # sentence 2 is a direct quote: wrong
    exercise.get_by_role("button", name="Prüfen").click()
    expect(exercise).to_contain_text("✓")
    expect(exercise).to_contain_text("✗")
    hint = exercise.locator("tr", has_text="Richtig ist „direkt“")
    expect(hint.locator("td").first).to_have_text("Satz 2")
    # rules against the model on the example own text: "sagte sie" is the Sprecherin's; the
    # rules take the genitive in between
    comparison = page.locator("table.tk-table", has_text="Sprecher (Modell)").last
    expect(comparison.locator("tr").first).to_contain_text("Sprecher (Regeln)")
    quote = comparison.locator("tr", has_text="„Wir sind zuversichtlich“")
    expect(quote).to_have_text(re.compile(r"direkt\s*Ministeriums\s*direkt\s*Sprecherin"))
    # own text: the highlighter, the tables and the exercise below follow at once
    box = page.locator("textarea").last
    box.fill(SPEECH)
    box.press("Tab")
    expect(page.get_by_role("button", name="Satz 2: indirekte Rede – Peskow")).to_be_visible(
        timeout=30_000
    )
    own_table = page.locator("table.tk-table", has_text="Ministerin")
    own_table = own_table.filter(has_not_text="Sprecher (Modell)").last
    expect(own_table).to_contain_text(re.compile("direkt", re.IGNORECASE))
    expect(comparison).to_contain_text("Ministerin", timeout=30_000)
    expect(comparison).not_to_contain_text("zuversichtlich")
    expect(page.locator(".widget-vbox", has_text="„Wir kommen“, sagte die Ministerin.").last)
    full_screenshot(page, artifacts / "voila_03_own_text.png")
