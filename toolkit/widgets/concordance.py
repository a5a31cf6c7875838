"""Keyword in context (KWIC) over an analysed document, or over a whole corpus."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from toolkit.corpus.batch import BatchResult, corpus_kwic
from toolkit.corpus.concordance import KwicLine, kwic
from toolkit.model import Document
from toolkit.render import STYLE, escape, kwic_table, message, table
from toolkit.widgets.base import ToolkitWidget, register_labels


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

    def __init__(self, document: Document, word: str = "", language: str | None = None) -> None:
        self.document = document
        self.search = widgets.Text(
            value=word, continuous_update=False, style={"description_width": "initial"}
        )
        # a number field, not a slider: ipywidgets' slider handle has no accessible name (axe)
        self.width = widgets.BoundedIntText(value=40, min=10, max=100, step=5)
        self.match_by = widgets.ToggleButtons(options=[("form", "text"), ("lemma", "lemma")])
        self.count = widgets.HTML()
        self.output = widgets.HTML()
        self.lines: list[KwicLine] = []
        super().__init__(
            language=language,
            children=[self.search, self.width, self.match_by, self.count, self.output],
        )
        for control in (self.search, self.width, self.match_by):
            control.observe(lambda _change: self.update(), names="value")
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
        hits = self._("hit" if len(self.lines) == 1 else "hits")
        self.count.value = f"<b>{len(self.lines)}</b> {escape(hits)}"
        if not self.lines:
            self.output.value = message(self._("no_hits"))
            return
        self.output.value = STYLE + kwic_table(
            (line.left, line.keyword, line.right) for line in self.lines
        )


register_labels(
    {
        "cc_field": {"de": "Filter: Feld", "en": "Filter: field"},
        "cc_value": {"de": "Wert", "en": "Value"},
        "cc_all": {"de": "(alle)", "en": "(all)"},
        "cc_ask": {
            "de": "Ein Wort eingeben und Enter drücken: Es wird in allen Texten gesucht.",
            "en": "Type a word and press Enter: it is searched in every text.",
        },
        "cc_none": {"de": "(kein Filter)", "en": "(no filter)"},
        "cc_document": {"de": "Text", "en": "Document"},
        "cc_sentence": {"de": "Satz", "en": "Sentence"},
        "cc_left": {"de": "links", "en": "left"},
        "cc_keyword": {"de": "Suchwort", "en": "keyword"},
        "cc_right": {"de": "rechts", "en": "right"},
        "cc_in": {"de": "in", "en": "in"},
        "cc_documents": {"de": "Texten", "en": "documents"},
        "cc_document_one": {"de": "Text", "en": "document"},
    }
)


class CorpusConcordanceView(ToolkitWidget):
    r"""Keyword in context over every document of a corpus, filterable by metadata.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from toolkit.corpus.batch import BatchResult, analyse_corpus
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Peskow warnte.", encoding="utf-8")
    >>> _ = (folder / "b.txt").write_text("Putin warnte auch.", encoding="utf-8")
    >>> _ = (folder / "metadata.csv").write_text("file,outlet\na.txt,taz\nb.txt,FAZ\n")
    >>> view = CorpusConcordanceView(BatchResult.collect(analyse_corpus(folder)), word="warnte")
    >>> view.lines.document.tolist()
    ['a', 'b']
    >>> view.field.value, view.value.value = "outlet", "FAZ"
    >>> view.lines.document.tolist(), view.lines.sentence.tolist()
    (['b'], [1])
    """

    def __init__(
        self, result: BatchResult | None = None, word: str = "", language: str | None = None
    ):
        self.result = result or BatchResult()
        self.search = widgets.Text(
            value=word, continuous_update=False, style={"description_width": "initial"}
        )
        self.width = widgets.BoundedIntText(value=40, min=10, max=100, step=5)  # named (axe)
        self.match_by = widgets.ToggleButtons(options=[("form", "text"), ("lemma", "lemma")])
        self.field = widgets.Dropdown(options=[("", "")], value="")
        self.value = widgets.Dropdown(options=[("", "")], value="")
        self.count = widgets.HTML()
        self.output = widgets.HTML()
        self.lines = pd.DataFrame()
        super().__init__(
            language=language,
            children=[
                self.search,
                widgets.HBox([self.field, self.value]),
                self.width,
                self.match_by,
                self.count,
                self.output,
            ],
        )
        for control in (self.search, self.width, self.match_by, self.value):
            control.observe(lambda _change: self.update(), names="value")
        self.field.observe(lambda _change: self._values(), names="value")
        self.set_result(self.result)

    def set_result(self, result: BatchResult) -> None:
        """Search another corpus (e.g. after the corpus view analysed a folder)."""
        self.result = result
        self.relabel()

    def _fields(self) -> list[str]:
        found: dict[str, None] = {}
        for item in self.result.results.values():
            found.update(dict.fromkeys(k for k in item.metadata if k not in ("document", "file")))
        return list(found)

    def _values(self) -> None:
        field = self.field.value
        values = sorted(
            {str(item.metadata.get(field)) for item in self.result.results.values()}
            if field
            else set()
        )
        self.value.options = [(self._("cc_all"), ""), *[(value, value) for value in values]]
        self.value.value = ""
        self.update()

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.search.description = self._("word")
        self.width.description = self._("context")
        self.match_by.description = self._("match_by")
        self.field.description = self._("cc_field")
        self.value.description = self._("cc_value")
        chosen = self.match_by.value
        self.match_by.options = [(self._("form"), "text"), (self._("lemma"), "lemma")]
        self.match_by.value = chosen
        field, value = self.field.value, self.value.value
        fields = self._fields()
        self.field.options = [(self._("cc_none"), ""), *[(name, name) for name in fields]]
        self.field.value = field if field in fields else ""
        self._values()  # new options reset the choice: keep the student's filter
        if value in [option for _, option in self.value.options]:
            self.value.value = value

    def update(self) -> None:
        """Search again with the current settings and redraw."""
        word = self.search.value.strip()
        where = (
            {self.field.value: self.value.value} if self.field.value and self.value.value else None
        )
        self.lines = (
            corpus_kwic(self.result, word, self.width.value, self.match_by.value, where)
            if word
            else pd.DataFrame()
        )
        if not word:  # nothing asked yet: say how to ask, not "0 hits"
            self.count.value, self.output.value = "", message(self._("cc_ask"))
            return
        hits = len(self.lines)
        documents = self.lines["document"].nunique() if hits else 0
        # "1 Treffer in 1 Text", "1 hit in 1 document", "3 hits in 2 documents"
        self.count.value = (
            f"<b>{hits}</b> {escape(self._('hit' if hits == 1 else 'hits'))} "
            f"{escape(self._('cc_in'))} <b>{documents}</b> "
            f"{escape(self._('cc_document_one' if documents == 1 else 'cc_documents'))}"
        )
        if not hits:
            self.output.value = message(self._("no_hits"))
            return
        shown = self.lines[["document", "sentence", "left", "keyword", "right"]]
        header = [self._(f"cc_{name}") for name in shown.columns]
        self.output.value = STYLE + table(
            shown.itertuples(index=False), header=header, css_class="tk-table tk-kwic"
        )
