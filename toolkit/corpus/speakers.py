"""Speakers across documents: one row per speaker, with name variants merged.

The speech stage resolves a speaker per document, so the same body may appear as
``Wetterdienst`` in one text and ``Deutscher Wetterdienst`` in another. Names are merged when
they are equal after dropping articles and inflection endings (``des Wetterdienstes``), and a
shorter name joins a longer one that ends with it (``Merkel`` -> ``Angela Merkel``) if exactly
one longer name does: ``Müller`` stays apart when both ``Hans Müller`` and ``Eva Müller``
speak.

``man``, ``jemand`` and pronouns the speech stage could not resolve (``Sie``) name someone
else in every text: the corpus table leaves them out (``speech.csv`` keeps them).

Examples
--------
>>> table = SpeakerTable()
>>> table.add("a", [["Deutscher Wetterdienst", "indirect", 2, 0.0, 0]])
>>> table.add("b", [["Wetterdienst", "direct", 1, 0.0, 0]])
>>> table.add("b", [["Wetterdienst", "sentiment", 0, -0.5, 1]])
>>> columns = ["speaker", "documents", "instances", "direct", "sentiment"]
>>> table.frame()[columns].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'speaker': 'Deutscher Wetterdienst', 'documents': 2, 'instances': 3, 'direct': 1,
  'sentiment': -0.5}]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from toolkit.speech.given_names import given_name_gender
from toolkit.speech.roles import is_body_noun, role_of
from toolkit.speech.speakers import INDEFINITE

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SPEAKER_COLUMNS", "SpeakerTable", "speaker_key"]

SPEAKER_COLUMNS = ["speaker", "names", "documents", "instances", "direct", "indirect"]
SPEAKER_COLUMNS += ["reported", "sentiment", "sentiment_passages", "document_names"]

_ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem"}
#: Names that stand for someone else in every text (``man``, an unresolved ``Sie``): merged
#: across documents they would make one speaker of many, so the corpus table leaves them out.
NO_ONE_ACROSS_TEXTS = (
    INDEFINITE
    | {"ich", "du", "er", "sie", "es", "wir", "ihr"}
    | {"der", "die", "das", "dies", "dieser", "diese", "dieses"}
)
_ENDING = re.compile(r"(?:es|en|er|em|e|s|n)$")
#: A word of a speaker's name (``Kim Jong-un``, ``Elisabeth II.``, ``O'Neill``).
_WORD = re.compile(r"\w[\w.'-]*")


def _words(name: str) -> list[str]:
    return _WORD.findall(name)


def speaker_key(name: str) -> tuple[str, ...]:
    """Return the words of a name without articles and inflection endings, in lower case.

    Examples
    --------
    >>> speaker_key("des Deutschen Wetterdienstes") == speaker_key("Deutscher Wetterdienst")
    True
    """
    words = [word.lower() for word in _words(name)]
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return tuple(_ENDING.sub("", word) if len(word) > 4 else word for word in words)


@dataclass
class _Speaker:
    names: Counter[str] = field(default_factory=Counter)
    documents: dict[str, None] = field(default_factory=dict)
    kinds: Counter[str] = field(default_factory=Counter)
    total: float = 0.0
    passages: int = 0


def _ends_in_attribute(key: tuple[str, ...]) -> bool:
    """Whether a name's last word belongs to an attribute (``Ergebnisse der Studie``)."""
    return any(word in _ATTRIBUTE_WORDS for word in key[1:-1])


_ATTRIBUTE_WORDS = frozenset({"der", "des", "von", "vom", "im", "in", "aus", "und", "oder"})


def _described(names: Iterable[str]) -> bool:
    """Whether a name opens with what says who it is: an adjective, a role or body, a first name.

    ``Deutscher Wetterdienst``, ``Nachrichtenagentur Reuters``, ``Rop Gonggrijp``: the
    last word alone names the same; in ``Financial Times Deutschland`` it does not.
    """
    return any(
        len(words) > 1 and _describing(words[0]) for name in names if (words := _words(name))
    )


#: Endings of adjectives that open a name (``Französische``, ``Deutscher``, ``Vereinigte``).
_ADJECTIVE_ENDINGS = ("sche", "scher", "sches", "te", "ter", "tes", "ige", "iger", "ene", "ener")


def _describing(word: str) -> bool:
    if word[:1].islower() or word.endswith(_ADJECTIVE_ENDINGS):
        return True  # "libysche Armee", "Deutscher Wetterdienst", "Vereinigte Staaten"
    if role_of(word) is not None or is_body_noun(word):
        return True  # "Nachrichtenagentur Reuters", "Weltverband FIFA"
    return given_name_gender(word) in {"f", "m"}  # "Angela Merkel"


def _last_words(names: Iterable[str]) -> set[str]:
    """Return the last words of the names, in lower case (``Wetterdienst``: ``wetterdienst``)."""
    return {words[-1].lower() for name in names if (words := _words(name))}


class SpeakerTable:
    """Adds up the speakers of streamed documents; :meth:`frame` merges and tabulates them."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, ...], _Speaker] = defaultdict(_Speaker)

    def add(self, document: str, contributions: Iterable[list[Any]]) -> None:
        """Add one document's ``[speaker, kind, instances, sentiment total, passages]`` rows."""
        for name, kind, instances, total, passages in contributions:
            key = speaker_key(str(name))
            if not key or (len(key) == 1 and str(name).strip().lower() in NO_ONE_ACROSS_TEXTS):
                continue  # (the key drops endings: "Diese" is "dies" there)
            speaker = self._by_key[key]
            speaker.documents[document] = None
            if kind == "sentiment":
                speaker.total += float(total)
                speaker.passages += int(passages)
            else:
                speaker.names[str(name)] += int(instances)
                speaker.kinds[kind] += int(instances)

    def _targets(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        # every longer name by each of its proper suffixes: linear in the total name length
        ending_with: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        for key in self._by_key:
            for cut in range(1, len(key)):
                ending_with[key[cut:]].add(key)
        last_words = {key: _last_words(speaker.names) for key, speaker in self._by_key.items()}
        described = {key: _described(speaker.names) for key, speaker in self._by_key.items()}
        roles = {
            key: len(key) == 1 and any(role_of(name.strip()) for name in speaker.names)
            for key, speaker in self._by_key.items()
        }
        target = {}
        for key in self._by_key:
            # a shorter name joins a longer one that ends in the same word as written: the
            # stem alone made "Jung" (Franz Josef Jung) one with "thailändischen Jungen"
            # ("Sprecherin des Bundesverfassungsgerichts" is no Bundesverfassungsgericht)
            longer = {
                other
                for other in ending_with.get(key, set())
                if last_words[other] & last_words[key]
                and not _ends_in_attribute(other)
                # one word joins a name that describes it ("Deutscher Wetterdienst"), not a
                # name it is part of ("Financial Times Deutschland")
                and (len(key) > 1 or described[other])
                # a bare role ("Frau", "Richter") is another person in another text
                and (not roles[key] or self._share_a_document(key, other))
            }
            widest = [other for other in longer if not ending_with.get(other, set()) & longer]
            target[key] = widest[0] if len(widest) == 1 else key
        return target

    def _share_a_document(self, one: tuple[str, ...], other: tuple[str, ...]) -> bool:
        return not self._by_key[one].documents.keys().isdisjoint(self._by_key[other].documents)

    def rows(self) -> list[list[Any]]:
        """One row per merged speaker (:data:`SPEAKER_COLUMNS`), most instances first.

        Plain rows, so the corpus command writes ``speakers.csv`` without loading pandas (its
        import would delay the start of the worker processes).
        """
        merged: dict[tuple[str, ...], _Speaker] = defaultdict(_Speaker)
        for key, into in self._targets().items():
            source, sink = self._by_key[key], merged[into]
            sink.names.update(source.names)
            sink.documents.update(source.documents)
            sink.kinds.update(source.kinds)
            sink.total += source.total
            sink.passages += source.passages
        rows = []
        for speaker in merged.values():
            instances = sum(speaker.kinds.values())
            if not instances:
                continue
            # the longest variant names the speaker best ("Deutscher Wetterdienst")
            name = max(speaker.names, key=lambda n: (len(speaker_key(n)), speaker.names[n], n))
            rows.append(
                [
                    name,
                    "; ".join(sorted(speaker.names)),
                    len(speaker.documents),
                    instances,
                    speaker.kinds["direct"],
                    speaker.kinds["indirect"],
                    speaker.kinds["reported"],
                    round(speaker.total / speaker.passages, 3) if speaker.passages else None,
                    speaker.passages,
                    "; ".join(speaker.documents),
                ]
            )
        instances = SPEAKER_COLUMNS.index("instances")
        return sorted(rows, key=lambda row: (-row[instances], row[0]))  # most first, then A-Z

    def frame(self) -> pd.DataFrame:
        """:meth:`rows` as a table (see the module docstring)."""
        import pandas as pd

        return pd.DataFrame(self.rows(), columns=SPEAKER_COLUMNS)
