"""Command line: ``python -m toolkit analyse PATH`` (``-`` reads standard input).

JSON output is the stable contract that every stage extends (see the README). Every error a
user can cause prints one line on standard error and exits with status 1 (a closed or full
output too, ``> /dev/full``); argument mistakes exit with status 2 (argparse's convention).
A reader that closes the pipe early (``| head``) ends the output quietly with status 0.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import select
import stat
import sys
import time
import warnings
from collections.abc import Sequence

from toolkit.errors import CorpusError, InputError, ToolkitError
from toolkit.inputs import DEFAULT_MAX_CHARS, decode_text, read_text_file
from toolkit.pipeline import analyse

#: How long to wait for the first data from a named pipe (FIFO) before saying that no
#: program writes to it; reading would otherwise wait for ever.
FIFO_WAIT_SECONDS = 30.0


def read_input(path: str) -> str:
    """Read the text named on the command line; ``-`` means standard input."""
    if path == "-":
        stdin = sys.stdin
        if stdin is None or stdin.closed:
            raise InputError(
                "Standard input is closed: there is no text to read. Give a file name or pipe "
                "a text in. (Die Standardeingabe ist geschlossen: Dateiname angeben oder Text "
                "hineinleiten.)"
            )
        try:
            data = stdin.buffer.read()
        except (OSError, ValueError) as error:
            raise InputError(
                f"Standard input cannot be read ({error}). (Die Standardeingabe ist nicht lesbar.)"
            ) from error
        return decode_text(data, source="standard input")
    try:
        is_pipe = stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        is_pipe = False  # read_text_file explains a missing or unreadable file
    if is_pipe:
        return decode_text(_read_pipe(path, FIFO_WAIT_SECONDS), source=path)
    return read_text_file(path)


def _read_pipe(path: str, wait: float) -> bytes:
    """Read a named pipe; fail if no data (and no end) arrives within ``wait`` seconds."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # does not wait for a writer
    except OSError as error:
        raise CorpusError(
            f"Cannot open the pipe {path}: {error.strerror}. (Die Pipe ist nicht lesbar.)"
        ) from error
    try:
        deadline = time.monotonic() + wait
        while not select.select([descriptor], [], [], max(0.0, deadline - time.monotonic()))[0]:
            if time.monotonic() >= deadline:
                raise InputError(
                    f"Nothing arrived from the pipe {path} within {wait:g} s: no program "
                    f"writes to it. (Aus der Pipe {path} kam {wait:g} s lang nichts: kein "
                    "Programm schreibt hinein.)"
                )
        os.set_blocking(descriptor, True)
        chunks = []
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


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
        help="default (the lexicon rules), learned, textblob-de, or sentiws:PATH (your SentiWS)",
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


def _positive_int(value: str) -> int:
    """Parse ``--max-chars``: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a positive whole number (keine positive ganze Zahl)"
        )
    return number


def _add_max_chars(parser: argparse.ArgumentParser, unit: str) -> None:
    parser.add_argument(
        "--max-chars",
        type=_positive_int,
        default=DEFAULT_MAX_CHARS,
        help=f"longest {unit} accepted, in characters (default {DEFAULT_MAX_CHARS:,})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = build_parser().parse_args(argv)
    if getattr(arguments, "indent", None) == 0:
        arguments.indent = None
    if sys.stdout is None or sys.stdout.closed:  # `python -m toolkit analyse x.txt >&-`
        _error(
            "Standard output is closed: there is nowhere to write the result. (Die "
            "Standardausgabe ist geschlossen.)"
        )
        return 1
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning  # one line, no source path and code line
            status = int(arguments.handler(arguments))
        sys.stdout.flush()  # a full disk shows here, not after main has returned
        return status
    except ToolkitError as error:
        _error(str(error))
        return 1
    except BrokenPipeError:  # e.g. `python -m toolkit analyse x.txt | head`
        _discard_output()
        return 0
    except OSError as error:  # the output cannot be written: `> /dev/full` (ENOSPC)
        _discard_output()
        reason = error.strerror or str(error)
        _error(
            f"Cannot write the output: {reason}. (Die Ausgabe kann nicht geschrieben werden: "
            f"{reason}.)"
        )
        return 1
    except KeyboardInterrupt:
        _error("interrupted", prefix="toolkit: ")
        return 130


def _show_warning(message: Warning | str, *_where: object, **_options: object) -> None:
    _error(str(message), prefix="toolkit: warning: ")


def _error(message: str, prefix: str = "toolkit: error: ") -> None:
    if sys.stderr is not None and not sys.stderr.closed:
        with contextlib.suppress(OSError):  # nowhere left to report; the status still says it
            print(f"{prefix}{message}", file=sys.stderr)


def _discard_output() -> None:
    """Point standard output at the null device, so Python's final flush cannot fail again."""
    if sys.stdout is not sys.__stdout__:
        return  # captured output (tests, notebooks): leave the real descriptor alone
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
