"""``python -m toolkit corpus INPUT --out DIR``: the contract users and scripts rely on."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import conllu
import pandas as pd
import pytest

import toolkit.corpus.schedulers as schedulers
from toolkit.cli import main
from toolkit.corpus.batch import analyse_corpus, export_corpus
from toolkit.corpus.export import CorpusExport

WETTER = "Der Wetterdienst sagte, die Straßen seien nass – „sehr gefährlich“. Äußerst heiß."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("korpus")
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    (folder / "a" / "meldung.txt").write_text(
        "Peskow warnte, dies sei gefährlich.\n\nEr sagte: „Nein.“", encoding="utf-8"
    )
    (folder / "b" / "meldung.txt").write_text(
        "Der Deutsche Wetterdienst warnte, es werde heiß.", encoding="utf-8"
    )
    (folder / "alt.txt").write_bytes(WETTER.encode("cp1252"))
    (folder / "breit.txt").write_bytes("„Ja“, sagte Putin.".encode("utf-16"))
    (folder / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "leer.txt").write_text("  \n", encoding="utf-8")
    (folder / "GROSS.TXT").write_text("Laut.", encoding="utf-8")
    (folder / "m.txt").write_text("Text m.", encoding="utf-8")
    (folder / "m.json").write_text("[1, 2]", encoding="utf-8")
    (folder / "tot.txt").symlink_to(folder / "gibt-es-nicht.txt")
    (folder / "a" / "schleife").symlink_to(folder)
    (folder / "metadata.csv").write_text(
        "file,date,outlet\nalt.txt,2024-01-02,taz\nbreit.txt,2024-01-03,FAZ\n", encoding="utf-8"
    )
    (folder / "b" / "meldung.json").write_text('{"outlet": "dpa"}', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def output(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ergebnis")
    arguments = ["corpus", str(corpus), "--out", str(out), "--format", "csv,jsonl,conllu"]
    assert main([*arguments, "--workers", "1", "--quiet"]) == 0
    return out


def read(out: Path, table: str) -> pd.DataFrame:
    # keep_default_na=False: a token "NA" or an empty cue stays a string
    return pd.read_csv(out / f"{table}.csv", keep_default_na=False, na_values=[""])


def texts(out: Path) -> dict[str, str]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["metadata"]["document"]: record["text"] for record in map(json.loads, lines)}


def test_documents_are_named_by_relative_path_with_metadata_and_encoding(output):
    documents = read(output, "documents").set_index("document")
    assert sorted(documents.index) == ["a/meldung", "alt", "b/meldung", "breit"]
    assert documents.loc["alt", "encoding"] == "cp1252"
    assert documents.loc["breit", "encoding"] == "utf-16"
    assert documents.loc["a/meldung", "encoding"] == "utf-8"
    assert documents.loc["alt", "outlet"] == "taz" and documents.loc["alt", "date"] == "2024-01-02"
    assert documents.loc["b/meldung", "outlet"] == "dpa"  # from the sidecar
    assert texts(output)["alt"] == WETTER  # decoded, nothing changed
    tokens = read(output, "tokens")
    for name, row in documents.iterrows():
        assert row["tokens"] == (tokens.document == name).sum()
        assert row["konjunktiv_per_1000"] == round(1000 * row["konjunktiv"] / row["tokens"], 2)


def test_text_is_kept_in_every_table(output):
    originals = texts(output)
    for table in ("sentences", "tokens", "speech"):
        frame = read(output, table)
        assert len(frame), table
        for row in frame.itertuples():
            assert originals[row.document][row.start : row.end] == row.text, (table, row)
    speech = read(output, "speech")
    assert "dies sei gefährlich." in speech.text.tolist()


def test_sentences_and_tokens_are_numbered_from_one(output):
    sentences = read(output, "sentences")
    assert sentences.groupby("document").sentence.min().eq(1).all()
    tokens = read(output, "tokens")
    first = tokens.groupby(["document", "sentence"]).token.min()
    assert first.eq(1).all()
    counts = tokens.groupby(["document", "sentence"]).token.agg(["max", "count"])
    assert (counts["max"] == counts["count"]).all()
    assert read(output, "speech").sentence.min() == 1


def test_conllu_parses_and_agrees_with_the_tokens(output):
    tokens = read(output, "tokens")
    files = sorted((output / "conllu").rglob("*.conllu"))
    assert [f.relative_to(output / "conllu").as_posix() for f in files] == [
        "a/meldung.conllu",
        "alt.conllu",
        "b/meldung.conllu",
        "breit.conllu",
    ]
    for file in files:
        name = file.relative_to(output / "conllu").as_posix()[: -len(".conllu")]
        text = file.read_text(encoding="utf-8")
        assert text.startswith("# global.columns = ID FORM LEMMA UPOS XPOS FEATS")
        sentences = conllu.parse(text)
        rows = tokens[tokens.document == name]
        parsed = [token for sentence in sentences for token in sentence]
        assert len(parsed) == len(rows)
        assert [t["form"] for t in parsed] == rows.text.tolist()
        assert {t["toolkit:speech"][:2] for t in parsed} <= {"O", "B-", "I-"}
        for token, row in zip(parsed, rows.itertuples(), strict=True):
            assert token["misc"]["TokenRange"] == f"{row.start}:{row.end}"
    konjunktiv = conllu.parse((output / "conllu" / "a" / "meldung.conllu").read_text("utf-8"))
    sei = next(token for token in konjunktiv[0] if token["form"] == "sei")
    assert sei["feats"]["Mood"] == "Sub" and sei["toolkit:speaker"] == "Peskow"


def test_bad_files_are_listed_in_errors(output):
    errors = dict(csv.reader((output / "errors.csv").open(encoding="utf-8")))
    assert errors.pop("file") == "reason"
    assert set(errors) == {"bild.txt", "leer.txt", "GROSS.TXT", "m.txt", "tot.txt", "a/schleife"}
    assert "binary" in errors["bild.txt"] and "empty" in errors["leer.txt"]
    assert "JSON object" in errors["m.txt"] and "dangling" in errors["tot.txt"]
    assert "loop" in errors["a/schleife"] and ".txt" in errors["GROSS.TXT"]


def test_speakers_are_merged_across_documents(output):
    speakers = read(output, "speakers").set_index("speaker")
    wetter = speakers.loc["Deutscher Wetterdienst"]
    assert wetter["documents"] == 2 and set(wetter["names"].split("; ")) == {
        "Deutscher Wetterdienst",
        "Wetterdienst",
    }
    assert wetter["instances"] == wetter["direct"] + wetter["indirect"] + wetter["reported"]


def test_a_complete_run_is_marked_and_leaves_no_temporary_file(output):
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["documents"] == 4 and manifest["errors"] == 6
    assert all((output / name).is_file() for name in manifest["files"])
    assert not (output / "INCOMPLETE.txt").exists()
    assert not [path for path in output.rglob("*.tmp")]


def tables(out: Path) -> dict[str, bytes]:
    names = ["documents", "sentences", "tokens", "speech", "speakers", "errors"]
    return {name: (out / f"{name}.csv").read_bytes() for name in names}


def test_interrupted_run_leaves_no_half_file_and_resume_finishes(corpus, output, tmp_path):
    out = tmp_path / "out"
    assert main(["corpus", str(corpus), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    before = tables(out)
    added = []
    original = CorpusExport.add

    def add_then_interrupt(self, result, fingerprint):
        if len(added) == 2:
            raise KeyboardInterrupt  # what Ctrl+C does in the middle of the run
        added.append(result.name)
        original(self, result, fingerprint)

    CorpusExport.add = add_then_interrupt
    try:
        status = main(["corpus", str(corpus), "--out", str(out), "--workers", "1", "--quiet"])
    finally:
        CorpusExport.add = original
    assert status == 130
    assert not (out / "manifest.json").exists() and (out / "INCOMPLETE.txt").exists()
    assert tables(out) == before  # every table is the complete old one, none is half
    assert not [path for path in out.rglob("*.tmp")]

    changed = corpus / "a" / "meldung.txt"  # edited after it was analysed: analysed again
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    assert added[0] == "a/meldung"
    analysed = []
    real = schedulers.analyse_job

    def counting(job):
        analysed.append(job.name)
        return real(job)

    schedulers.analyse_job = counting
    try:
        arguments = ["corpus", str(corpus), "--out", str(out), "--resume", "--quiet"]
        assert main([*arguments, "--workers", "1"]) == 0
    finally:
        schedulers.analyse_job = real
    assert len(analysed) == 7 - len(added) + 1 and set(analysed) & set(added) == {"a/meldung"}
    assert (out / "manifest.json").exists() and not (out / "INCOMPLETE.txt").exists()
    assert tables(out) == tables(output)


def test_parallel_and_dask_runs_give_the_same_tables(corpus, output, tmp_path):
    distributed = pytest.importorskip("distributed")
    export_corpus(corpus, tmp_path / "pool", workers=2)
    assert tables(tmp_path / "pool") == tables(output)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        export_corpus(
            corpus, tmp_path / "dask", scheduler="dask", dask_address=cluster.scheduler_address
        )
    assert tables(tmp_path / "dask") == tables(output)


def test_analyse_corpus_streams_results_in_name_order(corpus):
    stream = analyse_corpus(corpus)
    assert isinstance(stream, types.GeneratorType)
    first = next(stream)  # skipped files are known first
    assert first.error and first.document is None
    rest = list(stream)
    analysed = [result for result in rest if result.ok]
    assert [result.name for result in analysed] == ["a/meldung", "alt", "b/meldung", "breit"]
    assert all(result.document is not None for result in analysed)
    assert analysed[1].encoding == "cp1252" and analysed[1].document.text == WETTER


def test_usage_errors_are_one_clear_line(corpus, tmp_path, capsys):
    assert main(["corpus", str(tmp_path / "fehlt"), "--out", str(tmp_path / "o")]) == 1
    assert "Folder not found" in capsys.readouterr().err
    blocker = tmp_path / "datei"
    blocker.write_text("x", encoding="utf-8")
    assert main(["corpus", str(corpus), "--out", str(blocker), "--quiet"]) == 1
    assert "not a folder" in capsys.readouterr().err
    for bad in (["--format", "xlsx"], ["--workers", "0"], ["--encoding", "klingonisch"]):
        status = main(["corpus", str(corpus), "--out", str(tmp_path / "o"), *bad, "--quiet"])
        error = capsys.readouterr().err
        if bad[0] == "--encoding":  # an unknown codec fails per file, into errors.csv
            assert status == 0
            reasons = (tmp_path / "o" / "errors.csv").read_text(encoding="utf-8")
            assert "Unknown encoding 'klingonisch'" in reasons
        else:
            assert status == 1 and error.startswith("toolkit: error: "), error
            assert not (tmp_path / "o").exists()  # nothing written before the check
    # the one-text table is a format people try on a folder: the error says where it is
    assert main(["corpus", str(corpus), "--out", str(tmp_path / "o"), "--format", "table"]) == 1
    error = capsys.readouterr().err
    assert "python -m toolkit analyse FILE --format table" in error
    assert "Unbekanntes Format 'table'" in error and error.startswith("toolkit: error: "), error


def test_sigint_in_a_real_process_leaves_a_marked_incomplete_set(corpus, output, tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "corpus", str(corpus), "--out", str(out)],
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    parts = out / ".toolkit-parts"
    import time

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(parts.glob("*.part")):
        time.sleep(0.05)
    process.send_signal(2)  # SIGINT, as Ctrl+C
    _, stderr = process.communicate(timeout=60)
    if (out / "manifest.json").exists():  # the run was faster than the signal: complete
        # the signal came after the tables, while Python shut down (returncode -SIGINT)
        assert process.returncode in (0, -2), stderr.decode()
        assert not (out / "INCOMPLETE.txt").exists()
        return
    assert process.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    assert (out / "INCOMPLETE.txt").exists() and not (out / "manifest.json").exists()
    assert not [path for path in out.rglob("*.tmp")]
    assert main(["corpus", str(corpus), "--out", str(out), "--resume", "--quiet"]) == 0
    assert tables(out) == tables(output)


def test_the_command_starts_its_workers_without_loading_pandas(corpus, tmp_path):
    # pandas takes about 0.4 s to import: loaded before the pool forks, it delays every
    # worker's start (bench/bench_corpus.py, workers); the tables are plain csv
    code = (
        "import sys\nfrom toolkit.cli import main\n"
        "status = main(sys.argv[1:])\nprint('pandas' in sys.modules)\nsys.exit(status)\n"
    )
    out = tmp_path / "out"
    finished = subprocess.run(
        [sys.executable, "-c", code, "corpus", str(corpus), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.split()[-1] == "False"
    assert "Deutscher Wetterdienst" in (out / "speakers.csv").read_text(encoding="utf-8")
