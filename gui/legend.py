"""The legend: what each highlight colour and underline style means."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from gui.palette import KIND_LABEL, LIGHT, Theme, changed_css, legend_css

MOVED_TEXT = "<i>italic</i> = moved"


class Legend(QWidget):
    """A row of swatches: shared, reworded, changed words, unique, moved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.swatches: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(QLabel("Legend:"))
        tips = {
            "shared": "Passages found word for word in the other document (solid underline).",
            "reworded": "Passages that say the same thing in other words (wavy underline).",
            "changed": "Words that differ inside a reworded passage (bold, deeper colour).",
            "unique": "Passages with no counterpart in the other document (dotted underline).",
            "moved": "Passages whose counterpart sits elsewhere in the other document.",
        }
        texts = {**KIND_LABEL, "changed": "Changed words", "moved": MOVED_TEXT}
        for key in ("shared", "reworded", "changed", "unique", "moved"):
            label = QLabel(texts[key])
            label.setToolTip(tips[key])
            label.setObjectName(f"legend-{key}")
            self.swatches[key] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.set_theme(LIGHT)

    def set_theme(self, theme: Theme) -> None:
        """Colour the swatches like the panes."""
        for kind in ("shared", "reworded", "unique"):
            self.swatches[kind].setStyleSheet(legend_css(theme, kind))
        self.swatches["changed"].setStyleSheet(changed_css(theme))
