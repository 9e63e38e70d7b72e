"""Marks a sidebar tab puts on the panes (entity mentions, checks): shown while that tab is."""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.text_pane import mark_format


class TabMarks(QObject):
    """Remembers which sidebar tab made the marks; hides them when another tab is shown and
    shows them again when their tab comes back. Esc (``clear``) forgets them."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._owner = None  # the sidebar widget that made the marks
        self._ranges: list[list[tuple[int, int]]] = [[], []]
        window.sidebar.currentChanged.connect(lambda _i: self._draw())

    def show(self, side: int, ranges: list[tuple[int, int]]) -> None:
        """Mark ``ranges`` of pane ``side`` for the sidebar tab shown now."""
        owner = self._window.sidebar.currentWidget()
        if owner is not self._owner:
            self._ranges = [[], []]
            self._owner = owner
        self._ranges[side] = list(ranges)
        self._draw()

    def clear(self) -> None:
        """Forget every mark."""
        self._owner, self._ranges = None, [[], []]
        self._draw()

    def ranges(self, side: int) -> list[tuple[int, int]]:
        """The marks of pane ``side`` (shown or hidden)."""
        return list(self._ranges[side])

    @property
    def visible(self) -> bool:
        """True when the marks' tab is the one shown."""
        return self._owner is not None and self._owner is self._window.sidebar.currentWidget()

    def _draw(self) -> None:
        fmt = mark_format(self._window.theme.mark, text_color="#000000")
        for side in (0, 1):
            shown = self._ranges[side] if self.visible else []
            self._window.panes[side].set_layer("marks", shown, fmt)
            self._window.rulers[side].set_marks(list(shown))
