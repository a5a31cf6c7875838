"""Corpus widgets driven in plain Python: rates, speakers across documents, corpus search."""

from __future__ import annotations

import pytest

from toolkit.corpus.batch import BatchResult, analyse_corpus, corpus_speakers
from toolkit.corpus.plots import plot_overview, plot_speakers
from toolkit.widgets import CorpusView, LanguageSwitch
from toolkit.widgets.concordance import CorpusConcordanceView


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("korpus")
    (folder / "Umsatz_$5M_$10M.txt").write_text(
        "Der Wetterdienst warnte, es werde heiß. Der Umsatz stieg.", encoding="utf-8"
    )
    (folder / "lang.txt").write_text(
        "Der Deutsche Wetterdienst sagte, es sei gefährlich. " * 5 + "Putin schwieg.",
        encoding="utf-8",
    )
    (folder / "metadata.csv").write_text(
        "file,outlet\nUmsatz_$5M_$10M.txt,taz\nlang.txt,FAZ\n", encoding="utf-8"
    )
    return folder


def test_dollar_signs_in_file_names_do_not_break_the_chart(folder):
    view = CorpusView(folder)
    view.run()  # matplotlib would read $5M_$ as a formula without escaping
    assert view.overview.document.tolist() == ["Umsatz_$5M_$10M", "lang"]
    assert view.plot.value.startswith("<img alt=") and "data:image/png;base64," in view.plot.value
    labels = [label.get_text() for label in view.last_figure.axes[0].get_yticklabels()]
    assert labels[0] == "Umsatz_\\$5M_\\$10M"
    assert "Umsatz_$5M_$10M" in view.table.value


def test_rates_per_1000_tokens_make_short_texts_visible(folder):
    view = CorpusView(folder)
    view.run()
    assert view.column.value == "konjunktiv_per_1000"
    overview = view.overview.set_index("document")
    for _, row in overview.iterrows():
        assert row.konjunktiv_per_1000 == pytest.approx(1000 * row.konjunktiv / row.tokens, 0.01)
    bars = [bar.get_width() for bar in view.last_figure.axes[0].patches]
    assert bars == pytest.approx(overview.konjunktiv_per_1000.tolist())
    assert view.last_figure.axes[0].get_xlabel() == "Konjunktiv je 1.000 Tokens"
    assert "Konjunktiv je 1.000 Tokens" in view.table.value
    LanguageSwitch(view).language = "en"
    # the axis names its measure as the table header does: with a capital
    assert view.last_figure.axes[0].get_xlabel() == "Subjunctive per 1,000 tokens"
    assert "Subjunctive per 1,000 tokens" in view.table.value
    LanguageSwitch(view).language = "de"
    view.column.value = "speech_indirect_per_1000"
    assert view.last_figure.axes[0].get_xlabel() == "Indirekte Rede je 1.000 Tokens"


def test_speakers_are_merged_across_documents_in_the_view(folder):
    view = CorpusView(folder)
    view.run()
    speakers = view.speakers.set_index("speaker")
    assert speakers.loc["Deutscher Wetterdienst", "documents"] == 2
    assert "Wetterdienst" in speakers.loc["Deutscher Wetterdienst", "names"]
    assert (
        "Sprecher" in view.speaker_table.value
        and "Deutscher Wetterdienst" in view.speaker_table.value
    )
    figure = plot_speakers(view.speakers)
    assert len(figure.axes[0].patches) == 3 * len(view.speakers)
    # each kind has its own pattern beside its colour (as the highlighter has its own line)
    legend = figure.axes[0].get_legend()
    assert len({patch.get_hatch() for patch in legend.get_patches()}) == 3
    figure.canvas.draw()
    # instances are counted: whole numbers on the axis, no "2,5"
    ticks = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert ticks and all("," not in tick for tick in ticks), ticks


def test_count_charts_have_whole_number_ticks():
    import pandas as pd

    frame = pd.DataFrame({"document": ["a", "b"], "speech_direct": [1, 3]})
    figure = plot_overview(frame, "speech_direct")
    figure.canvas.draw()
    ticks = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert ticks and all("," not in tick for tick in ticks), ticks
    rates = pd.DataFrame({"document": ["a", "b"], "konjunktiv_per_1000": [0.5, 2.5]})
    figure = plot_overview(rates, "konjunktiv_per_1000")
    figure.canvas.draw()
    assert any("," in label.get_text() for label in figure.axes[0].get_xticklabels())


def test_corpus_concordance_before_a_search_says_how_to_search(folder):
    view = CorpusConcordanceView(BatchResult.collect(analyse_corpus(folder)))
    assert "Wort eingeben" in view.output.value and "Treffer" not in view.count.value
    view.language = "en"
    assert "Type a word" in view.output.value
    view.search.value = "gibtsnicht"
    assert "<b>0</b> hits" in view.count.value and "No hits" in view.output.value


def test_corpus_concordance_filters_by_metadata(folder):
    result = BatchResult.collect(analyse_corpus(folder))
    view = CorpusConcordanceView(result, word="Wetterdienst")
    assert view.lines.document.tolist() == ["Umsatz_$5M_$10M", *["lang"] * 5]
    assert "6</b> Treffer in <b>2</b> Texten" in view.count.value
    assert [value for _, value in view.field.options] == ["", "outlet"]
    view.field.value = "outlet"
    assert [value for _, value in view.value.options] == ["", "FAZ", "taz"]
    view.value.value = "taz"
    assert view.lines.document.tolist() == ["Umsatz_$5M_$10M"]
    assert "Umsatz_$5M_$10M" in view.output.value
    assert "1</b> Treffer in <b>1</b> Text<" in view.count.value + "<"  # not "1 Texten"
    view.language = "en"
    assert (
        view.field.description == "Filter: field"
        and "1</b> hit in <b>1</b> document" in view.count.value
        and "documents" not in view.count.value
    )
    view.search.value = "gibtsnicht"
    assert view.lines.empty and "No hits" in view.output.value


def test_plot_labels_use_german_numbers():
    import pandas as pd

    frame = pd.DataFrame({"document": ["a", "b"], "tokens": [1500, 2500]})
    figure = plot_overview(frame, "tokens")
    figure.canvas.draw()
    ticks = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert "2.000" in ticks and figure.axes[0].get_title() == "Tokens pro Text"


def test_a_broken_sidecar_is_listed_not_raised(tmp_path):
    (tmp_path / "m.txt").write_text("Peskow warnte.", encoding="utf-8")
    (tmp_path / "m.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "gut.txt").write_text("Putin schwieg.", encoding="utf-8")
    view = CorpusView(tmp_path)
    view.run()  # was a TypeError
    assert view.overview.document.tolist() == ["gut"]
    assert "m.txt" in view.status.value and "JSON-Objekt" in view.status.value


def test_the_english_switch_covers_tables_status_and_errors(folder, tmp_path):
    """After 'English' no German header or status is left; in German no English error first."""
    (tmp_path / "leer.txt").write_text("", encoding="utf-8")
    (tmp_path / "text.txt").write_text("Der Minister sagte, er sei zufrieden.", encoding="utf-8")
    view = CorpusView(tmp_path)
    view.run()
    assert "1 Text analysiert, 1 übersprungen," in view.status.value
    assert "Der Text ist leer" in view.status.value and "The text is empty" not in view.status.value
    assert ">Sätze<" in view.table.value and ">Erzählt<" in view.speaker_table.value
    LanguageSwitch(view).language = "en"
    assert "1 text analysed, 1 skipped," in view.status.value
    assert "The text is empty" in view.status.value and "Der Text" not in view.status.value
    assert ">Sentences<" in view.table.value and ">Sätze<" not in view.table.value
    for german in (">Sprecher<", ">Direkt<", ">Indirekt<", ">Erzählt<"):
        assert german not in view.speaker_table.value, german
    assert ">Speaker<" in view.speaker_table.value and ">Reported<" in view.speaker_table.value
    view.folder.value = str(tmp_path / "fehlt")
    view.run()
    assert view.status.value.count("Folder not found") == 1 and "Ordner" not in view.status.value
    LanguageSwitch(view).language = "de"
    assert "Ordner" in view.status.value and "Folder not found" not in view.status.value


def test_polarity_bars_are_coloured_by_sentiment(folder, tmp_path):
    """Negative texts are drawn in the colour notebook 04 gives negative sentences."""
    from matplotlib.colors import to_hex

    from toolkit.plots import SENTIMENT_COLOURS

    (tmp_path / "gut.txt").write_text("Das ist wunderbar und großartig.", encoding="utf-8")
    (tmp_path / "schlecht.txt").write_text("Das ist schrecklich und furchtbar.", encoding="utf-8")
    view = CorpusView(tmp_path)
    view.run()
    figure = plot_overview(view.overview, "polarity")
    colours = {
        name: to_hex(bar.get_facecolor())
        for name, bar in zip(view.overview["document"], figure.axes[0].patches, strict=True)
    }
    assert colours == {
        "gut": SENTIMENT_COLOURS["positive"],
        "schlecht": SENTIMENT_COLOURS["negative"],
    }


def test_corpus_tables_in_the_notebook_read_german_and_follow_the_switch(folder):
    from toolkit.corpus.batch import corpus_frequencies, corpus_table
    from toolkit.widgets import CorpusTable
    from toolkit.widgets.base import LANGUAGE

    result = BatchResult.collect(analyse_corpus(folder))
    sentences = corpus_table(result, "sentences")
    view = CorpusTable(sentences, max_rows=3)
    html = view.output.value
    # the document is "Text", the sentence's words "Wortlaut": one "Text" column only
    assert "<th>Wortlaut</th>" in html and "<th>Satz</th>" in html
    assert html.count("<th>Text</th>") == 1
    assert "<td>Der Wetterdienst warnte, es werde heiß.</td>" in html
    # corpus tables count sentences from 1 already: shown as they are, not from 2
    assert "<td>1</td>" in html.split("</tr>")[1]
    assert "5 weitere Zeilen (von 8)" in html
    LANGUAGE.value = "en"
    assert "<th>Text</th>" in view.output.value and "more rows" in view.output.value
    words = CorpusTable(corpus_frequencies(result, n=3))
    assert "<th>Word</th>" in words.output.value  # a new table starts in the notebook's language
    LANGUAGE.value = "de"
    assert "<th>Wort</th>" in words.output.value and "<th>In Texten</th>" in words.output.value


def test_skipped_files_say_why_in_the_readers_language(tmp_path):
    from toolkit.widgets import CorpusTable
    from toolkit.widgets.base import LANGUAGE

    (tmp_path / "gut.txt").write_text("Peskow warnte.", encoding="utf-8")
    (tmp_path / "leer.txt").write_text("  ", encoding="utf-8")
    result = BatchResult.collect(analyse_corpus(tmp_path))
    assert result.errors_frame().file.tolist() == ["leer.txt"]
    view = CorpusTable(result.errors_frame())
    assert "<td>Der Text ist leer.</td>" in view.output.value and "empty" not in view.output.value
    LANGUAGE.value = "en"
    assert "The text is empty" in view.output.value and "leer.</td>" not in view.output.value


def test_corpus_tables_write_a_float_column_with_one_number_of_decimals():
    # notebook 06's speaker table showed "0" under "-0,191" (screenshot walk)
    import pandas as pd

    from toolkit.widgets.corpus import readable

    frame = pd.DataFrame({"sentiment": [0.0, -0.191, 0.5], "tokens": [1234, 5, 6]})
    shown = readable(frame)
    # a mean sentiment carries its sign, as the scores in notebook 04 do
    assert shown.iloc[:, 0].tolist() == ["0,000", "−0,191", "+0,500"]
    assert shown["Tokens"].tolist() == ["1.234", "5", "6"]
    assert readable(frame, "en").iloc[:, 0].tolist() == ["0.000", "−0.191", "+0.500"]


def test_the_corpus_speaker_table_lists_no_pronoun_as_one_speaker_of_many_texts(tmp_path):
    # notebook 06 listed "man" (from "Man habe die Anwohner nicht gefragt") as a speaker; an
    # unresolved "Sie" would merge the people of every text into one row
    (tmp_path / "a.txt").write_text(
        "Man habe die Anwohner nicht gefragt, erklärte er. Der Verein sagte, es sei gut.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("„Es ist gut“, sagte sie.", encoding="utf-8")
    result = BatchResult.collect(analyse_corpus(tmp_path))
    speech = {r.speaker for d in result.documents.values() for r in d.speech}
    assert {"man", "sie"} <= {(s or "").lower() for s in speech}  # speech.csv keeps them
    names = {name.lower() for name in corpus_speakers(result)["speaker"]}
    assert "verein" in names and not names & {"man", "er", "sie"}


def test_the_corpus_view_shows_its_result_parts_only_when_there_is_a_result(folder):
    view = CorpusView(folder)
    assert view.results.layout.display == "none" and view.progress.layout.display == "none"
    assert "„Analysieren“" in view.status.value
    view.run()
    assert view.results.layout.display is None and view.progress.layout.display is None
    assert "Deutscher Wetterdienst" in view.speaker_table.value


def test_the_corpus_speaker_chart_uses_the_colours_of_the_highlighter(folder):
    # notebook 03 teaches indirect = green, reported = orange; notebook 06 had them swapped
    from matplotlib.colors import to_rgba

    from toolkit.render import SPEECH_COLOURS

    view = CorpusView(folder)
    view.run()
    figure = plot_speakers(view.speakers)
    legend = figure.axes[0].get_legend()
    shown = {text.get_text(): patch.get_facecolor() for text, patch in
             zip(legend.get_texts(), legend.get_patches(), strict=True)}  # fmt: skip
    # named as in notebook 03's chart and notebook 04's voices: labels with a capital
    assert shown["Indirekte Rede"] == to_rgba(SPEECH_COLOURS["indirect"])
    assert shown["Erzählte Rede"] == to_rgba(SPEECH_COLOURS["reported"])


def test_the_overview_says_cp1252_holds_latin1(tmp_path):
    (tmp_path / "alt.txt").write_bytes("Die Größe der Äußerung überraschte.".encode("latin-1"))
    view = CorpusView(tmp_path)
    view.run()
    assert "cp1252 (Windows, enthält Latin-1)" in view.table.value


def test_dates_in_the_corpus_tables_stay_on_one_line(tmp_path):
    """Notebook 06: a date column broke '2024-05-14' after a hyphen in the wide overview."""
    import re

    from toolkit.corpus.batch import overview_frame
    from toolkit.widgets import CorpusTable

    (tmp_path / "a.txt").write_text("Der Rat tagte. Er sagte, es sei gut.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Es regnete.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,datum,gedruckt\na.txt,2024-05-14,03.12.2026\nb.txt,2024-06-07,14. Mai 2024\n",
        encoding="utf-8",
    )
    view = CorpusView(tmp_path)
    view.run()
    table = CorpusTable(overview_frame(view.result)[["document", "datum", "gedruckt", "tokens"]])
    for html in (view.table.value, table.output.value):
        dates = re.findall(r'<td class="tk-date" style="white-space:nowrap">([^<]*)</td>', html)
        assert sorted(dates) == ["03.12.2026", "14. Mai 2024", "2024-05-14", "2024-06-07"]
        assert "<td>2024-05-14</td>" not in html and "<td>03.12.2026</td>" not in html
    # names and numbers still wrap as before (no nowrap on every cell)
    assert "<td>a</td>" in table.output.value and re.search(r"<td>\d+</td>", table.output.value)


def test_only_whole_dates_are_kept_on_one_line():
    from toolkit.render import cell

    for date in ("2024-05-14", "2024-05-14 09:30", "03.12.2026", "3.12.26", "14. Mai 2024"):
        assert 'style="white-space:nowrap"' in cell(date), date
    for other in ("1.234.567", "2.218", "0,5", "1.2.3", "2024", "am 03.12.2026", "Lokales"):
        assert cell(other).startswith("<td>"), other


def test_the_speaker_tables_scroll_sideways_in_one_box(folder):
    """Notebook 06's speaker table was cut off at "in den Texten": every table scrolls."""
    from toolkit.widgets import CorpusTable

    box = '<div class="tk-scroll" style="overflow-x:auto;max-width:100%"><table'
    view = CorpusView(folder)
    view.run()
    result = BatchResult.collect(analyse_corpus(folder))
    speakers = CorpusTable(corpus_speakers(result)).output.value
    for html in (view.speaker_table.value, view.table.value, speakers):
        assert html.count(box) == html.count("<table") == 1  # in a box, and in one box only
        assert html.index(box) < html.index("<table") and "</table></div>" in html
    assert "<th>In den Texten</th>" in view.speaker_table.value
