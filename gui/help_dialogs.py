"""Help > Keyboard shortcuts and Help > How Concord compares: offline pages in a dialog."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from core.view.help import how_it_compares_html, shortcuts_html


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every menu action with a shortcut, read from the menus."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = menu_action.text().replace("&", "")
        for action in menu.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in action.shortcuts())
            if keys:
                rows.append((title, action.text().replace("&", "").replace("…", ""), keys))
    rows.append(("Find bar", "Previous hit", "Shift+Enter"))
    return rows


def show_page(window, title: str, html: str) -> QDialog:
    """A dialog with ``html`` (returned so tests can read it; shown non-modally)."""
    dialog = QDialog(window)
    dialog.setWindowTitle(title)
    browser = QTextBrowser()
    browser.setOpenExternalLinks(False)
    browser.setHtml(html)
    browser.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(min(760, window.width()), min(640, window.height()))
    dialog.browser = browser
    dialog.show()
    return dialog


def show_shortcuts(window) -> QDialog:
    """Help > Keyboard shortcuts."""
    return show_page(window, "Keyboard shortcuts", shortcuts_html(shortcut_rows(window)))


def show_how_it_compares(window) -> QDialog:
    """Help > How Concord compares."""
    return show_page(window, "How Concord compares", how_it_compares_html(window.theme.dark))
