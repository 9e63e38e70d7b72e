"""The view switch, the banner for identical / unrelated files."""

from __future__ import annotations

from gui_fixtures import build_result
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from core.readers.load import document_from_text


def _formats(pane):
    block, found = pane.document().begin(), []
    while block.isValid():
        for fr in block.layout().formats():
            found.append((block.position() + fr.start, fr.length, QTextCharFormat(fr.format)))
        block = block.next()
    return found


def _kinds(window, side=0):
    """{kind: (has tint, underline style)} as drawn in pane ``side``."""
    for h in window.highlighters:
        h.finish()
    out = {}
    for start, _length, fmt in _formats(window.panes[side]):
        span = window._indexes[side].at(start)
        if span is not None and fmt.fontWeight() < 700:
            tinted = fmt.background().style() != Qt.BrushStyle.NoBrush
            out[span.kind] = (tinted, fmt.underlineStyle())
    return out


def test_copied_view_keeps_shared_strong_and_reworded_faint(shown):
    everything = _kinds(shown)
    assert all(tint for tint, _ in everything.values())
    shown.view_switch.actions["copied"].trigger()
    copied = _kinds(shown)
    assert copied["shared"] == everything["shared"]
    assert copied["reworded"][0] is False and copied["reworded"][1] == everything["reworded"][1]
    assert "unique" not in copied  # no mark at all
    assert shown.view_switch.combo.currentText() == "Copied"


def test_changes_view_makes_changed_words_strong_and_plain_has_no_colour(shown):
    shown.view_switch.set("changes")
    for h in shown.highlighters:
        h.finish()
    bold = [f for _s, _l, f in _formats(shown.panes[0]) if f.fontWeight() >= 700]
    assert bold and bold[0].background().style() != Qt.BrushStyle.NoBrush
    assert _kinds(shown)["shared"][0] is False
    shown.view_switch.set("plain")
    assert _kinds(shown) == {}
    assert shown.link_map.isVisible()  # the bands stay


def test_view_is_remembered(shown, window):
    from gui.main_window import MainWindow

    shown.view_switch.set("changes")
    again = MainWindow()
    assert again.view_mode == "changes"
    again.close()


def test_banner_says_when_files_are_identical_or_unrelated(window, qtbot):
    same = document_from_text("Both files say exactly this sentence.\n", "a.txt")
    twin = document_from_text("Both files say exactly this sentence.\n", "b.txt")
    window.set_document(0, same, compare=False)
    window.set_document(1, twin, compare=False)
    from dataclasses import replace

    result = build_result(document_from_text(
        "Alpha is a sentence that both documents share. Beta was said one way here. "
        "Gamma only appears in the first text.\nDelta is a sentence that moved later.\n",
        "a.txt"), document_from_text(
        "Delta is a sentence that moved later.\nAlpha is a sentence that both documents "
        "share. Beta was told another way here. Epsilon only appears in the second.\n",
        "b.txt"))
    window._show_result(result)
    assert not window.banner.isVisible()
    window._show_result(replace(result, documents=(same, twin)))
    assert window.banner.isVisible() and window.banner.text() == "The files are identical."


def test_help_pages_are_offline_and_list_every_shortcut(shown):
    from gui import help_dialogs

    dialog = help_dialogs.show_shortcuts(shown)
    text = dialog.browser.toPlainText()
    for key in ("F7", "Ctrl+F", "Esc", "Ctrl+1", "Ctrl+L", "F1"):
        assert key in text, key
    dialog.close()
    how = help_dialogs.show_how_it_compares(shown)
    text = how.browser.toPlainText()
    assert "Shared word for word" in text and "Copied" in text and "moved out" in text
    assert "http" not in how.browser.toHtml().replace("http://www.w3.org", "")
    how.close()


def test_boilerplate_is_greyed_counted_apart_and_can_be_turned_off(window, qtbot):
    from core.comparison.engine import compare

    text_a = "The river rose two metres overnight and flooded the lower town.\n"
    text_b = text_a + "Share this\nSign up for our daily newsletter\n"
    doc_a, doc_b = document_from_text(text_a, "a.txt"), document_from_text(text_b, "b.txt")
    window.set_document(0, doc_a, compare=False)
    window.set_document(1, doc_b, compare=False)
    window._show_result(compare(doc_a, doc_b))
    for h in window.highlighters:
        h.finish()
    start = text_b.index("Share this")
    grey = [f for s, _l, f in _formats(window.panes[1]) if s >= start]
    assert grey and all(f.foreground().color().name() == window.theme.muted.lower()
                    for f in grey)
    figures = window.summary.figures.text()
    assert "Boilerplate" in figures
    window.actions_["mute_boilerplate"].setChecked(False)
    assert window.boilerplate == [[], []]
    assert "Boilerplate" not in window.summary.figures.text()
