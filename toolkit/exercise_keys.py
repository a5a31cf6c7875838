"""Answer keys for exercises, computed from the toolkit's own analysis of a document.

A key is looked up by name (:data:`KEYS`), so a notebook cell says
``Exercise.mark_tokens(doc, key="konjunktiv")`` instead of computing anything itself.
``mark`` keys return the token indices to mark, ``label`` keys one label per sentence.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Er kam. Sie ging, weil es regnete und der Bus nicht fuhr.")
>>> answer_key(doc, "punctuation")
{'2': 'x', '5': 'x', '14': 'x'}
>>> answer_key(doc, "length")
{'0': 'kurz / short', '1': 'kurz / short'}
>>> sorted(KEYS)
['finite_verbs', 'konjunktiv', 'length', 'punctuation', 'sentiment', 'speech', 'speech_cues']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from toolkit.errors import InputError
from toolkit.model import Document

#: The answer value of a marked token.
MARKED = "x"

NO_SPEECH = "keine / none"
SPEECH_LABELS = {
    "direct": "direkt / direct",
    "indirect": "indirekt / indirect",
    "reported": "erzählt / reported",
}
SENTIMENT_LABELS = {
    "positive": "positiv / positive",
    "negative": "negativ / negative",
    "neutral": "neutral",
}
#: Sentence length classes (tokens, punctuation included): up to 15, 16 to 25, more.
LENGTH_LABELS = ("kurz / short", "mittel / medium", "lang / long")


@dataclass(frozen=True, slots=True)
class KeySpec:
    """A named answer key: its exercise kind, its choices and how to compute it."""

    kind: str
    choices: tuple[str, ...]
    build: Callable[[Document], dict[str, str]]
    description: str


def answer_key(document: Document, name: str) -> dict[str, str]:
    """Compute the answer key ``name`` (see :data:`KEYS`) for ``document``.

    Raises
    ------
    InputError
        If the name is unknown or the document lacks the layer the key needs.
    """
    if name not in KEYS:
        raise InputError(f"Unknown answer key {name!r}; choose from {', '.join(sorted(KEYS))}.")
    return KEYS[name].build(document)


def _punctuation(document: Document) -> dict[str, str]:
    return {
        str(token.index): MARKED
        for token in document.tokens
        if not any(character.isalnum() for character in token.text)
    }


def _require_verbs(document: Document) -> None:
    if not document.verbs:
        raise InputError(
            "This text has no verb-mood layer (no finite verbs found). Analyse it with "
            "toolkit.analyse(text), which runs the mood stage. (Keine Verbanalyse.)"
        )


def _konjunktiv(document: Document) -> dict[str, str]:
    # The course's rule for forms identical to the indicative (toolkit.mood.explain): they are
    # ambiguous, so the key asks only for forms that show their Konjunktiv ("sei", "nähme",
    # "habe" after "er"), not for 3pl "steigen" read as Konjunktiv I in a reporting frame.
    _require_verbs(document)
    return {
        str(verb.token): MARKED
        for verb in document.verbs
        if verb.mood == "Sub" and verb.ambiguity != "syncretic"
    }


def _finite_verbs(document: Document) -> dict[str, str]:
    _require_verbs(document)
    return {str(verb.token): MARKED for verb in document.verbs}


def _length(document: Document) -> dict[str, str]:
    key = {}
    for sentence in document.sentences:
        size = sentence.last_token - sentence.first_token + 1
        key[str(sentence.index)] = LENGTH_LABELS[0 if size <= 15 else 1 if size <= 25 else 2]
    return key


def _speech(document: Document) -> dict[str, str]:
    # A sentence can hold several instances; the one covering most characters names it.
    covered: dict[int, dict[str, int]] = {}
    for instance in document.speech:
        sentence = covered.setdefault(instance.sentence, {})
        sentence[instance.kind] = sentence.get(instance.kind, 0) + instance.end - instance.start
    key = {}
    for sentence in document.sentences:
        kinds = covered.get(sentence.index)
        key[str(sentence.index)] = (
            SPEECH_LABELS[max(kinds, key=kinds.__getitem__)] if kinds else NO_SPEECH
        )
    return key


def _speech_cues(document: Document) -> dict[str, str]:
    # every part of a cue counts: "bezeichnete ... als", "verwies ... auf"
    cues = [
        part
        for instance in document.speech
        if instance.cue is not None
        for part in (instance.cue_parts or (instance.cue,))
    ]
    return {
        str(token.index): MARKED
        for token in document.tokens
        if any(cue.start < token.end and token.start < cue.end for cue in cues)
    }


def _sentiment(document: Document) -> dict[str, str]:
    if document.sentiment is None:
        raise InputError(
            "This text has no sentiment layer. Analyse it with toolkit.analyse(text), which "
            "runs the sentiment stage. (Keine Sentimentanalyse.)"
        )
    return {
        str(sentence.sentence): SENTIMENT_LABELS[sentence.label]
        for sentence in document.sentiment.sentences
    }


#: Every named key. ``mark`` keys mark tokens, ``label`` keys label sentences.
KEYS: dict[str, KeySpec] = {
    "punctuation": KeySpec(
        "mark", (MARKED,), _punctuation, "punctuation tokens (no letter or digit)"
    ),
    "finite_verbs": KeySpec("mark", (MARKED,), _finite_verbs, "finite verbs (mood stage)"),
    "konjunktiv": KeySpec(
        "mark",
        (MARKED,),
        _konjunktiv,
        "Konjunktiv I and II forms (not those identical to the indicative)",
    ),
    "speech_cues": KeySpec(
        "mark", (MARKED,), _speech_cues, "words that introduce reported speech (cues)"
    ),
    "length": KeySpec("label", LENGTH_LABELS, _length, "sentence length: <=15, 16-25, >25 tokens"),
    "speech": KeySpec(
        "label",
        (NO_SPEECH, *SPEECH_LABELS.values()),
        _speech,
        "main kind of reported speech in the sentence (most characters)",
    ),
    "sentiment": KeySpec(
        "label", tuple(SENTIMENT_LABELS.values()), _sentiment, "sentence sentiment label"
    ),
}


def check_key_kind(key: object, kind: str) -> None:
    """Raise :class:`InputError` if a named key is for the other kind of exercise."""
    if isinstance(key, str) and key in KEYS and KEYS[key].kind != kind:
        other = "label_sentences" if kind == "mark" else "mark_tokens"
        raise InputError(f"The key {key!r} is for {other}(), not for this kind of exercise.")


def sentence_indices(document: Document, sentences: Iterable[int] | None) -> list[int]:
    """Return the chosen sentence numbers (all if ``None``); a clear error for a wrong one."""
    if sentences is None:
        return list(range(len(document.sentences)))
    chosen = list(sentences)
    bad = [i for i in chosen if not 0 <= i < len(document.sentences)]
    if bad:
        raise InputError(
            f"No sentence number(s) {bad}: the text has {len(document.sentences)} sentences "
            f"(0 to {len(document.sentences) - 1})."
        )
    return chosen
