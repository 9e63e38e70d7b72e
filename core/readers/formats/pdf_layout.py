"""Reading order of one PDF page: rows, columns, and where paragraphs start."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Run:
    """A stretch of one baseline as PDFium gives it: [start, end) in the page's characters,
    with every gap between words as (space index, next word index, left x, right x)."""

    start: int
    end: int
    x0: float
    x1: float
    y: float
    size: float
    gaps: tuple[tuple[int, int, float, float], ...]


GUTTER_MIN = 4.0  # points: narrower white strips are word spaces, not gutters
GUTTER_CROSSING = 0.1  # share of lines that may cross a gutter (titles, wide figures)


def find_gutters(runs: list[Run]) -> list[tuple[float, float]]:
    """White vertical strips between text columns: x ranges that (almost) no line covers.

    A difference array of ink coverage over whole points; a strip counts when it is in the
    middle of the text block, wide enough, and has at least three lines on each side.
    """
    if len(runs) < 6:
        return []
    left = int(min(r.x0 for r in runs))
    right = int(max(r.x1 for r in runs)) + 1
    width = right - left
    diff = [0] * (width + 2)
    for run in runs:
        start = run.x0
        for _, _, gap_left, gap_right in (*run.gaps, (0, 0, run.x1, run.x1)):
            a, b = int(start) - left, int(gap_left) - left + 1
            if b > a:
                diff[max(a, 0)] += 1
                diff[min(b, width + 1)] -= 1
            start = gap_right
    allowed = max(1, int(GUTTER_CROSSING * len(runs)))
    gutters, cover, begin = [], 0, None
    for x in range(width + 1):
        cover += diff[x]
        middle = 0.1 * width < x < 0.9 * width
        if cover <= allowed and middle:
            begin = x if begin is None else begin
            continue
        if begin is not None and x - begin >= GUTTER_MIN:
            gutters.append((begin + left, x + left))
        begin = None
    return [g for g in gutters if _sides(runs, g) >= 3]


def _sides(runs: list[Run], gutter: tuple[float, float]) -> int:
    lefts = sum(1 for r in runs if r.x0 < gutter[0])
    rights = sum(1 for r in runs if r.x1 > gutter[1])
    return min(lefts, rights)


def cut_at_gutters(run: Run, gutters: list[tuple[float, float]]
                   ) -> list[tuple[int, int, float, float]]:
    """The pieces (start, end, x0, x1) of ``run`` on either side of each gutter it crosses."""
    pieces = []
    start, x0 = run.start, run.x0
    for space, after, gap_left, gap_right in run.gaps:
        # A gap over most of the gutter parts two columns; a title's word space inside
        # the gutter does not (its words cover the rest of the strip).
        if any(min(gap_right, g1) - max(gap_left, g0) >= 0.5 * (g1 - g0) for g0, g1 in gutters):
            pieces.append((start, space, x0, gap_left))
            start, x0 = after, gap_right
    pieces.append((start, run.end, x0, run.x1))
    return pieces


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


def _crosses(line: Line, gutters: list[tuple[float, float]]) -> bool:
    return any(line.x0 < g0 and line.x1 > g1 for g0, g1 in gutters)


def _column_of(line: Line, gutters: list[tuple[float, float]]) -> int:
    return sum(1 for g0, _ in gutters if line.x0 >= g0)


def order_page(lines: list[Line], gutters: list[tuple[float, float]]) -> list[list[Line]]:
    """The lines of a page in reading order, as blocks (one column of a band, or a run of
    lines that cross the gutters, such as a title over two columns).

    Lines crossing a gutter cut the page into bands; within a band, the columns are read
    left to right, each top to bottom.
    """
    blocks: list[list[Line]] = []
    band: list[Line] = []
    wide: list[Line] = []

    def flush_band() -> None:
        columns: dict[int, list[Line]] = {}
        for line in band:
            columns.setdefault(_column_of(line, gutters), []).append(line)
        blocks.extend(_rows(columns[c]) for c in sorted(columns))
        band.clear()

    for line in sorted(lines, key=lambda ln: (-ln.y, ln.x0)):
        if _crosses(line, gutters):
            flush_band()
            wide.append(line)
        else:
            if wide:
                blocks.append(_rows(wide))
                wide = []
            band.append(line)
    if wide:
        blocks.append(_rows(wide))
    flush_band()
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
    # A first-line indent after a finished sentence (not a hanging indent in a list).
    indented = (line.x0 - left > line.size and prev.x0 - left < 0.5 * line.size
                and prev.text.endswith(_SENTENCE_END))
    return (gap > 1.4 * leading + 0.5 or abs(line.size - prev.size) > 1.0 or short
            or indented)
