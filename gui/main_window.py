"""The main window: two document panes, connector gutter, rulers, sidebar and status bar."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import ConcordError
from core.model import Document, Result
from core.readers.load import DEFAULT_MAX_BYTES
from core.view.alignment import AlignmentMap
from core.view.ranges import RangeIndex, span_index
from core.view.summary import banner, status_text
from gui.actions import build_actions, fit_toolbar, update_action_states
from gui.boilerplate_view import BoilerplateMuting
from gui.find_bar import FindBar
from gui.highlighter import SpanHighlighter
from gui.legend import Legend
from gui.link_map import LinkMap
from gui.marks import TabMarks
from gui.overview_ruler import OverviewRuler
from gui.palette import current_theme
from gui.settings import load_flag, load_options, save_flag
from gui.sources import DocumentSources
from gui.summary_panel import SummaryPanel
from gui.sync_scroll import SyncScroller
from gui.text_pane import PaneHeader, TextPane
from gui.view_switch import ViewSwitch
from gui.window_api import install_entry_points
from gui.window_files import Files
from gui.window_layout import WindowLayout, build_status_bar, cycle_focus
from gui.window_loading import Loader
from gui.window_navigation import Navigation
from gui.window_reports import Reports

SIDE_NAMES = ("A", "B")


class MainWindow(QMainWindow):
    """Concord's window. ``compare_fn`` replaces the engine (tests, benchmarks)."""

    result_changed = Signal(object)

    def __init__(self, compare_fn: Callable[..., Result] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        from gui.worker import CompareRunner

        self.setWindowTitle("Concord")
        self.setAcceptDrops(True)
        self.docs: list[Document | None] = [None, None]
        self.max_bytes = max_bytes
        self.encoding: str | None = None
        self.entities_enabled = True  # read by the entity panel (--no-entities turns it off)
        self.options = load_options()
        self.theme = current_theme()
        self._result: Result | None = None
        self._indexes: tuple[RangeIndex, RangeIndex] = (RangeIndex([]), RangeIndex([]))
        self._focus_match: int | None = None
        self.timings: dict[str, float] = {}
        self.runner = CompareRunner(compare_fn, self)
        self.navigation = Navigation(self)
        self.reports = Reports(self)
        self._build_panes()
        self._build_central()
        build_status_bar(self)
        self.loader = Loader(self)
        self.actions_ = build_actions(self)
        self.sources = DocumentSources(self)
        self.sources.install(self.actions_["file_menu"], self.actions_["edit_menu"])
        self.actions_.update(self.sources.actions)
        self.view_switch = ViewSwitch(self)
        self.view_switch.add_to_menu(self.actions_["view_menu"])
        self.muting = BoilerplateMuting(self)
        self.actions_["mute_boilerplate"] = self.muting.action
        self.actions_["view_menu"].addSeparator()
        self.actions_["view_menu"].addAction(self.muting.action)
        self.actions_["toolbar"].addSeparator()
        self.actions_["toolbar"].addWidget(self.view_switch.combo)
        self._connect()
        self.files = Files(self)  # needs the menus (recent files)
        self.set_sync_scroll(load_flag("sync_scroll", True))
        self.set_line_numbers(load_flag("line_numbers", False))
        self.update_actions()
        self.apply_theme(force=True)
        self.resize(1280, 800)

    # -- construction ------------------------------------------------------------------------
    def _build_panes(self) -> None:
        self.panes = (TextPane(), TextPane())
        self.headers = (PaneHeader("A"), PaneHeader("B"))
        self.rulers = (OverviewRuler(), OverviewRuler())
        self.highlighters = tuple(SpanHighlighter(p.document(), self.theme,
                                                  offsets=lambda p=p: p.offsets)
                                  for p in self.panes)
        self.link_map = LinkMap(*self.panes)
        self.sync = SyncScroller(self.panes, self)
        for side, pane in enumerate(self.panes):
            pane.setObjectName(f"pane-{SIDE_NAMES[side]}")
            pane.setAccessibleName(f"Document {SIDE_NAMES[side]}")
            self.rulers[side].setAccessibleName(f"Overview of document {SIDE_NAMES[side]}")
            self.headers[side].setAccessibleName(f"Details of document {SIDE_NAMES[side]}")
            pane.tooltip_provider = lambda offset, s=side: self.passage_tooltip(s, offset)
        self.link_map.setAccessibleName("Connector bands between the documents")

    def _side_widget(self, side: int) -> QWidget:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        widgets = [self.rulers[0], self.panes[0]] if side == 0 else [self.panes[1],
                                                                        self.rulers[1]]
        for w in widgets:
            row.addWidget(w, 1 if isinstance(w, TextPane) else 0)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.headers[side])
        column.addLayout(row, 1)
        widget = QWidget()
        widget.setLayout(column)
        return widget

    def _build_central(self) -> None:
        compare_row = QHBoxLayout()
        compare_row.setContentsMargins(0, 0, 0, 0)
        compare_row.setSpacing(0)
        compare_row.addWidget(self._side_widget(0), 1)
        compare_row.addWidget(self.link_map)
        compare_row.addWidget(self._side_widget(1), 1)
        self.legend = Legend()
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        area = QWidget()
        column = QVBoxLayout(area)
        column.setContentsMargins(4, 4, 4, 0)
        column.addWidget(self.legend)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Comparison verdict")
        self.banner.setStyleSheet("QLabel#banner { font-weight: bold; padding: 6px;"
                                  " border: 1px solid palette(mid); border-radius: 3px;"
                                  " background: palette(alternate-base); }")
        self.banner.hide()
        column.addWidget(self.banner)
        column.addLayout(compare_row, 1)
        column.addWidget(self.find_bar)
        self.summary = SummaryPanel()
        self.sidebar = QTabWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.addTab(self.summary, "Summary")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(area)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([960, 320])
        self.splitter.setCollapsible(0, False)
        self.layout_ = WindowLayout(self)
        self.setCentralWidget(self.splitter)
        self.marks = TabMarks(self)

    def _connect(self) -> None:
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.link_map.match_clicked.connect(lambda m: self.select_match(m))
        self.link_map.match_hovered.connect(
            lambda m: self.set_focus_match(m if m >= 0 else self._focus_match))
        self.summary.match_activated.connect(lambda m: self.select_match(m, from_list=True))
        for side, pane in enumerate(self.panes):
            pane.files_dropped.connect(lambda paths, s=side: self.load_dropped(paths, s))
            pane.links_dropped.connect(lambda links, s=side: self.sources.drop_links(links, s))
            pane.hovered.connect(lambda offset, s=side: self._on_hover(s, offset))
            pane.clicked.connect(lambda offset, s=side: self._on_click(s, offset))
            pane.cursorPositionChanged.connect(lambda s=side: self._on_caret(s))
            pane.verticalScrollBar().valueChanged.connect(lambda _v, s=side: self._on_scroll(s))
            pane.updateRequest.connect(lambda *_a, s=side: self._update_ruler(s))
            self.rulers[side].jump_requested.connect(
                lambda offset, s=side: self.panes[s].scroll_to_offset(offset))

    # -- public API --------------------------------------------------------------------------
    @property
    def view_mode(self) -> str:
        """The chosen view (core.view.modes key); the report follows it."""
        return self.view_switch.key

    @property
    def current_result(self) -> Result | None:
        """The Result shown, or None."""
        return self._result

    def attach_entities(self, result: Result) -> None:
        """Replace the shown result by the same one with its entities (no repaint)."""
        if self._result is not None and result.documents == self._result.documents:
            self._result = result
            self.update_actions()

    def add_sidebar_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to the right-hand sidebar (e.g. the entity list); returns its index."""
        return self.sidebar.addTab(widget, title)

    def set_line_numbers(self, on: bool) -> None:
        """View > Line numbers (remembered)."""
        for pane in self.panes:
            pane.show_line_numbers(on)
        save_flag("line_numbers", on)
        action = self.actions_.get("line_numbers")
        if action is not None and action.isChecked() != on:
            action.setChecked(on)

    def highlight_ranges(self, side: int, ranges: list[tuple[int, int]],
                         scroll_to_first: bool = True) -> None:
        """Mark ``ranges`` of pane ``side`` (entity mentions...) in the text and on its ruler."""
        self.marks.show(side, list(ranges))
        if scroll_to_first and ranges:
            self.panes[side].scroll_to_offset(min(r[0] for r in ranges))

    def update_actions(self) -> None:
        """Enable or disable actions for the current state."""
        if hasattr(self, "actions_"):
            update_action_states(self)
        if hasattr(self, "sources"):
            self.sources.update()

    def show_error(self, title: str, message: str) -> None:
        """Tell the user something went wrong (tests replace this)."""
        QMessageBox.warning(self, title, message)

    # -- loading and comparing ---------------------------------------------------------------
    def load_side(self, side: int, path: str, compare: bool = True,
                  encoding: str | None = None) -> bool:
        """Start reading ``path`` into pane ``side`` off the UI thread (``encoding``: instead
        of detecting it); True when the read started. The pane keeps what it shows until the
        file is read; a failure goes to the error dialog. A newer load for the side wins."""
        return self.loader.load(side, path, compare, encoding)

    def set_document(self, side: int, doc: Document, compare: bool = True) -> None:
        """Show ``doc`` in pane ``side`` (unhighlighted) and compare when both sides exist."""
        started = time.perf_counter()
        self.loader.forget(side)  # a document set another way supersedes a file being read
        self.sources.forget(side)  # ... and a page being downloaded
        self._show_result(None)
        self.docs[side] = doc
        self.headers[side].set_document(doc)
        self.highlighters[side].document_replaced()
        self.panes[side].set_text(doc.text)
        self.rulers[side].set_spans(len(doc.text), ())
        self.timings["set_text"] = time.perf_counter() - started
        self.update_actions()
        if compare:
            self.request_compare()

    def request_compare(self) -> int | None:
        """Compare the two documents in the worker; returns the job id (None: not both, or
        held back until the files being read have arrived)."""
        if self.loader.defer():
            return None  # runs once the files being read have arrived
        if self.docs[0] is None or self.docs[1] is None:
            return None
        self._compare_started = time.perf_counter()
        job = self.runner.submit((self.docs[0], self.docs[1]), self.options)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.summary_label.setText("Comparing…")
        self.update_actions()
        return job

    def cancel_compare(self) -> None:
        """Stop the running comparison."""
        self.runner.cancel()

    def escape(self) -> None:
        """Esc: stop reading files and a running comparison, close Find, clear every mark."""
        self.loader.cancel_all()
        if self.runner.busy:
            self.cancel_compare()
        self.find_bar.close_bar()
        self.marks.clear()
        self._focus_match = None
        self.set_focus_match(None)
        for pane in self.panes:
            pane.set_layer("focus", [], self.focus_format())

    def _on_progress(self, stage: str, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"{stage} %p%")

    def _end_busy(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.update_actions()

    def _on_result(self, result: Result) -> None:
        self._end_busy()
        current = tuple(d.text if d else None for d in self.docs)
        if tuple(d.text for d in result.documents) != current:
            return  # the documents changed since the job started
        self.timings["compare"] = time.perf_counter() - self._compare_started
        self._show_result(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._end_busy()
        self.summary_label.setText("The comparison failed.")
        if isinstance(exc, ConcordError):
            self.show_error("Comparison failed", str(exc))
        else:
            self.show_error("Comparison failed",
                            f"An unexpected error stopped the comparison:\n"
                            f"{type(exc).__name__}: {exc}")

    def _on_cancelled(self) -> None:
        self._end_busy()
        self.summary_label.setText("Comparison cancelled.")

    # -- showing a result --------------------------------------------------------------------
    def _show_result(self, result: Result | None) -> None:
        started = time.perf_counter()
        self._result = result
        self._focus_match = None
        matches = result.matches if result else ()
        self._indexes = ((span_index(result.spans[0]), span_index(result.spans[1]))
                         if result else (RangeIndex([]), RangeIndex([])))
        self.marks.clear()  # they belonged to the old result
        self.find_bar.clear_marks()
        for side in (0, 1):
            self.highlighters[side].set_spans(self._indexes[side], matches, side)
            self.highlight_visible(side)
            self.panes[side].set_layer("focus", [], self.focus_format())
            length = len(self.docs[side].text) if self.docs[side] else 0
            self.rulers[side].set_spans(length, result.spans[side] if result else ())
        alignment = (AlignmentMap(result.matches, len(result.documents[0].text),
                                  len(result.documents[1].text)) if result else None)
        self.sync.set_map(alignment)
        self.link_map.set_result(result)
        self.summary.set_result(result, self.theme, self.muting.apply(result))
        self.navigation.reset_navigation(result, alignment)
        self.banner.setText(banner(result))
        self.banner.setVisible(bool(self.banner.text()))
        if result is not None:
            self.summary_label.setText(status_text(result))
            self.elapsed_label.setText(f"compared in {result.elapsed:.2f} s")
            self.setWindowTitle(f"{result.documents[0].name} ↔ {result.documents[1].name}"
                                " — Concord")
            for side in (0, 1):
                self.panes[side].setAccessibleName(
                    f"Document {SIDE_NAMES[side]}: {result.documents[side].name}")
            self.timings["highlight"] = time.perf_counter() - started
            self.sync.follow(0)
        else:
            self.elapsed_label.setText("")
        self.update_actions()
        self.result_changed.emit(result)  # None too: panels drop what belonged to the old one

    def passage_tooltip(self, side: int, offset: int) -> str:
        """'Reworded passage · 64% similar · moved' for the passage under the mouse."""
        span = self._indexes[side].at(offset)
        if span is None:
            return ""
        if span.match is None or self._result is None:
            return f"Unique passage: no counterpart in {SIDE_NAMES[1 - side]}"
        match = self._result.match_by_id(span.match)
        text = (f"Match {match.id + 1}: {match.kind} passage · "
                f"{match.similarity:.0%} similar")
        where = [f"{SIDE_NAMES[s]} {self._result.documents[s].location_at(r[0])}"
                 for s, r in ((0, match.a), (1, match.b))
                 if self._result.documents[s].location_at(r[0])]
        if where:
            text += " · " + ", ".join(where)  # "A p. 3, B p. 5" for paged formats
        if match.moved:
            text += " · moved (its counterpart sits elsewhere)"
        return text + " · click to show its counterpart"

    def _match_at(self, side: int, offset: int) -> int | None:
        span = self._indexes[side].at(offset) if offset >= 0 else None
        return span.match if span is not None else None

    def _on_hover(self, side: int, offset: int) -> None:
        self.set_focus_match(self._match_at(side, offset) if offset >= 0 else self._focus_match)

    def _on_caret(self, side: int) -> None:
        """Keyboard users get the passage's tooltip in the status bar as the caret moves."""
        pane = self.panes[side]
        if pane.hasFocus() and self._result is not None:
            tip = self.passage_tooltip(side, pane.caret_offset())
            if tip:
                self.statusBar().showMessage(tip.replace("click", "Enter"), 4000)

    def cycle_focus(self, backwards: bool = False) -> None:
        """F6 / Shift+F6: pane A, pane B, the sidebar."""
        cycle_focus(self, backwards)

    def _on_click(self, side: int, offset: int) -> None:
        match_id = self._match_at(side, offset)
        if match_id is not None:
            self.select_match(match_id, source_side=side)

    def set_focus_match(self, match_id: int | None) -> None:
        """Emphasise ``match_id``'s passages in both panes and its band in the gutter."""
        if self._result is None:
            return
        self.link_map.set_focus_match(match_id)
        ranges: tuple[tuple[int, int], ...] = ((), ())  # type: ignore[assignment]
        if match_id is not None:
            match = self._result.match_by_id(match_id)
            ranges = ((match.a,), (match.b,))
        for side in (0, 1):
            self.panes[side].set_layer("focus", list(ranges[side]), self.focus_format())

    def focus_format(self) -> QTextCharFormat:
        """The passage in focus keeps its colours and gets a line above and below each line."""
        fmt = QTextCharFormat()
        fmt.setFontOverline(True)
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(self.palette().color(self.palette().ColorRole.Text))
        return fmt

    def _on_scroll(self, side: int) -> None:
        self.highlight_visible(side)
        self._update_ruler(side)

    def highlight_visible(self, side: int) -> None:
        """Format the blocks on screen now (the rest is formatted in the background)."""
        pane = self.panes[side]
        if self.highlighters[side].pending:
            last = pane.offsets.to_qt(pane.offset_at_y(pane.viewport().height()))
            self.highlighters[side].highlight_range(pane.firstVisibleBlock(), last)

    def _update_ruler(self, side: int) -> None:
        self.rulers[side].set_view(*self.panes[side].visible_range())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            QTimer.singleShot(0, self.apply_theme)
        super().changeEvent(event)

    def apply_theme(self, force: bool = False) -> None:
        """Re-read the system palette and recolour highlights, rulers, gutter and legend."""
        theme = current_theme(self.palette())
        if theme == self.theme and not force:
            return
        self.theme = theme
        for side in (0, 1):
            self.highlighters[side].set_theme(theme)
            self.rulers[side].set_theme(theme)
        self.link_map.set_theme(theme)
        self.legend.set_theme(theme)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        fit_toolbar(self)
        self.layout_.fit()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.files.drag_enter(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.files.drop(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.loader.shutdown()
        self.runner.cancel(silent=True)
        self.runner.wait(3000)
        super().closeEvent(event)


install_entry_points(MainWindow)
