"""Keyword in context (KWIC) over an analysed document."""

from __future__ import annotations

import ipywidgets as widgets

from toolkit.concordance import KwicLine, kwic
from toolkit.model import Document
from toolkit.render import STYLE, escape, kwic_table, message
from toolkit.widgets.base import ToolkitWidget


class ConcordanceView(ToolkitWidget):
    """Search a word and see every occurrence in its context.

    Examples
    --------
    >>> from toolkit import analyse
    >>> view = ConcordanceView(analyse("Peskow warnte. Putin warnte auch."), word="warnte")
    >>> len(view.lines)
    2
    >>> view.search.value = "Putin"
    >>> [line.keyword for line in view.lines]
    ['Putin']
    """

    def __init__(self, document: Document, word: str = "", language: str = "de") -> None:
        self.document = document
        self.search = widgets.Text(value=word, continuous_update=False)
        # a number field, not a slider: ipywidgets' slider handle has no accessible name (axe)
        self.width = widgets.BoundedIntText(value=40, min=10, max=100, step=5)
        self.match_by = widgets.ToggleButtons(options=[("form", "text"), ("lemma", "lemma")])
        self.count = widgets.HTML()
        self.output = widgets.HTML()
        self.lines: list[KwicLine] = []
        super().__init__(children=[self.search, self.width, self.match_by, self.count, self.output])
        for control in (self.search, self.width, self.match_by):
            control.observe(lambda _change: self.update(), names="value")
        self.language = language
        self.relabel()

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.search.description = self._("word")
        self.width.description = self._("context")
        self.match_by.description = self._("match_by")
        chosen = self.match_by.value  # new options reset the choice: keep the student's
        self.match_by.options = [(self._("form"), "text"), (self._("lemma"), "lemma")]
        self.match_by.value = chosen
        self.update()

    def update(self) -> None:
        """Search again with the current settings and redraw."""
        word = self.search.value.strip()
        self.lines = (
            kwic(self.document, word, self.width.value, self.match_by.value) if word else []
        )
        self.count.value = f"<b>{len(self.lines)}</b> {escape(self._('hits'))}"
        if not self.lines:
            self.output.value = message(self._("no_hits"))
            return
        self.output.value = STYLE + kwic_table(
            (line.left, line.keyword, line.right) for line in self.lines
        )
