"""One exception family for everything the toolkit reports to its users.

Every error a student can cause (an empty text, a file that is not UTF-8, a missing folder)
is a :class:`ToolkitError` with a message that says what went wrong and what to do. Errors
from third-party libraries are translated where our code calls them, so a notebook never shows
a deep traceback from inside SoMaJo or HanTa for bad input.
"""

from __future__ import annotations


class ToolkitError(Exception):
    """Base class of all errors the toolkit raises on purpose.

    Examples
    --------
    >>> from toolkit import analyse, ToolkitError
    >>> try:
    ...     analyse("   ")
    ... except ToolkitError as error:
    ...     print(type(error).__name__)
    InputError
    """


class InputError(ToolkitError, ValueError):
    """The text or an argument cannot be analysed (empty, wrong type, too long, not UTF-8)."""


class CorpusError(ToolkitError, OSError):
    """A corpus file or folder is missing or unreadable."""


class EvaluationDataError(CorpusError):
    """The shared evaluation data (``TOOLKIT_EVAL_DATA``) is absent or incomplete."""


class ResourceError(ToolkitError, RuntimeError):
    """A bundled resource or a third-party component could not be loaded."""
