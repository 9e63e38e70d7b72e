"""Navigation of the main window: select a match, step through differences and matches."""

from __future__ import annotations

from PySide6.QtCore import QObject

from core.model import Result
from core.view.alignment import AlignmentMap
from core.view.navigation import Navigator, Stop, difference_stops, match_stops
from core.view.summary import match_number
from gui.settings import save_flag


class Navigation(QObject):
    """Stepping and selection for a MainWindow (its collaborator, not a mixin): the stops
    come from core.view.navigation, the window only scrolls and emphasises."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.init_navigation()

    def init_navigation(self) -> None:
        """Start with empty navigators."""
        self._nav_source: tuple[Result, AlignmentMap] | None = None
        self._navs: dict[str, Navigator] = {}

    def reset_navigation(self, result: Result | None, alignment: AlignmentMap | None) -> None:
        """Use ``result``'s stops; they are built on first use (cheap to show a result)."""
        self.init_navigation()
        if result is not None and alignment is not None:
            self._nav_source = (result, alignment)

    def _navigator(self, name: str) -> Navigator:
        if name not in self._navs:
            stops = []
            if self._nav_source is not None:
                result, alignment = self._nav_source
                stops = (difference_stops(result, alignment) if name == "diff"
                         else match_stops(result))
            self._navs[name] = Navigator(stops)
        return self._navs[name]

    @property
    def diff_nav(self) -> Navigator:
        """Stops at reworded and unique passages."""
        return self._navigator("diff")

    @property
    def match_nav(self) -> Navigator:
        """Stops at every match."""
        return self._navigator("match")

    def set_sync_scroll(self, enabled: bool) -> None:
        """Scroll the panes together (following the alignment) or independently."""
        self._window.sync.enabled = enabled
        action = self._window.actions_.get("sync_scroll")
        if action is not None and action.isChecked() != enabled:
            action.setChecked(enabled)
        save_flag("sync_scroll", enabled)
        if enabled:
            self._window.sync.follow(0)

    def _reading_position(self) -> int:
        return self._window.panes[0].offset_at_y(0)

    def _step(self, navigator, forward: bool, what: str) -> Stop | None:
        stop = navigator.step(forward, self._reading_position())
        if stop is None:
            self._window.statusBar().showMessage(
                f"No {'next' if forward else 'previous'} {what}.", 3000)
            return None
        self.show_stop(stop)
        position = f"{what.capitalize()} {navigator.index + 1} of {len(navigator.stops)}"
        if stop.match is not None and what != "match":
            position += f" · Match {match_number(stop.match)}"
        elif stop.match is None:
            position += f" · only in {'A' if stop.a is not None else 'B'}"
            self._window.summary.view.clearSelection()
        self._window.summary.show_position(position)
        self._window.statusBar().showMessage(position, 5000)
        return stop

    def next_difference(self) -> Stop | None:
        """Go to the next reworded or unique passage."""
        return self._step(self.diff_nav, True, "difference")

    def previous_difference(self) -> Stop | None:
        """Go to the previous reworded or unique passage."""
        return self._step(self.diff_nav, False, "difference")

    def next_match(self) -> Stop | None:
        """Go to the next shared or reworded match."""
        return self._step(self.match_nav, True, "match")

    def previous_match(self) -> Stop | None:
        """Go to the previous shared or reworded match."""
        return self._step(self.match_nav, False, "match")

    def show_stop(self, stop: Stop) -> None:
        """Scroll to ``stop`` and emphasise it."""
        if stop.match is not None:
            self.select_match(stop.match, from_nav=True)
            return
        side = 0 if stop.a is not None else 1
        rng = stop.a if side == 0 else stop.b
        self._window.set_focus_match(None)
        self._scroll_level(side, rng[0], None)
        if self._window.sync.enabled:
            self._window.sync.follow(side)
        self._window.panes[side].set_layer("focus", [rng], self._window.focus_format())

    def select_match(self, match_id: int, source_side: int | None = None,
                     from_list: bool = False, from_nav: bool = False) -> None:
        """Emphasise ``match_id`` in both panes and bring its passages level.

        With ``source_side`` (the user clicked that pane) that pane stays put and the other
        one scrolls to the counterpart.
        """
        if self._window._result is None:
            return
        match = self._window._result.match_by_id(match_id)
        self._window._focus_match = match_id
        self._window.set_focus_match(match_id)
        if not from_list:
            self._window.summary.select_match(match_id)
        if not from_nav:
            for navigator in self._navs.values():
                navigator.select_match(match_id)
            self._window.summary.show_position(
                f"Match {match_number(match_id)} of {len(self._window._result.matches)}")
        if source_side is None:
            self._scroll_level(0, match.a[0], match.b[0])
        else:
            other = 1 - source_side
            y = self._window.panes[source_side].y_of_offset((match.a, match.b)[source_side][0])
            self._scroll_to(other, (match.a, match.b)[other][0], y)

    def _scroll_level(self, side: int, offset: int, other_offset: int | None) -> None:
        """Put ``offset`` a third down pane ``side`` and ``other_offset`` level with it."""
        pane = self._window.panes[side]
        y = pane.viewport().height() / 3
        self._scroll_to(side, offset, y)
        if other_offset is not None:
            self._scroll_to(1 - side, other_offset, y)

    def _scroll_to(self, side: int, offset: int, y: float) -> None:
        enabled = self._window.sync.enabled
        self._window.sync.enabled = False  # an explicit placement wins over the interpolation
        try:
            y = min(max(y, 0.0), self._window.panes[side].viewport().height() * 0.8)
            self._window.panes[side].scroll_offset_to_y(offset, y)
        finally:
            self._window.sync.enabled = enabled
