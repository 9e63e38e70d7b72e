"""Cancel, stale results, error dialogs, settings persistence, reports, reload, find."""

from __future__ import annotations

import os
import threading
import time

import pytest
from gui_fixtures import fake_compare

from core.errors import Cancelled, OptionError
from core.model import Options
from gui.settings import load_options, save_options


def test_cancel_stops_the_worker_and_says_so(window, docs, qtbot):
    started = threading.Event()

    def slow(doc_a, doc_b, options=None, progress=None, should_cancel=None):
        started.set()
        while not should_cancel():
            time.sleep(0.01)
        raise Cancelled()

    window.runner.compare_fn = slow
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1])
    assert started.wait(5)
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.runner.cancelled, timeout=5000):
        window.cancel_button.click()
    assert "cancelled" in window.summary_label.text().lower()
    assert window.runner.wait(5000)
    assert window.current_result is None and window.errors == []
    assert not window.cancel_button.isVisible()


def test_newer_request_supersedes_older_and_stale_result_is_dropped(window, docs, qtbot):
    release, started = threading.Event(), threading.Event()
    calls = []

    def compare(doc_a, doc_b, options=None, progress=None, should_cancel=None):
        calls.append(options.min_phrase)
        started.set()
        if options.min_phrase == 3:
            release.wait(5)  # the first job ignores cancel and finishes late
        return fake_compare(doc_a, doc_b)

    window.runner.compare_fn = compare
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1], compare=False)
    window.options = Options(min_phrase=3)
    window.request_compare()
    assert started.wait(5)
    window.options = Options(min_phrase=7)
    with qtbot.waitSignal(window.result_changed, timeout=5000):
        window.request_compare()
    release.set()
    assert window.runner.wait(5000)
    qtbot.waitUntil(lambda: window.runner.dropped == 1, timeout=5000)
    assert sorted(calls) == [3, 7]
    assert window.current_result is not None


def test_progress_is_shown(window, docs, qtbot):
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1])
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=5000)
    assert not window.progress.isVisible()


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "folder", "huge", "pdf"])
def test_bad_files_give_a_clear_message_and_keep_the_other_pane(window, docs, tmp_path, case,
                                                                qtbot):
    window.set_document(0, docs[0], compare=False)
    path = tmp_path / "bad.txt"
    if case == "empty":
        path.write_text("")
    elif case == "binary":
        path.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    elif case == "folder":
        path.mkdir()
    elif case == "huge":
        window.max_bytes = 100
        path.write_text("word " * 100)
    elif case == "pdf":
        path = tmp_path / "doc.pdf"
        path.write_bytes(b"%PDF-1.4")
    assert window.load_side(1, str(path))  # the read starts; its failure arrives later
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)
    assert len(window.errors) == 1
    title, message = window.errors[0]
    assert title == "Cannot open B" and message and "Traceback" not in message
    assert window.docs[0] is docs[0] and window.docs[1] is None
    assert window.panes[0].toPlainText() == docs[0].text
    assert "--" not in message  # the window's dialog names no command-line option


def test_worker_exception_is_surfaced(window, docs, qtbot):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    window.runner.compare_fn = broken
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1])
    qtbot.waitUntil(lambda: bool(window.errors), timeout=5000)
    assert "RuntimeError: boom" in window.errors[0][1]
    assert "failed" in window.summary_label.text()


def test_engine_option_error_is_surfaced(window, docs, qtbot):
    def refuse(*args, **kwargs):
        raise OptionError("min_phrase must be at least 2")

    window.runner.compare_fn = refuse
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1])
    qtbot.waitUntil(lambda: bool(window.errors), timeout=5000)
    assert "min_phrase must be at least 2" in window.errors[0][1]


def test_settings_persist_between_runs(window, qtbot, monkeypatch):
    from gui.main_window import MainWindow
    from gui.settings_dialog import SettingsDialog

    chosen = Options(min_phrase=9, threshold=0.5, fold_case=False)

    def fake_exec(self):
        self.set_options(chosen)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.edit_settings()
    assert window.options == chosen
    assert load_options() == chosen
    window.set_sync_scroll(False)
    again = MainWindow(compare_fn=fake_compare)
    qtbot.addWidget(again)
    assert again.options == chosen
    assert again.sync.enabled is False
    assert not again.actions_["sync_scroll"].isChecked()


def test_options_round_trip_and_defaults():
    assert load_options() == Options()
    save_options(Options(min_phrase=4, diff_timeout=2.5))
    assert load_options() == Options(min_phrase=4, diff_timeout=2.5)


def test_report_actions_need_a_result(window, docs, qtbot, monkeypatch):
    assert not window.actions_["print"].isEnabled()
    assert not window.actions_["export_pdf"].isEnabled()
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1])
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=5000)
    assert window.actions_["print"].isEnabled()
    assert window.actions_["preview"].isEnabled()


def test_report_slot_calls_printing_or_explains(shown, monkeypatch, tmp_path):
    import sys
    import types

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    shown_messages = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda *a, **k: shown_messages.append(a[1:]))
    monkeypatch.setitem(sys.modules, "gui.printing", None)  # import fails
    shown.print_report()
    assert shown_messages
    calls = []
    fake = types.ModuleType("gui.printing")
    fake.export_html = lambda result, path, view=None: calls.append(("html", path, view))
    fake.print_result = lambda parent, result, view=None: calls.append(("print", result, view))
    monkeypatch.setitem(sys.modules, "gui.printing", fake)
    target = str(tmp_path / "out.html")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target, ""))
    shown.view_switch.set("copied")  # the report follows the chosen view
    shown.export_html()
    shown.print_report()
    assert calls == [("html", target, "copied"), ("print", shown.current_result, "copied")]


def test_reload_prompt_when_file_changes(window, pair_files, qtbot):
    window.load_side(0, pair_files[0], compare=False)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    asked = []
    window.ask_reload = lambda name: asked.append(name) or True
    with open(pair_files[0], "a", encoding="utf-8") as handle:
        handle.write("A new closing sentence was added.\n")
    os.utime(pair_files[0], (time.time() + 5, time.time() + 5))
    window.files._file_changed(window.docs[0].path)
    qtbot.waitUntil(lambda: asked == ["first.txt"], timeout=3000)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    assert window.docs[0].text.endswith("A new closing sentence was added.\n")


def test_vanished_file_keeps_the_text(window, pair_files, qtbot):
    window.load_side(0, pair_files[0], compare=False)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    os.remove(pair_files[0])
    window.files._file_changed(window.docs[0].path)
    qtbot.waitUntil(lambda: bool(window.errors), timeout=3000)
    assert "moved or deleted" in window.errors[0][1]
    assert window.panes[0].toPlainText().startswith("The river rose")


def test_swap_sides_and_recent_files(window, pair_files, qtbot):
    window.runner.compare_fn = __import__("core.comparison.engine", fromlist=["compare"]).compare
    window.load_files(list(pair_files))
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    window.swap_sides()
    assert [d.name for d in window.docs] == ["second.txt", "first.txt"]
    # Both sides are read in parallel, so which one finished last (top of the list) varies.
    recent = sorted(a.text().split()[0] for a in window.actions_["recent_menu"].actions())
    assert recent == ["first.txt", "second.txt"]
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=10000)
    assert window.current_result.documents[0].name == "second.txt"


def test_find_in_pane(shown):
    shown.find_bar.open_bar(1)
    shown.find_bar.field.setText("Epsilon")
    assert shown.find_bar.find(True)
    start = shown.panes[1].toPlainText().index("Epsilon")
    assert shown.panes[1].layer_ranges("find") == [(start, start + 7)]
    shown.find_bar.field.setText("no such words")
    assert not shown.find_bar.find(True)
    assert shown.find_bar.status.text() == "Not found"


def test_settings_dialog_keeps_command_line_values(qapp):
    from core.model import Options
    from gui.settings_dialog import SettingsDialog

    given = Options(min_phrase=80, threshold=0.333)
    dialog = SettingsDialog(given)
    assert dialog.options().min_phrase == 80
    assert dialog.options().threshold == 0.333
    dialog.deleteLater()
