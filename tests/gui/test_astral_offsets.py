"""Emoji and other characters outside the BMP: marks stay on their words (Qt counts UTF-16)."""

from __future__ import annotations

from core.comparison.engine import compare
from core.readers.load import document_from_text
from gui.offsets import Utf16Offsets

TEXT_A = ("The mayor 😀 said the bridge will open in May. 🎉🎉 Officials confirmed the cost "
          "was two million.\n\nA second paragraph 𝒜𝒷𝒸 about the river stays the same here.")
TEXT_B = ("Officials confirmed the cost was two million. The mayor 😀 said the bridge will "
          "open in May.\n\nA second paragraph 𝒜𝒷𝒸 about the river stays the same here.")


def test_offsets_round_trip_through_utf16() -> None:
    text = "a😀b𝒜𝒷c"
    offsets = Utf16Offsets(text)
    for cp in range(len(text) + 1):
        units = len(text[:cp].encode("utf-16-le")) // 2
        assert offsets.to_qt(cp) == units and offsets.from_qt(units) == cp


def _painted(pane, highlighter) -> list[tuple[int, int]]:
    """Code-point ranges that the highlighter gave a format, block by block."""
    highlighter.finish()
    ranges = []
    block = pane.document().begin()
    while block.isValid():
        for fr in block.layout().formats():
            lo = pane.offsets.from_qt(block.position() + fr.start)
            hi = pane.offsets.from_qt(block.position() + fr.start + fr.length)
            ranges.append((lo, hi))
        block = block.next()
    return ranges


def test_marks_and_find_stay_on_their_words_after_emoji(window, qtbot) -> None:
    window.runner.compare_fn = compare
    window.set_document(0, document_from_text(TEXT_A, "a.txt"), compare=False)
    window.set_document(1, document_from_text(TEXT_B, "b.txt"), compare=True)
    qtbot.waitUntil(lambda: window.current_result is not None, timeout=10000)
    pane, result = window.panes[0], window.current_result
    painted = _painted(pane, window.highlighters[0])
    spans = [(s.start, s.end) for s in result.spans[0]]
    # Every span's first and last character carry a format, and the paint ends where it does.
    for start, end in spans:
        assert any(lo <= start < hi for lo, hi in painted)
        assert any(lo < end <= hi for lo, hi in painted)
    assert max(hi for _lo, hi in painted) == max(end for _s, end in spans)
    # Find: the selection is the word searched for, after three astral characters.
    window.find_bar.open_bar(0)
    window.find_bar.field.setText("river")
    assert window.find_bar.find(True)
    start = TEXT_A.index("river")
    assert pane.layer_ranges("find") == [(start, start + 5)]
    assert pane.textCursor().selectedText() == "river"
    assert pane.selection_offsets() == (start, start + 5)
