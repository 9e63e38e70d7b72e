"""Find in pane (Ctrl+F): a bar under the panes searching the pane that last had focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from gui.palette import FIND_COLOR
from gui.text_pane import mark_format


class FindBar(QWidget):
    """Search text in pane A or B; Enter = next, Shift+Enter = previous, Esc closes."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.side = QComboBox()
        self.side.addItems(["in A", "in B"])
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find…")
        self.field.setClearButtonEnabled(True)
        self.status = QLabel("")
        previous, following, close = (QPushButton(t) for t in ("Previous", "Next", "Close"))
        previous.clicked.connect(lambda: self.find(False))
        following.clicked.connect(lambda: self.find(True))
        close.clicked.connect(self.close_bar)
        self.field.returnPressed.connect(lambda: self.find(True))
        self.field.textChanged.connect(lambda _t: self.find(True, restart=True))
        QShortcut(QKeySequence("Shift+Return"), self.field, lambda: self.find(False))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        for widget in (QLabel("Find:"), self.field, self.side, previous, following,
                       self.status, close):
            layout.addWidget(widget, 1 if widget is self.field else 0)

    def open_bar(self, side: int | None = None) -> None:
        """Show the bar, searching pane ``side`` (default: the pane with focus)."""
        if side is None:
            side = 1 if self._window.panes[1].hasFocus() else 0
        self.side.setCurrentIndex(side)
        pane = self._window.panes[side]
        if pane.textCursor().hasSelection():
            self.field.setText(pane.textCursor().selectedText())
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and clear the hit marks."""
        for pane in self._window.panes:
            pane.set_layer("find", [], mark_format(FIND_COLOR))
        self.hide()

    def find(self, forward: bool = True, restart: bool = False) -> bool:
        """Select the next (previous) occurrence in the chosen pane; wraps around."""
        pane = self._window.panes[self.side.currentIndex()]
        text = self.field.text()
        if not text:
            self.status.setText("")
            pane.set_layer("find", [], mark_format(FIND_COLOR))
            return False
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        cursor = pane.textCursor()
        if restart:
            cursor.setPosition(cursor.selectionStart())
        found = pane.document().find(text, cursor, flags)
        if found.isNull():  # wrap around
            wrap = pane.textCursor()
            wrap.movePosition(wrap.MoveOperation.Start if forward else wrap.MoveOperation.End)
            found = pane.document().find(text, wrap, flags)
        if found.isNull():
            self.status.setText("Not found")
            pane.set_layer("find", [], mark_format(FIND_COLOR))  # no stale hit of the last text
            return False
        self.status.setText("")
        pane.setTextCursor(found)
        pane.set_layer("find", [(found.selectionStart(), found.selectionEnd())],
                       mark_format(FIND_COLOR, bold=True, text_color="#000000"))
        pane.scroll_to_offset(found.selectionStart())
        return True
