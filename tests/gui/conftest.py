"""GUI test fixtures: offscreen Qt, isolated QSettings, windows with a stand-in engine."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import pytest
from gui_fixtures import FILE_A, FILE_B, TEXT_A, TEXT_B, fake_compare
from PySide6.QtCore import QSettings

from core.readers.load import document_from_text


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """Every test gets its own empty QSettings folder."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def docs():
    """The two hand-built documents."""
    return document_from_text(TEXT_A, "a.txt"), document_from_text(TEXT_B, "b.txt")


@pytest.fixture
def pair_files(tmp_path):
    """Two small real files for the real engine."""
    a, b = tmp_path / "first.txt", tmp_path / "second.txt"
    a.write_text(FILE_A, encoding="utf-8")
    b.write_text(FILE_B, encoding="utf-8")
    return str(a), str(b)


@pytest.fixture
def window(qtbot):
    """A MainWindow with the fake engine; errors are recorded instead of shown."""
    from gui.main_window import MainWindow

    win = MainWindow(compare_fn=fake_compare)
    win.errors = []
    win.show_error = lambda title, message: win.errors.append((title, message))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.runner.cancel(silent=True)
    win.runner.wait(3000)


@pytest.fixture
def shown(window, docs, qtbot):
    """The window showing the hand-built result."""
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1], compare=True)
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=5000)
    return window
