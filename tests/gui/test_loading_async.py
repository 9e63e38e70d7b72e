"""Files are read off the UI thread: the window stays responsive, newest load wins."""

from __future__ import annotations

import threading

import pytest
from gui_fixtures import TEXT_A, TEXT_B
from PySide6.QtCore import QTimer

import gui.window_loading as window_loading
from core.readers.load import document_from_text

TEXTS = {"a.txt": TEXT_A, "b.txt": TEXT_B, "old.txt": TEXT_B, "new.txt": TEXT_B}


class SlowReader:
    """Stands in for load_document: a path listed in ``gates`` waits for its event."""

    def __init__(self) -> None:
        self.gates: dict[str, threading.Event] = {}
        self.calls: list[tuple[str, dict, bool]] = []  # path, keywords, on the UI thread

    def __call__(self, path: str, **kwargs):
        self.calls.append((path, kwargs, threading.current_thread() is threading.main_thread()))
        gate = self.gates.get(path)
        if gate is not None and not gate.wait(20):
            raise TimeoutError("the test never released the load")
        return document_from_text(TEXTS[path], path)

    def release_all(self) -> None:
        for gate in self.gates.values():
            gate.set()


@pytest.fixture
def reader(monkeypatch, window):
    slow = SlowReader()
    monkeypatch.setattr(window_loading, "load_document", slow)
    yield slow
    slow.release_all()  # no worker thread is left waiting after the test
    window.loader.shutdown(5000)


def test_slow_load_leaves_the_window_responsive(window, docs, reader, qtbot):
    window.set_document(0, docs[0], compare=False)
    reader.gates["b.txt"] = threading.Event()
    assert window.load_side(1, "b.txt")
    # load_side returned while the reader is still blocked: the read is not on this thread.
    assert window.loader.loading(1) and window.docs[1] is None
    ticks = []
    QTimer.singleShot(0, lambda: ticks.append("event loop ran"))
    qtbot.waitUntil(lambda: ticks == ["event loop ran"], timeout=2000)
    qtbot.waitUntil(lambda: len(reader.calls) == 1, timeout=2000)
    path, kwargs, on_ui_thread = reader.calls[0]
    assert path == "b.txt" and kwargs["isolate"] is True and not on_ui_thread
    assert window.loader.label.isVisible() and window.loader.label.text() == "Reading b.txt (B)…"
    assert window.headers[1].details.text() == "Reading b.txt…"
    assert window.docs[0] is docs[0] and window.panes[0].toPlainText() == TEXT_A
    assert window.current_result is None and not window.runner.busy
    reader.gates["b.txt"].set()
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=5000)
    assert window.docs[1].name == "b.txt" and window.panes[1].toPlainText() == TEXT_B
    assert not window.loader.label.isVisible() and not window.errors


def test_newer_load_for_a_side_supersedes_the_older(window, reader, qtbot):
    reader.gates["old.txt"] = threading.Event()
    window.load_side(1, "old.txt")
    qtbot.waitUntil(lambda: len(reader.calls) == 1, timeout=2000)  # the old read is running
    window.load_side(1, "new.txt")
    qtbot.waitUntil(lambda: window.docs[1] is not None, timeout=5000)
    assert window.docs[1].name == "new.txt"
    reader.gates["old.txt"].set()
    qtbot.waitUntil(lambda: window.loader.dropped == 1, timeout=5000)
    assert window.docs[1].name == "new.txt" and not window.loader.busy


def test_comparison_starts_once_both_files_are_read(window, reader, qtbot):
    compared = []
    real = window.runner.compare_fn

    def counting(doc_a, doc_b, *args, **kwargs):
        compared.append((doc_a.name, doc_b.name))
        return real(doc_a, doc_b, *args, **kwargs)

    window.runner.compare_fn = counting
    reader.gates["a.txt"] = threading.Event()
    assert window.load_files(["a.txt", "b.txt"]) == 2
    qtbot.waitUntil(lambda: window.docs[1] is not None, timeout=5000)  # B arrives first
    assert window.docs[0] is None and not window.runner.busy and compared == []
    assert window.loader.label.text() == "Reading a.txt (A)…"
    reader.gates["a.txt"].set()
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=5000)
    assert compared == [("a.txt", "b.txt")]


def test_failed_read_goes_to_the_dialog_and_the_other_side_still_compares(
        window, docs, qtbot, tmp_path):
    window.set_document(1, docs[1], compare=False)
    missing = str(tmp_path / "nowhere.txt")
    window.load_side(0, missing)
    qtbot.waitUntil(lambda: bool(window.errors), timeout=5000)
    assert window.errors[0][0] == "Cannot open A" and "nowhere.txt" in window.errors[0][1]
    assert window.docs == [None, docs[1]] and not window.loader.busy


def test_escape_stops_waiting_for_a_file(window, docs, reader, qtbot):
    window.set_document(0, docs[0], compare=False)
    reader.gates["b.txt"] = threading.Event()
    window.load_side(1, "b.txt")
    qtbot.waitUntil(lambda: len(reader.calls) == 1, timeout=2000)
    window.escape()
    assert not window.loader.busy and not window.loader.label.isVisible()
    assert window.headers[1].title.text() == "B: (no document)"
    assert "Reading" not in window.headers[1].details.text()
    reader.gates["b.txt"].set()
    qtbot.waitUntil(lambda: window.loader.dropped == 1, timeout=5000)
    assert window.docs == [docs[0], None] and window.current_result is None


def test_paste_while_reading_wins_over_the_file(window, reader, qtbot):
    reader.gates["old.txt"] = threading.Event()
    window.load_side(0, "old.txt")
    qtbot.waitUntil(lambda: len(reader.calls) == 1, timeout=2000)
    window.set_document(0, document_from_text(TEXT_A, "pasted"), compare=False)
    reader.gates["old.txt"].set()
    qtbot.waitUntil(lambda: window.loader.dropped == 1, timeout=5000)
    assert window.docs[0].name == "pasted"


def test_file_opened_during_a_download_wins_over_the_page(window, reader, qtbot, monkeypatch):
    import gui.sources as sources

    gate = threading.Event()

    def slow_download(url, *args, **kwargs):
        if not gate.wait(20):
            raise TimeoutError("the test never released the download")
        return document_from_text("A page that arrived too late.\n", url)

    monkeypatch.setattr(sources, "load_input", slow_download)
    assert window.sources.open_url(1, "http://127.0.0.1:9/page.txt")
    window.load_side(1, "new.txt")
    qtbot.waitUntil(lambda: window.docs[1] is not None, timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not window.sources.downloads.busy, timeout=5000)
    assert window.docs[1].name == "new.txt" and not window.errors
