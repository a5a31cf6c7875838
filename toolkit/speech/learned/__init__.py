"""The learned layer of reported speech: a CRF labels spans and kinds, the rules explain.

The rule stage (:mod:`toolkit.speech`) runs first and its output becomes features
(:mod:`~toolkit.speech.learned.features`); a linear-chain CRF (CRFsuite, trained by
``python -m toolkit.speech.learned.train``) labels every token with the kinds of speech it
belongs to, and :mod:`~toolkit.speech.learned.spans` turns the labels into records that keep
the rules' cue and speaker, the model's confidence and the rule signals that fired. With
``speech_model="model"`` (the default) the rules' instances stay and the model adds its own
where no rule instance is; with ``"model-only"`` the model decides every instance.

The weights (``toolkit/speech/weights/spans.crfsuite``, CC BY-NC-SA 4.0 like the corpora they
were trained on) are loaded once per process, on first use. Without them (a stripped install)
the toolkit warns once and keeps the rule output.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("„Wir kommen“, sagte sie.")
>>> [(s.kind, s.text, s.cue_text) for s in doc.speech]
[('direct', '„Wir kommen“', 'sagte')]
>>> analyse("„Wir kommen“, sagte sie.", speech_model="rules").speech[0].confidence is None
True
"""

from __future__ import annotations

import gc
import threading
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from toolkit.model import Document, ReportedSpeech
from toolkit.speech.cues import Cue
from toolkit.speech.learned.features import document_features
from toolkit.speech.learned.spans import decode, parse_label
from toolkit.speech.quotes import Quotation

__all__ = ["MODEL_NAMES", "SpanModel", "apply_model", "load_model", "weights_path"]

#: Values of ``AnalysisConfig.speech_model``: ``model`` keeps every rule instance and adds the
#: CRF's instances that no rule instance touches (measured best on the dev portions);
#: ``model-only`` lets the CRF decide every span and kind; ``rules`` is the rules alone.
MODEL_NAMES = ("model", "model-only", "rules")
WEIGHTS_FILE = "spans.crfsuite"
#: Least confidence of an instance the model adds where no rule instance is (chosen on dev).
MIN_ADDED_CONFIDENCE = 0.0

_LOCK = threading.Lock()


def weights_path() -> Path:
    """Where the shipped weights live (the file may be absent in a stripped install)."""
    return Path(str(resources.files("toolkit.speech") / "weights" / WEIGHTS_FILE))


class SpanModel:
    """A trained CRF over token features; ``predict`` gives labels and per-code marginals."""

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self.labels = tuple(self._tagger.labels())
        self._codes = {label: tuple(parse_label(label)) for label in self.labels}

    def predict(self, features: list[list[str]]) -> tuple[list[str], list[dict[str, float]]]:
        """Return the best label per token and the marginal probability of that label.

        The probability is given for each code of the label (``{"D": 0.97, "I": 0.97}`` for
        ``D|I``), so an instance's confidence is the mean over its tokens.
        """
        if not features:
            return [], []
        import pycrfsuite

        with _LOCK:  # a CRFsuite tagger holds its current sequence
            self._tagger.set(pycrfsuite.ItemSequence(features))
            labels = self._tagger.tag()
            marginal = self._tagger.marginal
            marginals = [
                dict.fromkeys(self._codes[label], marginal(label, i)) if label != "O" else {}
                for i, label in enumerate(labels)
            ]
        return labels, marginals


@cache
def load_model() -> SpanModel | None:
    """Load the shipped weights once per process; ``None`` (with one warning) when absent."""
    path = weights_path()
    if not path.is_file():
        warnings.warn(
            f"Speech model weights not found ({path}); using the rules "
            "(speech_model='rules'). / Gewichte des Sprachmodells fehlen; es gelten die Regeln.",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return SpanModel(path)


def apply_model(
    document: Document,
    records: Sequence[ReportedSpeech],
    cues: Sequence[Sequence[Cue]] | None = None,
    model: SpanModel | Any | None = None,
    mode: str = "model",
    quotations: Sequence[Quotation] | None = None,
) -> list[ReportedSpeech] | None:
    """Return the learned layer's records for a tagged document (``None``: no weights).

    ``records``, ``cues`` and ``quotations`` are the rule stage's output for the same
    document (found again when not given); ``mode`` is ``model`` (the rules' instances and
    the model's additions) or ``model-only``.
    """
    model = model if model is not None else load_model()
    if model is None:
        return None
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of short feature strings: no collection passes meanwhile
    try:
        labels, marginals = model.predict(document_features(document, records, cues, quotations))
    finally:
        if collecting:
            gc.enable()
    learned = decode(document, labels, marginals, records)
    if mode == "model-only":
        return learned
    # the rules' instances stay; the model adds what no rule instance touches
    touches = _overlap_test([piece for record in records for piece in record.pieces()])
    added = [
        record
        for record in learned
        if (record.confidence or 0.0) >= MIN_ADDED_CONFIDENCE
        and not any(touches(start, end) for start, end in record.pieces())
    ]
    if added:
        added = _without_what_the_rules_rule_out(document, added, records, cues, quotations)
    return with_recent_speakers(sorted([*records, *added], key=lambda r: (r.start, -r.end, r.kind)))


def _overlap_test(pieces: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Return ``touches(start, end)``: whether any of ``pieces`` overlaps that range.

    By bisection over the pieces sorted by start, with the largest end so far: a scan of
    every rule piece for each learned instance grew with the square of the text.

    Examples
    --------
    >>> touches = _overlap_test([(0, 5), (10, 20)])
    >>> touches(4, 6), touches(5, 10), touches(19, 30)
    (True, False, True)
    """
    ordered = sorted(pieces)
    starts = [start for start, _ in ordered]
    reach, furthest = [], -1
    for _, end in ordered:
        furthest = max(furthest, end)
        reach.append(furthest)

    def touches(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # the pieces that start before this range ends
        return before > 0 and reach[before - 1] > start

    return touches


def _without_what_the_rules_rule_out(
    document: Document,
    added: list[ReportedSpeech],
    records: Sequence[ReportedSpeech],
    cues: Sequence[Sequence[Cue]] | None,
    quotations: Sequence[Quotation] | None,
) -> list[ReportedSpeech]:
    """Drop the model's additions that the rules know to be no speech.

    A quotation the rules read as a title or a mention (``die Zeitung „Die Welt“``) is no
    direct speech, and no instance starts inside one; an unreal condition without
    Konjunktiv I (``Wäre das Wetter besser gewesen, hätten wir gewonnen.``) is no indirect
    speech; a narrated speech act around the cue of a rule instance is that instance's frame
    (``Chávez vertritt die Ansicht, dass ...``); and a narrated act without a cue needs a
    finite verb and three words (``Meinungs- und Versammlungsfreiheit``, ``will`` were
    instances).
    """
    titles = _non_speech_quotations(document, cues, quotations)
    verb_tokens = [verb.token for verb in document.verbs]  # in text order
    cue_starts = sorted(record.cue.start for record in records if record.cue is not None)
    token_starts = [token.start for token in document.tokens]

    def without_a_verb(record: ReportedSpeech) -> bool:
        first = bisect_left(token_starts, record.start)
        end = bisect_left(token_starts, record.end)
        verb = bisect_left(verb_tokens, first)
        return end - first < 3 or not (verb < len(verb_tokens) and verb_tokens[verb] < end)

    def ruled_out(record: ReportedSpeech) -> bool:
        if any(a <= record.start < b for a, b in titles):
            return True  # it starts inside a title: "Die Welt“. Wäre das Wetter ..."
        if record.kind == "reported" and record.cue is None and without_a_verb(record):
            return True  # a fragment: no act is narrated without a verb
        if record.kind == "reported":
            first = bisect_left(cue_starts, record.start)
            if first < len(cue_starts) and cue_starts[first] < record.end:
                return True  # the frame of a rule instance
        if record.kind == "direct":
            return any(a <= record.start and record.end <= b for a, b in titles)
        return _unreal_condition(document, record, verb_tokens)

    return [record for record in added if not ruled_out(record)]


def _non_speech_quotations(
    document: Document,
    cues: Sequence[Sequence[Cue]] | None,
    quotations: Sequence[Quotation] | None,
) -> list[tuple[int, int]]:
    from toolkit.speech.cues import find_cues
    from toolkit.speech.direct import quotation_roles

    if cues is None:
        cues = [find_cues(document.sentence_tokens(s.index)) for s in document.sentences]
    starts = [token.start for token in document.tokens]
    return [
        (direct.quotation.start, direct.quotation.end)
        for direct, role in quotation_roles(document, starts, cues, quotations)
        if role != "speech"
    ]


def _unreal_condition(
    document: Document, record: ReportedSpeech, verb_tokens: Sequence[int]
) -> bool:
    from toolkit.mood.agreement import conditional_main_verb

    sentence = document.sentences[record.sentence]
    tokens = document.sentence_tokens(record.sentence)
    # the sentence's verbs by bisection: a scan of all verbs per instance grows with the text
    verbs = document.verbs[
        bisect_left(verb_tokens, sentence.first_token) : bisect_right(
            verb_tokens, sentence.last_token
        )
    ]
    if not verbs or any(v.konjunktiv == "I" for v in verbs):
        return False
    opening = verbs[0]
    position = opening.token - sentence.first_token
    return opening.konjunktiv == "II" and conditional_main_verb(tokens, position) is not None


def with_recent_speakers(records: list[ReportedSpeech]) -> list[ReportedSpeech]:
    """Give a learned instance without a speaker the speaker of the speech just before it.

    Only within the same or the previous sentence; rule instances are left as they are.
    """
    result: list[ReportedSpeech] = []
    last: ReportedSpeech | None = None
    for record in records:
        if (
            record.confidence is not None
            and record.speaker is None
            and last is not None
            and last.sentence >= record.sentence - 1
        ):
            record = replace(record, speaker=last.speaker, speaker_mention=last.speaker_mention)
        if record.speaker is not None:
            last = record
        result.append(record)
    return result
