"""Find (Ctrl+F): a bar under the panes that searches both documents, 'n of N' per pane."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from gui.palette import FIND_COLOR
from gui.text_pane import mark_format

HITS_COLOR = "#F8F1A0"  # every hit, pale yellow; the current one is FIND_COLOR and bold
SIDES = ("A", "B")


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every case-insensitive occurrence of ``query`` in ``text`` as (start, end) offsets.

    A regular expression on the text itself keeps offsets exact (lower-casing the text
    first would shift them after characters such as 'İ')."""
    if not query:
        return []
    return [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


class FindBar(QWidget):
    """Search both panes; Enter = next, Shift+Enter = previous (in the chosen pane), Esc closes."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.hits: list[list[tuple[int, int]]] = [[], []]
        self.current: list[int] = [-1, -1]
        self.side = QComboBox()
        self.side.addItems(["step in A", "step in B"])
        self.side.setAccessibleName("Pane to step through")
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in both documents…")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find text")
        self.status = QLabel("")
        self.status.setAccessibleName("Find results")
        previous, following, close = (QPushButton(t) for t in ("Previous", "Next", "Close"))
        previous.clicked.connect(lambda: self.find(False))
        following.clicked.connect(lambda: self.find(True))
        close.clicked.connect(self.close_bar)
        self.field.returnPressed.connect(lambda: self.find(True))
        self.field.textChanged.connect(lambda _t: self.search())
        QShortcut(QKeySequence("Shift+Return"), self.field, lambda: self.find(False))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        for widget in (QLabel("Find:"), self.field, self.side, previous, following,
                       self.status, close):
            layout.addWidget(widget, 1 if widget is self.field else 0)

    def open_bar(self, side: int | None = None) -> None:
        """Show the bar, stepping through pane ``side`` (default: the pane with focus)."""
        if side is None:
            side = 1 if self._window.panes[1].hasFocus() else 0
        self.side.setCurrentIndex(side)
        pane = self._window.panes[side]
        if pane.textCursor().hasSelection():
            self.field.setText(pane.textCursor().selectedText())
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and clear the hit marks in both panes."""
        self.clear_marks()
        self.hide()

    def clear_marks(self) -> None:
        """Remove every find mark (Esc, closing the bar, a new document)."""
        self.hits, self.current = [[], []], [-1, -1]
        for pane in self._window.panes:
            pane.set_layer("hits", [], mark_format(HITS_COLOR))
            pane.set_layer("find", [], mark_format(FIND_COLOR))

    def search(self) -> None:
        """Find every occurrence in both panes and go to the first one in the chosen pane."""
        query = self.field.text()
        for side, pane in enumerate(self._window.panes):
            self.hits[side] = find_all(pane.toPlainText(), query)
            self.current[side] = -1
            pane.set_layer("hits", self.hits[side], mark_format(HITS_COLOR, text_color="#000000"))
            pane.set_layer("find", [], mark_format(FIND_COLOR))
        if query:
            self.find(True, restart=True)
        else:
            self.status.setText("")

    def find(self, forward: bool = True, restart: bool = False) -> bool:
        """Go to the next (previous) occurrence in the chosen pane; wraps around."""
        if not self.field.text():
            return False
        if not any(self.hits):
            self.search_if_stale()
        side = self.side.currentIndex()
        hits = self.hits[side]
        if not hits:
            other = 1 - side
            if self.hits[other]:  # nothing here: step in the pane that has hits
                side, hits = other, self.hits[other]
        if not hits:
            self.status.setText("Not found")
            return False
        pane = self._window.panes[side]
        if restart or self.current[side] < 0:
            cursor = pane.selection_offsets()[0] if not restart else pane.offset_at_y(0)
            index = next((i for i, h in enumerate(hits) if h[0] >= cursor), 0)
            index = index if forward else (index - 1) % len(hits)
        else:
            index = (self.current[side] + (1 if forward else -1)) % len(hits)
        self.current[side] = index
        start, end = hits[index]
        pane.set_layer("find", [(start, end)],
                       mark_format(FIND_COLOR, bold=True, text_color="#000000"))
        pane.select_offsets(start, end)
        pane.scroll_to_offset(start)
        self.status.setText(self.counts())
        return True

    def search_if_stale(self) -> None:
        """Search again when the panes' texts changed since the last search."""
        if self.field.text() and not any(self.hits):
            for side, pane in enumerate(self._window.panes):
                self.hits[side] = find_all(pane.toPlainText(), self.field.text())

    def counts(self) -> str:
        """'A: 2 of 5 · B: 0 of 3' (0: not at a hit of that pane yet)."""
        return " · ".join(f"{SIDES[s]}: {self.current[s] + 1} of {len(self.hits[s])}"
                          for s in (0, 1))
