"""Tokenizer comparison: one text, four tokenizers, the differences coloured."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from toolkit.errors import ToolkitError
from toolkit.render import STYLE, escape, message, token_boxes
from toolkit.tokens import TOKENIZERS, compare_tokenizer_spans
from toolkit.translate import error_text, number
from toolkit.widgets.base import FULL_WIDTH, ToolkitWidget

REFERENCE = "SoMaJo"


class TokenizerComparison(ToolkitWidget):
    """Type or paste a text and see how each tokenizer splits it.

    Tokens whose character span SoMaJo does not produce are coloured, so students see at a
    glance where ``z. B.``, ``1. Oktober`` or ``Kolleg*innen`` go wrong.

    Examples
    --------
    >>> view = TokenizerComparison("am 1. Oktober")
    >>> view.result["SoMaJo"], view.result["regexp"]
    (['am', '1.', 'Oktober'], ['am', '1', '.', 'Oktober'])
    >>> view.text = "z. B."
    >>> view.result["SoMaJo"]
    ['z.', 'B.']
    """

    text = traitlets.Unicode("")

    def __init__(
        self, text: object = "", language: str | None = None, max_tokens: int = 80
    ) -> None:
        self.max_tokens = max_tokens
        picker = text
        if not isinstance(text, str):  # a TextPicker: compare its text, follow it
            text = picker.text  # type: ignore[attr-defined]
        self.input = widgets.Textarea(layout=widgets.Layout(width=FULL_WIDTH, height="5em"))
        self.choice = widgets.SelectMultiple(
            options=list(TOKENIZERS), value=tuple(TOKENIZERS), rows=len(TOKENIZERS)
        )
        self.output = widgets.HTML()
        self.result: dict[str, list[str]] = {}
        super().__init__(language=language, children=[self.input, self.choice, self.output])
        widgets.link((self.input, "value"), (self, "text"))
        self.observe(lambda _change: self.update(), names="text")
        self.choice.observe(lambda _change: self.update(), names="value")
        self.relabel()
        self.text = text
        self.update()
        if picker is not text:
            picker.observe(self._follow, names="text")  # type: ignore[attr-defined]

    def _follow(self, change: dict) -> None:
        self.text = change["new"]

    def relabel(self) -> None:
        """Set labels for the current language."""
        self.input.description = self._("text")
        self.choice.description = self._("tokenizers")
        self.update()

    def update(self) -> None:
        """Tokenise the current text with the chosen tokenizers and redraw."""
        if not self.text.strip():
            self.result = {}
            self.output.value = message(self._("empty_text"))
            return
        try:
            spans = compare_tokenizer_spans(self.text, list(self.choice.value))
        except ToolkitError as error:
            self.result = {}
            self.output.value = message(error_text(error, self.language), "error")
            return
        reference = set(TOKENIZERS[REFERENCE](self.text))
        self.result = {
            name: [self.text[start:end] for start, end in found] for name, found in spans.items()
        }
        rows = []
        for name, found in spans.items():
            different = [i for i, span in enumerate(found) if span not in reference]
            shown = self.result[name][: self.max_tokens]
            boxes = token_boxes(shown, [i for i in different if i < self.max_tokens])
            more = len(found) - len(shown)
            rest = f" … (+{number(more, self.language)})" if more > 0 else ""
            count = f"{number(len(found), self.language)} {self._('tokens')}"
            rows.append(f"<p><b>{escape(name)}</b> ({escape(count)})<br>{boxes}{escape(rest)}</p>")
        self.output.value = STYLE + "".join(rows) + f"<p><i>{escape(self._('differs'))}</i></p>"
