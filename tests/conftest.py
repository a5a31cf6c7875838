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

    ipywidgets.Widget.close_all()
