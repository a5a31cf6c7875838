"""Reported speech: direct quotes, indirect speech and narrated speech acts, with cue and speaker.

The stage runs after the mood stage and adds ``Document.speech``: one
:class:`~toolkit.model.ReportedSpeech` per instance, in text order. The categories follow the
Redewiedergabe guidelines:

``direct``
    Quoted words (:mod:`toolkit.speech.quotes`), also a quoted fragment inside a sentence. Titles
    and names in quotes (``'The Times'``, ``„Die Welt“``) and scare quotes are not speech.
``indirect``
    A paraphrase: a ``dass``/``ob``/w-clause, a verb-second clause in Konjunktiv or a
    ``zu``-infinitive after a cue (:mod:`toolkit.speech.frames`); ``laut X``, ``X zufolge``,
    ``nach Angaben X``, ``so X``; and a main clause in Konjunktiv I that goes on with the
    previous speaker without a new cue (``Danach werde der Norweger ...``). Konjunktiv II of
    an unreal condition (``Wäre ..., hätten wir ...``) does not continue speech.
``reported``
    A narrated speech act: a cue verb that reports no clause (``Der Kreml hat die
    Äußerungen scharf kritisiert``).

Cues come from :mod:`toolkit.speech.cues` (verbs of saying, thinking and writing with their
medium); speakers from :mod:`toolkit.speech.speakers` (mention as written, resolved name).

Decisions worth knowing:

- A cue of several words is one cue: ``ReportedSpeech.cue`` is its main word (the verb
  ``hob``), ``cue_parts`` all its words (``hob``, ``hervor``), ``cue_lemma`` the dictionary
  form (``hervorheben``), and ``cue_text`` shows ``hob hervor`` or ``verwies ... auf``.
- An instance interrupted by its frame keeps its pieces in ``parts``
  (``Das, so Peskow, sei gefährlich`` -> ``Das`` + ``sei gefährlich.``).
- A continuation in Konjunktiv I has no cue (``cue is None``); its speaker and mention are
  those of the last speaker. The Redewiedergabe corpus calls such passages "indirect /
  free indirect", WikiNews "IndirectFreeIndirect".
- Speech inside a quotation is found too (``»Ich weiß nicht«``: reported thought inside
  direct speech); instances may overlap, records are sorted by position.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Peskow warnte, dass dies gefährlich sei. Danach werde alles anders.")
>>> [(s.kind, s.text, s.cue_text, s.speaker) for s in doc.speech]
... # doctest: +NORMALIZE_WHITESPACE
[('indirect', 'dass dies gefährlich sei.', 'warnte', 'Peskow'),
 ('indirect', 'Danach werde alles anders.', None, 'Peskow')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from toolkit.config import AnalysisConfig
from toolkit.model import Document, ReportedSpeech, Span, Token, VerbMood
from toolkit.speech.cues import Cue, find_cues, segment_end, source_preposition, unnamed_source
from toolkit.speech.direct import (
    Direct,
    colon_speaker,
    cue_part_spans,
    cue_span,
    direct_quotations,
    direct_record,
    document_quotations,
    document_span,
    inherit,
    quote_in_clause,
    token_span,
)
from toolkit.speech.frames import frames_words_before, is_unreal, reported_frame, verb_frame
from toolkit.speech.mood_context import resolve_moods
from toolkit.speech.reader_forms import anonymous_report, source_of
from toolkit.speech.sources import noun_frame, prepositional_frame
from toolkit.speech.speaker_features import names_someone
from toolkit.speech.speaker_ranking import load_weights, rank_speakers
from toolkit.speech.speakers import FINITE, SpeakerResolver
from toolkit.speech.unquoted import addresses, speaker_label
from toolkit.speech.view import Frame, SentenceView, speaker_of
from toolkit.tagging import is_tagged, tag_document

#: Sentences back a speaker goes on in Konjunktiv II without a cue (in Konjunktiv I: any).
CONTINUATION_WINDOW = 1
#: Longest sentence (in tokens) that goes on with unquoted speech after a colon.
_MAX_GOING_ON = 60
_SUBORDINATE_STARTS = frozenset({"KOUS", "PRELS", "PRELAT", "PWAV", "PWS", "KOUI"})
_IRREALIS = frozenset({"wenn", "falls", "sonst", "gern", "gerne", "lieber", "fast", "beinahe"})


def analyse_speech(document: Document, config: AnalysisConfig | None = None) -> Document:
    """Pipeline stage: fill ``Document.speech`` (tags the text first if needed).

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("„Wir kommen“, sagte sie. Laut Polizei gab es drei Verletzte.")
    >>> [(s.kind, s.text, s.cue_text) for s in doc.speech]
    [('direct', '„Wir kommen“', 'sagte'), ('indirect', 'gab es drei Verletzte.', 'Laut')]
    """
    if not is_tagged(document):
        document = tag_document(document)
    _, speech = speech_layers(document, (config or AnalysisConfig()).speech_model)
    return replace(document, speech=speech, verbs=resolve_moods(document, speech))


def speech_layers(
    document: Document, mode: str = "model"
) -> tuple[tuple[ReportedSpeech, ...], tuple[ReportedSpeech, ...]]:
    """Return the rules' speech instances and the final ones under ``mode``, in one pass.

    ``mode`` is a value of ``AnalysisConfig.speech_model``; with ``"rules"`` both are the
    same. The document must be tagged. Rules and model side by side (notebook 03) need no
    second run of the rules.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Nach Angaben des Ministeriums soll er kommen.", speech=False)
    >>> rules, model = speech_layers(doc)
    >>> rules[0].speaker, model[0].speaker  # the ranking names the source in reader form
    ('Ministeriums', 'Ministerium')
    """
    signals: dict[str, Any] = {}
    rules = tuple(detect_speech(document, signals))
    if mode == "rules":
        return rules, rules
    # the learned layers: the rules' output is their features (spans, then speakers)
    from toolkit.speech.learned import apply_model

    learned = apply_model(
        document, rules, signals["cues"], mode=mode, quotations=signals["quotations"]
    )
    speech = rules if learned is None else tuple(learned)
    return rules, tuple(rank_document_speakers(document, speech))


def rank_document_speakers(
    document: Document, records: Sequence[ReportedSpeech]
) -> list[ReportedSpeech]:
    """Let the learned ranking choose each record's speaker (the rules', if no weights ship)."""
    weights = load_weights()
    if weights is None:
        return list(records)
    return rank_speakers(document, records, weights)


def detect_speech(
    document: Document, signals: dict[str, Any] | None = None
) -> list[ReportedSpeech]:
    """Return the speech instances of a tagged document, in text order.

    ``signals``, if given, receives the cues found per sentence (``"cues"``) and the
    quotations (``"quotations"``) for the learned layer, which reads them as features.
    """
    tokens = document.tokens
    starts = [token.start for token in tokens]
    cues = [find_cues(document.sentence_tokens(s.index)) for s in document.sentences]
    quotations = document_quotations(document)
    if signals is not None:
        signals["cues"] = cues
        signals["quotations"] = quotations
    directs = direct_quotations(document, starts, cues, quotations)
    verbs = {verb.token: verb for verb in document.verbs}
    # Each sentence's verbs and quotations, found in one pass over all of them (in their
    # order), not by a scan of all verbs and quotations per sentence (quadratic).
    sentence_of = _sentence_of_tokens(document)
    sentence_verbs: list[list[tuple[int, VerbMood]]] = [[] for _ in document.sentences]
    for t, v in verbs.items():
        if 0 <= t < len(sentence_of) and sentence_of[t] >= 0:
            sentence_verbs[sentence_of[t]].append((t, v))
    sentence_directs = _directs_by_sentence(document, directs, sentence_of)
    resolver = SpeakerResolver()
    records: list[ReportedSpeech] = []
    recorded = _RecordedSentences(records)
    last: tuple[int, str | None, Span | None] | None = None  # sentence, speaker, mention
    unquoted_colon = -2  # the last sentence with unquoted direct speech after a colon
    for sentence in document.sentences:
        offset = sentence.first_token
        sentence_tokens = document.sentence_tokens(sentence.index)
        resolver.observe(sentence_tokens)
        quotes = {
            (max(d.first, offset) - offset, min(d.end, sentence.last_token + 1) - offset): d
            for d in sentence_directs[sentence.index]
        }
        view = SentenceView(
            sentence_tokens,
            {t - offset: v for t, v in sentence_verbs[sentence.index]},
            sorted(quotes),
        )
        previous_free = sentence.index > 0 and _free_sentence(
            sentence.index - 1, recorded, sentence_directs
        )
        frames = _sentence_frames(view, cues[sentence.index], previous_free)
        if not frames and unquoted_colon == sentence.index - 1 and _speech_goes_on(view):
            frames.append(Frame("direct", [(0, len(view.tokens))], None, None))
        if not any(f.kind != "direct" for f in frames):
            frame = _continuation(view, sentence.index, last)
            if frame is not None:
                frames.append(frame)
        if any(_unquoted_after_colon(view, frame) for frame in frames):
            unquoted_colon = sentence.index
        for frame in frames:
            speaker, mention = _speaker(document, offset, frame, resolver, last)
            if frame.kind == "direct" and frame.quote is not None:
                for piece in frame.pieces:
                    direct = quotes.get(piece)
                    if direct is not None and frame.gap is not None:
                        direct.gaps.append((offset + frame.gap[0], offset + frame.gap[1]))
                    if direct is not None and not direct.framed:
                        direct.framed = True
                        direct.attributes = {
                            "cue": cue_span(document, offset, frame.cue),
                            "speaker": speaker,
                            "speaker_mention": mention,
                            "medium": frame.cue.medium if frame.cue else None,
                            "cue_parts": cue_part_spans(document, offset, frame.cue),
                            "cue_lemma": frame.cue.lemma if frame.cue else None,
                        }
            elif frame.previous_sentence:
                record = _previous_sentence_record(document, sentence.index, frame, recorded)
                if record is not None:
                    records.append(_with_speaker(record, speaker, mention))
            else:
                records.append(_record(document, sentence.index, offset, frame, speaker, mention))
                inherit(quotes, frame, records[-1])
            if speaker is not None or mention is not None:
                last = (sentence.index, speaker, mention)
        for (q_start, _q_end), direct in quotes.items():
            if direct.attributes is not None or direct.first - offset != q_start:
                continue
            introduced = colon_speaker(view, q_start)  # "X sieht es so: „...“"
            if introduced is not None:
                frame = Frame("direct", [], None, introduced)
                last = (sentence.index, *_speaker(document, offset, frame, resolver, last))
            if last and last[0] >= sentence.index - 1:
                direct.attributes = {"speaker": last[1], "speaker_mention": last[2]}
    records.extend(direct_record(document, direct) for direct in directs)
    return sorted(records, key=lambda r: (r.start, -r.end, r.kind))


class _RecordedSentences:
    """The sentences that have a record so far, read from a list that only grows.

    Each record is read once, where ``any(r.sentence == k for r in records)`` read all of
    them for every sentence (quadratic in long texts).
    """

    def __init__(self, records: list[ReportedSpeech]) -> None:
        self._records = records
        self._read = 0
        self._sentences: set[int] = set()

    def __contains__(self, sentence: int) -> bool:
        while self._read < len(self._records):
            self._sentences.add(self._records[self._read].sentence)
            self._read += 1
        return sentence in self._sentences


def _sentence_of_tokens(document: Document) -> list[int]:
    """Return the position in ``document.sentences`` of each token's sentence (-1: none)."""
    found = [-1] * len(document.tokens)
    for position, sentence in enumerate(document.sentences):
        found[sentence.first_token : sentence.last_token + 1] = [position] * (
            sentence.last_token + 1 - sentence.first_token
        )
    return found


def _directs_by_sentence(
    document: Document, directs: list[Direct], sentence_of: list[int]
) -> list[list[Direct]]:
    """Return, per sentence, the quotations that overlap its tokens (in the order given)."""
    found: list[list[Direct]] = [[] for _ in document.sentences]
    if not document.sentences:
        return found
    last_token = len(sentence_of) - 1
    for d in directs:
        first = sentence_of[min(max(d.first, 0), last_token)]
        last = sentence_of[min(max(d.end - 1, 0), last_token)]
        first, last = max(first, 0), last if last >= 0 else len(document.sentences) - 1
        for index in range(first, last + 1):
            sentence = document.sentences[index]
            if d.first <= sentence.last_token and d.end > sentence.first_token:
                found[index].append(d)
    return found


def _free_sentence(
    index: int, recorded: _RecordedSentences, sentence_directs: list[list[Direct]]
) -> bool:
    """Whether a sentence has no speech of its own yet (no record, no quotation in it)."""
    if index in recorded:
        return False
    return not sentence_directs[index]


def _sentence_frames(view: SentenceView, cues: list[Cue], previous_free: bool) -> list[Frame]:
    frames: list[Frame] = []
    first = cues[0] if cues else None
    if previous_free and first is not None and _frames_previous(view, first):
        # "Nil admirari! rief Flügger lachend.": the sentence before is what was said
        speaker = speaker_of(view, first)
        frames.append(Frame("direct", [], first, speaker, previous_sentence=True))
        view.claimed.append((0, len(view.tokens)))
        return frames
    label = speaker_label(view)
    if label is not None:  # "Merkel: Wir schaffen das."
        frames.append(Frame("direct", [label[1]], None, label[0]))
    # Verbs first, then prepositions, then nouns: a speech noun inside what a verb or a
    # "laut X" reports ("hat die Äußerungen kritisiert") is part of that, not a frame of its own.
    order = {"verb": 0, "prep": 1, "noun": 2}
    for cue in sorted(cues, key=lambda cue: order[cue.cue_class]):
        if view.is_claimed(cue.token):
            if cue.cue_class == "prep":
                _source_of_a_thought(view, frames, _cue_frame(view, cue), cue)
            continue
        frame = _cue_frame(view, cue)
        if not _usable(frame, len(view.tokens)):
            continue
        starts = [start for start, _ in frame.pieces]  # type: ignore[union-attr]
        if cue.cue_class == "prep" and any(view.is_claimed(start) for start in starts):
            continue  # a "laut X" inside what a verb reports
        if frame.kind == "indirect" and _reported_already(frames, starts):  # type: ignore[union-attr]
            # another cue reports these words ("haben aufgerufen ... und angekündigt, man
            # werde ..."): one instance, with the cue nearest before the words
            same = next((f for f in frames if f.pieces == frame.pieces), None)  # type: ignore[union-attr]
            if (
                same is not None
                and same.cue is not None
                and same.cue.cue_class == cue.cue_class == "verb"
                and same.cue.token < cue.token < starts[0]
            ):
                frames[frames.index(same)] = frame  # type: ignore[call-overload]
            continue
        frames.append(frame)  # type: ignore[arg-type]
        if frame.kind != "direct":  # type: ignore[union-attr]
            view.claimed.extend(frame.pieces)  # type: ignore[union-attr]
        if cue.cue_class == "prep" and frame.speaker is not None:  # type: ignore[union-attr]
            # the source is no speech act of its own: "laut einer Pressemitteilung des BMI"
            view.claimed.append(frame.speaker)  # type: ignore[union-attr]
    return frames


def _source_of_a_thought(
    view: SentenceView, frames: list[Frame], source: Frame | None, cue: Cue
) -> None:
    """Let a named source speak for a thought it reports inside a narrated act.

    ``Die Firma plant nach Angaben der Gewerkschaft den Abbau von Stellen``: a plan is not
    heard; the Gewerkschaft tells it, and a reader names it as the speaker. A spoken act
    keeps its subject (``Merkel lobte laut Sprecher die Arbeit``: Merkel praised).
    """
    if source is None or source.speaker is None or source.source_only:
        return  # "nach ersten Angaben" names no one
    words = view.tokens[source.speaker[0] : source.speaker[1]]
    if not names_someone(words):
        return  # "plant nach ersten Angaben den Abbau": the phrase after it is no source
    if unnamed_source(words):
        return  # "laut Berichten": no one is named, and the one who plans stays
    position = cue.parts[0] if cue.parts else cue.token
    for frame in frames:
        if (
            frame.kind == "reported"
            and frame.cue is not None
            and frame.cue.medium == "thought"
            and any(a <= position < b for a, b in frame.pieces)
        ):
            frame.speaker = source.speaker
            frame.source_only = False
            frame.source_subject = None


def _reported_already(frames: list[Frame], starts: list[int]) -> bool:
    """Whether an indirect frame found before holds one of these word positions."""
    return any(
        a <= start < b
        for frame in frames
        if frame.kind == "indirect"
        for a, b in frame.pieces
        for start in starts
    )


def _cue_frame(view: SentenceView, cue: Cue) -> Frame | None:
    if cue.cue_class == "prep":
        return prepositional_frame(view, cue)
    frame = verb_frame(view, cue)
    if frame is None and cue.cue_class == "verb":
        frame = quote_in_clause(view, cue)
        if frame is None and cue.reported and not is_unreal(view, cue):
            frame = None if frames_words_before(view, cue) else reported_frame(view, cue)
    elif frame is None and cue.reported:
        frame = noun_frame(view, cue)
        if not (cue.alone or frame.speaker or _possessive_before(view.tokens, cue.token)):
            frame = None  # "die Worte des Grafen", "seine Rede": only with a speaker
    return frame


def _possessive_before(tokens: Sequence[Token], noun: int) -> bool:
    start = noun
    while start > 0 and tokens[start - 1].pos in {"ADJA", "CARD", "ADV"}:
        start -= 1
    return start > 0 and tokens[start - 1].pos == "PPOSAT"


def _frames_previous(view: SentenceView, cue: Cue) -> bool:
    tokens = view.tokens
    return (
        cue.token == 0
        and cue.cue_class == "verb"
        and tokens[0].pos == "VVFIN"
        and tokens[0].text[:1].islower()
        and len(tokens) > 1
        and tokens[1].pos in {"PPER", "NE", "NN", "ART", "PPOSAT", "ADJA"}
    )


def _usable(frame: Frame | None, size: int) -> bool:
    """Keep only frames with at least one non-empty piece inside the sentence."""
    if frame is None:
        return False
    frame.pieces = [(max(0, s), min(size, e)) for s, e in frame.pieces if min(size, e) > max(0, s)]
    return bool(frame.pieces)


#: Present forms of ``sollen`` that report a claim with a perfect infinitive.
_HEARSAY_FORMS = frozenset({"soll", "sollen"})
#: Verbs (and the ends of their compounds) whose perfect takes "sein": motion and change.
_SEIN_PERFECT_VERBS = (
    "kommen", "gehen", "steigen", "fahren", "fliehen", "fallen", "stürzen", "brechen",
    "laufen", "fliegen", "reisen", "sterben", "geraten", "gelingen", "geschehen", "passieren",
    "verschwinden", "trinken", "gelangen", "dringen", "treten", "ziehen", "sinken",
    "springen", "explodieren", "entstehen", "scheinen", "bleiben", "brennen", "rasen",
    "rennen", "schwimmen", "wachsen", "weichen", "reiten", "eilen", "schlüpfen",
)  # fmt: skip


def _continuation(
    view: SentenceView, sentence: int, last: tuple[int, str | None, Span | None] | None
) -> Frame | None:
    """Continue the last speaker in a main clause in Konjunktiv I (or II right after speech)."""
    tokens = view.tokens
    main = _main_finite(view)
    if main is None:
        return None
    if _hearsay_sollen(tokens, main):
        return Frame("indirect", [(0, len(tokens))], None, None)
    verb = view.verbs.get(main)
    if verb is None or verb.mood != "Sub":
        return None
    recent = last is not None and last[0] >= sentence - CONTINUATION_WINDOW
    if verb.konjunktiv == "II":
        opening = tokens[0].pos in FINITE  # "Wäre ..., hätten wir": a condition
        if not recent or opening or any(t.text.lower() in _IRREALIS for t in tokens):
            return None
    end = len(tokens)
    start = 0
    if view.quote_around(main) is not None:
        return None
    return Frame("indirect", [(start, end)], None, None)


def _hearsay_sollen(tokens: Sequence[Token], main: int) -> bool:
    """Whether ``sollen`` with a perfect infinitive passes on what others claim.

    ``Der Ehemann soll sofort ausgestiegen sein.``, ``Zehn Menschen sollen verletzt worden
    sein.``: the writer reports a claim without a frame (WikiNews' free indirect speech).
    ``Der Bau soll 2010 fertig sein`` (a plan) has no perfect infinitive and stays narration.
    """
    if tokens[main].text.lower() not in _HEARSAY_FORMS:
        return False
    last = segment_end(tokens, main) - 1
    if last - 1 <= main or tokens[last].pos != "VAINF":
        return False
    auxiliary, participle = tokens[last].text.lower(), tokens[last - 1]
    if participle.pos not in {"VVPP", "VAPP", "VMPP"}:
        return False
    if auxiliary == "haben" or participle.text in {"worden", "gewesen"}:
        return True
    # "sein" with a participle is a perfect only for verbs of motion or change; else it is
    # a state, often a plan ("soll bis 2010 fertiggestellt sein")
    lemma = (participle.lemma or participle.text).lower()
    return auxiliary == "sein" and lemma.endswith(_SEIN_PERFECT_VERBS)


def _unquoted_after_colon(view: SentenceView, frame: Frame) -> bool:
    """Whether a frame is direct speech without marks after a colon (``rief: Gott!``)."""
    if frame.kind != "direct" or frame.quote is not None or frame.cue is None:
        return False
    first, end = frame.pieces[-1]
    return first > 0 and view.tokens[first - 1].text == ":" and end == len(view.tokens)


def _speech_goes_on(view: SentenceView) -> bool:
    """Whether unquoted speech after a colon goes on in the next sentence.

    ``Er rief: Gott! Wenn das dein Vater wüsste!`` -- it does when the sentence brings no
    frame or quotation of its own, is not long, and speaks to someone: first or second
    person, polite ``Sie`` or an imperative.
    """
    size = len(view.tokens)
    return not view.quotes and size <= _MAX_GOING_ON and addresses(view, (0, size), marks=False)


def _main_finite(view: SentenceView) -> int | None:
    segment_start = 0
    for i, token in enumerate(view.tokens):
        if token.pos in {"$,", "$."}:
            segment_start = i + 1
            continue
        if token.pos in FINITE and view.quote_around(i) is None:
            opener = view.tokens[segment_start] if segment_start < i else None
            if opener is not None and opener.pos in _SUBORDINATE_STARTS:
                continue
            return i
    return None


def _speaker(
    document: Document,
    offset: int,
    frame: Frame,
    resolver: SpeakerResolver,
    last: tuple[int, str | None, Span | None] | None,
) -> tuple[str | None, Span | None]:
    if frame.speaker is None:
        if frame.cue is None and last is not None:  # a continuation: the last speaker goes on
            return last[1], last[2]
        return None, None
    mention: Sequence[Token] = document.tokens[
        offset + frame.speaker[0] : offset + frame.speaker[1]
    ]
    span = token_span(document, offset, frame.speaker)
    if frame.source_only and frame.source_subject is not None:  # "nach eigenen Angaben"
        subject = frame.source_subject
        return resolver.resolve(document.tokens[offset + subject[0] : offset + subject[1]]), span
    if frame.source_only:
        return _source_name(mention, last), span
    first, end = offset + frame.speaker[0], offset + frame.speaker[1]
    tokens = document.tokens
    prepositional = source_preposition(tokens, first, end) is not None
    if unnamed_source(mention) and (
        prepositional or any(anonymous_report(token.text) for token in mention)
    ):
        # "laut vorläufigem Ergebnis", "laut einer Pressemitteilung" name no one; "Die
        # Ermittlungen ergaben": the investigation is named
        return None, span
    return resolver.resolve(mention), span


def _source_name(
    mention: Sequence[Token], last: tuple[int, str | None, Span | None] | None
) -> str | None:
    """``Polizeiangaben`` -> ``Polizei``; ``demnach``, ``eigenen Angaben``: the last speaker.

    ``Berichten zufolge``, ``nach ersten Informationen`` name no one: ``None``.
    """
    source = source_of(mention[-1].text)
    if source is not None:
        return source
    if unnamed_source(mention):
        return None
    return last[1] if last is not None else None


def _record(
    document: Document,
    sentence: int,
    offset: int,
    frame: Frame,
    speaker: str | None,
    mention: Span | None,
) -> ReportedSpeech:
    pieces = [token_span(document, offset, piece) for piece in sorted(frame.pieces)]
    start, end = pieces[0].start, pieces[-1].end
    cue = frame.cue
    medium = cue.medium if cue else "speech"
    if medium == "speech" and _in_writing(document.sentence_tokens(sentence), frame.pieces):
        medium = "writing"  # "erklärte in der Tageszeitung 'The Times'"
    return ReportedSpeech(
        kind=frame.kind,  # type: ignore[arg-type]
        start=start,
        end=end,
        text=document.text[start:end],
        sentence=sentence,
        cue=cue_span(document, offset, cue),
        speaker=speaker,
        speaker_mention=mention,
        medium=medium,
        cue_parts=cue_part_spans(document, offset, cue),
        cue_lemma=cue.lemma if cue else None,
        parts=tuple(pieces) if len(pieces) > 1 else (),
    )


#: Nouns of written media (compounds count by their end): said "in der Zeitung", written.
_WRITTEN = (
    *("zeitung", "zeitschrift", "magazin", "brief", "schreiben", "erklärung", "mitteilung"),
    *("stellungnahme", "artikel", "beitrag", "kolumne", "blog", "buch", "bericht"),
)


def _in_writing(tokens: Sequence[Token], pieces: Iterable[tuple[int, int]]) -> bool:
    """Whether the frame says where it was written: ``in der Tageszeitung``, ``im Blog``.

    Only the first noun after ``in``/``im`` counts: ``in einem Interview mit der Zeitung``
    was spoken.
    """
    inside = {k for first, end in pieces for k in range(first, end)}
    for k, token in enumerate(tokens):
        if k in inside or token.text.lower() not in {"in", "im"}:
            continue
        noun = next((t for t in tokens[k + 1 : k + 5] if t.pos in {"NN", "NE"}), None)
        if noun is not None and noun.text.lower().endswith(_WRITTEN):
            return True
    return False


def _with_speaker(
    record: ReportedSpeech, speaker: str | None, mention: Span | None
) -> ReportedSpeech:
    return replace(record, speaker=speaker, speaker_mention=mention)


def _previous_sentence_record(
    document: Document, sentence: int, frame: Frame, recorded: _RecordedSentences
) -> ReportedSpeech | None:
    """Return the sentence before as what was said (``Dies bestätigte Y.``, ``Nein! rief er.``)."""
    if sentence == 0 or sentence - 1 in recorded:
        return None
    previous = document.sentences[sentence - 1]
    offset = document.sentences[sentence].first_token
    pieces = [document_span(document, previous.start, previous.end)]
    pieces += [token_span(document, offset, piece) for piece in frame.pieces]
    cue = frame.cue
    return ReportedSpeech(
        kind=frame.kind,  # type: ignore[arg-type]
        start=pieces[0].start,
        end=pieces[-1].end,
        text=document.text[pieces[0].start : pieces[-1].end],
        sentence=sentence - 1,
        cue=cue_span(document, offset, cue),
        medium=cue.medium if cue else "speech",
        cue_parts=cue_part_spans(document, offset, cue),
        cue_lemma=cue.lemma if cue else None,
        parts=tuple(pieces) if len(pieces) > 1 else (),
    )
