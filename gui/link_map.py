"""The connector gutter between the panes: a Bezier band from each passage to its counterpart."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.model import Match, Result
from gui.palette import LIGHT, Theme
from gui.text_pane import TextPane


class LinkMap(QWidget):
    """Draws bands for the matches visible in either pane; click a band to select its match."""

    match_clicked = Signal(int)
    match_hovered = Signal(int)  # -1: no band under the mouse

    def __init__(self, left: TextPane, right: TextPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panes = (left, right)
        self._matches: tuple[Match, ...] = ()
        self._by_side: tuple[list[Match], ...] = ([], [])
        self._starts: tuple[list[int], ...] = ([], [])
        self._longest = (0, 0)
        self._focus: int | None = None
        self._theme = LIGHT
        self._paths: list[tuple[int, QPainterPath]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        for pane in self._panes:
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.updateRequest.connect(lambda *_: self.update())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(56, 100)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(40, 40)

    def set_theme(self, theme: Theme) -> None:
        """Use ``theme``'s colours."""
        self._theme = theme
        self.update()

    def set_result(self, result: Result | None) -> None:
        """Draw the matches of ``result`` (None: draw nothing)."""
        self._matches = result.matches if result is not None else ()
        self._by_side = tuple(sorted(self._matches, key=lambda m, s=s: (m.a, m.b)[s][0])
                              for s in (0, 1))
        self._starts = tuple([(m.a, m.b)[s][0] for m in self._by_side[s]] for s in (0, 1))
        self._longest = tuple(max(((m.a, m.b)[s][1] - (m.a, m.b)[s][0]
                                   for m in self._matches), default=0) for s in (0, 1))
        self._focus = None
        self.update()

    def set_focus_match(self, match_id: int | None) -> None:
        """Emphasise the band of ``match_id``."""
        if match_id != self._focus:
            self._focus = match_id
            self.update()

    def visible_paths(self) -> list[tuple[int, QPainterPath]]:
        """The (match id, band) pairs drawn in the last paint (for tests and hit testing)."""
        return list(self._paths)

    def _pane_top(self, pane: TextPane) -> float:
        origin = pane.viewport().mapToGlobal(QPoint(0, 0))
        return float(origin.y() - self.mapToGlobal(QPoint(0, 0)).y())

    def _visible(self) -> tuple[tuple[int, int], tuple[int, int]]:
        return self._panes[0].visible_range(), self._panes[1].visible_range()

    def _band(self, match: Match, tops: tuple[float, float]) -> QPainterPath:
        left, right = self._panes
        ya0 = left.y_of_offset(match.a[0]) + tops[0]
        ya1 = left.y_of_offset(max(match.a[1] - 1, match.a[0]), bottom=True) + tops[0]
        yb0 = right.y_of_offset(match.b[0]) + tops[1]
        yb1 = right.y_of_offset(max(match.b[1] - 1, match.b[0]), bottom=True) + tops[1]
        w = float(self.width())
        mid = w / 2
        path = QPainterPath(QPointF(0, ya0))
        path.cubicTo(QPointF(mid, ya0), QPointF(mid, yb0), QPointF(w, yb0))
        path.lineTo(QPointF(w, yb1))
        path.cubicTo(QPointF(mid, yb1), QPointF(mid, ya1), QPointF(0, ya1))
        path.closeSubpath()
        return path

    def _stub(self, match: Match, tops: tuple[float, float], left: bool) -> QPainterPath:
        """A short tab on the side whose passage is visible, pointing across the gap."""
        pane = self._panes[0 if left else 1]
        rng = match.a if left else match.b
        top = pane.y_of_offset(rng[0]) + tops[0 if left else 1]
        bottom = pane.y_of_offset(max(rng[1] - 1, rng[0]), bottom=True) + tops[0 if left else 1]
        w = float(self.width())
        reach = min(12.0, w / 4)
        x0, x1 = (0.0, reach) if left else (w, w - reach)
        path = QPainterPath(QPointF(x0, top))
        path.lineTo(QPointF(x1, (top + bottom) / 2))
        path.lineTo(QPointF(x0, bottom))
        path.closeSubpath()
        return path

    def band_ids(self) -> list[int]:
        """Ids of the matches drawn as full bands in the last paint (tests)."""
        return [mid for mid, path in self._paths
                if path.boundingRect().width() >= self.width() - 1]

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paths = []
        if self._matches and all(p.document().characterCount() > 1 for p in self._panes):
            self._paint_bands(painter)
        painter.end()

    def _paint_bands(self, painter: QPainter) -> None:
        (a0, a1), (b0, b1) = self._visible()
        tops = (self._pane_top(self._panes[0]), self._pane_top(self._panes[1]))
        top = min(tops)
        bottom = max(t + p.viewport().height() for t, p in zip(tops, self._panes, strict=True))
        painter.setClipRect(0, int(top), self.width(), int(bottom - top))
        focused = None
        for match in self._visible_matches(((a0, a1), (b0, b1))):
            in_a = match.a[1] >= a0 and match.a[0] <= a1
            in_b = match.b[1] >= b0 and match.b[0] <= b1
            # Only matches seen on both sides get a band; one whose counterpart is off
            # screen gets a short stub at its own side (16 bands crossing said nothing).
            path = self._band(match, tops) if in_a and in_b else self._stub(match, tops, in_a)
            self._paths.append((match.id, path))
            if match.id == self._focus:
                focused = (match, path)
            else:
                self._draw(painter, match, path, 70)
        if focused is not None:
            self._draw(painter, focused[0], focused[1], 170)

    def _visible_matches(self, views: tuple[tuple[int, int], ...]) -> list[Match]:
        """Matches overlapping the visible range of either pane, in A order (bisect)."""
        found: dict[int, Match] = {}
        for side in (0, 1):
            first, last = views[side]
            i = bisect_left(self._starts[side], first - self._longest[side])
            ordered, starts = self._by_side[side], self._starts[side]
            while i < len(ordered) and starts[i] <= last:
                rng = (ordered[i].a, ordered[i].b)[side]
                if rng[1] >= first:
                    found[ordered[i].id] = ordered[i]
                i += 1
        return sorted(found.values(), key=lambda m: m.a)

    def _draw(self, painter: QPainter, match: Match, path: QPainterPath, alpha: int) -> None:
        color = self._theme.strong_color(match.kind)
        fill = QColor(color)
        fill.setAlpha(alpha)
        pen = QPen(color)
        pen.setWidthF(1.2)
        if match.moved:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPath(path)

    def match_at(self, point: QPointF) -> int | None:
        """The match whose band contains ``point`` (topmost first)."""
        for match_id, path in reversed(self._paths):
            if path.contains(point):
                return match_id
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        match_id = self.match_at(event.position())
        if match_id is not None:
            self.match_clicked.emit(match_id)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Scrolling over the gutter scrolls pane A (and B follows when synchronised).
        self._panes[0].wheelEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        match_id = self.match_at(event.position())
        self.match_hovered.emit(-1 if match_id is None else match_id)
        self.setCursor(Qt.CursorShape.PointingHandCursor if match_id is not None
                       else Qt.CursorShape.ArrowCursor)
