"""Evaluation helpers for reported speech: readers, token mapping, scores (toolkit.speech_*)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from itertools import permutations
from pathlib import Path
from random import Random

import pytest

import toolkit
from toolkit.errors import EvaluationDataError
from toolkit.evaluation.scoring import Counts, compare
from toolkit.evaluation.speech_corpora import read_redewiedergabe, read_wikinews, rebuild_text
from toolkit.evaluation.speech_scoring import (
    MessageScore,
    TokenCover,
    assign,
    message_scores,
    speaker_words,
)


def test_counts() -> None:
    counts = Counts() + compare({1, 2}, {2, 3, 4})
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 1)
    assert Counts().f1 == 0.0


def test_assignment_maximises_the_sum() -> None:
    score = [[0.9, 0.8, 0.0], [0.85, 0.1, 0.0]]
    assert assign(score) == [(0, 1), (1, 0)]
    assert assign([[0.2], [0.7]]) == [(1, 0)]
    assert assign([]) == []


def _best_sum(score: list[list[float]]) -> float:
    rows, columns = len(score), len(score[0])
    if rows > columns:
        return _best_sum([list(column) for column in zip(*score, strict=True)])
    return max(
        sum(score[i][j] for i, j in enumerate(pick)) for pick in permutations(range(columns), rows)
    )


def test_assignment_against_brute_force() -> None:
    random = Random(7)
    for _ in range(50):
        rows, columns = random.randint(1, 4), random.randint(1, 4)
        score = [[random.random() for _ in range(columns)] for _ in range(rows)]
        pairs = assign(score)
        assert len(pairs) == min(rows, columns)
        assert sum(score[i][j] for i, j in pairs) == pytest.approx(_best_sum(score))


def test_token_cover_uses_letters_and_digits() -> None:
    text = "„Ja“, sagte er."
    cover = TokenCover(text, [(0, 5), (6, 11), (12, 15)])
    assert cover.cover([(1, 3)]) == {0}
    assert cover.cover([(4, 5)]) == set()  # only the comma of "„Ja“,"


def test_message_scores_proportional_overlap() -> None:
    score = MessageScore([], [])
    gold = [("direct", {1, 2, 3, 4}, "der Kreml"), ("indirect", {8, 9}, None)]
    predicted = [("direct", {2, 3, 4, 5}, "Der Kreml"), ("reported", {20}, None)]
    message_scores(gold, predicted, score)
    assert score.recalls == [0.75, 0.0]
    assert score.precisions == [0.75, 0.0]
    assert (score.speaker_gold, score.speaker_exact) == (1, 1)
    assert speaker_words("„Der“ Kreml,") == ["der", "kreml"]


def test_rebuild_text_keeps_spans_and_glues_punctuation() -> None:
    words = ["Er", "sagte", ":", "»", "Ja", "«", ",", "und", "ging", "."]
    text, spans = rebuild_text(words)
    assert text == "Er sagte: »Ja«, und ging."
    assert [text[start:end] for start, end in spans] == words


def test_readers_need_the_data(tmp_path: Path) -> None:
    with pytest.raises(EvaluationDataError):
        next(read_redewiedergabe(tmp_path))
    with pytest.raises(EvaluationDataError):
        next(read_wikinews(tmp_path))


@pytest.mark.evaldata
def test_redewiedergabe_reader(eval_data: Path) -> None:
    first = next(read_redewiedergabe(eval_data, limit=1))
    assert first.tokens and first.metadata["file"] == first.name
    text, spans = rebuild_text([token.word for token in first.tokens])
    assert [text[s:e] for s, e in spans] == [token.word for token in first.tokens]
    assert {t for token in first.tokens for t in token.types} <= {
        "direct",
        "indirect",
        "reported",
        "freeIndirect",
        "indirect freeIndirect",
    }


@pytest.mark.evaldata
@pytest.mark.slow
def test_own_scorer_agrees_with_the_reference_scorer(eval_data: Path, tmp_path: Path) -> None:
    # The reference scorer sits beside the data: <shared>/tools/wn_eval.py for <shared>/data.
    reference_scorer = eval_data.parent / "tools" / "wn_eval.py"
    python = shutil.which("python3")
    if not reference_scorer.exists() or python is None:
        pytest.skip("the shared reference scorer is not available")
    documents = list(read_wikinews(eval_data, "dev", limit=12))
    predictions = tmp_path / "pred.jsonl"
    score = MessageScore([], [])
    with predictions.open("w", encoding="utf-8") as out:
        for document in documents:
            analysed = toolkit.analyse(document.text)
            items = [
                {"kind": r.kind, "spans": [list(p) for p in r.pieces()], "speaker": None}
                for r in analysed.speech
            ]
            out.write(json.dumps({"doc_id": document.doc_id, "speech": items}) + "\n")
            words = [match.span() for match in re.finditer(r"\S+", document.text)]
            cover = TokenCover(document.text, words)
            gold = [(q.kind, cover.cover(q.spans), None) for q in document.quotes]
            mine = [(i["kind"], cover.cover(map(tuple, i["spans"])), None) for i in items]
            message_scores(gold, mine, score)
    folder = tmp_path / "dev"
    folder.mkdir()
    for document in documents:  # a temporary view of the same files, never kept
        (folder / f"{document.doc_id}.json").symlink_to(
            eval_data / "wikinews_quotes" / "dev" / f"{document.doc_id}.json"
        )
    result = subprocess.run(
        [
            python,
            str(reference_scorer),
            "score",
            str(folder),
            str(predictions),
            "--json",
            str(tmp_path / "ref.json"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads((tmp_path / "ref.json").read_text())["message"]
    assert reference["f1"] == pytest.approx(score.f1, abs=1e-3), result.stdout
