"""The tagger's analyses kept on disk between processes (toolkit.tagging.disk_memo)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3

import pytest
from HanTa.HanoverTagger import HanoverTagger

import toolkit
from toolkit.tagging import MODEL
from toolkit.tagging.disk_memo import DiskMemo
from toolkit.tagging.hanta import FastHanoverTagger
from toolkit.tokens import tokenise

TEXT = toolkit.load_article().text + " Wäre das Wetter besser gewesen, hätten wir gewonnen."


def sentences(text: str) -> list[list[str]]:
    found: dict[int, list[str]] = {}
    for token in tokenise(text):
        found.setdefault(token.sentence, []).append(token.text)
    return list(found.values())


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TOOLKIT_TAGGER_MEMO", raising=False)
    return tmp_path


def stored(tagger: FastHanoverTagger) -> dict[str, int]:
    assert tagger.disk.path is not None
    with sqlite3.connect(tagger.disk.path) as connection:
        return dict(connection.execute("SELECT kind, count(*) FROM memo GROUP BY kind"))


def test_a_new_process_reads_the_analyses_back_and_tags_exactly_as_plain_hanta(cache, monkeypatch):
    words = sentences(TEXT)
    first = FastHanoverTagger(MODEL)
    worked_out = [first.tag_sent(sentence) for sentence in words]
    first.disk.flush()
    assert stored(first)["forward"] > 20 and stored(first)["lemma"] > 100
    # a new process: empty memos in memory; nothing may be worked out again
    second = FastHanoverTagger(MODEL)
    assert second.disk.path == first.disk.path

    def not_again(*_args: object) -> None:
        raise AssertionError("worked out again instead of read from disk")

    monkeypatch.setattr(FastHanoverTagger, "_analyze_forward", not_again)
    monkeypatch.setattr(HanoverTagger, "_analyze", not_again)
    read_back = [second.tag_sent(sentence) for sentence in words]
    monkeypatch.undo()
    plain = HanoverTagger(MODEL)
    assert read_back == worked_out == [plain.tag_sent(sentence) for sentence in words]


def test_the_pipeline_gives_the_same_document_with_and_without_the_memo(cache, monkeypatch):
    from toolkit import tagging

    with_memo = toolkit.analyse(TEXT).to_dict()
    monkeypatch.setenv("TOOLKIT_TAGGER_MEMO", "0")
    fresh = FastHanoverTagger(MODEL)
    assert fresh.disk.path is None  # switched off
    monkeypatch.setattr(tagging, "hanover_tagger", lambda: fresh)
    assert toolkit.analyse(TEXT).to_dict() == with_memo


def test_a_damaged_memo_file_is_set_aside_and_tagging_goes_on(cache):
    tagger = FastHanoverTagger(MODEL)
    assert tagger.disk.path is not None
    path = tagger.disk.path
    path.write_bytes(b"this is no SQLite file " * 100)
    damaged = FastHanoverTagger(MODEL)
    assert damaged.tag_sent(["Er", "sagte", "es", "."])[1][1] == "sagen"
    damaged.disk.flush()
    assert damaged.disk.path is None  # off for this process
    assert not path.exists() and path.with_suffix(".damaged").exists()
    # the next process starts a new file
    assert FastHanoverTagger(MODEL).tag_sent(["Sie", "ging", "."])[1][1] == "gehen"


def test_a_cache_folder_that_cannot_be_made_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(blocker / "cache"))  # root cannot make it either
    tagger = FastHanoverTagger(MODEL)
    assert tagger.tag_sent(["Peskow", "warnte", "."])[1][1] == "warnen"
    tagger.disk.flush()
    assert tagger.disk.path is None


def _child(path: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    memo = SHARED[0]  # the parent's object, with the parent's open connection
    queue.put(memo.get("forward", "Kreml"))
    memo.put("forward", "Peskow", "[[1, -2.0]]")
    memo.flush()
    queue.put(memo._pid == os.getpid())  # its own connection, not the one inherited


SHARED: list[DiskMemo] = []


def test_a_forked_worker_opens_its_own_connection_and_shares_the_file(tmp_path):
    memo = DiskMemo(tmp_path / "tagger.sqlite")
    memo.put("forward", "Kreml", "[[20, -9.5]]")
    memo.flush()  # the parent's connection is open now
    SHARED[:] = [memo]
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_child, args=(str(memo.path), queue))
    worker.start()
    worker.join(timeout=30)
    assert worker.exitcode == 0
    assert queue.get(timeout=5) == "[[20, -9.5]]"
    assert queue.get(timeout=5) is True
    assert memo.get("forward", "Peskow") == "[[1, -2.0]]"  # written by the worker


def test_a_full_memo_file_is_still_read_but_no_longer_grows(tmp_path, monkeypatch):
    from toolkit.tagging import disk_memo

    memo = DiskMemo(tmp_path / "tagger.sqlite")
    memo.put("forward", "Kreml", "[[20, -9.5]]")
    memo.flush()
    monkeypatch.setattr(disk_memo, "MAX_BYTES", memo.path.stat().st_size)
    memo.put("forward", "Peskow", "[[1, -2.0]]")
    memo.flush()
    assert memo.get("forward", "Kreml") == "[[20, -9.5]]"
    assert memo.get("forward", "Peskow") is None


def test_other_tagger_code_reads_no_analyses_of_this_code(cache, monkeypatch):
    from toolkit.tagging import hanta

    here = FastHanoverTagger(MODEL)
    monkeypatch.setattr(hanta, "_source_digest", lambda: "another-version")
    other = FastHanoverTagger(MODEL)
    assert here.disk.path is not None and other.disk.path is not None
    assert here.disk.path != other.disk.path
