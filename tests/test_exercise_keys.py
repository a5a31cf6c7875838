"""Every exercise key in every notebook against a hand-written gold key (tests/cases).

The gold file names, for each exercise a notebook builds, the notebook, the variable it is
assigned to, the text, the key and the sentences; these are checked against the notebook's
own code, so a new or changed exercise without gold fails here.
"""

import json
import re
from functools import cache
from pathlib import Path

import pytest

import toolkit
from toolkit.exercise_keys import answer_key
from toolkit.sentiment import assessed_tokens

from .conftest import CASES

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
GOLD = json.loads((CASES / "exercise_keys.json").read_text(encoding="utf-8"))
#: A notebook cell that builds an exercise: ``name = ExerciseView(`` or an exercise widget.
EXERCISE = re.compile(r"^(\w+)\s*=\s*(ExerciseView|KonjunktivExercise|SpeechExercise)\(", re.M)


def _cells(notebook: str) -> list[str]:
    cells = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]


def _exercise_cells() -> dict[tuple[str, str], str]:
    found = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for source in _cells(path.name):
            for match in EXERCISE.finditer(source):
                found[(path.name, match.group(1))] = source
    return found


def test_every_notebook_exercise_has_a_gold_key():
    cells = _exercise_cells()
    gold = {(case["notebook"], case["variable"]) for case in GOLD}
    assert len(cells) >= 15  # the notebooks build at least this many exercises
    assert set(cells) == gold


@pytest.mark.parametrize("case", GOLD, ids=[case["id"] for case in GOLD])
def test_gold_matches_the_notebook_code(case):
    source = _exercise_cells()[(case["notebook"], case["variable"])]
    widget = {"konjunktiv": "KonjunktivExercise", "speech": "SpeechExercise"}.get(case["key"])
    assert f'key="{case["key"]}"' in source or case["key"] in source or widget in source
    if case.get("own_text"):
        assert "auswahl" in source or "eigener" in source  # the student's own text: no gold
        return
    if case["sentences"] is not None:
        assert f"sentences={case['sentences']}" in source
    if case["source"] != "article" and not case["source"].startswith("beispieltexte/"):
        # the text may be split over several string literals
        assert case["source"] in "".join(re.findall(r'"([^"\n]*)"', source))
    if case["source"].startswith("beispieltexte/"):
        assert f'"{case["source"].split("/")[1]}"' in source


@cache
def _document(source: str):
    if source == "article":
        return toolkit.analyse(toolkit.load_article())
    if source.startswith("beispieltexte/"):
        from toolkit.corpus.batch import BatchResult, analyse_corpus

        collected = BatchResult.collect(analyse_corpus(str(NOTEBOOKS / "beispieltexte")))
        return collected.documents[source.split("/")[1]]
    return toolkit.analyse(source)


def _sentence_of(document, token_index: int) -> str:
    return str(document.tokens[token_index].sentence)


def _gold_cases():
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(strict=True, reason=case.get("reason", ""))]
            if case["expect"] == "fail"
            else [],
        )
        for case in GOLD
        if not case.get("own_text")
    ]


@pytest.mark.parametrize("case", _gold_cases())
def test_notebook_exercise_key_equals_the_gold_key(case):
    document = _document(case["source"])
    chosen = case["sentences"]
    if "marks" in case:
        if case["key"] == "assessed_tokens":
            marked = assessed_tokens(document, chosen)
        else:
            marked = [int(token) for token in answer_key(document, case["key"])]
        found: dict[str, list[str]] = {}
        for token in sorted(marked):
            sentence = _sentence_of(document, token)
            if chosen is None or int(sentence) in chosen:
                found.setdefault(sentence, []).append(document.tokens[token].text)
        assert found == case["marks"]
    else:
        labels = answer_key(document, case["key"])
        sentences = chosen if chosen is not None else range(len(document.sentences))
        assert {str(i): labels[str(i)] for i in sentences} == case["labels"]
