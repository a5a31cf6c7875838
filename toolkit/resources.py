"""Loaders for the toolkit's own word lists in ``toolkit/data/`` (cached, plain text).

Each list is a UTF-8 text file with one entry per line; ``#`` starts a comment. Where the
lists come from is documented in ``toolkit/data/README.md``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from toolkit.errors import ResourceError


@cache
def word_list(name: str) -> frozenset[str]:
    """Return the entries of ``toolkit/data/<name>.txt`` (comments and blank lines skipped).

    Examples
    --------
    >>> "und" in word_list("stopwords_de")
    True
    """
    return frozenset(lines(name))


@cache
def lines(name: str) -> tuple[str, ...]:
    """Return the non-comment lines of ``toolkit/data/<name>.txt`` in file order."""
    try:
        content = resources.files("toolkit.data").joinpath(f"{name}.txt").read_text("utf-8")
    except FileNotFoundError as error:
        raise ResourceError(f"The toolkit's word list {name!r} is missing.") from error
    entries = (line.split("#", 1)[0].strip() for line in content.splitlines())
    return tuple(entry for entry in entries if entry)
