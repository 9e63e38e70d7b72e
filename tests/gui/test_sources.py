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
    menu = window.sources.encoding_menus[0]
    assert menu.isEnabled()
    labels = [a.text() for a in menu.actions()]
    assert "Windows-1252 (Western)" in labels and "UTF-8" in labels
    window.sources.reopen(0, "cp1252")
    assert window.docs[0].encoding == "cp1252" and "Café" in window.docs[0].text
    assert "Windows-1252" in window.headers[0].details.text()
    window.sources.reopen(0, "koi8-r")  # another reading, same file
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
