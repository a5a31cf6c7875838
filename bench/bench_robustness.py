"""Robustness timings (issue 14): pathological 100,000-character inputs beside ordinary text,
and the property-based campaign through analyse, the CLI and every widget constructor.

Usage: python bench/bench_robustness.py [--chars N] [--inputs N] [--kinds a,b] [--no-record]

Each input is analysed in a fresh process (models loaded and warmed up on one short sentence
first, untimed), so no input profits from the per-word memos of another. The reference is
ordinary news text of the same length: WikiNews dev articles when $TOOLKIT_EVAL_DATA is set,
else the bundled article with its words shuffled per copy (fewer repeated words than plain
repetition). "ratio" is each input's CPU seconds over the ordinary text's (wall seconds
also count the other jobs on a shared machine). The campaign
(tests/campaign.py, needs hypothesis) counts inputs tried and failures. The figures are
recorded in toolkit/data/scores.json (section "robustness") unless --no-record.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def ordinary(chars: int) -> str:
    """Ordinary news text of ``chars`` characters (see the module docstring)."""
    import contextlib

    import toolkit
    from toolkit.errors import EvaluationDataError

    with contextlib.suppress(EvaluationDataError):
        from toolkit.evaluation.speech_corpora import read_wikinews

        text = "\n\n".join(document.text for document in read_wikinews(split="dev"))
        if len(text) >= chars:
            return text[:chars]
    article = toolkit.load_article().text.split()
    rng = random.Random(14)
    parts: list[str] = []
    while sum(map(len, parts)) < chars:
        words = article[:]
        rng.shuffle(words)
        parts.append(" ".join(words) + "\n\n")
    return "".join(parts)[:chars]


def _without_spaces(chars: int) -> str:
    import toolkit

    return _repeat("".join(toolkit.load_article().text.split()), chars)


def _surname(k: int) -> str:
    """Return the ``k``-th made-up surname: ``k`` in base 26 as letters (``Za``, ``Zb``, ...)."""
    letters, rest = "", k
    while True:
        letters, rest = letters + "abcdefghijklmnopqrstuvwxyz"[rest % 26], rest // 26
        if not rest:
            return "Z" + letters


def _people(chars: int, template: str) -> str:
    """Ever new people, one ``template`` with ``{name}`` each, up to ``chars`` characters."""
    parts: list[str] = []
    k = 0
    while sum(map(len, parts)) < chars:
        parts.append(template.format(name=_surname(k)))
        k += 1
    return "".join(parts)[:chars]


def _many_people(chars: int) -> str:
    """Ever new people named with a particle: each name is looked up among all before it."""
    return _people(chars, "Anna von {name} sagte, es sei gut. Dann sagte {name}, es gehe weiter. ")


def _many_ministers(chars: int) -> str:
    """Ever new ministers, each followed by a role noun that no speaker before agrees with."""
    return _people(
        chars, "Minister Peter {name} sagte, es sei gut. Die Ministerin betonte, es gehe weiter. "
    )


#: The pathological inputs of issue 14 and a few more of the same kind.
KINDS = {
    "ordinary": ordinary,
    "one word (letters)": lambda n: _repeat("abcdefghij", n),
    # the word as a speaker and a source: speaker and cue lookups try its endings
    "one word as speaker": lambda n: (
        lambda w: f"Die {w} sagte, es sei gut. Nach {w} der Polizei sei alles ruhig."
    )("Angabe" + "x" * (n // 2 - 40)),
    "x.x.x.": lambda n: _repeat("x.", n),
    "digits": lambda n: _repeat("1234567890", n),
    "hyphens": lambda n: "-" * n,
    "German without spaces": _without_spaces,
    "base64": lambda n: base64.b64encode(random.Random(14).randbytes(n))[:n].decode(),
    "URLs": lambda n: _repeat("https://www.example.org/pfad/seite-1.html?x=1&y=2 ", n),
    "table": lambda n: _repeat("| 2024 | 12,5 Mio. | -3.400 | x |\n", n),
    "number column": lambda n: "\n".join(str(k * 1.5) for k in range(n))[:n],
    "low quotes „": lambda n: "„" * n,
    "'wort ' repeated": lambda n: _repeat("wort ", n),
    "controls and bidi marks": lambda n: _repeat("Er\u200f sagte\x07 \u202eja\x85. ", n),
    "emoji": lambda n: _repeat("Super 🙂👍🏽🇩🇪 ", n),
    "'x. ' (dense tokens)": lambda n: _repeat("x. ", n),
    "many people with particles": _many_people,
    "many ministers and a role noun": _many_ministers,
}


def measure_one(kind: str, chars: int) -> dict[str, float]:
    """Analyse one input in this process (after a warm-up) and return its timing."""
    from toolkit import analyse
    from toolkit.model import coverage_problems

    analyse("Aufwärmen: Peskow sagte, das sei „gefährlich“.")  # load the models, untimed
    text = KINDS[kind](chars)
    cpu, wall = time.process_time(), time.perf_counter()
    document = analyse(text)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "seconds": wall,
        "cpu": cpu,
        "tokens": len(document.tokens),
        "problems": len(coverage_problems(document)),
    }


def timing_rows(kinds: list[str], chars: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for kind in kinds:
        command = [sys.executable, __file__, "--one", kind, "--chars", str(chars)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=1800)
        if done.returncode != 0:
            rows.append({"input": kind, "chars": chars, "seconds": None, "error": done.stderr})
            print(f"  {kind:<28} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        found = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append({"input": kind, "chars": chars, **found})
        print(
            f"  {kind:<28} {found['seconds']:>7.2f} s  (CPU {found['cpu']:>6.2f} s, "
            f"{found['tokens']:>7,} tokens, coverage problems {found['problems']})",
            flush=True,
        )
    # the ratio compares CPU seconds: on a shared machine wall time also counts other jobs
    reference = next((r["cpu"] for r in rows if r["input"] == "ordinary"), None)
    for row in rows:
        cpu = row.get("cpu")
        row["ratio"] = round(cpu / reference, 2) if reference and cpu is not None else None
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=100_000, help="length of each input")
    parser.add_argument("--inputs", type=int, default=2_000, help="campaign texts (0: none)")
    parser.add_argument("--kinds", default=",".join(KINDS), help="which inputs to time")
    parser.add_argument("--no-record", action="store_true", help="do not write scores.json")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(measure_one(arguments.one, arguments.chars)))
        return 0
    kinds = [kind for kind in arguments.kinds.split(",") if kind]
    print(f"== analyse() on {arguments.chars:,}-character inputs, one fresh process each ==")
    rows = timing_rows(kinds, arguments.chars)
    timed = [r for r in rows if r.get("seconds") is not None and r["input"] != "ordinary"]
    slowest = max(timed, key=lambda row: row["seconds"]) if timed else None
    print("\n" + _table(rows))
    summary: dict[str, object] = {"measure": "slowest 100k input", "input": None}
    if slowest is not None:
        summary.update({key: slowest.get(key) for key in ("input", "seconds", "cpu", "ratio")})
        print(
            f"\nslowest pathological input: {slowest['input']} {slowest['seconds']:.2f} s "
            f"(CPU {slowest['cpu']:.2f} s, {slowest['ratio']:.2f} x ordinary)"
        )
    campaign_row: dict[str, object] = {}
    if arguments.inputs:
        sys.path.insert(0, str(ROOT))
        from tests.campaign import run_campaign

        print(f"\n== campaign: {arguments.inputs:,} generated texts ==", flush=True)
        campaign = run_campaign(arguments.inputs, cli_every=2, widget_every=100)
        for entry, count in campaign.tried.items():
            print(f"  {entry:<32} {count:>7,} inputs")
        print(f"  inputs tried {campaign.inputs:,}, failures {len(campaign.failures)}, "
              f"{campaign.seconds:.0f} s; slowest analyse {campaign.slowest[0]:.2f} s")  # fmt: skip
        for entry, text, problem in campaign.failures[:20]:
            print(f"  FAIL {entry}: {text[:60]!r}: {problem}")
        campaign_row = {
            "measure": "campaign",
            "inputs": campaign.inputs,
            "failures": len(campaign.failures),
            "seconds": round(campaign.seconds, 1),
        }
    if not arguments.no_record and len(kinds) == len(KINDS):
        from toolkit.scores import record_scores

        record_scores(
            "robustness",
            [
                {
                    "measure": "analyse 100k",
                    **{k: row.get(k) for k in ("input", "seconds", "cpu", "ratio")},
                }
                for row in rows
            ]
            + [summary]
            + ([campaign_row] if campaign_row else []),
            note="`python bench/bench_robustness.py` (one fresh process per input, 2-core "
            "machine shared with other jobs; ratio = seconds / ordinary text).",
        )
        print("(recorded in toolkit/data/scores.json)")
    return 0


def _table(rows: list[dict[str, object]]) -> str:
    lines = [f"{'input':<28} {'seconds':>8} {'CPU s':>8} {'ratio':>6} {'tokens':>8}"]
    for row in rows:
        seconds, cpu, ratio = row.get("seconds"), row.get("cpu"), row.get("ratio")
        lines.append(
            f"{row['input']!s:<28} {'–' if seconds is None else f'{seconds:.2f}':>8} "
            f"{'–' if cpu is None else f'{cpu:.2f}':>8} "
            f"{'–' if ratio is None else f'{ratio:.2f}':>6} {row.get('tokens', '–')!s:>8}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
