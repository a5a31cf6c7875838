"""The one data model: frozen records with character offsets into the analysed text.

Every record that covers a piece of text carries ``start`` and ``end`` (Python ``str``
indices, end exclusive) and its ``text``, and the **offset invariant** holds::

    document.text[record.start:record.end] == record.text

for every token, sentence, span, verb, speech span and assessed word. :class:`Document`
checks the invariant when it is built, so a stage that breaks it fails at once instead of
silently highlighting the wrong words in a notebook.

All records are frozen dataclasses: a stage never changes what an earlier stage produced, it
returns a new :class:`Document` (``dataclasses.replace``) with its own layer filled in.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Peskow sagte, das sei gefährlich.")
>>> token = doc.tokens[0]
>>> token.text, token.start, token.end, doc.text[token.start:token.end]
('Peskow', 0, 6, 'Peskow')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

# the sentiment records live in their own module; they are part of this one model
from toolkit.model_sentiment import DocumentSentiment as DocumentSentiment
from toolkit.model_sentiment import SentenceSentiment as SentenceSentiment
from toolkit.model_sentiment import SentimentGroup as SentimentGroup
from toolkit.model_sentiment import SentimentLabel as SentimentLabel
from toolkit.model_sentiment import WordAssessment as WordAssessment

SpeechKind = Literal["direct", "indirect", "reported"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text, e.g. the cue ``warnte`` or the speaker mention ``der Kremlchef``.

    Examples
    --------
    >>> Span(start=0, end=6, text="Peskow").to_dict()
    {'text': 'Peskow', 'start': 0, 'end': 6}
    """

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the span as a JSON-ready dict."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Token:
    """One token: a word, number, punctuation mark, URL, emoticon, ...

    ``index`` counts tokens in the document, ``sentence`` is the index of the sentence the token
    belongs to. ``kind`` is SoMaJo's token class (``regular``, ``symbol``, ``URL``, ...).
    ``lemma`` and ``pos`` (STTS tag) are filled by the tagging stage.
    """

    index: int
    text: str
    start: int
    end: int
    sentence: int
    kind: str = "regular"
    space_after: bool = True
    lemma: str | None = None
    pos: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, with the range of its tokens (``first_token`` to ``last_token`` inclusive)."""

    index: int
    start: int
    end: int
    text: str
    first_token: int
    last_token: int

    @property
    def token_indices(self) -> range:
        """Indices of the sentence's tokens in ``Document.tokens``."""
        return range(self.first_token, self.last_token + 1)

    def to_dict(self) -> dict[str, Any]:
        """Return the sentence as a JSON-ready dict (index, start, end, text)."""
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class VerbMood:
    """Mood analysis of one finite verb (filled by :mod:`toolkit.mood`).

    ``mood`` is ``Ind`` (indicative), ``Sub`` (subjunctive, Konjunktiv) or ``Imp``
    (imperative); ``konjunktiv`` is ``I`` or ``II`` for subjunctive forms. ``indicative`` names
    the indicative counterpart (``sei`` -> ``ist``). ``ambiguity`` says whether the form alone
    decides the mood: ``unambiguous``, ``other_person`` (equal to the indicative of another
    person, like 3sg ``habe``) or ``syncretic`` (equal to the indicative of the same person,
    like ``sollte``: only context can tell). ``infinitive`` is the token index of the
    infinitive that a ``würde`` periphrasis governs. ``resolved_by`` names the context that
    decided the mood of an ambiguous form (``reporting frame``: read as Konjunktiv inside
    indirect speech, by :mod:`toolkit.speech.mood_context`; ``coordination``: joined by
    ``und`` to a Konjunktiv II), else ``None``.
    """

    token: int
    text: str
    start: int
    end: int
    sentence: int
    lemma: str
    mood: Literal["Ind", "Sub", "Imp"]
    konjunktiv: Literal["I", "II"] | None = None
    person: int | None = None
    number: Literal["Sg", "Pl"] | None = None
    indicative: str | None = None
    ambiguity: Literal["unambiguous", "other_person", "syncretic"] = "unambiguous"
    infinitive: int | None = None
    explanation_de: str = ""
    explanation_en: str = ""
    resolved_by: str | None = None

    def token_fields(self) -> dict[str, Any]:
        """Return the fields this record adds to its token in the JSON output."""
        return {
            "mood": self.mood,
            "konjunktiv": self.konjunktiv,
            "person": self.person,
            "number": self.number,
            "indicative": self.indicative,
            "ambiguity": self.ambiguity,
            "infinitive": self.infinitive,
            "explanation": {"de": self.explanation_de, "en": self.explanation_en},
            "resolved_by": self.resolved_by,
        }


#: The verb fields every token has in the JSON output; ``None`` for tokens that are no finite verb.
VERB_TOKEN_FIELDS: tuple[str, ...] = (
    "mood",
    "konjunktiv",
    "person",
    "number",
    "indicative",
    "ambiguity",
    "infinitive",
    "explanation",
    "resolved_by",
)


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """One instance of speech representation (filled by :mod:`toolkit.speech`).

    ``kind`` follows the Redewiedergabe categories: ``direct`` (quoted words), ``indirect``
    (paraphrase) or ``reported`` (a narrated speech act). ``cue`` is the introducing
    expression (``warnte``, ``laut``), ``speaker_mention`` the speaker as written
    (``der Kremlchef``) and ``speaker`` the resolved name (``Putin``). ``medium`` is
    ``speech``, ``thought`` or ``writing``.

    A cue of several words (the separable verb ``hob ... hervor``, ``bezeichnete ... als``,
    ``nach Angaben``) is ONE cue: ``cue`` is the span of its main word (the verb), ``cue_parts``
    holds every word of it in text order and ``cue_lemma`` the dictionary form
    (``hervorheben``). An instance interrupted by its frame (``Das sei, so Peskow,
    gefährlich``) spans ``start:end`` and lists its pieces in ``parts``; both are empty for
    one-word cues and unbroken instances.

    Examples
    --------
    >>> verb, particle = Span(3, 6, "hob"), Span(16, 22, "hervor")
    >>> speech = ReportedSpeech("reported", 0, 22, "Er hob die Lage hervor", 0, cue=verb,
    ...                         cue_parts=(verb, particle), cue_lemma="hervorheben")
    >>> speech.cue_text
    'hob ... hervor'
    """

    kind: SpeechKind
    start: int
    end: int
    text: str
    sentence: int
    cue: Span | None = None
    speaker: str | None = None
    speaker_mention: Span | None = None
    medium: str | None = None
    cue_parts: tuple[Span, ...] = ()
    cue_lemma: str | None = None
    parts: tuple[Span, ...] = ()
    #: Learned layer only (``None`` on the rule path): the model's mean marginal probability
    #: of the instance's label over its tokens.
    confidence: float | None = None
    #: Why the instance is there: the rule signals that fired inside it (``rule:direct``,
    #: ``cue``, ``quote``, ``konjunktiv-I``, ...); ``continuation`` marks speech going on
    #: without a cue of its own.
    signals: tuple[str, ...] = ()

    @property
    def cue_text(self) -> str | None:
        """The cue as a reader sees it: ``hob ... hervor``, ``hob hervor``, ``laut``."""
        if not self.cue_parts:
            return self.cue.text if self.cue else None
        pieces = [self.cue_parts[0].text]
        for before, part in zip(self.cue_parts, self.cue_parts[1:], strict=False):
            gap = part.start - before.end
            pieces.append((" " if gap <= 1 else " ... ") + part.text)
        return "".join(pieces)

    def pieces(self) -> tuple[tuple[int, int], ...]:
        """Return the character ranges the instance covers (``parts``, else ``start:end``)."""
        if self.parts:
            return tuple((part.start, part.end) for part in self.parts)
        return ((self.start, self.end),)

    def to_dict(self) -> dict[str, Any]:
        """Return the instance as a JSON-ready dict."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "cue": self.cue_text,
            "speaker": self.speaker,
            "cue_span": self.cue.to_dict() if self.cue else None,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "medium": self.medium,
            "cue_lemma": self.cue_lemma,
            "cue_parts": [part.to_dict() for part in self.cue_parts],
            "parts": [part.to_dict() for part in self.parts],
            "confidence": self.confidence,
            "signals": list(self.signals),
        }

    def spans(self) -> Iterator[Span | ReportedSpeech]:
        """Yield this record and its cue, speaker and part spans (for the offset check)."""
        yield self
        if self.cue is not None:
            yield self.cue
        if self.speaker_mention is not None:
            yield self.speaker_mention
        yield from self.cue_parts
        yield from self.parts


@dataclass(frozen=True, slots=True)
class Skipped:
    r"""Characters that are in no token: the tokenizer left them out, and says why.

    Every character of a text that is not whitespace lies in exactly one token, or in one
    ``Skipped`` record of ``Document.skipped``. ``reason`` is ``control`` (a control
    character such as U+0007 or U+0083), ``format`` (an invisible format character: a bidi
    mark such as U+200F or U+202E, a zero-width space U+200B) or ``other``.

    Examples
    --------
    >>> from toolkit import analyse
    >>> analyse("Er kam.\u200f").skipped
    (Skipped(start=7, end=8, text='\u200f', reason='format'),)
    """

    start: int
    end: int
    text: str
    reason: Literal["control", "format", "other"]

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a JSON-ready dict."""
        return {"text": self.text, "start": self.start, "end": self.end, "reason": self.reason}


_NON_SPACE = re.compile(r"\S+")


def _reason(character: str) -> Literal["control", "format", "other"]:
    category = unicodedata.category(character)
    return "control" if category == "Cc" else "format" if category == "Cf" else "other"


def skipped_characters(text: str, tokens: tuple[Token, ...]) -> tuple[Skipped, ...]:
    r"""Return the characters that are neither whitespace nor in a token, grouped by reason.

    Examples
    --------
    >>> token = Token(index=0, text="a", start=0, end=1, sentence=0)
    >>> skipped_characters("a\x13\x07 \u202e", (token,))  # doctest: +NORMALIZE_WHITESPACE
    (Skipped(start=1, end=3, text='\x13\x07', reason='control'),
     Skipped(start=4, end=5, text='\u202e', reason='format'))
    """
    found: list[Skipped] = []
    position = 0
    for start, end in [*((token.start, token.end) for token in tokens), (len(text), len(text))]:
        for stretch in _NON_SPACE.finditer(text, position, max(position, start)):
            for offset, character in enumerate(stretch.group(), stretch.start()):
                reason = _reason(character)
                last = found[-1] if found else None
                if last is not None and last.end == offset and last.reason == reason:
                    found[-1] = Skipped(last.start, offset + 1, last.text + character, reason)
                else:
                    found.append(Skipped(offset, offset + 1, character, reason))
        position = max(position, end)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class CorpusText:
    """A text from a corpus file with its metadata (language, genre, date, ...)."""

    name: str
    text: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    path: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))


@dataclass(frozen=True, slots=True)
class Document:
    """An analysed text: tokens, sentences and every later layer, all with offsets.

    Build it with :func:`toolkit.analyse`. Layers that were not computed are empty
    (``verbs``, ``speech``) or ``None`` (``sentiment``).

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Der Kreml kritisiert das. Peskow warnte.")
    >>> [sentence.text for sentence in doc.sentences]
    ['Der Kreml kritisiert das.', 'Peskow warnte.']
    >>> [token.text for token in doc.sentence_tokens(1)]
    ['Peskow', 'warnte', '.']
    """

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    verbs: tuple[VerbMood, ...] = ()
    speech: tuple[ReportedSpeech, ...] = ()
    sentiment: DocumentSentiment | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    #: Characters in no token (see :class:`Skipped`); found from the tokens when not given.
    skipped: tuple[Skipped, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))
        if self.skipped is None:
            object.__setattr__(self, "skipped", skipped_characters(self.text, self.tokens))
        self.check_offsets()

    def check_offsets(self) -> None:
        """Raise ``ValueError`` if any record breaks ``text[start:end] == record.text``."""
        for record in self._records_with_offsets():
            if self.text[record.start : record.end] != record.text:
                raise ValueError(
                    f"offset invariant broken by {type(record).__name__} {record.text!r} at "
                    f"{record.start}:{record.end} (text there: "
                    f"{self.text[record.start : record.end]!r})"
                )

    def _records_with_offsets(self) -> Iterator[Any]:
        yield from self.tokens
        yield from self.sentences
        yield from self.skipped or ()
        yield from self.verbs
        for instance in self.speech:
            yield from instance.spans()
        if self.sentiment is not None:
            for sentence in self.sentiment.sentences:
                yield from sentence.words

    def sentence_tokens(self, sentence: int) -> tuple[Token, ...]:
        """Return the tokens of sentence number ``sentence``."""
        current = self.sentences[sentence]
        return self.tokens[current.first_token : current.last_token + 1]

    def verb_at(self, token: int) -> VerbMood | None:
        """Return the mood record of token number ``token``, or ``None`` if it is no finite verb."""
        return _verbs_by_token(self).get(token)

    def to_dict(self) -> dict[str, Any]:
        """Return the stable JSON contract (see the README's "Command line" section)."""
        verbs = _verbs_by_token(self)
        tokens = []
        for token in self.tokens:
            record: dict[str, Any] = {
                "text": token.text,
                "start": token.start,
                "end": token.end,
                "sentence": token.sentence,
                "lemma": token.lemma,
                "pos": token.pos,
            }
            verb = verbs.get(token.index)
            record.update(verb.token_fields() if verb else dict.fromkeys(VERB_TOKEN_FIELDS))
            tokens.append(record)
        return {
            "text": self.text,
            "metadata": dict(self.metadata),
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "tokens": tokens,
            "speech": [instance.to_dict() for instance in self.speech],
            "sentiment": self.sentiment.to_dict() if self.sentiment else None,
            "skipped": [record.to_dict() for record in self.skipped or ()],
        }


def coverage_problems(document: Document) -> list[str]:
    r"""Return what breaks the coverage invariant of a document (an empty list if nothing).

    The invariant: tokens follow each other without overlap and hold no character for which
    ``str.isspace()`` is true; sentences are consecutive runs of tokens; every character that
    is not whitespace lies in exactly one token and one sentence, or in ``document.skipped``.

    Examples
    --------
    >>> from toolkit import analyse
    >>> coverage_problems(analyse("Er kam.‮ Sie ging."))
    []
    """
    problems: list[str] = []
    text, tokens = document.text, document.tokens
    covered = [0] * len(text)
    for previous, token in zip((None, *tokens), tokens, strict=False):
        if previous is not None and token.start < previous.end:
            problems.append(f"token {token.index} {token.text!r} overlaps the token before")
        if token.start >= token.end or any(character.isspace() for character in token.text):
            problems.append(f"token {token.index} {token.text!r} is empty or holds whitespace")
        for position in range(token.start, token.end):
            covered[position] += 1
    expected_first = 0
    in_sentence = [0] * len(text)
    for index, sentence in enumerate(document.sentences):
        if sentence.first_token != expected_first or sentence.last_token < sentence.first_token:
            problems.append(f"sentence {index} does not start after the sentence before")
        if any(tokens[k].sentence != index for k in sentence.token_indices if k < len(tokens)):
            problems.append(f"sentence {index} holds tokens numbered for another sentence")
        expected_first = sentence.last_token + 1
        for position in range(sentence.start, sentence.end):
            in_sentence[position] += 1
    if expected_first != len(tokens):
        problems.append("some tokens are in no sentence")
    for record in document.skipped or ():
        for position in range(record.start, record.end):
            covered[position] += 1
            in_sentence[position] = max(in_sentence[position], 1)
    for position, character in enumerate(text):
        if character.isspace():
            continue
        if covered[position] != 1 or in_sentence[position] != 1:
            problems.append(
                f"character {character!r} at {position} is in {covered[position]} tokens or "
                f"skipped records and {in_sentence[position]} sentences"
            )
            if len(problems) > 20:
                break
    return problems


def _verbs_by_token(document: Document) -> dict[int, VerbMood]:
    return {verb.token: verb for verb in document.verbs}
