"""`make lab`, the README's first command, in a fresh copy of the repository, as root and as a
normal user: JupyterLab answers, opens the course and shows no news toast.

The copy holds exactly the files git tracks (plus new, not ignored ones) from this checkout.
To keep the test fast it does not install: its ``.venv/bin`` points at the running
interpreter's ``bin`` (the project's installed venv) and the install stamp is fresh, so
``make lab`` runs just its own recipe (``--allow-root`` only for root, the Binder settings
overrides). ``PYTHONPATH`` points at the copy, so the kernel imports the copy's toolkit.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ROOT, _free_port, _wait_http

pytestmark = pytest.mark.browser

TOKEN = "makelab"
NEWS_PLUGIN = "@jupyterlab/apputils-extension:notification"


def _users() -> list[str]:
    if os.getuid() != 0:
        return [pwd.getpwuid(os.getuid()).pw_name]
    return ["root", "nobody"]


def fresh_copy(target: Path, own_interpreter: bool = True) -> Path:
    """Copy the files git knows (tracked, or new and not ignored) into ``target``.

    ``.venv`` reuses the installed packages: with ``own_interpreter`` its ``bin`` is this
    interpreter's; otherwise (a user who cannot read this interpreter, e.g. one under /root)
    it is a new venv of the system Python whose site-packages include this venv's.
    """
    names = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, names):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            destination = target / os.fsdecode(name)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    venv = target / ".venv"
    if own_interpreter:
        venv.mkdir()
        (venv / "bin").symlink_to(Path(sys.executable).parent)
    else:
        system_venv(venv)
    (venv / ".installed").touch()
    later = time.time() + 5  # newer than pyproject.toml: make does not reinstall
    os.utime(venv / ".installed", (later, later))
    return target


SYSTEM_PYTHON = Path("/usr/bin/python3")
SCRIPTS = {"jupyter": "jupyter_core.command", "jupyter-lab": "jupyterlab.labapp"}


def system_venv(venv: Path) -> None:
    """A venv of the system Python that sees the installed packages (same minor version)."""
    subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    installed = Path(sys.prefix) / "lib" / minor / "site-packages"
    (venv / "lib" / minor / "site-packages" / "installed.pth").write_text(f"{installed}\n")
    for name, module in SCRIPTS.items():
        script = venv / "bin" / name
        script.write_text(
            f"#!{venv / 'bin' / 'python'}\nimport sys\nfrom {module} import main\n"
            "sys.exit(main())\n"
        )
        script.chmod(0o755)


def _system_python_fits() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    found = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return found == str(tuple(sys.version_info[:2]))


@pytest.fixture(params=_users())
def make_lab(request):
    """Run ``make lab`` in a fresh copy as the given user; yield (base URL, log path)."""
    user = request.param
    home = Path(tempfile.mkdtemp(prefix="makelab-"))
    me = pwd.getpwuid(os.getuid()).pw_name
    if user != me and not _system_python_fits():
        pytest.skip(f"{SYSTEM_PYTHON} missing or not Python {sys.version_info[:2]}")
    try:
        clone = fresh_copy(home / "clone", own_interpreter=user == me)
        port = _free_port()
        log = home / "make-lab.log"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "PYTHONPATH": str(clone),
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        }
        lab_args = (
            f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
            f"--IdentityProvider.token={TOKEN}"
        )
        command = ["make", "lab", f"LAB_ARGS={lab_args}"]
        if user != me:
            # a venv of another interpreter finds JupyterLab's assets through these
            shared = Path(sys.prefix) / "share" / "jupyter"
            env["JUPYTERLAB_DIR"] = str(shared / "lab")
            env["JUPYTER_PATH"] = str(shared)
            subprocess.run(["chown", "-R", user, str(home)], check=True)
            os.chmod(home, 0o755)
            command = ["runuser", "-u", user, "--", *command]
        with log.open("w") as handle:
            process = subprocess.Popen(
                command,
                cwd=clone,
                env=env,
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped below by its id
            )
        base = f"http://127.0.0.1:{port}"
        try:
            try:
                _wait_http(f"{base}/api/status?token={TOKEN}", process, timeout=120)
            except Exception as error:
                raise AssertionError(log.read_text(errors="replace")[-3000:]) from error
            yield user, base, log
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(5)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_make_lab_serves_the_course_without_news(make_lab, page: Page, artifacts):
    user, base, log = make_lab
    text = log.read_text(encoding="utf-8", errors="replace")
    command_line = next(line for line in text.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in command_line) == (user == "root"), command_line
    # the running server took the repository's overrides: news and update checks are off
    with urllib.request.urlopen(
        f"{base}/lab/api/settings/{NEWS_PLUGIN}?token={TOKEN}", timeout=10
    ) as response:
        settings = json.load(response)
    defaults = settings["schema"]["properties"]
    assert defaults["fetchNews"]["default"] == "false", defaults["fetchNews"]
    assert defaults["checkForUpdates"]["default"] is False
    # the page: JupyterLab with the course, and no toast asking about news
    page.goto(f"{base}/lab?token={TOKEN}")
    page.wait_for_selector("#jp-main-dock-panel", timeout=90_000)
    expect(page.get_by_text("00_start_here.ipynb").first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(6_000)  # JupyterLab asks about news a few seconds after start
    assert page.locator(".Toastify__toast").count() == 0, page.locator(".Toastify").inner_text()
    expect(page.get_by_text("official Jupyter news")).to_have_count(0)
    page.screenshot(path=str(artifacts / f"make_lab_{user}.png"))
