"""What all toolkit widgets share: German/English labels and the ``language`` trait."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

#: Every visible label in German and English. Widgets look labels up with :func:`label`, so
#: switching ``language`` relabels a widget without rebuilding it.
LABELS: dict[str, dict[str, str]] = {
    "text": {"de": "Text", "en": "Text"},
    "tokenizers": {"de": "Tokenisierer", "en": "Tokenizers"},
    "tokens": {"de": "Tokens", "en": "tokens"},
    "differs": {
        "de": "Gelb: anders als bei SoMaJo.",
        "en": "Yellow: different from SoMaJo.",
    },
    "word": {"de": "Suchwort", "en": "Search word"},
    "context": {"de": "Kontext (Zeichen)", "en": "Context (characters)"},
    "match_by": {"de": "Suche nach", "en": "Match by"},
    "form": {"de": "Wortform", "en": "word form"},
    "lemma": {"de": "Grundform (Lemma)", "en": "lemma"},
    "hits": {"de": "Treffer", "en": "hits"},
    "no_hits": {"de": "Keine Treffer.", "en": "No hits."},
    "empty_text": {"de": "Bitte einen Text eingeben.", "en": "Please enter a text."},
}


def register_labels(labels: dict[str, dict[str, str]]) -> None:
    """Add a widget module's own labels (``{key: {"de": ..., "en": ...}}``) to :data:`LABELS`.

    Raises ``ValueError`` if a key is already taken with different wording, so two widgets
    never silently fight over one label.
    """
    for key, wording in labels.items():
        if LABELS.get(key, wording) != wording:
            raise ValueError(f"label {key!r} is already registered as {LABELS[key]}")
        LABELS[key] = wording


def label(key: str, language: str = "de") -> str:
    """Return the label ``key`` in ``language`` (``de`` or ``en``; German if unknown).

    Examples
    --------
    >>> label("word", "en")
    'Search word'
    """
    entry = LABELS[key]
    return entry.get(language, entry["de"])


class ToolkitWidget(widgets.VBox):
    """Base class: a ``VBox`` with a ``language`` trait (``de`` / ``en``).

    Subclasses implement :meth:`relabel`, which sets every visible label for the current
    language; it runs whenever ``language`` changes.
    """

    language = traitlets.Unicode("de")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.observe(lambda _change: self.relabel(), names="language")

    def relabel(self) -> None:
        """Set the visible labels for ``self.language`` (subclasses override this)."""

    def _(self, key: str) -> str:
        return label(key, self.language)
