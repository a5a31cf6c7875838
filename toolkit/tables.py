"""Document -> pandas tables, one row per record (token, sentence, ...).

Tables are for looking at results and for exporting them (``frame.to_csv(...)``); columns
keep the character offsets so a row can always be found in the text again.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from toolkit.model import Document
from toolkit.mood import verb_cluster
from toolkit.translate import (
    MISSING,
    NOTE_COLUMNS,
    SCORE_DECIMALS,
    decimals_in_text,
    header,
    number,
    same_decimals,
    signed_number,
    tr,
    value,
    voice_label,
    voice_text,
)

#: Columns that name the voice of a sentiment word (shown as :func:`voice_text`).
VOICE_COLUMNS = ("voice",)
#: Columns that hold 0-based sentence or token numbers: people read them from 1.
NUMBERED = ("sentence", "token")
#: Columns whose values are the analysed text (or words from it): shown as they are.
TEXT_COLUMNS = (
    "text",
    "lemma",
    "cue",
    "cue_lemma",
    "speaker_mention",
    "indicative",
    "infinitive",
    "explanation",
    "explanation_de",
    "explanation_en",
    "lexicon_entry",
    "modifiers",
    "cues",
    "mentions",
)


def for_people(
    frame: pd.DataFrame, language: str = "de", max_rows: int | None = None
) -> pd.DataFrame:
    """Return ``frame`` as people read it: headers and codes translated, numbers from 1.

    ``sentence`` and ``token`` count from 1, numbers are written the German (``2.218``,
    ``0,67``) or English way, a missing value is ``–``, codes such as ``Sub`` or
    ``syncretic`` are translated; text from the document stays as it is. All cells are
    strings. With ``max_rows`` only the first rows are kept (see :func:`rows_note`). A table
    may name a column's header itself: ``frame.attrs["headers"]`` maps the column to the
    name whose ``col_`` label is shown (the word table's ``text`` reads "Wort").

    Examples
    --------
    >>> from toolkit import analyse
    >>> frame = verbs_frame(analyse("Peskow warnte, das sei gefährlich."))
    >>> shown = for_people(frame[["sentence", "text", "mood", "ambiguity", "infinitive"]])
    >>> shown.columns.tolist()
    ['Satz', 'Text', 'Modus', 'Mehrdeutigkeit', 'Infinitiv (würde)']
    >>> shown.iloc[1].tolist()
    ['1', 'sei', 'Konjunktiv', 'eindeutig', '–']
    >>> for_people(frame[["token", "mood"]], "en").iloc[1].tolist()
    ['5', 'subjunctive']
    """
    shown = frame.head(max_rows) if max_rows else frame
    other = "explanation_de" if language == "en" else "explanation_en"
    if other in shown.columns and len(shown.columns) > 1:
        # one explanation column, in the reader's language
        shown = shown.drop(columns=[other])
        own = "explanation_en" if language == "en" else "explanation_de"
        if own in shown.columns:
            shown = shown.rename(columns={own: "explanation"})
    columns = {}
    headers = frame.attrs.get("headers", {})
    for column in shown.columns:
        cells = shown[column].astype(object).where(shown[column].notna(), None)
        if column in VOICE_COLUMNS:  # "direkte Rede" here and in the explainer alike
            cells = cells.map(lambda v: voice_text(v, language))
        elif column == "name" and "group" in shown.columns:  # a voice's row of the groups
            voices = (shown["group"] == "voice").tolist()
            cells = pd.Series(
                [
                    voice_label(v, language)  # a label of its own, as in the chart
                    if is_voice
                    else MISSING
                    if v is None
                    else str(v)
                    for v, is_voice in zip(cells, voices, strict=True)
                ],
                dtype=object,
            )
        elif column in NUMBERED:
            cells = cells.map(lambda n: MISSING if n is None else number(int(n) + 1, language))
        elif column in SCORE_DECIMALS:  # "+0,70" here and in the explainer alike
            digits = SCORE_DECIMALS[column]
            cells = cells.map(lambda v, d=digits: signed_number(v, language, d))
        elif column in NOTE_COLUMNS:  # "zutiefst ×1,8"
            cells = cells.map(lambda t: MISSING if not t else decimals_in_text(str(t), language))
        elif column in TEXT_COLUMNS:
            cells = cells.map(lambda t: MISSING if t is None or t == "" else str(t))
        else:
            cells = cells.map(lambda v: value(v, language))
            if pd.api.types.is_float_dtype(shown[column]):  # one scale: "0,100" under "0,287"
                written = same_decimals([None if c == MISSING else c for c in cells], language)
                cells = pd.Series([MISSING if c is None else c for c in written], dtype=object)
        columns[header(headers.get(column, column), language)] = cells.tolist()
    return pd.DataFrame(columns, columns=list(columns), index=range(1, len(shown) + 1))


def rows_note(frame: pd.DataFrame, max_rows: int | None, language: str = "de") -> str:
    """Say how many rows :func:`for_people` left out (empty when none).

    Examples
    --------
    >>> rows_note(pd.DataFrame({"a": range(1300)}), 30)
    '… und 1.270 weitere Zeilen (von 1.300).'
    """
    if not max_rows or len(frame) <= max_rows:
        return ""
    rest = len(frame) - max_rows
    return tr("more_rows", language).format(
        n=number(rest, language), total=number(len(frame), language)
    )


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
    "resolved_by",
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
                    verb_cluster(document.tokens, verb.infinitive)
                    if verb.infinitive is not None
                    else None
                ),
                "explanation_de": verb.explanation_de,
                "explanation_en": verb.explanation_en,
                "resolved_by": verb.resolved_by,
            }
            for verb in document.verbs
        ],
        columns=VERB_COLUMNS,
    )


def explained_verbs_frame(
    document: Document, language: str = "de", *, subjunctive_only: bool = False
) -> pd.DataFrame:
    """Finite verbs with their analysis and the explanation in ``language`` (for people).

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Er sagte, sie sei krank.")
    >>> frame = explained_verbs_frame(doc, "en", subjunctive_only=True)
    >>> frame.loc[0, "explanation"]
    'sei: subjunctive I of sein, 3rd person singular; indicative: ist'

    """
    frame = verbs_frame(document)
    if subjunctive_only:
        frame = frame[frame["mood"] == "Sub"]
    frame = frame.assign(explanation=frame[f"explanation_{'en' if language == 'en' else 'de'}"])
    columns = ["sentence", "text", "mood", "konjunktiv", "person", "number", "ambiguity"]
    return frame[[*columns, "explanation"]].reset_index(drop=True)


#: Columns of :func:`sentiment_frame`, :func:`sentiment_words_frame` and
#: :func:`sentiment_groups_frame`, in order.
SENTIMENT_COLUMNS = [
    "sentence",
    "start",
    "end",
    "polarity",
    "subjectivity",
    "label",
    "words",
    "text",
]
SENTIMENT_WORD_COLUMNS = [
    "sentence",
    "token",
    "start",
    "end",
    "text",
    "lexicon_entry",
    "lexicon_value",
    "modifiers",
    "adjusted_value",
    "contribution",
    "voice",
    "speaker",
]
SENTIMENT_GROUP_COLUMNS = [
    "group",
    "name",
    "polarity",
    "total",
    "passages",
    "words",
    "positive",
    "negative",
]


def sentiment_frame(document: Document) -> pd.DataFrame:
    """One row per sentence: polarity, subjectivity, label, number of words that counted.

    Examples
    --------
    >>> from toolkit import analyse
    >>> frame = sentiment_frame(analyse("Das ist gut. Das ist nicht gut."))
    >>> frame["label"].tolist()
    ['positive', 'negative']
    """
    if document.sentiment is None:
        return pd.DataFrame(columns=SENTIMENT_COLUMNS)
    return pd.DataFrame(
        [
            {
                "sentence": scored.sentence,
                "start": document.sentences[scored.sentence].start,
                "end": document.sentences[scored.sentence].end,
                "polarity": scored.polarity,
                "subjectivity": scored.subjectivity,
                "label": scored.label,
                "words": len(scored.words),
                "text": document.sentences[scored.sentence].text,
            }
            for scored in document.sentiment.sentences
        ],
        columns=SENTIMENT_COLUMNS,
    )


def sentiment_words_frame(document: Document, sentence: int | None = None) -> pd.DataFrame:
    """Explain the scores: one row per word that counted (of one sentence, or of all).

    The ``contribution`` column of a sentence adds up exactly to its polarity. People read
    the ``text`` column as "Wort" / "word", as in the explainer
    (:class:`~toolkit.widgets.SentimentExplainer`).

    Examples
    --------
    >>> from toolkit import analyse
    >>> frame = sentiment_words_frame(analyse("Das ist zutiefst provokant."))
    >>> row = frame.iloc[0]
    >>> row["text"], float(row["lexicon_value"]), row["modifiers"], float(row["adjusted_value"])
    ('provokant', -1.0, 'zutiefst ×1.8', -1.8)
    """
    if document.sentiment is None:
        frame = pd.DataFrame(columns=SENTIMENT_WORD_COLUMNS)
    else:
        frame = pd.DataFrame(
            [
                {
                    "sentence": scored.sentence,
                    "token": word.token,
                    "start": word.start,
                    "end": word.end,
                    "text": word.text,
                    "lexicon_entry": word.lexicon_entry,
                    "lexicon_value": word.lexicon_value,
                    "modifiers": "; ".join(word.modifiers),
                    "adjusted_value": word.adjusted_value,
                    "contribution": word.contribution,
                    "voice": word.voice,
                    "speaker": word.speaker,
                }
                for scored in document.sentiment.sentences
                if sentence is None or scored.sentence == sentence
                for word in scored.words
            ],
            columns=SENTIMENT_WORD_COLUMNS,
        )
    frame.attrs["headers"] = {"text": "word"}  # each row is a word: "Wort", not "Text"
    return frame


def sentiment_groups_frame(document: Document, group: str | None = None) -> pd.DataFrame:
    """Sentiment per voice and per speaker (``group="voice"`` or ``"speaker"`` for one kind).

    Examples
    --------
    >>> from toolkit import analyse
    >>> frame = sentiment_groups_frame(analyse("Das ist gut."), "voice")
    >>> frame[["name", "passages", "words"]].to_dict("records")
    [{'name': 'narrator', 'passages': 1, 'words': 1}]
    """
    if document.sentiment is None:
        return pd.DataFrame(columns=SENTIMENT_GROUP_COLUMNS)
    groups = (*document.sentiment.voices, *document.sentiment.speakers)
    return pd.DataFrame(
        [found.to_dict() for found in groups if group is None or found.group == group],
        columns=SENTIMENT_GROUP_COLUMNS,
    )


#: Columns of :func:`speech_frame`.
SPEECH_COLUMNS = ["sentence", "kind", "start", "end", "text"]
SPEECH_COLUMNS += ["cue", "cue_lemma", "speaker", "speaker_mention", "medium"]


def speech_frame(document: Document) -> pd.DataFrame:
    """One row per speech instance: sentence, kind, offsets, text, cue, speaker, medium.

    ``cue`` is the cue as written (``hob hervor``, ``verwies ... auf``), ``speaker`` the
    resolved name and ``speaker_mention`` the words in the text (``der Kremlchef``).

    Examples
    --------
    >>> from toolkit import analyse
    >>> frame = speech_frame(analyse("Peskow warnte, dass dies gefährlich sei."))
    >>> frame[["kind", "cue", "speaker", "text"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'kind': 'indirect', 'cue': 'warnte', 'speaker': 'Peskow',
      'text': 'dass dies gefährlich sei.'}]
    """
    rows = []
    for instance in document.speech:
        mention = instance.speaker_mention.text if instance.speaker_mention else None
        where = [instance.sentence, instance.kind, instance.start, instance.end, instance.text]
        who = [instance.cue_text, instance.cue_lemma, instance.speaker, mention, instance.medium]
        rows.append(where + who)
    return pd.DataFrame(rows, columns=SPEECH_COLUMNS)


SPEECH_MODELS_COLUMNS = [
    "sentence", "text", "kind_rules", "speaker_rules", "kind_model", "speaker_model",
    "confidence",
]  # fmt: skip


def speech_models_frame(document: Document) -> pd.DataFrame:
    """Rules against the learned model: one row per speech instance either path finds.

    The rules run once on the tagged document and the learned layers on their output
    (:func:`toolkit.speech.speech_layers`); an instance both paths find at the same place is
    one row. ``confidence`` is the span model's probability for an instance it added, or the
    speaker ranking's for its speaker choice; an instance only one path finds has no kind on
    the other.

    Examples
    --------
    >>> from toolkit import analyse
    >>> text = "Der Sprecher erklärte, man prüfe das. „Wir sind offen“, sagte die Ministerin."
    >>> frame = speech_models_frame(analyse(text))
    >>> frame[["sentence", "speaker_rules", "speaker_model"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'sentence': 0, 'speaker_rules': 'Sprecher', 'speaker_model': 'Sprecher'},
     {'sentence': 1, 'speaker_rules': 'Sprecher', 'speaker_model': 'Ministerin'}]
    """
    from toolkit.speech import speech_layers
    from toolkit.tagging import is_tagged, tag_document

    tagged = document if is_tagged(document) else tag_document(document)
    found: dict[tuple[int, int], dict[str, object]] = {}
    for model, layer in zip(("rules", "model"), speech_layers(tagged, "model"), strict=True):
        for instance in layer:
            row = found.setdefault(
                (instance.start, instance.end),
                {"sentence": instance.sentence, "text": instance.text},
            )
            row[f"kind_{model}"] = instance.kind
            row[f"speaker_{model}"] = instance.speaker
            if model == "model":
                why = instance.speaker_why
                row["confidence"] = instance.confidence or (why.confidence if why else None)
    rows = [found[key] for key in sorted(found)]
    return pd.DataFrame(rows, columns=SPEECH_MODELS_COLUMNS)


def _cue_name(text: object, lemma: str) -> str:
    """Return a cue as the speakers table names it: the lemma, or the words it cut short.

    ``sagte`` -> ``sagen``, ``teilte ... mit`` -> ``mitteilen``; a prepositional cue keeps
    its words (``Nach Angaben`` -> ``nach Angaben``, not ``nach``).
    """
    words = str(text).split() if isinstance(text, str) else []
    if len(words) > 1 and words[0].lower() == lemma.lower() and "..." not in words:
        return " ".join([words[0].lower(), *words[1:]])
    return lemma


def speakers_frame(document: Document, kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Who says what: one row per resolved speaker, how often, in which kinds, with which cues.

    Instances without a speaker are counted under ``(unbekannt)``; ``kinds`` counts only
    those kinds (what a reader has switched on).

    Examples
    --------
    >>> from toolkit import analyse
    >>> text = "Peskow warnte, dies sei gefährlich. Er sagte: „Nein.“ Putin drohte."
    >>> doc = analyse(text, speech_model="rules")  # the rules: the frame is no instance
    >>> speakers_frame(doc)[["speaker", "instances", "direct", "indirect"]]
    ... # doctest: +NORMALIZE_WHITESPACE
      speaker  instances  direct  indirect
    0  Peskow          2       1         1
    1   Putin          1       0         0
    """
    speech = speech_frame(document).fillna({"speaker": "(unbekannt)"})
    if kinds is not None:
        speech = speech[speech["kind"].isin(kinds)]
    rows = []
    for name, group in speech.groupby("speaker", sort=False):
        kinds = group["kind"].value_counts()
        counts = [int(kinds.get(kind, 0)) for kind in ("direct", "indirect", "reported")]
        cues = ", ".join(
            dict.fromkeys(
                _cue_name(text, lemma)
                for text, lemma in zip(group["cue"], group["cue_lemma"], strict=True)
                if isinstance(lemma, str)
            )
        )
        mentions = ", ".join(
            dict.fromkeys(map(_inside_a_sentence, group["speaker_mention"].dropna()))
        )
        rows.append([name, len(group), *counts, cues, mentions])
    columns = ["speaker", "instances", "direct", "indirect", "reported", "cues", "mentions"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["instances", "speaker"], ascending=[False, True], ignore_index=True)


#: Words written in capitals only when they open a sentence ("Er", "Der Nato-Generalsekretär").
_FUNCTION_WORDS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem"}
    | {"eines", "er", "sie", "es", "ich", "wir", "ihr", "man", "dieser", "diese", "dieses"}
    | {"diesem", "diesen", "sein", "seine", "ihre", "unser", "unsere"}
)


def _inside_a_sentence(mention: str) -> str:
    """Write a mention as inside a sentence: ``Er`` -> ``er``, ``Der Kremlchef`` -> ``der ...``.

    Examples
    --------
    >>> _inside_a_sentence("Er"), _inside_a_sentence("Der Kremlchef"), _inside_a_sentence("Putin")
    ('er', 'der Kremlchef', 'Putin')
    """
    first, _, rest = mention.partition(" ")
    if first.lower() in _FUNCTION_WORDS and first[:1].isupper() and not first.isupper():
        return f"{first.lower()} {rest}".rstrip()
    return mention


def document_tables(document: Document) -> dict[str, pd.DataFrame]:
    """All tables of a document by title, in data-flow order (used by ``--format table``)."""
    return {
        "sentences": sentences_frame(document),
        "tokens": tokens_frame(document),
        "sentiment": sentiment_frame(document),
        "sentiment words": sentiment_words_frame(document),
        "sentiment by voice and speaker": sentiment_groups_frame(document),
        "verbs": verbs_frame(document),
        "speech": speech_frame(document),
        "speakers": speakers_frame(document),
    }
