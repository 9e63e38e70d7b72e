"""The legend above the panes: each mark drawn as the panes draw it (core.view.legend)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from core.view.legend import LEGEND, sample_css
from gui.palette import LIGHT, Theme

SHORT = {"shared": "Shared", "reworded": "Reworded", "changed": "Changed words",
         "unique": "Unique", "moved": "Moved", "boilerplate": "Boilerplate"}


class Legend(QWidget):
    """A row of samples: shared, reworded, changed words, unique, moved, boilerplate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.swatches: dict[str, QLabel] = {}
        self._theme = LIGHT
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(10)
        for item in LEGEND:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setToolTip(f"<b>{escape(item.label)}</b>: {escape(item.looks)}.<br>"
                             f"{escape(item.meaning)}")
            label.setObjectName(f"legend-{item.key}")
            label.setAccessibleName(f"Legend: {item.label}, {item.looks}")
            self.swatches[item.key] = label
            layout.addWidget(label)
        layout.addStretch(1)
        # The legend never widens the window: at small sizes the last samples are cut.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.set_theme(LIGHT)

    def set_theme(self, theme: Theme) -> None:
        """Draw the samples with the panes' colours."""
        self._theme = theme
        for key, label in self.swatches.items():
            label.setText(f"<span style=\"{sample_css(key, dark=theme.dark)}\">"
                          f"&nbsp;{escape(SHORT[key])}&nbsp;</span>")
