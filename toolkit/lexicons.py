"""The one adapter for textblob-de (and the pattern.de code it bundles).

textblob-de 0.4.3 is fragile: it imports only with ``textblob==0.17.1`` and its default
tokenizer needs NLTK's ``punkt`` data, which is not available offline. So this is the only
module that imports ``textblob_de``; everything else asks this module for what it needs. A
version problem then shows up here, in one place, as a
:class:`~toolkit.errors.ResourceError` with a clear message.

What the toolkit takes from textblob-de:

- ``PatternTokenizer``, a rule-based tokenizer (for the tokenizer comparison);
- its bundled data files (sentiment lexicon, verb table), read as plain data.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

from toolkit.errors import ResourceError


@lru_cache(maxsize=1)
def _textblob_de() -> Any:
    try:
        import textblob_de
    except Exception as error:  # ImportError, or textblob's API mismatch at import time
        raise ResourceError(
            "textblob-de cannot be imported. It needs exactly textblob==0.17.1: "
            "pip install 'textblob==0.17.1' 'textblob-de==0.4.3'. "
            f"(Original error: {error!r})"
        ) from error
    return textblob_de


def textblob_de_file(relative_path: str) -> Path:
    """Return the path of a data file bundled with textblob-de.

    Examples
    --------
    >>> textblob_de_file("data/de-sentiment.xml").name
    'de-sentiment.xml'
    """
    path = _package_folder() / relative_path
    if not path.is_file():
        raise ResourceError(f"textblob-de has no data file {relative_path!r} (looked in {path}).")
    return path


@lru_cache(maxsize=1)
def _package_folder() -> Path:
    # found, not imported: importing textblob-de imports textblob and all of NLTK (2 s), which
    # reading a data file does not need (every corpus worker and command would pay it)
    spec = importlib.util.find_spec("textblob_de")
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(
            "textblob-de is not installed: pip install 'textblob==0.17.1' 'textblob-de==0.4.3'."
        )
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def _pattern_tokenizer() -> Any:
    _textblob_de()
    from textblob_de.tokenizers import PatternTokenizer

    return PatternTokenizer()


def pattern_tokenize(text: str) -> list[str]:
    """Tokenise with textblob-de's ``PatternTokenizer`` (no NLTK data needed).

    Examples
    --------
    >>> pattern_tokenize("Er kam am 1. Oktober.")
    ['Er', 'kam', 'am', '1', '.', 'Oktober', '.']
    """
    return list(_pattern_tokenizer().tokenize(text))


# --- Verb table (pattern.de), the fallback paradigm source of toolkit.mood.paradigms -------------

#: Columns of a row of pattern.de's ``de-verbs.txt`` (24 comma-separated fields): infinitive,
#: present 1sg-2pl, present participle, past 1sg-2pl, past participle, imperative 2sg, 2pl,
#: 1pl, Konjunktiv I 1sg, 2sg, 1pl, 2pl, Konjunktiv II 1sg, 2sg, 1pl, 2pl. The 3rd person
#: forms are left out because they equal another cell (3sg = 1sg in the Konjunktiv, 3pl = 1pl).
_PATTERN_VERB_COLUMNS = {
    "present": (1, 2, 3, 4, 5, 4),
    "preterite": (7, 8, 9, 10, 11, 10),
    "konjunktiv1": (16, 17, 16, 18, 19, 18),
    "konjunktiv2": (20, 21, 20, 22, 23, 22),
    "imperative": (13, 14),
}


@lru_cache(maxsize=1)
def pattern_verb_table() -> dict[str, tuple[str, ...]]:
    """Return pattern.de's verb table (bundled with textblob-de) as ``lemma -> row``.

    The file is read as plain data; pattern's own conjugation code is not used.

    Examples
    --------
    >>> pattern_verb_table()["sein"][:4]
    ('sein', 'bin', 'bist', 'ist')
    """
    path = textblob_de_file("ext/_pattern/text/de/de-verbs.txt")
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = tuple(line.strip().split(","))
        if len(row) == 24 and not line.startswith(";"):
            table.setdefault(row[0], row)
    return table


def pattern_verb_forms(lemma: str) -> dict[str, tuple[str, ...]] | None:
    """Return the finite forms of ``lemma`` from pattern.de's verb table, or ``None``.

    Keys are ``present``, ``preterite``, ``konjunktiv1``, ``konjunktiv2`` (six cells each:
    1sg, 2sg, 3sg, 1pl, 2pl, 3pl) and ``imperative`` (2sg, 2pl).

    Examples
    --------
    >>> pattern_verb_forms("nehmen")["konjunktiv2"]
    ('nähme', 'nähmest', 'nähme', 'nähmen', 'nähmet', 'nähmen')
    >>> pattern_verb_forms("googeln") is None
    True
    """
    row = pattern_verb_table().get(lemma)
    if row is None:
        return None
    return {
        tense: tuple(row[column].lower() for column in columns)
        for tense, columns in _PATTERN_VERB_COLUMNS.items()
    }


# --- Sentiment: textblob-de's polarity lexicon (read as data) and its own analyser ----------


@lru_cache(maxsize=1)
def textblob_de_polarity_lexicon() -> tuple[tuple[str, str, float, float, float], ...]:
    """Return textblob-de's German polarity lexicon as ``(form, pos, polarity, subj., intensity)``.

    The lexicon (Klenner et al. 2010, XML by Markus Killer, Apache 2.0) is read with
    ``xml.etree`` as plain data; pattern's analyser and lemmatizer are not used. ``pos`` is
    the Penn tag the XML gives (``JJ``, ``NN``, ``VB``, ``RB``), polarity is in [-1, 1].

    Examples
    --------
    >>> entries = {entry[0]: entry for entry in textblob_de_polarity_lexicon()}
    >>> entries["gut"][:3], entries["Krieg"][:3]
    (('gut', 'JJ', 1.0), ('Krieg', 'NN', -1.0))
    """
    import xml.etree.ElementTree as ElementTree

    path = textblob_de_file("data/de-sentiment.xml")
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        raise ResourceError(f"textblob-de's sentiment lexicon {path} is not valid XML.") from error
    entries = []
    for word in root.iter("word"):
        form = word.get("form")
        if form:
            entries.append(
                (
                    form,
                    word.get("pos") or "",
                    float(word.get("polarity") or 0.0),
                    float(word.get("subjectivity") or 0.0),
                    float(word.get("intensity") or 1.0),
                )
            )
    return tuple(entries)


@lru_cache(maxsize=1)
def _textblob_de_analyser() -> Any:
    _textblob_de()
    from textblob_de.sentiments import PatternAnalyzer
    from textblob_de.tokenizers import PatternTokenizer

    # An explicit PatternTokenizer: the default (NLTK punkt) would try to load data offline.
    return PatternAnalyzer(tokenizer=PatternTokenizer())


def textblob_de_sentiment(text: str) -> tuple[float, float, list[tuple[tuple[str, ...], float]]]:
    """Run textblob-de's own analyser (for comparison): ``(polarity, subjectivity, assessments)``.

    This is what ``TextBlobDE(text, tokenizer=PatternTokenizer()).sentiment`` computes:
    pattern's lemmatizer, then the average of the lexicon values of the words it finds, a
    negation (``nicht``) turning ``p`` into ``-0.5 * p``. ``assessments`` lists the word
    groups it scored with their values, in text order. Works offline (no NLTK data).

    Examples
    --------
    >>> polarity, subjectivity, assessments = textblob_de_sentiment("Das ist nicht gut.")
    >>> polarity, assessments
    (-0.5, [(('nicht', 'gut'), -0.5)])
    """
    analyser = _textblob_de_analyser()
    if not text.strip():
        return 0.0, 0.0, []
    from textblob_de.sentiments import pattern_sentiment

    score = pattern_sentiment(analyser._lemmatize(text))
    assessments = [(tuple(words), float(value)) for words, value, *_ in score.assessments]
    return float(score[0]), float(score[1]), assessments
