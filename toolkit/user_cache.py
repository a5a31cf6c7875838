"""Tables derived from installed data, kept between processes in the user's cache folder.

Some tables cost more to derive than to read: gender-guesser's list of 61,000 given names
takes 0.2-0.3 s to parse, in every process that resolves a speaker. A corpus run starts one
process per core, each notebook kernel is a process, and this start-up cost is the part of a
corpus run that more workers cannot share (``bench/bench_corpus.py``, workers). So a derived
table is stored once as JSON and read back in about 15 ms.

The file name carries a fingerprint of everything the table is derived from (for example the
source file's size and time stamp and the table's format version): a changed source gives a
new file, never a stale table, and only the newest three versions of a table are kept
(several environments may share the folder). Files are written atomically, so workers
starting together at worst derive the same table twice. Where the folder cannot be written
(a read-only home folder), the table is derived in memory as before. The folder is
``$TOOLKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/toolkit``, else ``~/.cache/toolkit``;
deleting it is always safe.

Examples
--------
>>> import os, tempfile
>>> os.environ["TOOLKIT_CACHE_DIR"] = tempfile.mkdtemp()
>>> cached_json("beispiel", "v1", lambda: {"Angela": "f"})
{'Angela': 'f'}
>>> cached_json("beispiel", "v1", lambda: {"nie": "berechnet"})  # read back from disk
{'Angela': 'f'}
>>> del os.environ["TOOLKIT_CACHE_DIR"]
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.atomic import write_text_atomic
from toolkit.errors import ToolkitError

__all__ = ["cache_folder", "cached_json", "drop_old_versions"]


def cache_folder() -> Path:
    """Return the folder of the toolkit's derived tables (it may not exist yet).

    Examples
    --------
    >>> cache_folder().name in {"toolkit"} or "TOOLKIT_CACHE_DIR" in os.environ
    True
    """
    chosen = os.environ.get("TOOLKIT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "toolkit"


def cached_json(name: str, fingerprint: str, derive: Callable[[], Any]) -> Any:
    """Return the table ``derive()`` gives, read from the cache folder if it is stored there.

    Parameters
    ----------
    name
        The table's name (part of the file name).
    fingerprint
        Everything the table depends on, as a string: another fingerprint is another file.
    derive
        Computes the table (JSON data: dicts with string keys, lists, strings, numbers).

    Examples
    --------
    >>> import tempfile
    >>> os.environ["TOOLKIT_CACHE_DIR"] = tempfile.mkdtemp()
    >>> cached_json("vornamen", "2", lambda: {"Jens": "m"})["Jens"]
    'm'
    >>> del os.environ["TOOLKIT_CACHE_DIR"]
    """
    digest = hashlib.sha1(fingerprint.encode("utf-8")).hexdigest()[:16]
    path = cache_folder() / f"{name}-{digest}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent, unreadable or cut short: derive it again
        pass
    table = derive()
    with contextlib.suppress(ToolkitError):  # a read-only cache folder only costs time
        write_text_atomic(path, json.dumps(table, ensure_ascii=False, separators=(",", ":")))
        drop_old_versions(name)
    return table


#: Versions of one table kept (several environments may share the folder: a venv, a clone).
KEEP_VERSIONS = 3


def drop_old_versions(name: str, suffix: str = ".json") -> None:
    """Delete all but the newest :data:`KEEP_VERSIONS` files of a table (their sources changed).

    A file's companions (``NAME-wal``, ``NAME-shm`` of an SQLite file) go with it.
    """
    with contextlib.suppress(OSError):
        files = sorted(
            cache_folder().glob(f"{name}-*{suffix}"), key=lambda file: file.stat().st_mtime_ns
        )
        for stale in files[:-KEEP_VERSIONS]:
            for companion in stale.parent.glob(f"{stale.name}*"):
                companion.unlink(missing_ok=True)
