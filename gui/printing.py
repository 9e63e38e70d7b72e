"""Print, preview and export comparison reports: core's HTML laid out by Qt, page by page."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from core.errors import escape_text
from core.fileio import publish, temp_beside
from core.model import Result
from core.report import build_report, render_html
from gui.pagination import paginate

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(14, 10, 14, 10)
BAND_PT = 16  # height of the running header and of the footer
BODY_FONT = "DejaVu Sans"
PDF_DPI = 300
A_COLUMN, B_COLUMN = 0.14, 0.57  # where the A and B columns of the row tables start


@dataclass(frozen=True)
class Running:
    """The text of the running header and footer."""

    left: str
    right: str
    footer: str


def page_size_id(name: str) -> QPageSize.PageSizeId:
    """The Qt page size for "A4" or "Letter" (case-insensitive); ValueError otherwise."""
    try:
        return PAGE_SIZES[name.upper()]
    except KeyError:
        raise ValueError(f"unknown page size '{name}'; use A4 or Letter") from None


def running_text(result: Result, generated: str) -> Running:
    """Both file names for the header; time and short hashes for the footer."""
    doc_a, doc_b = result.documents
    footer = (f"Concord report · {generated} · SHA-256 A {doc_a.sha256[:12]}… "
              f"B {doc_b.sha256[:12]}…")
    return Running(f"A: {escape_text(doc_a.name)}", f"B: {escape_text(doc_b.name)}", footer)


def report_font(point_size: float) -> QFont:
    """The report font without ligatures, so text copied from the PDF reads "fi", not "ﬁ"."""
    font = QFont(BODY_FONT)
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def report_document(html: str) -> QTextDocument:
    """A QTextDocument holding the report, wrapping long words anywhere if it must."""
    doc = QTextDocument()
    doc.setDefaultFont(report_font(9))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    return doc


def paint_pages(device: QPagedPaintDevice, doc: QTextDocument, running: Running,
                first: int = 1, last: int = 0) -> int:
    """Lay ``doc`` out for ``device`` and paint pages ``first``..``last`` (0: to the end).

    Each page gets the running header (both file names) and a footer with
    "Page n of N"; returns the total page count.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?)")
    try:
        dpi = device.logicalDpiY()
        band = BAND_PT * dpi / 72
        width, height = float(device.width()), float(device.height())
        body_height = height - 2 * band
        doc.documentLayout().setPaintDevice(device)
        pages = paginate(doc, width, body_height)
        total = len(pages)
        last = total if last <= 0 else min(last, total)
        for index in range(max(1, first) - 1, last):
            if index > max(1, first) - 1:
                device.newPage()
            page = pages[index]
            _paint_bands(painter, running, index + 1, total, width, height, band)
            y = band
            if page.header is not None:  # a table runs on from the page before: its header
                y += _paint_slice(painter, doc, page.header[0], page.header[1], y, width)
            _paint_slice(painter, doc, page.top, page.bottom, y, width)
            if page.continued:
                _paint_continued(painter, page.continued, y, width)
    finally:
        painter.end()
    return total


def _paint_slice(painter: QPainter, doc: QTextDocument, top: float, bottom: float, y: float,
                 width: float) -> float:
    """Paint the slice [top, bottom) of the laid-out report at ``y``; returns its height."""
    painter.save()
    painter.translate(0, y - top)
    doc.drawContents(painter, QRectF(0, top, width, bottom - top))
    painter.restore()
    return bottom - top


def _paint_continued(painter: QPainter, label: str, y: float, width: float) -> None:
    """'Match 5 (continued)' in the meta column, level with the row's resumed text."""
    font = report_font(6.5)
    font.setItalic(True)
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.black, 0))
    metrics = QFontMetricsF(font, painter.device())
    pad = metrics.averageCharWidth()
    box = QRectF(pad, y + pad / 2, width * A_COLUMN - 2 * pad, metrics.height() * 2.2)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                              | Qt.TextFlag.TextWordWrap), label)


def _paint_bands(painter: QPainter, running: Running, page: int, total: int,
                 width: float, height: float, band: float) -> None:
    """Running header (A left, B right, rule below) and footer (details, page n of N)."""
    font = report_font(7)
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.black, 0))
    metrics = QFontMetricsF(font, painter.device())
    pad = metrics.averageCharWidth()
    # The file names sit over the A and B columns of the aligned comparison.
    columns = ((0.0, A_COLUMN, "Concord report"), (A_COLUMN, B_COLUMN, running.left),
               (B_COLUMN, 1.0, running.right))
    for lo, hi, text in columns:
        box = QRectF(width * lo + pad, 0, width * (hi - lo) - 2 * pad, band * 0.75)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, box.width())
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         shown)
    painter.drawLine(0, int(band * 0.8), int(width), int(band * 0.8))
    bottom = QRectF(0, height - band * 0.75, width, band * 0.75)
    page_text = f"Page {page} of {total}"
    room = width - metrics.horizontalAdvance(page_text) - metrics.averageCharWidth() * 3
    footer = metrics.elidedText(running.footer, Qt.TextElideMode.ElideRight, room)
    painter.drawLine(0, int(height - band * 0.8), int(width), int(height - band * 0.8))
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     footer)
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     page_text)


def _prepared(result: Result, view: str | None = None) -> tuple[QTextDocument, Running]:
    report = build_report(result)
    return report_document(render_html(report, view)), running_text(result, report.generated)


def _set_layout(device: QPagedPaintDevice, page_size: str) -> None:
    device.setPageSize(QPageSize(page_size_id(page_size)))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


def export_pdf(result: Result, path: str, page_size: str = "A4",
               view: str | None = None) -> int:
    """Write the report of ``result`` to ``path`` as PDF (atomically); returns the page count."""
    page_id = page_size_id(page_size)  # validate before touching the disk
    target = Path(path)
    fd, tmp = temp_beside(target)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(PDF_DPI)
        writer.setCreator(f"Concord {_version()}")
        writer.setTitle(f"Concord report: {escape_text(result.documents[0].name)} / "
                        f"{escape_text(result.documents[1].name)}")
        _set_layout(writer, "A4" if page_id == PAGE_SIZES["A4"] else "Letter")
        doc, running = _prepared(result, view)
        pages = paint_pages(writer, doc, running)
        del writer  # flushes and closes the file
        publish(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


def export_html(result: Result, path: str, view: str | None = None) -> None:
    """Write the self-contained HTML report of ``result`` to ``path`` (atomically)."""
    from core.report import write_report_html

    write_report_html(result, path, view=view)


def _version() -> str:
    import core

    return core.__version__


def print_result(parent: QWidget, result: Result, view: str | None = None) -> None:
    """Ask for a printer (QPrintDialog) and print the report, honouring the page range."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _set_layout(printer, "A4")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print comparison report")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    doc, running = _prepared(result, view)
    first, last = 1, 0
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = printer.fromPage(), printer.toPage()
    paint_pages(printer, doc, running, first, last)


def preview_result(parent: QWidget, result: Result, view: str | None = None) -> None:
    """Show the report in a QPrintPreviewDialog (page size and printer can be changed there)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _set_layout(printer, "A4")
    doc, running = _prepared(result, view)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview: comparison report")
    dialog.paintRequested.connect(lambda device: paint_pages(device, doc, running))
    # Qt opens it at about 530 px square; a page should be readable without resizing.
    if parent is not None:
        dialog.resize(max(800, parent.width() * 3 // 4), max(700, parent.height() * 9 // 10))
    dialog.exec()
