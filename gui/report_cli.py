"""`concord report A B -o report.pdf|report.html`: a printable report, headless."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from core.cli import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    add_engine_options,
    print_warnings,
)
from core.errors import ConcordError, display_name, escape_text
from core.fileio import ensure_not_input
from core.view.modes import MODES

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


class UsageError(Exception):
    """Bad arguments that argparse cannot see (output suffix, output over an input)."""


def build_parser() -> argparse.ArgumentParser:
    """The `concord report` argument parser."""
    parser = argparse.ArgumentParser(
        prog="concord report",
        description="Compare two documents and write a printable report (PDF or HTML): "
                    "file details and hashes, summary, aligned passages, entities.",
    )
    parser.add_argument("a", help="document A")
    parser.add_argument("b", help="document B")
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="report to write; its suffix (.pdf or .html) picks the format")
    parser.add_argument("--page-size", default="A4", type=_page_size, metavar="A4|Letter",
                        help="paper size of the PDF (default A4)")
    parser.add_argument("--view", default="everything", choices=[m.key for m in MODES],
                        help="what the marks emphasise, as the window's View switch: "
                             "everything, copied (lifted word for word), changes, plain "
                             "(default everything)")
    add_engine_options(parser)
    return parser


def _page_size(value: str) -> str:
    names = {"a4": "A4", "letter": "Letter"}
    if value.lower() not in names:
        raise argparse.ArgumentTypeError(f"unknown page size '{value}' (use A4 or Letter)")
    return names[value.lower()]


def output_format(args: argparse.Namespace) -> str:
    """"pdf" or "html" from the output suffix; refuses to write over an input file."""
    out = Path(args.output)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise UsageError(f"{display_name(out.name)}: the report must end in .pdf or .html.")
    if out.is_dir():
        raise UsageError(f"{display_name(out)} is a folder; give a file name such as "
                         f"{display_name(out / 'report.pdf')}.")
    if not out.resolve().parent.is_dir():
        raise UsageError(f"{display_name(out.parent)}: no such folder for the report.")
    ensure_not_input(out, (args.a, args.b))
    return fmt


def _entities_left_out(exc: Exception) -> None:
    """A missing language model must not cost the whole report: warn and go on."""
    print(f"concord report: warning: entities left out ({exc})", file=sys.stderr)


def ensure_qt() -> object:
    """A QGuiApplication for painting the PDF; offscreen when there is no display."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or sys.platform in ("win32", "darwin")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["concord-report"])


def run(args: argparse.Namespace) -> int:
    """Load, compare and write the report; raises ConcordError / UsageError / OSError."""
    from core.app import compare_with, prestart_entities
    from core.options import engine_options, loading_options

    fmt = output_format(args)
    loading = loading_options(args)
    if loading.entities:  # the model loads in a child while the files are read, as compare's
        prestart_entities()
    result = compare_with((args.a, args.b), engine_options(args), loading,
                          on_entity_error=_entities_left_out)
    print_warnings(result.documents, "concord report")
    if fmt == "html":
        from core.report import write_report_html

        write_report_html(result, args.output, view=args.view)
        return EXIT_OK
    app = ensure_qt()
    from gui.printing import export_pdf

    export_pdf(result, args.output, args.page_size, view=args.view)
    del app
    return EXIT_OK


def main(argv: list[str]) -> int:
    """Run `concord report` with ``argv`` (without the word "report"); returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        return run(args)
    except (ConcordError, UsageError) as exc:
        print(f"concord report: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("concord report: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        print(f"concord report: cannot write {display_name(args.output)}: {exc.strerror or exc}",
              file=sys.stderr)
    except Exception as exc:  # a bug: one line and the documented code, no traceback
        print(f"concord report: internal error ({type(exc).__name__}: {escape_text(str(exc))}); "
              "please report it.", file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT
