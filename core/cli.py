"""The headless command line: `concord compare A B` to JSON, text or HTML."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from core import __version__, app
from core.errors import ConcordError, display_name, escape_text
from core.fileio import ensure_not_input, write_text_atomic
from core.jsontext import dumps
from core.model import Document, Options, Result
from core.options import LoadOptions, add_arguments, engine_options, loading_options
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
    """The flags of every option in core.options.OPTIONS (comparison and loading).

    Without defaults, an option not given is None (the window then keeps its saved setting).
    """
    add_arguments(parser, with_defaults)


def options_from_args(args: argparse.Namespace) -> Options:
    """Engine options from parsed arguments; OptionError naming a bad one."""
    return engine_options(args)


def load_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    """Both documents named on the command line; raises ConcordError with a clear message."""
    loading = loading_options(args)
    docs = app.load_pair((args.a, args.b), loading.encoding, loading.max_bytes)
    print_warnings(docs)
    return docs


def print_warnings(docs: tuple[Document, Document], prog: str = "concord") -> None:
    """Bad bytes replaced, encoding guessed...: the user must know, one line each."""
    for doc in docs:
        for warning in doc.warnings:
            print(f"{prog}: warning: {display_name(doc.name)}: {escape_text(warning)}",
                  file=sys.stderr)


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
    cmp.add_argument("a", help="the first document (A): a file (text, Markdown, Word, PDF, "
                               "web page, OpenDocument, RTF, e-mail), - for standard input, "
                               "or an http(s):// address")
    cmp.add_argument("b", help="the second document (B), likewise")
    cmp.add_argument("--format", choices=("text", "json", "html"),
                     help="output format (default: text on a terminal, JSON otherwise)")
    cmp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    cmp.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour in text output (default auto; NO_COLOR is honoured)")
    add_engine_options(cmp)
    commands.add_parser("report", help="write a printable report (PDF or HTML); "
                                       "see `concord report --help`", add_help=False)
    return parser


def add_entities(result: Result) -> Result:
    """The result with the entities of both documents filled in."""
    return app.add_entities(result)


def render(result: Result, fmt: str, color: bool) -> str:
    """The result in ``fmt`` (text, json or html)."""
    if fmt == "json":
        return dumps(result_to_dict(result)) + "\n"  # json.dumps(..., indent=1), faster
    if fmt == "html":
        from core.report import render_report_html

        return render_report_html(result)
    from core.report.text import render_text  # imported here: the report package is heavy

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


def compare_files(paths: tuple[str, str], options: Options, loading: LoadOptions) -> Result:
    """The application's comparison (core.app.compare_files) with the table's loading options."""
    return app.compare_with(paths, options, loading)


def run_compare(args: argparse.Namespace) -> int:
    """The `compare` command."""
    options, loading = engine_options(args), loading_options(args)
    if args.output:
        ensure_not_input(args.output, (args.a, args.b))
    if loading.entities:
        app.prestart_entities()
    result = compare_files((args.a, args.b), options, loading)
    print_warnings(result.documents)
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
