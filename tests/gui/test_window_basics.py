"""The window loads files from arguments and drops, and shows results with every kind."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QLabel

from gui.window_main import open_window


def _drop(target, paths=(), mime=None) -> bool:
    """Drag ``paths`` over ``target`` and drop them (Qt routes a drop to the drag target)."""
    if mime is None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *args)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(10, 10), *args)
    QApplication.sendEvent(target, drop)
    return bool(drop.isAccepted())


def test_loading_by_argument_runs_the_real_engine(qtbot, pair_files):
    window = open_window(list(pair_files))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=10000)
    assert window.headers[0].title.text() == "A: first.txt"
    assert window.headers[1].title.text() == "B: second.txt"
    assert "UTF-8" in window.headers[0].details.text()
    assert "A in B" in window.summary_label.text()
    assert "compared in" in window.elapsed_label.text()
    assert window.panes[0].toPlainText().startswith("The river rose")
    window.close()


def test_arguments_set_engine_options(qtbot, pair_files):
    window = open_window([*pair_files, "--min-phrase", "4", "--threshold", "0.5"])
    qtbot.addWidget(window)
    assert window.options.min_phrase == 4 and window.options.threshold == 0.5
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=10000)
    assert [window.sidebar.tabText(i) for i in range(window.sidebar.count())][-2:] == [
        "Entities", "Checks"]
    window.entity_controller.cancel()
    window.entity_controller.wait(30000)
    window.close()


def test_drop_one_file_on_a_pane_loads_that_side(window, pair_files, qtbot):
    assert _drop(window.panes[1].viewport(), [pair_files[0]])
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    assert window.docs[1] is not None and window.docs[1].name == "first.txt"
    assert window.docs[0] is None


def test_drop_two_files_anywhere_loads_both(window, docs, pair_files, qtbot):
    from core.comparison.engine import compare

    window.runner.compare_fn = compare
    assert _drop(window, list(pair_files))
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    assert [d.name for d in window.docs] == ["first.txt", "second.txt"]
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=10000)


def test_drop_of_non_files_is_ignored(window):
    mime = QMimeData()
    mime.setText("just text")
    assert not _drop(window.panes[0].viewport(), mime=mime)
    assert window.docs == [None, None]


def _formats(pane):
    found = []
    block = pane.document().begin()
    while block.isValid():
        for rng in block.layout().formats():
            found.append((block.position() + rng.start, rng.length, QTextCharFormat(rng.format)))
        block = block.next()
    return found


def test_highlight_classes_present_for_each_kind(shown):
    styles = {f.underlineStyle() for _s, _l, f in _formats(shown.panes[0])}
    assert QTextCharFormat.UnderlineStyle.SingleUnderline in styles  # shared
    assert QTextCharFormat.UnderlineStyle.WaveUnderline in styles  # reworded
    assert QTextCharFormat.UnderlineStyle.DotLine in styles  # unique
    text = shown.panes[0].toPlainText()
    bold = [text[s:s + n] for s, n, f in _formats(shown.panes[0]) if f.fontWeight() >= 700]
    assert bold == ["said one"]  # the changed words inside the reworded pair
    italic = [text[s:s + n] for s, n, f in _formats(shown.panes[0]) if f.fontItalic()]
    assert italic == ["Delta is a sentence that moved later."]  # moved


def test_legend_has_every_kind(shown):
    for key in ("shared", "reworded", "changed", "unique", "moved"):
        label = shown.legend.findChild(QLabel, f"legend-{key}")
        assert label is not None and label.isVisible()



def _sample_format(label: QLabel) -> QTextCharFormat:
    from PySide6.QtGui import QTextCursor, QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    cursor = QTextCursor(doc)
    cursor.setPosition(3)
    return cursor.charFormat()


def test_legend_draws_each_kind_as_the_panes_do(shown):
    """Seen: the legend drew reworded as dashed, the panes wavy; changed words underlined."""
    pane_styles = {}
    text = shown.panes[0].toPlainText()
    for start, _length, fmt in _formats(shown.panes[0]):
        span = shown._indexes[0].at(start)
        if span is not None and fmt.fontWeight() < 700:
            pane_styles[span.kind] = (fmt.underlineStyle(), fmt.background().color().name())
    assert text  # the pane shows the document
    for kind in ("shared", "reworded", "unique"):
        sample = _sample_format(shown.legend.swatches[kind])
        assert (sample.underlineStyle(), sample.background().color().name()) == pane_styles[kind]
    changed = _sample_format(shown.legend.swatches["changed"])
    bold = next(f for _s, _l, f in _formats(shown.panes[0]) if f.fontWeight() >= 700)
    assert changed.fontWeight() >= 700
    assert changed.background().color() == bold.background().color()
    assert _sample_format(shown.legend.swatches["moved"]).fontItalic()


def test_status_bar_and_summary_panel(shown):
    assert "2 shared" in shown.summary_label.text()
    assert "1 reworded" in shown.summary_label.text()
    assert "1 + 1 unique" in shown.summary_label.text()
    assert shown.sidebar.tabText(0) == "Summary"
    assert shown.summary.model.rowCount() == 3
    assert "Found in the other" in shown.summary.figures.text()


def test_tooltips_name_kind_similarity_and_moved(shown):
    text = shown.panes[0].toPlainText()
    assert "Match 2: reworded passage · 60% similar" in shown.passage_tooltip(0, text.index("Beta"))
    assert "moved" in shown.passage_tooltip(0, text.index("Delta"))
    assert "Unique" in shown.passage_tooltip(0, text.index("Gamma"))


def test_public_api_for_other_panels(shown, qtbot):
    from PySide6.QtWidgets import QWidget

    index = shown.add_sidebar_tab(QWidget(), "Entities")
    assert shown.sidebar.tabText(index) == "Entities"
    shown.highlight_ranges(1, [(0, 5), (10, 15)])
    assert shown.panes[1].layer_ranges("marks") == [(0, 5), (10, 15)]
    assert shown.rulers[1].marks() == [(0, 5), (10, 15)]
    with qtbot.waitSignal(shown.result_changed, timeout=5000) as blocker:
        shown.request_compare()
    assert blocker.args[0] is shown.current_result


def test_link_map_draws_a_band_per_visible_match(shown, qtbot):
    shown.link_map.grab()
    ids = sorted(match_id for match_id, _path in shown.link_map.visible_paths())
    assert ids == [0, 1, 2]


def test_hover_and_click_focus_both_sides(shown):
    text_a = shown.panes[0].toPlainText()
    shown._on_click(0, text_a.index("Beta"))
    text_b = shown.panes[1].toPlainText()
    start = text_b.index("Beta was told")
    assert shown.panes[1].layer_ranges("focus") == [(start, start + 31)]
    assert shown.summary.view.currentIndex().row() == shown.summary.model.row_of(1)


def test_entry_point_opens_the_window_on_both_files(qapp, qtbot, pair_files, monkeypatch):
    import gui.window_main as window_main
    from gui.app import main

    opened = []
    real_open = window_main.open_window

    def open_and_keep(args):
        opened.append(real_open(args))
        return opened[-1]

    class App:  # the real event loop would block the test
        aboutToQuit = qapp.aboutToQuit  # noqa: N815 (Qt's name)

        def exec(self):
            return 0

    monkeypatch.setattr(window_main, "create_app", lambda: App())
    monkeypatch.setattr(window_main, "open_window", open_and_keep)
    assert main(list(pair_files)) == 0
    window = opened[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.loader.busy, timeout=10000)  # read off the UI thread
    assert [d.name for d in window.docs] == ["first.txt", "second.txt"]
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=10000)
    assert [window.sidebar.tabText(i) for i in range(window.sidebar.count())][-2:] == [
        "Entities", "Checks"]
    window.entity_controller.cancel()
    window.entity_controller.wait(30000)
    window.close()


def test_too_many_files_is_a_usage_error(capsys):
    from gui.window_main import run_window

    assert run_window(["a", "b", "c"]) == 2
    assert "at most two files" in capsys.readouterr().err


def test_the_app_has_the_concord_icon(qapp) -> None:
    from gui.window_main import create_app, resource_path

    assert resource_path("concord.png").exists()
    assert not create_app().windowIcon().isNull()


def test_find_clears_the_previous_hit_when_the_text_is_not_found(shown):
    """Seen: 'Harwell' marked, typing on to 'Harwellzz' said "Not found" but kept the old
    hit marked in bold."""
    bar = shown.find_bar
    bar.open_bar(0)
    bar.field.setText("Alpha")
    assert shown.panes[0].layer_ranges("find") == [(0, 5)]
    bar.field.setText("Alphazz")
    assert bar.status.text() == "Not found"
    assert shown.panes[0].layer_ranges("find") == []
