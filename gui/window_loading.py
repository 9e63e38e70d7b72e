"""Reading files for the window off the UI thread: one job runner per side, newest load wins."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from core.errors import ConcordError, DecodeFailed, FileTooLarge
from core.readers.load import load_document
from gui.jobs import JobRunner

SIDE_NAMES = ("A", "B")


def failure_message(path: str, exc: BaseException, side: int = 0) -> str:
    """The one line the error dialog shows for a file that could not be read."""
    if isinstance(exc, DecodeFailed):  # the window's way to choose, not the command line's
        return str(exc).replace("(--encoding)", f"with File > Reopen {SIDE_NAMES[side]} with "
                                "encoding")
    if isinstance(exc, FileTooLarge):
        return str(exc).replace("with --max-size", "in Edit > Settings")
    if isinstance(exc, ConcordError):
        return str(exc)
    if isinstance(exc, (OSError, ValueError)):
        return f"{path}: {exc}"
    return f"{path}: {type(exc).__name__}: {exc}"


class Loader(QObject):
    """Loads files into the window's panes on worker threads.

    Each side has its own JobRunner, so reading B never cancels A. A newer load for a side
    supersedes the older one: every load carries a per-side generation number and a report
    from an older generation is dropped. While any side is reading, a comparison request is
    held back and run once the last load has ended (``request_compare`` asks ``defer``).
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._runners = tuple(JobRunner(self, threads=2) for _ in SIDE_NAMES)
        for side, runner in enumerate(self._runners):
            runner.finished.connect(lambda value, s=side: self._loaded(s, value))
        self._generation = [0, 0]
        self._pending: dict[int, str] = {}  # side -> path being read
        self.undecodable: dict[int, str] = {}  # side -> file refused for its encoding
        self._compare_wanted = False
        self._stale = 0
        self.label = QLabel("")
        self.label.setObjectName("loading-label")
        self.label.setAccessibleName("Files being read")
        window.statusBar().addPermanentWidget(self.label)
        self.label.hide()

    @property
    def dropped(self) -> int:
        """Reads whose result was thrown away because a newer one replaced them (tests)."""
        return self._stale + sum(runner.dropped for runner in self._runners)

    @property
    def busy(self) -> bool:
        """True while a file is being read for either side."""
        return bool(self._pending)

    def loading(self, side: int) -> bool:
        """True while a file is being read for ``side``."""
        return side in self._pending

    def load(self, side: int, path: str, compare: bool = True,
             encoding: str | None = None) -> bool:
        """Start reading ``path`` for ``side``; False when there is nothing to read.

        The pane keeps what it shows until the file has been read; a failure goes to the
        window's error dialog and leaves the pane as it was.
        """
        if not path:
            return False
        window = self._window
        self._generation[side] += 1
        token = self._generation[side]
        self._pending[side] = path
        self.undecodable.pop(side, None)
        window.sources.forget(side)  # a web page still downloading for this side is replaced
        encoding, max_bytes = encoding or window.encoding, window.max_bytes

        def work(_progress, cancelled) -> tuple:
            try:  # isolate: a PDF is read in a child process that time and memory limits stop
                doc = load_document(path, encoding=encoding, max_bytes=max_bytes, isolate=True,
                                    should_cancel=cancelled)
            except Exception as exc:  # reported on the UI thread, with its generation
                return token, compare, None, exc
            return token, compare, doc, None

        self._runners[side].run(work)
        self._show_state()
        return True

    def defer(self) -> bool:
        """Called by ``request_compare``: True (and remembered) while a file is being read."""
        # Not busy: the comparison about to start covers any that was held back.
        self._compare_wanted = self.busy
        return self.busy

    def forget(self, side: int) -> None:
        """Drop the load running for ``side`` (its document was replaced another way)."""
        self.undecodable.pop(side, None)
        if self._pending.pop(side, None) is not None:
            self._generation[side] += 1
            self._runners[side].cancel(silent=True)
            self._show_state()

    def cancel_all(self) -> None:
        """Esc: stop waiting for every file; the panes keep what they show."""
        for side in list(self._pending):
            self.forget(side)
        self._settle()

    def shutdown(self, msecs: int = 3000) -> None:
        """Window closing: drop the loads and wait briefly for the threads."""
        for side in list(self._pending):
            self.forget(side)
        for runner in self._runners:
            runner.wait(msecs)

    def _loaded(self, side: int, value: tuple) -> None:
        token, compare, doc, exc = value
        if token != self._generation[side] or side not in self._pending:
            self._stale += 1
            return
        path = self._pending.pop(side)
        self._show_state()
        window = self._window
        if exc is not None:
            if isinstance(exc, DecodeFailed):  # File > Reopen with encoding can read it
                self.undecodable[side] = path
                window.update_actions()
            window.show_error(f"Cannot open {SIDE_NAMES[side]}",
                              failure_message(path, exc, side))
        else:
            window.set_document(side, doc, compare)
            window.remember_file(side, doc.path)
        self._settle()

    def _settle(self) -> None:
        """Run the comparison held back while files were read, once none is left."""
        if not self.busy and self._compare_wanted:
            self._compare_wanted = False
            self._window.request_compare()

    def _show_state(self) -> None:
        names = [f"{os.path.basename(path)} ({SIDE_NAMES[side]})"
                 for side, path in sorted(self._pending.items())]
        for side, header in enumerate(self._window.headers):
            if side in self._pending:  # the pane keeps its text; its header says what comes
                header.details.setText(f"Reading {os.path.basename(self._pending[side])}…")
            else:
                header.set_document(self._window.docs[side])
        self.label.setText(f"Reading {', '.join(names)}…" if names else "")
        self.label.setVisible(bool(names))
