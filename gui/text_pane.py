"""A read-only document pane: text view with hover, tooltips, drops, layers, and its header."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.model import Document
from core.readers.decode import encoding_label
from gui.offsets import Utf16Offsets

LAYER_ORDER = ("focus", "marks", "hits", "find")


def dropped_paths(mime) -> list[str]:
    """Local file paths carried by a drag's mime data (non-file URLs are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def dropped_links(mime) -> list[str]:
    """Web addresses (http, https) carried by a drag: links dragged from a browser."""
    if mime is None:
        return []
    links = [u.toString() for u in mime.urls() if u.scheme() in ("http", "https")] \
        if mime.hasUrls() else []
    if not links and mime.hasText():
        text = mime.text().strip()
        if text.lower().startswith(("http://", "https://")) and not any(c.isspace()
                                                                       for c in text):
            links = [text]
    return links


def human_size(size: int) -> str:
    """1234567 -> '1.2 MB'."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


class TextPane(QPlainTextEdit):
    """The text of one document; reports hovered / clicked offsets and dropped files."""

    files_dropped = Signal(list)
    links_dropped = Signal(list)  # web addresses
    hovered = Signal(int)  # offset under the mouse, -1 when it leaves
    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # A caret for keyboard users: arrows move it, Enter shows the passage's counterpart.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.setPlaceholderText("Drop a file here, or use File > Open.")
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        from gui.line_numbers import LineNumberArea
        from gui.paragraph_layout import ParagraphLayout

        self.paragraphs = ParagraphLayout(self.document())
        self.document().setDocumentLayout(self.paragraphs)

        self.line_numbers = LineNumberArea(self)
        self.line_numbers.hide()
        self._last_hover = -2
        self.tooltip_provider: Callable[[int], str] | None = None
        # Every offset this pane takes or gives is a code point of the shown text, as in the
        # result; Qt counts UTF-16 units, so positions are converted at this boundary.
        self.offsets = Utf16Offsets("")

    def show_line_numbers(self, on: bool) -> None:
        """Show or hide the line numbers beside the text."""
        self.line_numbers.setVisible(on)
        self.line_numbers.refit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.line_numbers.refit()

    # -- content -----------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Replace the text and clear every layer."""
        from core.view.paragraphs import hard_wrapped  # statistics, decimal: not at start-up

        self._layers.clear()
        self.setExtraSelections([])
        self.paragraphs.single_breaks = not hard_wrapped(text)
        self.paragraphs.gap = round(self.fontMetrics().lineSpacing() * 0.6)
        self.offsets = Utf16Offsets(text)
        self.setPlainText(text)

    def caret_offset(self) -> int:
        """The code-point offset of the text cursor."""
        return self.offsets.from_qt(self.textCursor().position())

    def selection_offsets(self) -> tuple[int, int]:
        """The selection as code-point offsets (start == end when nothing is selected)."""
        cursor = self.textCursor()
        return (self.offsets.from_qt(cursor.selectionStart()),
                self.offsets.from_qt(cursor.selectionEnd()))

    def select_offsets(self, start: int, end: int) -> None:
        """Select [start, end) (code points) with the text cursor."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _offset_at(self, point: QPoint) -> int:
        return self.offsets.from_qt(self.cursorForPosition(point).position())

    def set_layer(self, name: str, ranges: Sequence[tuple[int, int]],
                  fmt: QTextCharFormat) -> None:
        """Draw ``ranges`` with ``fmt`` as extra selections in layer ``name``."""
        doc_len = self.document().characterCount() - 1
        selections = []
        to_qt = self.offsets.to_qt
        for start, end in ranges:
            start, end = max(0, min(to_qt(start), doc_len)), max(0, min(to_qt(end), doc_len))
            if end <= start:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self._layers[name] = selections
        self.setExtraSelections([s for n in LAYER_ORDER for s in self._layers.get(n, [])])

    def layer_ranges(self, name: str) -> list[tuple[int, int]]:
        """The ranges drawn in layer ``name`` (for tests and the ruler)."""
        from_qt = self.offsets.from_qt
        return [(from_qt(s.cursor.selectionStart()), from_qt(s.cursor.selectionEnd()))
                for s in self._layers.get(name, [])]

    # -- geometry ----------------------------------------------------------------------------
    def offset_at_y(self, y: float) -> int:
        """The character offset at viewport height ``y``."""
        return self._offset_at(QPoint(4, int(y)))

    def visible_range(self) -> tuple[int, int]:
        """First and last character offsets shown in the viewport."""
        top = self.offset_at_y(1)
        bottom = self.offset_at_y(self.viewport().height() - 1)
        return top, bottom

    def y_of_offset(self, offset: int, bottom: bool = False) -> float:
        """Viewport y of ``offset`` (top of its line, or bottom); far outside when not shown."""
        offset = self.offsets.to_qt(offset)
        block = self.document().findBlock(max(0, offset))
        if not block.isValid():
            return float(self.viewport().height() + 50)
        first = self.firstVisibleBlock().blockNumber()
        if block.blockNumber() < first:
            return -50.0
        geo = self.blockBoundingGeometry(block).translated(self.contentOffset())
        if geo.top() > self.viewport().height():
            return float(self.viewport().height() + 50)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(offset, self.document().characterCount() - 1))
        rect = self.cursorRect(cursor)
        return float(rect.bottom() if bottom else rect.top())

    def line_of_offset(self, offset: int) -> int:
        """The scroll-bar line (layout line number) holding ``offset``."""
        offset = self.offsets.to_qt(offset)
        doc = self.document()
        block = doc.findBlock(max(0, min(offset, doc.characterCount() - 1)))
        layout_ = doc.documentLayout()
        layout_.blockBoundingRect(block)  # makes sure the block is laid out
        line = 0
        if block.layout() is not None and block.layout().lineCount():
            line = block.layout().lineForTextPosition(offset - block.position()).lineNumber()
        return block.firstLineNumber() + max(line, 0)

    def scroll_offset_to_y(self, offset: int, y: float) -> None:
        """Scroll so that ``offset`` sits at viewport height ``y`` (to the nearest line)."""
        line_height = max(self.fontMetrics().lineSpacing(), 1)
        target = self.line_of_offset(offset) - int(y // line_height)
        bar = self.verticalScrollBar()
        bar.setValue(max(bar.minimum(), min(target, bar.maximum())))

    def scroll_to_offset(self, offset: int) -> None:
        """Bring ``offset`` to about a third of the way down the viewport."""
        self.scroll_offset_to_y(offset, self.viewport().height() / 3)

    # -- events ------------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            offset = self._offset_at(event.position().toPoint())
            if offset != self._last_hover:
                self._last_hover = offset
                self.hovered.emit(offset)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().leaveEvent(event)
        self._last_hover = -2
        self.hovered.emit(-1)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Keyboard users: Enter on a passage does what a click does (show its counterpart).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.clicked.emit(self.caret_offset())
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self._offset_at(event.position().toPoint()))

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and self.tooltip_provider is not None:
            offset = self._offset_at(event.pos())
            tip = self.tooltip_provider(offset)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if dropped_paths(event.mimeData()) or dropped_links(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        paths = dropped_paths(event.mimeData())
        links = [] if paths else dropped_links(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        elif links:
            event.acceptProposedAction()
            self.links_dropped.emit(links)
        else:
            event.ignore()


class PaneHeader(QWidget):
    """File name, path, encoding, format, size and modification time of one document."""

    def __init__(self, side_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._side = side_label
        self._details = ""
        self._path = ""
        self.title = QLabel()
        self.details = QLabel()
        for label in (self.title, self.details):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        # What the user should know about how the text was read (bad bytes replaced...):
        # shown, not hidden in a tooltip.
        self.warnings = QLabel()
        self.warnings.setObjectName("pane-warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("QLabel#pane-warnings { color: #8A4B00; font-weight: bold; }")
        self.warnings.hide()
        layout.addWidget(self.warnings)
        self.set_document(None)

    def set_document(self, doc: Document | None) -> None:
        """Show ``doc``'s details (or a hint when the side is empty)."""
        self._details = ""
        if doc is None:
            self.warnings.hide()
            self.title.setText(f"{self._side}: (no document)")
            self.details.setText("Drop a file here or use File > Open")
            self.setToolTip("")
            return
        self.title.setText(f"{self._side}: {doc.name}")
        modified = (_dt.datetime.fromtimestamp(doc.mtime).strftime("%Y-%m-%d %H:%M")
                    if doc.mtime else "not saved")
        # Container formats (Word, PDF...) have no text encoding: their format says enough.
        encoding = ("" if doc.encoding == "binary"
                    else encoding_label(doc.encoding, doc.encoding_confidence) + " · ")
        pages = f" · {doc.pages} pages" if doc.pages else ""
        self._details = (f"{encoding}{doc.format}{pages} · {human_size(doc.size)}"
                         f" · modified {modified} · ")
        self._path = doc.path or "(in memory)"
        self._elide()
        self.warnings.setText("⚠ " + " ".join(doc.warnings) if doc.warnings else "")
        self.warnings.setToolTip("\n".join(doc.warnings))
        self.warnings.setVisible(bool(doc.warnings))
        tip = f"{self._path}\n{self._details}"
        if doc.encoding_confidence < 1.0 and doc.path:
            tip += "\nWrong letters? File > Reopen with encoding."
        self.setToolTip(tip)

    def _elide(self) -> None:
        metrics = self.details.fontMetrics()
        room = self.details.width() - metrics.horizontalAdvance(self._details) - 4
        path = metrics.elidedText(self._path, Qt.TextElideMode.ElideMiddle, max(room, 40))
        self.details.setText(self._details + path)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._details:
            self._elide()


def mark_format(color: str, bold: bool = False, text_color: str | None = None) -> QTextCharFormat:
    """A format for an extra-selection layer."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(color))
    if text_color:
        fmt.setForeground(QColor(text_color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt
