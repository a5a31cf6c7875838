import pytest

import toolkit
from toolkit.concordance import kwic, word_frequencies
from toolkit.errors import InputError


def test_kwic_finds_every_occurrence_case_insensitively(article_doc):
    lines = kwic(article_doc, "nato", width=20)
    assert len(lines) == sum(token.text.lower() == "nato" for token in article_doc.tokens)
    assert len(lines) >= 3
    for line in lines:
        assert line.keyword.lower() == "nato"
        assert article_doc.text[line.start : line.end] == line.keyword
        assert len(line.left) <= 20 and len(line.right) <= 20


def test_kwic_rejects_an_empty_word(article_doc):
    with pytest.raises(InputError, match="empty"):
        kwic(article_doc, "  ")
    with pytest.raises(InputError, match="by must be"):
        kwic(article_doc, "Nato", by="pos")


def test_frequencies_count_words_not_punctuation(article_doc):
    frequencies = word_frequencies(article_doc)
    assert "." not in frequencies and "," not in frequencies
    assert frequencies["die"] == sum(token.text.lower() == "die" for token in article_doc.tokens)
    content = word_frequencies(article_doc, skip_stopwords=True)
    assert "die" not in content
    assert content["Peskow"] == 3  # written as the text writes it


def test_frequencies_merge_spellings_and_by_lemma_inflected_forms(article_doc):
    forms = word_frequencies(article_doc, skip_stopwords=True)
    written = [t.text for t in article_doc.tokens]
    assert forms["Nato"] == sum(word.lower() == "nato" for word in written)
    assert "nato" not in forms and "Russlands" in forms
    lemmas = word_frequencies(article_doc, skip_stopwords=True, by="lemma")
    assert lemmas["Russland"] == forms["Russland"] + forms["Russlands"]
    assert "USA" in lemmas and "Usa" not in lemmas  # HanTa's "Usa" as the text writes it
    assert lemmas["Nato-Generalsekretär"] == 2


def test_newlines_do_not_break_concordance_lines():
    document = toolkit.analyse("Erster Absatz mit Nato.\n\nNato hier.")
    assert all("\n" not in line.left + line.right for line in kwic(document, "Nato"))


def test_context_ends_at_whole_words(article_doc):
    # "…Russland hine" and "eführt hätten" in notebook 01 and 06 (screenshot walk)
    text = article_doc.text
    for line in kwic(article_doc, "Russland", width=30) + kwic(article_doc, "Nato", width=25):
        left_start = line.start - len(line.left)
        right_end = line.end + len(line.right)
        assert left_start == 0 or not text[left_start - 1].isalnum() or line.left[:1] == " "
        assert right_end == len(text) or line.right[-1:] == " " or not text[right_end].isalnum()
        assert text[left_start : line.start].replace("\n", " ") == line.left
