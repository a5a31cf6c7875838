"""environment.yml, binder/ and pyproject.toml agree; Binder would build what we expect.

Conda channels are not reachable offline, so nothing is *solved* here: the tests check names,
specifiers, the Python pin, the scripts' roles, and (when jupyter-repo2docker is installed)
what repo2docker would do with the files (`--no-build` renders the Dockerfile, no Docker).
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
ENV_FILES = [ROOT / "environment.yml", BINDER / "environment.yml"]
#: conda-forge name -> PyPI name where they differ
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}
NOT_DEPENDENCIES = {"python", "pip"}
#: Must come from PyPI (not on conda-forge, or pinned to a PyPI-only combination).
PIP_ONLY = {"ablaut", "hanta", "somajo", "textblob", "textblob-de"}


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def wanted_dependencies() -> dict[str, str]:
    project = pyproject()["project"]
    lines = [*project["dependencies"], *project["optional-dependencies"]["notebooks"]]
    return {canonicalize_name(Requirement(r).name): str(Requirement(r).specifier) for r in lines}


def read_env(path: Path) -> tuple[dict, dict[str, str], dict[str, str], str | None]:
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    conda, pip, python = {}, {}, None
    for entry in env.get("dependencies", []):
        if isinstance(entry, dict):
            for line in entry.get("pip", []):
                requirement = Requirement(line)
                pip[canonicalize_name(requirement.name)] = str(requirement.specifier)
            continue
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", entry)
        name, spec = match.group(1), match.group(2).replace(" ", "")
        if name == "python":
            python = spec
        elif name not in NOT_DEPENDENCIES:
            conda[canonicalize_name(CONDA_TO_PYPI.get(name, name))] = spec
    return env, conda, pip, python


def clauses(spec: str) -> list[str]:
    return sorted(clause for clause in spec.split(",") if clause)


@pytest.mark.parametrize("path", ENV_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_environment_matches_pyproject(path):
    env, conda, pip, _ = read_env(path)
    assert env.get("channels") == ["conda-forge"], "conda-forge only"
    assert not set(conda) & set(pip), "a package must not be both a conda and a pip dependency"
    declared = {**conda, **pip}
    wanted = wanted_dependencies()
    assert set(declared) == set(wanted), {
        "missing": set(wanted) - set(declared),
        "extra": set(declared) - set(wanted),
    }
    for name, spec in wanted.items():
        assert clauses(declared[name]) == clauses(spec), f"{name}: {declared[name]!r} vs {spec!r}"
    assert set(pip) >= PIP_ONLY, f"from PyPI please: {PIP_ONLY - set(pip)}"


def test_both_environment_files_list_the_same_dependencies():
    (_, conda_a, pip_a, python_a), (_, conda_b, pip_b, python_b) = map(read_env, ENV_FILES)
    assert (conda_a, pip_a, python_a) == (conda_b, pip_b, python_b)


@pytest.mark.parametrize("path", ENV_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_is_pinned_exactly_and_allowed(path):
    _, _, _, python = read_env(path)
    # repo2docker understands an exact x.y pin; ">=3.11" would silently give its default
    assert python and re.fullmatch(r"=?=?3\.\d+", python), f"pin like python=3.11, not {python}"
    version = Version(python.lstrip("="))
    assert version in SpecifierSet(pyproject()["project"]["requires-python"])


def test_conda_specs_parse():
    rattler = pytest.importorskip("rattler")
    for path in ENV_FILES:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["dependencies"]:
            if isinstance(entry, str):
                rattler.MatchSpec(entry)


def test_test_extra_has_the_browser_tools():
    test_extra = {
        canonicalize_name(Requirement(r).name)
        for r in pyproject()["project"]["optional-dependencies"]["test"]
    }
    assert {"playwright", "pytest-playwright"} <= test_extra


def test_binder_scripts():
    assert not (ROOT / ".binder").exists(), "binder/ and .binder/ exclude each other"
    post_build = BINDER / "postBuild"
    text = post_build.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash\n")
    assert re.search(r"^set -euo pipefail$", text, re.M), "errors must stop the build"
    assert post_build.stat().st_mode & stat.S_IXUSR, "chmod +x binder/postBuild"
    # the conda buildpack does not install the repository's package (repo2docker#1265)
    assert re.search(r"^python -m pip install --no-deps (-e )?\.$", text, re.M)
    assert "overrides.json" in text and "${NB_PYTHON_PREFIX}/share/jupyter/lab/settings" in text
    assert "nltk.downloader" not in text or text.index("#") < text.index("nltk.downloader")
    start = BINDER / "start"
    assert start.stat().st_mode & stat.S_IXUSR
    assert start.read_text(encoding="utf-8").rstrip().splitlines()[-1] == 'exec "$@"'


def test_overrides_switch_off_the_news_toast():
    overrides = json.loads((BINDER / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_postbuild_runs_in_bash(tmp_path):
    """Run postBuild against a stub pip, with a throwaway NB_PYTHON_PREFIX."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash not available")
    stub = tmp_path / "bin"
    stub.mkdir()
    (stub / "python").write_text('#!/bin/bash\necho "python $*" >> "$LOG"\n', encoding="utf-8")
    (stub / "python").chmod(0o755)
    env = {"PATH": f"{stub}:/usr/bin:/bin", "NB_PYTHON_PREFIX": str(tmp_path / "env")}
    env["LOG"] = str(tmp_path / "log")
    result = subprocess.run(
        [bash, str(BINDER / "postBuild")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "log").read_text().strip() == "python -m pip install --no-deps -e ."
    copied = tmp_path / "env" / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert copied.read_text() == (BINDER / "overrides.json").read_text()


def test_repo2docker_dry_run():
    repo2docker = shutil.which("repo2docker") or shutil.which("jupyter-repo2docker")
    beside = Path(__import__("sys").executable).with_name("repo2docker")
    if beside.exists():
        repo2docker = str(beside)
    if not repo2docker:
        pytest.skip("jupyter-repo2docker is not installed")
    result = subprocess.run(
        [repo2docker, "--no-build", "--no-run", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dockerfile = result.stdout + result.stderr
    assert '--file "binder/environment.yml"' in dockerfile
    assert "./binder/postBuild" in dockerfile
    assert "binder/start" in dockerfile
    assert "Python version unspecified" not in dockerfile


def test_binder_links_follow_the_language_switch():
    """Notebook 00 kept the German note on Binder links after 'English'."""
    from toolkit.binder import BinderLinks
    from toolkit.widgets import LanguageSwitch

    links = BinderLinks("kurs/nachrichten")
    assert "JupyterLab auf Binder" in links.output.value
    LanguageSwitch(links).language = "en"
    assert "JupyterLab on Binder" in links.output.value and "auf Binder" not in links.output.value
    note = BinderLinks("")
    LanguageSwitch(note).language = "en"
    assert "No Binder links yet" in note.output.value or "href" in note.output.value


@pytest.mark.parametrize(
    ("language", "student", "teacher"),
    [
        ("de", "Noch keine Binder-Links", "Für Lehrkräfte"),
        ("en", "No Binder links yet", "For teachers"),
    ],
)
def test_binder_note_tells_a_student_what_is_missing(language, student, teacher):
    """Notebook 00 in Voilà showed students a setup step meant for whoever publishes it."""
    from toolkit.binder import binder_links_html

    note = binder_links_html("", language)
    assert note.index(student) < note.index(teacher) < note.index("binder/REPOSITORY")
    links = binder_links_html("owner/name", language)
    assert "mybinder.org/v2/gh/owner/name/HEAD" in links and teacher not in links
