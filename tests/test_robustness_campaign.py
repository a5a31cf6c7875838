"""The robustness campaign of issue 14 in the ordinary test run: generated texts through
``analyse``, the command line (in-process ``main()``) and every widget constructor.

About 2,300 inputs in all (1,300 texts; every 2nd also through the command line, every 40th
through all eleven widget constructors), from a fixed seed. The long run (20,000 texts and
more) is ``python bench/bench_robustness.py --inputs 20000``, or the slow test below.
"""

from __future__ import annotations

import os

import pytest

from tests.campaign import run_campaign


def _report(campaign) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{entry}: {text[:80]!r}: {problem}" for entry, text, problem in campaign.failures]


def test_campaign_finds_no_crash_and_no_lost_character():
    campaign = run_campaign(1_300, cli_every=2, widget_every=40)
    assert campaign.inputs >= 2_000
    assert campaign.tried["analyse"] == 1_300
    assert len([entry for entry in campaign.tried if entry.startswith("widget")]) == 11
    assert _report(campaign) == []


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("TOOLKIT_LONG_CAMPAIGN"),
    reason="the 20,000-text campaign takes about 12 minutes, more than the test run can "
    "spend: it runs on request, TOOLKIT_LONG_CAMPAIGN=1",
)
def test_long_campaign_of_20000_texts():
    campaign = run_campaign(20_000, cli_every=2, widget_every=200)
    assert campaign.inputs >= 20_000
    assert _report(campaign) == []
