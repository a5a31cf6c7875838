"""Speaker candidates and their features, for the learned speaker ranking.

For one speech instance the candidates are the noun phrases and pronouns of its sentence and
the two sentences before it (with and without an apposition or brackets), the rules' own
mention (:mod:`toolkit.speech.speakers`) and the mention of the instance before. Each
candidate gets binary features that say what the rules know about it: whether the rules chose
it, whether it is the subject of a verb, where it stands relative to the cue and the quote,
how it starts (article, pronoun, name), what stands before it (``von``, ``laut``), whether it
names a person by role or a source (``Angaben des Ministeriums``). Every feature is also
crossed with the instance's type (kind and cue class), so one linear model can weigh them per
type. :mod:`toolkit.speech.speaker_ranking` scores the candidates.

All positions are document token indices; ranges are end-exclusive.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Die Ministerin traf den Präsidenten. Er sagte, die Lage sei ernst.")
>>> context = DocumentContext(doc)
>>> record = doc.speech[0]
>>> [doc.text[doc.tokens[c.first].start : doc.tokens[c.end - 1].end]
...  for c in candidates(context, record, 0)][:4]
['Die Ministerin', 'den Präsidenten', 'Er', 'die Lage']
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from toolkit.memo import word_memo
from toolkit.model import Document, ReportedSpeech, Span, Token
from toolkit.speech.cues import source_nouns
from toolkit.speech.roles import is_body_noun, role_of, suffixes_in
from toolkit.speech.subjects import (
    FINITE,
    GENITIVE_DETERMINERS,
    is_noun,
    is_own,
    is_quote,
    is_temporal,
    noun_phrase_end,
    subject_of,
)

#: Sentences before the instance's sentence whose mentions are candidates.
WINDOW = 2
_NP_OPENERS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "ADJA", "CARD"})
_PRONOUNS = frozenset({"PPER", "PRELS", "PDS"})
_NOMINATIVE_DETERMINERS = frozenset({"der", "die", "das", "ein", "eine", "dieser", "diese"})
_OBLIQUE_DETERMINERS = frozenset(
    {"dem", "den", "des", "einem", "einen", "eines", "einer", "diesem", "diesen", "dieses"}
)
#: Words before a candidate worth a feature of their own; other prepositions share one.
_BEFORE = frozenset(
    {"von", "vom", "durch", "laut", "nach", "so", "gemäß", "in", "im", "mit", "bei", "für",
     "gegen", "über", "an", "auf", "aus", "wie", "sagte", "und", ":", ",", "„", "("}
)  # fmt: skip
_AFTER = frozenset({"zufolge", "nach", ",", ":", ".", "(", "und", "hat", "sagte", "habe"})
_PREPOSITIONAL_CUES = frozenset(
    {"laut", "zufolge", "gemäß", "so", "demnach", "wonach", "nach", "wie"}
)


@cache
def _source_nouns() -> frozenset[str]:
    return frozenset(source_nouns())  # the cue stage's list, as a set for suffixes_in


@word_memo()
def is_source_noun(word: str) -> bool:
    """Whether a noun names a source of information (``Angaben``, ``Polizeiangaben``).

    Examples
    --------
    >>> is_source_noun("Polizeiangaben"), is_source_noun("Polizei")
    (True, False)
    """
    return bool(suffixes_in(word.lower(), _source_nouns()))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible speaker mention: its token range, its features and the instance's type.

    Every feature counts twice: as itself and crossed with the type (``indirect/verb:rule``),
    see :meth:`items`.
    """

    first: int
    end: int
    features: dict[str, float] = field(default_factory=dict, compare=False)
    kind: str = ""
    #: the features of the mention itself, the same for every instance that considers it
    #: (one dict per mention and document, shared, so it is built and scored once)
    mention: dict[str, float] = field(default_factory=dict, compare=False)

    def all_features(self) -> dict[str, float]:
        """Return the instance's and the mention's features in one dict."""
        return {**self.features, **self.mention} if self.mention else self.features

    def items(self) -> list[tuple[str, float]]:
        """Return the features with their crossings with the instance's type."""
        features = self.all_features()
        crossed = [(f"{self.kind}:{name}", value) for name, value in features.items()]
        return [*features.items(), *crossed] if self.kind else list(features.items())


class DocumentContext:
    """What the ranking needs of a document, computed once: mentions, subjects, quotes."""

    def __init__(self, document: Document, records: Sequence[ReportedSpeech] = ()) -> None:
        self.document = document
        self.tokens: Sequence[Token] = document.tokens
        self.starts = [token.start for token in self.tokens]
        # mentions and subjects are found per sentence when an instance first needs them:
        # sentences no instance looks at cost nothing
        self._mentions: dict[int, list[tuple[int, int]]] = {}
        self._subjects: set[tuple[int, int]] = set()
        self.intrinsic: dict[tuple[int, int], dict[str, float]] = {}
        self._windows: dict[int, list[tuple[int, int]]] = {}
        self._may_speak: dict[tuple[int, int], bool] = {}
        # what every mention asks of its words, read once per token instead of once per
        # mention that contains it (mentions overlap: "Chef der Bahn (DB)", "Chef der Bahn")
        self.lowers = [token.text.lower() for token in self.tokens]
        self.tags = [token.pos for token in self.tokens]
        self.nouns = [is_noun(token) for token in self.tokens]
        self.quoted = [False] * len(self.tokens)
        for record in records or document.speech:
            if record.kind == "direct":
                first, end = self.token_range(record.start, record.end)
                for k in range(first, end):
                    self.quoted[k] = True

    def may_speak(self, span: tuple[int, int]) -> bool:
        """Whether a mention may be a speaker at all (asked once per mention, not per instance).

        "eigenen Angaben" names no one but the clause's subject, an object pronoun speaks
        not, nor does a time ("Anfang Februar") or what a time is counted from ("Neun Tage
        nach der Präsidentschaftswahl").
        """
        found = self._may_speak.get(span)
        if found is None:
            words = self.tokens[span[0] : span[1]]
            found = self._may_speak[span] = not (
                is_own(words[0])
                or _object_pronoun(words)
                or is_temporal(words)
                or self._after_a_time(span[0])
            )
        return found

    def _after_a_time(self, first: int) -> bool:
        """Whether a mention follows a time and a preposition: ``Neun Tage nach der Wahl``."""
        tokens = self.tokens
        if first < 2 or tokens[first - 1].text.lower() not in _TIME_PREPOSITIONS:
            return False
        return tokens[first - 2].sentence == tokens[first].sentence and is_temporal(
            tokens[first - 2 : first - 1]
        )

    def mentions(self, sentence: int) -> list[tuple[int, int]]:
        """Return the mentions of a sentence (document token ranges, sorted)."""
        found = self._mentions.get(sentence)
        if found is None:
            offset = self.document.sentences[sentence].first_token
            tokens = self.document.sentence_tokens(sentence)
            found = sorted({(offset + a, offset + b) for a, b in _mentions(tokens)})
            self._mentions[sentence] = found
            for position, token in enumerate(tokens):
                if token.pos in FINITE:
                    subject = subject_of(tokens, position)
                    if subject is not None:
                        self._subjects.add((offset + subject[0], offset + subject[1]))
        return found

    def is_subject(self, span: tuple[int, int]) -> bool:
        """Whether the token range is the subject of a finite verb of its sentence."""
        self.mentions(self.tokens[span[0]].sentence)
        return span in self._subjects

    def window(self, sentence: int) -> list[tuple[int, int]]:
        """Return the mentions of ``sentence`` and the ``WINDOW`` before it, sorted.

        A speaker is named in a few words: longer runs (lists, noise) are left out.
        """
        found = self._windows.get(sentence)
        if found is None:
            found = [
                span
                for index in range(max(0, sentence - WINDOW), sentence + 1)
                for span in self.mentions(index)
                if span[1] - span[0] <= MAX_WORDS
            ]
            self._windows[sentence] = found
        return found

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Return the tokens a character range covers (end-exclusive)."""
        first = max(0, bisect_right(self.starts, start) - 1)
        if first < len(self.tokens) and self.tokens[first].end <= start:
            first += 1
        last = bisect_right(self.starts, end - 1)
        return first, max(first, last)

    def span_range(self, span: Span | None) -> tuple[int, int] | None:
        """Return the tokens of a span, or ``None``."""
        return None if span is None else self.token_range(span.start, span.end)

    def text(self, first: int, end: int) -> str:
        """Return the document text of a token range."""
        return self.document.text[self.tokens[first].start : self.tokens[end - 1].end]


def _mentions(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Return the noun phrases and pronouns of a sentence, with and without attachments.

    Attachments are brackets (``(CDU)``), an apposition after a comma, a prepositional
    attribute (``Airbus im französischen Toulouse``, ``Angaben von AFP``), a genitive
    without article (``Meinung politischer Beobachter``) and a coordinated phrase (``SPD und
    PDS``); every combination up to three is a candidate of its own.
    """
    found: set[tuple[int, int]] = set()
    for i, token in enumerate(tokens):
        if token.pos in _PRONOUNS:
            found.add((i, i + 1))
            continue
        before = tokens[i - 1] if i > 0 else None
        inside = before is not None and (before.pos in _NP_OPENERS and token.pos != "ART")
        if inside or not (token.pos in _NP_OPENERS or is_noun(token) or is_quote(token)):
            continue
        end = noun_phrase_end(tokens, i)
        if end == i:
            continue
        ends = {end, *_genitive_ends(tokens, i, end)}
        frontier = set(ends)
        for _ in range(3):
            frontier = {after for e in frontier for after in _attachments(tokens, e)} - ends
            ends |= frontier
        found.update((i, e) for e in ends)
    return sorted(found)


#: Prepositions of an attribute that may belong to a speaker's name (``Ärzte ohne Grenzen``).
_ATTRIBUTE_PREPOSITIONS = frozenset(
    {"von", "vom", "aus", "im", "in", "unter", "bei", "der", "ohne"}
)


def _genitive_ends(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """Return where a phrase could end before each genitive attribute (``der Sprecher``)."""
    return [
        k
        for k in range(start + 1, end)
        if tokens[k].text.lower() in GENITIVE_DETERMINERS and is_noun(tokens[k - 1])
    ]


def _attachments(tokens: Sequence[Token], end: int) -> list[int]:
    """Return the ends of a phrase ending at ``end`` with one more attachment."""
    size = len(tokens)
    found = []
    if end + 2 < size and tokens[end].text == "(":
        close = next(
            (k for k in range(end + 1, min(size, end + 12)) if tokens[k].text == ")"), None
        )
        if close is not None:
            found.append(close + 1)
    if end + 1 < size and tokens[end].pos == "$," and tokens[end + 1].pos not in _PRONOUNS:
        after = noun_phrase_end(tokens, end + 1)
        if after > end + 1 and (after == size or tokens[after].pos in {"$,", "$.", "$(", "VVFIN"}):
            found.append(after)
    if end + 1 < size and tokens[end].text.lower() in _ATTRIBUTE_PREPOSITIONS | _JOINS:
        after = noun_phrase_end(tokens, end + 1)
        if after > end + 1 and not _where_a_name_spoke(tokens, end, after):
            found.append(after)
    if end < size and tokens[end].pos == "ADJA" and end > 0 and is_noun(tokens[end - 1]):
        after = noun_phrase_end(tokens, end)  # "Meinung politischer Beobachter"
        if after > end:
            found.append(after)
    return found


_JOINS = frozenset({"und", "sowie", "oder"})


def _where_a_name_spoke(tokens: Sequence[Token], end: int, after: int) -> bool:
    """Whether ``in``/``im`` + a common noun after a name says where it spoke, not who.

    ``Stoltenberg in der britischen Tageszeitung „The Times“``: the paper is where he
    said it; ``Airbus im französischen Toulouse`` keeps its place name, and so does a
    phrase an apposition follows (``der Sprecher der SPD im Bundestag, Dieter W.``).
    """
    if tokens[end].text.lower() not in {"in", "im"} or tokens[end - 1].pos != "NE":
        return False
    if after < len(tokens) and tokens[after].pos == "$,":
        return False
    head = next((t for t in tokens[end + 1 : after] if is_noun(t)), None)
    return head is not None and head.pos == "NN"


def person_like(words: Sequence[Token]) -> bool:
    """Whether a mention names a person or body: a name, a role noun, a pronoun, a source."""
    if not words:
        return False
    if words[0].pos in _PRONOUNS or any(t.pos == "NE" for t in words):
        return words[0].text.lower() != "es"
    nouns = [t for t in words if is_noun(t)]
    return bool(nouns) and (role_of(nouns[0].text) is not None or is_source_noun(nouns[0].text))


def names_someone(words: Sequence[Token]) -> bool:
    """Whether a mention names a person or a body (``Die Firma``, ``des Geheimdienstes``).

    Wider than :func:`person_like`, which the ranking's weights were trained with.
    """
    return person_like(words) or any(is_noun(t) and is_body_noun(t.lemma or t.text) for t in words)


def instance_type(record: ReportedSpeech) -> str:
    """Return the instance's type for crossed features: kind and cue class.

    Examples
    --------
    >>> instance_type(ReportedSpeech("indirect", 0, 5, "x", 0))
    'indirect/none'
    """
    if record.cue is None:
        cue = "none"
    elif (record.cue_lemma or "").lower() in _PREPOSITIONAL_CUES or record.cue.text.lower() in (
        _PREPOSITIONAL_CUES
    ):
        cue = "prep"
    elif record.cue.text[:1].isupper() and record.cue_lemma and record.cue_lemma[:1].isupper():
        cue = "noun"
    else:
        cue = "verb"
    return f"{record.kind}/{cue}"


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


#: Most candidates ranked per instance (the nearest to the cue; see :func:`candidates`).
MAX_CANDIDATES = 48
#: Prepositions that count a time from an event (``Neun Tage nach der Wahl``).
_TIME_PREPOSITIONS = frozenset({"nach", "vor", "seit"})
#: Longest candidate mention, in tokens (the rules' own mention is always a candidate).
MAX_WORDS = 16


#: Pronouns that are never a subject: dative, genitive and accusative forms.
_OBJECT_PRONOUNS = frozenset(
    {"denen", "dem", "deren", "dessen", "ihm", "ihnen", "mir", "dir", "mich", "dich", "euch"}
)


def _object_pronoun(words: Sequence[Token]) -> bool:
    """Whether a mention is one pronoun that cannot speak (``Verträge, denen X zustimmt``)."""
    return len(words) == 1 and words[0].text.lower() in _OBJECT_PRONOUNS


def nearest(spans: Sequence[tuple[int, int]], anchor: int, limit: int) -> list[tuple[int, int]]:
    """Return the ``limit`` spans that start nearest to ``anchor`` (ties: the smaller span).

    ``spans`` is sorted. The selection walks outwards from the anchor, so its cost depends on
    ``limit``, not on how many spans the window has: the ranking stays linear in the text even
    where every token is a mention and a cue ("wort wort wort ..."); ordinary news has far
    fewer candidates than the limit.

    Examples
    --------
    >>> nearest([(0, 1), (2, 3), (2, 5), (7, 8), (9, 10)], 4, 3)
    [(2, 3), (2, 5), (7, 8)]
    """
    if len(spans) <= limit:
        return list(spans)
    middle = bisect_right(spans, (anchor, -1))
    left, right = middle - 1, middle
    taken: list[tuple[int, int]] = []
    farthest = -1
    while left >= 0 or right < len(spans):
        go_left = right >= len(spans) or (
            left >= 0 and anchor - spans[left][0] <= spans[right][0] - anchor
        )
        span = spans[left] if go_left else spans[right]
        distance = abs(span[0] - anchor)
        if len(taken) >= limit and distance > farthest:
            break  # everything further out is further away; ties at the limit are all taken
        taken.append(span)
        farthest = max(farthest, distance)
        if go_left:
            left -= 1
        else:
            right += 1
    return sorted(taken, key=lambda span: (abs(span[0] - anchor), span))[:limit]


#: Instances looked back over for the last speaker mention (a bounded look keeps it linear).
LOOK_BACK = 3


def mention_before(
    context: DocumentContext, records: Sequence[ReportedSpeech], position: int
) -> tuple[int, int] | None:
    """Return the token range of the last speaker mention before ``records[position]``.

    An instance without a mention in between (``Wir haben gelernt, bescheidener zu sein``
    inside a quotation) does not make the reader forget who spoke before it.
    """
    for earlier in records[max(position - LOOK_BACK, 0) : position][::-1]:
        found = context.span_range(earlier.speaker_mention)
        if found is not None:
            return found
    return None


def candidates(
    context: DocumentContext,
    record: ReportedSpeech,
    position: int,
    previous_mention: tuple[int, int] | None = None,
) -> list[Candidate]:
    """Return the speaker candidates of ``record`` with their features.

    ``position`` is the record's index in ``document.speech``; ``previous_mention`` the
    mention chosen for the instance before, if any.
    """
    tokens = context.tokens
    cue = context.span_range(record.cue)
    sentence = tokens[cue[0]].sentence if cue else record.sentence
    rule = context.span_range(record.speaker_mention)
    pieces = [context.token_range(a, b) for a, b in record.pieces()]
    window = context.window(sentence)
    anchor = cue[0] if cue else (pieces[0][0] if pieces else 0)
    spans = {span for span in nearest(window, anchor, MAX_CANDIDATES) if context.may_speak(span)}
    if rule is not None and rule[1] > rule[0]:
        spans.add(rule)
    if previous_mention is not None:
        spans.add(previous_mention)
    kind = instance_type(record)
    weak_rule = rule is not None and not person_like(context.tokens[rule[0] : rule[1]])
    found = []
    for first, end in sorted(spans):
        base = _features(context, record, (first, end), sentence, cue, rule, pieces)
        mention = context.intrinsic.get((first, end))
        if mention is None:
            mention = context.intrinsic[first, end] = _intrinsic(context, (first, end))
        if previous_mention == (first, end):
            base["previous"] = 1.0
        if weak_rule:  # the rules chose a thing ("Erhebliche Mehrkosten"), not a person or body
            if person_like(context.tokens[first:end]):
                base["weak_rule&person"] = 1.0
            if "rule" in base:
                base["weak_rule&rule"] = 1.0
        found.append(Candidate(first, end, base, kind, mention))
    return found


def _features(
    context: DocumentContext,
    record: ReportedSpeech,
    span: tuple[int, int],
    sentence: int,
    cue: tuple[int, int] | None,
    rule: tuple[int, int] | None,
    pieces: list[tuple[int, int]],
) -> dict[str, float]:
    first, end = span
    out: dict[str, float] = {"bias": 1.0}
    distance = sentence - context.tokens[first].sentence
    back = distance if distance < 3 else 3
    out[_SENTENCES_BACK[back] if back >= 0 else f"sentences_back={back}"] = 1.0
    if rule is None:
        out["rule_none"] = 1.0
    elif span == rule:
        out["rule"] = 1.0
    elif first < rule[1] and rule[0] < end:
        out["rule_inside" if rule[0] <= first and end <= rule[1] else "rule_overlap"] = 1.0
    if cue is not None:
        if end <= cue[0]:
            out["before_cue"] = 1.0
            gap = cue[0] - end
        elif first >= cue[1]:
            out["after_cue"] = 1.0
            gap = first - cue[1]
        else:
            out["has_cue"] = 1.0
            gap = 0
        if distance == 0:
            out[_CUE_GAPS[min(gap, len(_CUE_GAPS) - 1)]] = 1.0
    for a, b in pieces:
        if a <= first and end <= b:
            out["in_instance"] = 1.0
            break
    else:
        for a, b in pieces:
            if first < b and a < end:
                out["crosses_instance"] = 1.0
                break
    return out


_SENTENCES_BACK = tuple(f"sentences_back={back}" for back in range(4))
#: the feature of each gap between mention and cue, in buckets (the last: every longer gap)
_CUE_GAPS = tuple(f"cue_gap{_bucket(gap, (0, 1, 3, 6, 12))}" for gap in range(14))


def _intrinsic(context: DocumentContext, span: tuple[int, int]) -> dict[str, float]:
    """Return the features of a mention that do not depend on the instance."""
    tokens = context.tokens
    first, end = span
    head = tokens[first]
    out: dict[str, float] = {}
    if True in context.quoted[first:end]:
        out["in_quote"] = 1.0
    if context.is_subject(span):
        out["subject"] = 1.0
    all_lowers = context.lowers
    lower = all_lowers[first]
    out[f"pos={head.pos}"] = 1.0
    if head.pos in _PRONOUNS:
        out[f"pronoun={lower}"] = 1.0
    if lower in _NOMINATIVE_DETERMINERS:
        out["det_nominative"] = 1.0
    elif lower in _OBLIQUE_DETERMINERS:
        out["det_oblique"] = 1.0
    before = all_lowers[first - 1] if first > 0 else ""
    if first > 0 and tokens[first - 1].sentence == head.sentence:
        name = f"before={before}" if before in _BEFORE else f"before_pos={tokens[first - 1].pos}"
        out[name] = 1.0
    else:
        out["sentence_start"] = 1.0
    after = all_lowers[end] if end < len(tokens) else ""
    if end < len(tokens) and tokens[end].sentence == head.sentence:
        out[f"after={after}" if after in _AFTER else f"after_pos={tokens[end].pos}"] = 1.0
    nouns = [k for k in range(first, end) if context.nouns[k]]
    tags = set(context.tags[first:end])
    lowers = all_lowers[first:end]
    if "NE" in tags:
        out["name"] = 1.0
    if before in {"laut", "gemäß"} or after == "zufolge":
        out["prepositional_source"] = 1.0
    if nouns and tokens[nouns[-1]].pos == "NE":
        out["ends_with_name"] = 1.0
    if nouns and role_of(tokens[nouns[0]].text):
        out["role"] = 1.0
    if nouns and is_source_noun(tokens[nouns[0]].text):
        # "nach Angaben des Ministeriums": the source noun belongs to the mention only after
        # a prepositional cue; "prüfen die Aussagen eines Hackers, der ..." names the hacker
        cued = before in {"nach", "laut", "gemäß"}
        out["source_noun" if cued or "prepositional_source" in out else "source_noun_uncued"] = 1.0
    if "$," in tags:
        out["apposition"] = 1.0
    if "(" in lowers:
        out["brackets"] = 1.0
    if not GENITIVE_DETERMINERS.isdisjoint(lowers[1:]):
        out["genitive"] = 1.0
    if "APPR" in tags or "APPRART" in tags:
        out["preposition_inside"] = 1.0
    if not _JOINS.isdisjoint(lowers):
        out["coordinated"] = 1.0
    out[f"last_pos={tokens[end - 1].pos}"] = 1.0
    out[_LENGTHS[min(end - first, len(_LENGTHS) - 1)]] = 1.0
    return out


#: the feature of each mention length, in buckets (the last: every longer mention)
_LENGTHS = tuple(f"length{_bucket(size, (1, 2, 3, 5, 8))}" for size in range(10))
