"""Synchronised scrolling that follows the alignment: matched passages stay level."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from core.view.alignment import AlignmentMap


class SyncScroller(QObject):
    """Keeps two panes aligned: scrolling one scrolls the other to the mapped offset."""

    def __init__(self, panes: Sequence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = list(panes)
        self._map: AlignmentMap | None = None
        self._busy = False
        self.enabled = True
        for side, pane in enumerate(self._panes):
            pane.verticalScrollBar().valueChanged.connect(
                lambda _v, s=side: self.follow(s))

    def set_map(self, alignment: AlignmentMap | None) -> None:
        """Use ``alignment`` (None: no result, panes scroll independently)."""
        self._map = alignment

    def follow(self, side: int) -> None:
        """Pane ``side`` moved: bring the other pane level with it."""
        if self._busy or not self.enabled or self._map is None:
            return
        source, target = self._panes[side], self._panes[1 - side]
        y = source.viewport().height() / 2
        bar = source.verticalScrollBar()
        if bar.value() == bar.minimum():
            y = 0.0  # at the very top keep both tops level
        offset = source.offset_at_y(y)
        self._busy = True
        try:
            target.scroll_offset_to_y(self._map.map(offset, side), y)
        finally:
            self._busy = False
