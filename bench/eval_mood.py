"""Score verb mood (Konjunktiv I / II) on UD German-GSD dev, beside the anchors.

Usage: python bench/eval_mood.py [DATA_FOLDER] [--limit N] [--errors N]
(DATA_FOLDER defaults to $TOOLKIT_EVAL_DATA, e.g. ../shared/data)

Method: each gold sentence's raw text (``# text``) goes through our own pipeline (SoMaJo,
HanTa, the mood stage); our verbs are matched to the gold surface tokens by character offsets
(recovered by finding the gold forms in the text in order; a multiword token counts once).
Units: gold finite verbs (VERB/AUX with VerbForm=Fin or a Mood); gold Konjunktiv = Mood=Sub,
I = Tense=Pres, II = Tense=Past. Two systems: the mood stage alone (syncretic forms such as
sollte, 3pl sagen count as indicative) and "mood + speech context" (the pipeline up to
reported speech, which reads such forms as Konjunktiv inside indirect speech; each sentence
on its own).
"""

from __future__ import annotations

import argparse
import sys
from unittest.mock import patch

import pandas as pd
from _common import record

from toolkit.errors import ToolkitError
from toolkit.evaluation.mood import (
    SYSTEMS,
    error_table,
    mood_anchors,
    mood_outcomes,
    resolved_outcomes,
    score_table,
)
from toolkit.mood import agreement as mood_agreement


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=None, help="evaluation data folder")
    parser.add_argument("--limit", type=int, default=None, help="read only this many sentences")
    parser.add_argument("--errors", type=int, default=15, help="how many wrong forms to list")
    arguments = parser.parse_args()
    pd.set_option("display.width", 200)
    try:
        outcomes = {
            system: mood_outcomes(arguments.path, limit=arguments.limit, speech=speech)
            for system, speech in SYSTEMS.items()
        }
    except ToolkitError as error:
        print(f"mood: {error}", file=sys.stderr)
        return 1
    print("== mood: this toolkit on GSD dev (own pipeline on # text, offsets aligned) ==")
    tables = [score_table(found, system, consistent=True) for system, found in outcomes.items()]
    ours = pd.concat(tables, ignore_index=True)
    print(ours.to_string(index=False))
    print("\n== ablation: mood alone without the dropped-'ich' rule ('Habe ... gekauft.') ==")
    with patch.object(mood_agreement, "drops_ich", lambda tokens, position: False):
        ablation = mood_outcomes(arguments.path, limit=arguments.limit)
    ablation_table = score_table(ablation, "toolkit mood without the dropped-ich rule (ablation)")
    print(ablation_table.to_string(index=False))
    print("\n== mood: anchors (EVALUATION.md; Sub only) ==")
    print(mood_anchors().to_string(index=False))
    with_speech = outcomes["mood + speech context"]
    print("\n== verbs the speech context re-read as Konjunktiv (with the gold label) ==")
    print(resolved_outcomes(with_speech).to_string(index=False))
    print("\n== mood + speech context: most frequent errors (form, gold, predicted, ambiguity) ==")
    for subset, members in (
        ("dev", with_speech),
        ("dev TIGER-aligned", [outcome for outcome in with_speech if outcome.news]),
    ):
        print(f"-- {subset} --")
        print(error_table(members, top=arguments.errors).to_string(index=False))
    if arguments.limit is None:  # a partial run never replaces the published figures
        ours = pd.concat([ours, ablation_table], ignore_index=True)
        ours["system"] = ours["system"].where(
            ours["system"].str.startswith("toolkit"), "toolkit " + ours["system"]
        )
        ours = ours[ours["measure"] != "finite verb"]  # the README shows Konjunktiv figures
        record("mood", ours, "`python bench/eval_mood.py` on GSD dev (Sub = Konjunktiv).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
