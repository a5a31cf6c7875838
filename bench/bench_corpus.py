"""Corpus research at scale: speed against raw SoMaJo, linear growth, workers, flat memory.

Usage: python bench/bench_corpus.py [DATA_FOLDER] [--parts first,growth,workers,memory]
       [--sizes 0.5,1,2,4] [--repeat 3] [--no-record]

Data: WikiNews dev (150 articles; the memory check also reads 600 train articles) from
DATA_FOLDER or $TOOLKIT_EVAL_DATA. Every figure is a ratio of two runs in this one run, so a
busy machine slows both sides alike. The figures are recorded in toolkit/data/scores.json
(section "corpus") unless --no-record.

1. first pass: CPU time of ``toolkit.analyse`` on every dev article, per-word memos empty
   (a fresh process), divided by the CPU time of raw SoMaJo (tokens and sentences with
   character offsets) on the same texts. Target <= 1.0. Then the same once more with the
   tagger's analyses of that run read back from disk (``toolkit.tagging.disk_memo``), as a
   new process finds them: a kernel started again, the next run over a folder.
2. growth: one text of 0.5, 1, 2 and 4 MB (dev articles joined), ``analyse`` CPU time; the
   speech stage is timed apart. Target: 4 MB <= 9x the time of 0.5 MB.
3. workers: ``python -m toolkit corpus`` on the dev articles as .txt files, wall time with 1
   and with 2 workers, the best of ``--repeat`` runs of each (alternating: on a shared machine
   one run's wall time varies by up to 40 %). Target >= 1.7x.
4. memory: peak resident memory of the corpus command (1 worker) on 150 and on 600 train
   articles.
   Target: 4x the corpus <= 1.15x the memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from _common import forget_memos, timed

import toolkit
from toolkit.evaluation.speech_corpora import read_wikinews
from toolkit.speech import analyse_speech

ROOT = Path(__file__).resolve().parent.parent


def somajo_pass(texts: list[str]) -> int:
    from somajo import SoMaJo

    tokenizer = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True,
                       character_offsets=True)  # fmt: skip
    tokens = 0
    for text in texts:
        for sentence in tokenizer.tokenize_text([text]):
            tokens += len(sentence)
    return tokens


def first_pass(texts: list[str]) -> list[dict]:
    toolkit.analyse("Aufwärmen: Peskow sagte, die Modelle seien geladen.")
    somajo_pass(["Aufwärmen."])
    somajo = timed(lambda: somajo_pass(texts))
    with tempfile.TemporaryDirectory() as folder:
        disk = Path(folder) / "tagger.sqlite"
        forget_memos(disk)  # empty memos; the tagger's analyses are written to disk meanwhile
        documents: list[toolkit.Document] = []
        pipeline = timed(lambda: documents.extend(toolkit.analyse(text) for text in texts))
        # a new process after that run (a kernel started again, the next corpus run): the
        # memos in memory are empty, the tagger reads its analyses back from disk
        forget_memos(disk)
        again = timed(lambda: [toolkit.analyse(text) for text in texts])
    tokens = sum(len(document.tokens) for document in documents)
    ratio, ratio_again = pipeline[0] / somajo[0], again[0] / somajo[0]
    print(f"== first pass, WikiNews dev: {len(texts)} articles, {tokens:,} tokens ==")
    for label, (cpu, _) in (
        ("raw SoMaJo (offsets, sentences)", somajo),
        ("toolkit.analyse, empty memos", pipeline),
        ("the same, tagger memo on disk", again),
    ):
        print(f"  {label:<32} {cpu:7.2f} s CPU  {tokens / cpu:8,.0f} tokens/s")
    print(f"  ratio {ratio:.2f} (target <= 1.0); with the tagger's analyses on disk "
          f"{ratio_again:.2f}")  # fmt: skip
    return [
        {
            "system": "toolkit",
            "measure": "first pass CPU / raw SoMaJo CPU (WikiNews dev)",
            "value": round(ratio, 2),
            "target": "<= 1.0",
            "n": tokens,
        },
        {
            "system": "toolkit",
            "measure": "first pass CPU, tagger analyses on disk from an earlier run / raw SoMaJo",
            "value": round(ratio_again, 2),
            "target": "<= 1.0",
            "n": tokens,
        },
        {
            "system": "toolkit",
            "measure": "first pass tokens per CPU second (WikiNews dev)",
            "value": round(tokens / pipeline[0]),
            "target": "",
            "n": tokens,
        },
    ]


def growth(texts: list[str], sizes: list[float]) -> list[dict]:
    joined = "\n\n".join(texts)
    print("== growth: one text of each size ==")
    times = {}
    for size in sizes:
        characters = int(size * 1_000_000)
        text = (joined * (characters // len(joined) + 1))[:characters]
        cpu, _ = timed(lambda text=text: toolkit.analyse(text, max_chars=len(text), speech=False))
        document = toolkit.analyse(text, max_chars=len(text), speech=False)
        speech, _ = timed(lambda document=document: analyse_speech(document))
        times[size] = (cpu + speech, speech)
        print(f"  {size:4} MB  {cpu + speech:8.1f} s CPU, of which speech {speech:7.1f} s")
    smallest, largest = min(sizes), max(sizes)
    ratio = times[largest][0] / times[smallest][0]
    speech_ratio = times[largest][1] / times[smallest][1]
    factor = largest / smallest
    print(f"  {largest} MB / {smallest} MB: {ratio:.1f}x (target <= {factor * 9 / 8:.0f}x); "
          f"speech alone {speech_ratio:.1f}x")  # fmt: skip
    return [
        {
            "system": "toolkit",
            "measure": f"CPU time {largest} MB / {smallest} MB text",
            "value": round(ratio, 1),
            "target": f"<= {factor * 9 / 8:.0f}",
            "n": int(largest * 1_000_000),
        },
        {
            "system": "toolkit",
            "measure": f"speech stage CPU {largest} MB / {smallest} MB text",
            "value": round(speech_ratio, 1),
            "target": f"<= {factor * 9 / 8:.0f}",
            "n": int(largest * 1_000_000),
        },
    ]


def write_corpus(texts: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"artikel_{number:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def corpus_command(folder: Path, out: Path, workers: int) -> tuple[float, int, float]:
    """Wall seconds, peak memory (KiB) and CPU seconds of one `python -m toolkit corpus` run.

    The CPU time includes the worker processes (they are waited for by the command).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    code = (
        "import resource, sys\nfrom toolkit.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\nsys.exit(status)\n"
    )
    started = time.perf_counter()
    finished = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "corpus",
            str(folder),
            "--out",
            str(out),
            "--workers",
            str(workers),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        # every run works its analyses out: none read back from the last run's disk memo
        env={**os.environ, "TOOLKIT_TAGGER_MEMO": "0"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, int(finished.stdout.split()[-1]), cpu


def workers(texts: list[str], scratch: Path, repeat: int) -> list[dict]:
    folder = write_corpus(texts, scratch / "dev")
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):  # alternate, so a slow spell of a shared machine hits both
        for count in (1, 2):
            shutil.rmtree(scratch / f"out{count}", ignore_errors=True)
            wall, _, cpu = corpus_command(folder, scratch / f"out{count}", count)
            walls[count].append(wall)
            cpus[count].append(cpu)
    same = all(
        (scratch / "out1" / name).read_bytes() == (scratch / "out2" / name).read_bytes()
        for name in ("documents.csv", "tokens.csv", "speech.csv", "speakers.csv")
    )
    one, two = min(walls[1]), min(walls[2])
    print(f"== workers: corpus command on {len(texts)} articles, best of {repeat} ==")
    print(
        f"  1 worker {one:6.1f} s wall, 2 workers {two:6.1f} s wall: {one / two:.2f}x "
        f"(target >= 1.7); same tables: {same}"
    )
    print(f"  medians: {median(walls[1]):.1f} s and {median(walls[2]):.1f} s wall, "
          f"{median(cpus[1]):.1f} s and {median(cpus[2]):.1f} s CPU (all processes); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
    return [
        {
            "system": "toolkit",
            "measure": f"wall time 1 worker / 2 workers ({len(texts)} articles)",
            "value": round(one / two, 2),
            "target": ">= 1.7",
            "n": len(texts),
        },
        {
            "system": "toolkit",
            "measure": "load average during the worker run (2 cores)",
            "value": round(os.getloadavg()[0], 1),
            "target": "",
            "n": len(texts),
        },
    ]


def memory(small: list[str], large: list[str], scratch: Path) -> list[dict]:
    _, peak_small, _ = corpus_command(write_corpus(small, scratch / "m1"), scratch / "o1", 1)
    _, peak_large, _ = corpus_command(write_corpus(large, scratch / "m4"), scratch / "o4", 1)
    size_small, size_large = sum(map(len, small)), sum(map(len, large))
    ratio = peak_large / peak_small
    print("== memory: corpus command, 1 worker ==")
    print(f"  {len(small)} articles ({size_small / 1e6:.1f} MB): peak {peak_small / 1024:.0f} MiB")
    print(f"  {len(large)} articles ({size_large / 1e6:.1f} MB): peak {peak_large / 1024:.0f} MiB")
    print(f"  {size_large / size_small:.1f}x the corpus, {ratio:.2f}x the memory (target <= 1.15)")
    return [
        {
            "system": "toolkit",
            "measure": f"peak memory {size_large / size_small:.1f}x corpus / 1x corpus",
            "value": round(ratio, 2),
            "target": "<= 1.15",
            "n": len(large),
        }
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=None, help="evaluation data folder")
    parser.add_argument("--parts", default="first,growth,workers,memory")
    parser.add_argument("--sizes", default="0.5,1,2,4", help="text sizes in MB for growth")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each worker count")
    parser.add_argument("--no-record", action="store_true")
    arguments = parser.parse_args()
    parts = set(arguments.parts.split(","))
    texts = [document.text for document in read_wikinews(arguments.path, "dev")]
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as scratch:
        if "first" in parts:
            rows += first_pass(texts)
        if "workers" in parts:
            rows += workers(texts, Path(scratch), arguments.repeat)
        if "memory" in parts:
            train = [d.text for d in read_wikinews(arguments.path, "train", limit=4 * len(texts))]
            rows += memory(train[: len(texts)], train, Path(scratch))
        if "growth" in parts:
            rows += growth(texts, [float(size) for size in arguments.sizes.split(",")])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process: peak {peak:.0f} MiB)")
    if not arguments.no_record:
        from toolkit.scores import load_scores, record_scores

        old = {row["measure"]: row for row in load_scores().get("corpus", {}).get("rows", [])}
        old.update({row["measure"]: row for row in rows})  # a partial run keeps the others
        record_scores(
            "corpus",
            list(old.values()),
            note="`python bench/bench_corpus.py` (ratios of two runs in one run, 2-core machine).",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
