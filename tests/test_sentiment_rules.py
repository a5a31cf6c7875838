"""The scoring rules and the lexicon: exact explanations, negation scope, modifiers."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.resources import lines
from toolkit.sentiment.lexicon import (
    adjective_forms,
    default_lexicon,
    false_hits,
    noun_forms,
    verb_forms,
)
from toolkit.sentiment.rules import (
    QUANTUM,
    RuleSettings,
    emoticon_value,
    is_break,
    modifiers,
    negators,
    score_words,
    truncate,
)

VOCABULARY = [
    "gut", "schlecht", "provokant", "gefährlich", "Erfolg", "Krieg", "kritisierte", "liebe",
    "gefällt", "massive", "Unterstützung", "genug", "ernst", "toll", "super", "richtig",
    "nicht", "kein", "keine", "nie", "ohne", "niemand", "nur", "zuletzt",
    "sehr", "zutiefst", "kaum", "extrem", "etwas", "ganz",
    "aber", "und", "dass", "sondern", "jedoch",
    ",", ".", "!", "?", "„", "“", ":)", ":(", "😍", "😡", "xD",
    "der", "die", "Peskow", "mir", "ist", "war", "Haus", "Regierung", "@user", "#gut",
    "http://t.co/x", "1.", "vergangenen", "möchte",
]  # fmt: skip

sentences = st.lists(
    st.one_of(st.sampled_from(VOCABULARY), st.text(min_size=1, max_size=8)),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_contributions_add_up_exactly(words: list[str]) -> None:
    result = score_words(words)
    contributions = [word.contribution for word in result.words]
    assert sum(contributions) == result.polarity
    assert math.fsum(contributions) == result.polarity
    assert sum(sorted(contributions)) == result.polarity
    assert sum(reversed(contributions)) == result.polarity
    assert -1 < result.polarity < 1
    assert 0 <= result.subjectivity <= 1
    for word in result.words:
        assert 0 <= word.position < len(words)
        assert word.contribution / QUANTUM == int(word.contribution / QUANTUM)
        assert word.contribution == 0 or (word.contribution > 0) == (word.value > 0)
        assert abs(word.contribution) <= abs(word.value)
    positions = [word.position for word in result.words]
    assert positions == sorted(set(positions))


@settings(max_examples=100, deadline=None)
@given(sentences, st.floats(0.1, 5.0), st.floats(0.1, 1.0), st.floats(0.1, 1.0))
def test_sums_exact_for_any_settings(
    words: list[str], alpha: float, positive: float, negative: float
) -> None:
    rules = RuleSettings(alpha=alpha, negated_positive=positive, negated_negative=negative)
    result = score_words(words, settings=rules)
    assert sum(word.contribution for word in result.words) == result.polarity


def test_empty_and_neutral_sentences() -> None:
    assert score_words([]).polarity == 0.0
    result = score_words(["Der", "Zug", "fährt", "."])
    assert (result.polarity, result.subjectivity, result.words) == (0.0, 0.0, ())


def test_truncate_goes_towards_zero() -> None:
    assert truncate(0.1) <= 0.1 and truncate(-0.1) >= -0.1
    assert truncate(QUANTUM * 3.7) == QUANTUM * 3
    assert truncate(-QUANTUM * 3.7) == -QUANTUM * 3


def test_polarity_grows_with_evidence_but_stays_below_one() -> None:
    one = score_words(["gut"]).polarity
    two = score_words(["gut", "und", "schön"]).polarity
    many = score_words(["gut"] * 50).polarity
    assert 0 < one < two < many < 1


def test_negation_forward_and_backward() -> None:
    assert score_words(["Das", "ist", "nicht", "gut"]).polarity < 0
    assert score_words(["Das", "gefällt", "mir", "nicht"]).polarity < 0
    # The forward scope does not cross a clause break ...
    broken = score_words(["nicht", ",", "gut"])
    assert broken.words[0].modifiers == ()
    # ... and a negator inside its clause does not reach far back.
    far = score_words(
        [
            "nach",
            "seinem",
            "perfekten",
            "Saisonabschluss",
            "2021",
            "nicht",
            "mit",
            "einem",
            "Rückgang",
        ]
    )
    assert far.words[0].entry == "perfekt" and far.words[0].modifiers == ()


def test_negation_weakens_rather_than_flips() -> None:
    gut = score_words(["gut"]).words[0].value
    nicht_gut = score_words(["nicht", "gut"]).words[0].value
    nicht_schlecht = score_words(["nicht", "schlecht"]).words[0].value
    assert -gut < nicht_gut < 0
    assert 0 < nicht_schlecht < 1


def test_negation_exceptions() -> None:
    result = score_words(["Das", "ist", "nicht", "nur", "gut"])
    assert result.polarity > 0 and result.words[0].modifiers == ()


def test_emoticons_are_not_negated_or_modified() -> None:
    result = score_words(["nicht", ":("])
    assert result.words[0].modifiers == () and result.polarity < 0
    assert emoticon_value(":-)") == pytest.approx(0.7)
    assert emoticon_value("😍😍") is not None and emoticon_value("gut") is None
    assert not is_break(":)") and is_break(",") and is_break("aber")


def test_repeated_emoticon_mouths_are_read_as_one() -> None:
    assert emoticon_value(":)))") == emoticon_value(":)")
    assert emoticon_value(";-((") == emoticon_value(";-(") < 0
    assert emoticon_value("!!!") is None and emoticon_value("...") is None


def test_sentence_adverbs_are_not_negated() -> None:
    result = score_words(["kann", "man", "leider", "nicht"])
    assert result.polarity < 0 and result.words[0].modifiers == ()
    assert score_words(["leider", "nicht", "gut"]).polarity < 0


def test_generated_forms_must_fit_the_tag() -> None:
    # "Sonne" is no form of "sonnen", "heissen" (a verb) no form of "heiss".
    assert score_words(["Sonne"], tags=["NN"]).words == ()
    assert score_words(["Sie", "heissen", "Jan"], tags=["PPER", "VVFIN", "NE"]).words == ()
    assert score_words(["bitte", "kommen"], tags=["ADV", "VVINF"]).words == ()
    found = score_words(["drohende", "Gefahr"], tags=["ADJA", "NN"]).words
    assert [word.entry for word in found] == ["drohen", "Gefahr"]


def test_particle_verbs_are_one_word() -> None:
    words = ["Sie", "lehnte", "den", "Plan", "ab", "."]
    tags = ["PPER", "VVFIN", "ART", "NN", "PTKVZ", "$."]
    lemmas = ["sie", "lehnen", "der", "Plan", "ab", "."]
    found = score_words(words, lemmas, tags).words
    assert [(word.position, word.entry) for word in found] == [(1, "ablehnen")]
    broke = score_words(
        ["Es", "ging", "kaputt"], ["es", "gehen", "kaputt"], ["PPER", "VVFIN", "PTKVZ"]
    )
    assert [(word.position, word.entry) for word in broke.words] == [(1, "kaputtgehen")]


def test_modifier_that_is_also_a_word() -> None:
    alone = score_words(["super"])
    assert [word.entry for word in alone.words] == ["super"]
    modifying = score_words(["super", "gut"])
    assert [(w.entry, w.modifiers) for w in modifying.words] == [("gut", ("super ×1.5",))]


def test_modifier_chain_and_diminisher() -> None:
    chain = score_words(["sehr", "sehr", "gut"]).words[0]
    assert chain.modifiers == ("sehr ×1.5", "sehr ×1.5")
    assert chain.value == pytest.approx(2.25)
    assert score_words(["kaum", "gut"]).polarity < score_words(["gut"]).polarity


def test_contrast_weights_the_later_clause() -> None:
    result = score_words(["gut", ",", "aber", "teuer"])
    values = {word.entry: word.value for word in result.words}
    assert values["gut"] == pytest.approx(0.5) and values["teuer"] == pytest.approx(-1.5)
    opening = score_words(["Aber", "das", "ist", "gut"])
    assert opening.words[0].modifiers == ()


def test_mentions_urls_and_names_are_skipped() -> None:
    assert score_words(["@gut", "http://gut.de"]).words == ()
    assert score_words(["Ernst"], tags=["NE"]).words == ()
    assert [w.entry for w in score_words(["#gut"]).words] == ["gut"]


def test_lemmas_are_used_when_the_form_is_unknown() -> None:
    assert score_words(["besten"]).words == ()
    assert [w.entry for w in score_words(["besten"], lemmas=["gut"]).words] == ["gut"]


def test_lexicon_forms_case_and_false_hits() -> None:
    lexicon = default_lexicon()
    assert lexicon.lookup("gefährliche").entry == "gefährlich"
    assert lexicon.lookup("gedroht").entry == "drohen"
    assert lexicon.lookup("Krisen").entry == "Krise"
    assert lexicon.lookup("Gut") is None
    assert lexicon.lookup("Gut", initial=True).entry == "gut"
    assert lexicon.lookup("TOLL").entry == "toll"
    assert lexicon.lookup("erfolg") is None
    assert lexicon.lookup("erfolg", lowercase_text=True).entry == "Erfolg"
    assert lexicon.lookup("Abwehrkampf") is None
    assert lexicon.lookup("Abwehrkampf", compounds=True).entry == "Kampf"
    for word in ("massiv", "massive", "vergangenen", "möchte", "fest"):
        found = lexicon.lookup(word)
        assert found is not None and found.value == 0.0, word
    assert set(false_hits()) <= set(lexicon.forms)


def test_generated_forms() -> None:
    assert "provokanten" in set(adjective_forms("provokant"))
    assert "Angriffe" in set(noun_forms("Angriff"))
    assert {"warnte", "gewarnt"} <= set(verb_forms("warnen"))
    assert "googelte" in set(verb_forms("googeln")) or "googlte" in set(verb_forms("googeln"))


def test_word_lists_are_well_formed() -> None:
    assert {"nicht", "kein", "nie", "ohne"} <= negators()
    factors = modifiers()
    assert factors["zutiefst"] > factors["sehr"] > 1 > factors["kaum"] > 0
    entries = [line.split()[0] for line in lines("sentiment_modifiers")]
    assert len(entries) == len(set(entries))
    for line in lines("sentiment_additions"):
        _, value, pos = line.split()
        assert -1 <= float(value) <= 1 and pos in ("JJ", "NN", "VB", "RB"), line
    for line in lines("sentiment_emoticons"):
        assert -1 <= float(line.rsplit(None, 1)[1]) <= 1, line
