"""Sorted ranges with payloads, found by bisect: which span or changed word lies where."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from core.model import Match, Span


class RangeIndex:
    """Sorted, non-overlapping ranges with payloads; finds those overlapping an interval."""

    def __init__(self, ranges: Sequence[tuple[int, int, object]]) -> None:
        self._ranges = sorted(ranges, key=lambda r: r[0])
        self._starts = [r[0] for r in self._ranges]

    def __len__(self) -> int:
        return len(self._ranges)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, object]]:
        """Ranges with any character in [start, end)."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        found = []
        while i < len(self._ranges) and self._ranges[i][0] < end:
            if self._ranges[i][1] > start:
                found.append(self._ranges[i])
            i += 1
        return found

    def at(self, offset: int) -> object | None:
        """The payload of the range containing ``offset``, or None."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self._ranges[i][0] <= offset < self._ranges[i][1]:
            return self._ranges[i][2]
        return None


def span_index(spans: Sequence[Span]) -> RangeIndex:
    """Index of a document's spans (payload: the Span)."""
    return RangeIndex([(s.start, s.end, s) for s in spans])


def change_index(matches: Sequence[Match], side: int) -> RangeIndex:
    """Index of the changed-word ranges of one side (payload: the Match)."""
    ranges = []
    for m in matches:
        for start, end in (m.changes_a if side == 0 else m.changes_b):
            ranges.append((start, end, m))
    return RangeIndex(ranges)
