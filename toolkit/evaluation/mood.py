"""Score the mood stage (Konjunktiv I / II) on UD German-GSD dev, beside the anchors.

Units are the gold finite verbs (UPOS ``VERB``/``AUX`` with ``VerbForm=Fin`` or a ``Mood``
value); gold Konjunktiv is ``Mood=Sub``, type I with ``Tense=Pres``, type II with
``Tense=Past``. Each gold sentence's ``# text`` runs through the toolkit's own pipeline
(SoMaJo tokens, HanTa tags, the mood stage), and our verbs are matched to the gold surface
tokens by character offsets (the reader recovers them from the forms). A multiword token
counts once. The TIGER-aligned sentences (manual morphology, the news part) are reported
separately from the whole of dev, whose other sentences carry automatic, noisier features.

Two systems are scored: the mood stage alone (``toolkit mood``: a syncretic form such as
``sollte`` counts as indicative), and the pipeline up to reported speech (``mood + speech
context``), which reads such forms as Konjunktiv inside indirect speech
(:mod:`toolkit.speech.mood_context`). Each sentence is analysed on its own, so the speech
context is that of the sentence.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import pandas as pd

from toolkit.evaluation.scoring import Counts, score_row
from toolkit.evaluation.ud import UDSentence, gsd_dev, tiger_aligned_ids

if TYPE_CHECKING:
    from toolkit.model import Document

#: Reference numbers (P / R / F1 for Sub) from the project's EVALUATION.md.
MOOD_ANCHORS: list[dict[str, Any]] = [
    {
        "system": "verb-table lookup",
        "subset": "dev",
        "measure": "Sub",
        "P": 0.99,
        "R": 0.59,
        "F1": 0.74,
        "source": "EVALUATION.md",
    },
    {
        "system": "HanTa + ablaut + 3sg rule",
        "subset": "dev",
        "measure": "Sub",
        "P": 0.90,
        "R": 0.89,
        "F1": 0.90,
        "source": "EVALUATION.md (dev)",
    },
    {
        "system": "HanTa + ablaut + 3sg rule",
        "subset": "test",
        "measure": "Sub",
        "P": 0.97,
        "R": 0.89,
        "F1": 0.93,
        "source": "EVALUATION.md (held-out test)",
    },
    {
        "system": "form-based ceiling (true person)",
        "subset": "dev",
        "measure": "Sub",
        "P": None,
        "R": None,
        "F1": 0.94,
        "source": "EVALUATION.md",
    },
]

MEASURES = ("finite verb", "Sub", "KI", "KII")
#: The systems scored, and whether each runs the reported-speech stage after the mood stage.
SYSTEMS: dict[str, bool] = {"toolkit mood": False, "mood + speech context": True}


@dataclass(frozen=True, slots=True)
class VerbOutcome:
    """One finite verb, gold or predicted (or both), with both labels."""

    sent_id: str
    form: str
    gold: str | None  # "KI", "KII", "Ind", "Imp" (None: not a gold finite verb)
    predicted: str | None  # "KI", "KII", "Ind", "Imp" (None: no verb predicted here)
    ambiguity: str | None
    news: bool
    gold_lemma: str | None = None
    resolved_by: str | None = None


def _gold_label(feats: dict[str, str]) -> str:
    mood = feats.get("Mood", "Ind")
    if mood == "Sub":
        return "KI" if feats.get("Tense") == "Pres" else "KII"
    return mood


def _is_finite(upos: str, feats: dict[str, str]) -> bool:
    return upos in {"VERB", "AUX"} and (feats.get("VerbForm") == "Fin" or "Mood" in feats)


def analyse_until(text: str, last: str) -> Document:
    """Analyse a text with the pipeline's stages up to ``last`` (later ones switched off).

    Examples
    --------
    >>> [v.resolved_by for v in analyse_until("Er sagte, sie sollten gehen.", "speech").verbs]
    [None, 'reporting frame']
    >>> [v.resolved_by for v in analyse_until("Er sagte, sie sollten gehen.", "mood").verbs]
    [None, None]
    """
    from toolkit.pipeline import STAGES, AnalysisConfig, analyse

    names = [name for name, _stage in STAGES]
    known = {option.name for option in fields(AnalysisConfig)}
    later = [name for name in names[names.index(last) + 1 :] if name in known]
    return analyse(text, **dict.fromkeys(later, False))


def sentence_outcomes(
    sentence: UDSentence, news: bool, *, speech: bool = False
) -> list[VerbOutcome]:
    """Run the pipeline on one gold sentence and pair its verbs with the gold verbs.

    ``speech`` runs the reported-speech stage too, which may re-read ambiguous verbs.
    """
    gold: dict[tuple[int, int], str] = {}
    lemmas: dict[tuple[int, int], str] = {}
    for token in sentence.tokens:
        finite = [word for word in token.words if _is_finite(word.upos, word.feats)]
        if finite:
            gold[(token.start, token.end)] = _merge([_gold_label(w.feats) for w in finite])
            lemmas[(token.start, token.end)] = finite[0].lemma
    predicted: dict[tuple[int, int], tuple[str, str, str | None]] = {}
    if sentence.text.strip():
        for verb in analyse_until(sentence.text, "speech" if speech else "mood").verbs:
            label = f"K{verb.konjunktiv}" if verb.mood == "Sub" else verb.mood
            predicted[(verb.start, verb.end)] = (label, verb.ambiguity, verb.resolved_by)
    outcomes = []
    for span in sorted(set(gold) | set(predicted)):
        label, ambiguity, resolved_by = predicted.get(span, (None, None, None))
        outcomes.append(
            VerbOutcome(
                sentence.sent_id,
                sentence.text[span[0] : span[1]],
                gold.get(span),
                label,
                ambiguity,
                news,
                lemmas.get(span),
                resolved_by,
            )
        )
    return outcomes


def _merge(labels: list[str]) -> str:
    # A multiword token with two finite verbs does not occur; take the subjunctive if any.
    for label in ("KI", "KII"):
        if label in labels:
            return label
    return labels[0]


def mood_outcomes(
    path: str | os.PathLike[str] | None = None,
    *,
    limit: int | None = None,
    speech: bool = False,
) -> list[VerbOutcome]:
    """Return one outcome per gold or predicted finite verb of GSD dev.

    ``speech`` scores the pipeline up to reported speech (``mood + speech context``).
    """
    news_ids = tiger_aligned_ids(path)
    outcomes: list[VerbOutcome] = []
    for sentence in gsd_dev(path)[:limit]:
        outcomes.extend(sentence_outcomes(sentence, sentence.sent_id in news_ids, speech=speech))
    return outcomes


def counts(outcomes: Iterable[VerbOutcome], measure: str) -> Counts:
    """Count true/false positives and false negatives for ``Sub``, ``KI`` or ``KII``.

    ``finite verb`` scores finding the finite verbs at all (any label).
    """
    every = {"KI", "KII", "Ind", "Imp"}
    wanted = {"finite verb": every, "Sub": {"KI", "KII"}, "KI": {"KI"}, "KII": {"KII"}}[measure]
    tp = fp = fn = 0
    for outcome in outcomes:
        is_gold = outcome.gold in wanted
        is_predicted = outcome.predicted in wanted
        tp += is_gold and is_predicted
        fp += is_predicted and not is_gold
        fn += is_gold and not is_predicted
    return Counts(tp, fp, fn)


def gold_fits_form(outcome: VerbOutcome) -> bool:
    """Return whether a gold Konjunktiv label is possible for the form at all.

    The automatic part of GSD has labels no form can have, e.g. ``habe`` as
    ``Mood=Sub|Tense=Past`` (Konjunktiv II; the data README names these six).

    Examples
    --------
    >>> gold_fits_form(VerbOutcome("s", "habe", "KII", "Ind", None, False, "haben"))
    False
    >>> gold_fits_form(VerbOutcome("s", "hätte", "KII", "KII", None, False, "haben"))
    True
    """
    from toolkit.mood.paradigms import paradigm

    wanted = {"KI": "konjunktiv1", "KII": "konjunktiv2"}.get(outcome.gold or "")
    found = paradigm((outcome.gold_lemma or "").lower())
    if wanted is None or found is None:
        return True
    return any(tense == wanted for tense, _slot in found.cells(outcome.form))


def score_table(
    outcomes: list[VerbOutcome], system: str = "toolkit mood", consistent: bool = False
) -> pd.DataFrame:
    """Return P / R / F1 for Sub, KI and KII on all of dev and on the TIGER-aligned subset.

    ``consistent`` adds a row group for dev without the gold labels that no form allows
    (:func:`gold_fits_form`).
    """
    subsets = {
        "dev": outcomes,
        "dev TIGER-aligned": [outcome for outcome in outcomes if outcome.news],
    }
    if consistent:
        subsets["dev, gold fits form"] = [o for o in outcomes if gold_fits_form(o)]
    rows = [
        score_row(system, subset, measure, counts(members, measure), digits=3)
        for subset, members in subsets.items()
        for measure in MEASURES
    ]
    return pd.DataFrame(rows, columns=["system", "subset", "measure", "P", "R", "F1", "n"])


def error_table(outcomes: list[VerbOutcome], top: int = 15) -> pd.DataFrame:
    """Return the most frequent wrong forms: gold label, predicted label and ambiguity class."""
    errors: Counter[tuple[str, str, str, str]] = Counter()
    for outcome in outcomes:
        gold_sub = outcome.gold in {"KI", "KII"}
        predicted_sub = outcome.predicted in {"KI", "KII"}
        if gold_sub != predicted_sub or (gold_sub and outcome.gold != outcome.predicted):
            ambiguity = str(outcome.ambiguity)
            if outcome.resolved_by:
                ambiguity += f" ({outcome.resolved_by})"
            errors[
                (outcome.form.lower(), str(outcome.gold), str(outcome.predicted), ambiguity)
            ] += 1
    rows = [
        {"form": form, "gold": gold, "predicted": predicted, "ambiguity": ambiguity, "count": n}
        for (form, gold, predicted, ambiguity), n in errors.most_common(top)
    ]
    return pd.DataFrame(rows, columns=["form", "gold", "predicted", "ambiguity", "count"])


def resolved_outcomes(outcomes: Iterable[VerbOutcome]) -> pd.DataFrame:
    """Return the verbs that context re-read as Konjunktiv, with their gold label."""
    rows = [
        {
            "sent_id": outcome.sent_id,
            "form": outcome.form,
            "gold": outcome.gold,
            "predicted": outcome.predicted,
            "resolved_by": outcome.resolved_by,
            "TIGER": outcome.news,
        }
        for outcome in outcomes
        if outcome.resolved_by
    ]
    return pd.DataFrame(
        rows, columns=["sent_id", "form", "gold", "predicted", "resolved_by", "TIGER"]
    )


def evaluate_mood(
    path: str | os.PathLike[str] | None = None, *, limit: int | None = None
) -> pd.DataFrame:
    """Score the mood stage on GSD dev: P / R / F1 for Sub, KI, KII (all dev, TIGER subset).

    One row group for the mood stage alone (``toolkit mood``) and one for the pipeline up to
    reported speech (``mood + speech context``, see :data:`SYSTEMS`).

    Raises
    ------
    EvaluationDataError
        If the data folder is not given and ``TOOLKIT_EVAL_DATA`` is not set.
    """
    tables = [
        score_table(mood_outcomes(path, limit=limit, speech=speech), system)
        for system, speech in SYSTEMS.items()
    ]
    return pd.concat(tables, ignore_index=True)


def mood_anchors() -> pd.DataFrame:
    """Return the anchors for the mood stage (P / R / F1 for Sub) from EVALUATION.md."""
    return pd.DataFrame(MOOD_ANCHORS)
