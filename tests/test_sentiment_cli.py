"""The command line: ``python -m toolkit sentiment PATH`` writes JSON lines."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.cli import main

from .conftest import ROOT


def _run(argv: list[str], stdin: bytes, monkeypatch: pytest.MonkeyPatch, capsys) -> tuple:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_one_json_object_per_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    text = "Das ist nicht gut.\n\nKein Problem :)\nDer Zug fährt.\n".encode()
    status, out, err = _run(["sentiment", "-"], text, monkeypatch, capsys)
    assert status == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 4
    assert [record["label"] for record in records] == ["negative", "neutral", "positive", "neutral"]
    assert records[0]["words"][0]["text"] == "gut"
    assert records[0]["words"][0]["modifiers"] == ["Negation 'nicht' ×-0.8"]
    assert records[1] == {"polarity": 0.0, "label": "neutral", "subjectivity": 0.0, "words": []}
    assert all(isinstance(record["polarity"], float) for record in records)


def test_file_backend_and_full_pipeline(tmp_path: Path, capsys) -> None:
    file = tmp_path / "lines.txt"
    file.write_text("Das ist gut.\nDas ist schlecht.\n", encoding="utf-8")
    assert main(["sentiment", str(file), "--backend", "textblob-de"]) == 0
    labels = [json.loads(line)["label"] for line in capsys.readouterr().out.splitlines()]
    assert labels == ["positive", "negative"]
    assert main(["sentiment", str(file), "--full"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_errors_are_one_line_and_non_zero(tmp_path: Path, monkeypatch, capsys) -> None:
    assert main(["sentiment", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("toolkit: error:") and err.count("\n") == 1
    status, out, err = _run(["sentiment", "-", "--backend", "vader"], b"gut\n", monkeypatch, capsys)
    assert status == 1 and out == "" and "Unknown sentiment backend" in err
    status, out, err = _run(
        ["sentiment", "-"], "gut\n".encode("latin-1") + b"\xe4", monkeypatch, capsys
    )
    assert status == 1 and "UTF-8" in err and err.count("\n") == 1
    long_line = ("gut " * 50 + "\n").encode()
    status, out, err = _run(
        ["sentiment", "-", "--max-chars", "20"], b"ok\n" + long_line, monkeypatch, capsys
    )
    assert status == 1 and "line 2" in err


def test_module_entry_point_reads_stdin() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "sentiment", "-"],
        input=b"zutiefst provokant\n",
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["label"] == "negative"
    assert record["words"][0]["modifiers"] == ["zutiefst ×1.8"]
