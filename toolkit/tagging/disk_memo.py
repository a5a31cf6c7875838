"""Per-word tagger analyses kept between processes, in the user's cache folder.

HanTa's morphological analysis of a word form it has not seen costs about a third of a
millisecond, and on a first pass over news text these analyses are most of the pipeline's time
(``bench/bench_corpus.py``). They depend on the word form and the model only, so they are
stored in an SQLite file in the cache folder (:func:`toolkit.user_cache.cache_folder`): a
later process (a notebook kernel started again, a corpus worker, the next run over a folder)
reads them instead of working them out again.

- The file name carries a fingerprint of what the analyses depend on (the model file, HanTa's
  version, the code of :mod:`toolkit.tagging.hanta`, this format): another model or another
  version of the toolkit gives another file, never stale analyses.
- Safe under concurrent workers: SQLite locks the file while a process writes, and each
  process writes its new analyses in batches (``INSERT OR IGNORE``), at the latest after each
  document (:meth:`DiskMemo.flush`). A process that inherits an open file through ``fork``
  (a corpus worker) opens its own.
- A cache only: a folder that cannot be written, a file locked for too long or a damaged
  file leave the tagger working the analyses out in memory, as without this memo; a damaged
  file is set aside and a new one started.
- It stops growing at :data:`MAX_BYTES`; deleting the file is always safe.
- ``TOOLKIT_TAGGER_MEMO=0`` turns it off.

Examples
--------
>>> import tempfile
>>> memo = DiskMemo(Path(tempfile.mkdtemp()) / "beispiel.sqlite")
>>> memo.get("f", "Kreml") is None
True
>>> memo.put("f", "Kreml", "[[20, -9.5]]")
>>> memo.flush()
>>> DiskMemo(memo.path).get("f", "Kreml")  # another process reads it
'[[20, -9.5]]'
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from pathlib import Path

from toolkit.user_cache import cache_folder, drop_old_versions

__all__ = ["DiskMemo", "tagger_memo"]

#: Version of the stored format (a change gives a new file).
FORMAT = 1
#: New analyses a process keeps before it writes them (and after each document).
BATCH = 512
#: Seconds a process waits for another one's write before it gives up this batch.
LOCK_TIMEOUT = 2.0
#: Largest file written to (bytes): 700 news articles take about 5 MB; beyond this bound the
#: stored analyses are still read, and new ones are worked out in memory only.
MAX_BYTES = 256 * 2**20

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS memo (kind TEXT NOT NULL, key TEXT NOT NULL, "
    "value TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID"
)


class DiskMemo:
    """String values by ``(kind, key)`` in one SQLite file; ``path=None`` keeps nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._pending: list[tuple[str, str, str]] = []
        self._connection: sqlite3.Connection | None = None
        self._pid = -1  # the process that opened the connection
        self._lock = threading.Lock()  # Dask may run documents in threads of one process

    def get(self, kind: str, key: str) -> str | None:
        """Return the stored value, or ``None`` (not stored, or the file cannot be read)."""
        with self._lock:
            return self._get(kind, key)

    def _get(self, kind: str, key: str) -> str | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute(
                "SELECT value FROM memo WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
        except sqlite3.OperationalError:
            return None  # busy for a moment: work this one out
        except sqlite3.DatabaseError as error:
            self._give_up(error)
            return None
        return None if row is None else str(row[0])

    def put(self, kind: str, key: str, value: str) -> None:
        """Keep a value; it is written with the next batch."""
        if self.path is None:
            return
        with self._lock:
            self._pending.append((kind, key, value))
            if len(self._pending) >= BATCH:
                self._flush()

    def flush(self) -> None:
        """Write the values kept so far (a locked or damaged file drops them: a cache only)."""
        with self._lock:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        connection = self._connect()
        if connection is None or self._full():
            return
        try:
            with connection:  # one transaction
                connection.executemany("INSERT OR IGNORE INTO memo VALUES (?, ?, ?)", pending)
        except sqlite3.OperationalError:
            pass  # locked by another writer for too long: these analyses are worked out again
        except sqlite3.DatabaseError as error:
            self._give_up(error)

    def _full(self) -> bool:
        """Whether the file (with its write-ahead log) has reached :data:`MAX_BYTES`."""
        assert self.path is not None
        size = 0
        for part in (self.path, self.path.with_name(self.path.name + "-wal")):
            with contextlib.suppress(OSError):
                size += part.stat().st_size
        return size >= MAX_BYTES

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        # a connection inherited through fork belongs to the parent: never use it here
        self._connection, self._pid = None, os.getpid()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, check_same_thread=False)
            with contextlib.suppress(sqlite3.OperationalError):  # e.g. a network folder
                connection.execute("PRAGMA journal_mode=WAL")
            # no disk flush per document: a power cut may lose the last analyses (a cache),
            # never the file, and a laptop disk does not wait for each text
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
        except (OSError, sqlite3.DatabaseError) as error:
            self._give_up(error)
            return None
        self._connection = connection
        return connection

    def _give_up(self, error: Exception) -> None:
        """Stop using the file; a damaged one is set aside, so the next process starts anew."""
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None
        if self.path is not None and isinstance(error, sqlite3.DatabaseError):
            damaged = "malformed" in str(error) or "not a database" in str(error)
            if damaged:
                with contextlib.suppress(OSError):
                    self.path.replace(self.path.with_suffix(".damaged"))
        self.path = None
        self._pending = []


def tagger_memo(model: str | os.PathLike[str], engine: str) -> DiskMemo:
    """Return the disk memo of a tagger model (off with ``TOOLKIT_TAGGER_MEMO=0``).

    ``engine`` names the code that computes the analyses, with its version (``HanTa 1.1.1``).
    """
    if os.environ.get("TOOLKIT_TAGGER_MEMO", "1") == "0":
        return DiskMemo(None)
    try:
        stat = Path(model).stat()
    except OSError:
        return DiskMemo(None)
    fingerprint = f"{FORMAT}|{engine}|{Path(model).name}|{stat.st_size}|{stat.st_mtime_ns}"
    digest = hashlib.sha1(fingerprint.encode("utf-8")).hexdigest()[:16]
    drop_old_versions("tagger", ".sqlite")
    return DiskMemo(cache_folder() / f"tagger-{digest}.sqlite")
