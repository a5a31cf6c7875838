"""Sentences -> sentiment with the words behind it, per sentence, document, voice and speaker.

The stage :func:`add_sentiment` scores every sentence with a backend (by default the
lexicon rules of :mod:`toolkit.sentiment.rules` over textblob-de's polarity lexicon;
``sentiment_backend="learned"`` gives the learned linear weights of
:mod:`toolkit.sentiment.learned`, see :mod:`toolkit.sentiment.backends`) and fills
``Document.sentiment``:

- per sentence: polarity in (-1, 1), subjectivity in [0, 1], a label and one
  :class:`~toolkit.model.WordAssessment` per word that counted, whose contributions add up
  exactly to the polarity;
- per document: one polarity (the learned backend scores the whole text at once; the
  rules take the mean of the sentences that carry sentiment, :func:`document_polarity`), with
  each word's share of it in ``DocumentSentiment.contributions`` (they add up exactly),
  labelled with the same thresholds;
- per voice and per speaker: every assessed word belongs to the narrator or to the reported
  speech it stands in (``Document.speech``, from the speech stage), so the narrator's and
  the quoted speakers' shares can be compared.

Labels: ``positive`` if the polarity is above ``thresholds[0]``, ``negative`` if it is
below ``-thresholds[1]``, else ``neutral``. Each backend brings thresholds chosen on dev data
(bench/eval_sentiment.py; the learned backend's in its ``weights.json``).

Lemmas and tags from the tagging stage are used when present (``Token.lemma``); without them
the lexicon's own inflected forms do the job.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Das ist nicht gut. Die Lage ist zutiefst provokant.", sentiment_backend="rules")
>>> [(s.label, [w.text for w in s.words]) for s in doc.sentiment.sentences]
[('negative', ['gut']), ('negative', ['provokant'])]
>>> doc.sentiment.sentences[1].words[0].modifiers
('zutiefst ×1.8',)
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from toolkit.model import (
    Document,
    DocumentSentiment,
    ReportedSpeech,
    SentenceSentiment,
    SentimentGroup,
    SentimentLabel,
    WordAssessment,
)
from toolkit.sentiment.backends import (
    DEFAULT_THRESHOLDS,
    SentenceInput,
    SentimentBackend,
    resolve_backend,
)
from toolkit.sentiment.rules import truncate

if TYPE_CHECKING:
    from toolkit.config import AnalysisConfig

#: Voices in report order; ``narrator`` is every word outside reported speech.
VOICES = ("narrator", "direct", "indirect", "reported")
#: Speaker name used for speech whose speaker was not found.
UNKNOWN_SPEAKER = "unknown"


def label_for(
    polarity: float, thresholds: tuple[float, float] = DEFAULT_THRESHOLDS
) -> SentimentLabel:
    """Return the label of a polarity (see the module docstring for the thresholds).

    Above ``thresholds[0]`` is positive, below ``-thresholds[1]`` negative, else neutral.

    Examples
    --------
    >>> label_for(0.5), label_for(0.2), label_for(-0.2)
    ('positive', 'neutral', 'negative')
    """
    if polarity > thresholds[0]:
        return "positive"
    if polarity < -thresholds[1]:
        return "negative"
    return "neutral"


def add_sentiment(document: Document, config: AnalysisConfig | None = None) -> Document:
    """Return the document with ``sentiment`` filled in (the sentiment stage).

    ``config.sentiment_backend`` chooses the backend (``default``, ``textblob-de``,
    ``sentiws:PATH`` or a backend object) and ``config.sentiment_thresholds`` the label
    thresholds (``None``: the backend's own).

    Examples
    --------
    >>> from toolkit import analyse
    >>> analyse("Kein Erfolg.", sentiment=False).sentiment is None
    True
    >>> doc = add_sentiment(analyse("Kein Erfolg.", sentiment=False))
    >>> doc.sentiment.label, doc.sentiment.sentences[0].words[0].lexicon_entry
    ('negative', 'Erfolg')
    """
    backend = resolve_backend(getattr(config, "sentiment_backend", "default") or "default")
    thresholds = getattr(config, "sentiment_thresholds", None) or backend.thresholds
    return replace(document, sentiment=document_sentiment(document, backend, thresholds))


def document_sentiment(
    document: Document,
    backend: SentimentBackend | str = "default",
    thresholds: tuple[float, float] | None = None,
) -> DocumentSentiment:
    """Score every sentence of a document and aggregate by document, voice and speaker."""
    backend = resolve_backend(backend)
    thresholds = tuple(thresholds or backend.thresholds)  # type: ignore[assignment]
    owners = speech_owners(document)
    sentences = tuple(
        score_sentence(document, index, backend, thresholds, owners)
        for index in range(len(document.sentences))
    )
    count = max(len(sentences), 1)
    if hasattr(backend, "score_document"):  # the learned backend scores the text as a whole
        inputs = [sentence_input(document, index) for index in range(len(document.sentences))]
        polarity, shares = backend.score_document(inputs)
        contributions = tuple(
            (document.sentences[index].first_token + position, share)
            for index, position, share in shares
        )
    else:
        polarity, contributions = document_polarity(sentences, backend)
    voices, speakers = aggregate(document, sentences, owners)
    return DocumentSentiment(
        polarity=polarity,
        contributions=contributions,
        subjectivity=math.fsum(sentence.subjectivity for sentence in sentences) / count,
        label=label_for(polarity, thresholds),  # type: ignore[arg-type]
        backend=backend.name,
        sentences=sentences,
        thresholds=thresholds,  # type: ignore[arg-type]
        voices=voices,
        speakers=speakers,
    )


def document_polarity(
    sentences: Sequence[SentenceSentiment], backend: SentimentBackend | str = "default"
) -> tuple[float, tuple[tuple[int, float], ...]]:
    """Return a document's polarity and each assessed word's share of it, by sentence.

    The mean of the sentences that carry sentiment: a neutral sentence (``@user``, a date
    line) does not dilute it. (A backend with ``score_document``, the learned one, scores the
    whole text at once instead; see :func:`document_sentiment`.) The shares are cut to
    multiples of 2**-24, and the polarity is their sum, so they add up to it exactly.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Heute ist Montag. Das ist gut.", sentiment_backend="rules")
    >>> [round(s.polarity, 2) for s in doc.sentiment.sentences], round(doc.sentiment.polarity, 2)
    ([0.0, 0.71], 0.71)
    """
    words = [word for sentence in sentences for word in sentence.words]
    carrying = max(sum(1 for sentence in sentences if sentence.words), 1)
    shares = tuple((word.token, truncate(word.contribution / carrying)) for word in words)
    return sum((share for _, share in shares), 0.0), shares


def sentence_input(document: Document, index: int) -> SentenceInput:
    """Return what a backend sees of sentence ``index``: words, lemmas and tags if tagged."""
    tokens = document.sentence_tokens(index)
    lemmas = tuple(token.lemma for token in tokens)
    tags = tuple(token.pos for token in tokens)
    return SentenceInput(
        words=tuple(token.text for token in tokens),
        lemmas=lemmas if any(lemma is not None for lemma in lemmas) else None,
        tags=tags if any(tag is not None for tag in tags) else None,
        text=document.sentences[index].text,
    )


def score_sentence(
    document: Document,
    index: int,
    backend: SentimentBackend | str = "default",
    thresholds: tuple[float, float] | None = None,
    owners: dict[int, ReportedSpeech] | None = None,
) -> SentenceSentiment:
    """Score sentence ``index`` of a document; words carry offsets, voice and speaker."""
    backend = resolve_backend(backend)
    thresholds = thresholds or backend.thresholds
    owners = speech_owners(document) if owners is None else owners
    scored = backend.score(sentence_input(document, index))
    first = document.sentences[index].first_token
    words = []
    for word in scored.words:
        token = document.tokens[first + word.position]
        owner = owners.get(token.index)
        words.append(
            WordAssessment(
                token=token.index,
                text=token.text,
                start=token.start,
                end=token.end,
                lexicon_value=word.lexicon_value,
                contribution=word.contribution,
                modifiers=word.modifiers,
                lexicon_entry=word.entry,
                adjusted_value=word.value,
                voice=owner.kind if owner else "narrator",
                speaker=speaker_name(owner) if owner else None,
            )
        )
    return SentenceSentiment(
        sentence=index,
        polarity=scored.polarity,
        subjectivity=scored.subjectivity,
        label=label_for(scored.polarity, thresholds),
        words=tuple(words),
    )


# --- voices and speakers ---------------------------------------------------------------------


def speaker_name(speech: ReportedSpeech) -> str:
    """Return the speaker of a speech record: resolved name, else the mention, else unknown."""
    if speech.speaker:
        return speech.speaker
    if speech.speaker_mention is not None:
        return speech.speaker_mention.text
    return UNKNOWN_SPEAKER


def speech_owners(document: Document) -> dict[int, ReportedSpeech]:
    """Map each token inside reported speech to the innermost speech record that covers it.

    Examples
    --------
    >>> from toolkit import analyse, ReportedSpeech
    >>> from dataclasses import replace
    >>> doc = analyse("Er sagte: „Das ist gut.“", sentiment=False)
    >>> quote = ReportedSpeech("direct", 11, 23, "Das ist gut.", 0, speaker="Peskow")
    >>> owners = speech_owners(replace(doc, speech=(quote,)))
    >>> sorted(owners), owners[5].speaker
    ([4, 5, 6, 7], 'Peskow')
    """
    owners: dict[int, ReportedSpeech] = {}
    starts = [token.start for token in document.tokens]
    spans = sorted(document.speech, key=lambda speech: speech.end - speech.start, reverse=True)
    for speech in spans:  # widest first, so inner spans overwrite outer ones
        for index in range(bisect_left(starts, speech.start), bisect_left(starts, speech.end)):
            owners[index] = speech
    return owners


def aggregate(
    document: Document,
    sentences: Sequence[SentenceSentiment],
    owners: dict[int, ReportedSpeech] | None = None,
) -> tuple[tuple[SentimentGroup, ...], tuple[SentimentGroup, ...]]:
    """Return the sentiment per voice and per speaker (see :class:`~toolkit.model.SentimentGroup`).

    Every assessed word counts for exactly one voice, so the voices' totals add up to the
    sum of all contributions in the document.
    """
    owners = speech_owners(document) if owners is None else owners
    words = [word for sentence in sentences for word in sentence.words]
    narrator_passages = sum(
        1
        for index in range(len(document.sentences))
        if any(
            token.index not in owners and token.text[:1].isalnum()
            for token in document.sentence_tokens(index)
        )
    )
    voice_passages = {"narrator": narrator_passages}
    speaker_passages: dict[str, int] = {}
    for speech in document.speech:
        voice_passages[speech.kind] = voice_passages.get(speech.kind, 0) + 1
        name = speaker_name(speech)
        speaker_passages[name] = speaker_passages.get(name, 0) + 1
    # the words of each voice and speaker, in one pass: a scan of all words per speaker grew
    # with the square of a text naming ever new speakers
    by_voice: dict[str, list[WordAssessment]] = {}
    by_speaker: dict[str | None, list[WordAssessment]] = {}
    for word in words:
        by_voice.setdefault(word.voice, []).append(word)
        by_speaker.setdefault(word.speaker, []).append(word)
    voices = tuple(
        _group("voice", voice, by_voice.get(voice, []), voice_passages[voice])
        for voice in (*VOICES, *sorted(set(voice_passages) - set(VOICES)))
        if voice_passages.get(voice)
    )
    speakers = tuple(
        _group("speaker", name, by_speaker.get(name, []), passages)
        for name, passages in speaker_passages.items()
    )
    return voices, speakers


def _group(group: Any, name: str, words: Iterable[WordAssessment], passages: int) -> SentimentGroup:
    chosen = list(words)
    total = math.fsum(word.contribution for word in chosen)
    return SentimentGroup(
        group=group,
        name=name,
        polarity=total / passages if passages else 0.0,
        total=total,
        passages=passages,
        words=len(chosen),
        positive=sum(1 for word in chosen if word.contribution > 0),
        negative=sum(1 for word in chosen if word.contribution < 0),
    )


def line_record(document: Document) -> dict[str, Any]:
    """Return the compact JSON record of ``python -m toolkit sentiment`` for one text.

    Examples
    --------
    >>> from toolkit import analyse
    >>> record = line_record(analyse("Das gefällt mir nicht."))
    >>> record["label"], [word["text"] for word in record["words"]]
    ('negative', ['gefällt'])
    """
    sentiment = document.sentiment
    if sentiment is None:
        sentiment = document_sentiment(document)
    return {
        "polarity": sentiment.polarity,
        "label": sentiment.label,
        "subjectivity": sentiment.subjectivity,
        "words": [
            {
                "text": word.text,
                "entry": word.lexicon_entry,
                "sentence": sentence.sentence,
                "lexicon_value": word.lexicon_value,
                "modifiers": list(word.modifiers),
                "contribution": word.contribution,
            }
            for sentence in sentiment.sentences
            for word in sentence.words
        ],
    }


def assessed_tokens(document: Document, sentences: Iterable[int] | None = None) -> list[int]:
    """Return the token indices of the words that counted (e.g. as an exercise's answer key).

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Das ist nicht gut. Es regnet.")
    >>> assessed_tokens(doc), [doc.tokens[i].text for i in assessed_tokens(doc)]
    ([3], ['gut'])
    """
    sentiment = document.sentiment
    if sentiment is None:
        sentiment = document_sentiment(document)
    chosen = None if sentences is None else set(sentences)
    return [
        word.token
        for scored in sentiment.sentences
        if chosen is None or scored.sentence in chosen
        for word in scored.words
    ]
