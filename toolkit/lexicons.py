"""The one adapter for textblob-de (and the pattern.de code it bundles).

textblob-de 0.4.3 is fragile: it imports only with ``textblob==0.17.1`` and its default
tokenizer needs NLTK's ``punkt`` data, which is not available offline. So this is the only
module that imports ``textblob_de``; everything else asks this module for what it needs. A
version problem then shows up here, in one place, as a
:class:`~toolkit.errors.ResourceError` with a clear message.

What the toolkit takes from textblob-de:

- ``PatternTokenizer``, a rule-based tokenizer (for the tokenizer comparison);
- its bundled data files (sentiment lexicon, verb table), read as plain data.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from toolkit.errors import ResourceError


@lru_cache(maxsize=1)
def _textblob_de() -> Any:
    try:
        import textblob_de
    except Exception as error:  # ImportError, or textblob's API mismatch at import time
        raise ResourceError(
            "textblob-de cannot be imported. It needs exactly textblob==0.17.1: "
            "pip install 'textblob==0.17.1' 'textblob-de==0.4.3'. "
            f"(Original error: {error!r})"
        ) from error
    return textblob_de


def textblob_de_file(relative_path: str) -> Path:
    """Return the path of a data file bundled with textblob-de.

    Examples
    --------
    >>> textblob_de_file("data/de-sentiment.xml").name
    'de-sentiment.xml'
    """
    package_root = resources.files(_textblob_de())
    path = Path(str(package_root.joinpath(relative_path)))
    if not path.is_file():
        raise ResourceError(f"textblob-de has no data file {relative_path!r} (looked in {path}).")
    return path


@lru_cache(maxsize=1)
def _pattern_tokenizer() -> Any:
    _textblob_de()
    from textblob_de.tokenizers import PatternTokenizer

    return PatternTokenizer()


def pattern_tokenize(text: str) -> list[str]:
    """Tokenise with textblob-de's ``PatternTokenizer`` (no NLTK data needed).

    Examples
    --------
    >>> pattern_tokenize("Er kam am 1. Oktober.")
    ['Er', 'kam', 'am', '1', '.', 'Oktober', '.']
    """
    return list(_pattern_tokenizer().tokenize(text))
