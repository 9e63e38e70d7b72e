"""The installed PySide6 must not leak references to None (6.12.0 aborts the interpreter)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_painting_does_not_drop_references_to_none(qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.setPen(QColor(10, 20, 30))
        painter.drawLine(0, 0, 10, 10)
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    # A sound binding keeps None's count steady; 6.12.0 loses about four per iteration.
    assert before - after < 100
