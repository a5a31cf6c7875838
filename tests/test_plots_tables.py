from matplotlib.figure import Figure

import toolkit
from toolkit.concordance import word_frequencies
from toolkit.plots import plot_frequencies
from toolkit.tables import document_tables, sentences_frame, tokens_frame


def test_frequency_plot_shows_the_most_frequent_words(article_doc):
    figure = plot_frequencies(article_doc, n=8)
    assert isinstance(figure, Figure)
    axes = figure.axes[0]
    assert len(axes.patches) == 8
    labels = [label.get_text() for label in axes.get_yticklabels()]
    top_word, top_count = word_frequencies(article_doc, skip_stopwords=True).most_common(1)[0]
    assert labels[-1] == top_word
    assert max(patch.get_width() for patch in axes.patches) == top_count


def test_token_and_sentence_tables_match_the_document(article_doc):
    tokens = tokens_frame(article_doc)
    sentences = sentences_frame(article_doc)
    assert len(tokens) == len(article_doc.tokens)
    assert len(sentences) == 15
    assert sentences["tokens"].sum() == len(article_doc.tokens)
    row = tokens.iloc[5]
    assert article_doc.text[row.start : row.end] == row.text
    assert list(document_tables(article_doc))[:2] == ["sentences", "tokens"]


def test_html_tables_write_a_float_column_with_one_number_of_decimals():
    # notebook 04 showed "0,1" and "-1,0" under "0,287"; a column reads as one scale
    import pandas as pd

    from toolkit.widgets.figures import frame_html

    frame = pd.DataFrame({"Wort": ["gut", "sehr", "nicht"], "Wert": [0.1, 0.287, -1.0]})
    frame["Anzahl"] = [1, 2, 3]
    html = frame_html(frame)
    assert "<td>0,100</td>" in html and "<td>−1,000</td>" in html and "<td>0,287</td>" in html
    assert "<td>3</td>" in html  # whole numbers stay whole
    assert "<td>0.100</td>" in frame_html(frame, language="en")
    rates = pd.DataFrame({"Rate": [14.93, 0.0]})
    assert "<td>0,00</td>" in frame_html(rates)  # no more decimals than the column needs


def test_speakers_table_names_a_prepositional_cue_by_its_words():
    from toolkit.tables import speakers_frame

    text = "Nach Angaben des Ministeriums soll es bald fallen. Der Minister teilte mit, er komme."
    cues = speakers_frame(toolkit.analyse(text)).set_index("speaker")["cues"]
    assert cues["Ministerium"] == "nach Angaben" and cues["Minister"] == "mitteilen"


def test_sentiment_chart_writes_negative_numbers_with_a_minus_sign():
    # the tables and the sentiment widget write "−0,5"; the chart's ticks read the same
    from toolkit.plots import plot_sentiment

    document = toolkit.analyse("Das ist schlecht. Das ist furchtbar. Das ist gut.")
    for language, mark in (("de", ","), ("en", ".")):
        figure = plot_sentiment(document, language=language)
        figure.canvas.draw()
        ticks = [label.get_text() for label in figure.axes[0].get_yticklabels()]
        negative = [tick for tick in ticks if tick.startswith("\u2212")]
        assert negative and all(mark in tick or tick == "\u22121" for tick in negative), ticks
        assert not any(tick.startswith("-") for tick in ticks), ticks


def test_the_wuerde_infinitive_column_shows_the_whole_verb_cluster(article_doc):
    # sentence 10: "... als Kriegsbeteiligung der Nato bewertet werden würde"; the column
    # "Infinitiv (würde)" showed "werden" while the explanation said "bewertet werden"
    from toolkit.tables import verbs_frame
    from toolkit.widgets.mood import verb_details

    frame = verbs_frame(article_doc)
    row = frame[(frame.sentence == 9) & (frame.text == "würde")].iloc[0]
    assert row.infinitive == "bewertet werden"
    verb = next(v for v in article_doc.verbs if v.sentence == 9 and v.text == "würde")
    assert verb_details(article_doc, verb)["infinitive"] == "bewertet werden"


def test_tables_for_people_write_a_float_column_as_one_scale(article_doc):
    # notebook 04's sentence table showed "0,0", "0,1" and "0,33" under "0,287" (DocumentView
    # goes through for_people, not frame_html)
    from toolkit.tables import for_people, sentiment_frame

    shown = for_people(sentiment_frame(article_doc))
    polarity = shown["Polarität"].tolist()
    decimals = {len(text.partition(",")[2]) for text in polarity if text != "–"}
    assert decimals == {3}, polarity
    assert any(text.startswith("\u2212") for text in polarity)


def test_who_says_what_lists_mentions_as_written_inside_a_sentence(article_doc):
    # "Putin, Er, der Kremlchef": the capital of a sentence start made "Er" look like a name
    from toolkit.tables import speakers_frame

    frame = speakers_frame(article_doc).set_index("speaker")
    assert frame.loc["Putin", "mentions"].split(", ") == ["Putin", "er", "der Kremlchef"]
    assert "der Nato-Generalsekretär" in frame.loc["Stoltenberg", "mentions"].split(", ")


def test_the_speaker_charts_of_a_text_and_of_a_corpus_name_the_kinds_alike(article_doc):
    """Notebook 03's legend said "direkt", notebook 06's "direkte Rede", 04's "Direkte Rede"."""
    from toolkit.corpus.plots import plot_speakers as plot_corpus_speakers
    from toolkit.plots import plot_speakers
    from toolkit.tables import speakers_frame

    def legend(figure: Figure) -> list[str]:
        return [text.get_text() for text in figure.axes[0].get_legend().get_texts()]

    counts = speakers_frame(article_doc)
    for language, names in (
        ("de", ["Direkte Rede", "Indirekte Rede", "Erzählte Rede"]),
        ("en", ["Direct speech", "Indirect speech", "Reported speech"]),
    ):
        assert legend(plot_speakers(article_doc, language=language)) == names
        assert legend(plot_corpus_speakers(counts, language=language)) == names
