"""Binder and Voilà links of this repository, built from one setting.

Binder needs the public GitHub path of the repository (``owner/name``), which a checkout does
not know by itself. It is set in one place, ``binder/REPOSITORY``; when that file names none,
the GitHub remote ``origin`` is used. Without either, :func:`binder_links` returns ``None``
and notebook 00 says where to set it.

Examples
--------
>>> links = binder_links("kurs/nachrichten")
>>> links["lab"]
'https://mybinder.org/v2/gh/kurs/nachrichten/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb'
>>> links["voila"].endswith("urlpath=voila/render/notebooks/00_start_here.ipynb")
True
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import ipywidgets as widgets

from toolkit.render import escape
from toolkit.widgets.base import ToolkitWidget

ROOT = Path(__file__).resolve().parents[1]
SETTING = ROOT / "binder" / "REPOSITORY"
NOTEBOOK = "notebooks/00_start_here.ipynb"
_GITHUB = re.compile(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?/?$")
_PATH = re.compile(r"^[\w.-]+/[\w.-]+$")


def repository(root: Path = ROOT) -> str | None:
    """Return ``owner/name`` from ``binder/REPOSITORY`` or the GitHub remote, else ``None``."""
    setting = root / "binder" / "REPOSITORY"
    if setting.exists():
        for line in setting.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if _PATH.match(line):
                return line
    try:
        remote = subprocess.run(
            ["git", "-C", str(root), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    found = _GITHUB.search(remote)
    return found.group(1) if found else None


def binder_links(path: str | None = None) -> dict[str, str] | None:
    """Return the Binder links (``lab``, ``voila``) for ``path`` or this repository."""
    path = path or repository()
    if not path:
        return None
    base = f"https://mybinder.org/v2/gh/{path}/HEAD?urlpath="
    return {"lab": f"{base}lab/tree/{NOTEBOOK}", "voila": f"{base}voila/render/{NOTEBOOK}"}


def binder_links_html(path: str | None = None, language: str = "de") -> str:
    """Return the links as HTML, or a note on where to set the repository path.

    Examples
    --------
    >>> "binder/REPOSITORY" in binder_links_html("", "de") or "href" in binder_links_html()
    True
    """
    links = binder_links(path)
    if links is None:
        # a student reads this page too: say what is missing and whose step it is
        if language == "en":
            note = (
                "No Binder links yet: they appear here once the project is published on "
                "GitHub. For teachers: write its GitHub path (owner/name) into "
            )
        else:
            note = (
                "Noch keine Binder-Links: Sie erscheinen hier, sobald das Projekt auf GitHub "
                "veröffentlicht ist. Für Lehrkräfte: Tragen Sie dazu den GitHub-Pfad "
                "(owner/name) in "
            )
        rest = " ein." if language != "en" else "."
        return f"<p>{escape(note)}<code>binder/REPOSITORY</code>{escape(rest)}</p>"
    names = (
        ("JupyterLab auf Binder", "Voilà-Seite auf Binder")
        if language != "en"
        else ("JupyterLab on Binder", "Voilà page on Binder")
    )
    items = "".join(
        f'<li><a href="{escape(links[key])}" target="_blank">{escape(name)}</a></li>'
        for key, name in zip(("lab", "voila"), names, strict=True)
    )
    return f"<ul>{items}</ul>"


class BinderLinks(ToolkitWidget):
    """The Binder links (or the note where to set the path), following the language switch."""

    def __init__(self, path: str | None = None, language: str = "de") -> None:
        self.path = path
        self.output = widgets.HTML()
        super().__init__(children=[self.output])
        self.language = language
        self.relabel()

    def relabel(self) -> None:
        """Show the links in the current language."""
        self.output.value = binder_links_html(self.path, self.language)


def show_binder_links(language: str = "de") -> BinderLinks:
    """Return the links (or the note where to set the path) for a notebook cell to show."""
    return BinderLinks(None, language)


__all__ = [
    "BinderLinks",
    "binder_links",
    "binder_links_html",
    "repository",
    "show_binder_links",
]
