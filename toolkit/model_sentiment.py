"""Sentiment records of the data model (:mod:`toolkit.model` re-exports them).

They follow the model's rules: frozen, and every assessed word carries ``start``, ``end`` and
``text`` with ``document.text[start:end] == text``. A :class:`SentenceSentiment`'s score is
exactly the sum of its words' contributions, so the explanation table adds up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

SentimentLabel = Literal["positive", "negative", "neutral"]


@dataclass(frozen=True, slots=True)
class WordAssessment:
    """One word that counted for a sentiment score (filled by :mod:`toolkit.sentiment`).

    ``contribution`` is the word's share of the sentence polarity; the contributions of a
    sentence add up exactly to its polarity. ``lexicon_entry`` is the entry that matched
    (``kritisieren`` for ``kritisierte``), ``lexicon_value`` its value, ``modifiers`` what
    changed it (``zutiefst ×1.8``, ``Negation 'nicht' ×-0.8``) and ``adjusted_value`` the
    value after them. ``voice`` is ``narrator`` or the kind of reported speech the word
    stands in (``direct``, ``indirect``, ``reported``), ``speaker`` that speech's speaker.
    """

    token: int
    text: str
    start: int
    end: int
    lexicon_value: float
    contribution: float
    modifiers: tuple[str, ...] = ()
    lexicon_entry: str = ""
    adjusted_value: float = 0.0
    voice: str = "narrator"
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the assessment as a JSON-ready dict."""
        return {
            "token": self.token,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "lexicon_entry": self.lexicon_entry,
            "lexicon_value": self.lexicon_value,
            "modifiers": list(self.modifiers),
            "adjusted_value": self.adjusted_value,
            "contribution": self.contribution,
            "voice": self.voice,
            "speaker": self.speaker,
        }


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """Sentiment of one sentence, with the words behind the score."""

    sentence: int
    polarity: float
    subjectivity: float
    label: SentimentLabel
    words: tuple[WordAssessment, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the sentence sentiment as a JSON-ready dict."""
        return {
            "sentence": self.sentence,
            "polarity": self.polarity,
            "subjectivity": self.subjectivity,
            "label": self.label,
            "words": [word.to_dict() for word in self.words],
        }


@dataclass(frozen=True, slots=True)
class SentimentGroup:
    """Sentiment of one voice (``narrator``, ``direct``, ...) or one speaker in a document.

    ``total`` adds up the contributions of the group's words; ``passages`` counts its
    stretches of text (speech spans; for the narrator, sentences with narrator words), and
    ``polarity`` is ``total / passages``.
    """

    group: Literal["voice", "speaker"]
    name: str
    polarity: float
    total: float
    passages: int
    words: int
    positive: int
    negative: int

    def to_dict(self) -> dict[str, Any]:
        """Return the group as a JSON-ready dict."""
        return {
            "group": self.group,
            "name": self.name,
            "polarity": self.polarity,
            "total": self.total,
            "passages": self.passages,
            "words": self.words,
            "positive": self.positive,
            "negative": self.negative,
        }


@dataclass(frozen=True, slots=True)
class DocumentSentiment:
    """Sentiment of a whole document: overall score plus one record per sentence.

    ``polarity`` is the document score of the backend (see :mod:`toolkit.sentiment`: for the
    lexicon rules the mean polarity of the sentences that carry sentiment, for the learned
    backend the squashed sum of all word values); ``contributions`` gives each assessed
    word's share of it as ``(token index, share)``, and the shares add up to ``polarity``
    exactly. ``thresholds`` are the label thresholds used (positive above ``thresholds[0]``,
    negative below ``-thresholds[1]``). ``voices`` and ``speakers`` aggregate the words by
    voice and by speaker.
    """

    polarity: float
    subjectivity: float
    label: SentimentLabel
    backend: str
    sentences: tuple[SentenceSentiment, ...] = ()
    thresholds: tuple[float, float] = (0.0, 0.0)
    voices: tuple[SentimentGroup, ...] = ()
    speakers: tuple[SentimentGroup, ...] = ()
    contributions: tuple[tuple[int, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the document sentiment as a JSON-ready dict."""
        return {
            "polarity": self.polarity,
            "subjectivity": self.subjectivity,
            "label": self.label,
            "backend": self.backend,
            "thresholds": list(self.thresholds),
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "voices": [group.to_dict() for group in self.voices],
            "speakers": [group.to_dict() for group in self.speakers],
            "contributions": [list(pair) for pair in self.contributions],
        }
