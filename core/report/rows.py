"""Aligned report rows: corresponding passages side by side, each character of A and B once."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.model import Kind, Match, Result, Span
from core.view.boilerplate import boilerplate_ranges
from core.view.summary import match_number

GAP = " […] "  # between two pieces of one side that are not adjacent in the document
LONG_RUN = 200  # characters without a space: longer runs are cut in the report
LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN},}}")


def cut_long_runs(text: str) -> str:
    """Runs of more than LONG_RUN characters without a space (a base64 blob, a pasted
    table without spaces) keep their start and end; a 100,000-character run would
    otherwise fill hundreds of report pages."""
    def cut(found: re.Match[str]) -> str:
        run = found.group()
        hidden = len(run) - 100
        return f"{run[:80]} […{hidden:,} more characters without a space…] {run[-20:]}"

    return LONG_RUN_RE.sub(cut, text)


@dataclass(frozen=True)
class Piece:
    """A run of passage text of one ``kind``; ``changed`` marks words changed in a rewording."""

    text: str
    kind: Kind | None = None  # None: the GAP marker, or text outside every span
    changed: bool = False
    boilerplate: bool = False  # unique site furniture: drawn grey, as the window mutes it


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
    matches: tuple[int, ...] = ()  # match numbers (from 1, as the window and CLI show them)

    @property
    def title(self) -> str:
        """'Match 5', 'Matches 5, 6' or 'Only in A' (the heading a reader refers to)."""
        if not self.matches:
            return "Only in A" if self.a is not None else "Only in B"
        label = "Match" if len(self.matches) == 1 else "Matches"
        return f"{label} {number_list(self.matches)}"


def number_list(numbers: Sequence[int]) -> str:
    """(2, 3, 4, 7) -> '2–4, 7'."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


@dataclass
class _Draft:
    kind: Kind
    a: list[tuple[int, int]] = field(default_factory=list)
    b: list[tuple[int, int]] = field(default_factory=list)
    match: Match | None = None
    members: tuple[Match, ...] = ()


class _Side:
    """One document: its spans, changed-word ranges, line starts and what is already shown."""

    def __init__(self, text: str, spans: Sequence[Span], changes: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = list(spans)
        self.span_starts = [s.start for s in self.spans]
        self.changes = sorted(changes)
        self.change_starts = [c[0] for c in self.changes]
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        self.furniture = boilerplate_ranges(text)
        self.furniture_starts = [f[0] for f in self.furniture]
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
        furniture = self._furniture(lo, hi)
        for c_lo, c_hi in furniture:
            cuts.update((c_lo, c_hi))
        bounds = sorted(cuts)
        pieces: list[Piece] = []
        for start, end in itertools.pairwise(bounds):
            kind = next((k for s, e, k in kinds if s <= start < e), None)
            is_changed = any(s <= start < e for s, e in changed)
            muted = kind == "unique" and any(s <= start < e for s, e in furniture)
            piece = Piece(cut_long_runs(self.text[start:end]), kind, is_changed, muted)
            if pieces and (pieces[-1].kind, pieces[-1].changed,
                           pieces[-1].boilerplate) == (kind, is_changed, muted):
                piece = Piece(pieces.pop().text + piece.text, kind, is_changed, muted)
            pieces.append(piece)
        return pieces

    def _furniture(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Boilerplate lines (core.view.boilerplate) clipped to [lo, hi)."""
        found = []
        k = max(0, bisect.bisect_right(self.furniture_starts, lo) - 1)
        while k < len(self.furniture) and self.furniture[k][0] < hi:
            f_lo, f_hi = max(lo, self.furniture[k][0]), min(hi, self.furniture[k][1])
            if f_lo < f_hi:
                found.append((f_lo, f_hi))
            k += 1
        return found


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
        group = item
        parts_a = [p for m in group for p in side_a.take(*m.a)]
        parts_b = [p for m in group for p in side_b.take(*m.b)]
        if not parts_a and not parts_b:
            continue
        lead = next((m for m in group if m.kind == "reworded"), group[0])
        if drafts and _absorbs(drafts[-1], parts_a, parts_b, side_a, side_b):
            drafts[-1].a.extend(parts_a)
            drafts[-1].b.extend(parts_b)
            drafts[-1].members += tuple(group)
            continue
        drafts.append(_Draft(lead.kind, parts_a, parts_b, lead, tuple(group)))
    drafts = _with_b_leftovers(drafts, side_b)
    return [_row(n, d, side_a, side_b) for n, d in enumerate(drafts, 1)]


def _events_in_a_order(result: Result) -> list[tuple[int, int, Span | list[Match]]]:
    """Unmatched A spans and groups of overlapping matches, by where they start in A."""
    events: list[tuple[int, int, Span | list[Match]]] = [
        (s.start, -s.end, s) for s in result.spans[0] if s.match is None]
    for group in match_groups(result.matches):
        events.append((min(m.a[0] for m in group), -max(m.a[1] for m in group), group))
    events.sort(key=lambda ev: (ev[0], ev[1]))
    return events


def match_groups(matches: Sequence[Match]) -> list[list[Match]]:
    """Matches whose ranges overlap in A or in B, together: one row shows each match whole
    (a verbatim run inside a reworded pair, or one running past its end, joins the pair)."""
    parent = list(range(len(matches)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for side in (0, 1):
        order = sorted(range(len(matches)), key=lambda k: (matches[k].a, matches[k].b)[side])
        reach, owner = -1, -1
        for k in order:
            start, end = (matches[k].a, matches[k].b)[side]
            if start < reach:
                parent[root(k)] = root(owner)
            if end > reach:
                reach, owner = end, k
    groups: dict[int, list[Match]] = {}
    for k, match in enumerate(matches):
        groups.setdefault(root(k), []).append(match)
    return sorted(groups.values(), key=lambda g: (g[0].a, g[0].b))


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
    members = draft.members or (m,)
    numbers = tuple(sorted({match_number(x) for x in members}))
    return Row(number, draft.kind, cell_a, cell_b, any(x.moved for x in members),
               m.similarity if m.kind == "reworded" else None,
               any(x.diff_fallback for x in members), partial, numbers)
