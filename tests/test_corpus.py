import json

import pytest

import toolkit
from toolkit.corpus import ARTICLE_PATH, eval_data_path, load_corpus, load_text
from toolkit.errors import CorpusError, EvaluationDataError


def test_article_is_the_seed_text_with_metadata(article):
    assert article.text.startswith("Der Kreml hat die jüngsten Äußerungen")
    assert article.text.endswith("zivile Ziele in der Ukraine angreifen.")
    metadata = article.metadata
    assert metadata["language"] == "de"
    assert metadata["genre"] == "news"
    assert metadata["date"] == "2024-09"
    assert "Stoltenberg" in metadata["topic"]


def test_article_in_corpora_is_unchanged_utf8():
    data = ARTICLE_PATH.read_bytes()
    assert data.decode("utf-8") == toolkit.load_article().text
    assert ARTICLE_PATH.parent.name == "corpora"


def test_load_text_without_metadata(tmp_path):
    (tmp_path / "eigener.txt").write_text("Mein Text.", encoding="utf-8")
    text = load_text(tmp_path / "eigener.txt")
    assert (text.name, text.text, dict(text.metadata)) == ("eigener", "Mein Text.", {})


def test_broken_metadata_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.json").write_text("{kein json", encoding="utf-8")
    with pytest.raises(CorpusError, match="not valid JSON"):
        load_text(tmp_path / "a.txt")


def test_load_corpus_reads_sorted_txt_files_only(tmp_path):
    for name in ("b.txt", "a.txt", "notizen.md"):
        (tmp_path / name).write_text(f"Inhalt von {name}.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"genre": "news"}), encoding="utf-8")
    texts = load_corpus(tmp_path)
    assert [text.name for text in texts] == ["a", "b"]
    assert texts[0].metadata["genre"] == "news"


def test_load_corpus_errors(tmp_path):
    with pytest.raises(CorpusError, match="Folder not found"):
        load_corpus(tmp_path / "fehlt")
    with pytest.raises(CorpusError, match=r"No \*.txt files"):
        load_corpus(tmp_path)


def test_eval_data_path_needs_a_path_or_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv("TOOLKIT_EVAL_DATA", raising=False)
    with pytest.raises(EvaluationDataError, match="TOOLKIT_EVAL_DATA"):
        eval_data_path()
    monkeypatch.setenv("TOOLKIT_EVAL_DATA", str(tmp_path))
    assert eval_data_path() == tmp_path
    with pytest.raises(EvaluationDataError, match="not found"):
        eval_data_path(subfolder="ud")


def test_every_package_folder_is_listed_for_the_wheel():
    import tomllib

    from tests.conftest import ROOT

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "toolkit").rglob("*")
        if path.suffix in {".py", ".txt", ".json", ".tsv"} and "__pycache__" not in path.parts
    }
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"
