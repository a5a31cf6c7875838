"""JupyterLab in Chromium: notebooks run, show no traceback, and their widgets react."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

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


def test_tokens_notebook_runs_and_switches_language(page: Page, lab, course, artifacts):
    open_notebook(page, lab.base, TOKEN, "01_tokens_and_sentences.ipynb")
    run_all_cells(page)
    seconds = wait_until_done(page)
    print(f"01 Run All: {seconds:.1f} s (server up in {lab.startup:.1f} s)")
    assert not tracebacks(page)
    assert not widget_errors(page)
    # the tokenizer comparison shows SoMaJo's boxes, and the frequency plot is an image
    expect(page.locator(".tk-token").first).to_be_visible(timeout=30_000)
    label = page.locator(".widget-select-multiple .widget-label").first
    expect(label).to_have_text("Tokenisierer")
    page.get_by_role("button", name="English").first.click()
    expect(label).to_have_text("Tokenizers", timeout=15_000)
    expect(page.get_by_role("button", name="Check").first).to_be_visible()
    label.scroll_into_view_if_needed()
    screenshot(page, artifacts / "01_tokens_and_sentences.png")
