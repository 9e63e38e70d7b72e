"""How the window shares its width: the sidebar yields to the panes, the gap grows."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton


def gutter_width(window_width: int) -> int:
    """The connector gap widens with the window: 40 px at 900, about 86 px at 1920."""
    return max(40, min(110, round(window_width * 0.045)))


def sidebar_width(window_width: int) -> int:
    """The sidebar's share of the window: a quarter, at least 220 px, at most 380 px."""
    return max(220, min(380, window_width // 4))


class WindowLayout(QObject):
    """Keeps the splitter and the gutter in proportion as the window is resized."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.user_width: int | None = None  # set once the user drags the splitter
        window.splitter.splitterMoved.connect(self._moved)

    def fit(self) -> None:
        """A quarter of the window for the sidebar (220-380 px) unless the user dragged it
        (then their width is kept while it fits); the gutter follows the window width."""
        window = self._window
        total = sum(window.splitter.sizes()) or window.width()
        side = min(self.user_width or sidebar_width(window.width()), total // 2)
        window.splitter.setSizes([total - side, side])
        window.link_map.setFixedWidth(gutter_width(window.width()))

    def _moved(self, _pos: int, _index: int) -> None:
        self.user_width = self._window.splitter.sizes()[1]


def cycle_focus(window, backwards: bool = False) -> None:
    """F6 / Shift+F6: pane A, pane B, the sidebar, and round again."""
    order = [window.panes[0], window.panes[1], window.sidebar.currentWidget() or window.sidebar]
    focused = window.focusWidget()
    current = next((i for i, w in enumerate(order)
                    if w.hasFocus() or (focused is not None and w.isAncestorOf(focused))), -1)
    target = order[(current + (-1 if backwards else 1)) % len(order)]
    if target is window.summary:
        target = window.summary.view
    target.setFocus()


def build_status_bar(window) -> None:
    """The summary line, the time taken, the progress bar and Cancel."""
    bar = window.statusBar()
    window.summary_label = QLabel("Open or drop two files to compare them.")
    window.elapsed_label = QLabel("")
    window.progress = QProgressBar()
    window.progress.setRange(0, 100)
    window.progress.setMaximumWidth(180)
    window.progress.setFormat("%p%")
    window.cancel_button = QPushButton("Cancel")
    window.cancel_button.clicked.connect(window.cancel_compare)
    bar.addWidget(window.summary_label, 1)
    bar.addPermanentWidget(window.elapsed_label)
    bar.addPermanentWidget(window.progress)
    bar.addPermanentWidget(window.cancel_button)
    window.progress.hide()
    window.cancel_button.hide()
