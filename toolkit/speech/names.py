"""Runs of names: which words name a person or a body, and how a reader names it.

``Nato-Generalsekretär Jens Stoltenberg`` -> Stoltenberg; the tagger reads many surnames as
common nouns or verbs (``Theo Zwanziger``, ``Elke Hoff``), so a given name
(:mod:`toolkit.speech.given_names`) before such a word makes it the surname; particles
belong to it (``Thomas de Maizière``, ``Ursula von der Leyen``), a regnal number keeps the
name before it (``Benedikt XVI.``), an organisation keeps its whole name (``Human Rights
Watch``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from toolkit.model import Token
from toolkit.speech.given_names import given_name_gender
from toolkit.speech.roles import is_body_noun, is_company_name, role_of
from toolkit.speech.subjects import GENITIVE_DETERMINERS, is_noun, von_name_end


def genitive_name(previous: Token | None, token: Token, after: Sequence[Token]) -> bool:
    """Whether a name after a common noun is its genitive (``Innenminister Frankreichs``).

    ``Präsident Putin``, ``Außenminister Maas`` are the name itself; a name in ``-s`` after a
    noun is whose it is when an apposition with a name follows (``Der Innenminister
    Frankreichs, Nicolas Sarkozy``; ``Das Staatsoberhaupt Neuseelands, die britische Königin
    Elisabeth II.``). ``after`` are the next few words.
    """
    if not (
        previous is not None
        and previous.pos == "NN"
        and token.pos == "NE"
        and token.text.endswith("s")
        and len(after) >= 2
        and after[0].pos == "$,"
    ):
        return False
    for word in after[1:]:
        if word.pos == "NE":
            return True
        if word.pos not in {"ART", "ADJA", "NN"}:
            return False
    return False


#: Lower-case words inside a surname (``de Maizière``, ``von der Leyen``, ``van Gogh``).
_NAME_PARTICLES = frozenset(
    {"von", "vom", "van", "de", "der", "den", "da", "di", "del", "dos", "du", "la", "le", "zu"}
)


#: Tags the tagger gives surnames it does not know (``Blatter`` NN, ``Hoff`` VVIMP).
_SURNAME_TAGS = frozenset({"NN", "NE", "FM", "VVIMP", "VVFIN", "ADJD", "ADJA", "ADV"})


#: a regnal number (``XVI.``) or a surname shortened to protect a person (``St.``, ``K.``)
_KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")


_SHORTENED = re.compile(r"[IVXLC]+\.|[A-ZÄÖÜ][a-zäöü]?\.")


def rest_of_name(words: Sequence[Token], position: int, run: list[Token]) -> int:
    """Return how many words from ``position`` on still belong to a run of names (or 0).

    A surname the tagger read as a word (``Theo Zwanziger``) is one; particles and the
    surname after a given name are two or three (``Thomas de Maizière``, ``Ursula von der
    Leyen``).
    """
    if _surname_read_as_noun(words, position, run):
        return 1
    if _first_of_two_surnames(words, position, run):
        end = position + 1
        while end < len(words) and words[end].pos == "NE":
            end += 1
        return end - position  # "Hilda Morales Trujillo": the tagger read "Morales" as a noun
    # a name used by men and women alike, as Chinese surnames are to the list ("Li Fei"),
    # may be the surname itself
    if given_name_gender(run[-1].text) not in {"f", "m"}:
        return 0
    end = position
    while end < len(words) and end - position < 3 and words[end].text in _NAME_PARTICLES:
        end += 1
    if end == position or end >= len(words):
        return 0
    if end - position == 1 and words[position].text == "zu" and words[end].pos != "NE":
        return 0  # "nach Zyklon Tasha zu Dank verpflichtet"; "Karl-Theodor zu Guttenberg"
    surname = words[end]
    after = words[end + 1] if end + 1 < len(words) else None
    if (
        surname.text[:1].isupper()
        and not surname.text.isupper()  # "Patrick Georg von der IG Metall": a body's name
        and surname.pos in _SURNAME_TAGS
        and not _role_word(surname.text)
        and not is_body_noun(surname.text)
        and (after is None or after.pos not in {"NE", "NN", "FM"})
    ):
        return end - position + 1
    return 0


def _first_of_two_surnames(words: Sequence[Token], position: int, run: list[Token]) -> bool:
    """Whether a word after a given name starts two surnames, the second a name to the tagger."""
    token = words[position]
    return (
        len(run) == 1
        and position + 1 < len(words)
        and words[position + 1].pos == "NE"
        and token.pos == "NN"
        and token.text[:1].isupper()
        and given_name_gender(run[0].text) in {"f", "m"}
        and not _role_word(token.text)
        and not is_body_noun(token.text)
    )


def surname(run: Sequence[Token]) -> str:
    """Return how a reader names the person of a run of names.

    A company's or organisation's whole name (``Fox News``); else the last word, with the
    particles before it (``de Maizière``, ``von der Leyen``); a
    regnal number keeps the name before it (``Benedikt XVI.``), a Korean given name the
    family name (``Ban Ki-moon``).
    """
    if is_company_name(run) or foreign_name(run) or _acronym_and_noun(run):
        return " ".join(token.text for token in run)  # "Fox News", "Wikimedia Foundation"
    if len(run) > 1 and (
        _SHORTENED.fullmatch(run[-1].text) or _KOREAN_GIVEN_NAME.fullmatch(run[-1].text)
    ):
        # a regnal number or an abbreviated surname keeps the name before it, and a Korean
        # given name its family name ("Ban Ki-moon", "Kim Jong-un")
        return f"{run[-2].text} {run[-1].text}"
    first = len(run) - 1
    while first > 0 and run[first - 1].text.lower() in _NAME_PARTICLES:
        first -= 1  # "de Maizière", and "Von der Leyen" opening a sentence
    words = [token.text for token in run[first:]]
    if len(words) > 1 and words[0].lower() in _NAME_PARTICLES:
        words[0] = words[0].lower()  # as a reader writes it inside a sentence: "von der Leyen"
    return " ".join(words)


def _role_before_name(words: Sequence[Token], position: int) -> bool:
    """Whether a word the tagger read as a name is a role before the holder's name.

    ``NATO-Generalsekretär Jaap de Hoop Scheffer``; a surname that is also a role
    (``Fischer sagte``) has no name after it.
    """
    after = words[position + 1] if position + 1 < len(words) else None
    return (
        after is not None
        and after.pos in {"NE", "NN", "FM"}
        and after.text[:1].isupper()
        and _role_word(words[position].text)
    )


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


def _acronym_and_noun(run: Sequence[Token]) -> bool:
    """Whether a run is an acronym and the noun that names what it is (``AK Vorratsdaten…``)."""
    return len(run) == 2 and _is_acronym(run[0].text) and run[1].pos == "NN"


def _noun_after_acronym(words: Sequence[Token], position: int, run: list[Token]) -> bool:
    """Whether a noun closing the phrase after an acronym is part of the body's name.

    ``der AK Vorratsdatenspeicherung``, ``der BUND Naturschutz``: the noun names the group.
    A role or body after the acronym is a noun of its own (``der DGB Chef``), and an
    inflected noun is no name.
    """
    token = words[position]
    after = words[position + 1] if position + 1 < len(words) else None
    return (
        len(run) == 1
        and _is_acronym(run[0].text)
        and token.pos == "NN"
        and token.text[:1].isupper()
        and (after is None or after.pos in {"$,", "$(", "$."})
        and not _role_word(token.text)
        and not is_body_noun(token.text)
        and (token.lemma or token.text) == token.text
    )


def _surname_read_as_noun(words: Sequence[Token], position: int, run: list[Token]) -> bool:
    """Whether the word after a first name is the surname the tagger read as a word.

    ``Theo Zwanziger``, ``Sepp Blatter``, ``Elke Hoff`` (a verb to the tagger),
    ``Vizeregierungssprecher Thomas Steg``: after a given name (or a role and one name) a
    capitalised word that ends the name, and is no role or body (``Louis Sprecher``,
    ``Robert Koch-Institut``), is the rest of the name.
    """
    token = words[position]
    start = position - len(run)
    after = words[position + 1] if position + 1 < len(words) else None
    if (
        token.pos not in _SURNAME_TAGS
        or not token.text[:1].isupper()
        or (after is not None and (after.pos in {"NN", "NE"} or after.text == "-"))
    ):
        return False
    if (
        len(run) == 1
        and token.pos == "NN"
        and start > 0
        and words[start - 1].pos == "NN"
        and role_of(words[start - 1].text) is not None
        and (after is None or after.pos in {"$,", "$(", "$."})
    ):
        return True
    return (
        given_name_gender(run[-1].text) in {"f", "m"}
        and not _role_word(token.text)
        and not is_body_noun(token.text)
    )


def _role_word(word: str) -> bool:
    """Whether a word names a role, in a name's place (``Sprecher``; ``Hoffmann`` does not).

    Surnames end in ``-mann`` as often as roles do (``Feuerwehrmann``), so that ending alone
    does not make a role here.
    """
    return role_of(word) not in {None, "mann", "frau"}


def _genitive_before_role(run: list[Token], words: Sequence[Token], position: int) -> bool:
    """Whether a name in ``-s`` stands before a noun and the person's name.

    ``Hessens Ministerpräsident Roland Koch``, ``Italiens Torwart Buffon``: the first name
    says whose minister or goalkeeper he is.
    """
    after = words[position + 1] if position + 1 < len(words) else None
    return (
        len(run) == 1
        and run[0].text.endswith("s")
        and words[position].pos == "NN"
        and after is not None
        and after.pos == "NE"
    )


#: Forms of address before a surname, with the gender they give.
TITLES = {"Herr": "m", "Herrn": "m", "Frau": "f"}


def after_title(words: Sequence[Token], position: int) -> bool:
    """Whether a form of address stands before a surname the tagger read as a word."""
    following = words[position + 1] if position + 1 < len(words) else None
    return (
        words[position].text in TITLES
        and following is not None
        and following.pos != "NE"
        and following.pos in _SURNAME_TAGS
        and following.text[:1].isupper()
        and not _role_word(following.text)
        and not is_body_noun(following.text)
    )


def _surname_after_role(words: Sequence[Token], position: int) -> bool:
    """Whether a role ends the phrase with a surname the tagger read as a noun.

    ``Fifa-Präsident Blatter``: the tagger reads the compound as a name and ``Blatter`` as a
    noun; a capitalised word that closes the phrase right after a role names its holder.
    """
    end = position + 2
    if end < len(words) and words[end].pos not in {"$,", "$("}:
        return False
    following = words[end - 1] if end - 1 < len(words) else None
    if following is None or words[position].pos not in {"NN", "NE"}:
        return False  # "Deutscher Realschullehrer", "Schweizer Bundesamts": an adjective
    lemma, text = (following.lemma or "").lower(), following.text.lower()
    return (
        following.pos == "NN"
        and "-" not in following.text
        # an inflected common noun ("Präsident Maßnahmen"), not a surname
        and text not in {lemma + "n", lemma + "en", lemma + "s", lemma + "es"}
        and _role_word(words[position].text)
        and not words[position].text.endswith(("en", "innen"))  # a plural: "die Experten"
        and not _role_word(following.text)
        and not is_body_noun(following.text)
    )


def surname_with_particle(words: Sequence[Token]) -> bool:
    """Whether a whole mention is a surname with ``von`` (``Von der Leyen``, ``von Beust``)."""
    if von_name_end(words, 0) != len(words):
        return False
    # "von der Polizei", "von Experten": a body or a role, no surname
    return not any(_role_word(token.text) or is_body_noun(token.text) for token in words[1:])


def name_run(words: Sequence[Token]) -> list[Token]:
    """Return the first run of names that is not inside an attribute of the phrase.

    ``Nato-Generalsekretär Jens Stoltenberg`` -> Jens Stoltenberg; in ``ein Sprecher in
    Berlin`` or ``der Sprecher des Kremls`` the name belongs to an attribute: no run.
    """
    if surname_with_particle(words):
        return list(words)  # "Von der Leyen" opening a sentence: the tagger read "Von" as APPR
    run: list[Token] = []
    attribute = False
    previous: Token | None = None
    for position, token in enumerate(words):
        if token.pos == "$,":
            attribute = False  # an apposition may name the speaker
        elif token.pos in {"APPR", "APPRART"} or (
            token.text.lower() in GENITIVE_DETERMINERS
            and previous is not None
            and is_noun(previous)
        ):
            attribute = True
        elif genitive_name(previous, token, words[position + 1 : position + 7]):
            attribute = True  # "Der Innenminister Frankreichs, Nicolas Sarkozy"
        if (
            not run
            and not attribute
            and (after_title(words, position) or _surname_after_role(words, position))
        ):
            return [words[position + 1]]  # "Herr Kachelmann": the tagger read a noun
        if not run and token.pos == "NE" and _role_before_name(words, position):
            pass  # "NATO-Generalsekretär Jaap de Hoop Scheffer": the tagger read a role as a name
        elif (token.pos == "NE" or _foreign_name_word(words, position, run)) and not attribute:
            run.append(token)
        elif run:
            if _genitive_before_role(run, words, position):
                run = []  # "Hessens Ministerpräsident Roland Koch": Hessen is whose
                previous = token
                continue
            rest = rest_of_name(words, position, run)
            if rest:
                run.extend(words[position : position + rest])  # "Thomas de Maizière"
            elif _noun_after_acronym(words, position, run):
                run.append(token)  # "der AK Vorratsdatenspeicherung": one body's name
            elif token.pos == "NN" and "-" in token.text and is_body_noun(token.text):
                return []  # "Robert Koch-Institut": the name belongs to the body's name
            break
        previous = token
    if not run or given_name_gender(run[0].text) not in {"f", "m"}:
        later = _person_named_after_a_noun(words)
        if later:
            return later
    if is_company_name(run):
        at = words.index(run[0])
        before = words[at - 1] if at > 0 else None
        if (
            before is not None
            and before.pos in {"NN", "FM"}
            and before.text[:1].isupper()
            and (at < 2 or not is_noun(words[at - 2]))
            and not any(
                _role_word(word) or is_body_noun(word)
                for word in (before.text, before.lemma or before.text)
            )
        ):
            run = [before, *run]  # "Los Angeles Times": the tagger read "Los" as a noun
    return run


#: Lower-case words inside a foreign name (``Movement for Democratic Change``, ``Fédération
#: Internationale de Football Association``); not "and": "Justin Richardson and Peter
#: Parnell" are two people.
_ENGLISH_CONNECTORS = frozenset({"of", "for", "the", "on", "without", "de"})


def _foreign_name_word(words: Sequence[Token], position: int, run: list[Token]) -> bool:
    """Whether a word belongs to a foreign run of names the tagger read as foreign (FM).

    ``Movement for Democratic Change``, ``Space Telescope Science Institute``: capitalised
    foreign words are names, ``for``/``of``/``de`` between two of them joins them, and a
    capitalised word after a foreign one goes on with the name (``Fédération
    Internationale de Football Association``). A foreign word after another capitalised
    word starts no name of its own (``Football``), unless that word is a body or role
    (``die Oppositionspartei Movement ...``).
    """
    token = words[position]
    capitalised = token.text[:1].isupper()
    if run and run[-1].pos == "FM" and capitalised and token.pos in {"NN", "ADJA", "FM"}:
        return True
    if token.pos != "FM":
        return False
    if capitalised:
        if run or position == 0:
            return True
        before = words[position - 1]
        after_a_name = before.pos in {"NN", "NE", "FM", "ADJA"} and before.text[:1].isupper()
        return before.text not in _ENGLISH_CONNECTORS and (
            not after_a_name or is_body_noun(before.text) or _role_word(before.text)
        )
    following = words[position + 1] if position + 1 < len(words) else None
    return (
        bool(run)
        and token.text in _ENGLISH_CONNECTORS
        and following is not None
        and following.pos in {"NE", "FM", "NN", "ADJA"}
        and following.text[:1].isupper()
    )


def foreign_name(run: Sequence[Token]) -> bool:
    """Whether a run of names is an organisation's foreign name (``Bank of America``).

    A given name makes it a person's (``Thomas de Maizière``: ``de Maizière``).
    """
    return (
        len(run) > 1
        and given_name_gender(run[0].text) not in {"f", "m"}
        and (
            any(t.text in _ENGLISH_CONNECTORS for t in run) or sum(t.pos == "FM" for t in run) >= 2
        )
    )


def _person_named_after_a_noun(words: Sequence[Token]) -> list[Token]:
    """Return a person's full name right after a noun that is no role, or ``[]``.

    ``Die Vorsitzende der Linken Gesine Lötzsch``, ``der für Manchester United stürmende
    Nationalspieler Wayne Rooney``: a given name and a surname after the noun name the head
    of the phrase. After a role the name is that role's (``der Sprecher der Kanzlerin Angela
    Merkel``), after a preposition the attribute's (``ein Sprecher von Angela Merkel``).
    """
    for position in range(1, len(words) - 1):
        token, before = words[position], words[position - 1]
        if (
            token.pos == "NE"
            and words[position + 1].pos == "NE"
            and before.pos in {"NN", "NNA"}
            and given_name_gender(token.text) in {"f", "m"}
            and not _role_word(before.text)
        ):
            end = position + 1
            while end < len(words) and words[end].pos == "NE":
                end += 1
            return list(words[position:end])
    return []
