"""Aligned report rows: corresponding passages side by side, each character of A and B once."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.model import Kind, Match, Result, Span

GAP = " […] "  # between two pieces of one side that are not adjacent in the document


@dataclass(frozen=True)
class Piece:
    """A run of passage text of one ``kind``; ``changed`` marks words changed in a rewording."""

    text: str
    kind: Kind | None = None  # None: the GAP marker, or text outside every span
    changed: bool = False


@dataclass(frozen=True)
class Cell:
    """One side of a row: the passage text in pieces and its 1-based line range."""

    pieces: tuple[Piece, ...]
    first_line: int
    last_line: int

    @property
    def lines(self) -> str:
        """"l. 12" or "l. 12–14"."""
        if self.first_line == self.last_line:
            return f"l. {self.first_line}"
        return f"l. {self.first_line}–{self.last_line}"

    @property
    def text(self) -> str:
        """The plain text of the cell."""
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class Row:
    """Corresponding passages side by side; one of ``a`` / ``b`` is None for unique rows."""

    number: int
    kind: Kind
    a: Cell | None
    b: Cell | None
    moved: bool = False
    similarity: float | None = None
    diff_fallback: bool = False
    partial: bool = False  # the rest of a pair whose other side an earlier row shows


@dataclass
class _Draft:
    kind: Kind
    a: list[tuple[int, int]] = field(default_factory=list)
    b: list[tuple[int, int]] = field(default_factory=list)
    match: Match | None = None


class _Side:
    """One document: its spans, changed-word ranges, line starts and what is already shown."""

    def __init__(self, text: str, spans: Sequence[Span], changes: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = list(spans)
        self.span_starts = [s.start for s in self.spans]
        self.changes = sorted(changes)
        self.change_starts = [c[0] for c in self.changes]
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        self.shown: list[tuple[int, int]] = []  # disjoint, sorted by start

    def take(self, start: int, end: int) -> list[tuple[int, int]]:
        """The not-yet-shown, non-blank parts of [start, end); marks them shown."""
        parts, pos = [], start
        i = max(0, bisect.bisect_right(self.shown, (start, start)) - 1)
        while pos < end and i < len(self.shown):
            s_start, s_end = self.shown[i]
            if s_end <= pos:
                i += 1
                continue
            if s_start >= end:
                break
            if s_start > pos:
                parts.append((pos, s_start))
            pos = max(pos, s_end)
            i += 1
        if pos < end:
            parts.append((pos, end))
        parts = [p for p in (self._strip(lo, hi) for lo, hi in parts) if p]
        for part in parts:
            bisect.insort(self.shown, part)
        return parts

    def _strip(self, start: int, end: int) -> tuple[int, int] | None:
        chunk = self.text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return None
        lo = start + len(chunk) - len(chunk.lstrip())
        return lo, lo + len(stripped)

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1

    def adjacent(self, end: int, start: int) -> bool:
        """True when only blank space lies between ``end`` and ``start``."""
        return start - end >= 0 and not self.text[end:start].strip()

    def cell(self, parts: Sequence[tuple[int, int]]) -> Cell | None:
        if not parts:
            return None
        pieces: list[Piece] = []
        for n, (lo, hi) in enumerate(sorted(parts)):
            if n:
                pieces.append(Piece(GAP))
            pieces.extend(self._pieces(lo, hi))
        return Cell(tuple(pieces), self.line(parts[0][0]), self.line(parts[-1][1] - 1))

    def _pieces(self, lo: int, hi: int) -> list[Piece]:
        """Text of [lo, hi) cut at span and changed-word boundaries."""
        cuts = {lo, hi}
        kinds: list[tuple[int, int, Kind]] = []
        i = max(0, bisect.bisect_right(self.span_starts, lo) - 1)
        while i < len(self.spans) and self.spans[i].start < hi:
            span = self.spans[i]
            if span.end > lo:
                kinds.append((max(lo, span.start), min(hi, span.end), span.kind))
                cuts.update((max(lo, span.start), min(hi, span.end)))
            i += 1
        changed: list[tuple[int, int]] = []
        j = max(0, bisect.bisect_right(self.change_starts, lo) - 1)
        while j < len(self.changes) and self.changes[j][0] < hi:
            c_lo, c_hi = max(lo, self.changes[j][0]), min(hi, self.changes[j][1])
            if c_lo < c_hi:
                changed.append((c_lo, c_hi))
                cuts.update((c_lo, c_hi))
            j += 1
        bounds = sorted(cuts)
        pieces: list[Piece] = []
        for start, end in itertools.pairwise(bounds):
            kind = next((k for s, e, k in kinds if s <= start < e), None)
            is_changed = any(s <= start < e for s, e in changed)
            piece = Piece(self.text[start:end], kind, is_changed)
            if pieces and (pieces[-1].kind, pieces[-1].changed) == (kind, is_changed):
                piece = Piece(pieces.pop().text + piece.text, kind, is_changed)
            pieces.append(piece)
        return pieces


def aligned_rows(result: Result) -> list[Row]:
    """Rows in A's order; B's leftovers follow the row that shows what precedes them in B."""
    side_a = _Side(result.documents[0].text, result.spans[0],
                   [c for m in result.matches for c in m.changes_a])
    side_b = _Side(result.documents[1].text, result.spans[1],
                   [c for m in result.matches for c in m.changes_b])
    drafts: list[_Draft] = []
    for _, _, item in _events_in_a_order(result):
        if isinstance(item, Span):
            parts = side_a.take(item.start, item.end)
            if parts:
                drafts.append(_Draft("unique", a=parts))
            continue
        parts_a = side_a.take(*item.a)
        parts_b = side_b.take(*item.b)
        if not parts_a and not parts_b:
            continue
        if drafts and _absorbs(drafts[-1], parts_a, parts_b, side_a, side_b):
            drafts[-1].a.extend(parts_a)
            drafts[-1].b.extend(parts_b)
            continue
        drafts.append(_Draft(item.kind, parts_a, parts_b, item))
    drafts = _with_b_leftovers(drafts, side_b)
    return [_row(n, d, side_a, side_b) for n, d in enumerate(drafts, 1)]


def _events_in_a_order(result: Result) -> list[tuple[int, int, Span | Match]]:
    """Unmatched A spans and every match, by where they start in A (longest first)."""
    events: list[tuple[int, int, Span | Match]] = [
        (s.start, -s.end, s) for s in result.spans[0] if s.match is None]
    events.extend((m.a[0], -m.a[1], m) for m in result.matches)
    events.sort(key=lambda ev: (ev[0], ev[1]))
    return events


def _absorbs(prev: _Draft, parts_a: list[tuple[int, int]], parts_b: list[tuple[int, int]],
             side_a: _Side, side_b: _Side) -> bool:
    """A leftover that only continues the previous row (one side empty, or bare punctuation)."""
    if prev.kind == "unique" or not prev.a or not prev.b:
        return False

    def continues(parts: list[tuple[int, int]], shown: list[tuple[int, int]], side: _Side) -> bool:
        return not parts or side.adjacent(max(e for _, e in shown), parts[0][0])

    if not (continues(parts_a, prev.a, side_a) and continues(parts_b, prev.b, side_b)):
        return False
    texts = [side_a.text[s:e] for s, e in parts_a] + [side_b.text[s:e] for s, e in parts_b]
    return not parts_a or not parts_b or not any(ch.isalnum() for t in texts for ch in t)


def _with_b_leftovers(drafts: list[_Draft], side_b: _Side) -> list[_Draft]:
    """Insert B's not-yet-shown passages after the row showing what precedes them in B."""
    owners = sorted((start, n) for n, d in enumerate(drafts) for start, _ in d.b)
    owner_starts = [start for start, _ in owners]
    after: dict[int, list[_Draft]] = {}
    for span in side_b.spans:
        for part in side_b.take(span.start, span.end):
            k = bisect.bisect_left(owner_starts, part[0]) - 1
            slot = owners[k][1] if k >= 0 else -1
            after.setdefault(slot, []).append(_Draft(span.kind, b=[part]))
    out = list(after.get(-1, []))
    for n, draft in enumerate(drafts):
        out.append(draft)
        out.extend(after.get(n, []))
    return out


def _row(number: int, draft: _Draft, side_a: _Side, side_b: _Side) -> Row:
    m = draft.match
    cell_a, cell_b = side_a.cell(sorted(draft.a)), side_b.cell(sorted(draft.b))
    partial = draft.kind != "unique" and (cell_a is None or cell_b is None)
    if m is None:
        return Row(number, draft.kind, cell_a, cell_b, partial=partial)
    return Row(number, draft.kind, cell_a, cell_b, m.moved,
               m.similarity if m.kind == "reworded" else None, m.diff_fallback, partial)
