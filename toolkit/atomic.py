"""Atomic file writes: a file is either the old version or the complete new one, never half.

Everything the toolkit writes for a user (exercise answers, annotations, exports) goes through
:func:`write_text_atomic` or :func:`atomic_path`. The data goes to a temporary file in the same
folder, is flushed and fsynced, and is then renamed over the target: ``os.replace`` is atomic
on POSIX and Windows within one file system, so a full disk, a crash or a second process
saving at the same time leaves one complete version.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from toolkit.errors import CorpusError

__all__ = ["atomic_path", "write_text_atomic"]


def _fail(target: Path, error: OSError) -> CorpusError:
    reason = error.strerror or str(error)
    return CorpusError(
        f"Konnte {target} nicht schreiben ({reason}); die vorige Fassung ist unverändert. "
        f"(Cannot write {target}: {reason}; the previous version is unchanged.)"
    )


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    r"""Yield a temporary path beside ``path``; on success it replaces ``path`` atomically.

    Write the complete content to the yielded path (with any library: pandas, json, ...).
    If the block raises, the temporary file is removed and ``path`` stays as it was.

    Raises
    ------
    CorpusError
        If the folder cannot be created or the file cannot be written (German and English).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_path(folder / "sätze.csv") as temporary:
    ...     _ = temporary.write_text("satz,text\n1,Er sagte es.\n", encoding="utf-8")
    >>> (folder / "sätze.csv").read_text(encoding="utf-8").splitlines()[1]
    '1,Er sagte es.'
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise _fail(target, error) from error
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:  # flush the data to disk before the rename
            os.fsync(written.fileno())
        if target.exists():  # keep the target's permission bits, not mkstemp's 0600
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _fail(target, error) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_path`) and return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "antworten.json"
    >>> write_text_atomic(file, '{"satz": 1}').read_text(encoding="utf-8")
    '{"satz": 1}'
    """
    target = Path(path)
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding=encoding)
    return target


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
