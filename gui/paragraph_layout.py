"""Paragraph spacing in the panes: single line breaks and blank lines look the same.

QPlainTextEdit ignores block margins, so the layout reports taller block rectangles instead:
a paragraph ended by a single line break gets a gap below it, a blank line shrinks to that
same gap (runs of blank lines to one). The text itself, and every offset into it, is
unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QPlainTextDocumentLayout


class ParagraphLayout(QPlainTextDocumentLayout):
    """A plain-text layout whose paragraph gaps do not depend on how the text marks them."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.single_breaks = True  # single line breaks end paragraphs (not hard-wrapped)
        self.gap = 8.0

    def blockBoundingRect(self, block) -> QRectF:  # noqa: N802 (Qt override)
        rect = super().blockBoundingRect(block)
        blank = not block.text().strip()
        following = block.next()
        if blank:
            previous = block.previous()
            if previous.isValid() and not previous.text().strip():
                return QRectF(rect.x(), rect.y(), rect.width(), 0.0)  # one gap per run
            return QRectF(rect.x(), rect.y(), rect.width(), min(self.gap, rect.height()))
        if self.single_breaks and following.isValid() and following.text().strip():
            return QRectF(rect.x(), rect.y(), rect.width(), rect.height() + self.gap)
        return rect
