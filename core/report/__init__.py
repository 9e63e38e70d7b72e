"""Comparison reports: the one entry point the GUI and the CLI use to turn a Result into HTML."""

from __future__ import annotations

import os

from core.fileio import write_text_atomic
from core.model import Result
from core.report.html import render_html
from core.report.model import Report, build_report

__all__ = [
    "Report",
    "build_report",
    "render_html",
    "render_report_html",
    "report_html",
    "write_report_html",
]


def report_html(result: Result, title: str = "Concord comparison report",
                generated: str | None = None, view: str | None = None) -> str:
    """The complete, self-contained report for ``result`` as an HTML string, its marks drawn
    as in ``view`` (core.view.modes: everything, copied, changes, plain)."""
    return render_html(build_report(result, title=title, generated=generated), view=view)


render_report_html = report_html  # the name core.cli uses for `compare --format html`


def write_report_html(result: Result, path: str | os.PathLike[str],
                      view: str | None = None) -> None:
    """Write the self-contained HTML report of ``result`` to ``path`` atomically."""
    write_text_atomic(report_html(result, view=view), path)
