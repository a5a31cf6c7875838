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
    else:
        from toolkit.tables import document_tables

        for title, frame in document_tables(document).items():
            sys.stdout.write(f"== {title} ({len(frame)} rows) ==\n")
            sys.stdout.write(frame.to_string(index=False) if len(frame) else "(none)")
            sys.stdout.write("\n\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (``analyse``, alias ``analyze``)."""
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
    analyse_parser.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        help=f"longest text accepted, in characters (default {DEFAULT_MAX_CHARS:,})",
    )
    analyse_parser.set_defaults(handler=_analyse_command)
    return parser


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
