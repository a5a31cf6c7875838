"""Every notebook in notebooks/: static rules, and executed headless (nbclient) like a student.

Marker convention (documented in notebooks/README.md), checked for every notebook:

* learning goals: a markdown cell tagged ``learning-goals`` or containing "Lernziele" /
  "Learning goals";
* exercises: at least two markdown cells tagged ``exercise`` or with a heading line that
  contains "Übung", "Aufgabe" or "Exercise";
* own text: a cell tagged ``own-text`` or markdown that mentions "eigene(n/m) Text" / "own text".

Execution runs in a copy of the notebooks folder (cwd = that copy), so relative paths behave
as for a student and files the notebooks write (exports, saved answers) stay out of the
repository. The time per notebook is printed at the end of the session and written to
test-artifacts/notebook_times.txt; it is not asserted (the machine is shared).
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))
COURSE = [
    "00_start_here",
    "01_tokens_and_sentences",
    "02_verb_mood",
    "03_reported_speech",
    "04_sentiment",
    "05_classroom_annotation",
    "06_your_corpus",
    "07_evaluation",
]
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
FORBIDDEN = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
GOALS = re.compile(r"Lernziele|Learning goals", re.I)
EXERCISE = re.compile(r"^#+ .*(Übung|Aufgabe|Exercise)", re.I | re.M)
OWN_TEXT = re.compile(r"eigene[nm]? Text|own text", re.I)
TIMES: dict[str, float] = {}


def ids(path: Path) -> str:
    return path.stem


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def test_course_is_complete():
    assert sorted(p.stem for p in NOTEBOOKS if p.stem in COURSE) == COURSE, (
        f"missing: {sorted(set(COURSE) - {p.stem for p in NOTEBOOKS})}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_valid_with_python3_kernel(path):
    nb = read(path)
    nbformat.validate(nb)
    assert {k: nb.metadata["kernelspec"].get(k) for k in KERNELSPEC} == KERNELSPEC
    # nbformat 4.5 cells have ids; without them nbformat warns now and will refuse later
    # (read as stored: nbformat.read fills missing ids in)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert all("id" in cell for cell in stored["cells"]), "cells without an id"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_stored_without_outputs(path):
    for number, cell in enumerate(read(path).cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {number} has stored outputs"
            assert cell.execution_count is None, f"cell {number} has an execution count"
    assert "widgets" not in read(path).metadata, "stored widget state"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_cells_only_call_the_package(path):
    for number, cell in enumerate(read(path).cells):
        if cell.cell_type != "code":
            continue
        where = f"{path.name} cell {number}"
        assert not re.search(r"^\s*[%!]", cell.source, re.M), f"{where}: no magics or shell"
        tree = ast.parse(cell.source, filename=where)
        for node in ast.walk(tree):
            assert not isinstance(node, FORBIDDEN), (
                f"{where}: {type(node).__name__} in a cell; put logic into toolkit/"
            )
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] == "toolkit", f"{where}: imports {name}, not toolkit"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_goals_exercises_and_own_text(path):
    cells = read(path).cells
    markdown = [cell for cell in cells if cell.cell_type == "markdown"]
    assert any("learning-goals" in tags(c) or GOALS.search(c.source) for c in markdown), (
        "no learning goals"
    )
    exercises = [c for c in markdown if "exercise" in tags(c) or EXERCISE.search(c.source)]
    assert len(exercises) >= 2, f"{len(exercises)} exercise(s); at least two wanted"
    assert any("own-text" in tags(c) for c in cells) or any(
        OWN_TEXT.search(c.source) for c in markdown
    ), "no 'try it on your own text' cell"


# -- execution ----------------------------------------------------------------------------


class _TimesReport:
    """A tiny plugin: prints the notebook times in pytest's terminal summary."""

    def pytest_terminal_summary(self, terminalreporter):
        if TIMES:
            terminalreporter.section("notebook execution times (headless, nbclient)")
            for name, seconds in sorted(TIMES.items()):
                terminalreporter.write_line(f"{name}: {seconds:.1f} s")


@pytest.fixture(scope="session")
def workdir(tmp_path_factory, request):
    """A copy of notebooks/ to run in; the times are reported at the end of the session."""
    copy = tmp_path_factory.mktemp("course") / "notebooks"
    shutil.copytree(FOLDER, copy)
    request.config.pluginmanager.register(_TimesReport(), "notebook-times")
    yield copy
    if TIMES:
        lines = [f"{name}: {seconds:.1f} s" for name, seconds in sorted(TIMES.items())]
        artifacts = ROOT / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        (artifacts / "notebook_times.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def execute(nb: nbformat.NotebookNode, folder: Path) -> float:
    started = time.perf_counter()
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return time.perf_counter() - started


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_runs_top_to_bottom(path, workdir, record_property):
    nb = read(workdir / path.name)
    seconds = execute(nb, workdir)
    TIMES[path.stem] = seconds
    record_property("seconds", round(seconds, 1))
    for number, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            text = output.get("text", "") if output.output_type == "stream" else ""
            assert "Traceback" not in text, f"cell {number} printed a traceback: {text[:500]}"


@pytest.mark.slow
def test_widgets_work_inside_the_kernel(workdir):
    """Run notebook 00 and drive its widgets from appended cells, as a student would."""
    path = workdir / "00_start_here.ipynb"
    if not path.exists():
        pytest.skip("00_start_here.ipynb not there")
    nb = read(path)
    nb.cells += [
        new_code_cell('auswahl.typed.value = "Peskow sagte, das sei gefährlich. Er ging."'),
        new_code_cell(
            "assert auswahl.source == 'typed'\n"
            "assert len(auswahl.document.sentences) == 2\n"
            "uebung1.toggles['1'].value = True\n"
            "uebung1.check_button.click()\n"
            "assert uebung1.toggles['1'].button_style in ('success', 'danger')\n"
            "sprache.buttons.value = 'en'\n"
            "assert uebung2.check_button.description == 'Check'\n"
            "assert uebung1.save()"
        ),
    ]
    execute(nb, workdir)
    saved = workdir / "uebung00_satzzeichen.json"
    assert saved.exists() and '"1": "x"' in saved.read_text(encoding="utf-8")
