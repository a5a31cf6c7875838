"""toolkit.batch (toolkit.corpus.batch): a folder of texts analysed, tabulated and exported."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit.corpus.batch import (
    OVERVIEW_COLUMNS,
    BatchResult,
    analyse_corpus,
    corpus_frequencies,
    corpus_kwic,
    corpus_table,
    export,
    overview_frame,
)
from toolkit.errors import CorpusError, InputError


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text("Peskow warnte. Putin drohte.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Die Nato schwieg.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes("Äußerung über Größe".encode("cp1252"))
    (tmp_path / "d.txt").write_text("   ", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a text file for the batch", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\na.txt,taz\nb.txt,FAZ\n", "utf-8")
    return tmp_path


def test_bad_files_are_skipped_with_reasons_and_encodings_detected(folder):
    calls = []
    result = BatchResult.collect(analyse_corpus(folder, progress=lambda *a: calls.append(a)))
    assert list(result.documents) == ["a", "b", "c"]
    assert result.results["c"].encoding == "cp1252"
    assert result.documents["c"].text == "Äußerung über Größe"
    assert set(result.errors) == {"d.txt"} and "empty" in result.errors["d.txt"]
    assert calls == [(1, 4, "a"), (2, 4, "b"), (3, 4, "c"), (4, 4, "d")]
    assert "3 Texte" in result.summary() and "1 übersprungen" in result.summary()
    strict = BatchResult.collect(analyse_corpus(folder, encoding="utf-8"))
    assert "not UTF-8" in strict.errors["c.txt"]


def test_overview_counts_rates_and_metadata(folder):
    result = BatchResult.collect(analyse_corpus(folder))
    overview = overview_frame(result)
    assert list(overview.columns) == ["document", "outlet", *OVERVIEW_COLUMNS[1:]]
    assert overview.outlet.tolist()[:2] == ["taz", "FAZ"]
    for row, document in zip(overview.itertuples(), result.documents.values(), strict=True):
        assert row.tokens == len(document.tokens)
        assert row.sentences == len(document.sentences)
        assert row.finite_verbs == len(document.verbs)
        assert row.konjunktiv == sum(v.mood == "Sub" for v in document.verbs)
        assert row.finite_verbs_per_1000 == round(1000 * row.finite_verbs / row.tokens, 2)


def test_list_of_texts_and_errors(article):
    result = BatchResult.collect(analyse_corpus([article]))
    assert list(result.documents) == [article.name]
    with pytest.raises(CorpusError, match="Folder not found"):
        analyse_corpus("gibt/es/nicht")
    with pytest.raises(InputError, match="folder or a list"):
        analyse_corpus([])
    with pytest.raises(InputError, match="folder or a list"):
        analyse_corpus(["plain strings are no CorpusText"])


def test_corpus_table_keeps_the_text_and_names_the_document(folder):
    result = BatchResult.collect(analyse_corpus(folder))
    sentences = corpus_table(result, "sentences")
    assert sentences.columns[0] == "document"
    assert "Peskow warnte." in sentences.text.tolist()  # the text column survives
    tokens = corpus_table(result, "tokens")
    assert tokens.groupby("document").size().to_dict() == {"a": 6, "b": 4, "c": 3}
    with pytest.raises(InputError, match="No table"):
        corpus_table(result, "gibtsnicht")
    freq = corpus_frequencies(result, n=3)
    assert list(freq.columns) == ["word", "count", "texts"]
    assert (freq.texts <= 3).all() and (freq["count"] >= freq.texts).all()


def test_corpus_frequencies_merge_spellings_across_texts(tmp_path):
    (tmp_path / "a.txt").write_text("Die NATO warnte. Russland schwieg.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Nato und Nato. Russlands Antwort.", encoding="utf-8")
    result = BatchResult.collect(analyse_corpus(tmp_path))
    forms = corpus_frequencies(result).set_index("word")
    assert forms.loc["Nato", "count"] == 3 and forms.loc["Nato", "texts"] == 2
    assert "NATO" not in forms.index
    lemmas = corpus_frequencies(result, by="lemma").set_index("word")
    assert lemmas.loc["Russland", "count"] == 2 and lemmas.loc["Russland", "texts"] == 2


def test_corpus_kwic_filters_by_metadata(folder):
    result = BatchResult.collect(analyse_corpus(folder))
    (folder / "e.txt").write_text("Auch Peskow warnte.", encoding="utf-8")
    result = BatchResult.collect(analyse_corpus(folder))
    lines = corpus_kwic(result, "warnte", width=10)
    assert lines.document.tolist() == ["a", "e"] and lines.sentence.tolist() == [1, 1]
    assert corpus_kwic(result, "warnte", where={"outlet": "taz"}).document.tolist() == ["a"]
    assert corpus_kwic(result, "warnte", where={"outlet": ["FAZ"]}).empty


def test_export_writes_the_corpus_layout(folder, tmp_path):
    result = BatchResult.collect(analyse_corpus(folder))
    written = export(result, tmp_path / "out", formats=["csv", "jsonl", "conllu"])
    names = {path.name for path in written}
    assert {"documents.csv", "tokens.csv", "sentences.csv", "errors.csv"} <= names
    assert {"documents.jsonl", "manifest.json", "a.conllu"} <= names
    back = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert back.document.tolist() == ["a", "b", "c"]
    assert pd.read_csv(tmp_path / "out" / "errors.csv").file.tolist() == ["d.txt"]
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["text"] == "Peskow warnte. Putin drohte."
    with pytest.raises(InputError, match="Unknown format"):
        export(result, tmp_path, formats=["xlsx"])
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="Cannot write"):
        export(result, blocker / "sub")


def test_empty_result_tables():
    empty = BatchResult()
    assert overview_frame(empty).empty and corpus_table(empty).empty


def test_the_old_import_path_gives_the_same_functions():
    import toolkit.batch
    import toolkit.corpus.batch

    assert toolkit.batch.__all__ == toolkit.corpus.batch.__all__
    for name in toolkit.batch.__all__:
        assert getattr(toolkit.batch, name) is getattr(toolkit.corpus.batch, name)


def test_corpus_tables_number_sentences_as_the_search_and_the_files_do(folder, tmp_path):
    """Notebook 06 showed one sentence as 3 in the search and as 2 in the sentence table."""
    result = BatchResult.collect(analyse_corpus(folder))
    hit = corpus_kwic(result, "drohte").iloc[0]
    sentences = corpus_table(result, "sentences")
    row = sentences[(sentences.document == hit.document) & (sentences.sentence == hit.sentence)]
    assert row.text.tolist() == ["Putin drohte."]
    export(result, tmp_path / "out")
    written = pd.read_csv(tmp_path / "out" / "sentences.csv")
    assert written[["document", "sentence", "text"]].equals(
        sentences[["document", "sentence", "text"]]
    )
    verbs = corpus_table(result, "verbs")
    assert verbs[verbs.text == "drohte"].sentence.tolist() == [2]


def test_the_course_examples_show_one_source_under_two_spellings():
    # notebook 06 says the speaker table merges "Wetterdienst" and "Deutscher Wetterdienst"
    # across its example texts: the examples must show it
    from pathlib import Path

    from toolkit.corpus.batch import corpus_speakers

    examples = Path(__file__).resolve().parent.parent / "notebooks" / "beispieltexte"
    speakers = corpus_speakers(BatchResult.collect(analyse_corpus(examples))).set_index("speaker")
    weather = speakers.loc["Deutscher Wetterdienst"]
    assert weather["documents"] == 2
    assert weather["names"] == "Deutscher Wetterdienst; Wetterdienst"
    assert weather["document_names"] == "wetter_gewitter; wetter_hitze"


def test_the_course_examples_bear_out_the_konjunktiv_question():
    # notebook 06, Übung 2 asks why the weather report's Konjunktiv rate per 1,000 tokens is
    # higher than the council report's: the examples must make that true
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "notebooks" / "beispieltexte"
    rates = overview_frame(BatchResult.collect(analyse_corpus(examples))).set_index("document")
    rate = rates["konjunktiv_per_1000"]
    assert rate["wetter_gewitter"] > rate["stadtrat_radwege"] > 0


def test_corpus_speakers_merge_a_name_only_into_a_name_for_the_same_one():
    """The 700-article export merged 'Jung' (Franz Josef Jung) into 'thailändischen Jungen',
    'Feuerwehr' into 'Sprecher der Feuerwehr' and 'Stoiber' into 'Merkel und Stoiber'."""
    from toolkit.corpus.speakers import SpeakerTable

    table = SpeakerTable()
    names = {
        "a": ["Jung", "Feuerwehr", "Stoiber", "Wetterdienst", "Reuters", "Deutschland"],
        "b": ["thailändischen Jungen", "Sprecher der Feuerwehr", "Merkel und Stoiber"],
        "c": ["Deutscher Wetterdienst", "Nachrichtenagentur Reuters"],
        "d": ["Financial Times Deutschland"],
    }
    for document, found in names.items():
        table.add(document, [[name, "indirect", 1, 0.0, 0] for name in found])
    merged = {row[0]: row[1] for row in table.rows()}
    # the same speaker under a longer name that describes it: one row
    assert merged["Deutscher Wetterdienst"] == "Deutscher Wetterdienst; Wetterdienst"
    assert merged["Nachrichtenagentur Reuters"] == "Nachrichtenagentur Reuters; Reuters"
    # another word's stem, an attribute, a pair or a name the word is part of: apart
    for alone in ("Jung", "Feuerwehr", "Stoiber", "Deutschland"):
        assert merged[alone] == alone
    assert merged["Financial Times Deutschland"] == "Financial Times Deutschland"


def test_corpus_speakers_keep_a_bare_role_of_another_text_apart():
    """'Frau' of three texts was one row with '57-Jährige Frau' of a fourth."""
    from toolkit.corpus.speakers import SpeakerTable

    table = SpeakerTable()
    table.add("a", [["57-Jährige Frau", "direct", 1, 0.0, 0]])
    table.add("b", [["Frau", "direct", 2, 0.0, 0]])
    table.add("c", [["ehemaliger Richter", "direct", 1, 0.0, 0], ["Richter", "direct", 1, 0.0, 0]])
    merged = {row[0]: row[1] for row in table.rows()}
    assert merged["57-Jährige Frau"] == "57-Jährige Frau" and merged["Frau"] == "Frau"
    # in the same text the role is that person
    assert merged["ehemaliger Richter"] == "Richter; ehemaliger Richter"


def test_corpus_speakers_leave_out_demonstratives_in_any_form():
    """'Diese' was a speaker with 7 instances in 5 texts: the key drops the ending."""
    from toolkit.corpus.speakers import SpeakerTable

    table = SpeakerTable()
    table.add("a", [[name, "indirect", 1, 0.0, 0] for name in ("Diese", "Dieser", "Dies", "Jung")])
    assert [row[0] for row in table.rows()] == ["Jung"]
