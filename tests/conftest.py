"""Shared fixtures: the analysed article, and the evaluation data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit
from toolkit.corpus import eval_data_path
from toolkit.errors import EvaluationDataError

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def article() -> toolkit.CorpusText:
    return toolkit.load_article()


@pytest.fixture(scope="session")
def article_doc(article: toolkit.CorpusText) -> toolkit.Document:
    return toolkit.analyse(article)


@pytest.fixture(scope="session")
def eval_data() -> Path:
    """The shared evaluation data folder ($TOOLKIT_EVAL_DATA); the test skips without it."""
    try:
        return eval_data_path()
    except EvaluationDataError as error:
        pytest.skip(str(error))


@pytest.fixture(autouse=True)
def _close_widgets():
    """Close the widgets a test made, as a kernel does when a notebook is closed: closed
    widgets stop following the notebook-wide language (and later tests do not relabel them)."""
    yield
    import ipywidgets

    from toolkit.widgets.base import LANGUAGE

    ipywidgets.Widget.close_all()
    LANGUAGE.value = "de"  # a test that switched to English must not switch the next one


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    """Stop when ``--dist=loadgroup`` did not group the browser tests on one worker.

    pytest 9.2's structured node ids silently undo pytest-xdist 3.8's grouping
    (pytest-xdist#1386): the browser tests then run on two workers at once, two JupyterLabs
    and two Chromiums on two cores, and Run All times out now and then.
    """
    if node.config.getvalue("dist") != "loadgroup":
        return
    loose = [i for i in ids if i.startswith("tests/browser/") and not i.endswith("@browser")]
    if loose:
        pytest.exit(
            f"--dist=loadgroup did not group {len(loose)} browser tests on one worker "
            f"({loose[0]}; pytest-xdist#1386): install the pytest pin of the test extra",
            returncode=4,
        )
