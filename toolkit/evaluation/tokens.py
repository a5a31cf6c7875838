"""Score tokenizers and the sentence splitter against UD German-GSD dev.

Tokens: exact character spans against the gold surface tokens. UD splits word-internal
hyphens (``US - Präsident``) where German tokenizers keep the compound whole, so scores are
also given with those splits undone ("hyph"). Sentences: blocks of 10 gold sentences are
joined with one space and the inner boundaries are scored. The TIGER-aligned sentences are
the news part of GSD.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from toolkit.evaluation.scoring import Counts, compare
from toolkit.evaluation.ud import UDSentence
from toolkit.sentences import split_sentences
from toolkit.tokens import TOKENIZERS, Spans, nltk_word_spans

HYPHENS = {"-", "‐", "–"}
SENTENCE_BLOCK = 10


def gold_token_spans(sentence: UDSentence, *, join_hyphens: bool = False) -> Spans:
    """Return the gold token spans; with ``join_hyphens``, ``US - Präsident`` is one span.

    A hyphen token joins its left neighbour when no space separates them, and its right
    neighbour as well when no space follows it (``Rohstoff-`` stays one token in
    ``Rohstoff- und Energiepreise``).
    """
    spans: Spans = []
    glue_next = False
    for position, token in enumerate(sentence.tokens):
        previous = sentence.tokens[position - 1] if position else None
        joins_left = (
            join_hyphens and token.form in HYPHENS and previous is not None
        ) and not previous.space_after
        if spans and (joins_left or glue_next):
            spans[-1] = (spans[-1][0], token.end)
        else:
            spans.append((token.start, token.end))
        glue_next = join_hyphens and joins_left and not token.space_after
    return spans


def score_tokenizer(
    sentences: Sequence[UDSentence], tokenize: Callable[[str], Spans], *, join_hyphens: bool
) -> Counts:
    """Token P / R / F1 of ``tokenize`` (``text -> spans``) over the sentences."""
    total = Counts()
    for sentence in sentences:
        gold = gold_token_spans(sentence, join_hyphens=join_hyphens)
        total += compare(gold, tokenize(sentence.text))
    return total


def toolkit_sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences the toolkit finds in ``text``."""
    return [sentence.start for sentence in split_sentences(text)]


def regexp_sentence_starts(text: str) -> list[int]:
    """Baseline: a sentence starts after ``.``, ``!`` or ``?``, spaces and a capital letter."""
    return [0] + [match.end() for match in re.finditer(r"[.!?]\s+(?=[A-ZÄÖÜ])", text)]


def normalise_tiger_quotes(text: str) -> str:
    """Replace TIGER's ASCII quotes (````Ja''``) by German quotation marks (``„Ja“``).

    GSD's news sentences keep the treebank convention, which no modern news text uses and
    SoMaJo does not read as quotation marks.

    Examples
    --------
    >>> normalise_tiger_quotes("``Ja'', sagte er.")
    '„Ja“, sagte er.'
    """
    return text.replace("``", "„").replace("''", "“")


def score_sentence_splitter(
    sentences: Sequence[UDSentence],
    starts: Callable[[str], list[int]],
    *,
    normalise_quotes: bool = False,
) -> Counts:
    """Inner-boundary P / R / F1 over blocks of 10 gold sentences joined by one space."""
    total = Counts()
    for first in range(0, len(sentences), SENTENCE_BLOCK):
        texts = [sentence.text for sentence in sentences[first : first + SENTENCE_BLOCK]]
        if normalise_quotes:
            texts = [normalise_tiger_quotes(text) for text in texts]
        gold, position = [], 0
        for sentence_text in texts:
            gold.append(position)
            position += len(sentence_text) + 1
        text = " ".join(texts)
        predicted = [start for start in starts(text) if start > 0]
        total += compare(gold[1:], predicted)
    return total


@cache
def _direct_somajo():  # type: ignore[no-untyped-def]
    from somajo import SoMaJo

    return SoMaJo("de_CMC", split_sentences=False, character_offsets=True)


def _somajo_direct_spans(text: str) -> Spans:
    # SoMaJo called directly, without the toolkit's adapter, to show the adapter loses nothing.
    return [
        token.character_offset
        for sentence in _direct_somajo().tokenize_text([text])
        for token in sentence
    ]


#: Tokenizers scored by :func:`evaluate_tokens`: the toolkit's and the others for comparison.
EVALUATED_TOKENIZERS: dict[str, Callable[[str], Spans]] = {
    "toolkit (SoMaJo de_CMC)": TOKENIZERS["SoMaJo"],
    "SoMaJo 2.5 called directly": _somajo_direct_spans,
    "NLTK NLTKWordTokenizer": nltk_word_spans,
    "textblob-de PatternTokenizer": TOKENIZERS["textblob-de"],
    "regexp \\w+|[^\\w\\s]": TOKENIZERS["regexp"],
}

#: Sentence splitters scored by :func:`evaluate_tokens`.
EVALUATED_SPLITTERS: dict[str, Callable[[str], list[int]]] = {
    "toolkit (SoMaJo de_CMC)": toolkit_sentence_starts,
    "regexp [.!?] + capital": regexp_sentence_starts,
}


#: Reference numbers of existing tools (EVALUATION.md; measured on held-out test portions).
_EVAL = "EVALUATION.md (held-out test)"

TOKEN_ANCHORS: list[dict[str, Any]] = [
    # Tokens and sentences, UD German-GSD
    {
        "system": "SoMaJo 2.5",
        "subset": "news",
        "measure": "token F1 (hyph)",
        "F1": 0.997,
        "source": _EVAL,
    },
    {
        "system": "spaCy blank('de')",
        "subset": "all",
        "measure": "token F1 (hyph)",
        "F1": 0.997,
        "source": _EVAL,
    },
    {
        "system": "NLTK NLTKWordTokenizer",
        "subset": "all",
        "measure": "token F1 (hyph)",
        "F1": 0.998,
        "source": _EVAL,
    },
    {
        "system": "SoMaJo 2.5",
        "subset": "news",
        "measure": "sentence F1",
        "F1": 0.995,
        "source": _EVAL,
    },
]
