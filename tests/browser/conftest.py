"""Real-browser fixtures: Debian's Chromium through pytest-playwright, throwaway servers.

Every test here is marked ``browser``. They skip cleanly only where Chromium
(``/usr/bin/chromium``, ``apt-get install -y chromium``) or Playwright is missing; Playwright's
own browser download (``playwright install``) is never used.

Servers: one JupyterLab per session on 127.0.0.1 and a free port (``--allow-root`` only as
root, ``port_retries=0``, the repository's ``binder/overrides.json`` as ``make lab`` uses it),
and one Voilà; both serve a *copy* of notebooks/ and are stopped by the PID the
fixture started. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TOKEN = "browsertest"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # every host but the loopback fails at once (Voilà's template links a CDN stylesheet)
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not installed (apt-get install -y chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright not installed (pip install -e '.[test]')"
    return None


# first: pytest-xdist reads the xdist_group marks in its own hook of the same name
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    reason = _missing()
    for item in items:
        if here not in Path(str(item.fspath)).parents:
            continue
        item.add_marker(pytest.mark.browser)
        # with pytest-xdist (make test), all of them run on one worker: one JupyterLab, one
        # Voila, one Chromium, while the other workers run the rest
        item.add_marker(pytest.mark.xdist_group("browser"))
        # pytest-playwright's own base_url fixture warns under pytest 9; not ours to fix
        item.add_marker(
            pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance")
        )
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # pytest-playwright has no option for an executable path: override its fixture
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1100}}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Path:
    """A copy of notebooks/ for the servers (Lab writes checkpoints, notebooks save files)."""
    copy = tmp_path_factory.mktemp("served") / "notebooks"
    shutil.copytree(ROOT / "notebooks", copy)
    return copy


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_http(url: str, process: subprocess.Popen, timeout: float = 90) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with status {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return time.perf_counter() - started
        except Exception:
            time.sleep(0.25)
    raise TimeoutError(f"no answer from {url} within {timeout} s")


class Server:
    """A server process we started; ``stop`` ends exactly that PID."""

    def __init__(self, command: list[str], log: Path, probe: str, base: str) -> None:
        self.log = log
        self.base = base
        with log.open("w") as handle:
            self.process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT)
        try:
            self.startup = _wait_http(probe, self.process)
        except Exception:
            self.stop()
            raise

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # the server shuts down its own kernels
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


@pytest.fixture(scope="session")
def lab(course, tmp_path_factory):
    """JupyterLab serving the notebook copy; yields the Server (``.base`` is the URL)."""
    port = _free_port()
    home = tmp_path_factory.mktemp("lab")
    command = [
        _tool("jupyter"),
        "lab",
        "--no-browser",
        *(["--allow-root"] if os.getuid() == 0 else []),
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={course}",
        # the settings `make lab` and Binder use (binder/overrides.json: no news toast)
        f"--LabApp.app_settings_dir={ROOT / 'binder'}",
        # a fresh workspace per session: no layout left over from earlier runs
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
    ]
    base = f"http://127.0.0.1:{port}"
    server = Server(command, home / "lab.log", f"{base}/api/status?token={TOKEN}", base)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def voila(course, tmp_path_factory):
    """Voilà serving the course folder (``/voila/render/<name>.ipynb``); kernels culled so
    interrupted page loads do not pile up."""
    port = _free_port()
    home = tmp_path_factory.mktemp("voila")
    command = [
        _tool("voila"),
        str(course),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--MappingKernelManager.cull_idle_timeout=60",
        "--MappingKernelManager.cull_interval=10",
    ]
    base = f"http://127.0.0.1:{port}"
    # probe a static file: the page itself would start a kernel
    probe = f"{base}/voila/templates/lab/static/voila.js"
    server = Server(command, home / "voila.log", probe, base)
    yield server
    server.stop()
