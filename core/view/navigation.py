"""Next / previous difference and match, in reading order along the alignment."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from core.model import Result
from core.view.alignment import AlignmentMap


@dataclass(frozen=True)
class Stop:
    """A place navigation can stop at: ranges on both sides (None where absent)."""

    key: int  # position along A used for ordering
    a: tuple[int, int] | None
    b: tuple[int, int] | None
    kind: str
    match: int | None = None


def match_stops(result: Result) -> list[Stop]:
    """Every match, ordered by its position in A."""
    stops = [Stop(m.a[0], m.a, m.b, m.kind, m.id) for m in result.matches]
    return sorted(stops, key=lambda s: (s.key, s.b[0] if s.b else 0))


def difference_stops(result: Result, alignment: AlignmentMap) -> list[Stop]:
    """Reworded pairs and unique passages of either side, in reading order along A."""
    stops = [Stop(m.a[0], m.a, m.b, m.kind, m.id) for m in result.matches
             if m.kind != "shared"]
    for span in result.spans[0]:
        if span.kind == "unique":
            stops.append(Stop(span.start, (span.start, span.end), None, "unique"))
    for span in result.spans[1]:
        if span.kind == "unique":
            key = alignment.map(span.start, 1)
            stops.append(Stop(key, None, (span.start, span.end), "unique"))
    return sorted(stops, key=lambda s: (s.key, s.b[0] if s.b else -1))


class Navigator:
    """Steps through a list of stops, starting from the current reading position."""

    def __init__(self, stops: list[Stop]) -> None:
        self.stops = stops
        self._keys = [s.key for s in stops]
        self.index: int | None = None

    def step(self, forward: bool, position: int) -> Stop | None:
        """The next (or previous) stop after the current one, or after ``position`` in A."""
        if not self.stops:
            return None
        if self.index is None:
            if forward:
                i = bisect_left(self._keys, position)
            else:
                i = bisect_right(self._keys, position) - 1
        else:
            i = self.index + (1 if forward else -1)
        if not 0 <= i < len(self.stops):
            return None
        self.index = i
        return self.stops[i]

    def select_match(self, match_id: int) -> None:
        """Make the stop of ``match_id`` current (the user picked it elsewhere)."""
        for i, stop in enumerate(self.stops):
            if stop.match == match_id:
                self.index = i
                return

    def reset(self) -> None:
        """Forget the current stop: the next step starts from the reading position."""
        self.index = None
