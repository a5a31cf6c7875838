"""Polarity lexicons for :mod:`toolkit.sentiment`: textblob-de's (default) or a SentiWS file.

A :class:`PolarityLexicon` maps word forms to a :class:`LexiconEntry` (the entry's base form,
its value in [-1, 1] and where it comes from). Lookup is by exact form first, then by the
token's lemma (from the tagging stage, when it ran), then by a case variant, then by the last
part of a compound noun (``Raketenangriffe`` -> ``Angriff``). A generated form counts only if
the token's tag (when known) fits the entry's word class: ``Sonne`` (NN) is no form of the
verb ``sonnen``, ``bitte`` (ADV) none of ``bitten``.

The default lexicon is textblob-de's German polarity lexicon (Klenner et al. 2010), read as
data, plus inflected forms generated here (adjective endings, noun plurals, verb forms from
pattern.de's verb table, also for prefixed verbs such as ``ausfallen``, and ß spellings of
its Swiss ss forms), plus the project's own additions and news false hits
(``toolkit/data/sentiment_additions.txt``, ``sentiment_false_hits.txt``).

SentiWS (Remus et al. 2010) is licensed for non-commercial use only, so the toolkit never
ships it; :func:`toolkit.sentiment.sentiws.read_sentiws` reads a copy the user has.

Examples
--------
>>> lexicon = default_lexicon()
>>> lexicon.lookup("kritisierte").entry, lexicon.lookup("kritisierte").value
('kritisieren', -1.0)
>>> lexicon.lookup("Abwehrkampf", compounds=True).entry
'Kampf'
>>> lexicon.lookup("massive").value  # a news false hit: not negative
0.0
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from toolkit.lexicons import textblob_de_polarity_lexicon
from toolkit.memo import WordMemo
from toolkit.resources import lines
from toolkit.sentiment.inflection import (
    adjective_forms,
    inflected_forms,
    noun_forms,
    verb_forms,
)

__all__ = [
    "LexiconEntry",
    "LexiconMatch",
    "PolarityLexicon",
    "adjective_forms",
    "build_forms",
    "default_lexicon",
    "false_hits",
    "fits",
    "inflected_forms",
    "noun_forms",
    "verb_forms",
    "word_class",
]

_NOT_LOOKED_UP = object()
#: Shortest noun accepted as the head of a compound (shorter ones give false hits: ``Rat``).
_MIN_COMPOUND_HEAD = 5


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """A lexicon entry: base form, polarity value in [-1, 1], source and part of speech."""

    entry: str
    value: float
    source: str
    pos: str = ""


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """What a lookup found: the entry and how (``form``, ``lemma``, ``case``, ``compound``)."""

    entry: str
    value: float
    source: str
    how: str
    pos: str = ""


class PolarityLexicon:
    """Word forms -> polarity entries, with lemma, case and compound fallbacks.

    Parameters
    ----------
    name
        Shown in results (``textblob-de``, ``SentiWS``, ...).
    forms
        Every known word form with its entry.
    """

    def __init__(self, name: str, forms: dict[str, LexiconEntry]) -> None:
        self.name = name
        self.forms = forms
        self._nouns = {form: found for form, found in forms.items() if form[:1].isupper()}
        # lookups per word form, bounded: texts repeat words, a corpus brings new ones
        self._memo = WordMemo()

    def __len__(self) -> int:
        return len(self.forms)

    def __repr__(self) -> str:
        return f"PolarityLexicon({self.name!r}, {len(self)} forms)"

    def lookup(
        self,
        form: str,
        lemma: str | None = None,
        *,
        tag: str | None = None,
        initial: bool = False,
        lowercase_text: bool = False,
        compounds: bool = False,
    ) -> LexiconMatch | None:
        """Return the entry for a word (``None`` if unknown).

        Parameters
        ----------
        form, lemma
            The word as written and its lemma (``None`` if not known).
        tag
            The word's STTS tag, if known: a lemma only counts for an entry of the same word
            class.
        initial
            The word opens a sentence or clause: ``Gut`` may be ``gut``.
        lowercase_text
            The text is written in lower case (common in posts): ``erfolg`` may be ``Erfolg``.
        compounds
            Try the last part of an unknown compound noun (``Abwehrkampf`` -> ``Kampf``).

        Examples
        --------
        >>> default_lexicon().lookup("Gut", initial=True).entry
        'gut'
        >>> default_lexicon().lookup("Sonne") is None  # not the verb form "(ich) sonne"
        True
        >>> default_lexicon().lookup("sagte", lemma="sagen") is None
        True
        """
        key = (form, lemma, tag, initial, lowercase_text, compounds)
        found = self._memo.get(key, _NOT_LOOKED_UP)
        if found is _NOT_LOOKED_UP:  # most words are in no lexicon: None is kept too
            found = self._memo.fill(
                key, lambda: self._lookup(form, lemma, tag, initial, lowercase_text, compounds)
            )
        return found

    def _lookup(
        self,
        form: str,
        lemma: str | None,
        tag: str | None,
        initial: bool,
        lowercase_text: bool,
        compounds: bool,
    ) -> LexiconMatch | None:
        found = self._form(form, tag)
        if found is not None:
            return _match(found, "form")
        # Lemmas only for inflection: a tagger's case changes ("laune" -> "Laune") mislead,
        # and so do its guesses across word classes ("reicht" -> "reich").
        if lemma and lemma != form and lemma[:1].isupper() == form[:1].isupper():
            found = self.forms.get(lemma)
            if found is not None and (tag is None or word_class(tag) == word_class(found.pos)):
                return _match(found, "lemma")
        if form[:1].isupper():
            lower = form.lower()
            if form.isupper() and len(form) > 1:  # "TOLL", "SONNE": adjectives only
                found = self._form(form[0] + lower[1:], tag)
                if found is None:
                    found = self._form(lower, tag)
                    found = found if found is not None and found.pos in ("JJ", "RB") else None
            elif initial:
                found = self._form(lower, tag)
            if found is not None:
                return _match(found, "case")
            if compounds and len(form) >= 2 * _MIN_COMPOUND_HEAD - 1:
                return self._compound_head(form)
        elif lowercase_text and form[:1].islower():
            found = self._form(form[0].upper() + form[1:], tag)
            if found is not None:
                return _match(found, "case")
        return None

    def _form(self, form: str, tag: str | None) -> LexiconEntry | None:
        # A generated form counts only if the token's tag fits the entry's word class.
        found = self.forms.get(form)
        if found is None or found.entry == form or fits(tag, found.pos):
            return found
        return None

    def _compound_head(self, form: str) -> LexiconMatch | None:
        # Longest head first: "Kriegsverbrechen" is "Verbrechen", not "Rechen".
        for cut in range(3, len(form) - _MIN_COMPOUND_HEAD + 1):
            head = form[cut].upper() + form[cut + 1 :]
            found = self._nouns.get(head)
            if found is not None:
                return _match(found, "compound")
        return None


_WORD_CLASSES = {"N": "noun", "J": "adjective", "R": "adjective", "A": "adjective", "V": "verb"}


def word_class(tag: str) -> str:
    """Return ``noun``, ``adjective`` or ``verb`` for a Penn, STTS or SentiWS tag (else ``""``).

    Examples
    --------
    >>> word_class("NN"), word_class("ADJD"), word_class("VVFIN"), word_class("JJ")
    ('noun', 'adjective', 'verb', 'adjective')
    """
    if tag in ("NE", "NNE"):
        return "noun"
    return _WORD_CLASSES.get(tag[:1], "")


#: Which entry classes a token with this STTS tag (or tag start) may be a form of: participles
#: are used as adjectives ("drohende", "verletzt"), nominalised adjectives and infinitives
#: keep their class ("Unbekannte", "Hoffen"), adverbs match adjective and adverb entries.
_TAG_FITS = {
    "NN": ("noun",),
    "NE": ("noun",),
    "NNA": ("noun", "adjective"),
    "NNI": ("noun", "verb"),
    "ADJA": ("adjective", "verb"),
    "ADJD": ("adjective", "verb"),
    "ADV": ("adjective",),
    "VVPP": ("verb", "adjective"),
    "V": ("verb",),
}


def fits(tag: str | None, pos: str) -> bool:
    """Return whether a token tagged ``tag`` (STTS) may be an inflected form of a ``pos`` entry.

    Generated forms collide with other words: "Sonne" is no form of "sonnen", "heissen" no
    form of "heiss", "bitte" (ADV) no form of "bitten". Unknown tags or classes fit.

    Examples
    --------
    >>> fits("NN", "VB"), fits("VVFIN", "VB"), fits("ADJA", "VB"), fits(None, "NN")
    (False, True, True, True)
    """
    wanted = word_class(pos) if pos else ""
    if not tag or not wanted:
        return True
    allowed = _TAG_FITS.get(tag) or _TAG_FITS.get(tag[:1] if tag[:1] == "V" else tag)
    return allowed is None or wanted in allowed


def _match(found: LexiconEntry, how: str) -> LexiconMatch:
    return LexiconMatch(found.entry, found.value, found.source, how, found.pos)


def build_forms(
    entries: Iterable[LexiconEntry], *, inflect: bool = True
) -> dict[str, LexiconEntry]:
    """Map every form to its entry: real entries first, generated forms never override them.

    textblob-de spells ß as ss, the Swiss way ("süss", "geniessen", "aussergewöhnlich"), so
    every form with ss is also known with ß ("süß", "genießen"); an ss after a short vowel
    gives a form that no text uses ("haßen"), or the old spelling of the same word ("Haß").

    Examples
    --------
    >>> forms = build_forms([LexiconEntry("süss", 0.7, "test", "JJ")])
    >>> forms["süße"].entry, forms["süsse"].entry
    ('süss', 'süss')
    """
    entries = list(entries)
    forms: dict[str, LexiconEntry] = {}
    for found in entries:
        forms.setdefault(found.entry, found)
    if inflect:
        for found in entries:
            for form in inflected_forms(found.entry, found.pos):
                forms.setdefault(form, found)
        for form, found in list(forms.items()):
            if "ss" in form:
                forms.setdefault(form.replace("ss", "ß"), found)
    return forms


# --- the default lexicon -------------------------------------------------------------------


def _parse_value_lines(name: str) -> Iterator[list[str]]:
    for line in lines(name):
        yield line.split()


@cache
def false_hits() -> dict[str, float]:
    """Return the news false hits with the value they get instead (usually 0).

    Examples
    --------
    >>> false_hits()["massiv"]
    0.0
    """
    return {
        parts[0]: float(parts[1]) if len(parts) > 1 else 0.0
        for parts in _parse_value_lines("sentiment_false_hits")
    }


@cache
def default_lexicon() -> PolarityLexicon:
    """Return textblob-de's polarity lexicon with inflections, additions and false hits (cached).

    Examples
    --------
    >>> default_lexicon().lookup("unprofessionell").value
    -1.0
    """
    overrides = false_hits()
    entries = [
        LexiconEntry(form, polarity, "textblob-de", pos)
        if form not in overrides
        else LexiconEntry(form, overrides[form], "false hit", pos)
        for form, pos, polarity, *_ in textblob_de_polarity_lexicon()
        if polarity != 0.0
    ]
    known = {found.entry for found in entries}
    for parts in _parse_value_lines("sentiment_additions"):
        word, value, pos = parts[0], float(parts[1]), parts[2] if len(parts) > 2 else ""
        if word not in known:
            entries.append(LexiconEntry(word, value, "toolkit", pos))
    forms = build_forms(entries)
    for word, value in overrides.items():  # forms that are no entry: "möchte", "lieber"
        forms[word] = LexiconEntry(word, value, "false hit", "")
    return PolarityLexicon("textblob-de", forms)
