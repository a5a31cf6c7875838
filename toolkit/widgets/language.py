"""One switch for the language of every toolkit widget in a notebook (German / English).

Examples
--------
>>> from toolkit import analyse
>>> from toolkit.widgets import ConcordanceView, TokenizerComparison
>>> comparison = TokenizerComparison("z. B.")
>>> concordance = ConcordanceView(analyse("Peskow warnte."), word="warnte")
>>> switch = LanguageSwitch(comparison, concordance)
>>> switch.buttons.value = "en"
>>> comparison.input.description, concordance.search.description
('Text', 'Search word')
>>> switch.language = "de"
>>> concordance.search.description
'Suchwort'
"""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from toolkit.errors import InputError
from toolkit.widgets.base import LANGUAGE, ToolkitWidget, current_language, register_labels

register_labels({"ls_language": {"de": "Sprache", "en": "Language"}})

LANGUAGES = (("Deutsch", "de"), ("English", "en"))


class LanguageSwitch(ToolkitWidget):
    """Toggle buttons Deutsch / English that drive the ``language`` of every widget.

    The switch sets the notebook-wide language (:data:`toolkit.widgets.base.LANGUAGE`), which
    every toolkit widget follows, also widgets created later. Widgets given to the
    constructor or :meth:`attach` are in addition linked both ways with ``traitlets.link``.
    """

    def __init__(self, *targets: ToolkitWidget, language: str | None = None) -> None:
        language = current_language(language)
        self.buttons = widgets.ToggleButtons(options=LANGUAGES, value=language)
        self.links: list[traitlets.link] = []
        super().__init__(children=[self.buttons])
        traitlets.link((self.buttons, "value"), (self, "language"))
        self.observe(self._set_everywhere, names="language")
        self.language = language
        LANGUAGE.value = language
        self.relabel()
        self.attach(*targets)

    def attach(self, *targets: ToolkitWidget) -> LanguageSwitch:
        """Link more widgets to the switch (they take over its current language)."""
        for target in targets:
            if not isinstance(target, ToolkitWidget):
                raise InputError(
                    f"LanguageSwitch can only switch toolkit widgets, not {type(target).__name__}."
                )
            target.language = self.language
            self.links.append(traitlets.link((self, "language"), (target, "language")))
        return self

    def _set_everywhere(self, change: dict) -> None:
        LANGUAGE.value = change["new"]

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.buttons.description = self._("ls_language")


__all__ = ["LANGUAGES", "LanguageSwitch"]
