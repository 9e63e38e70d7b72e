"""Esc and tabs clear marks; F7 selects the list row with a counter; Find searches both panes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def _layers(window, name):
    return [window.panes[s].layer_ranges(name) for s in (0, 1)]


def test_escape_clears_find_hits_entity_marks_and_focus(shown, qtbot):
    """Seen: the Find hit and the entity marks stayed after Esc."""
    shown.find_bar.open_bar(0)
    shown.find_bar.field.setText("sentence")
    shown.highlight_ranges(0, [(0, 5)])
    shown.select_match(0)
    assert _layers(shown, "find")[0] and _layers(shown, "marks")[0]
    assert _layers(shown, "focus")[0]
    shown.actions_["escape"].trigger()
    for name in ("find", "hits", "marks", "focus"):
        assert _layers(shown, name) == [[], []], name
    assert not shown.find_bar.isVisible()
    assert shown.rulers[0].marks() == []


def test_escape_is_the_shortcut(shown):
    keys = [k.toString() for k in shown.actions_["escape"].shortcuts()]
    assert keys == ["Esc"]


def test_marks_belong_to_the_tab_that_made_them(shown):
    """Seen: entity marks stayed on the panes after leaving the Entities tab."""
    entities = QWidget()
    index = shown.add_sidebar_tab(entities, "Entities")
    shown.sidebar.setCurrentIndex(index)
    shown.highlight_ranges(1, [(0, 5), (10, 12)])
    assert _layers(shown, "marks")[1] == [(0, 5), (10, 12)]
    shown.sidebar.setCurrentIndex(0)  # back to Summary
    assert _layers(shown, "marks") == [[], []] and shown.rulers[1].marks() == []
    shown.sidebar.setCurrentIndex(index)  # they come back with their tab
    assert _layers(shown, "marks")[1] == [(0, 5), (10, 12)]


def test_f7_selects_the_row_in_the_match_list_and_counts(shown):
    """Seen: F7 did not select the row in the match list; there was no '3 of 16'."""
    stop = shown.next_difference()
    assert stop.match == 1
    view = shown.summary.view
    row = shown.summary.model.row_of(1)
    assert view.selectionModel().isRowSelected(row, view.rootIndex())
    assert shown.summary.position.text() == "Difference 1 of 3 · Match 2"
    unique = shown.next_difference()
    assert unique.match is None
    assert not view.selectionModel().hasSelection()
    assert shown.summary.position.text() == "Difference 2 of 3 · only in A"
    shown.summary.match_activated.emit(2)  # picking from the list counts too
    assert shown.summary.position.text() == "Match 3 of 3"


def test_find_searches_both_panes_with_a_count_per_pane(shown):
    """Seen: Find searched one pane at a time and showed no count."""
    bar = shown.find_bar
    bar.open_bar(0)
    bar.field.setText("sentence")  # twice in A, twice in B
    assert [len(h) for h in _layers(shown, "hits")] == [2, 2]
    assert bar.status.text() == "A: 1 of 2 · B: 0 of 2"
    bar.find(True)
    assert bar.status.text() == "A: 2 of 2 · B: 0 of 2"
    bar.side.setCurrentIndex(1)
    bar.find(True)
    assert bar.status.text() == "A: 2 of 2 · B: 1 of 2"
    text_b = shown.panes[1].toPlainText()
    start = text_b.lower().index("sentence")
    assert shown.panes[1].layer_ranges("find") == [(start, start + 8)]


def test_find_offsets_stay_exact_after_letters_that_change_length_in_lower_case():
    from gui.find_bar import find_all

    text = "İstanbul said: Hello hello"
    assert [text[s:e] for s, e in find_all(text, "hello")] == ["Hello", "hello"]


def test_the_row_f7_selects_is_drawn_selected(shown, qtbot):
    """The list must repaint the row: with its selection signals blocked it never did."""
    view = shown.summary.view
    shown.summary.set_result(shown.current_result)  # a fresh list, nothing selected
    qtbot.wait(20)
    shown.next_difference()
    qtbot.wait(20)
    rect = view.visualRect(shown.summary.model.index(shown.summary.model.row_of(1), 2))
    image = view.viewport().grab(rect).toImage()
    colour = image.pixelColor(image.width() - 3, image.height() // 2)
    highlight = view.palette().color(view.palette().ColorGroup.Inactive,
                                     view.palette().ColorRole.Highlight)
    active = view.palette().color(view.palette().ColorRole.Highlight)
    assert colour.name() in (highlight.name(), active.name())


def test_keyboard_only_use(shown, qtbot):
    """F6 walks pane A, pane B, the match list; Enter on a passage selects its match."""
    from PySide6.QtCore import Qt

    shown.activateWindow()
    shown.panes[0].setFocus()
    shown.actions_["focus_next"].trigger()
    assert shown.panes[1].hasFocus()
    shown.actions_["focus_next"].trigger()
    assert shown.summary.view.hasFocus()
    shown.actions_["focus_prev"].trigger()
    assert shown.panes[1].hasFocus()
    pane = shown.panes[1]
    cursor = pane.textCursor()
    cursor.setPosition(pane.toPlainText().index("Beta"))
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert shown._focus_match == 1


def test_screen_reader_names(shown):
    names = [shown.panes[0].accessibleName(), shown.panes[1].accessibleName(),
             shown.summary.view.accessibleName(), shown.link_map.accessibleName(),
             shown.rulers[0].accessibleName(), shown.find_bar.field.accessibleName(),
             shown.view_switch.combo.accessibleName()]
    assert all(names) and names[0] == "Document A: a.txt"
