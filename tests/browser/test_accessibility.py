"""Every notebook rendered (Voilà runs all its cells), checked with axe-core in Chromium: no
serious or critical accessibility violation. A full-page screenshot of each is kept in
test-artifacts/ (voila_<notebook>.png).

axe-core comes from npm (tests/browser/package.json, installed by `make install` with
`npm ci`); without it the check is skipped, the screenshots are still taken.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ROOT
from tests.browser.lab_helpers import IMAGES_READY_JS, full_screenshot, open_voila

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
NOTEBOOKS = sorted(path.name for path in (ROOT / "notebooks").glob("*.ipynb"))
BLOCKING = ("serious", "critical")


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the notebook's cells; return the serious and critical violations.

    The context is the rendered cells (``.jp-Cell``): Voilà's own page shell (its scrolling
    box panel) is Voilà's, not the course's.
    """
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run({include: [['.jp-Cell']]}, {resultTypes: ['violations']})"
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["html"][:160] for node in violation["nodes"][:3]],
            "count": len(violation["nodes"]),
        }
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


#: Notebooks with a known violation (strict xfail: they show up the day they pass).
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN[name]))
        if name in KNOWN
        else name
        for name in NOTEBOOKS
    ],
)
def test_rendered_notebook_is_accessible(page: Page, voila, artifacts, name):
    open_voila(page, voila.base, name, ".widget-vbox, .jp-RenderedHTMLCommon")
    try:  # charts are data: URLs; give them time, but a slow one must not hide the check
        page.wait_for_function(IMAGES_READY_JS.replace(".jp-Notebook img", "img"), timeout=30_000)
    except Exception:
        print(f"{name}: not every image had loaded after 30 s")
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Error displaying widget" not in body
    assert "NaN" not in body
    full_screenshot(page, artifacts / f"voila_{Path(name).stem}.png")
    if not AXE.exists():
        pytest.skip("axe-core not installed (npm ci --prefix tests/browser)")
    violations = axe_violations(page)
    assert not violations, violations
