"""The window's layout at the sizes people use: panes keep their room, nothing is clipped."""

from __future__ import annotations

import pytest
from gui_fixtures import TEXT_A, TEXT_B, build_result

from core.readers.load import document_from_text

LONG_A = "quarterly-report-of-the-regional-flood-commission-draft-version-1.txt"
LONG_B = "quarterly-report-of-the-regional-flood-commission-final-version-7.txt"


def _long_named(window, qtbot):
    docs = document_from_text(TEXT_A, LONG_A), document_from_text(TEXT_B, LONG_B)
    window.set_document(0, docs[0], compare=False)
    window.set_document(1, docs[1], compare=False)
    window._show_result(build_result(*docs))
    return window


@pytest.mark.parametrize("size", [(900, 600), (1280, 800), (1920, 1080)])
def test_sidebar_yields_to_the_panes_with_long_file_names(window, qtbot, size):
    """Seen: the Summary table headed its columns with the file names, so at 900x600 the
    sidebar took ~420 px and each pane ~180 px; the match list's B column never showed."""
    win = _long_named(window, qtbot)
    win.resize(*size)
    qtbot.wait(50)
    panes = [p.width() for p in win.panes]
    assert win.sidebar.width() <= max(240, size[0] // 4 + 10)
    assert min(panes) >= (size[0] - win.sidebar.width()) * 0.38
    assert min(panes) > win.sidebar.width() or size[0] < 1000
    header = win.summary.view.header()
    b_column = header.sectionViewportPosition(4)
    assert 0 < b_column < win.summary.view.viewport().width() - 20  # B excerpts visible


def test_legend_fits_at_900_px(window, qtbot):
    """Seen: the legend was clipped at 900 px ('Shared wo', 'Changed')."""
    win = _long_named(window, qtbot)
    win.resize(900, 600)
    qtbot.wait(50)
    for label in win.legend.swatches.values():
        if label.isVisible():
            assert label.geometry().right() <= win.legend.width()
            assert label.width() >= label.sizeHint().width()


def test_summary_heads_are_short_and_names_are_in_the_tooltip(window, qtbot):
    win = _long_named(window, qtbot)
    assert LONG_A not in win.summary.figures.text()
    assert LONG_A in win.summary.figures.toolTip()


def test_gutter_widens_with_the_window(window, qtbot):
    window.resize(900, 600)
    qtbot.wait(20)
    narrow = window.link_map.width()
    window.resize(1920, 1080)
    qtbot.wait(20)
    assert window.link_map.width() >= narrow + 30


def test_bands_only_for_matches_visible_on_both_sides(window, qtbot):
    from core.comparison.engine import compare

    paras_a = [f"Paragraph {i} tells the same story in both documents, word for word, "
               f"about the flood number {i} of the season." for i in range(80)]
    paras_b = list(reversed(paras_a))  # the counterparts of the top of A sit at B's end
    doc_a = document_from_text("\n\n".join(paras_a), "a.txt")
    doc_b = document_from_text("\n\n".join(paras_b), "b.txt")
    window.set_document(0, doc_a, compare=False)
    window.set_document(1, doc_b, compare=False)
    window._show_result(compare(doc_a, doc_b))
    window.set_sync_scroll(False)
    window.resize(1280, 800)
    window.link_map.repaint()
    drawn = window.link_map.visible_paths()
    assert drawn  # stubs for A's visible passages
    full = window.link_map.band_ids()
    for match_id in full:
        match = window.current_result.match_by_id(match_id)
        _a0, a1 = window.panes[0].visible_range()
        b0, b1 = window.panes[1].visible_range()
        assert match.a[0] <= a1 and match.b[0] <= b1 and match.b[1] >= b0
    assert len(full) < len(drawn)


@pytest.mark.parametrize("size", [(900, 600), (1280, 800), (1920, 1080)])
def test_every_toolbar_entry_fits(window, qtbot, size):
    """Seen: at 1280 px the labels pushed the view switch into the overflow menu."""
    window.resize(*size)
    qtbot.wait(20)
    bar = window.actions_["toolbar"]
    assert bar.sizeHint().width() <= window.width()
    combo = window.view_switch.combo
    assert combo.isVisible() and combo.geometry().right() <= bar.width()
