"""File handling of the main window: open, drop, recent files, swap, reload, change watch."""

from __future__ import annotations

import os
from functools import partial

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.settings import add_recent_file, recent_files
from gui.sources import open_filter
from gui.text_pane import dropped_links, dropped_paths


class Files(QObject):
    """Opening, dropping, reloading and watching documents for a MainWindow (a collaborator)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.init_files()

    def init_files(self) -> None:
        """Create the file watcher and fill the recent-files menu."""
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._pending_changes: set[str] = set()
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(300)  # editors save in several steps
        self._change_timer.timeout.connect(self._handle_changes)
        self.refresh_recent_menu()

    # -- loading -----------------------------------------------------------------------------
    def load_files(self, paths: list[str]) -> int:
        """Load one or two files: two fill both sides, one fills the first empty side.
        Returns how many reads started; the comparison runs once they have all ended."""
        window = self._window
        paths = [p for p in paths if p][:2]
        if len(paths) == 2:
            return sum(int(window.load_side(side, path)) for side, path in enumerate(paths))
        if len(paths) == 1:
            filled = [window.docs[s] is not None or window.loader.loading(s) for s in (0, 1)]
            side = 1 if filled[0] and not filled[1] else 0
            return int(window.load_side(side, paths[0]))
        return 0

    def load_dropped(self, paths: list[str], side: int | None = None) -> int:
        """Files dropped on pane ``side`` (None: on the window)."""
        if len(paths) >= 2 or side is None:
            return self.load_files(paths)
        return int(self._window.load_side(side, paths[0]))

    def open_side(self, side: int) -> None:
        """File > Open A / Open B."""
        start = self._window.docs[side].path if self._window.docs[side] else ""
        path, _ = QFileDialog.getOpenFileName(self._window, f"Open document {'AB'[side]}",
                                              os.path.dirname(start), open_filter())
        if path:
            self._window.load_side(side, path)

    def remember_file(self, side: int, path: str) -> None:
        """Add ``path`` to the recent files and watch it for changes."""
        add_recent_file(path)
        self.refresh_recent_menu()
        self._watch_documents()

    def refresh_recent_menu(self) -> None:
        """Rebuild File > Recent files."""
        menu = self._window.actions_["recent_menu"]
        menu.clear()
        files = recent_files()
        for path in files:
            action = menu.addAction(os.path.basename(path) + f"  —  {os.path.dirname(path)}")
            action.triggered.connect(partial(self.load_files, [path]))
        menu.setEnabled(bool(files))

    def swap_sides(self) -> None:
        """Exchange A and B and compare again."""
        docs = list(self._window.docs)
        for side in (0, 1):
            if docs[1 - side] is not None:
                self._window.set_document(side, docs[1 - side], compare=False)
            else:
                self._window.docs[side] = None
                self._window.headers[side].set_document(None)
                self._window.panes[side].set_text("")
        self._window.request_compare()

    def reload(self, sides: tuple[int, ...] = (0, 1)) -> None:
        """Read the documents from disk again (off the UI thread) and compare once they are
        back; a side that fails keeps its text."""
        started = 0
        for side in sides:
            doc = self._window.docs[side]
            if doc is not None and doc.path:
                started += int(self._window.load_side(side, doc.path))
        if not started:
            self._window.request_compare()

    # -- drops on the window -----------------------------------------------------------------
    def drag_enter(self, event) -> None:
        """The window's dragEnterEvent: accept files and web links."""
        if dropped_paths(event.mimeData()) or dropped_links(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event) -> None:
        """The window's dropEvent: one file goes to the pane under the mouse, two fill both."""
        paths = dropped_paths(event.mimeData())
        if not paths:
            links = dropped_links(event.mimeData())
            if links:
                event.acceptProposedAction()
                self._window.sources.drop_links(links, None)
            else:
                event.ignore()
            return
        event.acceptProposedAction()
        if len(paths) == 1:
            pane_b = self._window.panes[1]
            left_of_b = pane_b.mapTo(self._window, pane_b.rect().topLeft()).x()
            side = 0 if event.position().x() < left_of_b else 1
            self.load_dropped(paths, side)
        else:
            self.load_files(paths)

    # -- change watching ---------------------------------------------------------------------
    def _watch_documents(self) -> None:
        watched = set(self.watcher.files())
        wanted = {d.path for d in self._window.docs if d is not None and d.path}
        if watched - wanted:
            self.watcher.removePaths(list(watched - wanted))
        for path in wanted - watched:
            if os.path.exists(path):
                self.watcher.addPath(path)

    def _file_changed(self, path: str) -> None:
        self._pending_changes.add(path)
        self._change_timer.start()

    def _handle_changes(self) -> None:
        changed, self._pending_changes = self._pending_changes, set()
        for side, doc in enumerate(self._window.docs):
            if doc is None or doc.path not in changed:
                continue
            if not os.path.exists(doc.path):
                self._window.show_error("File vanished", f"{doc.name} was moved or deleted. "
                                "The pane keeps the text that was loaded.")
                continue
            if self._disk_differs(doc) and self._window.ask_reload(doc.name):
                self.reload((side,))
        self._watch_documents()

    @staticmethod
    def _disk_differs(doc) -> bool:
        try:
            stat = os.stat(doc.path)
        except OSError:
            return False
        return stat.st_mtime != doc.mtime or stat.st_size != doc.size

    def ask_reload(self, name: str) -> bool:
        """Ask whether to reload a file that changed on disk (tests replace this)."""
        answer = QMessageBox.question(self._window, "File changed",
                                      f"{name} changed on disk. Reload it and compare again?")
        return answer == QMessageBox.StandardButton.Yes
