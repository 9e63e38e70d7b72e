"""Line numbers beside a pane (View > Line numbers): the lines the report's 'l. 12' counts."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QWidget


class LineNumberArea(QWidget):
    """Paints the 1-based line number of each text line of its pane (first wrapped row)."""

    def __init__(self, pane) -> None:
        super().__init__(pane)
        self._pane = pane
        self.setAccessibleName("Line numbers")
        pane.blockCountChanged.connect(lambda _n: self.refit())
        pane.updateRequest.connect(self._scrolled)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.needed_width(), 0)

    def needed_width(self) -> int:
        """Room for the largest number, plus padding."""
        digits = len(str(max(1, self._pane.blockCount())))
        return 10 + self._pane.fontMetrics().horizontalAdvance("9") * digits

    def refit(self) -> None:
        """Reserve the margin (or none when hidden) and place the area over it."""
        width = self.needed_width() if self.isVisibleTo(self._pane) else 0
        self._pane.setViewportMargins(width, 0, 0, 0)
        rect = self._pane.contentsRect()
        self.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))

    def _scrolled(self, rect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    def numbers_shown(self) -> list[int]:
        """The line numbers painted now (tests)."""
        return [number for number, _top in self._visible()]

    def _visible(self) -> list[tuple[int, float]]:
        pane = self._pane
        block = pane.firstVisibleBlock()
        offset = pane.contentOffset()
        out = []
        height = pane.viewport().height()
        while block.isValid():
            top = pane.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            if block.isVisible():
                out.append((block.blockNumber() + 1, top))
            block = block.next()
        return out

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setFont(self._pane.font())
        line = self._pane.fontMetrics().height()
        for number, top in self._visible():
            painter.drawText(QRect(0, int(top), self.width() - 5, line),
                             int(Qt.AlignmentFlag.AlignRight), str(number))
        painter.end()
