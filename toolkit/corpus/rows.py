"""One analysed document -> the rows of the corpus tables (documents, sentences, tokens, speech).

Rows are plain lists, so a worker process can send them back cheaply. Sentences and tokens
are numbered from 1 as a reader counts them (``token`` counts within its sentence, like the
ID column of CoNLL-U); ``start``/``end`` are character offsets into the text as read, and
``text`` is always ``document_text[start:end]``.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Peskow warnte. Putin drohte.")
>>> sentence_rows("a", doc)
[['a', 1, 0, 14, 'Peskow warnte.'], ['a', 2, 15, 28, 'Putin drohte.']]
>>> token_rows("a", doc)[3][:6]
['a', 2, 1, 15, 20, 'Putin']
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from typing import Any

from toolkit.model import Document

__all__ = [
    "COUNT_COLUMNS",
    "RATE_COLUMNS",
    "SENTENCE_COLUMNS",
    "SPEECH_COLUMNS",
    "TABLE_COLUMNS",
    "TABLE_ROWS",
    "TOKEN_COLUMNS",
    "csv_text",
    "document_counts",
    "sentence_rows",
    "speaker_contributions",
    "speech_rows",
    "token_rows",
]

SENTENCE_COLUMNS = ["document", "sentence", "start", "end", "text"]
TOKEN_COLUMNS = ["document", "sentence", "token", "start", "end", "text"]
TOKEN_COLUMNS += ["lemma", "pos", "mood", "konjunktiv", "person", "number"]
SPEECH_COLUMNS = ["document", "sentence", "kind", "start", "end", "text"]
SPEECH_COLUMNS += ["cue", "speaker", "speaker_mention"]

#: Counts per document, in the order of ``documents.csv``.
COUNT_COLUMNS = [
    "characters",
    "sentences",
    "tokens",
    "tokens_per_sentence",
    "finite_verbs",
    "konjunktiv",
    "konjunktiv_i",
    "konjunktiv_ii",
    "speech_direct",
    "speech_indirect",
    "speech_reported",
    "polarity",
    "sentiment",
]
#: Counts that also get a rate per 1,000 tokens (column ``<count>_per_1000``).
RATED = ["finite_verbs", "konjunktiv", "konjunktiv_i", "konjunktiv_ii"]
RATED += ["speech_direct", "speech_indirect", "speech_reported"]
RATE_COLUMNS = [f"{column}_per_1000" for column in RATED]


#: The per-document tables and their columns, in output order.
TABLE_COLUMNS = {"sentences": SENTENCE_COLUMNS, "tokens": TOKEN_COLUMNS, "speech": SPEECH_COLUMNS}


def csv_text(rows: Iterable[Iterable[Any]]) -> str:
    """Return rows as CSV text with Unix line ends, as every table of a corpus run is written.

    Examples
    --------
    >>> print(csv_text([["a", 1, "Er sagte, ja."], ["b", 2, ""]]), end="")
    a,1,"Er sagte, ja."
    b,2,
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def sentence_rows(name: str, document: Document) -> list[list[Any]]:
    """Rows of ``sentences.csv``: document, sentence (from 1), start, end, text."""
    return [[name, s.index + 1, s.start, s.end, s.text] for s in document.sentences]


def token_rows(name: str, document: Document) -> list[list[Any]]:
    """Rows of ``tokens.csv``: document, sentence and token (both from 1), offsets, text, tags.

    ``mood``, ``konjunktiv``, ``person`` and ``number`` are filled for finite verbs only.
    """
    verbs = {verb.token: verb for verb in document.verbs}
    rows = []
    for sentence in document.sentences:
        for number, index in enumerate(sentence.token_indices, start=1):
            token = document.tokens[index]
            verb = verbs.get(index)
            rows.append(
                [
                    name,
                    sentence.index + 1,
                    number,
                    token.start,
                    token.end,
                    token.text,
                    token.lemma,
                    token.pos,
                    verb.mood if verb else None,
                    verb.konjunktiv if verb else None,
                    verb.person if verb else None,
                    verb.number if verb else None,
                ]
            )
    return rows


def speech_rows(name: str, document: Document) -> list[list[Any]]:
    """Rows of ``speech.csv``: document, sentence (from 1), kind, offsets, text, cue, speaker."""
    return [
        [
            name,
            instance.sentence + 1,
            instance.kind,
            instance.start,
            instance.end,
            instance.text,
            instance.cue_text,
            instance.speaker,
            instance.speaker_mention.text if instance.speaker_mention else None,
        ]
        for instance in document.speech
    ]


#: How each per-document table's rows are made (columns: :data:`TABLE_COLUMNS`).
TABLE_ROWS = {"sentences": sentence_rows, "tokens": token_rows, "speech": speech_rows}


def document_counts(document: Document) -> dict[str, Any]:
    """Return the counts of one document and its rates per 1,000 tokens (``documents.csv``).

    Examples
    --------
    >>> from toolkit import analyse
    >>> counts = document_counts(analyse("Peskow sagte, das sei gefährlich."))
    >>> counts["tokens"], counts["konjunktiv_i"], counts["konjunktiv_i_per_1000"]
    (7, 1, 142.86)
    """
    kinds = Counter(instance.kind for instance in document.speech)
    subjunctive = Counter(verb.konjunktiv for verb in document.verbs if verb.mood == "Sub")
    sentiment = document.sentiment
    tokens = len(document.tokens)
    counts: dict[str, Any] = {
        "characters": len(document.text),
        "sentences": len(document.sentences),
        "tokens": tokens,
        "tokens_per_sentence": round(tokens / max(len(document.sentences), 1), 1),
        "finite_verbs": len(document.verbs),
        "konjunktiv": sum(subjunctive.values()),
        "konjunktiv_i": subjunctive["I"],
        "konjunktiv_ii": subjunctive["II"],
        "speech_direct": kinds["direct"],
        "speech_indirect": kinds["indirect"],
        "speech_reported": kinds["reported"],
        "polarity": round(sentiment.polarity, 3) if sentiment else None,
        "sentiment": sentiment.label if sentiment else None,
    }
    for column in RATED:
        counts[f"{column}_per_1000"] = round(1000 * counts[column] / tokens, 2) if tokens else None
    return counts


def speaker_contributions(document: Document) -> list[list[Any]]:
    """Per speaker of one document: ``[speaker, kind, instances, sentiment total, passages]``.

    The corpus-wide speaker table (:mod:`toolkit.corpus.speakers`) adds these up across
    documents; ``kind`` ``"sentiment"`` rows carry the sentiment, the others the counts.
    """
    counts = Counter(
        (instance.speaker, instance.kind) for instance in document.speech if instance.speaker
    )
    rows: list[list[Any]] = [
        [speaker, kind, number, 0.0, 0] for (speaker, kind), number in counts.items()
    ]
    if document.sentiment is not None:
        for group in document.sentiment.speakers:
            rows.append([group.name, "sentiment", 0, group.total, group.passages])
    return rows
