"""Document -> pandas tables, one row per record (token, sentence, ...).

Tables are for looking at results and for exporting them (``frame.to_csv(...)``); columns
keep the character offsets so a row can always be found in the text again.
"""

from __future__ import annotations

import pandas as pd

from toolkit.model import Document


def tokens_frame(document: Document) -> pd.DataFrame:
    """One row per token: index, sentence, offsets, text, kind, lemma, POS.

    Examples
    --------
    >>> from toolkit import analyse
    >>> frame = tokens_frame(analyse("Peskow warnte."))
    >>> print(frame[["token", "sentence", "start", "end", "text"]].to_string(index=False))
     token  sentence  start  end   text
         0         0      0    6 Peskow
         1         0      7   13 warnte
         2         0     13   14      .
    """
    return pd.DataFrame(
        [
            {
                "token": token.index,
                "sentence": token.sentence,
                "start": token.start,
                "end": token.end,
                "text": token.text,
                "kind": token.kind,
                "lemma": token.lemma,
                "pos": token.pos,
            }
            for token in document.tokens
        ],
        columns=["token", "sentence", "start", "end", "text", "kind", "lemma", "pos"],
    )


def sentences_frame(document: Document) -> pd.DataFrame:
    """One row per sentence: index, offsets, number of tokens, text.

    Examples
    --------
    >>> from toolkit import analyse
    >>> sentences_frame(analyse("Ja. Nein, danke.")).to_dict("records")[1]
    {'sentence': 1, 'start': 4, 'end': 16, 'tokens': 4, 'text': 'Nein, danke.'}
    """
    return pd.DataFrame(
        [
            {
                "sentence": sentence.index,
                "start": sentence.start,
                "end": sentence.end,
                "tokens": sentence.last_token - sentence.first_token + 1,
                "text": sentence.text,
            }
            for sentence in document.sentences
        ],
        columns=["sentence", "start", "end", "tokens", "text"],
    )


def document_tables(document: Document) -> dict[str, pd.DataFrame]:
    """All tables of a document by title, in data-flow order (used by ``--format table``)."""
    return {
        "sentences": sentences_frame(document),
        "tokens": tokens_frame(document),
    }
