"""Given names and their gender, for reading names the tagger split and for pronouns.

The tagger reads many surnames as common nouns (``Theo Zwanziger``, ``Sepp Blatter``,
``Manuela Roßbach``: ``NE NN``), so a speaker would be named by the first name. A given name
before such a noun tells that the noun is the surname. The gender of a given name also lets
``sie`` refer to ``Angela Merkel`` and ``er`` to ``Wolfgang Grader``.

The names come from ``gender-guesser`` (GPL-3.0; Jörg Michael's list of about 40,000 first
names from many countries), loaded once per process on first use.

Examples
--------
>>> given_name_gender("Manuela"), given_name_gender("Wolfgang"), given_name_gender("Merkel")
('f', 'm', None)
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from toolkit.memo import word_memo

__all__ = ["given_name_gender"]

#: gender-guesser's answers: a name used for both ("andy") is a given name of no gender
_GENDERS: dict[str, Literal["f", "m", "?"]] = {
    "female": "f",
    "mostly_female": "f",
    "male": "m",
    "mostly_male": "m",
    "andy": "?",
}


@cache
def _detector() -> Any:
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


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
    return _GENDERS.get(_detector().get_gender(first))
