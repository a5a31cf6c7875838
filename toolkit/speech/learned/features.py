"""Token features for the learned speech layer: the rule signals plus word, tag and context.

One pass over a tagged document (the rule stage's cues, quotations and records are reused, no
second tagging pass) gives every token a list of string features for the CRF:

- the rule labels: whether a rule instance of each kind covers the token (``r:D``, ``r:I``,
  ``r:R``, ``r:C`` for a continuation without a cue), the token's cue (class, lemma), whether
  it is part of a speaker mention;
- word (lower case, normalised historical spelling), lemma, part of speech, shape, suffix,
  and the neighbours' words and tags;
- verb mood and Konjunktiv type; quotation depth and quotation marks; the clause (between
  commas) and where it stands relative to the sentence's cues; whether a colon came before;
- the sentence's and the previous and next sentences' rule labels, Konjunktiv and cues.

Examples
--------
>>> from toolkit import analyse
>>> from toolkit.speech.learned.features import document_features
>>> doc = analyse("Er sagte, dass sie komme.", speech_model="rules")
>>> features = document_features(doc, doc.speech)
>>> "r:I" in features[4], "cue:verb" in features[1]
(True, True)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from toolkit.memo import word_memo
from toolkit.model import Document, ReportedSpeech
from toolkit.speech.cues import Cue, find_cues
from toolkit.speech.direct import document_quotations
from toolkit.speech.learned.spelling import modern_spelling
from toolkit.speech.quotes import Quotation

#: Kind codes of the labels: direct, indirect, reported, continuation (indirect without a cue).
CODES = {"direct": "D", "indirect": "I", "reported": "R"}
_BREAK_WORDS = frozenset({",", ";", ":", "(", ")", "–", "-"})
_OPENING = frozenset("„‚»«›‹“\"'")


def record_code(record: ReportedSpeech) -> str:
    """Return the label code of a rule record (``C`` for indirect speech without a cue)."""
    if record.kind == "indirect" and record.cue is None:
        return "C"
    return CODES[record.kind]


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not any(c.isalnum() for c in word):
        return "p"
    if word.isupper() and len(word) > 1:
        return "XX"
    return "Xx" if word[:1].isupper() else "x"


_DEPTH = ("d=0", "d=1", "d=2")
_CUE_DISTANCE = tuple(f"cuebd={distance}" for distance in range(7))


class _Prefixed(dict):  # type: ignore[type-arg]
    """``prefix + key`` for any key, each string built once (a few cue classes)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, key: str) -> str:
        found = self[key] = self.prefix + str(key)
        return found


_CUE_BEFORE = _Prefixed("cueb:")
_CUE_AFTER = _Prefixed("cuea:")
_NO_RULE = ("r:O",)
_CODED: dict[tuple[str, frozenset[str]], tuple[str, ...]] = {}


def _coded(prefix: str, codes: set[str]) -> tuple[str, ...]:
    """Return ``prefix`` + each code, sorted (memoised: there are few code sets)."""
    key = (prefix, frozenset(codes))
    found = _CODED.get(key)
    if found is None:
        found = _CODED[key] = tuple(prefix + code for code in sorted(codes))
    return found


@word_memo()
def _word_features(text: str, lemma: str | None, pos: str | None) -> tuple[str, ...]:
    word = modern_spelling(text).lower()
    return (
        "b",
        f"w={word}",
        f"l={(lemma or word).lower()}",
        f"p={pos}",
        f"sh={_shape(text)}",
        f"suf={word[-3:]}",
    )


@word_memo()
def _neighbour(offset: int, text: str, pos: str | None) -> tuple[str, str]:
    return f"p{offset}={pos}", f"w{offset}={text.lower()}"


def document_features(
    document: Document,
    records: Sequence[ReportedSpeech],
    cues: Sequence[Sequence[Cue]] | None = None,
    quotations: Sequence[Quotation] | None = None,
) -> list[list[str]]:
    """Return the features of every token of a tagged document (``records``: the rule output).

    ``cues`` (per sentence) and ``quotations`` are the rule stage's; they are found again
    when not given.
    """
    tokens = document.tokens
    n = len(tokens)
    starts = [t.start for t in tokens]
    if cues is None:
        cues = [find_cues(document.sentence_tokens(s.index)) for s in document.sentences]

    def token_range(start: int, end: int) -> range:
        return range(bisect_right(starts, start - 1), bisect_right(starts, end - 1))

    rule = [set() for _ in range(n)]  # type: list[set[str]]
    role = [set() for _ in range(n)]  # type: list[set[str]]
    for record in records:
        code = record_code(record)
        for start, end in record.pieces():
            for i in token_range(start, end):
                rule[i].add(code)
        for part in record.cue_parts or ((record.cue,) if record.cue else ()):
            for i in token_range(part.start, part.end):
                role[i].add(f"cue-of:{code}")
        if record.speaker_mention is not None:
            for i in token_range(record.speaker_mention.start, record.speaker_mention.end):
                role[i].add(f"spk-of:{code}")
    cue_at: dict[int, Cue] = {}
    sentence_cues: list[list[tuple[int, Cue]]] = []
    for sentence, found in zip(document.sentences, cues, strict=True):
        placed = []
        for cue in found:
            at = sentence.first_token + cue.token
            placed.append((at, cue))
            for part in cue.parts or (cue.token,):
                cue_at.setdefault(sentence.first_token + part, cue)
        sentence_cues.append(placed)
    depth = [0] * n
    marks = [""] * n
    if quotations is None:
        quotations = document_quotations(document)
    for quotation in quotations:
        inside = token_range(quotation.inner_start, quotation.inner_end)
        for i in inside:
            depth[i] += 1
        for i in token_range(quotation.start, quotation.inner_start):
            marks[i] = "open"
        if quotation.closing:
            for i in token_range(quotation.inner_end, quotation.end):
                marks[i] = "close"
    moods = {verb.token: verb for verb in document.verbs}
    # the Konjunktiv verbs in text order, so each sentence finds its own by bisection
    konjunktiv = sorted(
        (verb.token, "s:k1" if verb.konjunktiv == "I" else "s:k2")
        for verb in document.verbs
        if verb.konjunktiv in ("I", "II")
    )
    konjunktiv_at = [token for token, _ in konjunktiv]
    sentence_info = []
    for sentence in document.sentences:
        span = range(sentence.first_token, sentence.last_token + 1)
        info = {f"s:r{code}" for code in set().union(*(rule[i] for i in span if rule[i]))}
        found = konjunktiv[
            bisect_left(konjunktiv_at, sentence.first_token) : bisect_right(
                konjunktiv_at, sentence.last_token
            )
        ]
        info.update(code for _, code in found)
        if sentence_cues[sentence.index]:
            info.add("s:cue")
            info.update(f"s:cue:{c.cue_class}" for _, c in sentence_cues[sentence.index])
        if any(depth[i] for i in span):
            info.add("s:quote")
        if all(depth[i] for i in span if tokens[i].pos not in {"$.", "$,", "$("}):
            info.add("s:allquote")
        sentence_info.append(info)
    # most tokens carry no rule label: one shared tuple each instead of a string per token
    rule_features = [_coded("r:", r) if r else _NO_RULE for r in rule]
    before_features = [_coded("r-1:", r) if r else () for r in rule]
    after_features = [_coded("r1:", r) if r else () for r in rule]
    segment_words = [f"seg={token.text.lower()}" for token in tokens]
    # the tags two to the left and right of each token, as feature strings, built once
    tags_before = [f"p-2={token.pos}" for token in tokens]
    tags_after = [f"p2={token.pos}" for token in tokens]
    features: list[list[str]] = []
    for sentence in document.sentences:
        s = sentence.index
        previous = sentence_info[s - 1] if s > 0 else {"s:start"}
        following = sentence_info[s + 1] if s + 1 < len(sentence_info) else {"s:end"}
        shared = [
            *sorted(sentence_info[s]),
            *(f"p{f}" for f in sorted(previous)),
            *(f"n{f}" for f in sorted(following)),
        ]
        first, last = sentence.first_token, sentence.last_token
        placed = sentence_cues[s]
        segment_first = first
        colon = False
        segment_cue = False
        next_cue = 0  # index into placed of the first cue after the token
        for i in range(first, last + 1):
            token = tokens[i]
            if i > first:
                before_text = tokens[i - 1].text
                if before_text in _BREAK_WORDS:
                    segment_first = i
                    segment_cue = False
                    colon = colon or before_text == ":"
            cue = cue_at.get(i)
            if cue is not None:
                segment_cue = True
            f = [*_word_features(token.text, token.lemma, token.pos), _DEPTH[min(depth[i], 2)]]
            f.extend(rule_features[i])
            if role[i]:
                f.extend(sorted(role[i]))
            if marks[i]:
                f.append(f"mark={marks[i]}")
                f.append(f"mark={marks[i]}:{token.text}")
            if cue is not None:
                f.extend((f"cue:{cue.cue_class}", f"cuel={cue.lemma}"))
                if cue.reported:
                    f.append("cue:reported")
            verb = moods.get(i)
            if verb is not None:
                f.append(f"m={verb.mood}{verb.konjunktiv or ''}")
                f.append(f"amb={verb.ambiguity}")
            while next_cue < len(placed) and placed[next_cue][0] < i:
                next_cue += 1
            if next_cue:
                at, before = placed[next_cue - 1]
                f.append(_CUE_BEFORE[before.cue_class])
                f.append(_CUE_DISTANCE[min(i - at, 6)])
            after = next_cue + (next_cue < len(placed) and placed[next_cue][0] == i)
            if after < len(placed):
                f.append(_CUE_AFTER[placed[after][1].cue_class])
            f.append(segment_words[segment_first])
            if segment_cue:
                f.append("segcue")
            if colon:
                f.append("colon")
            if i == first:
                f.append("first")
            if i == last:
                f.append("last")
            f.append(tags_before[i - 2] if i - 2 >= first else "p-2=#")
            if i > first:
                f.extend(_neighbour(-1, tokens[i - 1].text, tokens[i - 1].pos))
                f.extend(before_features[i - 1])
            else:
                f.append("p-1=#")
            if i < last:
                f.extend(_neighbour(1, tokens[i + 1].text, tokens[i + 1].pos))
                f.extend(after_features[i + 1])
            else:
                f.append("p1=#")
            f.append(tags_after[i + 2] if i + 2 <= last else "p2=#")
            f.extend(shared)
            features.append(f)
    return features
