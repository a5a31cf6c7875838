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


#: Columns of :func:`verbs_frame`, in order.
VERB_COLUMNS = [
    "token",
    "sentence",
    "start",
    "end",
    "text",
    "lemma",
    "mood",
    "konjunktiv",
    "person",
    "number",
    "indicative",
    "ambiguity",
    "infinitive",
    "explanation_de",
    "explanation_en",
]


def verbs_frame(document: Document) -> pd.DataFrame:
    """One row per finite verb: offsets, lemma, mood, Konjunktiv type, person, ambiguity, ...

    ``infinitive`` is the text of the infinitive a ``würde`` periphrasis governs.

    Examples
    --------
    >>> from toolkit import analyse
    >>> frame = verbs_frame(analyse("Peskow warnte, das sei gefährlich."))
    >>> frame["text"].tolist(), frame["mood"].tolist()
    (['warnte', 'sei'], ['Ind', 'Sub'])
    >>> frame.loc[1, ["lemma", "konjunktiv", "number", "indicative", "ambiguity"]].tolist()
    ['sein', 'I', 'Sg', 'ist', 'unambiguous']
    """
    return pd.DataFrame(
        [
            {
                "token": verb.token,
                "sentence": verb.sentence,
                "start": verb.start,
                "end": verb.end,
                "text": verb.text,
                "lemma": verb.lemma,
                "mood": verb.mood,
                "konjunktiv": verb.konjunktiv,
                "person": verb.person,
                "number": verb.number,
                "indicative": verb.indicative,
                "ambiguity": verb.ambiguity,
                "infinitive": (
                    document.tokens[verb.infinitive].text if verb.infinitive is not None else None
                ),
                "explanation_de": verb.explanation_de,
                "explanation_en": verb.explanation_en,
            }
            for verb in document.verbs
        ],
        columns=VERB_COLUMNS,
    )


def document_tables(document: Document) -> dict[str, pd.DataFrame]:
    """All tables of a document by title, in data-flow order (used by ``--format table``)."""
    return {
        "sentences": sentences_frame(document),
        "tokens": tokens_frame(document),
        "verbs": verbs_frame(document),
    }
