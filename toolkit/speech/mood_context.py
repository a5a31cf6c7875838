"""Speech context for the mood layer: ambiguous verbs read as Konjunktiv in indirect speech.

The mood stage counts a ``syncretic`` form (``sollten``, 3pl ``haben``) as indicative, because
the form alone cannot tell. Once the speech stage knows where indirect speech stands, such a
verb is re-read as Konjunktiv (``VerbMood.resolved_by == "reporting frame"``) when all of
these hold:

1. It stands in the content of an ``indirect`` instance, in the sentence of its cue, and the
   cue is a verb or noun of saying in a main clause (``sagte``, ``die Warnung``), or there is
   no cue because a speaker goes on in Konjunktiv (``Danach werde ...``). Not resolved:
   ``laut``, ``zufolge``, ``nach Angaben``, ``so``, ``meiner Meinung nach`` and ``wie X
   mitteilte`` name a source and take the indicative freely; a sentence attributed
   afterwards (``... . Dies gab Y bekannt.``) was written as a statement; the writer's own
   words (speaker ``ich``, ``wir``) need no distance.
2. The content is a verb-second clause (``Er sagte, sie sollten das lassen``), where German
   marks reported words by the Konjunktiv. A ``dass``/``ob``/w-clause takes the indicative
   just as well (``Er führte aus, dass Länder ... Unterstützung leisten``), and so do clauses
   nested in the content (relative clauses, ``wenn``-clauses). The main clause after such a
   nested clause counts (``Er sagte, wenn es regne, sollten sie ...``).
3. The content has no unambiguous indicative (``Wie die Polizei mitteilte, wurden ...
   verletzt, drei schweben in Lebensgefahr``: the writer reports in the indicative).
4. The verb is not quoted (every pair of quotation marks in the sentence counts), not in the
   cue's own clause, and heads a main clause: not verb-final, not governed by another finite
   verb of its clause (then it is an infinitive or participle the tagger took for finite),
   no verb-first conditional (``Sollten sie kommen, ...``: the mood stage decides that).

Which Konjunktiv the verb then is comes from :func:`toolkit.mood.reported_konjunktiv`: its
own Konjunktiv I cell, or Konjunktiv II where the Konjunktiv I of its person looks like the
indicative (3pl ``sollten`` for ``sollen``; but 3sg ``sollte`` stays: ``solle`` was there to
choose).

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Er sagte, sie sollten das lassen.")
>>> [(v.text, v.mood, v.konjunktiv, v.resolved_by) for v in doc.verbs]
[('sagte', 'Ind', None, None), ('sollten', 'Sub', 'II', 'reporting frame')]
>>> [(v.text, v.mood) for v in analyse("Sie sollten das lassen.").verbs]
[('sollten', 'Ind')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from toolkit.model import Document, ReportedSpeech, Token, VerbMood
from toolkit.mood import read_as_konjunktiv, reported_konjunktiv
from toolkit.mood.agreement import FINITE_TAGS, clause_bounds, conditional_main_verb

#: ``VerbMood.resolved_by`` of a verb read as Konjunktiv inside indirect speech.
REPORTING_FRAME = "reporting frame"
#: Words that open a subordinate clause (STTS): ``dass``, ``ob``, ``wenn``, relative and
#: interrogative pronouns and adverbs.
SUBORDINATORS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"})
#: Conjunctions that make reported content a dependent clause (which takes the indicative too).
COMPLEMENTIZERS = frozenset({"dass", "daß", "ob"})
#: Characters of quotation marks (a token made only of these, tagged as punctuation).
QUOTATION_MARKS = frozenset("\"'`„“”‚‘’»«›‹")
#: Conjunctions that join two clauses with one subject (``haben Angst und wollen fliehen``).
COORDINATORS = frozenset({"und", "oder", "sowie", "sondern", "bzw.", "beziehungsweise"})
#: Non-finite verbs (STTS): one right before a finite verb makes its clause verb-final.
NON_FINITE_TAGS = frozenset({"VVINF", "VAINF", "VMINF", "VVIZU", "VVPP", "VAPP", "VMPP"})
#: Speakers whose words are the writer's own.
FIRST_PERSON = frozenset({"ich", "wir"})

Piece = tuple[int, int]


def resolve_moods(document: Document, speech: Sequence[ReportedSpeech]) -> tuple[VerbMood, ...]:
    """Return the document's verbs with ambiguous forms in indirect speech read as Konjunktiv.

    Parameters
    ----------
    document
        A document with tokens, tags and verbs (the mood stage has run).
    speech
        The reported-speech instances found in it.

    Examples
    --------
    >>> from toolkit import analyse
    >>> from toolkit.model import Span
    >>> doc = analyse("Sie meinten, die Länder haben Angst.", speech=False)
    >>> speech = (ReportedSpeech("indirect", 13, 36, "die Länder haben Angst.", 0,
    ...           cue=Span(4, 11, "meinten")),)
    >>> [(verb.text, verb.mood, verb.konjunktiv) for verb in resolve_moods(doc, speech)]
    [('meinten', 'Ind', None), ('haben', 'Sub', 'I')]
    """
    if not any(reported_konjunktiv(verb) for verb in document.verbs):
        return document.verbs
    starts = [token.start for token in document.tokens]
    quoted = [piece for record in speech if record.kind == "direct" for piece in record.pieces()]
    index = _Index(document.verbs, quoted)
    resolved: dict[int, VerbMood] = {}
    for record in speech:
        if record.kind != "indirect" or not _reports_words(document, starts, record):
            continue
        for piece in record.pieces():
            content = _content_verbs(document, starts, record, piece, quoted, index)
            if any(verb.mood == "Ind" and verb.ambiguity == "unambiguous" for verb in content):
                continue  # the writer reports this in the indicative ("wurden ..., schweben")
            for verb in content:
                konjunktiv = reported_konjunktiv(verb)
                if konjunktiv is not None and verb.token not in resolved:
                    resolved[verb.token] = read_as_konjunktiv(
                        verb, konjunktiv, resolved_by=REPORTING_FRAME
                    )
    return tuple(resolved.get(verb.token, verb) for verb in document.verbs)


def _token_at(starts: Sequence[int], offset: int) -> int:
    """Index of the token that starts at or before a character offset."""
    return max(0, bisect_right(starts, offset) - 1)


def _sentence_of(document: Document, index: int) -> tuple[Sequence[Token], int]:
    """Return the tokens of the sentence of token ``index``, and its position in them."""
    sentence = document.sentences[document.tokens[index].sentence]
    return document.tokens[sentence.first_token : sentence.last_token + 1], (
        index - sentence.first_token
    )


def _reports_words(document: Document, starts: Sequence[int], record: ReportedSpeech) -> bool:
    """Whether an instance reports someone else's words through a verb or noun of saying.

    The cue must stand in a main clause: ``Wie die Polizei mitteilte, ...`` names a source
    like ``laut``, and a cue in a relative clause reports no clause after it.
    """
    mention = record.speaker_mention
    if mention is not None and mention.text.lower() in FIRST_PERSON:
        return False
    if record.cue is None:
        return True  # a continuation in Konjunktiv: the last speaker goes on
    tokens, cue = _sentence_of(document, _token_at(starts, record.cue.start))
    tag = tokens[cue].pos or ""
    if not (tag.startswith("V") or tag == "NN"):
        return False
    return not _subordinate(tokens, _clause(tokens, cue)[0])


class _Index:
    """The verbs by start and the quoted pieces by start, for lookups in logarithmic time.

    :func:`_content_verbs` ran over every verb of the document for every piece of content,
    and over every quoted piece for every verb (quadratic in long texts); with the index it
    reads the verbs inside the piece only, in the same order.
    """

    def __init__(self, verbs: Sequence[VerbMood], quoted: Sequence[tuple[int, int]]) -> None:
        self.order = sorted(range(len(verbs)), key=lambda k: verbs[k].start)
        self.starts = [verbs[k].start for k in self.order]
        self.verbs = verbs
        pieces = sorted(quoted)
        self.quote_starts = [start for start, _end in pieces]
        self.furthest = list(accumulate((end for _start, end in pieces), max))

    def verbs_from(self, start: int, end: int) -> list[VerbMood]:
        """Return the verbs that start in ``start:end + 1``, in the document's order."""
        low, high = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [self.verbs[k] for k in sorted(self.order[low:high])]

    def quoted(self, start: int, end: int) -> bool:
        """Whether some quoted piece holds ``start:end``."""
        before = bisect_right(self.quote_starts, start)
        return before > 0 and self.furthest[before - 1] >= end


def _content_verbs(
    document: Document,
    starts: Sequence[int],
    record: ReportedSpeech,
    piece: tuple[int, int],
    quoted: Sequence[tuple[int, int]],
    index: _Index | None = None,
) -> list[VerbMood]:
    """Return the finite verbs that head verb-second clauses of one piece of content."""
    tokens, first = _sentence_of(document, _token_at(starts, piece[0]))
    opener = _first_word(tokens, first)
    if opener is None or _complementizer(tokens[opener]) or _coordinating(tokens[opener]):
        return []  # "dass ...", "ob ...", "aber die Y sehen ...": no verb-second content
    cue = _token_at(starts, record.cue.start) if record.cue is not None else -1
    if cue >= 0 and document.tokens[cue].sentence != tokens[first].sentence:
        return []  # "X ... . Dies gab Y bekannt.": X was written as a statement of its own
    found = []
    verbs = document.verbs if index is None else index.verbs_from(piece[0], piece[1])
    for verb in verbs:
        if not (piece[0] <= verb.start and verb.end <= piece[1]) or verb.mood == "Imp":
            continue
        if index is not None and index.quoted(verb.start, verb.end):
            continue
        if index is None and any(start <= verb.start and verb.end <= end for start, end in quoted):
            continue
        tokens, position = _sentence_of(document, verb.token)
        clause_start, clause_end = _clause(tokens, position)
        sentence_start = verb.token - position
        own_cue = sentence_start + clause_start <= cue < sentence_start + clause_end
        if not own_cue and not _quoted(tokens, position) and _heads_main_clause(tokens, position):
            found.append(verb)
    return found


def _heads_main_clause(tokens: Sequence[Token], position: int) -> bool:
    """Whether the finite verb at ``position`` heads a main clause (verb second).

    Not when the clause is subordinate (``wenn``, ``die``, ``von dem``, ``erst wenn``), when
    a non-finite verb stands right before it (``unterstützen sollen``, ``gehabt haben``: a
    verb-final clause), when an earlier finite verb of the clause governs it (``man solle
    ... vorbeikommen``: an infinitive the tagger took for finite), when it opens a
    verb-first conditional, when it ends its clause after an adverb (see
    :func:`_clause_final_after_adverb`), or when it opens its clause after a main clause
    (``..., beharren aber auf``: a second main clause of the writer, not reported content).
    """
    clause_start, _end = _clause(tokens, position)
    if _subordinate(tokens, clause_start) or _after_finite(tokens, clause_start, position):
        return False
    if position > clause_start and tokens[position - 1].pos in NON_FINITE_TAGS:
        return False
    if _clause_final_after_adverb(tokens, clause_start, position):
        return False
    if conditional_main_verb(tokens, position) is not None:
        return False
    if _first_word(tokens, clause_start, skip_conjunctions=True) == position:
        # verb first: content only right after a fronted subordinate clause ("wenn ..., sollten")
        return clause_start > 1 and _subordinate(tokens, _clause(tokens, clause_start - 2)[0])
    return True


def _clause_final_after_adverb(tokens: Sequence[Token], clause_start: int, position: int) -> bool:
    """Whether the verb ends its clause after an adverb (``die ... auch wirklich tragen``).

    A verb-second clause has one phrase before its verb, so such a clause is verb-final: a
    relative clause whose pronoun the tagger took for an article.
    """
    last = position + 1 >= len(tokens) or _is_break(tokens[position + 1])
    before = tokens[position - 1].pos if position - 1 > clause_start else None
    return last and before in {"ADV", "ADJD", "PTKNEG"}


def _coordinating(token: Token) -> bool:
    """Whether a word joins two main clauses (``und``, ``aber``; tagged ``KON`` or ``ADV``)."""
    return token.pos == "KON" or token.text.lower() in {"aber", "doch", "jedoch", "denn"}


def _is_break(token: Token) -> bool:
    """Whether a token ends a clause (comma or sentence mark; brackets and quotes do not)."""
    return token.pos in {"$,", "$."}


def _clause(tokens: Sequence[Token], position: int) -> tuple[int, int]:
    """Return ``(first, last + 1)`` of the clause around ``tokens[position]``."""
    return clause_bounds(tokens, position, _is_break)


def _subordinate(tokens: Sequence[Token], clause_start: int) -> bool:
    """Whether a clause is subordinate (``wenn ...``, ``die ...``, ``von dem ...``)."""
    opener = _first_word(tokens, clause_start, skip_conjunctions=True)
    if opener is not None and tokens[opener].pos in {"APPR", "APPRART", "ADV", "ADJD"}:
        opener += 1  # "von dem ... ausgingen", "mit denen ...", "erst wenn ..."
    return opener is not None and opener < len(tokens) and tokens[opener].pos in SUBORDINATORS


def _quoted(tokens: Sequence[Token], position: int) -> bool:
    """Whether a quotation opened earlier in the sentence is still open at ``position``.

    Counts every quotation mark, also pairs the speech stage does not take for direct speech
    (the ````...''```` of older news text): quoted words keep their own mood.
    """
    marks = sum(1 for token in tokens[:position] if _is_quotation_mark(token))
    return marks % 2 == 1


def _is_quotation_mark(token: Token) -> bool:
    return (token.pos or "").startswith("$") and all(c in QUOTATION_MARKS for c in token.text)


def _after_finite(tokens: Sequence[Token], clause_start: int, position: int) -> bool:
    """Whether an earlier finite verb of the clause governs the verb at ``position``.

    Then the form is the infinitive (or participle) the tagger took for finite (``man solle
    ... vorbeikommen``, ``habe ... erlitten``, ``werde ... verzichten und ... besprechen``).
    Right after ``und`` (``haben Angst und wollen fliehen``) a finite verb is a finite verb.
    """
    for index in range(position - 1, clause_start - 1, -1):
        if tokens[index].text.lower() in COORDINATORS and position - index <= 2:
            return False
        if tokens[index].pos in FINITE_TAGS:
            return True
    return False


def _complementizer(token: Token) -> bool:
    """Whether a word makes the content a dependent clause (``dass``, ``ob``, ``wie``, ``wer``)."""
    tag = token.pos or ""
    return tag.startswith("PW") or (tag == "KOUS" and token.text.lower() in COMPLEMENTIZERS)


def _first_word(
    tokens: Sequence[Token], start: int, *, skip_conjunctions: bool = False
) -> int | None:
    """Position of the first word from ``start`` on (punctuation, maybe ``und``, skipped)."""
    for index in range(max(0, start), len(tokens)):
        tag = tokens[index].pos or ""
        if tag.startswith("$") or (skip_conjunctions and tag == "KON"):
            continue
        return index
    return None
