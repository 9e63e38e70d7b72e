"""Page breaks chosen by Concord, not Qt: rows stay whole, long rows say '(continued)'.

Qt's own pagination splits a table row anywhere, so a row's number could stay on one page
and its text run on without it. The report is laid out as one tall page instead, and the
breaks are chosen here: before a row that does not fit, or, for a row taller than a page,
between two lines (never through one), repeating the row's heading on the next page.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat, QTextTable

ROW_HEADINGS = ("Match ", "Matches ", "Only in ")
TALL = 8_000_000.0  # one page tall enough for any report (Qt lays out in 26.6 fixed point)
MIN_LINES = 3  # a row broken across pages keeps at least this many lines before the break


@dataclass(frozen=True)
class Page:
    """One printed page: the slice [top, bottom) of the laid-out report, and its heading."""

    top: float
    bottom: float
    continued: str = ""  # "Match 5 (continued)" when a row runs on from the page before
    header: tuple[float, float] | None = None  # a table's header row, repeated above [top, ...)


@dataclass(frozen=True)
class _Row:
    top: float
    bottom: float
    heading: str
    keep: float  # the row may only break below this y (its heading and first lines)


@dataclass(frozen=True)
class _Head:
    """A table's header row [top, bottom) and where the table ends: a page starting between
    the two repeats the header row."""

    top: float
    bottom: float
    table_bottom: float


def paginate(doc: QTextDocument, width: float, height: float) -> list[Page]:
    """Lay ``doc`` out ``width`` wide and cut it into pages at most ``height`` tall."""
    starts = _take_page_breaks(doc)  # Qt would paginate the tall page at these
    doc.setPageSize(QSizeF(width, TALL))
    lines = _lines(doc)
    layout = doc.documentLayout()
    forced = sorted(layout.blockBoundingRect(doc.findBlockByNumber(n)).top() for n in starts)
    rows, heads = _rows(doc)
    end = max((bottom for _top, bottom in lines), default=0.0) + 1.0
    breaks = _safe_breaks(lines)
    pages: list[Page] = []
    top, continued = 0.0, ""
    while top < end - 0.5:
        head = None if _is_forced(forced, top) else _head_at(heads, top)
        room = height - (head.bottom - head.top if head else 0.0)
        bottom = _next_break(top, room, end, breaks, rows, forced)
        pages.append(Page(top, bottom, continued, (head.top, head.bottom) if head else None))
        row = None if _is_forced(forced, bottom) else _row_at(rows, bottom)
        continued = f"{row.heading} (continued)" if row is not None and row.heading else ""
        top = bottom
    return pages or [Page(0.0, height)]


def _take_page_breaks(doc: QTextDocument) -> list[int]:
    """Numbers of the blocks that start a new page ("page-break-before"); the breaks are
    removed from the document, and made by :func:`paginate` instead."""
    starts = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            starts.append(block.blockNumber())
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            cursor = QTextCursor(block)
            cursor.setBlockFormat(fmt)
        block = block.next()
    return starts


def _lines(doc: QTextDocument) -> list[tuple[float, float]]:
    """Every laid-out line as (top, bottom), sorted."""
    layout = doc.documentLayout()
    lines: list[tuple[float, float]] = []
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            lines.append((rect.top() + line.y(), rect.top() + line.y() + line.height()))
        block = block.next()
    lines.sort()
    return lines


def _safe_breaks(lines: list[tuple[float, float]]) -> list[float]:
    """Tops of lines that no other line overlaps: a cut there goes through no text."""
    safe, reach = [], float("-inf")
    for top, bottom in lines:
        if top >= reach - 0.5:
            safe.append(top)
        reach = max(reach, bottom)
    return safe


def _rows(doc: QTextDocument) -> tuple[list[_Row], list[_Head]]:
    """Every table row, those of the aligned comparison with their headings ('Match 5'); and
    every table's header row (HTML <thead>)."""
    layout = doc.documentLayout()
    rows: list[_Row] = []
    heads: list[_Head] = []
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        # The frame's rectangle takes in the margin below the table, which the next block
        # shares: the last row ends where its cells' text ends (plus padding).
        last = frame.rows() - 1
        table_bottom = max(layout.blockBoundingRect(doc.findBlock(
            frame.cellAt(last, c).lastCursorPosition().position())).bottom()
            for c in range(frame.columns())) + _pad(frame) if last >= 0 else 0.0
        tops = [layout.blockBoundingRect(doc.findBlock(
            frame.cellAt(r, 0).firstCursorPosition().position())).top() - _pad(frame)
            for r in range(frame.rows())]
        for r in range(frame.rows()):
            meta = doc.findBlock(frame.cellAt(r, 0).firstCursorPosition().position())
            heading = meta.text().split("\u2028")[0]
            if not heading.startswith(ROW_HEADINGS):
                heading = ""  # other tables' rows stay whole too, without a heading to repeat
            bottom = tops[r + 1] if r + 1 < frame.rows() else table_bottom
            meta_rect = layout.blockBoundingRect(meta)
            rows.append(_Row(tops[r], bottom, heading, meta_rect.bottom()))
        header_rows = frame.format().headerRowCount()
        if 0 < header_rows < frame.rows():
            heads.append(_Head(tops[0], tops[header_rows], table_bottom))
        elif heads and _continues(heads[-1], tops[0] if tops else table_bottom):
            # the report writes a long table as several (Qt is faster with small tables):
            # one straight after a table with a header row is that table going on
            heads[-1] = _Head(heads[-1].top, heads[-1].bottom, table_bottom)
    rows.sort(key=lambda row: row.top)
    return rows, sorted(heads, key=lambda head: head.top)


def _continues(head: _Head, top: float) -> bool:
    """Whether a table starting at ``top`` follows the table of ``head`` with nothing between
    (less of a gap than the header row is tall)."""
    return 0.0 <= top - head.table_bottom < head.bottom - head.top


def _head_at(heads: list[_Head], y: float) -> _Head | None:
    """The header row to repeat on a page starting at ``y`` (inside a table, below its header)."""
    i = bisect_right([h.top for h in heads], y) - 1
    if i >= 0 and heads[i].bottom - 0.5 <= y < heads[i].table_bottom - 0.5:
        return heads[i]
    return None


def _is_forced(forced: list[float], y: float) -> bool:
    """True when ``y`` is a "page-break-before" (a new section starts there)."""
    i = bisect_right(forced, y + 0.5) - 1
    return i >= 0 and abs(forced[i] - y) <= 0.5


def _pad(table: QTextTable) -> float:
    fmt = table.format()
    return fmt.cellPadding() + fmt.border()


def _row_at(rows: list[_Row], y: float) -> _Row | None:
    """The row that a cut at ``y`` goes through (None: the cut falls between rows)."""
    i = bisect_right([r.top for r in rows], y) - 1
    if i >= 0 and rows[i].top + 0.5 < y < rows[i].bottom - 0.5:
        return rows[i]
    return None


def _next_break(top: float, height: float, end: float, breaks: list[float],
                rows: list[_Row], forced: list[float]) -> float:
    limit = top + height
    i = bisect_right(forced, top + 0.5)
    if i < len(forced) and forced[i] <= limit:
        return forced[i]  # "page-break-before: always" (a new section)
    if limit >= end:
        return end
    k = bisect_right(breaks, limit) - 1
    cut = breaks[k] if k >= 0 and breaks[k] > top + 0.5 else limit
    row = _row_at(rows, cut)
    if row is not None and row.top > top + 0.5:
        fits_whole = row.bottom - row.top <= height
        keeps_enough = cut >= row.keep + 0.5 and _lines_between(breaks, row.top, cut) >= MIN_LINES
        if fits_whole or not keeps_enough:
            cut = row.top  # the row starts on the next page, heading and text together
    return cut


def _lines_between(breaks: list[float], top: float, bottom: float) -> int:
    return bisect_right(breaks, bottom) - bisect_right(breaks, top)
