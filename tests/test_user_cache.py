"""The user cache folder: derived tables survive processes, never go stale, never break a run."""

from __future__ import annotations

import os
import stat

import pytest

from toolkit.speech import given_names
from toolkit.user_cache import cache_folder, cached_json


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_table_is_derived_once_and_read_back(folder):
    calls = []

    def derive():
        calls.append(1)
        return {"Angela": "f", "Jens": "m"}

    assert cached_json("namen", "1", derive) == {"Angela": "f", "Jens": "m"}
    assert cached_json("namen", "1", derive) == {"Angela": "f", "Jens": "m"}
    assert len(calls) == 1
    assert cached_json("namen", "2", derive) == {"Angela": "f", "Jens": "m"}
    assert len(calls) == 2, "another fingerprint must derive the table again"
    assert len(list(folder.glob("namen-*.json"))) == 2
    assert not list(folder.glob("*.tmp")), "writes go through a temporary file"


def test_a_cut_short_file_is_derived_again(folder):
    cached_json("namen", "1", lambda: {"Angela": "f"})
    (stored,) = folder.glob("namen-*.json")
    stored.write_text('{"Angela": "f', encoding="utf-8")  # a crash in an older version
    assert cached_json("namen", "1", lambda: {"Angela": "f"}) == {"Angela": "f"}
    assert stored.read_text(encoding="utf-8") == '{"Angela":"f"}'


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_costs_only_time(folder):
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert cached_json("namen", "1", lambda: {"Jens": "m"}) == {"Jens": "m"}
        assert not list(folder.iterdir())
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_folder_that_cannot_be_made_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(blocker / "cache"))
    assert cache_folder() == blocker / "cache"
    assert cached_json("namen", "1", lambda: {"Jens": "m"}) == {"Jens": "m"}


def test_the_folder_follows_xdg_when_not_chosen(tmp_path, monkeypatch):
    monkeypatch.delenv("TOOLKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "toolkit"


def test_given_names_from_the_cache_answer_as_gender_guesser_does(folder):
    import gender_guesser.detector

    given_names._genders.cache_clear()
    try:
        derived = given_names._genders()
        given_names._genders.cache_clear()
        assert given_names._genders() == derived
        assert len(list(folder.glob("given-names-*.json"))) == 1
    finally:
        given_names._genders.cache_clear()
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    for name in [*list(detector.names)[::97], "merkel", "angela", "sepp", "andrea"]:
        expected = given_names._GENDERS.get(detector.get_gender(name))
        assert derived.get(name) == expected, name
    assert derived["angela"] == "f" and derived["sepp"] == "m" and "merkel" not in derived


def test_only_the_newest_versions_of_a_table_stay(folder):
    import os as _os

    from toolkit.user_cache import KEEP_VERSIONS

    for version in range(KEEP_VERSIONS + 2):
        cached_json("namen", str(version), lambda version=version: {"v": version})
        (stored,) = [f for f in folder.glob("namen-*.json") if f"{version}" in f.read_text()]
        _os.utime(stored, ns=(version * 10**9, version * 10**9))  # written one after another
    kept = sorted(file.read_text(encoding="utf-8") for file in folder.glob("namen-*.json"))
    assert len(kept) == KEEP_VERSIONS
    assert kept == sorted(f'{{"v":{v}}}' for v in range(2, KEEP_VERSIONS + 2))
