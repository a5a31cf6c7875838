"""Checks at the entry points: can we analyse this text, and can we read this file.

Both functions raise :class:`~toolkit.errors.InputError` or
:class:`~toolkit.errors.CorpusError` with a message that tells a student what to do, and they
never change the text (offsets must point into exactly what the user gave us).
"""

from __future__ import annotations

import codecs
import os
import re
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
    surrogate = _SURROGATE.search(value)
    if surrogate is not None:  # no character: taggers, the CRF and UTF-8 files all refuse it
        raise InputError(
            f"The text contains a lone surrogate (U+{ord(surrogate.group()):04X} at offset "
            f"{surrogate.start()}), which is no character: the text was probably read with "
            "errors='surrogateescape'. Read it with its real encoding, e.g. "
            "toolkit.load_text(path), which detects it."
        )
    return value


#: Code points reserved for UTF-16 surrogate pairs: never a character of a text on their own.
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_text_file(path: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    """Read a text file, with a clear error if it is missing, binary or not in ``encoding``.

    ``encoding`` is ``"utf-8"`` (the default; a byte order mark of UTF-8, UTF-16 or UTF-32 is
    honoured), ``"auto"`` (detected, see :func:`decode_bytes`) or a codec name such as
    ``"cp1252"``. Nothing but a byte order mark is removed.

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
    return read_text_file_with_encoding(path, encoding)[0]


def read_text_file_with_encoding(
    path: str | os.PathLike[str], encoding: str = "auto"
) -> tuple[str, str]:
    """Read a text file and return ``(text, encoding used)``; see :func:`decode_bytes`.

    Raises
    ------
    CorpusError
        If the file is missing, a folder or unreadable (German and English).
    InputError
        If the bytes are no text in the encoding.
    """
    file = Path(path)
    try:
        if file.is_dir():
            raise CorpusError(
                f"{file} is a folder, not a file. Use toolkit.load_corpus() for folders. "
                f"({file} ist ein Ordner, keine Datei.)"
            )
        data = file.read_bytes()
    except FileNotFoundError as error:
        raise CorpusError(f"File not found: {file}") from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise CorpusError(f"Cannot read {file}: {reason} (Datei nicht lesbar: {reason})") from error
    return decode_bytes(data, encoding, source=str(file))


#: Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Single-byte code pages of Western European text, tried first by ``encoding="auto"``: a
#: short German text is otherwise often taken for Big5 or EBCDIC.
_WESTERN = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]


def decode_bytes(
    data: bytes, encoding: str = "auto", *, source: str = "the input"
) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; the encoding is recorded by the corpus.

    A byte order mark (UTF-8, UTF-16, UTF-32) always wins and is removed. ``"auto"`` then
    tries UTF-8 and, if that fails, asks charset-normalizer, Western European code pages
    first; a result that reads the same in cp1252 is reported as ``cp1252``.

    Raises
    ------
    InputError
        If the bytes are binary, not text in the given encoding, or the codec is unknown.

    Examples
    --------
    >>> decode_bytes("Äußerung über Größe".encode("cp1252"))
    ('Äußerung über Größe', 'cp1252')
    >>> decode_bytes("„Ja“, sagte er.".encode("utf-16"))
    ('„Ja“, sagte er.', 'utf-16')
    >>> decode_bytes("Größe".encode("latin-1"), "utf-8")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toolkit.errors.InputError: the input is not UTF-8 text (byte 0xf6 at position 2). Save ...
    """
    for mark, name in _BOMS:
        if data.startswith(mark):
            return _decode(data, name, source), name
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{source} looks like a binary file (it contains NUL bytes), not a text. "
            f"({source} scheint keine Textdatei zu sein.)"
        )
    wanted = encoding.strip().lower().replace("_", "-")
    if wanted in ("utf-8", "utf8"):
        return _decode(data, "utf-8", source), "utf-8"
    if wanted != "auto":
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise InputError(
                f"Unknown encoding {encoding!r}; use auto, utf-8, cp1252, latin-1, ... "
                f"(Unbekannte Kodierung {encoding!r}.)"
            ) from error
        return _decode(data, encoding, source), codecs.lookup(encoding).name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # only needed for files that are not UTF-8

    best = charset_normalizer.from_bytes(data, cp_isolation=_WESTERN).best()
    if best is None:
        best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(
            f"{source}: the encoding could not be detected; give it with --encoding NAME "
            f"(e.g. cp1252). (Die Kodierung von {source} ist nicht erkennbar.)"
        )
    text = str(best)
    try:
        if data.decode("cp1252") == text:
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    return text, codecs.lookup(best.encoding).name


def _decode(data: bytes, name: str, source: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        if name == "utf-8":
            raise InputError(
                f"{source} is not UTF-8 text (byte 0x{data[error.start]:02x} at position "
                f'{error.start}). Save it as UTF-8, e.g. in your editor via "Save as... > '
                'Encoding: UTF-8", or read it with encoding="auto" (command line: '
                "--encoding auto)."
            ) from error
        raise InputError(
            f"{source} is not {name} text (byte 0x{data[error.start]:02x} at position "
            f"{error.start}). ({source} ist kein Text in der Kodierung {name}.)"
        ) from error


def decode_text(data: bytes, *, source: str = "the input") -> str:
    """Decode UTF-8 bytes (a UTF-8, UTF-16 or UTF-32 byte order mark is honoured).

    Examples
    --------
    >>> decode_text("Äußerung".encode("utf-8"))
    'Äußerung'
    >>> decode_text("Äußerung".encode("utf-16"))
    'Äußerung'
    >>> decode_text("Äußerung".encode("latin-1"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    toolkit.errors.InputError: the input is not UTF-8 text (byte 0xc4 at position 0). Save ...
    """
    return decode_bytes(data, "utf-8", source=source)[0]
