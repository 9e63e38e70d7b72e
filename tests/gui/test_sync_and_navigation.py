"""Alignment-following scroll mapping and the order of navigation stops."""

from __future__ import annotations

from gui_fixtures import build_result

from core.readers.load import document_from_text
from core.view.alignment import AlignmentMap
from core.view.navigation import Navigator, difference_stops, match_stops


def test_navigation_order_follows_the_reading_order(docs):
    result = build_result(*docs)
    amap = AlignmentMap(result.matches, len(docs[0].text), len(docs[1].text))
    diffs = difference_stops(result, amap)
    assert [(s.kind, s.match) for s in diffs] == [("reworded", 1), ("unique", None),
                                                  ("unique", None)]
    assert diffs[1].a is not None and diffs[2].b is not None  # Gamma in A, Epsilon in B
    assert [s.match for s in match_stops(result)] == [0, 1, 2]
    nav = Navigator(diffs)
    assert nav.step(True, 0) is diffs[0]
    assert nav.step(True, 0) is diffs[1]
    assert nav.step(True, 0) is diffs[2]
    assert nav.step(True, 0) is None
    assert nav.step(False, 0) is diffs[1]


def test_window_steps_through_differences_and_matches(shown):
    seen = [shown.next_difference() for _ in range(4)]
    assert [s.kind if s else None for s in seen] == ["reworded", "unique", "unique", None]
    assert shown.previous_difference().kind == "unique"
    shown.match_nav.reset()
    assert [shown.next_match().match for _ in range(3)] == [0, 1, 2]
    assert shown.previous_match().match == 1
    text_b = shown.panes[1].toPlainText()
    start = text_b.index("Beta was told")
    assert shown.panes[1].layer_ranges("focus") == [(start, start + 31)]


def test_navigation_actions_have_shortcuts(shown):
    keys = {k.toString() for k in shown.actions_["next_diff"].shortcuts()}
    assert {"F7", "Alt+Down"} <= keys
    assert shown.actions_["next_diff"].isEnabled()


def _long_pair():
    paras_a, paras_b = [], []
    for i in range(120):
        shared = f"Paragraph {i} says the same thing in both documents, word for word. " * 3
        paras_a.append(shared)
        paras_b.append(shared)
        if i % 10 == 0:
            paras_b.append(f"An inserted paragraph {i} that only B has, fairly long. " * 4)
    return "\n\n".join(paras_a), "\n\n".join(paras_b)


def test_sync_scroll_keeps_matched_passages_level(window, qtbot):
    from core.comparison.engine import compare

    text_a, text_b = _long_pair()
    window.runner.compare_fn = compare
    window.set_document(0, document_from_text(text_a, "a.txt"), compare=False)
    window.set_document(1, document_from_text(text_b, "b.txt"))
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=20000)
    pane_a, pane_b = window.panes
    for highlighter in window.highlighters:
        highlighter.finish()
    pane_a.verticalScrollBar().setValue(pane_a.verticalScrollBar().maximum() // 2)
    mid = pane_a.viewport().height() / 2
    offset_a = pane_a.offset_at_y(mid)
    para = text_a[:offset_a].count("\n\n")
    offset_b = pane_b.offset_at_y(mid)
    assert abs(offset_b - window.sync._map.map(offset_a, 0)) < 250  # level to a line or two
    assert f"Paragraph {para} says" in text_b[max(0, offset_b - 400):offset_b + 400]
    assert pane_b.verticalScrollBar().value() > 0
    window.set_sync_scroll(False)
    before = pane_b.verticalScrollBar().value()
    pane_a.verticalScrollBar().setValue(0)
    assert pane_b.verticalScrollBar().value() == before


def test_big_documents_format_the_visible_blocks_first(window, qtbot):
    from core.model import DocSummary, Result, Span, Summary

    paragraph = "Words of a paragraph that is long enough to wrap over a few lines. " * 6
    text = "\n".join(paragraph for _ in range(3000))
    doc = document_from_text(text, "big.txt")
    window.set_document(0, doc, compare=False)
    window.set_document(1, doc, compare=False)
    step = len(paragraph) + 1
    spans = tuple(Span(i * step, i * step + len(paragraph), "unique") for i in range(3000))
    empty = DocSummary(1, 1, 0, 0, 1, 0, 0, 1)
    window._show_result(Result((doc, doc), (spans, spans), (), Summary(empty, empty, 0, 0, 0,
                                                                          1, 1)))
    highlighter = window.highlighters[0]
    assert highlighter.pending  # the rest is formatted in the background
    assert window.panes[0].document().begin().layout().formats()  # the top is done already
    last = window.panes[0].document().lastBlock()
    assert not last.layout().formats()
    window.rulers[0].jump_requested.emit(len(text) - 10)  # jump to the end via the ruler
    assert last.layout().formats()  # formatted as soon as it became visible
    qtbot.waitUntil(lambda: not highlighter.pending, timeout=20000)


def test_clicking_the_current_summary_row_again_jumps_again(shown, qtbot):
    """Seen: pick match 13 in the Summary list, scroll away, click it again: nothing
    happened, because only a change of the current row was followed."""
    from PySide6.QtCore import Qt

    view = shown.summary.view
    index = shown.summary.model.index(1, 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == 1
    shown.set_focus_match(None)
    with qtbot.waitSignal(shown.summary.match_activated, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [shown.summary.model.match_at(1).id]
