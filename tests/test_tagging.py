import re

import pytest
from HanTa.HanoverTagger import HanoverTagger

import toolkit
from toolkit.mood import analyse_until_mood
from toolkit.sentences import sentences_from_tokens
from toolkit.tagging import (
    MODEL,
    correct_clause_final_verbs,
    correct_verbs_after_zu,
    hanover_tagger,
    stts,
    tag_document,
    tag_words,
)
from toolkit.tagging.verbs import correct_governed_verbs, particle_lemmas
from toolkit.tokens import tokenise


@pytest.fixture(scope="module")
def article_tagged():
    return analyse_until_mood(toolkit.load_article().text)


def test_every_token_of_the_article_has_lemma_and_stts_tag(article_tagged):
    assert all(token.lemma for token in article_tagged.tokens)
    assert all(re.fullmatch(r"[A-Z]+|\$[.,(]", token.pos) for token in article_tagged.tokens)


def test_punctuation_gets_its_stts_tag_even_where_hanta_does_not_know_it():
    document = analyse_until_mood("Er sagte – „ja“ (wirklich), »nein« :-)")
    tags = {token.text: token.pos for token in document.tokens}
    assert [tags[mark] for mark in "–„“()»«"] == ["$("] * 7
    assert tags[","] == "$,"
    assert tags[":-)"] != "$("


def test_finite_verbs_lemmas_and_tags_of_the_article(article_tagged):
    tagged = {token.text: (token.lemma, token.pos) for token in article_tagged.tokens}
    assert tagged["nähme"] == ("nehmen", "VVFIN")
    assert tagged["sei"] == ("sein", "VAFIN")
    assert tagged["warnte"] == ("warnen", "VVFIN")
    assert tagged["könnten"] == ("können", "VMFIN")


def test_fast_tagger_gives_exactly_plain_hantas_tags_and_lemmas():
    text = toolkit.load_article().text + " Wäre das Wetter besser gewesen, hätten wir gewonnen."
    tokens = tokenise(text)
    sentences = {}
    for token in tokens:
        sentences.setdefault(token.sentence, []).append(token.text)
    plain = HanoverTagger(MODEL)
    fast = hanover_tagger()
    for memo in fast.memos():
        memo.clear()
    for words in sentences.values():
        assert fast.tag_sent(words) == plain.tag_sent(words)
        assert fast.tag_sent(words) == plain.tag_sent(words)  # again, from the memos


@pytest.mark.evaldata
@pytest.mark.slow
def test_fast_tagger_gives_exactly_plain_hantas_tags_and_lemmas_on_gsd_dev(eval_data):
    from toolkit.evaluation.ud import gsd_dev

    text = " ".join(sentence.text for sentence in gsd_dev(eval_data))
    sentences = {}
    for token in tokenise(text):
        sentences.setdefault(token.sentence, []).append(token.text)
    plain = HanoverTagger(MODEL)
    fast = hanover_tagger()
    for memo in fast.memos():
        memo.clear()
    different = [
        words for words in sentences.values() if fast.tag_sent(words) != plain.tag_sent(words)
    ]
    assert different == []


def test_verb_after_zu_is_an_infinitive():
    assert correct_verbs_after_zu(["NN", "PTKZU", "VVFIN", "$."])[2] == "VVINF"
    assert correct_verbs_after_zu(["PPER", "VVFIN", "PTKZU", "ADJD"]) == [
        "PPER",
        "VVFIN",
        "PTKZU",
        "ADJD",
    ]
    document = analyse_until_mood("Es sei rechtens, Abfälle auf der Deponie zu lagern.")
    assert [verb.text for verb in document.verbs] == ["sei"]


def test_tagger_is_loaded_once():
    assert hanover_tagger() is hanover_tagger()


def test_stts_spelling():
    assert stts("VA(FIN)") == "VAFIN"
    assert stts("$,") == "$,"


def test_tag_words_of_empty_sentence():
    assert tag_words([]) == []


def test_clause_final_plural_verb_in_subordinate_clause_becomes_finite():
    words = ["die", "zivile", "Ziele", "angreifen"]
    assert correct_clause_final_verbs(words, ["PRELS", "ADJA", "NN", "VVINF"])[-1] == "VVFIN"


def test_zu_infinitive_and_governed_infinitive_stay_infinitives():
    words = ["Er", "muss", "gehen", ",", "die", "Tür", "abschließen", "."]
    tags = ["PPER", "VMFIN", "VVINF", "$,", "ART", "NN", "VVINF", "$."]
    assert correct_clause_final_verbs(words, tags) == tags
    assert correct_clause_final_verbs(["ohne", "zu", "gehen"], ["APPR", "PTKZU", "VVINF"])[-1] == (
        "VVINF"
    )


def test_tagging_stage_runs_alone_on_an_untagged_document():
    tokens = tokenise("Er sei krank.")
    untagged = toolkit.Document(
        "Er sei krank.", tokens, sentences_from_tokens("Er sei krank.", tokens)
    )
    assert all(token.pos is None and token.lemma is None for token in untagged.tokens)
    tagged = tag_document(untagged)
    assert [token.pos for token in tagged.tokens] == ["PPER", "VAFIN", "ADJD", "$."]
    assert tagged.text == untagged.text


def test_mood_stage_tags_by_itself_when_tagging_is_off():
    document = toolkit.analyse("Er sei krank.", tagging=False)
    assert [verb.text for verb in document.verbs] == ["sei"]
    assert document.tokens[1].pos == "VAFIN"


# --- governed verbs and particle verbs (issue 12) -------------------------------------------


def test_infinitive_governed_by_a_modal_is_never_finite():
    text = "Es könne örtlich zu Hagel und Sturmböen kommen, teilte der Dienst mit."
    tagged = {token.text: token for token in analyse_until_mood(text).tokens}
    assert tagged["kommen"].pos == "VVINF"
    assert tagged["könne"].pos == "VMFIN" and tagged["teilte"].pos == "VVFIN"


def test_governed_verb_rule_keeps_a_coordinated_clause_with_its_own_subject():
    words = ["Er", "hat", "Hunger", "und", "sie", "essen"]
    tags = ["PPER", "VAFIN", "NN", "KON", "PPER", "VVFIN"]
    assert correct_governed_verbs(
        words, tags, ["er", "haben", "Hunger", "und", "sie", "essen"]
    ) == (tags)


def test_governed_verb_rule_needs_the_form_the_governor_takes():
    # "haben" takes a participle, not an infinitive; "wird" takes both
    words = ["weil", "sie", "Zeit", "haben", "und", "kommen"]
    tags = ["KOUS", "PPER", "NN", "VAFIN", "KON", "VVFIN"]
    lemmas = ["weil", "sie", "Zeit", "haben", "und", "kommen"]
    assert correct_governed_verbs(words, tags, lemmas) == tags
    words = ["Das", "Haus", "wird", "verkauft"]
    tags = ["ART", "NN", "VAFIN", "VVFIN"]
    assert correct_governed_verbs(words, tags, ["der", "Haus", "werden", "verkaufen"])[-1] == "VVPP"


def test_governor_with_its_own_infinitive_leaves_a_later_finite_verb():
    words = ["Er", "will", "gehen", "und", "sie", "bleiben"]
    tags = ["PPER", "VMFIN", "VVINF", "KON", "PPER", "VVFIN"]
    assert correct_governed_verbs(words, tags, [w.lower() for w in words]) == tags


def test_particle_verbs_get_their_full_lemma():
    tokens = analyse_until_mood("Der Dienst teilte am Freitag mit, dass es regnet.").tokens
    lemmas = {token.text: token.lemma for token in tokens}
    assert lemmas["teilte"] == "mitteilen"
    assert lemmas["regnet"] == "regnen"  # the particle of another clause is not joined


def test_particle_lemma_stops_at_the_clause_end_and_keeps_a_joined_lemma():
    words = ["Er", "gab", "nach", ",", "sie", "hörte", "auf"]
    tags = ["PPER", "VVFIN", "PTKVZ", "$,", "PPER", "VVFIN", "PTKVZ"]
    lemmas = ["er", "geben", "nach", ",", "sie", "aufhören", "auf"]
    assert particle_lemmas(words, tags, lemmas) == [
        "er", "nachgeben", "nach", ",", "sie", "aufhören", "auf",
    ]  # fmt: skip


def test_overlong_tokens_are_opaque_and_tagged_by_their_shape():
    from toolkit.tagging.hanta import MAX_WORD_CHARS

    long = MAX_WORD_CHARS + 1
    words = ["Er", "sah", "a" * 2_000, "und", "1" * long, "ab+/" * long, "."]
    tagged = tag_words(words)
    assert [tag for _lemma, tag in tagged] == ["PPER", "VVFIN", "NN", "KON", "CARD", "XY", "$."]
    assert tagged[2][0] == "a" * 2_000


def test_a_very_long_sentence_is_tagged_in_passes():
    tagged = tag_words(["wort"] * 2_500)
    assert len(tagged) == 2_500
    assert {tag for _lemma, tag in tagged} == {"NN"}
