"""Given names and their gender, for reading names the tagger split and for pronouns.

The tagger reads many surnames as common nouns (``Theo Zwanziger``, ``Sepp Blatter``,
``Manuela Roßbach``: ``NE NN``), so a speaker would be named by the first name. A given name
before such a noun tells that the noun is the surname. The gender of a given name also lets
``sie`` refer to ``Angela Merkel`` and ``er`` to ``Wolfgang Grader``.

The names come from ``gender-guesser`` (GPL-3.0; Jörg Michael's list of about 40,000 first
names from many countries). Parsing its list takes 0.2-0.3 s, so the answer for every name is
derived once per installation and read from the user's cache folder (:mod:`toolkit.user_cache`)
once per process on first use.

Examples
--------
>>> given_name_gender("Manuela"), given_name_gender("Wolfgang"), given_name_gender("Merkel")
('f', 'm', None)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from toolkit.memo import word_memo
from toolkit.user_cache import cached_json

__all__ = ["given_name_gender"]

#: gender-guesser's answers: a name used for both ("andy") is a given name of no gender
_GENDERS: dict[str, Literal["f", "m", "?"]] = {
    "female": "f",
    "mostly_female": "f",
    "male": "m",
    "mostly_male": "m",
    "andy": "?",
}


#: Raise when the derived table changes its form or meaning (a new file in the cache).
_TABLE_VERSION = 1


def _derive_genders() -> dict[str, str]:
    import gender_guesser.detector

    detector = gender_guesser.detector.Detector(case_sensitive=False)
    answers = ((name, _GENDERS.get(detector.get_gender(name))) for name in detector.names)
    return {name: gender for name, gender in answers if gender}


@cache
def _genders() -> dict[str, str]:
    """Every given name (lower case) with ``f``, ``m`` or ``?``, as gender-guesser answers."""
    import gender_guesser

    names = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    stat = names.stat()
    fingerprint = f"{_TABLE_VERSION} {stat.st_size} {stat.st_mtime_ns} {sorted(_GENDERS.items())}"
    return cached_json("given-names", fingerprint, _derive_genders)


@word_memo()
def given_name_gender(word: str) -> Literal["f", "m", "?"] | None:
    """Return ``f``, ``m`` or ``?`` (used for both) for a given name, ``None`` for other words.

    Examples
    --------
    >>> given_name_gender("Sepp"), given_name_gender("Eva-Maria"), given_name_gender("Blatter")
    ('m', 'f', None)
    """
    first = word.split("-", 1)[0]  # "Karl-Theodor", "Eva-Maria": the first name's gender
    if not first[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    return _genders().get(first.lower())  # type: ignore[return-value]
