"""Classroom annotation: compare students' speech labels with each other and with the toolkit.

Students label every sentence with the main kind of reported speech in it (the ``speech``
exercise of :class:`toolkit.exercises.Exercise`, saved as JSON). This module collects the
labels in one long table (``coder``, ``item``, ``label``), adds the toolkit's own analysis as
one more coder, and measures inter-annotator agreement with NLTK's
:class:`nltk.metrics.agreement.AnnotationTask` (Cohen's kappa averaged over pairs,
Davies & Fleiss multi-kappa, Krippendorff's alpha, Scott's pi).

Examples
--------
>>> frame = demo_annotations()
>>> sorted(frame.coder.unique())
['anna', 'ben', 'carla']
>>> scores = agreement(frame)
>>> round(scores["kappa"], 2), round(scores["alpha"], 2)
(0.52, 0.53)
>>> int(confusion(frame, "anna", "ben").loc["erzählt / reported", "keine / none"])
2
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from itertools import combinations
from pathlib import Path

import pandas as pd
from nltk.metrics.agreement import AnnotationTask

from toolkit.errors import CorpusError, InputError
from toolkit.exercise_keys import KEYS, answer_key
from toolkit.exercises import Exercise
from toolkit.model import Document

COLUMNS = ["coder", "item", "label"]
TOOLKIT_CODER = "toolkit"
#: The labels of the speech exercise, in a fixed order for tables.
SPEECH_CHOICES: tuple[str, ...] = KEYS["speech"].choices
MEASURES = ("kappa", "multi_kappa", "alpha", "pi")

#: Landis & Koch (1977): the usual words for kappa values (upper bound, words).
SCALE = (
    (0.0, "schlecht / poor"),
    (0.2, "gering / slight"),
    (0.4, "ausreichend / fair"),
    (0.6, "mittel / moderate"),
    (0.8, "beachtlich / substantial"),
    (1.0, "fast vollständig / almost perfect"),
)


def annotations_frame(labels: Mapping[str, Mapping[object, str]]) -> pd.DataFrame:
    """Build the long table from ``{coder: {item: label}}`` (items become strings).

    Examples
    --------
    >>> annotations_frame({"anna": {0: "a", 1: "b"}}).to_dict("records")[1]
    {'coder': 'anna', 'item': '1', 'label': 'b'}
    """
    rows = [
        {"coder": str(coder), "item": str(item), "label": str(label)}
        for coder, items in labels.items()
        for item, label in items.items()
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


@cache
def _demo() -> dict:
    text = resources.files("toolkit.data").joinpath("classroom_demo.json").read_text("utf-8")
    return json.loads(text)


def demo_annotations() -> pd.DataFrame:
    """Invented example labels of three students for the article's 15 sentences."""
    return annotations_frame(_demo()["annotations"])


def load_annotations(folder: str | os.PathLike[str], pattern: str = "*.json") -> pd.DataFrame:
    """Read every student's saved speech exercise (one JSON file per student) from ``folder``.

    The coder name is the file name without ``.json`` (``anna.json`` -> ``anna``).

    Raises
    ------
    CorpusError
        If the folder is missing, has no matching file, or a file cannot be read (no
        permission): German and English, never a raw ``PermissionError``.
    InputError
        If a file is not an exercise saved by the toolkit (the message names the file).
    """
    directory = Path(folder)
    if not directory.is_dir():
        raise CorpusError(f"Folder not found: {directory} (Ordner nicht gefunden.)")
    try:
        files = sorted(path for path in directory.glob(pattern) if path.is_file())
    except OSError as error:
        raise _unreadable(directory, error) from error
    if not files:
        raise CorpusError(f"No {pattern} files in {directory}: save the students' answers there.")
    labels = {}
    for file in files:
        try:
            data = file.read_text(encoding="utf-8-sig")  # a byte order mark is allowed
        except OSError as error:
            raise _unreadable(file, error) from error
        except UnicodeDecodeError as error:
            raise InputError(f"{file.name}: {error} (keine UTF-8-Datei)") from error
        try:
            exercise = Exercise.from_json(data)
        except InputError as error:
            raise InputError(f"{file.name}: {error}") from error
        labels[file.stem] = exercise.answers
    return annotations_frame(labels)


def _unreadable(path: Path, error: OSError) -> CorpusError:
    reason = error.strerror or str(error)
    return CorpusError(f"Cannot read {path}: {reason}. ({path} ist nicht lesbar: {reason}.)")


def toolkit_annotations(document: Document, coder: str = TOOLKIT_CODER) -> pd.DataFrame:
    """Return the toolkit's own labels (the ``speech`` answer key) as one more coder."""
    return annotations_frame({coder: answer_key(document, "speech")})


def with_toolkit(frame: pd.DataFrame, document: Document) -> pd.DataFrame:
    """Return ``frame`` with the toolkit added as the coder ``toolkit``."""
    return pd.concat([frame, toolkit_annotations(document)], ignore_index=True)


def collect_annotations(
    document: Document | None = None,
    folder: str | os.PathLike[str] | None = None,
    *,
    demo: bool = True,
) -> pd.DataFrame:
    """Everything to compare: the demo students, saved answers in ``folder``, the toolkit.

    Parameters
    ----------
    document
        The analysed text; its ``speech`` labels are added as the coder ``toolkit``.
    folder
        A folder with the students' saved exercises; skipped while it does not exist yet.
    demo
        Add the three invented demo students (only for the bundled article).

    Raises
    ------
    InputError
        If ``demo`` is on but ``document`` is not the bundled article.
    """
    parts = []
    if demo:
        if document is not None and len(document.sentences) != len(_demo()["annotations"]["anna"]):
            raise InputError(
                "The demo annotations belong to the bundled article; use demo=False for "
                "another text. (Die Beispiel-Annotationen passen nur zum Artikel.)"
            )
        parts.append(demo_annotations())
    if folder is not None and Path(folder).is_dir() and any(Path(folder).glob("*.json")):
        parts.append(load_annotations(folder))
    if document is not None:
        parts.append(toolkit_annotations(document))
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    combined = pd.concat(parts, ignore_index=True)
    return combined.drop_duplicates(["coder", "item"], keep="last").reset_index(drop=True)


def exercise_frame(exercise: Exercise, coder: str = "ich") -> pd.DataFrame:
    """Return a label exercise's answers (as ``coder``) and its key (as ``toolkit``).

    Examples
    --------
    >>> from toolkit import analyse
    >>> exercise = Exercise.label_sentences(analyse("Er ging."), key="speech")
    >>> exercise.set_label("0", "keine / none")
    >>> exercise_frame(exercise).coder.tolist()
    ['ich', 'toolkit']
    """
    if exercise.kind != "label":
        raise InputError("Only label exercises (one label per sentence) can be compared here.")
    return annotations_frame({coder: exercise.answers, TOOLKIT_CODER: exercise.key})


def exercise_report(
    exercise: Exercise, reference: str = TOOLKIT_CODER, coder: str = "ich"
) -> pd.DataFrame:
    """Per-label comparison of a label exercise's answers with its key (see :func:`per_label`).

    ``reference`` names the side taken as gold: ``"toolkit"`` (the key) or ``coder`` (the
    student). Before any answer is given it returns a one-line note instead of failing, so a
    self-check cell can run first.

    Examples
    --------
    >>> from toolkit import analyse
    >>> exercise = Exercise.label_sentences(analyse("Er ging."), key="speech")
    >>> exercise_report(exercise).columns.tolist()
    ['note']
    >>> exercise.set_label("0", "keine / none")
    >>> exercise_report(exercise)[["label", "f1"]].to_dict("records")
    [{'label': 'keine / none', 'f1': 1.0}]
    """
    if exercise.kind == "label" and not exercise.answers:
        note = "Noch keine Antworten: erst antworten, dann diese Zelle erneut ausführen."
        return pd.DataFrame({"note": [f"{note} (No answers yet.)"]})
    return per_label(exercise_frame(exercise, coder), reference=reference)


def _complete(frame: pd.DataFrame, coders: Iterable[str] | None = None) -> pd.DataFrame:
    """Keep the chosen coders and only the items every one of them labelled."""
    _check_columns(frame)
    chosen = list(dict.fromkeys(coders)) if coders is not None else list(frame.coder.unique())
    unknown = sorted(set(chosen) - set(frame.coder))
    if unknown:
        raise InputError(f"Unknown coder(s) {unknown}; the table has {sorted(set(frame.coder))}.")
    if len(chosen) < 2:
        raise InputError("Agreement needs at least two coders (students or the toolkit).")
    part = frame[frame.coder.isin(chosen)].drop_duplicates(["coder", "item"], keep="last")
    counts = part.groupby("item").coder.nunique()
    complete = counts[counts == len(chosen)].index
    if len(complete) == 0:
        raise InputError("No sentence was labelled by every chosen coder.")
    return part[part.item.isin(complete)]


def agreement(frame: pd.DataFrame, coders: Iterable[str] | None = None) -> dict[str, float]:
    """Agreement of the ``coders`` (default: all) on the items all of them labelled.

    Returns ``kappa`` (Cohen, averaged over pairs), ``multi_kappa`` (Davies & Fleiss),
    ``alpha`` (Krippendorff), ``pi`` (Scott), ``observed`` (share of agreeing pairs) and
    ``items`` (how many items were compared). When everyone used one and the same label,
    NLTK counts that as full agreement (1.0); a measure NLTK cannot compute is ``nan``.
    """
    part = _complete(frame, coders)
    task = AnnotationTask(data=[tuple(row) for row in part[COLUMNS].itertuples(index=False)])
    scores = {"observed": float(task.avg_Ao()), "items": float(part.item.nunique())}
    for name in MEASURES:
        try:
            scores[name] = float(getattr(task, name)())
        except ZeroDivisionError:
            scores[name] = math.nan
    return scores


def interpret(value: float) -> str:
    """Name a kappa or alpha value on the Landis & Koch scale (German / English).

    Examples
    --------
    >>> interpret(0.52)
    'mittel / moderate'
    """
    if math.isnan(value):
        return "nicht bestimmbar / undefined"
    for upper, words in SCALE:
        if value <= upper:
            return words
    return SCALE[-1][1]


def agreement_table(frame: pd.DataFrame, coders: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per measure: its value (3 decimals) and what it means."""
    scores = agreement(frame, coders)
    rows = [
        {"measure": name, "value": round(scores[name], 3), "meaning": interpret(scores[name])}
        for name in MEASURES
    ]
    rows.append(
        {
            "measure": "observed",
            "value": round(scores["observed"], 3),
            "meaning": "Anteil gleicher Paare / share of agreeing pairs",
        }
    )
    return pd.DataFrame(rows, columns=["measure", "value", "meaning"])


def pairwise_kappa(frame: pd.DataFrame) -> pd.DataFrame:
    """Cohen's kappa for every pair of coders, as a square table (1.0 on the diagonal)."""
    coders = sorted(frame.coder.unique())
    table = pd.DataFrame(1.0, index=coders, columns=coders)
    for first, second in combinations(coders, 2):
        value = round(agreement(frame, [first, second])["kappa"], 3)
        table.loc[first, second] = table.loc[second, first] = value
    return table


def confusion(frame: pd.DataFrame, first: str, second: str) -> pd.DataFrame:
    """Cross table: rows are ``first``'s labels, columns ``second``'s, cells count sentences."""
    part = _complete(frame, [first, second])
    wide = part.pivot(index="item", columns="coder", values="label")
    labels = _label_order(part.label)
    table = pd.crosstab(wide[first], wide[second]).reindex(
        index=labels, columns=labels, fill_value=0
    )
    table.index.name, table.columns.name = first, second
    return table


def per_label(frame: pd.DataFrame, reference: str = TOOLKIT_CODER) -> pd.DataFrame:
    """For each label: how well the other coders (pooled) agree with ``reference``.

    Columns: ``label``, ``reference`` (sentences the reference gave it), ``others`` (how often
    the others gave it), ``agree`` (both), ``precision``, ``recall``, ``f1`` (``nan`` where
    undefined).
    """
    part = _complete(frame)
    if reference not in set(part.coder):
        raise InputError(f"Unknown reference coder {reference!r}.")
    wide = part.pivot(index="item", columns="coder", values="label")
    others = [coder for coder in wide.columns if coder != reference]
    pairs = [(wide.loc[item, reference], wide.loc[item, c]) for item in wide.index for c in others]
    rows = []
    for label in _label_order(part.label):
        gold = sum(1 for ref, _ in pairs if ref == label)
        given = sum(1 for _, other in pairs if other == label)
        agree = sum(1 for ref, other in pairs if ref == other == label)
        precision = agree / given if given else math.nan
        recall = agree / gold if gold else math.nan
        f1 = (
            2 * precision * recall / (precision + recall)
            if given and gold and precision + recall
            else math.nan
        )
        rows.append(
            {
                "label": label,
                "reference": gold // len(others),
                "others": given,
                "agree": agree,
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(f1, 3),
            }
        )
    return pd.DataFrame(
        rows, columns=["label", "reference", "others", "agree", "precision", "recall", "f1"]
    )


def _label_order(labels: Iterable[str]) -> list[str]:
    found = set(labels)
    return [c for c in SPEECH_CHOICES if c in found] + sorted(found - set(SPEECH_CHOICES))


def _check_columns(frame: pd.DataFrame) -> None:
    if not isinstance(frame, pd.DataFrame) or list(frame.columns[:3]) != COLUMNS:
        raise InputError(f"Expected a table with the columns {COLUMNS} (see annotations_frame).")
