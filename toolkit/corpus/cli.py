"""``python -m toolkit corpus INPUT --out DIR``: analyse a folder of texts into tables.

:func:`add_corpus_command` adds the sub-command to the toolkit's parser; everything else
lives here, so the main command line module stays small.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from toolkit.corpus.export import FORMATS
from toolkit.corpus.schedulers import SCHEDULERS
from toolkit.inputs import DEFAULT_MAX_CHARS

__all__ = ["add_corpus_command", "corpus_command"]

DESCRIPTION = """\
Analyse every *.txt file of INPUT (a folder, searched recursively, or one file) and write
tables to DIR: documents.csv, sentences.csv, tokens.csv, speech.csv, speakers.csv,
errors.csv (and documents.jsonl, conllu/<document>.conllu on request). Metadata come from a
metadata.csv beside the texts (column 'file', then any fields) or NAME.json beside NAME.txt.
Every file is written atomically; manifest.json marks a complete set, INCOMPLETE.txt an
interrupted one (continue it with --resume).
"""


def add_corpus_command(commands: Any) -> argparse.ArgumentParser:
    """Add ``corpus`` to the sub-command parsers of :func:`toolkit.cli.build_parser`."""
    parser = commands.add_parser(
        "corpus",
        help="analyse a folder of .txt files into CSV, JSON lines or CoNLL-U tables",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="a folder of .txt files, or one file")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the tables")
    parser.add_argument(
        "--format",
        default="csv",
        help=f"comma-separated list of {', '.join(FORMATS)} (default csv)",
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: all cores)"
    )
    parser.add_argument("--scheduler", choices=SCHEDULERS, default="local")
    parser.add_argument(
        "--dask-address", default=None, help="a running Dask scheduler (default: local cluster)"
    )
    parser.add_argument(
        "--encoding",
        default="auto",
        help="auto (detect, recorded per document) or a codec name such as cp1252",
    )
    parser.add_argument(
        "--resume", action="store_true", help="keep documents whose outputs are complete"
    )
    parser.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        help=f"longest text accepted, in characters (default {DEFAULT_MAX_CHARS:,})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=corpus_command)
    return parser


def corpus_command(arguments: argparse.Namespace) -> int:
    """Run the corpus command; the summary goes to standard error."""
    from tqdm import tqdm

    from toolkit.config import AnalysisConfig
    from toolkit.corpus.batch import export_corpus
    from toolkit.errors import InputError

    if arguments.max_chars < 1:
        raise InputError("--max-chars must be 1 or more. (--max-chars muss positiv sein.)")
    bars: list[tqdm] = []  # started by the first progress report: a usage error comes alone

    def progress(done: int, total: int, name: str) -> None:
        if not bars:
            bars.append(tqdm(total=total, unit=" Texte", file=sys.stderr, disable=arguments.quiet))
        bar = bars[0]
        bar.total = total
        bar.n = done
        # a file name may hold a line break: shown escaped, the bar stays one line
        shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name[-40:])
        bar.set_postfix_str(shown, refresh=False)
        bar.refresh()

    try:
        written = export_corpus(
            arguments.input,
            arguments.out,
            formats=arguments.format,
            workers=arguments.workers,
            scheduler=arguments.scheduler,
            dask_address=arguments.dask_address,
            encoding=arguments.encoding,
            config=AnalysisConfig(max_chars=arguments.max_chars),
            resume=arguments.resume,
            progress=progress,
        )
    finally:
        for bar in bars:
            bar.close()
    import json
    from pathlib import Path

    manifest = json.loads((Path(arguments.out) / "manifest.json").read_text(encoding="utf-8"))
    one = manifest["documents"] == 1
    print(
        f"toolkit: {manifest['documents']} {'Text' if one else 'Texte'} analysiert / "
        f"{'document' if one else 'documents'} analysed, "
        f"{manifest['errors']} in errors.csv; {len(written)} Dateien / files in {arguments.out}",
        file=sys.stderr,
    )
    return 0
