"""One window for a pair: a second `concord FILE` hands its file to the window that has room.

File managers and Windows Explorer's "Open with" start one process per selected file. The
first process with room for a document (an empty pane) listens on a per-user local socket
(QLocalServer); a later launch with one file connects, sends the path, and exits if the
running window took it. A window without an empty pane declines and gives up the socket, so
the declined launch opens its own window and takes the socket over. Files that arrive within
``BURST_SECONDS`` of the previous one belong to the same selection: past the first two they
are reported in a dialog instead of opening a window of their own. macOS delivers Finder's
"Open With" and drops on the Dock icon as QFileOpenEvent, handled the same way.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ENV_NAME = "CONCORD_INSTANCE_NAME"  # overrides the socket name (tests, or two separate setups)
ENV_DISABLE = "CONCORD_NO_SINGLE_INSTANCE"  # set to 1: every launch opens its own window
ENV_PROBE = "CONCORD_STARTUP_PROBE"  # a .json path: record start-up times, screenshot, quit
APP_ID = "org.concord.Concord"  # the desktop entry's name, so Wayland shows the right icon
BURST_SECONDS = 3.0  # files arriving this close together come from one selection
CONNECT_MS = 500
REPLY_MS = 5000
LOCK_MS = 5000
ACCEPTED, DECLINED = b"ok\n", b"new\n"
MAX_REQUEST = 1 << 20


def instance_name() -> str:
    """The per-user name of the socket (a path under $XDG_RUNTIME_DIR when there is one)."""
    if os.environ.get(ENV_NAME):
        return os.environ[ENV_NAME]
    try:
        user = getpass.getuser()
    except Exception:  # no user name (containers): the uid still separates users
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    tag = hashlib.sha256(user.encode("utf-8", "replace")).hexdigest()[:12]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if sys.platform.startswith("linux") and runtime and os.path.isdir(runtime):
        return os.path.join(runtime, f"concord-{tag}")
    return f"concord-{tag}"


def _lock_path(name: str) -> str:
    base = os.path.basename(name) or "concord"
    return os.path.join(tempfile.gettempdir(), f"{base}.lock")


def enabled() -> bool:
    """False when the user (or a test) switched single-instance off."""
    return os.environ.get(ENV_DISABLE, "") not in ("1", "true", "yes")


def send_files(name: str, files: Sequence[str]) -> bool | None:
    """Offer ``files`` to the instance listening on ``name``.

    True: it took them; False: it declined (no room); None: nobody is listening.
    """
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(CONNECT_MS):
        return None
    payload = json.dumps({"files": [os.path.abspath(f) for f in files]}).encode() + b"\n"
    sock.write(payload)
    sock.flush()
    reply = b""
    deadline = time.monotonic() + REPLY_MS / 1000
    while not reply.endswith(b"\n") and time.monotonic() < deadline:
        if sock.bytesAvailable() or sock.waitForReadyRead(100):
            reply += bytes(sock.readAll().data())
        elif sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
            break
    sock.disconnectFromServer()
    if reply == ACCEPTED:
        return True
    return False if reply == DECLINED else None


class FileReceiver(QObject):
    """Decides what happens to files that arrive while the window runs.

    ``window_fn`` returns the main window (or None before it exists); a window has ``docs``
    (two entries, None for an empty pane) and ``load_files(paths)``, which fills the first empty
    pane. ``new_window`` opens another window in this process (macOS file-open events).
    """

    def __init__(self, window_fn: Callable[[], object | None],
                 new_window: Callable[[list[str]], object] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.window_fn = window_fn
        self.new_window = new_window
        self.clock = clock
        self.last_arrival = clock()
        self.extra: list[str] = []  # files of the current selection past the first two
        self.dialog = None

    def free_panes(self) -> int:
        """How many panes of the window are empty (2 before the window exists)."""
        window = self.window_fn()
        docs = getattr(window, "docs", None) if window is not None else None
        if docs is None:
            return 2
        return sum(1 for doc in docs if doc is None)

    def accepts(self, files: list[str]) -> bool:
        """Whether ``files`` go to this window: it has room, or they belong to a burst."""
        in_burst = self.clock() - self.last_arrival <= BURST_SECONDS
        return bool(files) and (self.free_panes() >= len(files) or in_burst)

    def take(self, files: list[str]) -> None:
        """Load what fits into the empty panes; report the rest."""
        self.last_arrival = self.clock()
        room = self.free_panes()
        fit, rest = files[:room], files[room:]
        window = self.window_fn()
        if fit and window is not None:
            window.load_files(fit)
            _bring_to_front(window)
        if rest:
            self.report_extra(rest)

    def offer(self, files: list[str]) -> bool:
        """Take ``files`` if this window accepts them; False: declined."""
        if not self.accepts(files):
            return False
        self.take(files)
        return True

    def report_extra(self, files: list[str]) -> None:
        """Tell the user which files were not opened (one dialog per selection)."""
        self.extra.extend(files)
        show_extra_files_dialog(self.window_fn(), self.extra, self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """macOS: Finder's "Open With" and drops on the Dock icon arrive as QFileOpenEvent."""
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()
            if path and not self.offer([path]) and self.new_window is not None:
                self.new_window([path])
            return True
        return super().eventFilter(watched, event)


def show_extra_files_dialog(window, extra: Sequence[str], owner: object | None = None):
    """A non-blocking message naming the files Concord did not open (more than two given)."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    names = "\n".join(f"  • {Path(p).name}" for p in extra)
    text = (f"Concord compares two documents at a time, so {len(extra)} of the files you "
            f"opened {'was' if len(extra) == 1 else 'were'} left out:\n{names}")
    dialog = getattr(owner, "dialog", None)
    if dialog is None:
        dialog = QMessageBox(window if isinstance(window, QWidget) else None)
        dialog.setIcon(QMessageBox.Icon.Information)
        dialog.setWindowTitle("Concord: more than two files")
        dialog.setInformativeText("Open another window or use File > Open A / Open B to "
                                  "compare a different pair.")
        dialog.finished.connect(lambda _result: _forget_dialog(owner))
        if owner is not None:
            owner.dialog = dialog
    dialog.setText(text)
    dialog.open()  # window-modal, returns at once: the event loop keeps running
    return dialog


def _forget_dialog(owner) -> None:
    if owner is not None:
        owner.dialog = None
        owner.extra = []


def _bring_to_front(window) -> None:
    if hasattr(window, "isMinimized") and window.isMinimized():
        window.showNormal()
    for method in ("raise_", "activateWindow"):
        if hasattr(window, method):
            getattr(window, method)()


class InstanceServer(QObject):
    """Listens on the per-user socket and answers each launch with ok / new."""

    def __init__(self, name: str, receiver: FileReceiver) -> None:
        super().__init__()
        self.name = name
        self.receiver = receiver
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Take the name over (a stale socket of a crashed instance is removed first)."""
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        """Stop listening; the next launch becomes the listener."""
        if self.server.isListening():
            self.server.close()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._on_ready(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))
            if sock.bytesAvailable():
                self._on_ready(sock)

    def _drop(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _on_ready(self, sock: QLocalSocket) -> None:
        if sock not in self._buffers:
            return
        data = self._buffers[sock] + bytes(sock.readAll().data())
        if b"\n" not in data and len(data) < MAX_REQUEST:
            self._buffers[sock] = data
            return
        del self._buffers[sock]
        files = _parse_request(data.split(b"\n", 1)[0])
        accepted = self.receiver.accepts(files)
        if not accepted:
            self.close()  # no room here: the declined launch takes the name over
        # Reply before loading: reading a large PDF must not time the other launch out.
        sock.write(ACCEPTED if accepted else DECLINED)
        sock.flush()
        sock.disconnectFromServer()
        if accepted:
            self.receiver.take(files)


def _parse_request(line: bytes) -> list[str]:
    try:
        files = json.loads(line.decode("utf-8")).get("files", [])
    except (ValueError, AttributeError):
        return []
    return [f for f in files if isinstance(f, str) and f][:16]


def is_listening(name: str) -> bool:
    """Whether another instance listens on ``name`` (connects and hangs up at once)."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    connected = sock.waitForConnected(CONNECT_MS)
    sock.abort()
    return connected


def window_files(args: Sequence[str]) -> list[str]:
    """The file arguments of a window launch (options and their values left out)."""
    from gui.window_main import build_parser

    parsed, _unknown = build_parser().parse_known_args(list(args))
    return list(parsed.files)


def without_files(args: Sequence[str], drop: Sequence[str]) -> list[str]:
    """``args`` minus the last occurrence of each file in ``drop``."""
    out = list(args)
    for path in reversed(list(drop)):
        if path in out:
            del out[len(out) - 1 - out[::-1].index(path)]
    return out


def main_window():  # type: ignore[no-untyped-def]
    """The window files go to: the active Concord window, else the first one (None: none yet)."""
    from PySide6.QtWidgets import QApplication

    windows = [w for w in QApplication.topLevelWidgets()
               if hasattr(w, "load_files") and hasattr(w, "docs") and not w.isHidden()]
    active = QApplication.activeWindow()
    return active if active in windows else (windows[0] if windows else None)


def claim(name: str, files: Sequence[str], receiver: FileReceiver) -> InstanceServer | None:
    """Hand ``files`` (at most one) to a running window, or become the listener.

    Returns None when a running window took the files (this launch is done), else the server
    (listening unless another window with room already listens or the name is unavailable).
    A lock file serialises launches that start at the same moment.
    """
    lock = QLockFile(_lock_path(name))
    lock.setStaleLockTime(15_000)
    locked = lock.tryLock(LOCK_MS)
    try:
        server = InstanceServer(name, receiver)
        if files:
            if send_files(name, files):
                return None
            server.listen()  # nobody, or a full window that gave the name up
        elif not is_listening(name):
            server.listen()
        return server
    finally:
        if locked:
            lock.unlock()


def launch(args: Sequence[str]) -> int:
    """Open the window for ``args`` the single-instance way; returns the exit code."""
    from PySide6.QtGui import QGuiApplication

    from gui import window_main

    QGuiApplication.setDesktopFileName(APP_ID)
    args = list(args)
    files = window_files(args)
    extra = files[2:]
    if extra:  # a file manager passed the whole selection: compare the first two, say so
        args = without_files(args, extra)
    single = enabled() and len(files) <= 1
    probe = os.environ.get(ENV_PROBE)
    if not (single or extra or probe):
        return window_main.run_window(args)
    app = window_main.create_app()
    if probe:
        timer = start_probe(Path(probe))  # noqa: F841 (kept alive until the window closes)
    opened: list[object] = []  # windows opened for macOS file-open events, kept alive

    def new_window(paths: list[str]) -> None:
        opened.append(window_main.open_window(paths))

    receiver = FileReceiver(main_window, new_window)
    if extra:
        QTimer.singleShot(0, lambda: receiver.report_extra(extra))
    server = None
    if single:
        server = claim(instance_name(), files, receiver)
        if server is None:
            return 0  # the running window took the file
        app.installEventFilter(receiver)
    code = window_main.run_window(args)
    if server is not None:
        server.close()
    return code


def start_probe(out: Path, timeout: float = 120.0) -> QTimer:
    """For benchmarks and the bundle's smoke test: once the window shows its comparison, save a
    screenshot next to ``out``, write the times (wall clock) and the documents to ``out``, quit.
    """
    from PySide6.QtWidgets import QApplication

    started, times = time.time(), {}
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        window = main_window()
        if window is not None and window.isVisible() and "shown" not in times:
            times["shown"] = time.time()
        result = getattr(window, "current_result", None)
        if result is None and time.time() - started < timeout:
            return
        timer.stop()
        times["result"] = time.time()
        docs = [getattr(d, "name", None) for d in getattr(window, "docs", [])]
        if window is not None:
            window.grab().save(str(out.with_suffix(".png")))
        out.write_text(json.dumps({"times": times, "docs": docs,
                                   "compared": result is not None}), encoding="utf-8")
        QApplication.quit()

    timer.timeout.connect(poll)
    timer.start()
    return timer
