"""Tokens -> part of speech (STTS) and lemma for every token, with HanTa.

HanTa, the Hanover Tagger, ships its German model inside the package, so nothing is
downloaded. It tags a sentence in two steps: a morphological analysis of each word (which
tags can the word have?) and a Viterbi search over the sentence; then it analyses each word
once more to build the lemma. Both per-word steps depend only on the word (and its tag), so
:mod:`toolkit.tagging.hanta` remembers them and avoids repeated work inside them, with the
same results as plain HanTa (see ``bench/bench_mood.py`` for the speed).

Tags are given in plain STTS (``VVFIN``, ``ADJA``): HanTa writes ``VV(FIN)``, ``ADJ(A)``.

HanTa also tags 3rd person plural verbs at the end of a subordinate clause as infinitives
(``dass Länder ... Unterstützung leisten``, ``die ... Ziele angreifen``), because the two forms
are the same. :func:`correct_clause_final_verbs` turns such a verb into a finite one when its
clause has no other finite verb; :func:`correct_verbs_after_zu` turns a "finite" verb after
``zu`` into the infinitive it is (``Abfälle auf der Deponie zu lagern``).
:mod:`toolkit.tagging.verbs` makes a governed infinitive or participle non-finite again
(``Es könne ... kommen``) and gives particle verbs their full lemma (``teilte ... mit``:
``mitteilen``).

Examples
--------
>>> tag_words(["Peskow", "sagte", ",", "das", "sei", "gefährlich", "."])
... # doctest: +NORMALIZE_WHITESPACE
[('Peskow', 'NE'), ('sagen', 'VVFIN'), (',', '$,'), ('der', 'PDS'), ('sein', 'VAFIN'),
 ('gefährlich', 'ADJD'), ('.', '$.')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import fields, replace
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from toolkit.errors import ResourceError
from toolkit.model import Document, Token
from toolkit.tagging.verbs import correct_governed_verbs, particle_lemmas

if TYPE_CHECKING:
    from toolkit.config import AnalysisConfig

#: HanTa's model file, bundled with the HanTa package.
MODEL = "morphmodel_ger.pgz"

#: The fields a tagged token keeps, in order (``lemma`` and ``pos`` are the last two): a new
#: Token built from them is about twice as fast per token as ``dataclasses.replace``.
_TOKEN_FIELDS = [field.name for field in fields(Token)]
assert _TOKEN_FIELDS[-2:] == ["lemma", "pos"], "tag_tokens expects lemma and pos last"
_KEPT_FIELDS = attrgetter(*_TOKEN_FIELDS[:-2])

#: Words that open a subordinate clause (STTS), after which the finite verb comes last.
_SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"})
#: Words that can be the subject of a clause (for clause-final 3rd person plural verbs).
_SUBJECT_TAGS = frozenset({"NN", "NE", "PPER", "PIS", "PDS"})
#: Finite verbs that may govern an infinitive later in the sentence.
_GOVERNING_TAGS = frozenset({"VAFIN", "VMFIN"})
#: Tokens that end a clause. Other punctuation ($() does not: quotation marks stand inside
#: clauses ("dass diese Sichtweise 'zutiefst provokant' sei").
_CLAUSE_ENDS = frozenset({"$,", "$."})
#: STTS tags of punctuation, which HanTa gets wrong for marks it does not know (it tags
#: „ “ – as FM and « as XY).
_SENTENCE_PUNCTUATION = frozenset(".!?:;…")

FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
IMPERATIVE_TAGS = frozenset({"VVIMP", "VAIMP"})
INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF"})


@cache
def hanover_tagger() -> Any:
    """Return the HanTa tagger (loaded once, about 0.2 s), with per-word memos."""
    try:
        from toolkit.tagging.hanta import FastHanoverTagger
    except ImportError as error:
        raise ResourceError(
            f"The tagger HanTa cannot be imported: pip install HanTa. ({error!r})"
        ) from error
    try:
        return FastHanoverTagger(MODEL)
    except Exception as error:  # a missing or incompatible model file
        raise ResourceError(
            f"HanTa's German model {MODEL!r} cannot be loaded: {error!r}"
        ) from error


@cache
def stts(hanta_tag: str) -> str:
    """Return the STTS spelling of a HanTa tag (cached: the model has about 60 tags).

    Examples
    --------
    >>> stts("VV(FIN)"), stts("ADJ(A)"), stts("NN"), stts("$(")
    ('VVFIN', 'ADJA', 'NN', '$(')
    """
    return _HANTA_SUBTAG.sub(r"\1\2", hanta_tag)


_HANTA_SUBTAG = re.compile(r"^([A-Z]+)\(([A-Z]+)\)$")


def punctuation_tag(text: str) -> str | None:
    """Return the STTS tag of a punctuation token, or ``None`` if ``text`` is no punctuation.

    Examples
    --------
    >>> punctuation_tag(","), punctuation_tag("?!"), punctuation_tag("„"), punctuation_tag("ja")
    ('$,', '$.', '$(', None)
    """
    if any(character.isalnum() for character in text):
        return None
    if text == ",":
        return "$,"
    if all(character in _SENTENCE_PUNCTUATION for character in text):
        return "$."
    return "$("


#: Most words tagged in one pass. HanTa's path probability falls below its floor (-1e6) after
#: some thousands of words, and it then fails with ``KeyError((2, 0))`` (one sentence of
#: ``"wort " * 200_000``); the tokenizer keeps sentences far shorter, this guards other callers.
MAX_TAGGED_WORDS = 1_000


def tag_words(words: Sequence[str]) -> list[tuple[str, str]]:
    """Return ``(lemma, STTS tag)`` for each word of one sentence.

    Parameters
    ----------
    words
        The tokens of one sentence, in order (the tagger uses the neighbours).
    """
    if not words:
        return []
    if len(words) > MAX_TAGGED_WORDS:
        return [
            pair
            for start in range(0, len(words), MAX_TAGGED_WORDS)
            for pair in tag_words(words[start : start + MAX_TAGGED_WORDS])
        ]
    try:
        tagged = hanover_tagger().tag_sent(list(words), taglevel=1)
    except ResourceError:
        raise
    except Exception as error:  # HanTa fails with KeyError/IndexError on odd input
        raise ResourceError(
            f"The tagger HanTa failed on the sentence starting {' '.join(words[:6])!r}: {error!r}"
        ) from error
    return [(written_lemma(word, lemma), stts(tag)) for word, lemma, tag in tagged]


def written_lemma(word: str, lemma: str) -> str:
    """Return HanTa's lemma with the capitals the text writes where they carry meaning.

    HanTa writes acronyms and the parts of a hyphenated compound after the first in lower
    case (``USA`` -> ``Usa``, ``EU-Kommission`` -> ``Eu-kommission``); a student's frequency
    list should show them as the text writes them. Only a compound's last part is inflected,
    so the parts before it are kept as written.

    Examples
    --------
    >>> written_lemma("Nato-Generalsekretärs", "Nato-generalsekretär")
    'Nato-Generalsekretär'
    >>> written_lemma("EU-Kommission", "Eu-kommission"), written_lemma("USA", "Usa")
    ('EU-Kommission', 'USA')
    >>> written_lemma("deutsch-französischen", "deutsch-französisch")
    'deutsch-französisch'
    >>> written_lemma("Heute", "heute")  # a capital at the start of a sentence is no name
    'heute'
    """
    if not lemma:
        return lemma
    if "-" not in word:
        return _with_inner_capitals(word, lemma)
    written, found = word.split("-"), lemma.split("-")
    if len(written) != len(found):
        return lemma
    last = _with_inner_capitals(written[-1], found[-1])
    if written[-1][:1].isupper() and last[:1].islower():
        last = last[:1].upper() + last[1:]  # a capital after a hyphen marks a noun
    return "-".join([*written[:-1], last])


def _with_inner_capitals(word: str, lemma: str) -> str:
    # an uninflected word with capitals after its first letter (USA, McAllister) is an acronym
    # or a name: its lemma is the word as written
    if lemma.lower() == word.lower() and word[1:] != word[1:].lower():
        return word
    return lemma


def correct_clause_final_verbs(words: Sequence[str], tags: list[str]) -> list[str]:
    """Make clause-final "infinitives" of clauses without a finite verb finite.

    In ``dass Länder ... Unterstützung leisten`` the verb is 3rd person plural, but it looks
    like the infinitive and HanTa tags it ``VVINF``. A clause needs a finite verb, so if it
    has none, its last verb (``VVINF``, ``VAINF``, ``VMINF``) is the finite one when

    - the clause is subordinate (starts with ``dass``, a relative pronoun, ...), or
    - it is a later main clause with a subject before the verb (``Experten sagen, die Preise
      steigen``), and no auxiliary or modal verb earlier in the sentence could govern an
      infinitive (``Er muss gehen, die Tür abschließen`` stays as it is).

    ``zu`` + infinitive is left alone.

    Examples
    --------
    >>> words = ["dass", "Länder", "Hilfe", "leisten", "."]
    >>> correct_clause_final_verbs(words, ["KOUS", "NN", "NN", "VVINF", "$."])
    ['KOUS', 'NN', 'NN', 'VVFIN', '$.']
    >>> correct_clause_final_verbs(["um", "zu", "helfen"], ["KOUI", "PTKZU", "VVINF"])
    ['KOUI', 'PTKZU', 'VVINF']
    >>> words = ["Experten", "sagen", ",", "die", "Preise", "steigen", "."]
    >>> correct_clause_final_verbs(words, ["NN", "VVFIN", "$,", "ART", "NN", "VVINF", "$."])
    ['NN', 'VVFIN', '$,', 'ART', 'NN', 'VVFIN', '$.']
    """
    corrected = list(tags)
    clause_start = 0
    for position in range(len(tags) + 1):
        if position == len(tags) or tags[position] in _CLAUSE_ENDS:
            _correct_clause(corrected, clause_start, position)
            clause_start = position + 1
    return corrected


def _correct_clause(tags: list[str], start: int, end: int) -> None:
    clause = tags[start:end]
    if not clause or any(tag in FINITE_TAGS for tag in clause):
        return
    subordinate = clause[0] in _SUBORDINATORS or _opens_with_preposition(clause)
    if not subordinate and not _later_main_clause(tags, start, end):
        return
    last = end - 1
    if tags[last] in INFINITIVE_TAGS and (last == start or tags[last - 1] != "PTKZU"):
        tags[last] = tags[last][:2] + "FIN"


def correct_verbs_after_zu(tags: list[str]) -> list[str]:
    """Make a finite verb tag right after ``zu`` (``PTKZU``) an infinitive.

    ``zu`` stands only before infinitives; HanTa still tags some of them finite
    (``Gewerbeabfälle auf der Deponie zu lagern``: ``lagern`` as ``VVFIN``).

    Examples
    --------
    >>> correct_verbs_after_zu(["NN", "PTKZU", "VVFIN", "$."])
    ['NN', 'PTKZU', 'VVINF', '$.']
    """
    return [
        tag[:2] + "INF" if tag in FINITE_TAGS and index > 0 and tags[index - 1] == "PTKZU" else tag
        for index, tag in enumerate(tags)
    ]


#: Tags of the words between a preposition and the adjective of an extended attribute
#: (``die in der Nacht festgenommenen Männer``); the speech stage reads them too.
ATTRIBUTE_TAGS = frozenset({"APPR", "APPRART", "ART", "ADJA", "ADJD", "ADV", "CARD", "NN", "NE"})


def correct_articles_after_verbs(tags: list[str]) -> list[str]:
    """Make a "relative pronoun" after a verb and a comma the article it is.

    ``Die Polizei sagte, die in der Nacht festgenommenen Männer seien bewaffnet``: HanTa
    reads ``die`` as a relative pronoun, but a verb is no antecedent, and a preposition,
    then an adjective before a noun, is an extended attribute of a noun phrase whose verb
    comes next (a relative clause ends with its verb).

    Examples
    --------
    >>> sagte_die_festgenommenen_maenner_seien = [
    ...     "VVFIN", "$,", "PRELS", "APPR", "ART", "NN", "ADJA", "NN", "VAFIN", "ADJD", "$."
    ... ]
    >>> correct_articles_after_verbs(sagte_die_festgenommenen_maenner_seien)[2]
    'ART'
    >>> getroffen_die_in_der_stadt_wohnen = ["VVPP", "$,", "PRELS", "APPR", "ART", "NN", "VVFIN"]
    >>> correct_articles_after_verbs(getroffen_die_in_der_stadt_wohnen)[2]
    'PRELS'
    """
    corrected = list(tags)
    for i in range(2, len(tags) - 2):
        if not (
            tags[i] == "PRELS"
            and tags[i - 1] == "$,"
            and tags[i - 2][:2] in {"VV", "VA", "VM"}
            and tags[i + 1] in {"APPR", "APPRART"}
        ):
            continue
        for k in range(i + 2, min(len(tags) - 1, i + 7)):
            if tags[k] == "ADJA" and tags[k - 1] in PHRASE_END_TAGS:
                if _subject_before_verb(tags, k + 1):
                    corrected[i] = "ART"
                break
            if tags[k] not in ATTRIBUTE_TAGS:
                break
    return corrected


#: The last word of the prepositional phrase inside an attribute (``in der Nacht``).
PHRASE_END_TAGS = frozenset({"NN", "NE", "CARD", "ADV", "ADJD"})


def _subject_before_verb(tags: list[str], start: int) -> bool:
    """Whether nouns from ``start`` on are followed by a finite verb that does not end a clause.

    ``die in der Nacht festgenommenen Männer seien bewaffnet``: the verb comes second, as in
    a main clause; a relative clause ends with its verb (``…, der am Montag in einem
    Moskauer Gefängnis starb.``).
    """
    k = start
    while k < len(tags) and tags[k] in {"ADJA", "NN", "NE"}:
        k += 1
    return (
        k > start
        and k + 1 < len(tags)
        and tags[k] in FINITE_TAGS
        and not tags[k + 1].startswith("$")
    )


def _later_main_clause(tags: list[str], start: int, end: int) -> bool:
    has_subject = any(tag in _SUBJECT_TAGS for tag in tags[start : end - 1])
    governed = any(tag in _GOVERNING_TAGS for tag in tags[:start])
    return start > 0 and has_subject and not governed


def _opens_with_preposition(clause: list[str]) -> bool:
    # "mit denen sie ... angreifen": a relative clause may start with a preposition
    return len(clause) > 1 and clause[0] == "APPR" and clause[1] in {"PRELS", "PWS", "PWAV"}


def tag_tokens(tokens: Sequence[Token], sentence_bounds: Sequence[range]) -> tuple[Token, ...]:
    """Return the tokens with ``lemma`` and ``pos`` filled, tagging sentence by sentence."""
    tagged: list[Token] = list(tokens)
    for indices in sentence_bounds:
        words = [tokens[i].text for i in indices]
        analyses = [
            (lemma, punctuation_tag(tokens[i].text) or tag if tokens[i].kind == "symbol" else tag)
            for i, (lemma, tag) in zip(indices, tag_words(words), strict=True)
        ]
        tags = correct_clause_final_verbs(words, [tag for _lemma, tag in analyses])
        tags = correct_verbs_after_zu(tags)
        tags = correct_articles_after_verbs(tags)
        lemmas = [lemma for lemma, _tag in analyses]
        tags = correct_governed_verbs(words, tags, lemmas)
        lemmas = particle_lemmas(words, tags, lemmas)
        for i, lemma, tag in zip(indices, lemmas, tags, strict=True):
            tagged[i] = Token(*_KEPT_FIELDS(tokens[i]), lemma, tag)
    hanover_tagger().disk.flush()  # this text's new analyses, for the next process
    return tuple(tagged)


def tag_document(document: Document, config: AnalysisConfig | None = None) -> Document:
    """Pipeline stage: fill ``Token.lemma`` and ``Token.pos`` (STTS) for every token.

    Examples
    --------
    >>> from toolkit import analyse
    >>> doc = analyse("Er nähme es an.", mood=False)
    >>> [(t.text, t.lemma, t.pos) for t in doc.tokens[:2]]
    [('Er', 'er', 'PPER'), ('nähme', 'annehmen', 'VVFIN')]
    """
    bounds = [sentence.token_indices for sentence in document.sentences]
    return replace(document, tokens=tag_tokens(document.tokens, bounds))


def is_tagged(document: Document) -> bool:
    """Return whether the tagging stage has run (every token has a POS tag)."""
    return all(token.pos is not None for token in document.tokens)
