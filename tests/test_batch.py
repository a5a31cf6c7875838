"""toolkit.batch: a folder of texts analysed, tabulated and exported."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import toolkit
from toolkit.batch import (
    OVERVIEW_COLUMNS,
    analyse_corpus,
    corpus_frequencies,
    corpus_table,
    export,
    overview_frame,
)
from toolkit.errors import CorpusError, InputError


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text("Peskow warnte. Putin drohte.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Die Nato schwieg.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes("Äußerung".encode("latin-1"))
    (tmp_path / "d.txt").write_text("   ", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a text file for the batch", encoding="utf-8")
    return tmp_path


def test_bad_files_are_skipped_with_reasons(folder):
    calls = []
    result = analyse_corpus(folder, progress=lambda *args: calls.append(args))
    assert list(result.documents) == ["a", "b"]
    assert set(result.errors) == {"c", "d"}
    assert "not UTF-8" in result.errors["c"] and "empty" in result.errors["d"]
    assert calls == [(1, 4, "a"), (2, 4, "b"), (3, 4, "c"), (4, 4, "d")]
    assert "2 Texte" in result.summary() and "2 übersprungen" in result.summary()


def test_overview_counts_match_documents(folder):
    result = analyse_corpus(folder)
    overview = overview_frame(result)
    assert list(overview.columns) == OVERVIEW_COLUMNS
    for row, document in zip(overview.itertuples(), result.documents.values(), strict=True):
        assert row.tokens == len(document.tokens)
        assert row.sentences == len(document.sentences)
        assert row.finite_verbs == len(document.verbs)
        assert row.konjunktiv == sum(v.mood == "Sub" for v in document.verbs)


def test_list_of_texts_and_errors(article):
    result = analyse_corpus([article])
    assert list(result.documents) == [article.name]
    with pytest.raises(CorpusError, match="Folder not found"):
        analyse_corpus("gibt/es/nicht")
    with pytest.raises(InputError, match="folder or a list"):
        analyse_corpus([])
    with pytest.raises(InputError, match="folder or a list"):
        analyse_corpus(["plain strings are no CorpusText"])


def test_corpus_table_and_frequencies(folder):
    result = analyse_corpus(folder)
    tokens = corpus_table(result, "tokens")
    assert tokens.columns[0] == "text"
    assert tokens.groupby("text").size().to_dict() == {"a": 6, "b": 4}
    with pytest.raises(InputError, match="No table"):
        corpus_table(result, "gibtsnicht")
    freq = corpus_frequencies(result, n=3)
    assert list(freq.columns) == ["word", "count", "texts"]
    assert (freq.texts <= 2).all() and (freq["count"] >= freq.texts).all()


def test_export_writes_csv_and_json(folder, tmp_path):
    result = analyse_corpus(folder)
    written = export(result, tmp_path / "out")
    names = {path.name for path in written}
    assert {"overview.csv", "tokens.csv", "sentences.csv", "corpus.json"} <= names
    back = pd.read_csv(tmp_path / "out" / "overview.csv")
    assert back.text.tolist() == ["a", "b"]
    data = json.loads((tmp_path / "out" / "corpus.json").read_text(encoding="utf-8"))
    assert data["a"]["text"] == "Peskow warnte. Putin drohte."
    with pytest.raises(InputError, match="Unknown export format"):
        export(result, tmp_path, formats=["xlsx"])
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="Cannot write"):
        export(result, blocker / "sub")


def test_empty_result_tables():
    empty = toolkit.batch.BatchResult()
    assert overview_frame(empty).empty and corpus_table(empty).empty
