"""One window for a pair: a second launch hands its file to the running window (#13, #12 item 8)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QMessageBox

from gui import single_instance as si

ROOT = Path(__file__).resolve().parents[2]


class FakeWindow:
    """What the receiver needs of the main window: two panes and load_files."""

    def __init__(self) -> None:
        self.docs: list[str | None] = [None, None]

    def load_files(self, paths: list[str]) -> None:
        for path in paths:
            self.docs[self.docs.index(None)] = path


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def name(tmp_path):
    """A socket of this test's own (never the user's real one)."""
    return str(tmp_path / "instance") if sys.platform != "win32" else f"concord-test-{os.getpid()}"


def _send_in_subprocess(name: str, files: list[str]) -> subprocess.Popen:
    code = ("import sys; from gui.single_instance import send_files; "
            "r = send_files(sys.argv[1], sys.argv[2:]); print({True: 'took', False: 'declined', "
            "None: 'nobody'}[r])")
    return subprocess.Popen([sys.executable, "-c", code, name, *files], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def _reply(qtbot, proc: subprocess.Popen) -> str:
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)  # our event loop serves it
    return proc.stdout.read().strip()


def test_files_fill_the_empty_panes_then_a_later_launch_is_declined():
    clock, window = Clock(), FakeWindow()
    receiver = si.FileReceiver(lambda: window, clock=clock)
    clock.now += 60  # the window has been open a while
    assert receiver.offer(["/docs/a.txt"]) and window.docs == ["/docs/a.txt", None]
    assert receiver.offer(["/docs/b.txt"]) and window.docs == ["/docs/a.txt", "/docs/b.txt"]
    clock.now += 60  # a new launch much later: its own window
    assert not receiver.accepts(["/docs/c.txt"])
    assert window.docs == ["/docs/a.txt", "/docs/b.txt"]


def test_a_third_file_of_the_same_selection_gets_a_dialog(qtbot):
    clock, window = Clock(), FakeWindow()
    receiver = si.FileReceiver(lambda: window, clock=clock)
    for path in ("/docs/a.txt", "/docs/b.txt", "/docs/c.txt", "/docs/d.txt"):
        clock.now += 0.4
        assert receiver.offer([path])
    assert window.docs == ["/docs/a.txt", "/docs/b.txt"]
    dialog = receiver.dialog
    assert isinstance(dialog, QMessageBox) and dialog.isVisible()
    text = dialog.text()
    assert "c.txt" in text and "d.txt" in text and "2 of the files" in text
    dialog.accept()
    assert receiver.dialog is None and receiver.extra == []


def test_second_launch_hands_its_file_to_the_running_window(qtbot, name):
    clock, window = Clock(), FakeWindow()
    server = si.InstanceServer(name, si.FileReceiver(lambda: window, clock=clock))
    assert server.listen()
    clock.now += 60
    assert _reply(qtbot, _send_in_subprocess(name, ["first.txt"])) == "took"
    assert _reply(qtbot, _send_in_subprocess(name, ["second.txt"])) == "took"
    assert [Path(p).name for p in window.docs] == ["first.txt", "second.txt"]
    assert all(os.path.isabs(p) for p in window.docs)  # relative to the sender's folder
    clock.now += 60
    # Full, and not part of that selection: declined, and the name is given up for the newcomer.
    assert _reply(qtbot, _send_in_subprocess(name, ["third.txt"])) == "declined"
    assert not server.server.isListening()
    assert si.send_files(name, ["x.txt"]) is None
    server.close()


def test_claim_takes_over_a_stale_socket(tmp_path):
    if sys.platform == "win32":
        pytest.skip("Unix sockets only")
    path = str(tmp_path / "stale")
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(path)  # a crashed instance leaves its socket file behind
    dead.close()
    assert os.path.exists(path)
    server = si.claim(path, ["a.txt"], si.FileReceiver(lambda: FakeWindow()))
    assert server is not None and server.server.isListening()
    assert si.is_listening(path)
    server.close()


def test_macos_file_open_events_fill_the_panes(qapp, qtbot):
    window = FakeWindow()
    receiver = si.FileReceiver(lambda: window)
    qapp.installEventFilter(receiver)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/docs/a.txt"))
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/docs/b.txt"))
    finally:
        qapp.removeEventFilter(receiver)
    assert window.docs == ["/docs/a.txt", "/docs/b.txt"]


def test_window_args_lose_the_extra_files_only():
    args = ["--threshold", "0.5", "a.txt", "b.txt", "c.txt", "--no-entities"]
    files = si.window_files(args)
    assert files == ["a.txt", "b.txt", "c.txt"]
    assert si.without_files(args, files[2:]) == ["--threshold", "0.5", "a.txt", "b.txt",
                                                 "--no-entities"]


@pytest.fixture
def launched(qapp, qtbot, monkeypatch, name):
    """Run gui.app.main in-process; the event loop runs until ``until`` holds, then closes."""
    import gui.window_main as window_main
    from gui.app import main

    monkeypatch.setenv(si.ENV_NAME, name)
    monkeypatch.delenv(si.ENV_DISABLE, raising=False)
    monkeypatch.setattr(window_main, "create_app", lambda: qapp)
    windows: list = []
    real_open = window_main.open_window

    def run(args, until, during=None):
        def run_window(argv):
            windows.append(real_open(argv))
            qtbot.addWidget(windows[-1])
            if during:
                during()
            qtbot.waitUntil(lambda: until(windows[-1]), timeout=30000)
            return 0

        monkeypatch.setattr(window_main, "run_window", run_window)
        assert main(args) == 0
        return windows[-1]

    return run


def test_two_launches_from_a_file_manager_give_one_window(launched, pair_files, qtbot):
    first, second = pair_files
    procs = []

    def second_launch():  # what a file manager does for the other selected file
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        procs.append(subprocess.Popen([sys.executable, "-m", "gui.app", second, "--no-entities"],
                                      cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True))

    window = launched([first, "--no-entities"], during=second_launch,
                      until=lambda w: None not in w.docs and procs[0].poll() is not None)
    assert [d.name for d in window.docs] == ["first.txt", "second.txt"]
    assert procs[0].returncode == 0, procs[0].stderr.read()  # it handed over and opened nothing
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=30000)


def test_three_files_open_the_first_two_and_say_so(launched, pair_files, tmp_path, qapp):
    third = tmp_path / "third.txt"
    third.write_text("A third document.\n", encoding="utf-8")
    started = time.monotonic()
    window = launched([*pair_files, str(third), "--no-entities"],
                      until=lambda w: None not in w.docs and any(  # files read off the UI thread
                          isinstance(d, QMessageBox) and d.isVisible()
                          for d in qapp.topLevelWidgets() + w.findChildren(QMessageBox)))
    assert time.monotonic() - started < 30
    assert [d.name for d in window.docs] == ["first.txt", "second.txt"]
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "third.txt" in boxes[0].text()
    for box in boxes:
        box.accept()
