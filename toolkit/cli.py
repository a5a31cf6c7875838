"""Command line: ``python -m toolkit analyse PATH`` (``-`` reads standard input).

JSON output is the stable contract that every stage extends (see the README). Every error a
user can cause prints one line on standard error and exits with status 1; argument mistakes
exit with status 2 (argparse's convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from toolkit.errors import ToolkitError
from toolkit.inputs import DEFAULT_MAX_CHARS, decode_text, read_text_file
from toolkit.pipeline import analyse


def read_input(path: str) -> str:
    """Read the text named on the command line; ``-`` means standard input."""
    if path == "-":
        return decode_text(sys.stdin.buffer.read(), source="standard input")
    return read_text_file(path)


def _analyse_command(arguments: argparse.Namespace) -> int:
    document = analyse(read_input(arguments.path), max_chars=arguments.max_chars)
    if arguments.format == "json":
        json.dump(document.to_dict(), sys.stdout, ensure_ascii=False, indent=arguments.indent)
        sys.stdout.write("\n")
    else:  # fits the terminal (at most 100 columns) and says where the full tables are
        from toolkit.terminal import format_tables

        sys.stdout.write(format_tables(document))
    return 0


def _sentiment_command(arguments: argparse.Namespace) -> int:
    from toolkit.errors import InputError
    from toolkit.sentiment import line_record
    from toolkit.sentiment.backends import resolve_backend

    resolve_backend(arguments.backend)  # a bad name fails before any output
    stages = {} if arguments.full else {"tagging": False, "mood": False, "speech": False}
    for number, line in enumerate(read_input(arguments.path).splitlines(), start=1):
        if not line.strip():  # keep one output line per input line
            record = {"polarity": 0.0, "label": "neutral", "subjectivity": 0.0, "words": []}
        else:
            try:
                document = analyse(
                    line,
                    max_chars=arguments.max_chars,
                    sentiment_backend=arguments.backend,
                    **stages,
                )
            except InputError as error:
                raise InputError(f"line {number}: {error}") from error
            record = line_record(document)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (``analyse``, alias ``analyze``; ``sentiment``)."""
    parser = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="Analyse German news text: tokens, sentences, verb mood, reported speech, "
        "sentiment.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyse_parser = commands.add_parser(
        "analyse",
        aliases=["analyze"],
        help="analyse one text file and print JSON or tables",
        description="Analyse one UTF-8 text file (or standard input with '-').",
    )
    analyse_parser.add_argument("path", help="a UTF-8 .txt file, or - for standard input")
    analyse_parser.add_argument(
        "--format", choices=["json", "table"], default="json", help="output format (json)"
    )
    analyse_parser.add_argument(
        "--indent", type=int, default=2, help="JSON indentation (default 2; 0 for one line)"
    )
    _add_max_chars(analyse_parser, "text")
    analyse_parser.set_defaults(handler=_analyse_command)
    sentiment_parser = commands.add_parser(
        "sentiment",
        help="sentiment of one text per line, as JSON lines",
        description="Read one text per line (a UTF-8 file, or standard input with '-') and "
        'write one JSON object per line: {"polarity", "label", "subjectivity", "words"} with '
        "the words that counted. Blank lines give a neutral record.",
    )
    sentiment_parser.add_argument("path", help="a UTF-8 .txt file, or - for standard input")
    sentiment_parser.add_argument(
        "--backend",
        default="default",
        help="default, textblob-de, or sentiws:PATH (your copy of SentiWS)",
    )
    sentiment_parser.add_argument(
        "--full",
        action="store_true",
        help="run the whole pipeline (tagging, mood, speech) first; slower, lemmas used",
    )
    _add_max_chars(sentiment_parser, "line")
    sentiment_parser.set_defaults(handler=_sentiment_command)
    from toolkit.corpus.cli import add_corpus_command  # a folder of texts -> tables

    add_corpus_command(commands)
    return parser


def _add_max_chars(parser: argparse.ArgumentParser, unit: str) -> None:
    parser.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        help=f"longest {unit} accepted, in characters (default {DEFAULT_MAX_CHARS:,})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = build_parser().parse_args(argv)
    if getattr(arguments, "indent", None) == 0:
        arguments.indent = None
    try:
        return int(arguments.handler(arguments))
    except ToolkitError as error:
        print(f"toolkit: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `python -m toolkit analyse x.txt | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("toolkit: interrupted", file=sys.stderr)
        return 130
