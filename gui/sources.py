"""Where documents come from besides File > Open: pasted text, another encoding, the filter."""

from __future__ import annotations

import datetime as _dt
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from core.errors import ConcordError, FileTooLarge
from core.readers.decode import ENCODING_CHOICES
from core.readers.load import document_from_text, is_url, load_input
from core.readers.sniff import EXTENSIONS
from gui.jobs import JobRunner
from gui.window_loading import failure_message

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
    """Edit > Paste as A / B, File > Reopen A / B with encoding, File > Open web address
    (downloaded off the UI thread) and links dropped on a pane."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.actions: dict[str, QAction] = {}
        self.downloads = JobRunner(self, threads=1)
        self.downloads.finished.connect(self._downloaded)
        self.downloads.failed.connect(self._download_failed)
        self._pending: tuple[int, str] | None = None  # (side, address) being downloaded
        web = QAction("Open &web address…", window)
        web.setShortcut(QKeySequence("Ctrl+Shift+U"))
        web.setToolTip("Compare a web page: give its address (http or https); it is "
                       "downloaded once, with a time and size limit (Ctrl+Shift+U)")
        web.triggered.connect(lambda _c=False: self.open_url())
        self.actions["open_url"] = web
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
        after_open = next((a for a in file_menu.actions() if a.menu() is not None), None)
        file_menu.insertAction(after_open, self.actions["open_url"])
        anchor = next((a for a in file_menu.actions() if a.text() == "&Reload"), None)
        for menu in self.encoding_menus:
            file_menu.insertMenu(anchor, menu)
        self.update()

    def update(self) -> None:
        """Reopen needs a text file behind the side (a .docx or PDF has no encoding), or
        one just refused because its encoding could not be told."""
        for side, menu in enumerate(self.encoding_menus):
            menu.setEnabled(self._reopen_path(side) is not None)

    def _reopen_path(self, side: int) -> str | None:
        refused = self._window.loader.undecodable.get(side)
        doc = self._window.docs[side]
        if refused is None and doc is not None and doc.path and doc.encoding != "binary":
            return doc.path
        return refused

    def paste(self, side: int) -> bool:
        """Compare the clipboard's text as document ``side``."""
        text = QApplication.clipboard().text()
        if not text.strip():
            self._window.show_error(f"Paste as {SIDES[side]}",
                                    "The clipboard holds no text to compare.")
            return False
        self._window.set_document(side, document_from_text(text, pasted_name()))
        return True

    def open_url(self, side: int | None = None, url: str | None = None) -> bool:
        """Download ``url`` (asked for when None) into pane ``side`` (the first empty pane,
        or asked); the download runs off the UI thread."""
        window = self._window
        if url is None:
            url, ok = QInputDialog.getText(window, "Open web address",
                                           "Address of the page (http:// or https://):")
            if not ok or not url.strip():
                return False
        url = url.strip()
        if not is_url(url):
            window.show_error("Open web address", f"{url} is not a web address; it must "
                              "start with http:// or https://.")
            return False
        if side is None:
            side = self._side_for_new()
            if side is None:
                return False
        self._pending = (side, url)
        encoding, max_bytes = window.encoding, window.max_bytes
        self.downloads.run(lambda _p, _c: load_input(url, encoding, max_bytes, isolate=True))
        window.statusBar().showMessage(f"Downloading {url} for {SIDES[side]}…")
        return True

    def forget(self, side: int) -> None:
        """Drop the download for ``side`` (a file opened there since replaces it)."""
        if self._pending is not None and self._pending[0] == side:
            self._pending = None
            self._window.statusBar().clearMessage()

    def _side_for_new(self) -> int | None:
        empty = [s for s in (0, 1) if self._window.docs[s] is None]
        if empty:
            return empty[0]
        choice, ok = QInputDialog.getItem(self._window, "Open web address", "Show it as:",
                                          ["A (left)", "B (right)"], 0, False)
        return (0 if choice.startswith("A") else 1) if ok else None

    def _downloaded(self, doc) -> None:
        if self._pending is None:
            return
        side, _url = self._pending
        self._pending = None
        self._window.statusBar().clearMessage()
        self._window.set_document(side, doc)

    def _download_failed(self, exc: BaseException) -> None:
        if self._pending is None:
            return  # the side was given another document meanwhile
        side, url = self._pending
        self._pending = None
        self._window.statusBar().clearMessage()
        # Too large: the dialog points at Edit > Settings (the other hints suit a page too).
        reason = (failure_message(url, exc, side) if isinstance(exc, FileTooLarge)
                  else str(exc) if isinstance(exc, ConcordError)
                  else f"{type(exc).__name__}: {exc}")
        self._window.show_error(f"Cannot open {SIDES[side]}", reason or url)

    def drop_links(self, urls: list[str], side: int | None) -> bool:
        """Web addresses dropped on a pane (or the window): the first one is opened."""
        return self.open_url(side, urls[0]) if urls else False

    def reopen(self, side: int, codec: str) -> bool:
        """Read document ``side`` (or the file just refused for it) again with ``codec``."""
        path = self._reopen_path(side)
        if path is None:
            return False
        return self._window.load_side(side, path, encoding=codec)
