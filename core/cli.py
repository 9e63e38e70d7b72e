"""The headless command line: `concord compare A B` to JSON, text or HTML."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from typing import TextIO

from core import __version__
from core.comparison.engine import compare
from core.errors import ConcordError, display_name, escape_text
from core.fileio import ensure_not_input, write_text_atomic
from core.model import Document, Options, Result
from core.readers.load import DEFAULT_MAX_BYTES, load_document
from core.report.text import render_text
from core.serialize import result_to_dict

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

EPILOG = """\
exit codes:
  0    the documents were compared (or the report was written)
  1    an internal error (please report it, with the message)
  2    bad usage or bad input: missing file, folder, empty, binary or undecodable file,
       file over the size limit, unsupported format, option out of range
  130  interrupted (Ctrl+C)

Without a command, `concord [A B]` opens the window (with A and B compared).
`concord report A B -o report.pdf|report.html` writes a printable report.
"""


def add_engine_options(parser: argparse.ArgumentParser, with_defaults: bool = True) -> None:
    """Options shared by every command that runs a comparison.

    Without defaults, an option not given is None (the window then keeps its saved setting).
    """
    group = parser.add_argument_group("comparison options")
    group.add_argument("--min-phrase", type=int, default=Options.min_phrase, metavar="N",
                       help="shortest verbatim run, in words, that counts as shared "
                            "(default %(default)s)")
    group.add_argument("--threshold", type=float, default=Options.threshold, metavar="F",
                       help="sentence similarity (0-1) from which a pair counts as reworded "
                            "(default %(default)s)")
    group.add_argument("--no-fold-case", action="store_true",
                       help="treat 'Minister' and 'minister' as different words")
    group.add_argument("--no-fold-punctuation", action="store_true",
                       help="treat punctuation and curly/straight quotes as part of words")
    group.add_argument("--encoding", metavar="ENC",
                       help="read both files with this encoding instead of detecting it")
    group.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1e6, metavar="MB",
                       help="refuse files larger than this many megabytes (default %(default)g)")
    if not with_defaults:
        parser.set_defaults(min_phrase=None, threshold=None, max_size=None)


def options_from_args(args: argparse.Namespace) -> Options:
    """Engine options from parsed arguments."""
    return Options(
        min_phrase=args.min_phrase,
        threshold=args.threshold,
        fold_case=not args.no_fold_case,
        fold_punctuation=not args.no_fold_punctuation,
    )


def load_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    """Both documents named on the command line; raises ConcordError with a clear message."""
    max_bytes = int(args.max_size * 1e6)
    docs = (load_document(args.a, args.encoding, max_bytes),
            load_document(args.b, args.encoding, max_bytes))
    for doc in docs:  # bad bytes replaced, encoding guessed...: the user must know
        for warning in doc.warnings:
            print(f"concord: warning: {display_name(doc.name)}: {escape_text(warning)}",
                  file=sys.stderr)
    return docs


def build_parser() -> argparse.ArgumentParser:
    """The `concord` argument parser with its `compare` command."""
    parser = argparse.ArgumentParser(
        prog="concord",
        description="Compare two documents: passages shared word for word, reworded, or unique "
                    "to either side, and the entities each names.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"concord {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    cmp = commands.add_parser(
        "compare", help="compare two files and print the result",
        description="Compare two files and print the result as text, JSON or HTML.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    cmp.add_argument("a", help="the first document (A)")
    cmp.add_argument("b", help="the second document (B)")
    cmp.add_argument("--format", choices=("text", "json", "html"),
                     help="output format (default: text on a terminal, JSON otherwise)")
    cmp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    cmp.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour in text output (default auto; NO_COLOR is honoured)")
    cmp.add_argument("--no-entities", action="store_true",
                     help="skip named-entity extraction (faster)")
    add_engine_options(cmp)
    commands.add_parser("report", help="write a printable report (PDF or HTML); "
                                       "see `concord report --help`", add_help=False)
    return parser


def add_entities(result: Result) -> Result:
    """The result with the entities of both documents filled in."""
    from core.entities import extract_entities  # spaCy is heavy: load it only when asked

    return replace(result, entities=extract_entities(*result.documents))


def render(result: Result, fmt: str, color: bool) -> str:
    """The result in ``fmt`` (text, json or html)."""
    if fmt == "json":
        return json.dumps(result_to_dict(result), ensure_ascii=False, indent=1) + "\n"
    if fmt == "html":
        from core.report import render_report_html

        return render_report_html(result)
    return render_text(result, color=color)


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def write_output(text: str, path: str | None) -> None:
    """Write ``text`` to ``path`` atomically (or to stdout)."""
    if not path:
        sys.stdout.write(text)
        return
    write_text_atomic(text, path)


def run_compare(args: argparse.Namespace) -> int:
    """The `compare` command."""
    options = options_from_args(args)
    if args.output:
        ensure_not_input(args.output, (args.a, args.b))
    doc_a, doc_b = load_pair(args)
    result = compare(doc_a, doc_b, options)
    if not args.no_entities:
        result = add_entities(result)
    to_terminal = args.output is None and sys.stdout.isatty()
    fmt = args.format or ("text" if to_terminal else "json")
    color = args.output is None and _use_color(args.color, sys.stdout)
    write_output(render(result, fmt, color), args.output)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run a headless command; returns the exit code (never raises for bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help/--version
        return int(exc.code or 0)
    if args.command != "compare":
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return run_compare(args)
    except ConcordError as exc:
        print(f"concord: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("concord: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        print(f"concord: cannot write {display_name(args.output or 'output')}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: a short message and the documented code, no traceback
        print(f"concord: internal error ({type(exc).__name__}: {escape_text(str(exc))}); "
              "please report it.", file=sys.stderr)
        return EXIT_INTERNAL
