"""Reported speech: gold cases (tests/cases/speech.json) and the article, sentence by sentence."""

from __future__ import annotations

import json

import pytest

import toolkit
from toolkit.model import ReportedSpeech
from toolkit.speech import analyse_speech

from .conftest import CASES

SPEECH_CASES = json.loads((CASES / "speech.json").read_text(encoding="utf-8"))


#: Gold cases the default learned layer gets wrong: it adds an instance the rules rule out.
MODEL_FAILS = {
    "title-die-welt-subject": "the CRF reads the newspaper title „Die Welt“ as direct speech",
    "noun-zu-infinitive": "the CRF adds 'Die Forderung' as a narrated speech act",
}


def _case_params() -> list:
    return [
        pytest.param(
            case,
            model,
            id=f"{model}-{case['id']}",
            marks=[pytest.mark.xfail(strict=True, reason=MODEL_FAILS.get(case["id"], ""))]
            if case["expect"] == "fail" or (model == "model" and case["id"] in MODEL_FAILS)
            else [],
        )
        for model in ("model", "rules")
        for case in SPEECH_CASES
    ]


def _texts(record: ReportedSpeech) -> list[str]:
    return [part.text for part in record.parts] if record.parts else [record.text]


def _matches(record: ReportedSpeech, expected: dict) -> bool:
    if record.kind != expected["kind"]:
        return False
    wanted = expected["parts"] if "parts" in expected else [expected["text"]]
    if _texts(record) != wanted:
        return False
    checks = {
        "cue": record.cue_text,
        "cue_lemma": record.cue_lemma,
        "speaker": record.speaker,
        "medium": record.medium,
        "mention": record.speaker_mention.text if record.speaker_mention else None,
    }
    return all(checks[field] == expected[field] for field in checks if field in expected)


@pytest.mark.parametrize(("case", "model"), _case_params())
def test_gold_cases(case: dict, model: str) -> None:
    document = toolkit.analyse(case["text"], speech_model=model)
    found = [(r.kind, _texts(r), r.cue_text, r.speaker) for r in document.speech]
    for expected in case.get("instances", []):
        assert any(_matches(record, expected) for record in document.speech), (expected, found)
    if case.get("only"):
        assert len(document.speech) == len(case.get("instances", [])), found
    for absent in case.get("absent", []):
        start = case["text"].index(absent["text"])
        end = start + len(absent["text"])
        covering = [
            r
            for r in document.speech
            if r.kind == absent["kind"] and any(s <= start and end <= e for s, e in r.pieces())
        ]
        assert not covering, found


# -- the article, as issue 4 lists it ---------------------------------------------------------

#: sentence -> (kind, cue as shown, resolved speaker) of its main instance; None: no speech.
ARTICLE = {
    0: ("reported", "kritisiert", "Kreml"),
    1: ("direct", "bezeichnete ... als", "Peskow"),
    2: ("indirect", "warnte", "Peskow"),
    3: ("indirect", "vermutet", "Peskow"),
    4: ("indirect", None, "Peskow"),
    5: ("indirect", "erklärt", "Stoltenberg"),
    6: ("indirect", "führte aus", "Stoltenberg"),
    7: ("indirect", "betonte", "Stoltenberg"),
    8: ("reported", "gedroht", "Putin"),
    9: ("indirect", "hob hervor", "Putin"),
    10: ("indirect", "erklärte", "Putin"),
    11: ("reported", "verwies ... auf", "Nebensja"),
    12: None,
    13: None,
    14: ("indirect", "argumentiert", "ukrainische Führung"),
}


def _in_sentence(document: toolkit.Document, index: int) -> list[ReportedSpeech]:
    return [record for record in document.speech if record.sentence == index]


@pytest.mark.parametrize("index", sorted(ARTICLE), ids=lambda i: f"sentence-{i + 1}")
def test_article_sentence(article_doc: toolkit.Document, index: int) -> None:
    records = _in_sentence(article_doc, index)
    expected = ARTICLE[index]
    if expected is None:
        assert records == []
        return
    kind, cue, speaker = expected
    main = [r for r in records if r.kind == kind]
    assert len(main) == 1, records
    assert (main[0].cue_text, main[0].speaker) == (cue, speaker)
    # nothing else in the sentence, except a quoted fragment inside indirect speech (3)
    others = [r for r in records if r is not main[0]]
    assert all(r.kind == "direct" and kind == "indirect" for r in others), others


def test_article_sentence_3_has_a_direct_fragment_inside_the_indirect_speech(
    article_doc: toolkit.Document,
) -> None:
    indirect, direct = sorted(_in_sentence(article_doc, 2), key=lambda r: r.kind, reverse=True)
    assert (indirect.kind, direct.kind) == ("indirect", "direct")
    assert direct.text == "'zutiefst provokant und gefährlich'"
    assert indirect.start <= direct.start and direct.end <= indirect.end
    assert (direct.cue_text, direct.speaker) == ("warnte", "Peskow")


def test_article_mentions_and_resolution(article_doc: toolkit.Document) -> None:
    mentions = {r.sentence: r.speaker_mention.text for r in article_doc.speech if r.speaker_mention}
    assert mentions[6] == "Der Nato-Generalsekretär"  # -> Stoltenberg
    assert mentions[7] == "er"  # -> Stoltenberg
    assert mentions[9] == "Er"  # -> Putin
    assert mentions[10] == "der Kremlchef"  # -> Putin
    assert mentions[1] == "Dmitri Peskow, Sprecher des Kremls"


def test_article_sentence_5_der_norweger_is_not_the_speaker(article_doc: toolkit.Document) -> None:
    (continued,) = _in_sentence(article_doc, 4)
    assert continued.cue is None and continued.speaker == "Peskow"
    assert "Norweger" not in (continued.speaker_mention.text if continued.speaker_mention else "")
    assert continued.speaker_mention is not None and continued.speaker_mention.start < (
        article_doc.sentences[4].start
    )


def test_article_separable_cues_are_one_cue(article_doc: toolkit.Document) -> None:
    by_sentence = {r.sentence: r for r in article_doc.speech if r.kind != "direct"}
    hob = by_sentence[9]
    assert hob.cue is not None and hob.cue.text == "hob"
    assert [part.text for part in hob.cue_parts] == ["hob", "hervor"]
    assert hob.cue_lemma == "hervorheben"
    assert by_sentence[6].cue_lemma == "ausführen"
    verwies = by_sentence[11]
    assert [part.text for part in verwies.cue_parts] == ["verwies", "auf"]


def test_article_the_times_is_a_title(article_doc: toolkit.Document) -> None:
    start = article_doc.text.index("'The Times'")
    assert not any(r.kind == "direct" and r.start <= start < r.end for r in article_doc.speech)


def test_article_media(article_doc: toolkit.Document) -> None:
    media = {r.sentence: r.medium for r in article_doc.speech if r.kind != "direct"}
    assert media[3] == "thought"  # vermutet
    assert media[2] == "speech"


def test_offsets_hold_for_every_span(article_doc: toolkit.Document) -> None:
    text = article_doc.text
    for record in article_doc.speech:
        for span in record.spans():
            assert text[span.start : span.end] == span.text


def test_json_keys(article_doc: toolkit.Document) -> None:
    record = article_doc.to_dict()["speech"][0]
    for key in ("kind", "start", "end", "sentence", "cue", "speaker", "cue_span"):
        assert key in record
    assert record["speaker_mention"] == {"text": "Der Kreml", "start": 0, "end": 9}
    assert json.loads(json.dumps(article_doc.to_dict()))["speech"]


def test_stage_can_be_switched_off(article: toolkit.CorpusText) -> None:
    assert toolkit.analyse(article, speech=False).speech == ()


def test_stage_tags_the_text_itself_when_tagging_is_off() -> None:
    text = "Laut Polizei gab es drei Verletzte."
    document = toolkit.analyse(text, tagging=False, mood=False)
    assert [r.kind for r in document.speech] == ["indirect"]
    untagged = toolkit.analyse(text, tagging=False, mood=False, speech=False)
    assert [r.kind for r in analyse_speech(untagged).speech] == ["indirect"]


def test_records_are_sorted_by_position(article_doc: toolkit.Document) -> None:
    starts = [record.start for record in article_doc.speech]
    assert starts == sorted(starts)
