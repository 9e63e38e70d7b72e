"""Paste as A/B, reopen with an encoding, the header's encoding and warnings, export guard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication, QFileDialog

from core.readers.load import load_document


def test_paste_as_a_and_b(window, qtbot):
    from gui.sources import pasted_name

    assert pasted_name(dt.datetime(2026, 11, 26, 14, 5)) == "Pasted text 14:05"
    QApplication.clipboard().setText("First text pasted from somewhere else entirely.")
    assert window.sources.paste(0)
    assert window.docs[0].name.startswith("Pasted text ")
    assert window.docs[0].text == "First text pasted from somewhere else entirely."
    QApplication.clipboard().setText("   ")
    assert not window.sources.paste(1)
    assert window.errors and "no text" in window.errors[-1][1]
    assert window.actions_["paste_a"].shortcut().toString() == "Ctrl+Alt+V"


def test_reopen_with_encoding_reads_the_file_again(window, tmp_path, qtbot):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café crème in Zürich, naïve façade, déjà vu.\n".encode("cp1252"))
    assert window.load_side(0, str(path), compare=False)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    menu = window.sources.encoding_menus[0]
    assert menu.isEnabled()
    labels = [a.text() for a in menu.actions()]
    assert "Windows-1252 (Western)" in labels and "UTF-8" in labels
    window.sources.reopen(0, "cp1252")
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    assert window.docs[0].encoding == "cp1252" and "Café" in window.docs[0].text
    assert "Windows-1252" in window.headers[0].details.text()
    window.sources.reopen(0, "koi8-r")  # another reading, same file
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    assert window.docs[0].encoding == "koi8-r" and "Café" not in window.docs[0].text


def test_header_shows_guessed_encodings_and_warnings(window, tmp_path):
    from dataclasses import replace

    path = tmp_path / "a.txt"
    path.write_text("Plain words in a file.\n", encoding="utf-8")
    doc = replace(load_document(str(path)), encoding="cp1252", encoding_confidence=0.5,
                  warnings=("3 bytes could not be decoded and were replaced.",))
    window.set_document(0, doc, compare=False)
    header = window.headers[0]
    assert "guessed, 50% sure" in header.details.text()
    assert header.warnings.isVisible()
    assert "3 bytes could not be decoded" in header.warnings.text()
    assert "Reopen with encoding" in header.toolTip()


def test_open_filter_lists_the_readable_formats():
    from gui.sources import open_filter

    text = open_filter()
    assert text.startswith("Documents (") and "*.txt" in text and text.endswith("All files (*)")


def test_export_refuses_to_overwrite_an_input(shown, tmp_path, monkeypatch):
    import dataclasses

    original = tmp_path / "a.txt"
    original.write_text("the original\n", encoding="utf-8")
    result = shown.current_result
    doc_a = dataclasses.replace(result.documents[0], path=str(original))
    shown._result = dataclasses.replace(result, documents=(doc_a, result.documents[1]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(original), ""))
    shown.export_html()
    assert original.read_text(encoding="utf-8") == "the original\n"
    assert shown.errors and shown.errors[-1][0] == "Cannot export"


def test_location_labels_in_tooltips(shown):
    import dataclasses

    from core.model import Location

    result = shown.current_result
    doc_a = dataclasses.replace(result.documents[0], locations=(Location(0, "p. 3"),))
    shown._result = dataclasses.replace(result, documents=(doc_a, result.documents[1]))
    tip = shown.passage_tooltip(0, 2)
    assert tip.startswith("Match 1: shared passage") and "A p. 3" in tip
    index = shown.summary.model.index(0, 3)
    shown.summary.model._result = shown._result
    assert "A p. 3" in shown.summary.model.data(index, 3)  # ToolTipRole


def _serve(text: str):
    """A one-page web server on 127.0.0.1 (tests only); returns (server, address)."""
    import http.server
    import threading

    body = text.encode("utf-8")

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/story.txt"


def test_open_web_address_off_the_ui_thread(window, qtbot):
    server, url = _serve("A story downloaded from a web server for the comparison.\n")
    try:
        assert window.sources.open_url(1, url)
        qtbot.waitUntil(lambda: window.docs[1] is not None, timeout=20000)
        assert window.docs[1].path == url and "downloaded" in window.docs[1].text
        assert not window.sources.open_url(0, "ftp://example.org/x")
        assert "not a web address" in window.errors[-1][1]
    finally:
        server.shutdown()


def test_a_dropped_link_opens_the_page(window, qtbot):
    from PySide6.QtCore import QMimeData, QUrl

    from gui.text_pane import dropped_links

    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/news/story.html")])
    assert dropped_links(mime) == ["https://example.org/news/story.html"]
    text_only = QMimeData()
    text_only.setText("http://example.org/a")
    assert dropped_links(text_only) == ["http://example.org/a"]
    server, url = _serve("The page behind a link dropped on pane A, as plain text.\n")
    try:
        window.panes[0].links_dropped.emit([url])
        qtbot.waitUntil(lambda: window.docs[0] is not None, timeout=20000)
        assert window.docs[0].path == url
    finally:
        server.shutdown()


def test_header_of_a_word_file_names_no_text_encoding(window, tmp_path):
    """A .docx or PDF has no text encoding: the header says its format, not 'BINARY', and
    Reopen with encoding (meaningless for it) is disabled."""
    from tests.readers import fixtures

    path = tmp_path / "story.docx"
    path.write_bytes(fixtures.make_docx())
    window.set_document(0, load_document(str(path)), compare=False)
    details = window.headers[0].details.text()
    assert details.startswith("docx · ")
    assert "BINARY" not in details.upper()
    assert not window.sources.encoding_menus[0].isEnabled()


def test_a_file_whose_encoding_cannot_be_told_can_be_reopened_with_one(window, tmp_path,
                                                                       qtbot):
    """The dialog points at the window's menu, not at the command line's --encoding, and
    that menu reads the refused file again with the chosen encoding."""
    errors = []
    window.show_error = lambda title, message: errors.append(message)
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 40)
    assert window.load_side(1, str(path), compare=False)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)
    assert len(errors) == 1 and "--encoding" not in errors[0]
    assert "File > Reopen B with encoding" in errors[0]
    assert window.docs[1] is None
    assert window.sources.encoding_menus[1].isEnabled()
    window.sources.reopen(1, "cp1251")
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)
    assert window.docs[1] is not None and window.docs[1].encoding == "cp1251"
    assert len(errors) == 1


def test_a_web_page_over_the_size_limit_names_no_command_line_option(window, qtbot):
    server, url = _serve("A story downloaded from a web server for the comparison.\n" * 10)
    window.max_bytes = 100
    try:
        assert window.sources.open_url(1, url)
        qtbot.waitUntil(lambda: bool(window.errors), timeout=20000)
        message = window.errors[-1][1]
        assert "the 100 bytes limit" in message
        assert "--" not in message and "Edit > Settings" in message
    finally:
        server.shutdown()
