"""Subjects: the mention of who speaks, found from the STTS tags of the cue's clause.

- a verb-second clause whose first part is a noun phrase or pronoun has its subject there
  (``Dmitri Peskow, Sprecher des Kremls, bezeichnete ...``);
- otherwise the subject is the first nominative noun phrase after the finite verb
  (``Zuvor hatte Stoltenberg ... erklärt``, ``erklärte der Kremlchef``); phrases in the
  dative or accusative (``dem Westen``) are skipped;
- the mention keeps what belongs to the phrase: coordinated names (``SPD und PDS``), an
  abbreviation in brackets (``Jung (CDU)``), an apposition (``, sagte Bill Graham,
  Parteichef der Liberalen.``); a relative pronoun stands for the noun before it
  (``eines Hackers, der behauptet``), one comma never parts a subject from its verb
  (``Das Ganze, sagte er, ...``), and ``er``, ``ich``, ``wir``, ``du`` or ``man`` right after
  the verb is its subject even when a noun phrase stands first (``Die Forderung wies er
  zurück``).

The passive is left to :func:`toolkit.speech.view.speaker_of`, which takes the agent
(``von Stolpe``) instead of the subject.

:mod:`toolkit.speech.speakers` resolves the mentions found here to names.

Examples
--------
>>> from toolkit import analyse
>>> doc = analyse("Zuvor hatte Stoltenberg in der Zeitung erklärt, dass es so sei.")
>>> tokens = doc.sentence_tokens(0)
>>> start, end = subject_of(tokens, 1)
>>> [t.text for t in tokens[start:end]]
['Stoltenberg']
"""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.model import Token
from toolkit.speech.given_names import given_name_gender
from toolkit.speech.roles import is_body_noun, role_of
from toolkit.tagging import ATTRIBUTE_TAGS, PHRASE_END_TAGS

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: Words that may stand before the subject in the first position ("Auch der Botschafter").
_FOCUS = frozenset({"auch", "selbst", "sogar", "nur", "gerade", "ausgerechnet", "vor", "allem"})
#: Conjunctions that join noun phrases into one subject ("SPD und PDS").
NP_CONJUNCTIONS = frozenset({"und", "oder", "sowie"})
#: Adverbs that may follow the subject before its verb ("Die Kanadier hingegen sagen").
_AFTER_SUBJECT = frozenset(
    {"hingegen", "dagegen", "jedoch", "aber", "allerdings", "wiederum", "indes", "selbst"}
)
#: Words that join a clause to the one before, outside its first position ("Aber die ...").
_CONNECTORS = frozenset({"aber", "doch", "denn", "jedoch"})
_NOMINATIVE_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man"})
#: Pronouns that can only be subjects ("sie" and "es" may be objects too).
_ONLY_NOMINATIVE = frozenset({"ich", "du", "er", "wir", "man"})
#: Relative pronouns that are never a subject (dative and genitive).
_OBLIQUE_RELATIVES = frozenset({"denen", "dem", "deren", "dessen"})
#: Conjunctions the tagger may take for prepositions ("Als ... sagte").
MISREAD_CONJUNCTIONS = frozenset({"als", "wenn", "nachdem", "während", "weil", "bevor", "seit"})
_OBLIQUE_DETERMINERS = frozenset(
    {
        "dem",
        "den",
        "des",
        "einem",
        "einen",
        "eines",
        "einer",
        "diesem",
        "diesen",
        "dieses",
        "seinem",
        "seinen",
        "seines",
        "ihrem",
        "ihren",
        "ihres",
        "jenem",
        "jenen",
    }
)
_FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "ur")
_NOUNS = frozenset({"NN", "NNA", "NNI", "NE", "FM", "TRUNC"})
#: Tags of the name after "von" (the tagger reads "Leyen" as a noun).
_VON_TAGS = frozenset({"NE", "NN"})


def is_noun(token: Token) -> bool:
    """Whether a token is a noun or name (not a mark the tagger called foreign, ``FM``)."""
    return token.pos in _NOUNS and token.text[:1].isalnum()


_NP_PREFIX = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "PWAT", "ADJA", "CARD"})
GENITIVE_DETERMINERS = frozenset({"des", "der", "eines", "einer"})
_QUOTE_TEXTS = frozenset("„“”\"'‚‘’»«›‹")
_NAME_TAGS = frozenset({"NN", "NE", "FM", "ART", "ADJA", "CARD", "APPR", "KON"})


def is_quote(token: Token) -> bool:
    """Whether a token is a quotation mark."""
    return token.text in _QUOTE_TEXTS


def is_own(token: Token) -> bool:
    """Whether a word is ``eigen-`` (``nach eigenen Angaben``): the source is the subject."""
    return token.text.lower().startswith("eigen")


def noun_phrase_end(tokens: Sequence[Token], start: int, limit: int | None = None) -> int:
    """Return the end (exclusive) of the noun phrase starting at ``start``; ``start`` if none.

    A phrase is determiners and adjectives, one or more nouns or names (``Präsident Putin``,
    ``Nato-Generalsekretär Jens Stoltenberg``), quoted names and genitive attributes
    (``Sprecher des Kremls``).
    """
    limit = len(tokens) if limit is None else limit
    i = start
    if i < limit and tokens[i].pos in {"PPER", "PDS", "PIS", "PRELS"}:
        return i + 1
    if i < limit and is_quote(tokens[i]):  # a quoted name: „Die Welt“ berichtete
        close = next((k for k in range(i + 1, min(limit, i + 7)) if is_quote(tokens[k])), None)
        inside = tokens[i + 1 : close] if close is not None else ()
        if inside and inside[0].text[:1].isupper() and all(t.pos in _NAME_TAGS for t in inside):
            return _nominal(tokens, close + 1, limit) if close + 1 < limit else close + 1
    i = _nominal(tokens, i, limit)
    if i == start:
        return start
    while i < limit and tokens[i].text.lower() in GENITIVE_DETERMINERS:
        if _closed_by_a_name(tokens, start, i):
            break  # a name takes no genitive: "des BMI | der Verbesserung" is the next phrase
        after = _nominal(tokens, i, limit, genitive=True)
        if after == i:
            break
        i = after
    return i


def _closed_by_a_name(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a phrase ending before ``end`` ends with a name, which takes no genitive.

    ``des BMI der Verbesserung``, ``das Landgericht Hamburg der Einschätzung``, ``Giorgos
    Papandreou der Opposition``: the next phrase starts at ``der``. An English title the
    tagger read as names goes on (``Chief Software Architect des Unternehmens``).
    """
    last = tokens[end - 1]
    if last.pos != "NE":
        return False
    if last.text.isupper() and last.text.isalpha():
        return True  # an acronym: "des BMI"
    first = end - 1
    while first > start and tokens[first - 1].pos == "NE":
        first -= 1
    if first == start or given_name_gender(tokens[first].text) in {"f", "m"}:
        return True  # the phrase is the name, or a person's name ends it
    before = tokens[first - 1]  # a role or body before the name: "Landgericht Hamburg"
    return before.pos == "NN" and (is_body_noun(before.text) or role_of(before.text) is not None)


def _nominal(tokens: Sequence[Token], start: int, limit: int, genitive: bool = False) -> int:
    i = start
    while i < limit and tokens[i].pos in _NP_PREFIX:
        i += 1
        if genitive and i == start + 1 and i < limit:
            i = _embedded_attribute_end(tokens, i, limit)
    nouns = i
    while i < limit:
        if is_noun(tokens[i]):
            if i > nouns and _object_after_body(tokens[i - 1], tokens[i]):
                break  # "die Behörde Ersatzunterkünfte angeboten": the object comes next
            i += 1
            continue
        if is_quote(tokens[i]):  # a quoted name inside the phrase: das „Petit Journal“
            j = i + 1
            while j < limit and (is_noun(tokens[j]) or tokens[j].pos in {"ART", "ADJA"}):
                j += 1
            if j > i + 1 and j < limit and is_quote(tokens[j]):
                i = j + 1
                continue
        break
    return i if i > nouns else start


def _embedded_attribute_end(tokens: Sequence[Token], start: int, limit: int) -> int:
    """Return where the adjective of an extended attribute starts after an article, else ``start``.

    ``des am Montag zurückgetretenen Airbus-Chefs``: a prepositional phrase between a
    genitive article and an adjective belongs to the adjective. The adjective follows the
    phrase's last word, not an article inside it (``am Montag in einem Moskauer ...``).
    """
    if tokens[start].pos not in {"APPR", "APPRART"}:
        return start
    for k in range(start + 1, min(limit - 1, start + 6)):
        word = tokens[k]
        if (
            word.pos == "ADJA"
            and tokens[k - 1].pos in PHRASE_END_TAGS  # "am Montag | zurückgetretenen"
            and (is_noun(tokens[k + 1]) or tokens[k + 1].pos == "ADJA")
        ):
            return k
        if word.pos not in ATTRIBUTE_TAGS:
            break
    return start


def _object_after_body(noun: Token, following: Token) -> bool:
    """Whether a common noun after a body's noun starts a phrase of its own.

    A body takes a name after it (``Staatsanwaltschaft Darmstadt``, ``Fachmagazin
    Automobilwoche``), never an inflected common noun: ``das Ministerium Arbeiten``,
    ``der Konzern Synergieeffekte``, ``die Organisation Schätzungen`` were speakers; nor
    does an inflected body take a name (``von den Behörden Ersatzunterkünfte angeboten``).
    """
    if following.pos != "NN" or noun.pos != "NN":
        return False
    if not (is_body_noun(noun.text) or is_body_noun(noun.lemma or noun.text)):
        return False  # "Behörden" counts by its lemma
    if role_of(following.lemma or following.text) is not None:
        return False  # "die Hilfsorganisation Ärzte ohne Grenzen"
    if following.text.count("-") >= 2:
        return False  # "die Gewerkschaft Nahrung-Genuss-Gaststätten": a name of parts
    # an inflected noun is no name, and an inflected body ("den Behörden") takes no name
    return _inflected(following) or _inflected(noun)


def _inflected(token: Token) -> bool:
    return bool(token.lemma) and token.lemma.lower() != token.text.lower()


def nominative_start(token: Token, noun: Token | None) -> bool:
    """Return whether a phrase starting with ``token`` (head ``noun``) can be a subject."""
    word = token.text.lower()
    if token.pos == "PPER":
        return word in _NOMINATIVE_PRONOUNS
    if word in _OBLIQUE_DETERMINERS:
        return False
    return not (
        word == "der" and noun is not None and noun.text.lower().endswith(_FEMININE_SUFFIXES)
    )


def subject_of(tokens: Sequence[Token], finite: int) -> tuple[int, int] | None:
    """Return the token range of the subject of the finite verb ``tokens[finite]``.

    The impersonal ``es`` (``es heißt``, ``hieß es``) is no speaker: ``None``.
    """
    found = _subject(tokens, finite)
    if found is None or (found[1] - found[0] == 1 and tokens[found[0]].text.lower() == "es"):
        return None
    if tokens[found[0]].pos in {"PPER", "PRELS", "PDS", "PIS"}:
        return found
    return found[0], _attachments_end(tokens, found[1], after_verb=found[0] > finite)


def _attachments_end(tokens: Sequence[Token], end: int, after_verb: bool) -> int:
    """Return the end of a subject with its abbreviation in brackets and its apposition.

    ``die Behörde (DGAC)``, and after the verb ``sagte Bill Graham, Parteichef der Liberalen.``
    An apposition is a noun phrase alone up to the next comma or the sentence end (``, die
    Lage sei ernst`` has a verb: reported words, no apposition).
    """
    if end + 2 < len(tokens) and tokens[end].text == "(":
        close = closing_bracket(tokens, end, len(tokens))
        if close is not None and not any(t.pos in FINITE for t in tokens[end + 1 : close]):
            end = close + 1
    if after_verb and end + 1 < len(tokens) and tokens[end].pos == "$,":
        stop = end + 1
        while stop < len(tokens) and tokens[stop].pos not in {"$,", "$.", "$("}:
            stop += 1
        if stop > end + 1 and noun_phrase_end(tokens, end + 1, stop) == stop:
            end = stop
    return end


def _subject(tokens: Sequence[Token], finite: int) -> tuple[int, int] | None:
    start = _main_clause_start(tokens, finite)
    first = start
    while first < finite and (
        tokens[first].text.lower() in _FOCUS
        or is_quote(tokens[first])
        or tokens[first].pos == "KON"
        or tokens[first].text.lower() in _CONNECTORS
    ):
        first += 1  # "Auch der Botschafter", "„Er rief ...", "Und er hat ...", "Aber die ..."
    verb_final = finite + 1 >= len(tokens) or tokens[finite + 1].pos in {"$,", "$."}
    subordinate = tokens[first].pos in {"KOUS", "PWAV", "KOKOM", "PRELS", "PRELAT"} or (
        verb_final and tokens[first].text.lower() in MISREAD_CONJUNCTIONS  # "Als X sagte, ..."
    )
    if (
        first + 1 < finite
        and tokens[first].pos in {"APPR", "APPRART"}
        and tokens[first + 1].pos in {"PRELS", "PWS"}
    ):
        # "einen Abschiedsbrief, in dem er ... als Motiv angab": the pronoun is an object
        return _first_subject(tokens, first + 2, finite)
    if first < finite and subordinate:
        # a subordinate clause: "wie Peskow sagte", "der sagte"
        if tokens[first].pos == "PRELS" and tokens[first].text.lower() in _OBLIQUE_RELATIVES:
            # "Verträge, denen die Staaten zugestimmt haben": the pronoun is an object
            return _first_subject(tokens, first + 1, finite)
        if tokens[first].pos == "PRELS":
            # "eines Hackers, der behauptet": the speaker is the noun the pronoun stands for
            if first > 1 and tokens[first - 1].pos == "$,":
                return _antecedent(tokens, first - 1) or (first, first + 1)
            return first, first + 1
        return _first_subject(tokens, first + 1, finite)
    after = tokens[finite + 1].text.lower() if finite + 1 < len(tokens) else ""
    if after in _ONLY_NOMINATIVE:  # "Die Forderung wies er zurück": the object came first
        return finite + 1, finite + 2
    if first < finite and (name := _surname_with_particle(tokens, first, finite)):
        return name
    if first < finite:
        end = noun_phrase_end(tokens, first, finite)
        last = _apposition_end(tokens, end, finite) if end > first else None
        if (
            last is not None
            and nominative_start(tokens[first], _head(tokens, first, end))
            and not is_temporal(tokens[first:end])
        ):
            return first, last  # with its apposition, as written
    found = _first_subject(tokens, finite + 1, _clause_limit(tokens, finite))
    if found is None and finite > 0 and tokens[finite - 1].pos == "KON":
        # "Podolski war anwesend und sagte ...": the subject of the first verb
        earlier = [i for i in range(finite - 1) if tokens[i].pos in FINITE]
        if earlier:
            return _subject(tokens, earlier[-1])
    return found


def von_name_end(
    tokens: Sequence[Token], first: int, limit: int | None = None, tags: frozenset[str] = _VON_TAGS
) -> int | None:
    """Return the end of ``von (der) Name`` from ``first`` (``Von der Leyen``), or ``None``.

    One or two capitalised words tagged ``tags`` follow ``von`` and an optional ``der`` or
    ``den``; an abbreviation (``von der CDU``) is no name.
    """
    limit = len(tokens) if limit is None else limit
    if first >= limit or tokens[first].text.lower() != "von":
        return None
    position = first + 1
    if position < limit and tokens[position].text.lower() in {"der", "den"}:
        position += 1
    end = position
    while (
        end < limit
        and end - position < 2
        and tokens[end].pos in tags
        and tokens[end].text[:1].isupper()
        and not tokens[end].text.isupper()
    ):
        end += 1
    return end if end > position else None


def _surname_with_particle(
    tokens: Sequence[Token], first: int, finite: int
) -> tuple[int, int] | None:
    """Return a surname with ``von`` that opens the clause (``Von der Leyen sagte``).

    The tagger reads ``Von`` as a preposition, but a phrase ``von (der) Name`` right before
    the finite verb, with no subject after it, is the subject itself. The tagger reads
    unknown surnames as nouns (``Leyen``); a noun counts only before a full verb (``Von der
    Polizei wurde mitgeteilt`` is a passive with its agent).
    """
    tags = _VON_TAGS if tokens[finite].pos == "VVFIN" else frozenset({"NE"})
    if von_name_end(tokens, first, finite, tags) != finite:
        return None
    if _first_subject(tokens, finite + 1, _clause_limit(tokens, finite)) is not None:
        return None  # "Von Berlin aus sagte der Minister": a place
    return first, finite


def subject_after(tokens: Sequence[Token], finite: int) -> tuple[int, int] | None:
    """Return the subject after the finite verb (``Dies bestätigte der Minister``)."""
    return _first_subject(tokens, finite + 1, _clause_limit(tokens, finite))


def _main_clause_start(tokens: Sequence[Token], finite: int) -> int:
    # Back over commas only while the part before is an apposition ("Peskow, Sprecher des
    # Kremls, bezeichnete") rather than a clause of its own.
    start = comma_segment_start(tokens, finite)
    if start < finite and is_relative_clause(tokens[start:finite]):
        return start  # the verb of a relative clause: its clause starts at the pronoun
    after_relative = None  # where the clause resumes after skipped relative clauses
    while start > 1 and tokens[start - 1].pos == "$,":
        before = comma_segment_start(tokens, start - 2)
        segment = tokens[before : start - 1]
        if is_relative_clause(segment) and before > 1 and tokens[before - 1].pos == "$,":
            after_relative = after_relative or start
            start = before  # "Der 84-jährige Küng, der als Kritiker gilt, hofft"
            continue
        if any(t.pos in FINITE or t.pos in {"KOUS", "PRELS", "PWAV"} for t in segment):
            break
        if not segment or not (segment[0].pos in _NP_PREFIX or is_noun(segment[0])):
            break
        if start == finite and (before == 0 or tokens[before - 1].pos != "$,"):
            break  # "Das Ganze, sagte er, ...": one comma never parts a subject from its verb
        start, after_relative = before, None
    if after_relative is None:
        return start
    # "und der Jüngste, dem ..., erzählte": the noun before the relative clause is the subject;
    # "In einem Bericht, der ..., fordert Annan": it is none, the clause starts after it
    first = before + 1 if tokens[before].pos == "KON" else before
    whole = first < start - 1 and noun_phrase_end(tokens, first, start - 1) == start - 1
    if whole and nominative_start(tokens[first], _head(tokens, first, start - 1)):
        return first
    return after_relative


def comma_segment_start(tokens: Sequence[Token], position: int) -> int:
    """Return where the stretch between commas (or sentence marks) around ``position`` starts."""
    while position > 0 and tokens[position - 1].pos not in {"$,", "$."}:
        position -= 1
    return position


def closing_bracket(tokens: Sequence[Token], opening: int, limit: int) -> int | None:
    """Return the ``)`` of a short bracket (``(CDU)``, ``(DGAC)``) before ``limit``, if any."""
    return next(
        (k for k in range(opening + 1, min(limit, opening + 6)) if tokens[k].text == ")"), None
    )


def is_relative_clause(segment: Sequence[Token]) -> bool:
    """Whether a clause segment is a relative clause (``der ...``, ``mit denen ...``)."""
    return bool(segment) and (
        segment[0].pos in {"PRELS", "PRELAT"}
        or (
            len(segment) > 1 and segment[0].pos in {"APPR", "APPRART"} and segment[1].pos == "PRELS"
        )
    )


def _apposition_end(tokens: Sequence[Token], end: int, finite: int) -> int | None:
    """Return where the subject with its appositions ends, if only they stand before the verb.

    Appositive phrases (``, Sprecher des Kremls,``), prepositional attributes (``in
    Berlin``) and coordinated phrases (``SPD und PDS``) belong to the mention; a relative
    clause (``, der als Kritiker gilt,``) is skipped and left out. ``None`` if anything else
    stands before the verb.
    """
    i, last = end, end
    while i < finite:
        if tokens[i].text == "(":  # "Franz Josef Jung (CDU)": the brackets belong to it
            close = closing_bracket(tokens, i, finite)
            if close is None:
                return None
            i = last = close + 1
            continue
        if tokens[i].pos == "$,":
            segment_end = i + 1
            while segment_end < finite and tokens[segment_end].pos != "$,":
                segment_end += 1
            if is_relative_clause(tokens[i + 1 : segment_end]):
                i = segment_end
                continue
            i += 1
            continue
        if tokens[i].text.lower() in _AFTER_SUBJECT:  # "Die Kanadier hingegen sagen"
            i += 1
            continue
        # "im Aufsichtsrat" is an attribute, "SPD und PDS" a subject of two
        joins = tokens[i].pos in {"APPR", "APPRART"} or tokens[i].text.lower() in NP_CONJUNCTIONS
        start = i + 1 if joins else i
        after = noun_phrase_end(tokens, start, finite)
        if after == start:
            return None
        i = last = after
    return last


def _head(tokens: Sequence[Token], start: int, end: int) -> Token | None:
    nouns = [tokens[k] for k in range(start, end) if is_noun(tokens[k])]
    return nouns[0] if nouns else None


def _clause_limit(tokens: Sequence[Token], finite: int) -> int:
    end = finite + 1
    while end < len(tokens) and tokens[end].pos not in {"$,", "$.", "KOUS"}:
        end += 1
    return end


def _first_subject(tokens: Sequence[Token], start: int, limit: int) -> tuple[int, int] | None:
    i = start
    while i < limit:
        token = tokens[i]
        if token.pos == "PPER":
            if token.text.lower() in _NOMINATIVE_PRONOUNS:
                return i, i + 1
            i += 1
            continue
        if token.pos in {"APPR", "APPRART"}:
            end = max(noun_phrase_end(tokens, i + 1, limit), i + 1)
            approximate = token.text.lower() in _ABOUT and i + 1 < limit
            if approximate and tokens[i + 1].pos == "CARD" and end > i + 2:
                return i, end  # "über 400 Soldaten": a number, not a preposition
            i = end
            continue
        end = noun_phrase_end(tokens, i, limit)
        if end > i:
            if nominative_start(token, _head(tokens, i, end)) and not is_temporal(tokens[i:end]):
                return i, end
            i = end
            continue
        i += 1
    return None


#: Words before a number that make it approximate (``über 400 Soldaten``), tagged APPR.
_ABOUT = frozenset({"über", "unter", "bis", "zirka", "circa"})
#: Nouns of time: a phrase of only these is an adverbial, never the speaker
#: (``Anfang Februar hatten die Soldaten ... gefordert``).
_TIME_NOUNS = frozenset({
    "anfang", "ende", "mitte", "beginn", "januar", "februar", "märz", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "dezember", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "jahr", "jahres", "monat",
    "monats", "woche", "tag", "morgen", "abend", "nacht", "vormittag", "nachmittag",
    "wochenende", "frühjahr", "sommer", "herbst", "winter", "tage", "tagen", "wochen",
    "monate", "monaten", "jahre", "jahren", "stunden", "minuten",
})  # fmt: skip


def is_temporal(phrase: Sequence[Token]) -> bool:
    """Whether a noun phrase names a time (``Anfang Februar``, ``Neun Tage nach der Wahl``).

    Its first noun, the head, is a time noun.
    """
    head = next((token for token in phrase if is_noun(token)), None)
    return head is not None and head.text.lower() in _TIME_NOUNS


def _antecedent(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """Return the noun phrase right before a relative clause's comma (``eines Hackers``).

    After the verbs that end the clause, the relative clause is moved out of place and the
    noun before those verbs is meant (``hatte Ermittlungen eingeleitet, die ergaben``).
    """
    start = comma
    while start > 0 and is_noun(tokens[start - 1]):
        start -= 1
    if start == comma:
        verbs = comma
        while verbs > 0 and tokens[verbs - 1].pos.startswith("V") and verbs > comma - 3:
            verbs -= 1
        if verbs == comma or verbs == 0 or not is_noun(tokens[verbs - 1]):
            return None
        comma, start = verbs, verbs - 1  # only the last noun: the one before may be the subject
    while start > 0 and tokens[start - 1].pos in _NP_PREFIX:
        start -= 1
    return start, comma


def noun_phrase_before(tokens: Sequence[Token], end: int) -> tuple[int, int] | None:
    """Return the noun phrase that ends just before ``end`` (the source of ``X zufolge``)."""
    start = end
    while start > 0 and (
        is_noun(tokens[start - 1])
        or tokens[start - 1].pos in _NP_PREFIX
        or is_quote(tokens[start - 1])
    ):
        if start < end and _object_after_body(tokens[start - 1], tokens[start]):
            break  # "die Organisation Schätzungen zufolge": the estimates are the source
        start -= 1
    while start < end and not (tokens[start].pos in _NP_PREFIX or is_noun(tokens[start])):
        start += 1
    return (start, end) if start < end else None
