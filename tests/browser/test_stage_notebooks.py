"""Notebooks 03 (reported speech) and 04 (sentiment) in JupyterLab: Run All, no traceback,
a control changes what is shown, a screenshot for the record (test-artifacts/)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import TOKEN
from tests.browser.lab_helpers import (
    open_notebook,
    run_all_cells,
    screenshot,
    tracebacks,
    wait_until_done,
    widget_errors,
)

pytestmark = pytest.mark.browser

KINDS = ("direct", "indirect", "reported")
SPEECH_MARKS = ", ".join(f".tk-text mark.tk-{kind}" for kind in KINDS)


def run_notebook(page: Page, lab, course, name: str) -> None:
    if not (course / name).exists():
        pytest.skip(f"{name} does not exist yet")
    open_notebook(page, lab.base, TOKEN, name)
    attempts = run_all_cells(page)
    seconds = wait_until_done(page)
    print(f"{name}: Run All in {seconds:.1f} s ({attempts} attempt(s))")
    assert not tracebacks(page), tracebacks(page)
    assert not widget_errors(page), widget_errors(page)


def changed(container: Locator, before: str, page: Page) -> None:
    """Wait until the container's HTML differs from ``before``."""
    handle = container.element_handle()
    page.wait_for_function("([el, old]) => el.innerHTML !== old", arg=[handle, before])


def test_reported_speech_highlighter(page: Page, lab, course, artifacts):
    run_notebook(page, lab, course, "03_reported_speech.ipynb")
    marks = page.locator(SPEECH_MARKS)
    expect(marks.first).to_be_visible(timeout=30_000)
    highlighter = page.locator(".jp-OutputArea-output").filter(has=marks).first
    kinds = count_marks(highlighter)
    assert len([kind for kind, n in kinds.items() if n]) >= 2, kinds
    # hovering a coloured stretch tells kind, cue and speaker (title attribute)
    assert marks.first.get_attribute("title"), "a speech span explains itself on hover"
    highlighter.scroll_into_view_if_needed()
    screenshot(page, artifacts / "03_reported_speech_highlighter.png")
    # switch off the kind with most spans: its marks disappear, the others stay
    kind = max(kinds, key=kinds.__getitem__)
    toggle = highlighter.locator(f".tk-toggle-{kind}")
    if not toggle.count():  # a highlighter without per-kind classes: any toggle or checkbox
        toggle = highlighter.locator(".widget-checkbox input, .widget-toggle-button")
    toggle.first.click()
    # wait for the marks themselves: the toggle button's own state changes the HTML first
    # (a wait for any change counted the marks before they were redrawn, once in CI)
    expect(highlighter.locator(f".tk-text mark.tk-{kind}")).not_to_have_count(kinds[kind])
    after = count_marks(highlighter)
    assert after[kind] < kinds[kind], (kinds, after)
    assert sum(after.values()) > 0, "the other kinds stay highlighted"
    screenshot(page, artifacts / "03_reported_speech_toggled.png")
    toggle.first.click()
    expect(highlighter.locator(f".tk-text mark.tk-{kind}")).to_have_count(kinds[kind])


def count_marks(container: Locator) -> dict[str, int]:
    return {kind: container.locator(f".tk-text mark.tk-{kind}").count() for kind in KINDS}


def test_sentiment_explainer(page: Page, lab, course, artifacts):
    run_notebook(page, lab, course, "04_sentiment.ipynb")
    explainer = (
        page.locator(".jp-OutputArea-output")
        .filter(has=page.locator(".widget-dropdown select, .widget-slider"))
        .filter(has_text=re.compile("Polarität|Polarity|polarity"))
        .first
    )
    expect(explainer).to_be_visible(timeout=30_000)
    explainer.scroll_into_view_if_needed()
    before = explainer.inner_html()
    select = explainer.locator(".widget-dropdown select")
    if select.count():
        options = select.first.locator("option")
        current = select.first.input_value()
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        select.first.select_option(next(v for v in values if v != current))
    else:
        handle = explainer.locator(".widget-slider .noUi-handle").first
        handle.focus()
        handle.press("ArrowRight")
    changed(explainer, before, page)
    assert explainer.inner_text() != "", "the explainer shows something"
    screenshot(page, artifacts / "04_sentiment_explainer.png", explainer)
