"""A thin map beside a pane: where each kind of passage lies; click or drag to jump."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.model import Span
from gui.palette import LIGHT, Theme

KIND_COLUMN = {"shared": 0, "reworded": 1, "unique": 2}


class OverviewRuler(QWidget):
    """Spans drawn proportionally to their character offsets; the viewport as a frame."""

    jump_requested = Signal(int)  # character offset

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: click to jump")
        self._length = 0
        self._spans: Sequence[Span] = ()
        self._marks: list[tuple[int, int]] = []
        self._view = (0, 0)
        self._theme = LIGHT
        self._cache: QPixmap | None = None  # the spans, rendered once per size / result

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(16, 100)

    def set_theme(self, theme: Theme) -> None:
        """Use ``theme``'s colours."""
        self._theme = theme
        self._cache = None
        self.update()

    def set_spans(self, length: int, spans: Sequence[Span]) -> None:
        """Show ``spans`` of a document ``length`` characters long."""
        self._length = max(length, 0)
        self._spans = spans
        self._cache = None
        self.update()

    def set_marks(self, ranges: list[tuple[int, int]]) -> None:
        """Extra marks (entity mentions, search hits) drawn as ticks on the right edge."""
        self._marks = list(ranges)
        self.update()

    def marks(self) -> list[tuple[int, int]]:
        """The extra marks shown."""
        return list(self._marks)

    def set_view(self, first: int, last: int) -> None:
        """The visible character range of the pane, drawn as a frame."""
        if (first, last) != self._view:
            self._view = (first, last)
            self.update()

    def _y(self, offset: int) -> float:
        return offset / self._length * self.height() if self._length else 0.0

    def offset_at(self, y: float) -> int:
        """The character offset for widget height ``y``."""
        if not self._length or self.height() <= 0:
            return 0
        return int(max(0.0, min(1.0, y / self.height())) * self._length)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        if self._length:
            painter.drawPixmap(0, 0, self._spans_pixmap())
            self._paint_marks(painter)
            self._paint_view(painter)
        painter.end()

    def _spans_pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        if self._cache is not None and self._cache.deviceIndependentSize().toSize() == self.size():
            return self._cache
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self._paint_spans(painter)
        painter.end()
        self._cache = pixmap
        return pixmap

    def _paint_spans(self, painter: QPainter) -> None:
        colors = {kind: QColor(self._theme.strong[kind]) for kind in KIND_COLUMN}
        colors["unique"].setAlpha(110)
        width = self.width() - 4
        run: list = []  # [kind, top, bottom]: neighbouring spans of a kind drawn as one
        for span in self._spans:
            top, bottom = self._y(span.start), self._y(span.end)
            if run and run[0] == span.kind and top - run[2] < 1.0:
                run[2] = bottom
                continue
            if run:
                painter.fillRect(QRectF(2, run[1], width, max(run[2] - run[1], 1.0)),
                                 colors[run[0]])
            run = [span.kind, top, bottom]
        if run:
            painter.fillRect(QRectF(2, run[1], width, max(run[2] - run[1], 1.0)), colors[run[0]])

    def _paint_marks(self, painter: QPainter) -> None:
        color = QColor(self._theme.mark)
        for start, _end in self._marks:
            painter.fillRect(QRectF(self.width() - 5, self._y(start) - 1, 5, 3), color)

    def _paint_view(self, painter: QPainter) -> None:
        first, last = self._view
        top, bottom = self._y(first), max(self._y(last), self._y(first) + 4)
        pen = QPen(self.palette().color(QPalette.ColorRole.WindowText))
        pen.setWidthF(1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0.75, top, self.width() - 1.5, bottom - top))

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.jump_requested.emit(self.offset_at(event.position().y()))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.jump_requested.emit(self.offset_at(event.position().y()))
