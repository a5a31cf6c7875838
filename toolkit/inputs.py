"""Checks at the entry points: can we analyse this text, and can we read this file.

Both functions raise :class:`~toolkit.errors.InputError` or
:class:`~toolkit.errors.CorpusError` with a message that tells a student what to do, and they
never change the text (offsets must point into exactly what the user gave us).
"""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.errors import CorpusError, InputError

#: Default limit for one text: about 1,000 pages of news. Longer texts should be split into
#: files and analysed as a corpus, which also shows progress.
DEFAULT_MAX_CHARS = 2_000_000


def ensure_text(value: object, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return ``value`` unchanged if it is a non-empty text of acceptable length.

    Parameters
    ----------
    value
        What the user passed as text.
    max_chars
        The longest text accepted, in characters.

    Raises
    ------
    InputError
        If ``value`` is not a ``str``, is empty or only whitespace, or is longer than
        ``max_chars``.

    Examples
    --------
    >>> ensure_text("Der Kreml kritisiert Stoltenberg.")
    'Der Kreml kritisiert Stoltenberg.'
    >>> ensure_text("  ")
    Traceback (most recent call last):
    ...
    toolkit.errors.InputError: The text is empty: there is nothing to analyse. (Der Text ist leer.)
    """
    if isinstance(value, bytes | bytearray):
        raise InputError(
            "Expected a text (str) but got bytes. Decode it first, e.g. "
            "data.decode('utf-8'), or use toolkit.load_text(path)."
        )
    if not isinstance(value, str):
        raise InputError(f"Expected a text (str) but got {type(value).__name__}.")
    if not value.strip():
        raise InputError("The text is empty: there is nothing to analyse. (Der Text ist leer.)")
    if len(value) > max_chars:
        raise InputError(
            f"The text has {len(value):,} characters; the limit for one text is {max_chars:,}. "
            "Split it into several .txt files and use toolkit.load_corpus(folder), or raise "
            "the limit with max_chars=... (command line: --max-chars)."
        )
    if "\x00" in value:
        raise InputError(
            "The text contains NUL characters, so it is probably a binary file, not a text."
        )
    return value


def read_text_file(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file, with a clear error if it is missing, binary or not UTF-8.

    A UTF-8 byte order mark is removed; nothing else is changed.

    Examples
    --------
    >>> from toolkit.corpus import ARTICLE_PATH
    >>> read_text_file(ARTICLE_PATH)[:9]
    'Der Kreml'
    >>> read_text_file("gibt-es-nicht.txt")
    Traceback (most recent call last):
    ...
    toolkit.errors.CorpusError: File not found: gibt-es-nicht.txt
    """
    file = Path(path)
    if not file.exists():
        raise CorpusError(f"File not found: {file}")
    if file.is_dir():
        raise CorpusError(f"{file} is a folder, not a file. Use toolkit.load_corpus() for folders.")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise CorpusError(f"Cannot read {file}: {error.strerror or error}") from error
    return decode_text(data, source=str(file))


def decode_text(data: bytes, *, source: str = "the input") -> str:
    """Decode UTF-8 bytes (with or without BOM), or explain why they are not a text.

    Examples
    --------
    >>> decode_text("Äußerung".encode("utf-8"))
    'Äußerung'
    >>> decode_text("Äußerung".encode("latin-1"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toolkit.errors.InputError: the input is not UTF-8 text (byte 0xc4 at position 0). Save ...
    """
    if b"\x00" in data[:8192]:
        raise InputError(f"{source} looks like a binary file (it contains NUL bytes), not a text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{source} is not UTF-8 text (byte 0x{data[error.start]:02x} at position "
            f'{error.start}). Save it as UTF-8, e.g. in your editor via "Save as... > '
            'Encoding: UTF-8".'
        ) from error
