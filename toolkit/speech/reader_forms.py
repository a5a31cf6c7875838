"""Reader forms: a speaker mention as a reader writes it, in the nominative, without article.

``des Ministeriums`` -> ``Ministerium``, ``Angaben der Polizei`` -> ``Polizei``,
``Polizeiangaben`` -> ``Polizei``, ``des Statistischen Bundesamtes`` -> ``Statistisches
Bundesamt``, ``die Äußerungen Hassemers und Papiers`` -> ``Hassemer und Papier``; with the
gender the phrase shows, for pronouns that refer to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from toolkit.model import Token
from toolkit.speech.roles import is_body_noun, role_set, suffixes_in
from toolkit.speech.subjects import GENITIVE_DETERMINERS, is_noun, is_quote, is_temporal

FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "ur", "ie", "in")


#: Plurals of those endings (``Forderungen``: ``er`` never refers to them).
PLURAL_ENDINGS = ("ungen", "heiten", "keiten", "schaften", "ionen", "täten", "innen")


#: Determiners before a plural (``die`` before a masculine or neuter noun; ``seine
#: Kollegen``: a masculine singular would take ``sein``).
PLURAL_DETERMINERS = frozenset(
    {"die", "diese", "alle", "beide", "einige", "mehrere", "viele"}
    | {"seine", "ihre", "unsere", "eure", "meine", "deine"}
)


#: Endings of neuter nouns, among them the heads of bodies' names that speak in the news
#: (``des Roten Kreuzes`` -> ``Rotes Kreuz``, ``des Weißen Hauses`` -> ``Weißes Haus``).
NEUTER_ENDINGS = (
    *("ium", "ment", "chen", "lein", "um", "amt", "büro", "werk"),
    *("kreuz", "gericht", "institut", "komitee", "kabinett", "haus", "bündnis"),
    *("unternehmen", "blatt", "magazin", "portal", "team", "kommando", "sekretariat"),
    *("heer", "meer"),  # looked up before the masculine "-er"
    "fernsehen",
)


_DETERMINERS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT"})


#: How a determiner shows gender or number (when it is unambiguous).
_DETERMINER_GENDER = {"das": "n", "dem": None, "des": None, "den": None, "der": None}


def lemma_as_written(noun: Token) -> str:
    """Return a noun's dictionary form as written (``Ministeriums`` -> ``Ministerium``)."""
    lemma = noun.lemma or noun.text
    if not lemma or lemma.lower() == noun.text.lower():
        return noun.text
    weak = lemma + "e"  # "Augenzeugen": the tagger gives "Augenzeug" for "Augenzeuge"
    if noun.text.lower() == (weak + "n").lower() and suffixes_in(weak.lower(), role_set()):
        return noun.text[: len(weak)]
    if not noun.text.lower().startswith(lemma.lower()[: max(1, len(lemma) - 2)]):
        return noun.text  # the lemmatiser changed more than an ending: keep the word
    return (
        noun.text[: len(lemma)]
        if noun.text[: len(lemma)].lower() == lemma.lower()
        else lemma[:1].upper() + lemma[1:]
    )


def reader_form(words: Sequence[Token]) -> tuple[str, str | None]:
    """Return a noun phrase as a reader names the speaker, and its gender if known.

    The article goes, a source noun gives way to its source (``Angaben des Ministeriums`` ->
    ``Ministerium``), and a noun in the genitive or dative is read in the nominative.

    Examples
    --------
    >>> from toolkit import analyse
    >>> def form(text):
    ...     return reader_form(analyse(text).sentence_tokens(0))
    >>> form("des Ministeriums"), form("dem Branchenverband VDA")
    (('Ministerium', 'n'), ('Branchenverband VDA', 'm'))
    >>> form("Angaben der Polizei")
    ('Polizei', 'f')
    """
    from toolkit.speech.speaker_features import is_source_noun

    words = [t for t in outside_brackets(words) if not is_quote(t) and t.pos != "$."]
    nouns = [k for k, t in enumerate(words) if is_noun(t)]
    if len(nouns) == 1 and is_source_noun(words[nouns[0]].text):
        source = source_of(words[nouns[0]].text)  # "Polizeiangaben" -> Polizei
        if source:
            return source, "f" if source.lower().endswith(FEMININE_ENDINGS) else None
    attribute = source_attribute(words)
    if attribute is not None:
        return reader_form(attribute)
    oblique = bool(words) and words[0].text.lower() in {
        "des",
        "dem",
        "den",
        "eines",
        "einem",
        "vom",
    }
    start = 0
    while start < len(words) - 1 and (
        words[start].pos in _DETERMINERS or words[start].text.lower() in {"von", "vom"}
    ):
        start += 1
    rest = list(words[start:])
    # the head: the first noun and what belongs to it before a genitive attribute
    head_end = len(rest)
    for k in range(1, len(rest)):
        if rest[k].text.lower() in GENITIVE_DETERMINERS | {"von", "vom"} and is_noun(rest[k - 1]):
            head_end = k
            break
    head = [k for k in range(head_end) if is_noun(rest[k])]
    gender = None
    told: str | None = None  # the gender the article and adjective endings tell
    if head:
        noun = rest[head[0]]
        lower = noun.text.lower()
        adjectives = [k for k in range(head[0]) if rest[k].pos == "ADJA"]
        determiner = words[0].text.lower() if start else ""
        plural_after_den = _plural_after_den(determiner, noun)  # "den Behörden" stays plural
        if oblique and not adjectives:
            if not plural_after_den:
                rest[head[0]] = with_text(noun, lemma_as_written(noun))
        elif (
            adjectives
            and determiner in _NOMINATIVE_ENDINGS
            and all(_weak_form(rest[k], "e") for k in adjectives)
        ):
            # "Der Deutsche Wetterdienst" -> "Deutscher Wetterdienst", "Das Statistische
            # Bundesamt" -> "Statistisches Bundesamt": a nominative singular without article
            for k in adjectives:
                rest[k] = with_text(rest[k], rest[k].text[:-1] + _NOMINATIVE_ENDINGS[determiner])
            told = _NOMINATIVE_GENDERS[determiner]  # "Die Deutsche Bahn": a feminine
        elif (
            adjectives
            and determiner in {"", "von"}
            and noun.text.endswith("n")
            and all(_weak_form(rest[k]) for k in adjectives)
        ):
            # "(von) spanischen Händlern" -> "spanische Händler", "Afghanischen Behörden
            # zufolge" -> "Afghanische Behörden": "-en" and a noun in "-n" without article
            # are a plural in the dative or genitive
            for k in adjectives:
                rest[k] = with_text(rest[k], rest[k].text[:-1])
            told = "pl"
        elif (
            adjectives
            and (
                # "(vom) österreichischen Verfassungsgerichtshof": a weak "-en" before a
                # singular lost its article to the preposition ("vom", "beim", "im")
                (
                    not start
                    and not noun.text.endswith("n")
                    and all(_weak_form(rest[k]) for k in adjectives)
                )
                # "laut nationalem statistischen Institut": a dative without article
                or (
                    determiner in {"", "von"}
                    and _weak_form(rest[adjectives[0]], "em")
                    and all(_weak_form(rest[k]) for k in adjectives[1:])
                )
            )
            and (dative := _strong_ending("dem", lemma_as_written(noun)))
        ):
            # a masculine or neuter singular, read in the nominative: "österreichischer
            # Verfassungsgerichtshof", "nationales statistisches Institut"
            for k in adjectives:  # "-em" and "-en" alike
                rest[k] = with_text(rest[k], rest[k].text[:-2] + dative)
        elif (
            adjectives
            and determiner in {"", "von"}
            and lower.endswith(FEMININE_ENDINGS)
            and not lower.endswith(PLURAL_ENDINGS)
            and all(_weak_form(rest[k], "er") or _place_adjective(rest[k]) for k in adjectives)
            and not all(_place_adjective(rest[k]) for k in adjectives)
        ):
            # "laut Süddeutscher Zeitung" -> "Süddeutsche Zeitung": a feminine in the dative
            for k in adjectives:
                if not _place_adjective(rest[k]):
                    rest[k] = with_text(rest[k], rest[k].text[:-1])
            told = "f"
        elif adjectives and start:
            # "des Statistischen Bundesamtes" -> "Statistisches Bundesamt", "der bulgarischen
            # Presse" -> "bulgarische Presse", "die iranischen Behörden" -> "iranische
            # Behörden": without the article, the nominative's endings
            ending = _strong_ending(determiner, lemma_as_written(noun))
            if determiner == "den" and not plural_after_den:
                ending = "er"  # "den neuen Präsidenten": a masculine accusative singular
            if ending and all(_weak_form(rest[k]) for k in adjectives):
                for k in adjectives:
                    rest[k] = with_text(rest[k], rest[k].text[:-2] + ending)
                if oblique and not plural_after_den:
                    rest[head[0]] = with_text(noun, lemma_as_written(noun))
                elif ending == "e":  # "der bulgarischen Presse": feminine, or a plural
                    told = "f" if determiner in {"der", "einer"} else "pl"
            elif (
                oblique
                and not plural_after_den
                and all(_place_adjective(rest[k]) for k in adjectives)
            ):
                # "des Schweizer Bundesamts", "des Berliner Senats": the adjective never
                # changes, the noun is read in the nominative
                rest[head[0]] = with_text(noun, lemma_as_written(noun))
        plural_form = nominative_plural(noun)
        plural_dative = plural_form is not None
        if plural_form:  # "(von) Politikern der SPD" -> "Politiker der SPD"
            rest[head[0]] = with_text(noun, plural_form)
        word = rest[head[0]].text.lower()
        if plural_dative or word.endswith(PLURAL_ENDINGS) or plural_after_den:
            gender = "pl"
        elif word.endswith(NEUTER_ENDINGS):
            gender = "n"
        elif word.endswith(FEMININE_ENDINGS) or (lower.endswith("polizei")):
            gender = "f"
        elif noun.pos == "NN":
            gender = "m"
        if start and words[0].text.lower() == "das":
            gender = "n"
        elif start and gender in {"m", "n"} and words[0].text.lower() in PLURAL_DETERMINERS:
            gender = "pl"  # "die Politiker": a masculine noun after "die" is a plural
    return " ".join(t.text for t in rest) or " ".join(t.text for t in words), told or gender


def speech_noun_before(words: Sequence[Token], position: int) -> bool:
    """Whether the word before ``position`` is a source or speech noun (``Äußerungen``)."""
    from toolkit.speech.speaker_features import is_source_noun

    if position == 0 or words[position - 1].pos != "NN":
        return False
    return is_source_noun(words[position - 1].text) or _speech_noun(words[position - 1])


def genitive_names(words: Sequence[Token]) -> bool:
    """Whether words are names in the genitive, alone or joined (``Merkels``, ``A und Bs``)."""
    names = [t for t in words if t.pos != "KON"]
    return (
        bool(names)
        and words[0].pos == "NE"
        and all(t.text[:1].isupper() and t.text.endswith("s") and len(t.text) > 3 for t in names)
        and all(t.pos != "KON" or t.text == "und" for t in words)
    )


def _strong_ending(determiner: str, noun: str) -> str | None:
    """Return the adjective ending of a noun phrase without article, in the nominative.

    After ``des``/``dem`` the noun is masculine or neuter: its ending tells which
    (``Statistisches Bundesamt``, ``künstlerischer Leiter``, ``Rotes Kreuz``), else ``None``
    (``des Goldenen Schnitts`` stays as written); after ``der``/``den`` with an adjective in
    ``-en`` it is a feminine singular or a plural, both ``-e`` (``bulgarische Presse``,
    ``afghanische Behörden``).
    """
    if determiner in {"des", "dem", "eines", "einem", "vom"}:
        lower = noun.lower()
        if lower.endswith(NEUTER_ENDINGS):
            return "es"
        return "er" if lower.endswith(_MASCULINE_ENDINGS) else None
    if determiner in {"der", "den", "die", "einer"}:  # "die" + "-en": a plural (nominative)
        return "e"  # "einer russischen Quelle" -> "russische Quelle"
    return None


#: The adjective ending of a nominative singular without its article (``der Deutsche
#: Wetterdienst`` -> ``Deutscher Wetterdienst``).
_NOMINATIVE_ENDINGS = {"der": "er", "die": "e", "das": "es"}
_NOMINATIVE_GENDERS = {"der": "m", "die": "f", "das": "n"}


def _plural_after_den(determiner: str, noun: Token) -> bool:
    """Whether ``den`` + noun is a dative plural rather than a masculine accusative singular.

    A dative plural ends in ``-n`` (``den Behörden``, ``den Ärzten``, ``den Politikern``); a
    person's role that adds ``-(e)n`` in every case but the nominative singular is read as
    the singular (``den Präsidenten`` -> ``Präsident``, ``den Zeugen`` -> ``Zeuge``).
    """
    if determiner != "den" or not noun.text.endswith("n"):
        return False
    lemma, text = (noun.lemma or "").lower(), noun.text.lower()
    roles = role_set()
    if text == lemma + "en":  # "Präsidenten"; "Zeugen", which the tagger reads as "Zeug"
        return not (suffixes_in(lemma, roles) or suffixes_in(lemma + "e", roles))
    return not (lemma.endswith("e") and text == lemma + "n" and suffixes_in(lemma, roles))


#: Endings of masculine nouns, persons above all (``Leiter``, ``Sekretär``, ``Präsident``).
_MASCULINE_ENDINGS = (
    *("er", "är", "ör", "eur", "or", "ent", "ant", "ist", "ling", "ismus", "rat"),
    # heads of bodies' names: "des Bayerischen Rundfunks" -> "Bayerischer Rundfunk"
    *("funk", "dienst", "verband", "bund", "konzern", "verein", "senat", "tag", "hof"),
    *("ausschuss", "vorstand", "staat", "fonds", "stab"),
)


def _place_adjective(adjective: Token) -> bool:
    """Whether an adjective is a place name in ``-er``, the same in every case (``Berliner``)."""
    text = adjective.text
    return (
        text[:1].isupper()
        and text.endswith("er")
        and text.lower() == (adjective.lemma or "").lower()
    )


def _weak_form(adjective: Token, ending: str = "en") -> bool:
    """Whether an adjective is its base form plus ``ending``: ``statistischen``, not ``größten``."""
    lemma = (adjective.lemma or "").lower()
    return bool(lemma) and adjective.text.lower() == lemma + ending


def source_attribute(words: Sequence[Token]) -> list[Token] | None:
    """Return whose words a source or speech noun names, or ``None``.

    ``Angaben der Polizei`` -> ``der Polizei``; ``Forderungen von Politikern`` -> ``Politikern``.
    """
    from toolkit.speech.speaker_features import is_source_noun

    nouns = [k for k, t in enumerate(words) if is_noun(t)]
    head = words[nouns[0]] if nouns else None
    if len(nouns) < 2 or not (
        is_source_noun(head.text)
        or _speech_noun(head)
        or (head.lemma or head.text).lower() in _DOCUMENT_NOUNS
    ):
        return None
    after = nouns[0] + 1
    if after < len(words) and genitive_names(words[after:]):
        # "Die Äußerungen Hassemers und Papiers": the names, in the nominative
        return [
            with_text(t, t.text[:-1]) if t.pos in {"NE", "NN"} and t.text.endswith("s") else t
            for t in words[after:]
        ]
    if after < len(words) and words[after].text.lower() in {"von", "vom"} | GENITIVE_DETERMINERS:
        attribute = list(words[after + (words[after].text.lower() == "von") :])
        # "Informationen vom späten Abend": when, not whose
        return None if is_temporal(attribute) else attribute
    if (
        after + 1 < len(words)
        and words[after].pos == "ADJA"
        and words[after].text.lower().endswith("er")
        and words[-1].pos == "NN"
    ):
        # "Einschätzung politischer Beobachter": a genitive plural without article, whose
        # adjectives read "politische" in the nominative
        return [
            with_text(t, t.text[:-1]) if t.pos == "ADJA" and t.text.endswith("er") else t
            for t in words[after:]
        ]
    return None


#: Nouns of a text whose attribute names who wrote or said it (``ein Artikel der
#: Nachrichtenagentur Reuters``, ``ein Zitat von Schröder``); no cues of their own
#: (``nach Artikel 5 des Grundgesetzes`` reports nothing).
_DOCUMENT_NOUNS = frozenset({"artikel", "zitat", "beitrag", "interview", "kommentar"})


_SOURCE_SUFFIXES = ("angaben", "informationen", "berichten", "aussagen", "kreisen", "meinung")
#: Reports that name who made them only by a body before them (``Polizeimeldung``,
#: ``Agenturmeldungen``; not ``Falschmeldung``, ``Pressemitteilung``); after a hyphen see
#: :func:`source_of` (``dpa-Meldung``).
_REPORT_SUFFIXES = ("meldung", "meldungen", "mitteilung", "mitteilungen")


def source_of(noun: str) -> str | None:
    """Return the source a compound names (``Polizeiangaben`` -> ``Polizei``), or ``None``.

    Examples
    --------
    >>> source_of("Polizeiangaben"), source_of("Expertenmeinung"), source_of("Angaben")
    ('Polizei', 'Experten', None)
    >>> source_of("Zeitungsberichten"), source_of("Regierungsangaben")
    ('Zeitung', 'Regierung')
    >>> source_of("dpa-Meldung"), source_of("Polizeimeldungen"), source_of("Falschmeldung")
    ('dpa', 'Polizei', None)
    >>> source_of("OSZE-Bericht"), source_of("ROG-Jahresbericht"), source_of("Corona-Studie")
    ('OSZE', 'ROG', None)
    """
    from toolkit.speech.speaker_features import is_source_noun

    first, hyphen, _rest = noun.partition("-")
    if (
        hyphen
        and first
        and (first.isupper() or first.islower() or is_body_noun(first))
        and is_source_noun(noun.rsplit("-", 1)[-1])
    ):
        # an agency or body before the hyphen: "OSZE-Bericht", "dpa-Meldung"; not a topic
        # ("Corona-Studie")
        return first
    lower = noun.lower()
    for suffix in _SOURCE_SUFFIXES + _REPORT_SUFFIXES:
        if lower.endswith(suffix) and len(noun) > len(suffix) + 2:
            source = noun[: -len(suffix)]
            if source.endswith("s") and source[:-1].lower().endswith(_LINKING_S_BEFORE):
                source = source[:-1]  # the linking s of a compound: "Zeitungs|berichten"
            if suffix in _REPORT_SUFFIXES and not is_body_noun(source):
                return None  # "Falschmeldung", "Pressemitteilung": no one who reports
            return source
    return None


def anonymous_report(noun: str) -> bool:
    """Whether a noun is a report that names no one who made it (``Pressemitteilung``).

    Examples
    --------
    >>> anonymous_report("Pressemitteilung"), anonymous_report("dpa-Meldung")
    (True, False)
    """
    return noun.lower().endswith(_REPORT_SUFFIXES) and source_of(noun) is None


#: Endings after which a compound takes a linking s (``Regierungs-``, ``Gesellschafts-``).
_LINKING_S_BEFORE = ("ung", "heit", "keit", "schaft", "ion", "tät")


def owner_of_a_thought(words: Sequence[Token]) -> list[Token] | None:
    """Return whose thought or utterance a bare speech noun names, or ``None`` if no such noun.

    ``Seine Zuversicht``, ``ihre Forderung`` -> the possessive; ``die Befürchtung``, ``die
    Ankündigung`` name no one (``[]``). A document (``der Bericht``) is a source of its own.
    """
    from toolkit.speech.cues import noun_entry

    nouns = [t for t in words if is_noun(t)]
    if len(nouns) != 1 or nouns[0] is not words[-1] or words[0].pos not in _THOUGHT_STARTS:
        return None
    word = nouns[0].lemma or nouns[0].text
    entry = noun_entry(word)
    if entry is None or entry.medium not in {"thought", "speech"}:
        return None
    if entry.lemma.lower() != word.lower():
        return None  # a compound may name a body: "die Drogenberatung" is no "Beratung"
    return [words[0]] if words[0].pos == "PPOSAT" else []


_THOUGHT_STARTS = frozenset({"ART", "PPOSAT", "PDAT", "ADJA"})


def _speech_noun(noun: Token) -> bool:
    """Whether a noun is a speech noun (also in a compound), whose attribute names the speaker.

    ``die Forderungen von Politikern der SPD`` -> ``Politiker der SPD``; the cue stage's own
    lookup decides (``Presseerklärung`` counts, ``Beruf`` is no ``Ruf``).
    """
    from toolkit.speech.cues import noun_entry

    return noun_entry(noun.lemma or noun.text) is not None


def dative_plural(noun: Token) -> bool:
    """Whether a noun is a dative plural whose nominative drops the ``-n`` (``Politikern``)."""
    return nominative_plural(noun) is not None


def nominative_plural(noun: Token) -> str | None:
    """Return the nominative plural of a dative plural that drops its ``-n``, else ``None``.

    ``Politikern`` -> ``Politiker`` (an ``-er``/``-el`` noun: the plural is the dictionary
    form), ``Kindern`` -> ``Kinder``, ``Männern`` -> ``Männer``, ``Ärzten`` -> ``Ärzte`` (an
    umlaut and ``-en``: the nominative plural ends in ``-e``). Other nouns in ``-en`` may be
    plurals in every case (``Polizisten``, ``Staaten``) and stay as written.

    Examples
    --------
    >>> from toolkit.model import Token
    >>> def plural(text, lemma):
    ...     return nominative_plural(Token(0, text, 0, len(text), 0, pos="NN", lemma=lemma))
    >>> plural("Politikern", "Politiker"), plural("Kindern", "Kind"), plural("Ärzten", "Arzt")
    ('Politiker', 'Kinder', 'Ärzte')
    >>> plural("Staaten", "Staat"), plural("Behörden", "Behörde"), plural("Eltern", "Eltern")
    (None, None, None)
    """
    lemma, text = (noun.lemma or "").lower(), noun.text.lower()
    if noun.pos != "NN" or not lemma or text == lemma or not text.endswith("n"):
        return None
    if lemma.endswith(("er", "el")) and text == lemma + "n":
        return noun.text[:-1]
    umlauted = _umlauted(lemma)
    if text in {lemma + "ern", umlauted + "ern"}:  # "Kindern", "Männern", "Häusern"
        return noun.text[:-1]
    if umlauted != lemma and text == umlauted + "en":  # "Ärzten", "Städten", "Söhnen"
        return noun.text[:-1]
    return None


_UMLAUTS = {"au": "äu", "a": "ä", "o": "ö", "u": "ü"}


def _umlauted(word: str) -> str:
    """Return a lower-case word with its last vowel umlauted (``arzt`` -> ``ärzt``).

    Examples
    --------
    >>> _umlauted("arzt"), _umlauted("haus"), _umlauted("freund"), _umlauted("kind")
    ('ärzt', 'häus', 'freund', 'kind')
    """
    for position in range(len(word) - 1, -1, -1):
        if word[position] == "u" and position > 0 and word[position - 1] == "e":
            return word  # "eu" takes no umlaut: "Freund"
        if word[position] in "aou":
            diphthong = position > 0 and word[position - 1 : position + 1] == "au"
            start = position - 1 if diphthong else position
            vowel = word[start : position + 1]
            return word[:start] + _UMLAUTS[vowel] + word[position + 1 :]
        if word[position] in "eiäöü":
            return word  # the last vowel cannot take an umlaut: "Kind", "Stern"
    return word


def with_text(token: Token, text: str) -> Token:
    """Return the token with another text (a form the reader writes; offsets unchanged)."""
    return replace(token, text=text)


def outside_brackets(mention: Sequence[Token]) -> list[Token]:
    """Return the words of a mention without its bracketed parts: ``(DJV)``, ``(Grüne)``."""
    words, depth = [], 0
    for token in mention:
        depth += token.text == "("
        if depth == 0:
            words.append(token)
        depth -= token.text == ")" and depth > 0
    return words
