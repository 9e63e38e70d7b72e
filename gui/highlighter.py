"""Paint shared / reworded / unique passages block by block, looking spans up with bisect."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from core.model import Match
from core.view.ranges import RangeIndex, change_index
from gui.offsets import Utf16Offsets
from gui.palette import Theme, changed_format, kind_format, muted_format

IDENTITY = Utf16Offsets("")  # a text without characters outside the BMP

SLICE_SECONDS = 0.012  # main-thread time per background highlighting step


class SpanHighlighter(QSyntaxHighlighter):
    """Applies kind formats block by block: visible blocks at once, the rest in time slices.

    ``set_spans`` never walks the whole document on the UI thread: the blocks on screen are
    formatted immediately (``highlight_range``), the others by a timer in ~12 ms slices.
    """

    def __init__(self, document: QTextDocument, theme: Theme,
                 offsets: Callable[[], Utf16Offsets] | None = None) -> None:
        super().__init__(document)
        self._theme = theme
        # The pane's code-point <-> UTF-16 map: spans are code points, Qt blocks UTF-16.
        self._offsets = offsets or (lambda: IDENTITY)
        self._view: str | None = None  # core.view.modes key (None: Everything)
        self._spans = RangeIndex([])
        self._changes = RangeIndex([])
        self._moved: set[int] = set()
        self._muted = RangeIndex([])  # boilerplate lines, drawn grey over any kind
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._changed: dict[bool, QTextCharFormat] = {}
        self._done: set[int] = set()  # block numbers formatted for the current spans
        self._next = QTextBlock()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self._build_formats()

    def _build_formats(self) -> None:
        for kind in ("shared", "reworded", "unique"):
            for moved in (False, True):
                self._formats[kind, moved] = kind_format(self._theme, kind, moved, self._view)
        self._changed = {m: changed_format(self._theme, m, self._view) for m in (False, True)}
        self._muted_format = muted_format(self._theme)

    def set_theme(self, theme: Theme) -> None:
        """Switch colours (system palette changed) and repaint progressively."""
        self._theme = theme
        self._build_formats()
        self._restart_if_shown()

    def set_boilerplate(self, ranges: list[tuple[int, int]]) -> None:
        """Grey these ranges (site furniture) whatever their kind; [] to stop."""
        if not ranges and not len(self._muted):
            return  # nothing muted before or now: no repaint
        self._muted = RangeIndex([(s, e, None) for s, e in ranges])
        self._restart_if_shown()

    def set_view(self, view: str | None) -> None:
        """Draw the marks as view ``view`` does (Everything, Copied, Changes, Plain)."""
        if view != self._view:
            self._view = view
            self._build_formats()
            self._restart_if_shown()

    def set_spans(self, spans: RangeIndex, matches: Sequence[Match], side: int) -> None:
        """Show a new result's spans (indexed) for document ``side`` (0 = A, 1 = B)."""
        if not len(spans) and not len(self._spans):
            return  # nothing shown, nothing to show
        self._spans = spans
        self._changes = change_index(matches, side)
        self._moved = {m.id for m in matches if m.moved}
        self._restart()

    def document_replaced(self) -> None:
        """The text was replaced (Qt re-ran highlightBlock on every block): forget state."""
        self._timer.stop()
        self._done.clear()

    @property
    def pending(self) -> bool:
        """True while blocks still wait for their formats."""
        return self._timer.isActive()

    def _restart_if_shown(self) -> None:
        """Repaint progressively, unless no result is shown (then nothing changes)."""
        if len(self._spans):
            self._restart()

    def _restart(self) -> None:
        self._done.clear()
        self._next = self.document().begin()
        self._timer.start()

    def highlight_range(self, first: QTextBlock, last_position: int) -> None:
        """Format the blocks from ``first`` up to ``last_position`` now (the visible ones)."""
        block = first
        while block.isValid() and block.position() <= last_position:
            if block.blockNumber() not in self._done:
                self.rehighlightBlock(block)
            block = block.next()

    def finish(self) -> None:
        """Format every remaining block now (tests, printing a grab)."""
        while self._timer.isActive():
            self._work(deadline=float("inf"))

    def _work(self, deadline: float | None = None) -> None:
        end = time.perf_counter() + SLICE_SECONDS if deadline is None else deadline
        block = self._next
        while block.isValid():
            if block.blockNumber() not in self._done:
                self.rehighlightBlock(block)
            block = block.next()
            if time.perf_counter() > end:
                break
        self._next = block
        if not block.isValid():
            self._timer.stop()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
        self._done.add(block.blockNumber())
        if not len(self._spans):
            return
        offsets = self._offsets()
        block_qt = block.position()
        start = offsets.from_qt(block_qt)
        end = start + len(text)  # ``text`` is a Python str: code points

        def paint(lo: int, hi: int, fmt: QTextCharFormat) -> None:
            lo_qt = offsets.to_qt(lo)
            self.setFormat(lo_qt - block_qt, offsets.to_qt(hi) - lo_qt, fmt)

        for s_start, s_end, span in self._spans.overlapping(start, end):
            paint(max(s_start, start), min(s_end, end), self._formats[span.kind,
                                                                      span.match in self._moved])
        for c_start, c_end, match in self._changes.overlapping(start, end):
            paint(max(c_start, start), min(c_end, end), self._changed[match.moved])
        for m_start, m_end, _none in self._muted.overlapping(start, end):
            paint(max(m_start, start), min(m_end, end), self._muted_format)
