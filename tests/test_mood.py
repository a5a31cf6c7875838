import io
import json
from collections import Counter
from contextlib import redirect_stdout

import pytest

import toolkit
from toolkit import cli
from toolkit.model import VERB_TOKEN_FIELDS
from toolkit.mood import (
    analyse_until_mood,
    possible_konjunktiv,
    read_as_konjunktiv,
    reported_konjunktiv,
)
from toolkit.mood.paradigms import paradigm
from toolkit.speech.mood_context import REPORTING_FRAME
from toolkit.tables import VERB_COLUMNS, verbs_frame

from .conftest import CASES

ARTICLE_KI = Counter({"sei": 2, "werde": 1, "wisse": 1, "seien": 1})
ARTICLE_KII = Counter({"nähme": 1, "könnten": 1, "würde": 3, "hätten": 1, "würden": 1})


@pytest.fixture(scope="module")
def article_verbs():
    return analyse_until_mood(toolkit.load_article().text)


def verb(text: str, form: str, occurrence: int = 0):
    found = [v for v in analyse_until_mood(text).verbs if v.text == form]
    return found[occurrence]


def in_context(text: str, form: str):
    """The verb after the speech stage (which may re-read it), sentiment switched off."""
    return next(v for v in toolkit.analyse(text, sentiment=False).verbs if v.text == form)


# --- the article -----------------------------------------------------------------------------


def test_article_has_exactly_the_twelve_subjunctive_forms_with_their_types(article_verbs):
    subjunctive = [v for v in article_verbs.verbs if v.mood == "Sub"]
    assert Counter(v.text for v in subjunctive if v.konjunktiv == "I") == ARTICLE_KI
    assert Counter(v.text for v in subjunctive if v.konjunktiv == "II") == ARTICLE_KII
    assert len(subjunctive) == 12


def test_article_indicative_counterparts(article_verbs):
    counterparts = {v.text: v.indicative for v in article_verbs.verbs if v.mood == "Sub"}
    assert counterparts["sei"] == "ist"
    assert counterparts["seien"] == "sind"
    assert counterparts["wisse"] == "weiß"
    assert counterparts["werde"] == "wird"
    assert counterparts["nähme"].split("/") == ["nahm", "nimmt"]
    assert "haben" in counterparts["hätten"].split("/")


def test_article_wuerde_periphrases_link_their_infinitives(article_verbs):
    tokens = article_verbs.tokens
    linked = [
        (v.text, tokens[v.infinitive].text)
        for v in article_verbs.verbs
        if v.lemma == "werden" and v.konjunktiv == "II"
    ]
    assert linked == [
        ("würde", "hineinziehen"),
        ("würde", "werden"),
        ("würde", "bedeuten"),
        ("würden", "ziehen"),
    ]
    for v in article_verbs.verbs:
        if v.infinitive is not None:
            assert tokens[v.infinitive].pos in {"VVINF", "VAINF", "VMINF"}
            assert tokens[v.infinitive].sentence == v.sentence


def test_article_verbs_keep_offsets_and_lemmas(article_verbs):
    text = article_verbs.text
    for v in article_verbs.verbs:
        assert text[v.start : v.end] == v.text == article_verbs.tokens[v.token].text
        assert v.lemma == article_verbs.tokens[v.token].lemma.lower()


def test_article_keeps_its_twelve_subjunctive_forms_after_the_speech_stage():
    document = toolkit.analyse(toolkit.load_article(), sentiment=False)
    subjunctive = [v for v in document.verbs if v.mood == "Sub"]
    assert Counter(v.text for v in subjunctive if v.konjunktiv == "I") == ARTICLE_KI
    assert Counter(v.text for v in subjunctive if v.konjunktiv == "II") == ARTICLE_KII
    assert len(subjunctive) == 12
    assert all(v.resolved_by is None for v in document.verbs)
    # "dass Länder ... Unterstützung leisten": indirect speech, but a dass-clause
    leisten = next(v for v in document.verbs if v.text == "leisten")
    assert any(s.start <= leisten.start < s.end for s in document.speech if s.kind == "indirect")
    assert leisten.mood == "Ind"


def test_werde_in_the_article_is_other_person(article_verbs):
    werde = next(v for v in article_verbs.verbs if v.text == "werde")
    assert werde.ambiguity == "other_person"


# --- issue 3 requirements beyond the article --------------------------------------------------


def test_irrealis_is_konjunktiv_ii():
    moods = {
        v.text: (v.mood, v.konjunktiv)
        for v in analyse_until_mood("Wäre das Wetter besser gewesen, hätten wir gewonnen.").verbs
    }
    assert moods == {"Wäre": ("Sub", "II"), "hätten": ("Sub", "II")}


def test_ich_habe_stays_indicative_but_is_flagged():
    habe = verb("Ich habe keine Zeit.", "habe")
    assert (habe.mood, habe.person, habe.number) == ("Ind", 1, "Sg")
    assert habe.ambiguity == "syncretic"
    assert possible_konjunktiv(habe) == "I"


def test_haette_counterpart_is_hat():
    haette = verb("Sie sagte, er hätte keine Zeit.", "hätte")
    assert (haette.mood, haette.konjunktiv) == ("Sub", "II")
    assert "hat" in haette.indicative.split("/")


@pytest.mark.parametrize(
    ("text", "form", "konjunktiv"),
    [
        ("Er sollte mehr schlafen.", "sollte", "II"),
        ("Sie wollten nach Hause.", "wollten", "II"),
        ("Die Experten sagen, die Preise steigen.", "sagen", "I"),
        ("Die USA haben sich geweigert.", "haben", "I"),
    ],
)
def test_syncretic_forms_are_flagged_never_silently_indicative(text, form, konjunktiv):
    found = verb(text, form)
    assert found.mood == "Ind"
    assert found.ambiguity == "syncretic"
    assert possible_konjunktiv(found) == konjunktiv
    assert "nur der Kontext entscheidet" in found.explanation_de
    assert "only the context can tell" in found.explanation_en


def test_other_person_form_resolved_by_agreement():
    er_habe = verb("Er sagte, er habe keine Zeit.", "habe")
    assert (er_habe.mood, er_habe.konjunktiv, er_habe.ambiguity) == ("Sub", "I", "other_person")
    assert er_habe.person == 3


def test_unambiguous_forms():
    assert verb("Der Kreml hat das kritisiert.", "hat").ambiguity == "unambiguous"
    assert verb("Er sagte, das sei falsch.", "sei").ambiguity == "unambiguous"
    assert possible_konjunktiv(verb("Der Kreml hat das kritisiert.", "hat")) is None


def test_read_as_konjunktiv_for_a_reporting_frame():
    sagen = verb("Sie sagten, die Länder haben Angst.", "haben")
    read = read_as_konjunktiv(sagen)
    assert (read.mood, read.konjunktiv, read.ambiguity) == ("Sub", "I", "syncretic")
    assert read.indicative == "haben"
    # one rule for forms identical to the indicative: ambiguous, Ersatzform named
    assert read.explanation_de.startswith(
        "haben: mehrdeutig (Indikativ oder Konjunktiv I) von haben, 3. Person Plural"
    )
    assert read.explanation_de.endswith("eindeutige Ersatzform: Konjunktiv II hätten")
    assert "Indikativ: haben" not in read.explanation_de
    unambiguous = verb("Er sagte, das sei falsch.", "sei")
    assert read_as_konjunktiv(unambiguous) is unambiguous


@pytest.mark.parametrize(
    ("text", "form", "konjunktiv"),
    [
        ("Sie sollten gehen.", "sollten", "II"),  # Konjunktiv I "sollen" looks indicative
        ("Die Menschen hörten nichts.", "hörten", "II"),
        ("Die Länder haben Angst.", "haben", "I"),
        ("Ich habe Zeit.", "habe", "I"),
        ("Er sollte gehen.", "sollte", None),  # "solle" was there to choose
        ("Sie teilte das mit.", "teilte", None),
        ("Der Kreml hat das kritisiert.", "hat", None),
    ],
)
def test_reported_konjunktiv_follows_the_replacement_rule(text, form, konjunktiv):
    assert reported_konjunktiv(verb(text, form)) == konjunktiv


def test_syncretic_verb_in_indirect_speech_is_read_as_konjunktiv_ii():
    sollten = in_context("Er sagte, sie sollten das lassen.", "sollten")
    assert (sollten.mood, sollten.konjunktiv, sollten.ambiguity) == ("Sub", "II", "syncretic")
    assert sollten.resolved_by == REPORTING_FRAME
    assert sollten.indicative == "sollen"
    assert sollten.explanation_de.endswith("im Rahmen indirekter Rede als Konjunktiv II gelesen")
    assert sollten.explanation_en.endswith("read as subjunctive II in the frame of indirect speech")
    assert in_context("Er sagte, sie sollten das lassen.", "sagte").mood == "Ind"


def test_syncretic_present_in_indirect_speech_is_read_as_konjunktiv_i():
    haben = in_context("Die Minister sagten, die Länder haben Angst.", "haben")
    assert (haben.mood, haben.konjunktiv, haben.resolved_by) == ("Sub", "I", REPORTING_FRAME)


def test_syncretic_verb_without_a_frame_stays_indicative_and_flagged():
    sollten = in_context("Sie sollten das lassen.", "sollten")
    assert (sollten.mood, sollten.ambiguity, sollten.resolved_by) == ("Ind", "syncretic", None)
    assert "nur der Kontext entscheidet" in sollten.explanation_de


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Er sagte: „Sie sollten das lassen.“", "sollten"),  # direct quote
        ("„Wir werden dagegen vorgehen“, kündigte die Sprecherin an.", "werden"),
        ("``Wir werden dagegen vorgehen'', kündigte die Sprecherin an.", "werden"),
        ("Er sagte, dass sie Angst haben.", "haben"),  # dass-clause
        ("Laut Polizei wollten die Täter fliehen.", "wollten"),  # a source, no verb of saying
        ("Er sagte, sie sollte das lassen.", "sollte"),  # 3sg: "solle" was there to choose
        ("Ich sagte, wir haben keine Zeit.", "haben"),  # the writer's own words
        ("Wie die Polizei mitteilte, wurden viele verletzt, drei schweben in Lebensgefahr.",
         "schweben"),  # reported in the indicative
    ],
)  # fmt: skip
def test_syncretic_verb_outside_verb_second_indirect_speech_is_unchanged(text, form):
    found = in_context(text, form)
    assert found.mood == "Ind" and found.resolved_by is None
    assert found == verb(text, form)


def test_speech_context_continues_konjunktiv_passages():
    document = toolkit.analyse(
        "Peskow warnte, die Lage sei ernst. Die Menschen hätten Angst, viele wollten fliehen.",
        sentiment=False,
    )
    moods = {v.text: (v.mood, v.konjunktiv, v.resolved_by) for v in document.verbs}
    assert moods["wollten"] == ("Sub", "II", REPORTING_FRAME)
    assert moods["hätten"] == ("Sub", "II", None)
    assert moods["warnte"] == ("Ind", None, None)


def test_past_form_joined_to_konjunktiv_ii_is_read_as_one_by_the_mood_stage():
    # "und wollten" shares the subject of "hätten" and its mood: no speech context needed
    document = analyse_until_mood("Die Menschen hätten Angst und wollten fliehen.")
    wollten = next(v for v in document.verbs if v.text == "wollten")
    assert (wollten.mood, wollten.konjunktiv, wollten.resolved_by) == ("Sub", "II", "coordination")
    assert "angeschlossen" in wollten.explanation_de and "joined" in wollten.explanation_en


def test_resolved_by_is_in_the_json_and_the_verbs_table():
    document = toolkit.analyse("Er sagte, sie sollten das lassen.", sentiment=False)
    sollten = next(t for t in document.to_dict()["tokens"] if t["text"] == "sollten")
    assert sollten["resolved_by"] == REPORTING_FRAME and sollten["mood"] == "Sub"
    frame = verbs_frame(document)
    assert frame["resolved_by"].isna().tolist() == [True, False]
    assert frame.loc[1, "resolved_by"] == REPORTING_FRAME


def test_explanations_in_german_and_english():
    sei = verb("Peskow sagte, das sei gefährlich.", "sei")
    assert sei.explanation_de == "sei: Konjunktiv I von sein, 3. Person Singular; Indikativ: ist"
    assert sei.explanation_en == "sei: subjunctive I of sein, 3rd person singular; indicative: ist"
    warnte = verb("Peskow warnte.", "warnte")
    assert warnte.explanation_de.startswith("warnte: Indikativ Präteritum von warnen")
    assert warnte.explanation_en.startswith("warnte: indicative past of warnen")


def test_imperative():
    komm = verb("Komm sofort her!", "Komm")
    assert (komm.mood, komm.person, komm.konjunktiv) == ("Imp", 2, None)
    assert "Imperativ" in komm.explanation_de


def test_pattern_table_is_the_fallback_when_ablaut_fails(monkeypatch):
    import toolkit.mood.paradigms as paradigms

    monkeypatch.setattr(paradigms, "_from_ablaut", lambda lemma: None)
    paradigm.cache_clear()
    try:
        fallback = paradigm("nehmen")
        assert fallback.source == "pattern.de"
        assert fallback.konjunktiv2[2] == "nähme"
        assert paradigm("googeln") is None
    finally:
        monkeypatch.undo()
        paradigm.cache_clear()
    assert paradigm("nehmen").source == "ablaut"


# --- gold cases -------------------------------------------------------------------------------


def _cases():
    cases = json.loads((CASES / "mood.json").read_text(encoding="utf-8"))
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(strict=True)] if case["expect"] == "fail" else [],
        )
        for case in cases
    ]


@pytest.mark.parametrize("case", _cases())
def test_gold_mood_cases(case):
    if case.get("context") == "speech":  # the speech stage may re-read ambiguous verbs
        document = toolkit.analyse(case["text"], sentiment=False)
    else:
        document = analyse_until_mood(case["text"])
    for expected in case["verbs"]:
        found = [v for v in document.verbs if v.text == expected["text"]]
        assert found, f"{expected['text']!r} not found as a finite verb"
        for field, value in expected.items():
            if field == "infinitive":
                index = found[0].infinitive
                assert index is not None and document.tokens[index].text == value
            elif field.startswith(("explains_", "not_explains_")):
                explanation = getattr(found[0], f"explanation_{field[-2:]}")
                for part in value:
                    assert (part in explanation) != field.startswith("not_"), (part, explanation)
            else:
                assert getattr(found[0], field) == value, field
    if "finite" in case:  # exactly these finite verbs, in order
        assert [v.text for v in document.verbs] == case["finite"]
    if case["no_other_subjunctive"]:
        expected_sub = {e["text"] for e in case["verbs"] if e.get("mood") == "Sub"}
        assert {v.text for v in document.verbs if v.mood == "Sub"} == expected_sub


# --- tables and the command line --------------------------------------------------------------


def test_verbs_frame_has_one_row_per_verb(article_verbs):
    frame = verbs_frame(article_verbs)
    assert list(frame.columns) == VERB_COLUMNS
    assert len(frame) == len(article_verbs.verbs)
    assert frame["mood"].value_counts()["Sub"] == 12
    sei = frame[frame["text"] == "sei"].iloc[0]
    assert sei["explanation_en"].startswith("sei: subjunctive I of sein")
    wuerden = frame[frame["text"] == "würden"].iloc[0]
    assert wuerden["infinitive"] == "ziehen"


def test_document_tables_include_verbs():
    from toolkit.tables import document_tables

    tables = document_tables(analyse_until_mood("Er sagte, sie sei krank."))
    assert list(tables["verbs"]["text"]) == ["sagte", "sei"]


def test_cli_json_has_lemma_pos_and_mood_fields_for_every_token(tmp_path):
    path = tmp_path / "text.txt"
    path.write_text("Peskow warnte, das sei gefährlich. Ich habe Zeit.", encoding="utf-8")
    output = io.StringIO()
    with redirect_stdout(output):
        assert cli.main(["analyse", str(path)]) == 0
    tokens = json.loads(output.getvalue())["tokens"]
    for token in tokens:
        assert token["lemma"] and token["pos"]
        assert set(VERB_TOKEN_FIELDS) <= set(token)
    sei = next(token for token in tokens if token["text"] == "sei")
    assert sei["mood"] == "Sub" and sei["konjunktiv"] == "I" and sei["indicative"] == "ist"
    assert sei["person"] == 3 and sei["number"] == "Sg" and sei["ambiguity"] == "unambiguous"
    assert sei["explanation"]["de"].startswith("sei: Konjunktiv I von sein")
    habe = next(token for token in tokens if token["text"] == "habe")
    assert habe["mood"] == "Ind" and habe["ambiguity"] == "syncretic"
    gefaehrlich = next(token for token in tokens if token["text"] == "gefährlich")
    assert gefaehrlich["mood"] is None and gefaehrlich["explanation"] is None


def test_mood_flag_switches_the_stage_off():
    assert toolkit.analyse("Er sei krank.", mood=False).verbs == ()


# --- evaluation on GSD dev (needs TOOLKIT_EVAL_DATA) -------------------------------------------


@pytest.fixture(scope="module")
def gsd_scores(eval_data):
    from toolkit.evaluation.mood import SYSTEMS, mood_outcomes, score_table

    scores = {}
    for system, speech in SYSTEMS.items():
        frame = score_table(mood_outcomes(eval_data, speech=speech), system, consistent=True)
        scores.update({(row.system, row.subset, row.measure): row for row in frame.itertuples()})
    return scores


@pytest.mark.evaldata
@pytest.mark.slow
@pytest.mark.parametrize("system", ["toolkit mood", "mood + speech context"])
def test_gsd_dev_tiger_subset_sub_scores(gsd_scores, system):
    sub = gsd_scores[(system, "dev TIGER-aligned", "Sub")]
    assert sub.P >= 0.95 and sub.F1 >= 0.90


@pytest.mark.evaldata
@pytest.mark.slow
@pytest.mark.parametrize("system", ["toolkit mood", "mood + speech context"])
def test_gsd_dev_sub_precision_and_consistent_gold_f1(gsd_scores, system):
    assert gsd_scores[(system, "dev", "Sub")].P >= 0.95
    assert gsd_scores[(system, "dev", "finite verb")].F1 >= 0.95
    consistent = gsd_scores[(system, "dev, gold fits form", "Sub")]
    assert consistent.P >= 0.95 and consistent.F1 >= 0.90


@pytest.mark.evaldata
@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="issue 3 target on all of dev: mood + speech context 0.878 (mood alone 0.884). "
    "The automatic (non-TIGER) gold marks 'ich habe' / verb-first 'Habe ...' as Sub; the "
    "missed TIGER forms (advice 'sollte') stand in no indirect speech of their sentence, and "
    "the gold marks the same advice 'sollte' as Ind elsewhere (see bench/eval_mood.py)",
)
def test_gsd_dev_sub_f1_target_on_all_of_dev(gsd_scores):
    sub = gsd_scores[("mood + speech context", "dev", "Sub")]
    assert sub.P >= 0.95 and sub.F1 >= 0.90


@pytest.mark.evaldata
@pytest.mark.slow
def test_evaluate_mood_reports_the_stage_alone_and_with_speech_context(eval_data):
    import toolkit.evaluation as evaluation

    frame = evaluation.evaluate("mood", eval_data, limit=60)
    assert set(frame["system"]) == {"toolkit mood", "mood + speech context"}
    assert set(frame["subset"]) == {"dev", "dev TIGER-aligned"}
    assert len(frame) == 2 * 2 * 4
