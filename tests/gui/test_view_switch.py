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
    assert window.muting.ranges == [[], []]
    assert "Boilerplate" not in window.summary.figures.text()


def test_line_numbers_toggle(shown, qtbot):
    pane = shown.panes[0]
    assert not pane.line_numbers.isVisible() and pane.viewportMargins().left() == 0
    shown.actions_["line_numbers"].setChecked(True)
    qtbot.wait(20)
    assert pane.line_numbers.isVisible() and pane.viewportMargins().left() > 0
    assert pane.line_numbers.numbers_shown()[:2] == [1, 2]  # TEXT_A has two lines
    shown.actions_["line_numbers"].setChecked(False)
    assert pane.viewportMargins().left() == 0


def test_single_line_breaks_and_blank_lines_are_spaced_alike(qtbot):
    """Seen: single line breaks between paragraphs showed as a dense wall next to a document
    with blank lines. The text (and every offset) stays as it is; only the layout differs."""
    from gui.text_pane import TextPane

    para = "A paragraph of some length that stays on one line."
    tops = []
    for text in (f"{para}\n{para}\n{para}", f"{para}\n\n{para}\n\n\n{para}"):
        pane = TextPane()
        qtbot.addWidget(pane)
        pane.resize(900, 400)
        pane.set_text(text)
        pane.show()
        doc = pane.document()
        assert pane.toPlainText() == text
        starts = [i for i in range(doc.blockCount()) if doc.findBlockByNumber(i).text()]
        tops.append([pane.blockBoundingGeometry(doc.findBlockByNumber(i)).top() for i in starts])
    assert tops[0] == tops[1]
    assert tops[0][1] - tops[0][0] > pane.fontMetrics().lineSpacing()  # a visible gap


def test_hard_wrapped_text_keeps_its_lines_together():
    from core.view.paragraphs import hard_wrapped

    wrapped = "\n".join(["A line of a hard-wrapped e-mail, about sixty characters."] * 8)
    assert hard_wrapped(wrapped + "\n\n" + wrapped)
    assert not hard_wrapped("One long paragraph per line. " * 8 + "\n" + "Another. " * 30 + "\nx")
