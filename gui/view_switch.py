"""The view switch (Everything / Copied / Changes / Plain): View menu, toolbar, remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox

from core.view.modes import DEFAULT, MODES, mode
from gui.settings import app_settings

SETTING = "view/mode"


class ViewSwitch(QObject):
    """Which marks the panes (and the report) emphasise; one choice shown in two places."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.key = mode(str(app_settings().value(SETTING, DEFAULT))).key
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for number, item in enumerate(MODES, start=1):
            action = QAction(f"{item.label} view", window)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(f"{item.question} (Ctrl+{number})")
            action.setStatusTip(item.question)
            action.triggered.connect(lambda _c=False, k=item.key: self.set(k))
            self.group.addAction(action)
            self.actions[item.key] = action
        self.combo = QComboBox()
        self.combo.setAccessibleName("View: what the colours show")
        self.combo.setToolTip("What the colours show: Everything, Copied (what was lifted word "
                              "for word), Changes (what changed) or Plain (no colour)")
        for item in MODES:
            self.combo.addItem(item.label, item.key)
        self.combo.activated.connect(lambda i: self.set(self.combo.itemData(i)))
        self._show()

    def add_to_menu(self, menu) -> None:
        """Put the four views in ``menu`` (View)."""
        menu.addSeparator()
        menu.addActions(list(self.actions.values()))

    def set(self, key: str, remember: bool = True) -> None:
        """Show view ``key``; the highlighters repaint, the report will follow."""
        self.key = mode(key).key
        if remember:
            app_settings().setValue(SETTING, self.key)
        self._show()

    def _show(self) -> None:
        self.actions[self.key].setChecked(True)
        self.combo.setCurrentIndex(self.combo.findData(self.key))
        for highlighter in self._window.highlighters:
            highlighter.set_view(self.key)
            self._window.highlight_visible(self._window.highlighters.index(highlighter))
