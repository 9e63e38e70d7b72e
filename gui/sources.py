"""Where documents come from besides File > Open: pasted text, another encoding, the filter."""

from __future__ import annotations

import datetime as _dt
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from core.readers.decode import ENCODING_CHOICES
from core.readers.load import document_from_text
from core.readers.sniff import EXTENSIONS

SIDES = ("A", "B")
FORMAT_NAMES = {"text": "Text", "markdown": "Markdown", "html": "Web pages", "docx": "Word",
                "odt": "OpenDocument text", "rtf": "Rich Text", "pdf": "PDF", "eml": "E-mail"}


def open_filter() -> str:
    """The Open dialog's filter, from the suffixes the readers know (it grows with them)."""
    by_format: dict[str, list[str]] = {}
    for suffix, fmt in sorted(EXTENSIONS.items()):
        if not suffix:
            continue  # files without a suffix are read as text; "All files" covers them
        by_format.setdefault(fmt, []).append(f"*{suffix}")
    every = " ".join(p for patterns in by_format.values() for p in patterns)
    entries = [f"Documents ({every})"]
    entries += [f"{FORMAT_NAMES.get(fmt, fmt.capitalize())} ({' '.join(patterns)})"
                for fmt, patterns in by_format.items()]
    return ";;".join([*entries, "All files (*)"])


def pasted_name(now: _dt.datetime | None = None) -> str:
    """'Pasted text 14:05'."""
    return f"Pasted text {(now or _dt.datetime.now()).strftime('%H:%M')}"


class DocumentSources(QObject):
    """Edit > Paste as A / B and File > Reopen A / B with encoding."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.actions: dict[str, QAction] = {}
        self.encoding_menus: list[QMenu] = []
        for side, key in ((0, "Ctrl+Alt+V"), (1, "Ctrl+Alt+Shift+V")):
            action = QAction(f"Paste as &{SIDES[side]}", window)
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"Compare the text on the clipboard as document {SIDES[side]}")
            action.triggered.connect(partial(self.paste, side))
            self.actions[f"paste_{SIDES[side].lower()}"] = action
        for side in (0, 1):
            menu = QMenu(f"Reopen {SIDES[side]} with &encoding", window)
            menu.setToolTip("Read the file again with the encoding you choose (when the "
                            "detected one shows wrong letters)")
            for codec, label in ENCODING_CHOICES:
                entry = menu.addAction(label)
                entry.triggered.connect(partial(self.reopen, side, codec))
            self.encoding_menus.append(menu)

    def install(self, file_menu: QMenu, edit_menu: QMenu) -> None:
        """Add the entries to the File and Edit menus."""
        first = edit_menu.actions()[0] if edit_menu.actions() else None
        edit_menu.insertActions(first, [self.actions["paste_a"], self.actions["paste_b"]])
        edit_menu.insertSeparator(first)
        anchor = next((a for a in file_menu.actions() if a.text() == "&Reload"), None)
        for menu in self.encoding_menus:
            file_menu.insertMenu(anchor, menu)
        self.update()

    def update(self) -> None:
        """Reopen needs a file behind the side."""
        for side, menu in enumerate(self.encoding_menus):
            doc = self._window.docs[side]
            menu.setEnabled(doc is not None and bool(doc.path))

    def paste(self, side: int) -> bool:
        """Compare the clipboard's text as document ``side``."""
        text = QApplication.clipboard().text()
        if not text.strip():
            self._window.show_error(f"Paste as {SIDES[side]}",
                                    "The clipboard holds no text to compare.")
            return False
        self._window.set_document(side, document_from_text(text, pasted_name()))
        return True

    def reopen(self, side: int, codec: str) -> bool:
        """Read document ``side`` again with ``codec`` and compare again."""
        doc = self._window.docs[side]
        if doc is None or not doc.path:
            return False
        return self._window.load_side(side, doc.path, encoding=codec)
