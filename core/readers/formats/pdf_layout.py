"""Reading order of one PDF page: rows, columns, and where paragraphs start."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

WIDE = 0.55  # a line wider than this share of the text block spans the columns
COLUMN = 0.25  # only lines at least this wide define columns (table cells do not)
_SENTENCE_END = tuple(".!?:\"”’")


@dataclass(frozen=True)
class Line:
    """One line (or one column's part of a line) of a page, in PDF points (y up)."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    page: int


def _rows(lines: list[Line]) -> list[Line]:
    """Top to bottom; fragments on one baseline become one line, left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: -ln.y):
        if rows and abs(rows[-1][0].y - line.y) < 0.3 * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        first = row[0]
        merged.append(Line(" ".join(ln.text for ln in row), first.x0, max(ln.x1 for ln in row),
                           first.y, max(ln.size for ln in row), first.page))
    return merged


def _columns(band: list[Line], width: float) -> list[list[Line]]:
    """The columns of a band of lines, left to right (each top to bottom)."""
    spans = sorted((ln.x0, ln.x1) for ln in band if ln.x1 - ln.x0 >= COLUMN * width)
    intervals: list[list[float]] = []
    for x0, x1 in spans:
        if intervals and x0 <= intervals[-1][1] + 2:
            intervals[-1][1] = max(intervals[-1][1], x1)
        else:
            intervals.append([x0, x1])
    if len(intervals) < 2:
        return [_rows(band)]
    groups: list[list[Line]] = [[] for _ in intervals]
    for ln in band:
        centre = (ln.x0 + ln.x1) / 2
        index = min(range(len(intervals)), key=lambda i: 0 if intervals[i][0] <= centre <=
                    intervals[i][1] else min(abs(centre - intervals[i][0]),
                                             abs(centre - intervals[i][1])))
        groups[index].append(ln)
    return [_rows(group) for group in groups if group]


def order_page(lines: list[Line]) -> list[list[Line]]:
    """The lines of a page in reading order, as blocks (a column, or a run of full lines).

    Lines spanning the text block (titles, single-column text) cut the page into bands;
    within a band, columns are read left to right.
    """
    if not lines:
        return []
    width = (max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)) or 1.0
    blocks: list[list[Line]] = []
    band: list[Line] = []
    wide: list[Line] = []
    for line in sorted(lines, key=lambda ln: (-ln.y, ln.x0)):
        if line.x1 - line.x0 > WIDE * width:
            if band:
                blocks.extend(_columns(band, width))
                band = []
            wide.append(line)
        else:
            if wide:
                blocks.append(_rows(wide))
                wide = []
            band.append(line)
    if wide:
        blocks.append(_rows(wide))
    if band:
        blocks.extend(_columns(band, width))
    return blocks


def flag_paragraphs(blocks: list[list[Line]]) -> list[tuple[Line, bool]]:
    """Flag each line that starts a paragraph, across blocks, columns and pages.

    Inside a column: a wider gap, a new size, a first-line indent, or a short line ending a
    sentence before it. Across a jump (next column, next page): a new paragraph unless the
    text runs on (no full stop before, a lower-case word or a hyphen after).
    """
    out: list[tuple[Line, bool]] = []
    prev: Line | None = None
    leading = 0.0
    for block in blocks:
        gaps = [a.y - b.y for a, b in itertools.pairwise(block) if a.y > b.y]
        if gaps:
            leading = statistics.median(gaps)
        bounds = (min(ln.x0 for ln in block), max(ln.x1 for ln in block))
        for line in block:
            if prev is None:
                new = True
            elif line.page != prev.page or line.y >= prev.y or line.x0 > prev.x1 or (
                    line.x1 < prev.x0):
                new = not _runs_on(prev, line)
            else:
                new = _breaks(prev, line, bounds, leading)
            out.append((line, new))
            prev = line
    return out


def _runs_on(prev: Line, line: Line) -> bool:
    return not prev.text.endswith(_SENTENCE_END) and (line.text[:1].islower()
                                                       or prev.text.endswith("-"))


def _breaks(prev: Line, line: Line, bounds: tuple[float, float], leading: float) -> bool:
    left, right = min(bounds[0], prev.x0, line.x0), max(bounds[1], prev.x1, line.x1)
    gap = prev.y - line.y
    short = prev.x1 < right - 0.2 * (right - left) and prev.text.endswith(_SENTENCE_END)
    indented = line.x0 - left > line.size and prev.x0 - left < 0.5 * line.size
    return (gap > 1.4 * leading + 0.5 or abs(line.size - prev.size) > 1.0 or short
            or indented)
