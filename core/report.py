"""Comparison reports: the one entry point the GUI and the CLI use to turn a Result into HTML."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core.model import Result
from core.report_html import render_html
from core.report_model import Report, build_report

__all__ = [
    "Report",
    "build_report",
    "render_html",
    "render_report_html",
    "report_html",
    "write_report_html",
]


def report_html(result: Result, title: str = "Concord comparison report",
                generated: str | None = None) -> str:
    """The complete, self-contained report for ``result`` as an HTML string."""
    return render_html(build_report(result, title=title, generated=generated))


render_report_html = report_html  # the name core.cli uses for `compare --format html`


def publish(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Give a finished temporary file the usual permissions and move it onto ``target``."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, target)


def write_text_atomic(text: str, path: str | os.PathLike[str]) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temporary file in the same folder."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                               dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        publish(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report_html(result: Result, path: str | os.PathLike[str]) -> None:
    """Write the self-contained HTML report of ``result`` to ``path`` atomically."""
    write_text_atomic(report_html(result), path)
