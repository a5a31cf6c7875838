from toolkit.widgets import ConcordanceView, TokenizerComparison, label


def test_tokenizer_comparison_updates_when_the_text_changes():
    view = TokenizerComparison("am 1. Oktober")
    assert view.result["SoMaJo"] == ["am", "1.", "Oktober"]
    view.input.value = "Kolleg*innen"
    assert view.text == "Kolleg*innen"
    assert view.result["regexp"] == ["Kolleg", "*", "innen"]
    assert "tk-token-diff" in view.output.value


def test_tokenizer_choice_and_empty_text():
    view = TokenizerComparison("z. B.")
    view.choice.value = ("NLTK",)
    assert list(view.result) == ["NLTK"]
    view.text = "   "
    assert view.result == {}
    assert label("empty_text") in view.output.value


def test_tokenizer_comparison_escapes_html():
    view = TokenizerComparison("<img src=x onerror=alert(1)>")
    assert "<img" not in view.output.value
    assert "&lt;" in view.output.value


def test_language_switch_relabels():
    view = TokenizerComparison("Ja.")
    assert view.input.description == "Text"
    assert view.choice.description == "Tokenisierer"
    view.language = "en"
    assert view.choice.description == "Tokenizers"


def test_concordance_view_searches_and_counts(article_doc):
    view = ConcordanceView(article_doc, word="Peskow")
    assert len(view.lines) == 3
    assert "<b>3</b>" in view.count.value
    view.width.value = 10
    assert all(len(line.left) <= 10 for line in view.lines)
    view.search.value = "gibtsnicht"
    assert view.lines == []
    assert label("no_hits") in view.output.value
    view.language = "en"
    assert view.search.description == "Search word"


def test_concordance_keeps_the_match_mode_when_the_language_changes():
    import toolkit

    view = ConcordanceView(toolkit.analyse("Peskow warnte. Putin warnte."), word="warnen")
    view.match_by.value = "lemma"
    assert len(view.lines) == 2
    view.language = "en"
    assert view.match_by.value == "lemma"
    assert len(view.lines) == 2
