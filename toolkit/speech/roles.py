"""Role and body nouns: who a noun says someone is, or which body it names.

Roles: ``Sprecher``, ``Kremlchef``; bodies: ``Konzern``, ``Fluggesellschaft``, and company
names (``Volkswagen AG``).

The word lists are ``toolkit/data/speech_role_nouns.txt`` and ``speech_body_nouns.txt``;
compounds count by their last part (``Nato-Generalsekretär``: ``Generalsekretär``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from toolkit.memo import word_memo
from toolkit.model import Token
from toolkit.resources import lines


@cache
def role_nouns() -> tuple[str, ...]:
    """Return the role nouns (lower case), longest first."""
    entries = {entry.lower().lstrip("=") for entry in lines("speech_role_nouns")}
    return tuple(sorted(entries, key=len)[::-1])


@cache
def _whole_word_roles() -> frozenset[str]:
    # "=Zeuge": no compound ending ("Fahrzeuge" names no witness)
    return frozenset(e.lower()[1:] for e in lines("speech_role_nouns") if e.startswith("="))


@cache
def body_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Return the body nouns (lower case) and the last words of company names."""
    entries = lines("speech_body_nouns")
    nouns = frozenset(e.lower() for e in entries if not e.startswith("@"))
    return nouns, frozenset(e[1:] for e in entries if e.startswith("@"))


@word_memo()
def is_body_noun(word: str) -> bool:
    """Whether a noun names a body (company, party, paper, authority); compounds count.

    Examples
    --------
    >>> is_body_noun("US-Fluggesellschaft"), is_body_noun("Autokonzern"), is_body_noun("Sprecher")
    (True, True, False)
    """
    key = word.lower().rsplit("-", 1)[-1]
    return bool(suffixes_in(key, body_nouns()[0]))


#: Endings of abstract nouns (``Haltung``, ``Möglichkeit``, ``Eskalation``).
_ABSTRACT_ENDINGS = ("ung", "keit", "heit", "ion", "nis", "tät", "ismus")
#: Their plurals, whose singular is the word without its last two letters.
_ABSTRACT_PLURALS = ("ungen", "keiten", "heiten", "ionen", "nisse", "täten")
#: Numbers that head a phrase of people (``5,2 Millionen Internetnutzer``).
_QUANTITIES = ("million", "billion")

#: Abstract nouns that do speak: statements and the groups and bodies they come from. Taken
#: from the speakers of the WikiNews train gold whose head has an abstract ending
#: (``die Erklärung``, ``die Hausverwaltung``, ``die Opposition``), with their kin.
_SPEAKING_ABSTRACTS = frozenset(
    {
        "erklärung", "resolution", "ankündigung", "veröffentlichung", "bewertung",
        "entscheidung", "behauptung", "forderung", "auswertung", "ergebnis", "überprüfung",
        "verlautbarung", "anweisung", "bekanntmachung", "warnung", "version", "verfassung",
        "mitteilung", "stellungnahme", "aktion", "verwaltung", "leitung", "führung",
        "opposition", "union", "direktion", "delegation", "minderheit", "mehrheit", "mission",
        "verteidigung", "bewegung", "vereinigung", "koalition", "fraktion", "redaktion",
        "organisation", "institution", "kommission", "versammlung", "vertretung",
        "bevölkerung", "öffentlichkeit", "regierung", "gewerkschaft", "region", "nation",
        "konvention", "reinigung", "flugsicherung", "beratung",
        # institutions named so ("Die Versicherung erklärte", "die Gefängnisse erklärten")
        "versicherung", "abteilung", "einrichtung", "gefängnis",
    }
)  # fmt: skip


@word_memo()
def is_abstract_thing(noun: str) -> bool:
    """Whether a noun names an abstract thing that says nothing (``Haltung``, ``Möglichkeit``).

    Its ending is abstract (``-ung``, ``-keit``, ``-ion`` ...), and it is no role, no body
    and none of the statements and groups that do speak (``Erklärung``, ``Opposition``).

    Examples
    --------
    >>> is_abstract_thing("Möglichkeit"), is_abstract_thing("Opposition")
    (True, False)
    >>> is_abstract_thing("Bundesregierung"), is_abstract_thing("Künstler")
    (False, False)
    >>> is_abstract_thing("Anschuldigungen"), is_abstract_thing("Organisationen")
    (True, False)
    >>> is_abstract_thing("Zeitungen"), is_abstract_thing("Jungen"), is_abstract_thing("Millionen")
    (False, False, False)
    """
    if noun.lower().endswith(_ABSTRACT_PLURALS) and len(noun) >= 8:
        # "Anschuldigungen", "Ergebnisse": read the singular ("Jungen" is no "Jung")
        noun = noun[:-2]
    lower = noun.lower()
    return (
        lower.endswith(_ABSTRACT_ENDINGS)
        and not suffixes_in(lower, _SPEAKING_ABSTRACTS)
        and not lower.endswith(_QUANTITIES)
        and role_of(noun) is None
        and not is_body_noun(noun)
    )


def suffixes_in(word: str, words: frozenset[str]) -> list[str]:
    """Return the endings of ``word`` that are in ``words``, longest first.

    One set lookup per ending, and no ending longer than the longest entry: the cost does
    not grow with the word list, nor with a word of 100,000 letters (every ending of it
    was copied once, which grew with the square of its length).

    Examples
    --------
    >>> suffixes_in("generalsekretär", frozenset({"sekretär", "generalsekretär", "rat"}))
    ['generalsekretär', 'sekretär']
    """
    longest = min(len(word), _longest(words))
    return [word[-size:] for size in range(longest, 0, -1) if word[-size:] in words]


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def is_company_name(words: Sequence[Token]) -> bool:
    """Whether a run of names ends like a company name (``Volkswagen AG``, ``… Airlines``)."""
    return len(words) > 1 and words[-1].text in body_nouns()[1]


@word_memo()
def role_of(word: str) -> str | None:
    """Return the role a noun names, or ``None``: compounds and feminine forms are found.

    Examples
    --------
    >>> role_of("Nato-Generalsekretär"), role_of("UN-Botschafterin"), role_of("Haltung")
    ('generalsekretär', 'botschafter', None)
    >>> role_of("Kinder"), role_of("Metropole"), role_of("Inder")  # whole words only: "=Inder"
    (None, None, 'inder')
    """
    key = word.lower().rsplit("-", 1)[-1]
    candidates = [key, key[:-2]] if key.endswith("in") else [key]
    for candidate in candidates:
        for role in suffixes_in(candidate, role_set()):
            if candidate == role or role not in _whole_word_roles():
                return role
    return None


@cache
def role_set() -> frozenset[str]:
    """Return the role nouns as a set (lower case)."""
    return frozenset(role_nouns())
