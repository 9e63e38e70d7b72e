"""Boilerplate in the window: grey site furniture, count it apart, View > Mute boilerplate."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from core.model import Result
from core.view.boilerplate import boilerplate_ranges, unique_boilerplate_chars
from gui.settings import load_flag, save_flag


class BoilerplateMuting(QObject):
    """Finds furniture lines of the shown result and greys them in the panes."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.enabled = load_flag("mute_boilerplate", True)
        self.ranges: list[list[tuple[int, int]]] = [[], []]
        self.action = QAction("&Mute boilerplate", window)
        self.action.setCheckable(True)
        self.action.setChecked(self.enabled)
        self.action.setToolTip("Grey site furniture (share buttons, comment counters, "
                               "newsletter lines, bylines, datelines) and count it apart "
                               "from unique content")
        self.action.toggled.connect(self.set_enabled)

    def apply(self, result: Result | None) -> tuple[int, int]:
        """Grey the furniture of ``result``; returns the unique characters of each side that
        it accounts for (the summary counts them apart)."""
        counts = [0, 0]
        for side in (0, 1):
            text = result.documents[side].text if result is not None else ""
            ranges = boilerplate_ranges(text) if self.enabled and text else []
            self.ranges[side] = ranges
            self._window.highlighters[side].set_boilerplate(ranges)
            if ranges:
                counts[side] = unique_boilerplate_chars(text, result.spans[side], ranges)
        return counts[0], counts[1]

    def set_enabled(self, enabled: bool) -> None:
        """Turn muting on or off (remembered) and redraw the shown result."""
        self.enabled = enabled
        save_flag("mute_boilerplate", enabled)
        window = self._window
        if window.current_result is not None:
            window.summary.set_result(window.current_result, window.theme,
                                      self.apply(window.current_result))
            for side in (0, 1):
                window.highlight_visible(side)
