"""User text with <script> and <img onerror> is shown as plain text and runs nothing.

A throwaway notebook is written into the served copy of notebooks/; it shows the text in a
toolkit widget. The page must show the literal characters in the widget output, open no
dialog, set no flag, and request no image.
"""

from __future__ import annotations

import importlib.util

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from playwright.sync_api import Page, expect

from tests.browser.conftest import TOKEN
from tests.browser.lab_helpers import (
    open_notebook,
    run_all_cells,
    screenshot,
    tracebacks,
    wait_until_done,
)

pytestmark = pytest.mark.browser

PAYLOAD = (
    "Peskow sagte: \"<script>window.__xss = 1; console.log('xss-ran'); alert(1)</script> ist "
    'gefährlich." Er warnte, das Bild <img src=x onerror="window.__xss = 2; '
    "console.log('xss-ran'); alert(2)\"> sei gefälscht."
)
SETUP = f"import toolkit\nTEXT = {PAYLOAD!r}\ndoc = toolkit.analyse(TEXT)"
#: case -> (module that must exist, cell showing the text, literal snippets that must show)
CASES = {
    "speech_highlighter": (
        "toolkit.widgets.speech",
        "from toolkit.widgets.speech import SpeechHighlighter\nSpeechHighlighter(doc)",
        ["<script>", "onerror="],
    ),
    "exercise_solution": (
        "toolkit.widgets.exercise",
        "from toolkit.widgets import Exercise, ExerciseView\n"
        "view = ExerciseView(Exercise.label_sentences(doc, key='speech', title=TEXT[:40]))\n"
        "view.show_solution()\nview",
        ["<script>", "onerror="],
    ),
    "text_picker": (
        "toolkit.widgets.text_picker",
        "from toolkit.widgets import TextPicker\nTextPicker(TEXT)",
        ["<script>"],  # the status line shows the first 80 characters
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_markup_in_user_text_is_inert(case, page: Page, lab, course, artifacts):
    module, cell, snippets = CASES[case]
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} does not exist yet")
    name = f"escaping_{case}.ipynb"
    notebook = new_notebook(cells=[new_code_cell(SETUP), new_code_cell(cell)])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nbformat.write(notebook, course / name)
    dialogs, image_requests, console = [], [], []
    page.on("console", lambda message: console.append(message.text))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda r: image_requests.append(r.url) if r.url.endswith("/x") else None)
    open_notebook(page, lab.base, TOKEN, name)
    run_all_cells(page)
    wait_until_done(page)
    assert not tracebacks(page)
    output = page.locator(".jp-OutputArea-output").last
    # the literal characters are visible in the widget's output ...
    for snippet in snippets:
        expect(output.get_by_text(snippet, exact=False).first).to_be_visible(timeout=30_000)
    # ... and nothing ran: no element was created, no dialog, no flag, no image request
    assert output.locator("script, img[src='x']").count() == 0
    page.wait_for_timeout(1_000)
    assert page.evaluate("window.__xss") is None
    assert dialogs == [] and image_requests == []
    assert not [text for text in console if "xss-ran" in text]
    if case == "text_picker":  # the text box fills its line without sticking out to the right
        box, area = output.locator("textarea").bounding_box(), output.bounding_box()
        assert box["x"] + box["width"] <= area["x"] + area["width"], (box, area)
    screenshot(page, artifacts / f"escaping_{case}.png")
