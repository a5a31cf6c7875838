"""The rules behind the default sentiment score: lexicon values, modifiers, negation, squashing.

For one sentence (a list of words, optionally with lemmas and STTS tags):

1. Every word found in the polarity lexicon (or the emoticon list) with a value other than 0
   is a *sentiment word*. With tags, a particle verb is one word on its finite verb
   (``lehnte ... ab`` = ``ablehnen``) when the lexicon knows it.
2. **Intensifiers and diminishers** right before a sentiment word multiply its value
   (``zutiefst provokant``: -1.0 x 1.8). A word that is both a modifier and a lexicon word
   (``massive``, ``richtig``) is a modifier when a sentiment word follows, else a word.
3. **Negation** (``nicht``, ``kein``, ``nie``, ``ohne``, ...) looks forward up to
   ``negation_window`` words, not across a clause break (punctuation, ``aber``, ``und``, ...),
   and turns every sentiment word there; if there is none, it turns the nearest sentiment
   word *before* it in the same clause (``gefällt mir nicht``). Negation weakens as well as
   turns: ``nicht gut`` = -0.8 x gut, ``nicht schlecht`` = -0.5 x schlecht (``weder gut noch
   schlecht`` denies both poles alike, -0.8 each: neutral). Sentence adverbs
   such as ``leider`` and ``hoffentlich`` comment on the clause and are not turned.
4. **Contrast**: sentiment words before ``aber``/``jedoch``/``sondern`` count half, words
   after it 1.5 times (the later clause carries the writer's point).
5. The adjusted values are added up to a raw total ``S``, and the polarity is
   ``S / sqrt(S² + alpha)``, which keeps it between -1 and 1 while ``zutiefst provokant``
   still scores below ``provokant``.
6. Each word's **contribution** is its share of the polarity, ``value x polarity / S``, cut
   (towards zero) to a multiple of 2**-24; the polarity is the sum of the contributions.
   Sums of such numbers are exact in floating point, so the contributions add up to the
   polarity exactly, in any order.

Subjectivity is the share of the sentence's words that carry or modify sentiment (the
textblob-de lexicon has no subjectivity values of its own).

Examples
--------
>>> result = score_words(["Das", "ist", "nicht", "gut", "."])
>>> round(result.polarity, 3), [(w.entry, w.modifiers) for w in result.words]
(-0.625, [('gut', ("Negation 'nicht' ×-0.8",))])
>>> sum(w.contribution for w in result.words) == result.polarity
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.sentiment.lexicon import PolarityLexicon, default_lexicon
from toolkit.sentiment.words import (
    _WORD_INFO,
    CONTRAST_WORDS,
    NOT_NEGATED,
    _word_info,
    clause_breaks,
    emoticon_value,
    emoticons,
    is_break,
    modifiers,
    negates_at,
    negation_exceptions,
    negators,
)

__all__ = [
    "QUANTUM",
    "RuleSettings",
    "ScoredSentence",
    "ScoredWord",
    "clause_breaks",
    "emoticon_value",
    "emoticons",
    "is_break",
    "modifiers",
    "negation_exceptions",
    "negators",
    "score_words",
    "truncate",
]

#: Contributions are multiples of this (2**-24, about 6e-8), so they add up exactly.
QUANTUM = 2.0**-24


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """Weights of the rules (defaults chosen on the dev portions of the evaluation sets).

    Examples
    --------
    >>> RuleSettings().negated_positive
    0.8
    """

    negation_window: int = 3
    negated_positive: float = 0.8
    negated_negative: float = 0.5
    before_contrast: float = 0.5
    after_contrast: float = 1.5
    alpha: float = 1.0
    compounds: bool = False


@dataclass(frozen=True, slots=True)
class ScoredWord:
    """One sentiment word of a sentence and how it counted.

    ``position`` is the word's index in the sentence, ``entry`` the lexicon entry (or
    emoticon) it matched, ``lexicon_value`` the entry's value, ``modifiers`` what changed it,
    ``value`` the value after the modifiers and ``contribution`` its share of the polarity.
    """

    position: int
    entry: str
    lexicon_value: float
    modifiers: tuple[str, ...]
    value: float
    contribution: float


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    """Polarity in (-1, 1), subjectivity in [0, 1], the words that counted and the raw total."""

    polarity: float
    subjectivity: float
    words: tuple[ScoredWord, ...] = ()
    total: float = 0.0


NEUTRAL = ScoredSentence(0.0, 0.0)


def truncate(value: float) -> float:
    """Cut a number towards zero to a multiple of :data:`QUANTUM` (keeps sums exact)."""
    return math.trunc(value / QUANTUM) * QUANTUM


# --- scoring -------------------------------------------------------------------------------


def score_words(
    words: Sequence[str],
    lemmas: Sequence[str | None] | None = None,
    tags: Sequence[str | None] | None = None,
    *,
    lexicon: PolarityLexicon | None = None,
    settings: RuleSettings | None = None,
) -> ScoredSentence:
    """Score one tokenised sentence with the rules of this module (see the module docstring).

    Parameters
    ----------
    words
        The tokens of the sentence.
    lemmas, tags
        Lemmas and STTS tags per token (from the tagging stage), or ``None``.
    lexicon
        The polarity lexicon (default: textblob-de's, see :mod:`toolkit.sentiment.lexicon`).
    settings
        Rule weights.

    Examples
    --------
    >>> provokant = score_words(["provokant"]).polarity
    >>> score_words(["zutiefst", "provokant"]).polarity < provokant < 0
    True
    >>> score_words("Das gefällt mir nicht".split()).words[0].modifiers
    ("Negation 'nicht' ×-0.8",)
    """
    lexicon = lexicon or default_lexicon()
    settings = settings or RuleSettings()
    known = _WORD_INFO.get
    infos = [known(word) or _word_info(word) for word in words]
    lowers = [info[0] for info in infos]
    breaks = [info[2] for info in infos]
    found = _find_sentiment_words(words, infos, lemmas, tags, lexicon, settings)
    if not found:
        return NEUTRAL
    factor_table = modifiers()
    notes: dict[int, list[str]] = {position: [] for position in found}
    values = {position: entry[1] for position, entry in found.items()}
    emoticon_positions = {position for position in found if infos[position][3] is not None}
    used = set()
    # Modifier chains right before a sentiment word ("sehr sehr gut", "massive Kritik").
    for position in sorted(found):
        if position in emoticon_positions:
            continue
        before = position - 1
        while before >= 0 and not breaks[before] and lowers[before] in factor_table:
            factor = factor_table[lowers[before]]
            values[position] *= factor
            notes[position].insert(0, f"{words[before]} ×{factor:g}")
            used.add(before)
            before -= 1
    for position in used & set(found):  # "massive Unterstützung": massive modifies
        del values[position], notes[position]
    _apply_negation(words, lowers, breaks, values, notes, used, emoticon_positions, settings)
    _apply_contrast(lowers, values, notes, settings)
    positions = sorted(values)
    total = math.fsum(values[position] for position in positions)
    polarity = total / math.sqrt(total * total + settings.alpha) if total else 0.0
    scale = polarity / total if total else 0.0
    scored = tuple(
        ScoredWord(
            position=position,
            entry=found[position][0],
            lexicon_value=found[position][1],
            modifiers=tuple(notes[position]),
            value=values[position],
            contribution=truncate(values[position] * scale),
        )
        for position in positions
    )
    word_count = sum(1 for info in infos if info[1])
    subjectivity = min(1.0, (len(scored) + len(used)) / max(word_count, 1))
    return ScoredSentence(
        polarity=sum(word.contribution for word in scored),
        subjectivity=subjectivity,
        words=scored,
        total=total,
    )


def _find_sentiment_words(
    words: Sequence[str],
    infos: Sequence[tuple[str, bool, bool, float | None, bool]],
    lemmas: Sequence[str | None] | None,
    tags: Sequence[str | None] | None,
    lexicon: PolarityLexicon,
    settings: RuleSettings,
) -> dict[int, tuple[str, float]]:
    found: dict[int, tuple[str, float]] = {}
    lowercase_text: bool | None = None  # worked out only when a word is not found as it is
    forms = lexicon.forms
    separable = (
        _separable_verbs(words, infos, lemmas, tags, lexicon) if tags and "PTKVZ" in tags else {}
    )
    for position, word in enumerate(words):
        info = infos[position]
        if not info[4]:  # emoticons, punctuation, negators, mentions, URLs, numbers
            if info[3] is not None:
                found[position] = (word, info[3])
            continue
        if position in separable:
            # "lehnte ... ab" is "ablehnen", "ging ... kaputt" is "kaputtgehen" (the particle
            # counts no more on its own); a particle verb the lexicon lacks keeps its verb.
            if separable[position]:
                entry = forms.get(separable[position])
                if entry is not None and entry.value:
                    found[position] = (entry.entry, entry.value)
            continue
        entry = forms.get(word)
        if entry is not None and (tags is None or entry.entry == word):  # the common case
            match_entry, value = entry.entry, entry.value
        else:
            if lowercase_text is None and word[:1].islower():
                lowercase_text = _written_in_lower_case(words, infos)
            form = word[1:] if word.startswith("#") and len(word) > 1 else word
            match = lexicon.lookup(
                form,
                lemmas[position] if lemmas is not None else None,
                tag=tags[position] if tags is not None else None,
                initial=position == 0 or infos[position - 1][2],
                lowercase_text=bool(lowercase_text),
                compounds=settings.compounds,
            )
            if match is None:
                continue
            match_entry, value = match.entry, match.value
        # A name is no opinion ("Ernst", "Frieden"); but taggers call many a capitalised
        # adjective in posts a name, so only noun entries are skipped.
        if tags is not None and tags[position] == "NE" and match_entry[:1].isupper():
            continue
        if value:
            found[position] = (match_entry, value)
    return found


def _separable_verbs(
    words: Sequence[str],
    infos: Sequence[tuple[str, bool, bool, float | None, bool]],
    lemmas: Sequence[str | None] | None,
    tags: Sequence[str | None],
    lexicon: PolarityLexicon,
) -> dict[int, str]:
    # Finite verb and its particle -> the particle verb, when the lexicon knows it ("" for the
    # particle, which counts only as part of the verb).
    pairs: dict[int, str] = {}
    for particle, tag in enumerate(tags):
        if tag != "PTKVZ":
            continue
        for position in range(particle - 1, -1, -1):
            if infos[position][2]:
                break
            if tags[position] in ("VVFIN", "VVIMP"):
                lemma = (lemmas[position] if lemmas else None) or words[position]
                lemma = lemma.lower()  # the tagger joins the particle already: "aufgeben"
                verb = lemma if lemma.startswith(infos[particle][0]) else infos[particle][0] + lemma
                if verb in lexicon.forms:
                    pairs[position], pairs[particle] = verb, ""
                break
    return pairs


def _written_in_lower_case(
    words: Sequence[str], infos: Sequence[tuple[str, bool, bool, float | None, bool]]
) -> bool:
    # Posts written all in lower case ("voll der erfolg"): nouns may be found capitalised.
    for position in range(1, len(words)):
        word = words[position]
        if word[:1].isupper() and not infos[position - 1][2] and not word.isupper():
            return False
    return True


def _apply_negation(
    words: Sequence[str],
    lowers: Sequence[str],
    breaks: Sequence[bool],
    values: dict[int, float],
    notes: dict[int, list[str]],
    used: set[int],
    emoticon_positions: set[int],
    settings: RuleSettings,
) -> None:
    exceptions, window = negation_exceptions(), settings.negation_window
    negated: set[int] = set()
    immune = {position for position in values if lowers[position] in NOT_NEGATED}
    for position, lower in enumerate(lowers):
        if not negates_at(lowers, position):
            continue
        following = lowers[position + 1] if position + 1 < len(lowers) else ""
        if (lower, following) in exceptions:
            continue
        targets = []
        for after in range(position + 1, min(len(words), position + window + 1)):
            if breaks[after]:
                break
            if after in values and after not in negated | emoticon_positions | immune:
                targets.append(after)
        if not targets:
            # Backward: "gefällt mir nicht"; a negator inside its clause reaches less far back
            # ("nach seinem perfekten Saisonabschluss nicht mit ...").
            clause_final = position + 1 == len(words) or breaks[position + 1]
            reach = window if clause_final else 2
            for before in range(position - 1, max(-1, position - reach - 1), -1):
                if breaks[before]:
                    break
                if before in values and before not in negated | emoticon_positions | immune:
                    targets.append(before)
                    break
        both = lower == "weder"  # "weder gut noch schlecht" denies both alike: neutral
        for target in targets:
            positive = values[target] > 0 or both
            weight = settings.negated_positive if positive else settings.negated_negative
            values[target] *= -weight
            notes[target].append(f"Negation {words[position]!r} ×-{weight:g}")
            negated.add(target)
        if targets:
            used.add(position)


def _apply_contrast(
    lowers: Sequence[str],
    values: dict[int, float],
    notes: dict[int, list[str]],
    settings: RuleSettings,
) -> None:
    turns = [position for position, lower in enumerate(lowers) if lower in CONTRAST_WORDS]
    if not turns or turns[-1] == 0 or not values:  # "Aber ..." opens the sentence: no contrast
        return
    turn = turns[-1]
    for position in values:
        factor = settings.before_contrast if position < turn else settings.after_contrast
        if factor != 1.0:
            values[position] *= factor
            notes[position].append(f"Kontrast {lowers[turn]!r} ×{factor:g}")
