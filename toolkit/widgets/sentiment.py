"""SentimentExplainer: the words behind a sentence's score, a sentence to edit, speakers compared.

Examples
--------
>>> from toolkit import analyse
>>> view = SentimentExplainer(analyse("Das ist gut. Peskow nannte das zutiefst provokant."))
>>> view.picker.value = 1
>>> [(row["word"], row["modifiers"]) for row in view.rows]
[('provokant', 'zutiefst ×1.8')]
>>> view.edit.value = "Peskow nannte das provokant."
>>> view.try_text() < 0 and view.difference > 0   # without "zutiefst": less negative
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import ipywidgets as widgets
import traitlets

from toolkit.corpus import load_article
from toolkit.errors import ToolkitError
from toolkit.model import Document, SentenceSentiment, SentimentGroup
from toolkit.pipeline import analyse
from toolkit.plots import plot_sentence_contributions, plot_sentiment_groups
from toolkit.render import STYLE, Mark, escape, highlight, message, table
from toolkit.sentiment import add_sentiment
from toolkit.tables import SENTIMENT_WORD_COLUMNS
from toolkit.translate import (
    SCORE_DECIMALS,
    decimals_in_text,
    error_text,
    header,
    number,
    signed_number,
    voice_label,
    voice_text,
)
from toolkit.widgets.base import (
    FULL_WIDTH,
    ToolkitWidget,
    follow_text,
    register_labels,
)
from toolkit.widgets.figures import FigureBox
from toolkit.widgets.text_picker import preview

register_labels(
    {
        "se_sentence": {"de": "Satz", "en": "Sentence"},
        "se_no_sentence": {
            "de": "Der Text hat keinen Satz (nur Leer- oder Steuerzeichen).",
            "en": "The text has no sentence (only blank or control characters).",
        },
        "se_sum": {"de": "Summe = Polarität", "en": "sum = polarity"},
        "se_no_words": {
            "de": "Kein Wort dieses Satzes steht im Lexikon: Polarität 0 (neutral).",
            "en": "No word of this sentence is in the lexicon: polarity 0 (neutral).",
        },
        "se_polarity": {"de": "Polarität", "en": "Polarity"},
        "se_subjectivity": {"de": "Subjektivität", "en": "subjectivity"},
        "se_try": {"de": "Ausprobieren", "en": "Try it"},
        "se_edit": {"de": "Geänderter Satz", "en": "Changed sentence"},
        "se_original": {"de": "Original", "en": "original"},
        "se_changed": {"de": "geändert", "en": "changed"},
        "se_difference": {"de": "Unterschied", "en": "difference"},
        "se_groups": {"de": "Vergleich", "en": "Compare"},
        "se_by_voice": {"de": "Stimmen", "en": "voices"},
        "se_by_speaker": {"de": "Sprecher", "en": "speakers"},
        "se_name": {"de": "Name", "en": "name"},
        "se_passages": {"de": "Passagen", "en": "passages"},
        "se_total": {"de": "Summe", "en": "total"},
        "se_words": {"de": "Wörter", "en": "words"},
        "se_no_speech": {
            "de": "Keine Redewiedergabe gefunden: alles ist Erzählerstimme.",
            "en": "No reported speech found: everything is the narrator's voice.",
        },
        "positive": {"de": "positiv", "en": "positive"},
        "negative": {"de": "negativ", "en": "negative"},
        "neutral": {"de": "neutral", "en": "neutral"},
    }
)

_MARK_COLOURS = {"positive": "#c7e9c0", "negative": "#fcc5e0"}
#: The explanation table's columns: the word table's, without where a word stands and who
#: speaks it, and its ``text`` read as the word (``col_`` labels).
WORD_COLUMNS = tuple(
    "word" if column == "text" else column
    for column in SENTIMENT_WORD_COLUMNS
    if column not in {"sentence", "token", "start", "end", "speaker"}
)


class SentimentExplainer(ToolkitWidget):
    """Pick a sentence, see its words and their contributions, try a changed sentence.

    What the view showed last is kept for tests and notebooks: ``result`` (the
    :class:`~toolkit.model.SentenceSentiment` of the picked sentence), ``rows`` (the
    explanation table as dicts), ``modified`` and ``modified_rows`` (the changed sentence),
    ``difference`` (changed minus original polarity), ``groups`` (voices or speakers) and
    ``last_figure`` / ``groups_figure``.

    Parameters
    ----------
    document
        An analysed text (default: the article).
    sentence
        The sentence shown first (0-based).
    language
        ``de`` or ``en``.
    """

    sentence = traitlets.Int(0)
    group = traitlets.Enum(("voice", "speaker"), default_value="speaker")

    def __init__(
        self, document: Document | None = None, sentence: int = 0, language: str | None = None
    ) -> None:
        source = document
        if document is not None and not isinstance(document, Document):  # a TextPicker
            document = document.document  # type: ignore[attr-defined]
        document = document if document is not None else analyse(load_article())
        self.document = document if document.sentiment is not None else add_sentiment(document)
        self.result: SentenceSentiment | None = None
        self.rows: list[dict[str, object]] = []
        self.modified: Document | None = None
        self.tried = False  # a changed sentence was tried: redo it in the new language
        self.modified_rows: list[dict[str, object]] = []
        self.difference: float | None = None
        self.groups: tuple[SentimentGroup, ...] = ()
        self.last_figure = None
        self.groups_figure = None
        sentence = min(max(sentence, 0), len(self.document.sentences) - 1)
        self.picker = widgets.Dropdown(
            options=self._sentence_options(),
            value=sentence if sentence >= 0 else None,
            layout=widgets.Layout(width=FULL_WIDTH, max_width="60em"),
        )
        self.summary = widgets.HTML()
        self.sentence_html = widgets.HTML()
        self.table_html = widgets.HTML()
        self.chart = FigureBox()
        self.edit = widgets.Textarea(
            layout=widgets.Layout(width=FULL_WIDTH, height="4em"),
            style={"description_width": "initial"},  # "Geänderter Satz" in full
        )
        self.try_button = widgets.Button(icon="flask")
        self.compare_html = widgets.HTML()
        self.group_choice = widgets.ToggleButtons(options=["speaker", "voice"], value="speaker")
        self.groups_html = widgets.HTML()
        self.groups_chart = FigureBox()
        super().__init__(
            language=language,
            children=[
                self.picker,
                self.summary,
                self.sentence_html,
                self.table_html,
                self.chart,
                self.edit,
                self.try_button,
                self.compare_html,
                self.group_choice,
                self.groups_html,
                self.groups_chart,
            ],
        )
        self._picker_link = None
        if self.document.sentences:  # analyse("\u200b") has none: nothing to pick
            self._picker_link = traitlets.link((self.picker, "value"), (self, "sentence"))
        traitlets.link((self.group_choice, "value"), (self, "group"))
        self.observe(lambda change: self.show_sentence(change["new"]), names="sentence")
        self.observe(lambda change: self.show_groups(change["new"]), names="group")
        self.try_button.on_click(lambda _button: self.try_text())
        self.relabel()
        if self.document.sentences:
            self.show_sentence(self.sentence)
        self.show_groups(self.group)
        follow_text(source, self.set_document, self._show_error)

    def set_document(self, document: Document) -> None:
        """Explain another analysed text, from its first sentence."""
        self.document = document if document.sentiment is not None else add_sentiment(document)
        if not self.document.sentences and self._picker_link is not None:
            self._picker_link.unlink()  # an empty picker has no sentence number to pass on
            self._picker_link = None
        self.picker.options = self._sentence_options()
        if not self.document.sentences:  # a text of invisible characters only
            self.summary.value = message(self._("se_no_sentence"), "info")
        elif self._picker_link is None:
            self.picker.value = 0
            self._picker_link = traitlets.link((self.picker, "value"), (self, "sentence"))
            self.show_sentence(0)
        elif self.sentence != 0:
            self.sentence = 0  # the picker link shows sentence 0
        else:
            self.show_sentence(0)
        self.show_groups(self.group)

    def _show_error(self, text: str) -> None:
        self.summary.value = message(text, "error")

    def _n(self, found: float, digits: int = 3, sign: bool = True) -> str:
        """Write a score as the tables do, in the current language (``−0,420``)."""
        if sign:
            return signed_number(found, self.language, digits)
        return number(found, self.language, digits, fixed=True)

    def _sentence_options(self) -> list[tuple[str, int]]:
        options = []
        for index, current in enumerate(self.document.sentences):
            text = " ".join(current.text.split())
            options.append((f"{index + 1}: {preview(text, 70)}", index))  # whole words
        return options

    def relabel(self) -> None:
        """Set labels for the current language and redraw."""
        self.picker.description = self._("se_sentence")
        self.edit.description = self._("se_edit")
        self.try_button.description = self._("se_try")
        self.group_choice.description = self._("se_groups")
        chosen = self.group  # new options select the first one: keep the student's choice
        self.group_choice.options = [
            (self._("se_by_speaker"), "speaker"),
            (self._("se_by_voice"), "voice"),
        ]
        self.group_choice.value = chosen
        if not self.document.sentences:  # a text of invisible characters only
            self.summary.value = message(self._("se_no_sentence"), "info")
        if self.result is not None:
            self.show_sentence(self.sentence, keep_edit=True)
            self.show_groups(self.group)
            if self.tried:
                self.try_text()  # the comparison (or why there is none) in the new language

    # -- one sentence --------------------------------------------------------------------

    def show_sentence(self, index: int, *, keep_edit: bool = False) -> SentenceSentiment:
        """Show sentence ``index``: highlighted words, explanation table, contribution chart."""
        sentiment = self.document.sentiment
        assert sentiment is not None  # set in __init__
        self.result = sentiment.sentences[index]
        current = self.document.sentences[index]
        self.rows = self._rows(self.result)
        self.summary.value = self._summary_html(self.result)
        marks = [
            Mark(
                word.start - current.start,
                word.end - current.start,
                colour=_MARK_COLOURS["positive" if word.contribution > 0 else "negative"],
                title=f"{header('contribution', self.language)} {self._n(word.contribution)}",
            )
            for word in self.result.words
        ]
        self.sentence_html.value = STYLE + highlight(current.text, marks)
        self.table_html.value = self._table_html(self.rows, self.result.polarity)
        self.last_figure = plot_sentence_contributions(self.document, index, language=self.language)
        self.chart.show_figure(self.last_figure if self.result.words else None)
        if not keep_edit:
            self.edit.value = current.text
            self.compare_html.value = ""
            self.modified, self.modified_rows, self.difference = None, [], None
            self.tried = False
        return self.result

    def try_text(self, text: str | None = None) -> float | None:
        """Analyse the changed sentence (``text`` or the edit box); return its polarity.

        A text that cannot be analysed (e.g. empty) shows a message and returns ``None``.
        """
        if text is not None:
            self.edit.value = text  # the box always shows the sentence that was compared
        text = self.edit.value
        self.tried = True
        try:
            # with speech detection, as the original: quoted words count as the speaker's
            self.modified = analyse(text)
        except ToolkitError as error:
            self.modified, self.modified_rows, self.difference = None, [], None
            self.compare_html.value = message(error_text(error, self.language), "error")
            return None
        sentiment = self.modified.sentiment
        assert sentiment is not None  # the pipeline runs the sentiment stage by default
        self.modified_rows = [row for scored in sentiment.sentences for row in self._rows(scored)]
        polarity = sentiment.polarity
        original = self.result.polarity if self.result is not None else 0.0
        self.difference = polarity - original
        label = self._(sentiment.label)
        self.compare_html.value = (
            f"<p><b>{escape(self._('se_original'))}</b> {self._n(original)} → "
            f"<b>{escape(self._('se_changed'))}</b> {self._n(polarity)} ({escape(label)}), "
            f"{escape(self._('se_difference'))} {self._n(self.difference)}</p>"
            + self._table_html(
                self.modified_rows,
                _sum(self.modified_rows),
                "se_sum" if len(sentiment.sentences) == 1 else "se_total",
            )
        )
        return polarity

    # -- voices and speakers ---------------------------------------------------------------

    def show_groups(self, group: str) -> tuple[SentimentGroup, ...]:
        """Show the sentiment per speaker (``speaker``) or per voice (``voice``)."""
        sentiment = self.document.sentiment
        assert sentiment is not None
        self.groups = sentiment.voices if group == "voice" else sentiment.speakers
        self.groups_figure = plot_sentiment_groups(self.document, group, language=self.language)
        self.groups_chart.show_figure(self.groups_figure)
        rows = [
            (
                voice_label(found.name, self.language) if group == "voice" else found.name,
                found.passages,
                found.words,
                self._n(found.total),
                self._n(found.polarity),
            )
            for found in self.groups
        ]
        names = [
            self._("se_name"),
            self._("se_passages"),
            self._("se_words"),
            self._("se_total"),
            self._("se_polarity"),
        ]
        note = message(self._("se_no_speech")) if not self.document.speech else ""
        self.groups_html.value = STYLE + note + table(rows, header=names, css_class="tk-table")
        return self.groups

    # -- helpers -----------------------------------------------------------------------------

    def _rows(self, scored: SentenceSentiment) -> list[dict[str, object]]:
        return [
            {
                "word": word.text,
                "entry": word.lexicon_entry,
                "lexicon_value": word.lexicon_value,
                "modifiers": "; ".join(word.modifiers),
                "adjusted_value": word.adjusted_value,
                "contribution": word.contribution,
                "voice": word.voice,
            }
            for word in scored.words
        ]

    def _summary_html(self, scored: SentenceSentiment) -> str:
        return (
            f"<p><b>{escape(self._('se_polarity'))}: {self._n(scored.polarity)}</b> "
            f"({escape(self._(scored.label))}), {escape(self._('se_subjectivity'))} "
            f"{self._n(scored.subjectivity, sign=False)}</p>"
        )

    def _table_html(
        self, rows: Sequence[dict[str, object]], polarity: float, sum_label: str = "se_sum"
    ) -> str:
        if not rows:
            return message(self._("se_no_words"))
        # the headers of the word table (sentiment_words_frame), so both read alike
        names = [header(column, self.language) for column in WORD_COLUMNS]
        cells = [
            (
                row["word"],
                row["entry"],
                self._n(row["lexicon_value"], SCORE_DECIMALS["lexicon_value"]),  # type: ignore[arg-type]
                self._n_modifiers(str(row["modifiers"])) or "–",
                self._n(row["adjusted_value"], SCORE_DECIMALS["adjusted_value"]),  # type: ignore[arg-type]
                self._n(row["contribution"]),  # type: ignore[arg-type]
                voice_text(row["voice"], self.language),
            )
            for row in rows
        ]
        cells.append(("", "", "", "", self._(sum_label), self._n(polarity), ""))
        return STYLE + table(cells, header=names, css_class="tk-table")

    def _n_modifiers(self, text: str) -> str:
        """Rules such as ``zutiefst ×1.8`` with the decimal comma in German."""
        return decimals_in_text(text, self.language)


def _sum(rows: Sequence[dict[str, object]]) -> float:
    return math.fsum(float(row["contribution"]) for row in rows)  # type: ignore[arg-type]
