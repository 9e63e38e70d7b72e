"""Menus, toolbar and keyboard shortcuts of the main window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QFont, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QMessageBox, QStyle, QToolBar

REPORT_ACTIONS = ("print", "preview", "export_pdf", "export_html")
RESULT_ACTIONS = (*REPORT_ACTIONS, "next_diff", "prev_diff", "next_match", "prev_match")


def _action(window, text: str, slot: Callable, shortcuts=(), tip: str = "",
            icon: QStyle.StandardPixmap | None = None) -> QAction:
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    keys = ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                     for s in shortcuts)
    action.setToolTip(f"{tip or text.replace('…', '')}" + (f" ({keys})" if keys else ""))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def glyph_icon(window, glyph: str) -> QIcon:
    """An icon drawn from a text glyph, in the palette's text colour (crisp at any DPI)."""
    ratio = window.devicePixelRatioF()
    pixmap = QPixmap(int(24 * ratio), int(24 * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = QFont(window.font())
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(window.palette().color(QPalette.ColorRole.ButtonText))
    painter.drawText(QRect(0, 0, 24, 24), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


def _file_menu(window, acts: dict) -> None:
    sp = QStyle.StandardPixmap
    acts["open_a"] = _action(window, "Open &A…", lambda: window.open_side(0), ["Ctrl+O"],
                             "Open the left document", sp.SP_DialogOpenButton)
    acts["open_b"] = _action(window, "Open &B…", lambda: window.open_side(1), ["Ctrl+Shift+O"],
                             "Open the right document", sp.SP_DialogOpenButton)
    acts["swap"] = _action(window, "&Swap sides", window.swap_sides, ["Ctrl+Shift+S"])
    acts["swap"].setIcon(glyph_icon(window, "⇄"))
    acts["reload"] = _action(window, "&Reload", window.reload, ["Ctrl+R"],
                             "Read both files again", sp.SP_BrowserReload)
    acts["print"] = _action(window, "&Print…", window.print_report, ["Ctrl+P"])
    acts["preview"] = _action(window, "Print Pre&view…", window.preview_report)
    acts["export_pdf"] = _action(window, "&PDF…", window.export_pdf)
    acts["export_html"] = _action(window, "&HTML…", window.export_html)
    acts["quit"] = _action(window, "&Quit", window.close, ["Ctrl+Q"])
    menu = window.menuBar().addMenu("&File")
    acts["file_menu"] = menu
    menu.addActions([acts["open_a"], acts["open_b"]])
    acts["recent_menu"] = menu.addMenu("Recent &files")
    menu.addSeparator()
    menu.addActions([acts["swap"], acts["reload"]])
    menu.addSeparator()
    menu.addActions([acts["print"], acts["preview"]])
    export = menu.addMenu("&Export")
    export.addActions([acts["export_pdf"], acts["export_html"]])
    acts["export_menu"] = export
    menu.addSeparator()
    menu.addAction(acts["quit"])


def _edit_view_menus(window, acts: dict) -> None:
    acts["find"] = _action(window, "&Find…", lambda: window.find_bar.open_bar(), ["Ctrl+F"])
    acts["find_next"] = _action(window, "Find &next", lambda: window.find_bar.find(True), ["F3"])
    acts["settings"] = _action(window, "&Settings…", window.edit_settings, ["Ctrl+,"],
                               "Comparison settings",
                               QStyle.StandardPixmap.SP_FileDialogDetailedView)
    edit = window.menuBar().addMenu("&Edit")
    acts["edit_menu"] = edit
    edit.addActions([acts["find"], acts["find_next"]])
    edit.addSeparator()
    edit.addAction(acts["settings"])
    sync = QAction("S&ynchronised scrolling", window)
    sync.setCheckable(True)
    sync.setChecked(True)
    sync.setShortcut(QKeySequence("Ctrl+L"))
    sync.setToolTip("Scroll both panes together, following the alignment (Ctrl+L)")
    sync.toggled.connect(window.set_sync_scroll)
    sync.setIcon(glyph_icon(window, "⇅"))
    acts["sync_scroll"] = sync
    wrap = QAction("&Word wrap", window)
    wrap.setCheckable(True)
    wrap.setChecked(True)
    wrap.toggled.connect(lambda on: [p.setLineWrapMode(p.LineWrapMode.WidgetWidth if on
                                                       else p.LineWrapMode.NoWrap)
                                     for p in window.panes])
    acts["wrap"] = wrap
    numbers = QAction("&Line numbers", window)
    numbers.setCheckable(True)
    numbers.setShortcut(QKeySequence("Ctrl+Shift+L"))
    numbers.setToolTip("Number the lines of both documents, as the report does (Ctrl+Shift+L)")
    numbers.toggled.connect(window.set_line_numbers)
    acts["line_numbers"] = numbers
    sidebar = window.sidebar.toggleViewAction() if hasattr(window.sidebar,
                                                           "toggleViewAction") else None
    view = window.menuBar().addMenu("&View")
    acts["view_menu"] = view
    view.addActions([sync, wrap, numbers])
    if sidebar is not None:
        view.addAction(sidebar)


def _go_menu(window, acts: dict) -> None:
    sp = QStyle.StandardPixmap
    acts["next_diff"] = _action(window, "&Next difference", window.next_difference,
                                ["F7", "Alt+Down"], icon=sp.SP_ArrowDown)
    acts["prev_diff"] = _action(window, "&Previous difference", window.previous_difference,
                                ["Shift+F7", "Alt+Up"], icon=sp.SP_ArrowUp)
    acts["next_match"] = _action(window, "Next &match", window.next_match,
                                 ["Ctrl+F7", "Alt+PgDown"], icon=sp.SP_MediaSeekForward)
    acts["prev_match"] = _action(window, "Previous m&atch", window.previous_match,
                                 ["Ctrl+Shift+F7", "Alt+PgUp"], icon=sp.SP_MediaSeekBackward)
    acts["compare"] = _action(window, "&Compare again", window.request_compare, ["F5"])
    acts["cancel"] = _action(window, "Ca&ncel comparison", window.cancel_compare)
    acts["escape"] = _action(window, "C&lear marks", window.escape, ["Esc"],
                             "Close Find, clear search hits, entity marks and the emphasis; "
                             "stop a running comparison")
    acts["focus_next"] = _action(window, "Next &area", window.cycle_focus, ["F6"],
                                 "Move the keyboard focus: pane A, pane B, the sidebar")
    acts["focus_prev"] = _action(window, "Previous ar&ea", lambda: window.cycle_focus(True),
                                 ["Shift+F6"])
    go = window.menuBar().addMenu("&Go")
    go.addActions([acts["next_diff"], acts["prev_diff"], acts["next_match"], acts["prev_match"]])
    go.addSeparator()
    go.addActions([acts["focus_next"], acts["focus_prev"]])
    go.addSeparator()
    go.addActions([acts["compare"], acts["cancel"], acts["escape"]])
    about = _action(window, "&About Concord", lambda: QMessageBox.about(
        window, "About Concord", "Concord compares two documents the way a careful editor "
        "would: shared, reworded and unique passages."))
    from gui import help_dialogs

    acts["help_keys"] = _action(window, "&Keyboard shortcuts", lambda: help_dialogs
                                .show_shortcuts(window), ["F1"])
    acts["help_how"] = _action(window, "&How Concord compares",
                               lambda: help_dialogs.show_how_it_compares(window))
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addActions([acts["help_keys"], acts["help_how"]])
    help_menu.addSeparator()
    help_menu.addAction(about)


def _toolbar(window, acts: dict) -> None:
    bar = QToolBar("Main toolbar")
    bar.setObjectName("main-toolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setMovable(False)
    for key in ("open_a", "open_b", "swap", "reload", None, "prev_diff", "next_diff",
                "prev_match", "next_match", None, "sync_scroll", "settings"):
        if key is None:
            bar.addSeparator()
        else:
            bar.addAction(acts[key])
    window.addToolBar(bar)
    acts["toolbar"] = bar


def fit_toolbar(window) -> None:
    """Icons only when the window is too narrow for labels beside them."""
    bar = window.actions_["toolbar"]
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    if bar.sizeHint().width() > window.width():  # labels would push entries off the bar
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)


def build_actions(window) -> dict:
    """Create every action, menu and the toolbar; returns them by name."""
    acts: dict = {}
    window.actions_ = acts
    _file_menu(window, acts)
    _edit_view_menus(window, acts)
    _go_menu(window, acts)
    _toolbar(window, acts)
    return acts


def update_action_states(window) -> None:
    """Enable what makes sense now (report and navigation entries need a result)."""
    acts = window.actions_
    has_result = window.current_result is not None
    for key in RESULT_ACTIONS:
        acts[key].setEnabled(has_result)
    acts["export_menu"].setEnabled(has_result)
    acts["swap"].setEnabled(any(d is not None for d in window.docs))
    acts["reload"].setEnabled(any(d is not None and d.path for d in window.docs))
    both = all(d is not None for d in window.docs)
    acts["compare"].setEnabled(both)
    acts["cancel"].setEnabled(window.runner.busy)
