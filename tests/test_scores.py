"""The figures in the README and the notebooks come from one generated file."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from toolkit.atomic import write_text_atomic
from toolkit.scores import (
    GOLD_CORPUS,
    corpus_and_part,
    figure,
    format_figure,
    load_scores,
    record_scores,
    render_markdown,
)
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
        for column in ("system", "measure"):
            if column in row and not (column == "system" and isinstance(systems, tuple)):
                assert tr(f"val_{row[column]}", "de") in shown, row[column]
        corpus, part = corpus_and_part(row["subset"])  # a heading per corpus, then its parts
        named = tr(f"val_{corpus}", "de")
        if section in GOLD_CORPUS:  # "dev" alone: the heading names UD German-GSD too
            named = f"{tr(f'val_{GOLD_CORPUS[section]}', 'de')}, {named}"
        assert f"<b>Gold-Daten: {named}</b>" in shown, corpus
        assert part is None or f"<td>{tr(f'val_{part}', 'de')}</td>" in shown, part
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


def _speech_view(tmp_path, monkeypatch):
    """A ScoresView of recorded speech rows written in the bench script's order."""
    import toolkit.widgets.course as course
    from toolkit.widgets import ScoresView

    rows = [
        {"system": f"toolkit, speech_model={model}", "subset": subset, "measure": measure,
         "P": 0.5, "R": 0.25, "F1": 0.333, "n": 10}
        for subset, measures in (
            ("Redewiedergabe dev all", ("token direct", "token indirect")),
            ("Redewiedergabe dev fiction", ("token direct", "token indirect")),
            ("WikiNews dev", ("token direct", "message")),
        )
        for model in ("rules", "model")
        for measure in measures
    ]  # fmt: skip
    file = tmp_path / "scores.json"
    record_scores("speech", rows, note="`python bench/eval_speech.py`", path=file)
    monkeypatch.setattr(course, "load_scores", lambda: load_scores(file))
    return ScoresView("speech", command="python bench/eval_speech.py")


def test_scores_view_groups_rows_by_corpus_then_measure(tmp_path, monkeypatch):
    """Notebook 03's table: a heading per corpus, a line per measure, the systems together."""
    html = _speech_view(tmp_path, monkeypatch).output.value
    # in reading order: corpus headings, measure lines and the cells part | system
    order = re.findall(
        r'<div class="tk-corpus"><b>(.*?)</b>|<tr class="tk-measure"><th[^>]*>(.*?)</th>'
        r"|<tr><td>(.*?)</td><td>(.*?)</td>",
        html,
    )
    seen = [" | ".join(part for part in found if part) for found in order]
    assert seen == [
        "Gold-Daten: Redewiedergabe, Entwicklungsteil",
        "Token direkt",
        "alle | Toolkit: Regeln",
        "alle | Toolkit: Regeln + Modell (Standard)",
        "Erzähltexte | Toolkit: Regeln",
        "Erzähltexte | Toolkit: Regeln + Modell (Standard)",
        "Token indirekt",
        "alle | Toolkit: Regeln",
        "alle | Toolkit: Regeln + Modell (Standard)",
        "Erzähltexte | Toolkit: Regeln",
        "Erzähltexte | Toolkit: Regeln + Modell (Standard)",
        "Gold-Daten: WikiNews, Entwicklungsteil",
        "Token direkt",
        "Toolkit: Regeln | 0,500",  # no parts in WikiNews: system, then the scores
        "Toolkit: Regeln + Modell (Standard) | 0,500",
        "Wiedergabe als Ganzes",
        "Toolkit: Regeln | 0,500",
        "Toolkit: Regeln + Modell (Standard) | 0,500",
    ]
    # the header of a corpus table names the columns left in its rows
    assert "<tr><th>Teil</th><th>System</th><th>P</th><th>R</th><th>F1</th><th>n</th></tr>" in html
    assert "<tr><th>System</th><th>P</th><th>R</th><th>F1</th><th>n</th></tr>" in html


def test_scores_view_explains_precision_recall_and_f1_in_both_languages(tmp_path, monkeypatch):
    from toolkit.widgets import LanguageSwitch

    view = _speech_view(tmp_path, monkeypatch)
    german = view.output.value
    explained = german.index("Anteil der gefundenen Stellen, die stimmen")
    assert explained < german.index("<table")  # read before the table
    assert "R (Recall): der Anteil der richtigen Stellen, die gefunden wurden" in german
    assert "F1: das harmonische Mittel aus P und R" in german
    assert "share of the places found" not in german
    LanguageSwitch(view).language = "en"
    english = view.output.value
    assert "P (precision): the share of the places found that are right" in english
    assert "R (recall): the share of the right places that were found" in english
    assert "F1: the harmonic mean of P and R" in english
    assert "Gold data: WikiNews dev" in english and "<td>fiction</td>" in english
    assert "Anteil" not in english and "Gold-Daten" not in english


def test_a_table_without_precision_and_recall_explains_only_f1():
    """Sentiment records macro-F1 only (notebook 04): no words on columns it does not show."""
    from toolkit.widgets import ScoresView

    view = ScoresView("sentiment", systems="")
    if not view.rows:
        pytest.skip("no sentiment scores recorded")
    shown = view.output.value
    # F1 is explained on its own, not as "the mean of P and R" that the table never shows
    assert "Makro-F1 ist der Mittelwert über die Klassen" in shown
    assert "harmonische Mittel" not in shown
    assert "Precision" not in shown and "Recall" not in shown
    assert "Zitate, die das System gefunden hat" not in shown  # no speaker rows here


def test_speaker_rows_say_why_their_n_differs_between_systems(tmp_path, monkeypatch):
    """Notebook 03: speaker rows showed n 498 / 507 under 'n: so many gold places'."""
    from toolkit.widgets import LanguageSwitch, ScoresView

    shipped = ScoresView("speech")  # the recorded scores hold speaker rows
    assert any(str(row["measure"]).startswith("speaker") for row in shipped.rows)
    assert "deshalb ist n dort je System verschieden" in shipped.output.value
    LanguageSwitch(shipped).language = "en"
    assert "so n differs between systems there" in shipped.output.value
    without = _speech_view(tmp_path, monkeypatch)  # token and message rows only
    assert "je System verschieden" not in without.output.value


def test_the_mood_table_names_its_corpus_and_explains_each_variant():
    """Notebook 02: each heading names UD German-GSD; a sentence says what a variant holds."""
    from toolkit.widgets import LanguageSwitch, ScoresView

    view = ScoresView("mood", systems=("toolkit mood",))
    if not view.rows:
        pytest.skip("no mood scores recorded")
    german = view.output.value
    headings = re.findall(r'<div class="tk-corpus"><b>(.*?)</b></div>', german)
    assert headings == [
        "Gold-Daten: UD German-GSD, Entwicklungsteil",
        "Gold-Daten: UD German-GSD, Entwicklungsteil, an TIGER angeglichen",
        "Gold-Daten: UD German-GSD, Entwicklungsteil, Gold passt zur Form",
    ]
    # under the heading of each variant (not under the whole of dev): what it holds
    abouts = re.findall(r'</b></div><div class="tk-about">(.*?)</div>', german)
    assert abouts == [
        "An TIGER angeglichen: nur die Nachrichtensätze, deren Merkmale (auch der Modus) von "
        "Hand annotiert sind – übernommen aus der TIGER-Baumbank; die übrigen Sätze wurden "
        "automatisch annotiert.",
        "Gold passt zur Form: der ganze Entwicklungsteil ohne die Verben, deren Gold-Modus die "
        "Form gar nicht haben kann (etwa „habe“ als Konjunktiv II, ein Fehler der "
        "automatischen Annotation).",
    ]
    LanguageSwitch(view).language = "en"
    english = view.output.value
    assert re.findall(r'<div class="tk-corpus"><b>(.*?)</b></div>', english) == [
        "Gold data: UD German-GSD, dev",
        "Gold data: UD German-GSD, dev TIGER-aligned",
        "Gold data: UD German-GSD, dev, gold fits form",
    ]
    assert "TIGER-aligned: only the news sentences whose features (mood included)" in english
    assert "Gold fits form: all of dev without the verbs whose gold mood" in english
    assert "Entwicklungsteil" not in english and "Nachrichtensätze" not in english


def test_a_corpus_named_by_its_subsets_gets_no_second_name(tmp_path, monkeypatch):
    """Speech subsets name their corpus ("WikiNews dev"): no UD German-GSD in front."""
    html = _speech_view(tmp_path, monkeypatch).output.value
    assert "UD German-GSD" not in html and "TIGER" not in html  # nor the mood notes


def test_speech_tables_explain_their_parts_and_the_message_rows():
    """Notebook 03: 'alle' did not add up with 'Nachrichten', and two WikiNews rows had one n."""
    from toolkit.widgets import LanguageSwitch, ScoresView

    view = ScoresView("speech")
    german = view.output.value
    assert german.index("Gold-Daten: Redewiedergabe") < german.index("„Nachrichten“ sind die")
    assert "der Gold-Standard und damit n bleiben gleich" in german
    LanguageSwitch(view).language = "en"
    assert "“news” are the newspaper reports among them" in view.output.value
