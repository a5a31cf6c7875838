import io
import json
import subprocess
import sys

import pytest

from toolkit.cli import main
from toolkit.corpus import ARTICLE_PATH


def run_cli(*arguments: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *arguments],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def test_cli_json_for_the_article_end_to_end():
    result = run_cli("analyse", str(ARTICLE_PATH))
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert len(data["sentences"]) == 15
    text = data["text"]
    for token in data["tokens"]:
        assert text[token["start"] : token["end"]] == token["text"]
        assert 0 <= token["sentence"] < 15
    for sentence in data["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_cli_reads_stdin_and_accepts_the_american_spelling(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Ja. Nein.")))
    assert main(["analyze", "-", "--indent", "0"]) == 0
    output = capsys.readouterr().out
    assert output.count("\n") == 1
    assert [s["text"] for s in json.loads(output)["sentences"]] == ["Ja.", "Nein."]


def test_cli_table_format(capsys, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Peskow warnte. Putin drohte.", encoding="utf-8")
    assert main(["analyse", str(path), "--format", "table"]) == 0
    output = capsys.readouterr().out
    assert "== Sätze / sentences (2) ==" in output
    assert "Putin drohte." in output
    assert "== Tokens (6) ==" in output
    assert "--format json" in output and "corpus FILE --out DIR" in output


def test_cli_table_format_fits_100_columns_for_the_article(capsys):
    assert main(["analyse", str(ARTICLE_PATH), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(map(len, lines)) <= 100
    assert not any("nan" in line.lower().split() for line in lines)
    tokens = lines[lines.index("== Tokens (339) ==") + 2].split()
    assert tokens[:5] == ["1", "1", "0", "3", "Der"]  # sentence and token count from 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The text is empty"),
        (b"   \n", "The text is empty"),
        ("Größe".encode("latin-1"), "is not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    ],
    ids=["empty", "whitespace", "latin1", "binary"],
)
def test_bad_files_give_one_clear_line(content, message, tmp_path, capsys):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert main(["analyse", str(path)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("toolkit: error: ") and message in error
    assert error.count("\n") == 1


def test_missing_path_end_to_end(tmp_path):
    result = run_cli("analyse", str(tmp_path / "fehlt.txt"))
    assert result.returncode == 1
    assert (
        result.stderr.decode().strip()
        == f"toolkit: error: File not found: {tmp_path / 'fehlt.txt'}"
    )
    assert b"Traceback" not in result.stderr


def test_ten_megabytes_of_text_are_refused_with_advice(tmp_path):
    path = tmp_path / "gross.txt"
    path.write_text("Der Kreml kritisiert Stoltenberg scharf. " * 250_000, encoding="utf-8")
    assert path.stat().st_size > 10_000_000
    result = run_cli("analyse", str(path))
    assert result.returncode == 1
    stderr = result.stderr.decode()
    assert "limit for one text is 2,000,000" in stderr and "--max-chars" in stderr
    assert "Traceback" not in stderr


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["analyse", str(ARTICLE_PATH), "--format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
