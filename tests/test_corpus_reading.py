"""Reading corpus files: encodings, sidecars, names, and what is skipped (never silently)."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.corpus import load_corpus, load_text
from toolkit.corpus.files import find_texts
from toolkit.errors import CorpusError, InputError, ToolkitError
from toolkit.inputs import decode_bytes, read_text_file, read_text_file_with_encoding

GERMAN = "„Die Straßen seien nass“, sagte der Wetterdienst – Äußerst heiß, 30 °C."


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-32", "utf-32"),
        ("cp1252", "cp1252"),
    ],
)
def test_auto_detection_reads_and_names_the_encoding(encoding, name):
    assert decode_bytes(GERMAN.encode(encoding)) == (GERMAN, name)


def test_latin1_and_mac_roman_are_read_unchanged():
    text = "Äußerung über Größe und Maß"
    assert decode_bytes(text.encode("latin-1"))[0] == text
    assert decode_bytes(GERMAN.encode("mac_roman"))[0] == GERMAN


def test_a_utf16_file_is_read_not_called_binary(tmp_path):
    path = tmp_path / "breit.txt"
    path.write_bytes(GERMAN.encode("utf-16"))
    assert read_text_file(path) == GERMAN  # even with the strict default
    assert load_text(path).text == GERMAN


def test_strict_and_named_encodings(tmp_path):
    path = tmp_path / "alt.txt"
    path.write_bytes(GERMAN.encode("cp1252"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_text_file(path)
    assert read_text_file_with_encoding(path, "cp1252") == (GERMAN, "cp1252")
    assert load_text(path, encoding="auto").text == GERMAN
    with pytest.raises(InputError, match="Unknown encoding"):
        read_text_file(path, "klingonisch")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_unreadable_file_is_a_toolkit_error(tmp_path, monkeypatch):
    path = tmp_path / "geheim.txt"
    path.write_text("x", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_bytes", refuse)  # root reads everything: simulate
    with pytest.raises(CorpusError, match=r"Cannot read .*Permission denied"):
        read_text_file(path)


@pytest.mark.parametrize("content", ["[1, 2]", "5", '"text"', "null"])
def test_a_sidecar_that_is_no_object_is_a_clear_error(tmp_path, content):
    (tmp_path / "m.txt").write_text("Text m.", encoding="utf-8")
    (tmp_path / "m.json").write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match="must hold one JSON object"):
        load_text(tmp_path / "m.txt")
    with pytest.raises(ToolkitError):
        load_corpus(tmp_path)
    files, _ = find_texts(tmp_path)
    assert files[0].problem and "JSON object" in files[0].problem


def test_a_sidecar_with_bom_is_read(tmp_path):
    (tmp_path / "m.txt").write_text("Text m.", encoding="utf-8")
    (tmp_path / "m.json").write_text('{"outlet": "taz"}', encoding="utf-8-sig")
    assert load_text(tmp_path / "m.txt").metadata["outlet"] == "taz"


def test_same_stem_in_two_folders_stays_two_documents(tmp_path):
    for folder in ("2023", "2024"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "bericht.txt").write_text(f"Bericht {folder}.", encoding="utf-8")
    files, skipped = find_texts(tmp_path)
    assert [text.name for text in files] == ["2023/bericht", "2024/bericht"]
    assert skipped == []


def test_links_loops_and_upper_case_endings_are_listed(tmp_path):
    (tmp_path / "gut.txt").write_text("Gut.", encoding="utf-8")
    (tmp_path / "GROSS.TXT").write_text("Laut.", encoding="utf-8")
    (tmp_path / "tot.txt").symlink_to(tmp_path / "fehlt.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "unter").mkdir()
    (tmp_path / "unter" / "zurueck").symlink_to(tmp_path)
    (tmp_path / ".versteckt").mkdir()
    (tmp_path / ".versteckt" / "x.txt").write_text("x", encoding="utf-8")
    files, skipped = find_texts(tmp_path)
    assert [text.name for text in files] == ["gut"]
    reasons = {entry.file: entry.reason for entry in skipped}
    assert set(reasons) == {"GROSS.TXT", "tot.txt", "a.txt", "b.txt", "unter/zurueck"}
    assert "dangling" in reasons["tot.txt"] and "loop" in reasons["a.txt"]
    assert "loop" in reasons["unter/zurueck"]


def test_metadata_csv_needs_a_file_column(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("name,outlet\na.txt,taz\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="column 'file'"):
        find_texts(tmp_path)
    (tmp_path / "metadata.csv").write_text("file,outlet\na,taz\n", encoding="utf-8")
    assert find_texts(tmp_path)[0][0].metadata == {"outlet": "taz"}


def test_one_file_as_input(tmp_path):
    (tmp_path / "einzeln.txt").write_text("Allein.", encoding="utf-8")
    files, skipped = find_texts(tmp_path / "einzeln.txt")
    assert [text.name for text in files] == ["einzeln"] and skipped == []
    assert toolkit.load_text(files[0].path).text == "Allein."


def test_metadata_rows_that_name_no_text_are_reported_not_dropped_silently(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet\na.txt,taz\nartikel_1.txt,FAZ\nartikel_2,dpa\n", encoding="utf-8"
    )
    with pytest.warns(UserWarning, match=r"names 2 file\(s\) .*: artikel_1\.txt, artikel_2"):
        files, skipped = find_texts(tmp_path)
    assert files[0].metadata == {"outlet": "taz"} and skipped == []


def test_the_command_line_shows_a_warning_as_one_line(tmp_path, capsys):
    from toolkit.cli import main

    (tmp_path / "texte").mkdir()
    (tmp_path / "texte" / "a.txt").write_text("Er sagte, es sei gut.", encoding="utf-8")
    (tmp_path / "texte" / "metadata.csv").write_text("file,outlet\nb.txt,taz\n", encoding="utf-8")
    out = tmp_path / "ergebnis"
    assert main(["corpus", str(tmp_path / "texte"), "--out", str(out), "--quiet"]) == 0
    error = capsys.readouterr().err
    assert (
        "toolkit: warning: metadata.csv names 1 file(s) that are not in its folder: b.txt" in error
    )
    assert "UserWarning" not in error and "warnings.warn" not in error


def test_the_progress_bar_shows_a_line_break_in_a_file_name_escaped(tmp_path, capsys):
    from toolkit.cli import main

    (tmp_path / "texte").mkdir()
    (tmp_path / "texte" / "zwei\nzeilen.txt").write_text("Er sagte, es sei gut.", encoding="utf-8")
    assert main(["corpus", str(tmp_path / "texte"), "--out", str(tmp_path / "aus")]) == 0
    error = capsys.readouterr().err
    assert "zwei\\x0azeilen" in error and "zwei\nzeilen" not in error
