import json
import re

import pytest
from nltk.tokenize.api import TokenizerI

from tests.conftest import CASES
from toolkit.errors import InputError
from toolkit.sentences import split_sentences
from toolkit.tokens import (
    TOKENIZERS,
    GermanTokenizer,
    align_loosely,
    compare_tokenizer_spans,
    compare_tokenizers,
    paragraphs,
    tokenise,
)

TOKEN_CASES = json.loads((CASES / "tokens.json").read_text(encoding="utf-8"))


def _params(cases):
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(strict=True)] if case["expect"] == "fail" else [],
        )
        for case in cases
    ]


@pytest.mark.parametrize("case", _params(TOKEN_CASES))
def test_gold_token_and_sentence_cases(case):
    tokens = tokenise(case["text"])
    assert [token.text for token in tokens] == case["tokens"]
    assert len(split_sentences(case["text"])) == case["sentences"]


def test_every_token_satisfies_the_offset_invariant_and_knows_its_sentence(article):
    tokens = tokenise(article.text)
    assert [token.index for token in tokens] == list(range(len(tokens)))
    for token in tokens:
        assert article.text[token.start : token.end] == token.text
    assert [token.sentence for token in tokens] == sorted(token.sentence for token in tokens)


def test_offsets_are_kept_across_paragraphs_and_leading_whitespace():
    text = "  Titel\n\n\n   Erster Satz.\r\n\r\nZweiter   Satz."
    tokens = tokenise(text)
    assert [token.text for token in tokens] == [
        "Titel",
        "Erster",
        "Satz",
        ".",
        "Zweiter",
        "Satz",
        ".",
    ]
    assert all(text[token.start : token.end] == token.text for token in tokens)
    assert [token.sentence for token in tokens] == [0, 1, 1, 1, 2, 2, 2]


def test_paragraphs_are_split_at_blank_lines_only():
    text = "Zeile eins\nZeile zwei\n \nNeuer Absatz"
    assert [paragraph for _, paragraph in paragraphs(text)] == [
        "Zeile eins\nZeile zwei",
        "Neuer Absatz",
    ]


def test_tokenise_rejects_non_text():
    with pytest.raises(InputError, match="got int"):
        tokenise(42)


def test_german_tokenizer_is_an_nltk_tokenizer():
    tokenizer = GermanTokenizer()
    assert isinstance(tokenizer, TokenizerI)
    text = "Er kommt am 1. Oktober. Sie nicht."
    spans = list(tokenizer.span_tokenize(text))
    assert [text[start:end] for start, end in spans] == tokenizer.tokenize(text)
    assert tokenizer.tokenize_sents(["Ja.", "z. B. so"]) == [["Ja", "."], ["z.", "B.", "so"]]


@pytest.mark.parametrize("name", list(TOKENIZERS))
def test_every_comparison_tokenizer_returns_valid_spans_in_order(name, article):
    spans = TOKENIZERS[name](article.text)
    assert spans, name
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(article.text)
        previous_end = end


def test_comparison_shows_where_tokenizers_differ():
    result = compare_tokenizers("Kolleg*innen kommen am 1. Oktober.")
    assert result["SoMaJo"] == ["Kolleg*innen", "kommen", "am", "1.", "Oktober", "."]
    assert "Kolleg" in result["regexp"]
    assert result["textblob-de"] != result["SoMaJo"]


def test_comparison_rejects_unknown_tokenizer():
    with pytest.raises(InputError, match="Unknown tokenizer 'spacy'"):
        compare_tokenizer_spans("Text", ["spacy"])


def test_loose_alignment_skips_words_that_are_not_in_the_text():
    text = "Er kam :( heute"
    assert align_loosely(["Er", "XYZ", "kam", ":(", "heute"], text) == [
        (0, 2),
        (3, 6),
        (7, 9),
        (10, 15),
    ]


def _unpatched_somajo_tokens(text):
    """Plain SoMaJo's tokens, with the two documented changes: tokens split at whitespace,
    and the parts of a numeric date written without spaces joined."""
    from somajo import SoMaJo

    plain = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    spans = []
    for offset, paragraph in paragraphs(text):
        for sentence in plain.tokenize_text([paragraph]):
            for position, token in enumerate(sentence):
                start, end = (offset + at for at in token.character_offset)
                last = position + 1 == len(sentence)
                previous = sentence[position - 1] if position else None
                joins = previous is not None and previous.token_class == "date"
                if joins and token.token_class == "date" and spans[-1][1] == start:
                    start = spans.pop()[0]
                spans.append((start, end, last))
    found = []
    for start, end, sentence_end in spans:
        parts = list(re.finditer(r"\S+", text[start:end]))
        found.extend(
            (start + part.start(), start + part.end(), sentence_end and part is parts[-1])
            for part in parts
        )
    return found


def test_word_list_patterns_are_searched_only_where_they_can_match():
    # the speed fix applies to the installed SoMaJo's lists (they hold no entry without a mark)
    from toolkit.tokens import _somajo

    tokenizer = _somajo()._tokenizer
    names = ["abbreviation", "single_token_abbreviation", "token_with_plus_ampersand"]
    assert all(type(getattr(tokenizer, name)).__name__ == "_InWordsWith" for name in names)


def test_somajo_joins_an_emoticon_across_a_space_and_we_split_it():
    from somajo import SoMaJo

    text = "Er sagte: (lacht) Ja."
    plain = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    joined = [(token.text, token.original_spelling) for sentence in plain.tokenize_text([text])
              for token in sentence]  # fmt: skip
    assert (":(", ": (") in joined
    assert [t.text for t in tokenise(text)][2:4] == [":", "("]


def test_somajo_splits_a_numeric_date_and_we_join_it():
    from somajo import SoMaJo

    text = "Am 1.10.2024 ging er."
    plain = SoMaJo("de_CMC", split_camel_case=False)
    assert [token.text for token in next(plain.tokenize_text([text]))][1:4] == ["1.", "10.", "2024"]
    assert [(t.text, t.kind) for t in tokenise(text)][1] == ("1.10.2024", "date")


def _our_tokens(text):
    tokens = tokenise(text)
    return [
        (
            token.start,
            token.end,
            index + 1 == len(tokens) or tokens[index + 1].sentence != token.sentence,
        )
        for index, token in enumerate(tokens)
    ]


EMOJI_TEXT = "Super 🙂👍🏽 Danke!!! ❤️ Das 🇩🇪-Team :-) gewinnt ☺ © 2024. Fertig ✔️"
#: Texts where tokens do not simply follow each other: SoMaJo aligns those itself.
ODD_TEXTS = {
    "soft hyphen": "Die Bundes\u00adregierung tagt. Sie be\u00adschließt nichts.",
    "decomposed umlauts": "Die Gru\u0308nen fu\u0308hren. U\u0308berall.",
    "zero-width space": "Das ist\u200b gut. Wirklich\u200b!",
    "whitespace": "Er\tkam  spät.\nSie \u00a0 ging   \r\n fort. \u2028 Ende",
    "respelled": 'Er sagte:"Nein".Dann ging er ...Wirklich?!',
    "word lists": "AT&T, C++ u. a. m. bzw. z.B. Prof. Dr. Müller (Nr. 5, Abs. 3), Q&A-Runde",
    "dates": "Vom 1.10.2024 bis 3. 10. 2024, am 24.11. um 10.30 Uhr, seit 01.02.99 (2.3.2025).",
    "guarded patterns": "Siehe tagesschau.de-App, bild.DE und a.b.c.pdf; Mail an x.y@z.de oder "
    "info [at] firma [dot] de; 3+4=7, 2x3, 10÷2; A -> B <- C, ---> ← → Ende.",
}


@pytest.mark.parametrize("text_name", ["article", "emoji", *ODD_TEXTS])
def test_speed_fixes_give_the_same_tokens_as_plain_somajo(text_name, article):
    text = {"article": article.text, "emoji": EMOJI_TEXT, **ODD_TEXTS}[text_name]
    assert _our_tokens(text) == _unpatched_somajo_tokens(text)


@pytest.mark.evaldata
def test_speed_fixes_give_the_same_tokens_as_plain_somajo_on_gsd(eval_data):
    from toolkit.evaluation.ud import gsd_dev

    text = "\n\n".join(sentence.text for sentence in gsd_dev(eval_data))
    assert _our_tokens(text) == _unpatched_somajo_tokens(text)


def test_backtracking_patterns_are_searched_only_where_they_can_match():
    from toolkit.tokens import _somajo

    tokenizer = _somajo()._tokenizer
    names = ["url_without_protocol", "email", "calculation", "arrow"]
    assert all(type(getattr(tokenizer, name)).__name__ == "_OnlyWith" for name in names)


def test_a_long_stretch_without_spaces_is_split_in_linear_time_and_covered():
    from toolkit.tokens import MAX_STRETCH

    text = "Vorher kam er. " + "x." * 5_000 + " Danach ging er."
    tokens = tokenise(text)
    assert [t.text for t in tokens][:3] == ["Vorher", "kam", "er"]
    long = [t for t in tokens if len(t.text) > MAX_STRETCH]
    assert [t.text for t in long] == ["x." * 4_999 + "x"]
    assert [t.text for t in tokens][-4:] == ["Danach", "ging", "er", "."]


def test_a_text_without_spaces_still_gets_words_and_sentences():
    text = "DerKremlhatdieÄußerungenkritisiert.PeskowwarntevorGefahren," * 3
    tokens = tokenise(text)
    assert [t.text for t in tokens][:4] == [
        "DerKremlhatdieÄußerungenkritisiert",
        ".",
        "PeskowwarntevorGefahren",
        ",",
    ]
    assert [s.text[-1] for s in split_sentences(text)] == [".", ".", ".", ","]


def test_overlong_sentences_are_cut_after_a_comma_when_possible():
    from toolkit.tokens import MAX_SENTENCE_TOKENS

    text = "wort " * 1_000
    sizes = [len(s.token_indices) for s in split_sentences(text)]
    assert sizes == [MAX_SENTENCE_TOKENS] * 4
    text = ("eins zwei drei, " * 200).strip()
    first = split_sentences(text)[0]
    assert first.text.endswith(",")
    assert len(first.token_indices) <= MAX_SENTENCE_TOKENS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%\u0308a\u0303", [("%\u0308", 0, 2), ("a\u0303", 2, 4)]),
        ("Ê\U0006767b\x1c\U00067584", [("Ê\U0006767b", 0, 2), ("\U00067584", 3, 4)]),
    ],
)
def test_tokens_never_overlap_and_never_hold_whitespace(text, expected):
    assert [(t.text, t.start, t.end) for t in tokenise(text)] == expected
