"""Choose the text to work on: the article, a pasted text, or an uploaded ``.txt`` file.

Examples
--------
>>> picker = TextPicker()
>>> picker.source, picker.text[:9]
('article', 'Der Kreml')
>>> picker.typed.value = "Peskow sagte, das sei gefährlich."
>>> picker.source, picker.text
('typed', 'Peskow sagte, das sei gefährlich.')
>>> picker.load_bytes("Äußerung".encode("latin-1"), "alt.txt")
False
>>> picker.text                    # a bad file changes nothing
'Peskow sagte, das sei gefährlich.'
"""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from toolkit.corpus import load_article
from toolkit.errors import ToolkitError
from toolkit.inputs import decode_text, ensure_text
from toolkit.model import Document
from toolkit.pipeline import analyse
from toolkit.render import STYLE, message
from toolkit.translate import error_text, number
from toolkit.widgets.base import FULL_WIDTH, ToolkitWidget, current_language, label, register_labels

register_labels(
    {
        "tp_source": {"de": "Text", "en": "Text"},
        "tp_article": {"de": "Artikel", "en": "Article"},
        "tp_typed": {"de": "Eigener Text", "en": "Own text"},
        "tp_upload": {"de": "Datei (.txt)", "en": "File (.txt)"},
        "tp_upload_button": {"de": "Datei hochladen", "en": "Upload file"},
        "tp_placeholder": {
            "de": "Hier einen deutschen Text eingeben oder einfügen …",
            "en": "Type or paste a German text here …",
        },
        "tp_chars": {"de": "Zeichen", "en": "characters"},
        "tp_words": {"de": "Wörter", "en": "words"},
        "tp_no_file": {
            "de": "Noch keine Datei: bitte eine UTF-8-.txt-Datei hochladen.",
            "en": "No file yet: please upload a UTF-8 .txt file.",
        },
        "tp_file_error": {"de": "Die Datei wurde nicht übernommen:", "en": "File not used:"},
    }
)

SOURCES = ("article", "typed", "upload")


class TextPicker(ToolkitWidget):
    """Pick a text; ``text`` always holds the text of the chosen source.

    The pasted text stays in its box when the student switches to the article or a file and
    back, and a file that is not UTF-8 text is refused with a message while the previous text
    is kept. ``document`` is the analysed text (computed on first use, cached per text).

    Parameters
    ----------
    text
        A text to start with (shown as the own text); default: the article.
    language
        ``de`` or ``en``.
    """

    text = traitlets.Unicode("")
    source = traitlets.Enum(SOURCES, default_value="article")
    name = traitlets.Unicode("")

    def __init__(self, text: str = "", language: str | None = None) -> None:
        language = current_language(language)
        self.article = load_article()
        self.uploaded = ""
        self.uploaded_name = ""
        self._document: Document | None = None
        self._document_text: str | None = None
        self._relabelling = False
        self.choice = widgets.ToggleButtons(options=self._options(language), value="article")
        self.typed = widgets.Textarea(
            value=text,
            layout=widgets.Layout(width=FULL_WIDTH, height="8em"),
            style={"description_width": "initial"},  # the label in full, not "Eigener T…"
            continuous_update=False,
        )
        self.upload = widgets.FileUpload(accept=".txt,text/plain", multiple=False)
        self.status = widgets.HTML()
        super().__init__(
            language=language, children=[self.choice, self.typed, self.upload, self.status]
        )
        traitlets.link((self.choice, "value"), (self, "source"))
        self.observe(lambda _change: self._relabelling or self.update(), names="source")
        self.typed.observe(self._on_typed, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.relabel()
        self.source = "typed" if text.strip() else "article"
        self.update()

    def _options(self, language: str) -> list[tuple[str, str]]:
        return [(label(f"tp_{key}", language), key) for key in SOURCES]

    def relabel(self) -> None:
        """Set labels for the current language (keeping the chosen source)."""
        current = self.source
        # new options select the first one (the article) for a moment: the text must not
        # follow, or every table showing it would show the article after the switch
        self._relabelling = True
        try:
            self.choice.options = self._options(self.language)
            self.choice.value = current
        finally:
            self._relabelling = False
        self.choice.description = self._("tp_source")
        self.typed.placeholder = self._("tp_placeholder")
        self.typed.description = self._("tp_typed")
        self.upload.description = self._("tp_upload_button")
        self.update()

    # -- reacting ---------------------------------------------------------------------------

    def _on_typed(self, change: dict) -> None:
        if self.source == "typed":
            self.update()
        elif change["new"].strip():
            self.source = "typed"  # typing means: use what I typed

    def _on_upload(self, change: dict) -> None:
        files = change["new"]
        if files:
            upload = files[-1]
            self.load_bytes(bytes(upload["content"]), str(upload["name"]))

    def load_bytes(self, data: bytes, name: str = "upload.txt") -> bool:
        """Use an uploaded file's bytes as the text; on a bad file keep the current text.

        Returns whether the file was taken.
        """
        try:
            text = ensure_text(decode_text(data, source=name))
        except ToolkitError as error:
            self._show_status(
                f"{self._('tp_file_error')} {error_text(error, self.language)}", "error"
            )
            return False
        self.uploaded, self.uploaded_name = text, name
        if self.source == "upload":
            self.update()
        else:
            self.source = "upload"
        return True

    def _show_status(self, text: str, kind: str = "info") -> None:
        # with its style: the picker may be the first thing on the page, before any table
        self.status.value = STYLE + message(text, kind)

    def update(self) -> None:
        """Set ``text`` and ``name`` from the chosen source and show a short status."""
        self.typed.layout.display = None if self.source == "typed" else "none"
        self.upload.layout.display = None if self.source == "upload" else "none"
        if self.source == "article":
            self.text, self.name = self.article.text, self.article.name
        elif self.source == "typed":
            self.text, self.name = self.typed.value, "eigener_text"
        else:
            self.text, self.name = self.uploaded, self.uploaded_name
        if self.source == "upload" and not self.uploaded:
            self._show_status(self._("tp_no_file"))
        elif not self.text.strip():
            self._show_status(self._("empty_text"))
        else:
            words = len(self.text.split())
            name = self._("tp_typed") if self.source == "typed" else self.name
            if self.source == "article":  # its title, not the file name behind it
                name = self.article.metadata.get("title") or name
            self._show_status(
                f"{name}: {number(len(self.text), self.language)} {self._('tp_chars')}, "
                f"~{number(words, self.language)} {self._('tp_words')} — "
                f"{preview(self.text)}"
            )

    @property
    def document(self) -> Document:
        """The analysed current text (cached until the text changes).

        Raises
        ------
        InputError
            If the current text is empty.
        """
        if self._document is None or self._document_text != self.text:
            self._document = analyse(self.text, metadata={"name": self.name})
            self._document_text = self.text
        return self._document


__all__ = ["TextPicker"]


def preview(text: str, size: int = 80) -> str:
    """Return the start of a text on one line, with "…" only where something was left out.

    Examples
    --------
    >>> preview("Er ging nach Hause.")
    'Er ging nach Hause.'
    >>> preview("Der Wetterdienst warnte vor Sturm und Hagel.", 24)
    'Der Wetterdienst warnte …'
    >>> preview("Der Wetterdienst warnte vor Sturm und Hagel.", 23)  # "warnte" ends at 23
    'Der Wetterdienst warnte …'
    """
    flat = " ".join(text.split())
    if len(flat) <= size:
        return flat
    cut = flat[: size + 1]  # one more: a word ending exactly at ``size`` still fits
    if " " in cut:
        cut = cut[: cut.rindex(" ")]  # a whole word, not "Wett…"
    return f"{cut} …"
