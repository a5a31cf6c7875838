from matplotlib.figure import Figure

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
