"""The figures in the README and the notebooks come from one generated file."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from toolkit.atomic import write_text_atomic
from toolkit.scores import figure, format_figure, load_scores, record_scores, render_markdown
from toolkit.translate import LABELS, number

ROOT = Path(__file__).resolve().parent.parent


def _update_readme_module():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "bench/update_readme.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


def test_readme_table_is_rendered_from_scores_json():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _update_readme_module().rendered(readme) == readme, (
        "README figures differ from toolkit/data/scores.json: run python bench/update_readme.py"
    )


def test_every_section_of_the_shipped_file_has_rows_and_a_date():
    scores = load_scores()
    assert {"tokens", "mood"} <= set(scores)
    for section, record in scores.items():
        assert record["rows"], section
        assert len(record["measured"]) == 10, section


def test_record_replaces_one_section_and_keeps_the_others(tmp_path):
    file = tmp_path / "scores.json"
    record_scores("a", [{"system": "toolkit", "measure": "F1", "F1": 0.5}], path=file)
    record_scores("b", [{"system": "toolkit", "measure": "F1", "F1": 0.7}], path=file)
    record_scores("a", [{"system": "toolkit", "measure": "F1", "F1": float("nan")}], path=file)
    data = json.loads(file.read_text(encoding="utf-8"))
    assert set(data) == {"a", "b"}
    assert figure("a", measure="F1", path=file) is None  # NaN is stored as a missing value
    assert figure("b", measure="F1", path=file) == 0.7
    record_scores(
        "c", [{"system": "toolkit", "F1": 0.5}, {"system": "toolkit x", "F1": None}], path=file
    )
    table = render_markdown(load_scores(file))
    assert "| toolkit x | – |" in table
    assert "nan" not in table.lower()


def test_a_failed_record_leaves_the_old_file(tmp_path, monkeypatch):
    file = tmp_path / "scores.json"
    record_scores("a", [{"system": "toolkit", "F1": 0.5}], path=file)
    before = file.read_bytes()

    def full_disk(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(Exception, match="unverändert"):
        record_scores("a", [{"system": "toolkit", "F1": 0.9}], path=file)
    assert file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["scores.json"]  # no temporary file left


def test_ambiguous_selection_is_an_error(tmp_path):
    file = tmp_path / "scores.json"
    rows = [{"system": "toolkit", "subset": s, "F1": 0.1} for s in ("news", "all")]
    record_scores("x", rows, path=file)
    with pytest.raises(Exception, match="rows of 'x' match"):
        figure("x", system="toolkit", path=file)
    assert figure("x", system="toolkit", subset="news", path=file) == 0.1


def test_german_and_english_number_formats():
    assert format_figure(0.95237) == "0,952"
    assert format_figure(0.95237, "en") == "0.952"
    assert format_figure(2218.0, digits=0) == "2.218"
    assert format_figure(None, "en") == "–"


def test_write_text_atomic_keeps_permissions(tmp_path):
    file = tmp_path / "antworten.json"
    file.write_text("alt", encoding="utf-8")
    file.chmod(0o640)
    write_text_atomic(file, "neu")
    assert file.read_text(encoding="utf-8") == "neu"
    assert file.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("section", "systems"),
    [("speech", "toolkit"), ("mood", ("toolkit mood",)), ("sentiment", "")],
)  # the ScoresView calls of notebooks 02, 03 and 04
def test_recorded_scores_read_german_in_the_notebooks(section, systems):
    from toolkit.translate import tr
    from toolkit.widgets import ScoresView

    view = ScoresView(section, systems=systems)
    if not view.rows:
        pytest.skip(f"no {section} scores recorded")
    shown = view.output.value
    for row in view.rows:
        for column in ("system", "subset", "measure"):
            if column in row and not (column == "system" and isinstance(systems, tuple)):
                assert tr(f"val_{row[column]}", "de") in shown, row[column]
        if row.get("n") is not None:  # a count, as a count: "6.476", never "6.476,0"
            assert f">{number(round(row['n']), 'de')}<" in shown
            assert f">{number(float(row['n']), 'de')}<" not in shown
        if row.get("F1") is not None:  # scores with three decimals, one column alike
            assert f">{number(row['F1'], 'de', fixed=True)}<" in shown
    # the date of the measurement the German way ("4. Dezember 2026"), not "2026-12-04"
    assert re.search(r"Gemessen am \d{1,2}\. [A-ZÄ][a-zä]+ \d{4} ", shown), shown[-300:]


def test_every_recorded_system_subset_and_measure_reads_german():
    """The evaluation notebook shows every row: a new name needs its German wording."""
    import toolkit.widgets  # noqa: F401  (the widgets register their labels)

    names = {
        row[key]
        for section in load_scores().values()
        if isinstance(section, dict)
        for row in section.get("rows", [])
        for key in ("system", "subset", "measure")
        if key in row
    }
    missing = sorted(name for name in names if f"val_{name}" not in LABELS)
    assert not missing, missing
