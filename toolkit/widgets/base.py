"""What all toolkit widgets share: the ``language`` trait, labels, and following a text.

Labels come from the one translation table, :mod:`toolkit.translate`. Every widget follows
the notebook-wide language (:data:`LANGUAGE`, set by any :class:`LanguageSwitch`), so one
switch relabels every widget of a notebook, also those created after it.
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable

import ipywidgets as widgets
import traitlets

from toolkit.errors import ToolkitError
from toolkit.translate import LABELS, error_text, register_labels, tr


class _Language(traitlets.HasTraits):
    """The language of all widgets in this kernel (``de`` or ``en``)."""

    value = traitlets.Unicode("de")


#: Width of a widget that fills its line: 100 % plus the widget's own margins (2px on each
#: side in jupyter-widgets) overflows the output area and shows a horizontal scrollbar.
FULL_WIDTH = "calc(100% - 8px)"

#: The notebook-wide language; :class:`~toolkit.widgets.language.LanguageSwitch` sets it.
LANGUAGE = _Language()


def current_language(language: str | None = None) -> str:
    """Return ``language``, or the notebook-wide one when none is given.

    A widget made after a switch to English starts in English.

    Examples
    --------
    >>> current_language("en"), current_language() == LANGUAGE.value
    ('en', True)
    """
    return language or LANGUAGE.value


def label(key: str, language: str = "de") -> str:
    """Return the label ``key`` in ``language`` (``de`` or ``en``; German if unknown).

    Examples
    --------
    >>> label("word", "en")
    'Search word'
    """
    return tr(key, language)


class ToolkitWidget(widgets.VBox):
    """Base class: a ``VBox`` with a ``language`` trait (``de`` / ``en``).

    Subclasses implement :meth:`relabel`, which sets every visible label for the current
    language; it runs whenever ``language`` changes, also when the notebook-wide
    :data:`LANGUAGE` changes.
    """

    language = traitlets.Unicode("de")

    def __init__(self, language: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        # the given language, else the notebook's, set before relabelling is wired: the
        # subclass has not built what relabel() draws yet, and draws it itself when it has
        self.language = current_language(language)
        self.observe(lambda _change: self.relabel(), names="language")
        LANGUAGE.observe(_language_follower(self), names="value")

    def relabel(self) -> None:
        """Set the visible labels for ``self.language`` (subclasses override this)."""

    def _(self, key: str) -> str:
        return label(key, self.language)


def _language_follower(widget: ToolkitWidget) -> Callable[[dict], None]:
    """Return an observer that passes the notebook-wide language on to ``widget``.

    It holds the widget weakly and stops once the widget is closed or gone: otherwise the
    language would keep every widget a kernel ever made alive and relabel it at each switch
    (re-running a cell makes new widgets; the test run makes thousands).
    """
    reference = weakref.ref(widget)

    def follow(change: dict) -> None:
        target = reference()
        if target is None or target.comm is None:
            LANGUAGE.unobserve(follow, names="value")
            return
        target.language = change["new"]

    return follow


def follow_text(
    source: object, on_document: Callable[[object], None], on_error: Callable[[str], None]
) -> None:
    """Call ``on_document(document)`` whenever the text of a TextPicker ``source`` changes.

    An empty or unusable text calls ``on_error(message)`` instead, and the widget keeps
    showing its last document. Sources without a ``text`` trait are left alone.
    """
    if not isinstance(source, traitlets.HasTraits) or not source.has_trait("text"):
        return

    def changed(_change: dict) -> None:
        try:
            document = source.document  # type: ignore[attr-defined]
        except ToolkitError as error:
            on_error(error_text(error, LANGUAGE.value))
            return
        on_document(document)

    source.observe(changed, names="text")
    if inspect.ismethod(on_error):
        _repeat_errors_on_switch(source, weakref.WeakMethod(on_error))


def _repeat_errors_on_switch(source: object, report: weakref.WeakMethod) -> None:  # type: ignore[type-arg]
    """After a language switch, say again (in the new language) why the text is unusable.

    The widget redraws its last document when it relabels; without this its error message
    was gone, and an emptied text looked analysed. Source and widget are held weakly, as in
    :func:`_language_follower`.
    """
    reference = weakref.ref(source)

    def switched(_change: dict) -> None:
        target, on_error = reference(), report()
        if target is None or on_error is None or getattr(target, "comm", None) is None:
            LANGUAGE.unobserve(switched, names="value")
            return
        try:
            _ = target.document  # type: ignore[attr-defined]  # raises for an unusable text
        except ToolkitError as error:
            on_error(error_text(error, LANGUAGE.value))

    LANGUAGE.observe(switched, names="value")


__all__ = ["LABELS", "LANGUAGE", "ToolkitWidget", "follow_text", "label", "register_labels"]
