"""Where an offset of one document lies in the other: interpolation along the matches."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from core.model import Match


class AlignmentMap:
    """Maps a character offset of one side to the aligned offset of the other side.

    Inside a match the position is interpolated proportionally across the counterpart; between
    matches it is interpolated between the end of the previous and the start of the next
    anchor. Moved matches are skipped: they would make the mapping jump back and forth.
    """

    def __init__(self, matches: Sequence[Match], length_a: int, length_b: int) -> None:
        anchors = sorted((m.a, m.b) for m in matches if not m.moved)
        ordered: list[tuple[tuple[int, int], tuple[int, int]]] = []
        for a, b in anchors:  # keep the anchors monotonic on both sides
            if not ordered or (a[0] >= ordered[-1][0][1] and b[0] >= ordered[-1][1][1]):
                ordered.append((a, b))
        self._points: list[tuple[tuple[int, int], tuple[int, int]]] = ordered
        self._length = (length_a, length_b)
        self._keys = ([a[0] for a, _ in ordered], [b[0] for _, b in ordered])

    @property
    def anchors(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """The (range A, range B) pairs used as anchors, in order."""
        return list(self._points)

    def map(self, offset: int, side: int) -> int:
        """The offset on the other side aligned with ``offset`` on ``side``."""
        other = 1 - side
        points = self._points
        i = bisect_right(self._keys[side], offset) - 1
        if i >= 0:
            src, dst = points[i][side], points[i][other]
            if offset < src[1]:
                return _lerp(offset, src, dst)
            prev_src, prev_dst = src[1], dst[1]
        else:
            prev_src, prev_dst = 0, 0
        if i + 1 < len(points):
            next_src, next_dst = points[i + 1][side][0], points[i + 1][other][0]
        else:
            next_src, next_dst = self._length[side], self._length[other]
        return _lerp(offset, (prev_src, next_src), (prev_dst, next_dst))


def _lerp(offset: int, src: tuple[int, int], dst: tuple[int, int]) -> int:
    width = src[1] - src[0]
    if width <= 0:
        return dst[0]
    frac = (offset - src[0]) / width
    return round(dst[0] + frac * (dst[1] - dst[0]))
