import pytest

import toolkit.evaluation as evaluation
from toolkit.evaluation.scoring import Counts, compare
from toolkit.evaluation.tokens import gold_token_spans, normalise_tiger_quotes
from toolkit.evaluation.ud import SurfaceToken, UDSentence, Word


def _sentence(text, forms_and_spaces):
    tokens, position = [], 0
    for form, space_after in forms_and_spaces:
        start = text.index(form, position)
        position = start + len(form)
        tokens.append(
            SurfaceToken(form, start, position, (Word(form, form, "X", "X"),), space_after)
        )
    return UDSentence("s1", text, tuple(tokens))


def test_hyphen_splits_are_joined_only_when_asked():
    sentence = _sentence(
        "US-Präsident und Rohstoff- und Energiepreise",
        [
            ("US", False),
            ("-", False),
            ("Präsident", True),
            ("und", True),
            ("Rohstoff", False),
            ("-", True),
            ("und", True),
            ("Energiepreise", True),
        ],
    )
    text = sentence.text
    raw = [text[s:e] for s, e in gold_token_spans(sentence)]
    joined = [text[s:e] for s, e in gold_token_spans(sentence, join_hyphens=True)]
    assert raw[:3] == ["US", "-", "Präsident"]
    assert joined == ["US-Präsident", "und", "Rohstoff-", "und", "Energiepreise"]


def test_counts_and_compare():
    assert compare([1, 2, 3], [2, 3, 4]) == Counts(2, 1, 1)
    assert Counts().f1 == 0.0


def test_tiger_quotes():
    assert normalise_tiger_quotes("``So''") == "„So“"


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(evaluation.InputError, match="Unknown stage"):
        evaluation.evaluate("syntax")


@pytest.mark.evaldata
@pytest.mark.slow
def test_gsd_dev_token_f1_hyph_and_sentence_f1(eval_data):
    scores = evaluation.evaluate("tokens", eval_data)
    ours = scores[scores.system == "toolkit (SoMaJo de_CMC)"].set_index(["subset", "measure"])
    assert ours.loc[("all", "token F1 (hyph)"), "F1"] >= 0.995
    assert ours.loc[("news", "token F1 (hyph)"), "F1"] >= 0.995
    assert ours.loc[("news", "sentence F1 (TIGER quotes as „“)"), "F1"] >= 0.95
    assert ours.loc[("all", "sentence F1 (TIGER quotes as „“)"), "P"] >= 0.99
