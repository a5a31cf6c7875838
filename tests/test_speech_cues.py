"""Cue word lists and cue finding (toolkit.speech.cues) and speakers (toolkit.speech.speakers)."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.resources import lines
from toolkit.speech.cues import cue_nouns, cue_verbs, find_cues, noun_entry, prepositional_cues
from toolkit.speech.roles import role_of
from toolkit.speech.speakers import SpeakerResolver
from toolkit.speech.subjects import subject_of

MEDIA = {"speech", "thought", "writing"}


@pytest.mark.parametrize("name", ["speech_cue_verbs", "speech_cue_nouns"])
def test_word_lists_are_well_formed(name: str) -> None:
    entries = [line.split() for line in lines(name)]
    lemmas = [entry[0].lower() for entry in entries]
    assert len(lemmas) == len(set(lemmas)), "duplicate entries"
    for entry in entries:
        assert entry[1] in MEDIA, entry
        assert all(flag in {"r", "R", "v2", "-zu"} or flag[0] in "+=" for flag in entry[2:]), entry


def test_media_of_cues() -> None:
    assert cue_verbs()["sagen"].medium == "speech"
    assert cue_verbs()["glauben"].medium == "thought"
    assert cue_verbs()["schreiben"].medium == "writing"
    assert cue_nouns()["äußerung"].reported
    assert noun_entry("Regierungserklärung") is not None
    assert {cue.position for cue in prepositional_cues()} == {"before", "after", "so", "alone"}


def _cues(text: str) -> list[tuple[str, list[str]]]:
    tokens = toolkit.analyse(text, speech=False).sentence_tokens(0)
    return [
        (cue.lemma, [tokens[i].text for i in cue.parts])
        for cue in find_cues(tokens)
        if cue.cue_class != "noun"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er hob hervor, dass es ernst sei.", [("hervorheben", ["hob", "hervor"])]),
        ("Sie führte aus, dass es ernst sei.", [("ausführen", ["führte", "aus"])]),
        ("Peskow wies die Vorwürfe zurück.", [("zurückweisen", ["wies", "zurück"])]),
        ("Er bezeichnete das als Unsinn.", [("bezeichnen", ["bezeichnete", "als"])]),
        ("Er verwies im Rat auf die Lage.", [("verweisen", ["verwies", "auf"])]),
        ("Sie führte das Projekt durch.", []),  # durchführen is no cue
        ("Laut Polizei brennt es.", [("laut", ["Laut"])]),
        ("Der Polizei zufolge brennt es.", [("zufolge", ["zufolge"])]),
        ("Nach ersten Angaben brennt es.", [("nach", ["Nach", "ersten", "Angaben"])]),
        ("Er sprach laut und deutlich.", [("sprechen", ["sprach"])]),  # laut: an adverb
        ("Man hält ihn für klug.", [("halten", ["hält", "für"])]),  # an opinion
        ("Er hält die Tasse.", []),  # "halten" needs "für"
        ("Sie stellte sich das anders vor.", [("sich vorstellen", ["stellte", "vor"])]),
        # a conjunction before a new verb ends the clause: "sprach" keeps no "fort"
        ("Er sprach kurz und ging fort.", [("sprechen", ["sprach"])]),
    ],
)
def test_find_cues(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _cues(text) == expected


def test_roles() -> None:
    assert role_of("Kremlchef") == "kremlchef"
    assert role_of("Nato-Generalsekretär") == "generalsekretär"
    assert role_of("Sprecherin") == "sprecher"
    assert role_of("Äußerung") is None


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("Der Kreml hat das kritisiert.", "hat", "Der Kreml"),
        ("Zuvor hatte Stoltenberg das erklärt.", "hatte", "Stoltenberg"),
        ("Inmitten der Debatte hatte Putin dem Westen gedroht.", "hatte", "Putin"),
        ("Auf der Konferenz erklärte der Kremlchef das.", "erklärte", "der Kremlchef"),
        (
            "Auch der russische UN-Botschafter Wassili Nebensja verwies darauf.",
            "verwies",
            "der russische UN-Botschafter Wassili Nebensja",
        ),
        ("Zudem betonte er das.", "betonte", "er"),
        ("Es heißt, er sei krank.", "heißt", None),
    ],
)
def test_subjects(text: str, verb: str, subject: str | None) -> None:
    tokens = toolkit.analyse(text, speech=False).sentence_tokens(0)
    position = next(i for i, token in enumerate(tokens) if token.text == verb)
    found = subject_of(tokens, position)
    assert (" ".join(t.text for t in tokens[found[0] : found[1]]) if found else None) == subject


def test_resolver_pronouns_follow_the_latest_speaker() -> None:
    document = toolkit.analyse("Peskow sprach. Putin sprach. Er sprach.", speech=False)
    resolver = SpeakerResolver()
    names = []
    for sentence in document.sentences:
        tokens = document.sentence_tokens(sentence.index)
        resolver.observe(tokens)
        names.append(resolver.resolve(tokens[:1]))
    assert names == ["Peskow", "Putin", "Putin"]


def test_resolver_keeps_an_unresolvable_pronoun_as_written() -> None:
    tokens = toolkit.analyse("Sie sprach.", speech=False).sentence_tokens(0)
    assert SpeakerResolver().resolve(tokens[:1]) == "Sie"


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("Die Möglichkeit", ["Möglichkeit", "Ich", "Wir"]),  # a thing says no "ich"
        ("Die Ministerin", ["Ministerin", "Ministerin", "Ministerin"]),
        ("Die Opposition", ["Opposition", "Opposition", "Opposition"]),  # a body may
    ],
)
def test_resolver_first_person_needs_a_speaker_who_can_say_it(
    first: str, expected: list[str]
) -> None:
    # the learned path's resolver; an unresolved "Ich" is no antecedent of the "Wir" after it
    document = toolkit.analyse(f"{first} sprach. Ich sprach. Wir sprachen.", speech=False)
    resolver = SpeakerResolver(agreement=True)
    names = []
    for sentence in document.sentences:
        tokens = document.sentence_tokens(sentence.index)
        resolver.observe(tokens)
        names.append(resolver.resolve(tokens[: 2 if sentence.index == 0 else 1]))
    assert names == expected
