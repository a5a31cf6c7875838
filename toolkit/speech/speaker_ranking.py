"""The learned speaker ranking: a linear model over the candidates of each speech instance.

The rules (:mod:`toolkit.speech.speakers`) pick one mention per instance; the ranking looks at
all candidates (:mod:`toolkit.speech.speaker_features`) and picks the one a trained
conditional-logit model scores highest. The rules' choice is one feature among others, so the
model mostly agrees with them and overrides them where the training data says they are wrong
(``Erhebliche Mehrkosten kündigte der Bauherr an``: ``der Bauherr``).

The weights are a small JSON file (``toolkit/speech/weights/speakers.json``: feature name ->
weight), loaded once per process; inference needs nothing but the standard library. They are
trained on WikiNews quotes (CC BY-NC-SA 4.0, see the folder's README) by
``python -m toolkit.evaluation.speaker_training --data PATH``.

Examples
--------
>>> score_candidate({"rule": 1.0, "bias": 1.0}, {"rule": 2.0, "bias": -1.0})
1.0
"""

from __future__ import annotations

import json
import math
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from toolkit.model import Document, ReportedSpeech, Span, SpeakerWhy, Token
from toolkit.speech.cues import source_preposition, unnamed_source
from toolkit.speech.names import name_run, surname_with_particle
from toolkit.speech.roles import is_abstract_thing, role_of
from toolkit.speech.speaker_features import (
    Candidate,
    DocumentContext,
    candidates,
    instance_type,
    is_source_noun,
    mention_before,
    names_someone,
    person_like,
)
from toolkit.speech.speakers import SpeakerResolver, conjuncts
from toolkit.speech.subjects import is_noun, is_own, noun_phrase_before, noun_phrase_end
from toolkit.speech.view import clause_finite, passive_clause

__all__ = ["WEIGHTS_NAME", "Choice", "choose", "load_weights", "rank_speakers", "score_candidate"]

WEIGHTS_NAME = "speakers.json"
#: Sentences with more speech instances than this keep the rules' speakers. News prose has
#: at most six (300 WikiNews and 60 Redewiedergabe training files); a sentence where every
#: word is a cue ("wort wort wort ...") would otherwise cost the ranking minutes.
MAX_RANKED_PER_SENTENCE = 24


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen candidate, the model's probability for it and the features that fired."""

    candidate: Candidate
    confidence: float
    signals: tuple[str, ...]


@cache
def load_weights() -> dict[str, float] | None:
    """Return the shipped weights (feature -> weight), or ``None`` with a warning if absent."""
    try:
        text = (
            resources.files("toolkit.speech").joinpath("weights", WEIGHTS_NAME).read_text("utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        warnings.warn(
            "Speaker model weights are missing; speakers come from the rules. / "
            "Gewichte des Sprecher-Modells fehlen; Sprecher kommen aus den Regeln.",
            stacklevel=2,
        )
        return None
    data = json.loads(text)
    return {str(name): float(value) for name, value in data["weights"].items()}


#: weights per instance type, keyed by the weights' id (the weights are kept, so no id is reused)
_TYPED: dict[tuple[int, str], tuple[Mapping[str, float], dict[str, float]]] = {}


def _typed_weights(weights: Mapping[str, float], kind: str) -> Mapping[str, float]:
    """Return each feature's weight plus the weight of its crossing with the instance type."""
    key = (id(weights), kind)
    entry = _TYPED.get(key)
    if entry is not None and entry[0] is weights:
        return entry[1]
    typed = dict(weights)
    prefix = f"{kind}:"
    for name, value in weights.items():
        if name.startswith(prefix):
            base = name[len(prefix) :]
            typed[base] = weights.get(base, 0.0) + value
    _TYPED[key] = (weights, typed)
    return typed


def score_candidate(features: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """Return a candidate's linear score."""
    get = weights.get
    total = 0.0
    for name, value in features.items():
        weight = get(name)
        if weight is not None:  # most features have no weight for most instance types
            total += value * weight
    return total


def choose(
    candidates: Sequence[Candidate],
    weights: Mapping[str, float],
    mention_scores: dict[tuple[int, str], float] | None = None,
) -> Choice | None:
    """Return the best candidate with its probability among all candidates (softmax).

    ``mention_scores`` keeps the score of each mention's own features per instance type
    across the instances of a document (the mention's features are one shared dict).
    """
    if not candidates:
        return None
    kind = candidates[0].kind
    typed = _typed_weights(weights, kind)
    known = {} if mention_scores is None else mention_scores
    scores = []
    # the instance's and the mention's features apart: no merged dict per candidate
    for candidate in candidates:
        key = (id(candidate.mention), kind)
        own = known.get(key)
        if own is None:
            own = known[key] = score_candidate(candidate.mention, typed)
        scores.append(score_candidate(candidate.features, typed) + own)
    top = max(scores)
    total = sum(math.exp(s - top) for s in scores)
    best = scores.index(top)
    chosen = candidates[best]
    # a signal is a feature of the chosen candidate that speaks for it: its own weight plus
    # the weight of its crossing with the instance's type
    features = chosen.all_features()
    pull = {name: value * typed.get(name, 0.0) for name, value in features.items()}
    pull.pop("bias", None)
    signals = [name for name, value in sorted(pull.items(), key=lambda kv: -kv[1]) if value > 0]
    return Choice(chosen, 1.0 / total, tuple(signals[:5]))


def rank_speakers(
    document: Document, records: Sequence[ReportedSpeech], weights: Mapping[str, float]
) -> list[ReportedSpeech]:
    """Return the records with the ranked speaker mention, resolved speaker and the why.

    Each record keeps the rules' mention unless the model prefers another candidate; every
    mention is then resolved again in text order with agreement in gender and number
    (:class:`~toolkit.speech.speakers.SpeakerResolver` with ``agreement=True``).
    """
    context = DocumentContext(document, records)
    mention_scores: dict[tuple[int, str], float] = {}
    per_sentence = Counter(record.sentence for record in records)
    chosen: list[tuple[tuple[int, int] | None, Choice | None]] = []
    for position, record in enumerate(records):
        if per_sentence[record.sentence] > MAX_RANKED_PER_SENTENCE:
            chosen.append((None, None))  # not prose: the rules' speaker stays
            continue
        before = mention_before(context, records, position)
        choice = choose(candidates(context, record, position, before), weights, mention_scores)
        span = (choice.candidate.first, choice.candidate.end) if choice else None
        if (
            record.speaker_mention is None
            and span is not None
            and not _may_name(context, record, span)
        ):
            span = None
        if span is not None and span[1] - span[0] == 1:
            # "hatte die Polizei Ermittlungen eingeleitet, die ergaben": the relative pronoun
            # stands for the noun before it, which is whom a reader names
            span = _antecedent_of_relative(context, span[0]) or span
        rule = context.span_range(record.speaker_mention)
        if rule is not None and span != rule and _relative_antecedent(context, record, rule):
            span = rule  # "die Aussagen eines Hackers, der behauptet": the hacker claims
        elif rule is not None and span is not None and _named_inside(context, span, rule):
            span = rule  # "die Interpretation der Erklärungen der Ministerin X": X speaks
        elif rule is not None and span is not None and _own_subject(context, record, span, rule):
            span = rule  # "Man habe die Anwohner nicht gefragt, erklärte er": man asked
        elif rule is not None and span is not None and _unnamed_aside(context, record, span, rule):
            span = rule  # "Die Firma plant laut Berichten den Abbau": the Firma plans
        elif (
            rule is not None
            and span is not None
            and _own_named_subject(context, record, span, rule)
        ):
            span = rule  # "Auch darüber wird der Stadtrat beraten": not a speaker before
        if choice is not None and span is not None:
            for signal, override in (
                ("subject_after_verb", _subject_after_verb),
                ("prepositional_source", _prepositional_source),
            ):
                found = override(context, record, span)
                if found is not None:
                    span = found
                    choice = Choice(choice.candidate, choice.confidence, (signal,))
                    break
        if span is not None and _names_a_thing(context.tokens[span[0] : span[1]]):
            # "bekam die Möglichkeit, ... vorzuschlagen": no one; the rules' mention if it
            # names someone, else no speaker
            keep = rule is not None and not _names_a_thing(context.tokens[rule[0] : rule[1]])
            span, choice = (rule, None) if keep else (NO_SPEAKER, None)
        if span is not None and span != NO_SPEAKER:
            span = _with_apposed_name(context, span)
        chosen.append((span, choice))
    return _resolve(document, context, records, chosen)


#: The chosen span of an instance whose mention names a thing and no one.
NO_SPEAKER = (-1, -1)


def _names_a_thing(words: Sequence[Token]) -> bool:
    """Whether a mention names an abstract thing, no one (``die Haltung der Regierung``).

    The head of every conjunct is an abstract thing
    (:func:`~toolkit.speech.roles.is_abstract_thing`) and no source, and no name is in it:
    ``die Regierung``, ``die Opposition``, ``die Studie`` and ``die Drogenberatung und die
    Ärztekammer`` speak.
    """
    if not words or words[0].pos in _PRONOUN_TAGS:
        return False
    if any(t.pos == "NE" or (t.pos == "ADJA" and t.text[:1].isupper()) for t in words):
        return False  # a name in it: "die Hamburger Stadtreinigung" is a body
    # the first noun of each conjunct, not of a genitive attribute ("der Regierung")
    heads = [next((t.text for t in part if t.pos == "NN"), "") for part in conjuncts(words)]
    return all(heads) and all(
        is_abstract_thing(noun) and not is_source_noun(noun) for noun in heads
    )


_PRONOUN_TAGS = frozenset({"PPER", "PDS", "PRELS", "PIS", "PPOSAT"})


def _with_apposed_name(context: DocumentContext, span: tuple[int, int]) -> tuple[int, int]:
    """Extend a role without a name by the name in apposition after it.

    ``sagte der Oberkommandierende General der US-Streitkräfte im Irak, General George
    Casey``: the name says who the role is; without it the role went to the last general.
    """
    tokens = context.tokens
    first, end = span
    # the role's own attribute before the comma: "der EU-Kommissar für Schulwesen und Kultur,"
    end = _attribute_end(tokens, end) if end < len(tokens) else end
    if (
        end + 1 >= len(tokens)
        or tokens[end].pos != "$,"
        or tokens[end].sentence != tokens[first].sentence
        or name_run(tokens[first:end])
        or not any(role_of(t.text) for t in tokens[first:end] if t.pos == "NN")
    ):
        return span
    k = end + 1
    while k < len(tokens) and tokens[k].pos == "NN" and role_of(tokens[k].text):
        k += 1  # "…, General George Casey": a role before the name
    name_end = k
    while name_end < len(tokens) and tokens[name_end].pos == "NE":
        name_end += 1
    if name_end - k < 2 or tokens[name_end - 1].sentence != tokens[first].sentence:
        return span  # a given name and a surname: a lone word may be a place or a body
    return first, name_end


def _attribute_end(tokens: Sequence[Token], end: int) -> int:
    """Return where a prepositional attribute after a role ends, at a comma (else ``end``).

    ``der EU-Kommissar für Schulwesen und Kultur, Ján Figeľ``: up to six words of nouns,
    articles, adjectives and ``und``, no verb.
    """
    if tokens[end].pos not in {"APPR", "APPRART"}:
        return end
    k = end + 1
    while k < len(tokens) and k - end <= 6 and tokens[k].pos in _ATTRIBUTE_TAGS:
        k += 1
    return k if k < len(tokens) and tokens[k].pos == "$," and k > end + 1 else end


#: Words of a short prepositional attribute (``für Schulwesen und Kultur``).
_ATTRIBUTE_TAGS = frozenset({"NN", "NE", "ART", "ADJA", "KON", "CARD", "APPRART"})


def _resolve(
    document: Document,
    context: DocumentContext,
    records: Sequence[ReportedSpeech],
    chosen: list[tuple[tuple[int, int] | None, Choice | None]],
) -> list[ReportedSpeech]:
    resolver = SpeakerResolver(agreement=True)
    observed = -1
    names: dict[tuple[int, int], str | None] = {}
    result = []
    tokens = document.tokens
    for record, (span, choice) in zip(records, chosen, strict=True):
        rule = context.span_range(record.speaker_mention)
        if span is None:
            result.append(record)
            continue
        if span == NO_SPEAKER:
            result.append(replace(record, speaker=None, speaker_mention=None, speaker_why=None))
            continue
        last_sentence = max(record.sentence, tokens[span[0]].sentence)
        while observed < last_sentence:
            observed += 1
            resolver.observe(document.sentence_tokens(observed))
        words = tokens[span[0] : span[1]]
        if span in names:
            name = names[span]
        elif unnamed_source(words) and (
            _next_to_cue(record, words) or _prepositional(tokens, span)
        ):
            name = None  # "Berichten zufolge", "laut vorläufigem Ergebnis": no one is named
        elif span == rule and _source_only(record, words):
            name = record.speaker  # "nach Polizeiangaben" -> Polizei, "demnach": the last one
        elif len(words) > 1 and words[0].pos == "PPOSAT" and is_source_noun(words[-1].text):
            # "nach ihren Angaben", "seiner Meinung nach": whose words they are
            name = resolver.resolve(words[:1])
        else:
            name = resolver.resolve(tokens[span[0] : span[1]])
        names[span] = name
        first, last = tokens[span[0]], tokens[span[1] - 1]
        mention = Span(first.start, last.end, document.text[first.start : last.end])
        why = SpeakerWhy(
            signals=choice.signals if choice else (),
            confidence=round(choice.confidence, 3) if choice else None,
            rule_mention=record.speaker_mention.text if record.speaker_mention else None,
        )
        result.append(replace(record, speaker=name, speaker_mention=mention, speaker_why=why))
    return result


def _own_named_subject(
    context: DocumentContext, record: ReportedSpeech, span: tuple[int, int], rule: tuple[int, int]
) -> bool:
    """Whether the rules' mention names someone as the subject of the cue's own sentence.

    The ranking chose a mention of an earlier sentence ("previous"): the verb's subject in
    its own sentence, a person or a body, is who acts (``Auch darüber wird der Stadtrat in
    der nächsten Sitzung beraten``, not the speaker two sentences before).
    """
    cue = context.span_range(record.cue)
    if cue is None or not instance_type(record).endswith("/verb"):
        return False
    tokens = context.tokens
    sentence = tokens[cue[0]].sentence
    words = tokens[rule[0] : rule[1]]
    return (
        tokens[span[0]].sentence < sentence
        and tokens[rule[0]].sentence == sentence
        and context.is_subject(rule)
        and words[0].pos not in {"PPER", "PDS", "PRELS", "PIS"}
        and names_someone(words)
    )


def _unnamed_aside(
    context: DocumentContext, record: ReportedSpeech, span: tuple[int, int], rule: tuple[int, int]
) -> bool:
    """Whether the chosen mention is an unnamed source beside a verb whose subject names someone.

    ``Die Firma plant laut Berichten den Abbau``: ``Berichten`` names no one, so the verb's
    subject stays. Next to the cue (``Berichten zufolge``) the source is the cue's own, and
    no one is named (see ``_resolve``); in an earlier sentence it is what the words go back
    to (``Dazu sollen sie laut Meldung ermutigt worden sein. Sie hätten Geld verlangt.``).
    """
    words = context.tokens[span[0] : span[1]]
    cue = context.span_range(record.cue)
    return (
        cue is not None
        and instance_type(record).endswith("/verb")
        and unnamed_source(words)
        and not _next_to_cue(record, words)
        and context.tokens[span[0]].sentence == context.tokens[cue[0]].sentence
        and names_someone(context.tokens[rule[0] : rule[1]])
    )


def _own_subject(
    context: DocumentContext, record: ReportedSpeech, span: tuple[int, int], rule: tuple[int, int]
) -> bool:
    """Whether a narrated speech act keeps ``man``, the subject of its own clause, as speaker.

    When the rules named ``man`` inside the instance and the ranking chose a mention outside
    it (the speaker of a frame around it: ``Man habe die Anwohner nicht gefragt, erklärte
    er``), the clause's own subject acts. Other mentions of the rules inside the clause are
    often objects (``beteuerte ihre Unschuld``): for all of them, 107 of 4,142 speakers of an
    export of 700 WikiNews train articles changed, most for the worse.
    """
    if record.kind != "reported" or rule[1] - rule[0] != 1 or context.lowers[rule[0]] != "man":
        return False
    inside = context.token_range(record.start, record.end)
    return inside[0] <= rule[0] < inside[1] and not (inside[0] <= span[0] and span[1] <= inside[1])


def _named_inside(context: DocumentContext, span: tuple[int, int], rule: tuple[int, int]) -> bool:
    """Whether the chosen phrase only wraps the rules' named speaker in a thing's noun.

    ``die Interpretation der Dementis und Erklärungen der US-Außenministerin Condoleezza
    Rice``: the head noun names neither a person nor a body, the rules' mention inside it
    has a name.
    """
    tokens = context.tokens
    if not (span[0] < rule[0] and rule[1] <= span[1]):
        return False
    inner = tokens[rule[0] : rule[1]]
    if not any(token.pos == "NE" for token in inner):
        return False
    head = next((t for t in tokens[span[0] : rule[0]] if t.pos in {"NN", "NE"}), None)
    return head is not None and head.pos == "NN" and not person_like([head])


def _relative_antecedent(
    context: DocumentContext, record: ReportedSpeech, rule: tuple[int, int]
) -> bool:
    """Whether the rules' mention is what the relative pronoun before the cue stands for."""
    cue = context.span_range(record.cue)
    tokens = context.tokens
    end = rule[1]
    return (
        cue is not None
        and end + 1 < cue[0]
        and tokens[end].pos == "$,"
        and tokens[end + 1].pos == "PRELS"
        and all(t.pos not in {"$,", "$."} for t in tokens[end + 1 : cue[0]])
    )


#: What may stand between a noun and the comma of its relative clause ("Ermittlungen
#: eingeleitet, die").
_BEFORE_THE_COMMA = frozenset({"VVPP", "VVINF", "VAINF", "VVFIN", "VAFIN", "PTKVZ", "ADV"})


def _antecedent_of_relative(context: DocumentContext, position: int) -> tuple[int, int] | None:
    """Return the noun phrase a relative pronoun stands for, or ``None``.

    Right before the comma: the whole phrase (``der Sprecher des Ministeriums, der``); after
    a participle or verb: the object before it (``hatte Ermittlungen eingeleitet, die``).
    """
    tokens = context.tokens
    if tokens[position].pos != "PRELS" or position < 2 or tokens[position - 1].pos != "$,":
        return None
    end = position - 1
    while end > 0 and position - 1 - end < 3 and tokens[end - 1].pos in _BEFORE_THE_COMMA:
        end -= 1
    if not is_noun(tokens[end - 1]) or tokens[end - 1].sentence != tokens[position].sentence:
        return None
    ending = [m for m in context.mentions(tokens[position].sentence) if m[1] == end]
    if not ending:
        return None
    longest = end == position - 1
    return min(ending, key=lambda m: m[0] if longest else -m[0])


def _subject_after_verb(
    context: DocumentContext, record: ReportedSpeech, span: tuple[int, int]
) -> tuple[int, int] | None:
    """Return the subject after the cue verb when the chosen mention is a bare thing before it.

    ``Erhebliche Mehrkosten kündigte der Bauherr an``: a noun phrase without article that names
    no person stands first as the object; ``der Bauherr`` right after the verb is the speaker.
    """
    cue = context.span_range(record.cue)
    tokens = context.tokens
    words = tokens[span[0] : span[1]]
    if cue is None or span[1] != cue[0] or person_like(words) or words[0].pos not in {"ADJA", "NN"}:
        return None
    after = cue[1]
    for first, end in context.mentions(tokens[cue[0]].sentence):
        opens = tokens[first].text.lower() in {"der", "die", "ein", "eine"}
        if first == after and opens and person_like(tokens[first:end]):
            return first, end
    return None


def _prepositional_source(
    context: DocumentContext, record: ReportedSpeech, span: tuple[int, int]
) -> tuple[int, int] | None:
    """Return the source of ``X zufolge`` / ``laut X`` when the chosen mention is a thing.

    ``Dem Branchenverband VDA zufolge droht ein Einbruch der Verkaufszahlen``: the verb's
    subject ``ein Einbruch`` says nothing; the Branchenverband does.
    """
    tokens = context.tokens
    if not instance_type(record).endswith("/verb") or person_like(tokens[span[0] : span[1]]):
        return None
    sentence = tokens[span[0]].sentence
    offset = context.document.sentences[sentence].first_token
    words = context.document.sentence_tokens(sentence)
    for position, token in enumerate(words):
        found = None
        if token.text.lower() in {"laut", "gemäß"}:
            end = noun_phrase_end(words, position + 1)
            found = (position + 1, end) if end > position + 1 else None
        elif token.text.lower() == "zufolge":
            found = noun_phrase_before(words, position)
        if (
            found is not None
            and person_like(words[found[0] : found[1]])
            and not is_own(words[found[0]])  # "eigenen Angaben" names the subject
            and not unnamed_source(words[found[0] : found[1]])  # "laut Berichten": no one
        ):
            return offset + found[0], offset + found[1]
    return None


def _may_name(context: DocumentContext, record: ReportedSpeech, span: tuple[int, int]) -> bool:
    """Whether the model may name a speaker where the rules found none.

    Not where the rules found none on purpose: in the passive without agent (``Er wurde
    gefragt, ob ...``, ``ist ... geplant``) unless a ``laut``/``zufolge`` source names one, and
    in the impersonal ``heißt es``; without a verb cue only a person or body (a name, a role
    noun, a pronoun, a source), not ``Die Regel lautet: „...“``.
    """
    cue = context.span_range(record.cue)
    if not instance_type(record).endswith("/verb"):
        # no verb whose subject the rules looked for: only a person or body may speak
        return person_like(context.tokens[span[0] : span[1]])
    assert cue is not None
    word = context.tokens[cue[0]]
    if (record.cue_lemma or "") == "heißen":
        return False
    if _prepositional(context.tokens, span):
        return True  # "Zunächst ist laut Automobilwoche daran gedacht": the source speaks
    sentence = context.document.sentence_tokens(word.sentence)
    position = cue[0] - context.document.sentences[word.sentence].first_token
    finite = clause_finite(sentence, position)
    return passive_clause(sentence, position, finite, record.cue_lemma or "") is None


def _prepositional(tokens: Sequence[Token], span: tuple[int, int]) -> bool:
    """Whether a mention is the source of ``laut X``, ``gemäß X`` or ``X zufolge``.

    Not after ``nach``: ``nach der Wahl`` says when as often as ``nach Angaben`` says whose.
    """
    return source_preposition(tokens, *span) in {"laut", "gemäß", "zufolge"}


def _next_to_cue(record: ReportedSpeech, words: Sequence[Token]) -> bool:
    """Whether a mention touches a word of the cue (``Berichten zufolge``, ``nach Angaben``)."""
    parts = record.cue_parts or ((record.cue,) if record.cue else ())
    start, end = words[0].start, words[-1].end
    return any(part.start <= end + 1 and start <= part.end + 1 for part in parts)


def _source_only(record: ReportedSpeech, words: Sequence[Token]) -> bool:
    """Whether the rules named the source by a word of the cue (``demnach``, ``eigenen Angaben``).

    The rules resolve those to the last speaker, or to no one where none spoke before
    (``Demnach`` after a report): that name is kept, the word is never a name itself.
    """
    if surname_with_particle(words):
        return False  # "Von der Leyen": a name the tagger opened with a preposition
    if words[0].pos == "ADJA" and not any(
        is_source_noun(t.text) for t in words if t.pos in {"NN", "NE"}
    ):
        return False  # "Politischen Beobachtern zufolge": who, not "eigenen Angaben"
    return words[0].pos not in _MENTION_STARTS and (record.speaker is not None or len(words) == 1)


_MENTION_STARTS = frozenset(
    {"ART", "NN", "NE", "PPER", "PPOSAT", "PDAT", "PIAT", "PDS", "PRELS", "FM", "CARD"}
)
