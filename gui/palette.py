"""Colour-blind-safe highlight colours (Okabe-Ito) and the text formats built from them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

# Okabe-Ito: blue, orange, vermillion stay distinct under the common colour-vision deficiencies.
STRONG = {"shared": "#0072B2", "reworded": "#E69F00", "unique": "#D55E00"}
STRONG_DARK = {"shared": "#56B4E9", "reworded": "#F0C05A", "unique": "#FF8A50"}
BACKGROUND_LIGHT = {"shared": "#D3E7F5", "reworded": "#FCEBC4", "unique": "#E4E4E4"}
BACKGROUND_DARK = {"shared": "#173A52", "reworded": "#4A3A12", "unique": "#454545"}
CHANGED_LIGHT = "#F2B33D"
CHANGED_DARK = "#9C6F0C"
FOCUS_LIGHT = "#7FB8E0"
FOCUS_DARK = "#2F6F9F"
MARK_LIGHT = "#CC79A7"  # reddish purple: entity / external marks
MARK_DARK = "#D98FBA"
FIND_COLOR = "#F0E442"  # yellow, with black text in both themes

# The second cue, independent of colour: how each kind is underlined.
UNDERLINE = {
    "shared": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "reworded": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "unique": QTextCharFormat.UnderlineStyle.DotLine,
}
CSS_BORDER = {"shared": "solid", "reworded": "dashed", "unique": "dotted"}
KIND_LABEL = {"shared": "Shared word for word", "reworded": "Reworded", "unique": "Unique"}


@dataclass(frozen=True)
class Theme:
    """The colours of one theme (light or dark)."""

    dark: bool
    strong: dict[str, str]
    background: dict[str, str]
    changed: str
    focus: str
    mark: str

    def strong_color(self, kind: str) -> QColor:
        """The saturated colour of ``kind`` (underlines, ruler, connector bands)."""
        return QColor(self.strong[kind])

    def background_color(self, kind: str) -> QColor:
        """The pale background of ``kind`` in the text panes."""
        return QColor(self.background[kind])


LIGHT = Theme(False, STRONG, BACKGROUND_LIGHT, CHANGED_LIGHT, FOCUS_LIGHT, MARK_LIGHT)
DARK = Theme(True, STRONG_DARK, BACKGROUND_DARK, CHANGED_DARK, FOCUS_DARK, MARK_DARK)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (a dark system theme)."""
    if palette is None:
        palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return base.lightness() < text.lightness()


def current_theme(palette: QPalette | None = None) -> Theme:
    """The theme matching the system palette."""
    return DARK if palette_is_dark(palette) else LIGHT


def kind_format(theme: Theme, kind: str, moved: bool = False) -> QTextCharFormat:
    """Background + underline style for a passage of ``kind``; moved passages are italic."""
    fmt = QTextCharFormat()
    fmt.setBackground(theme.background_color(kind))
    fmt.setUnderlineStyle(UNDERLINE[kind])
    fmt.setUnderlineColor(theme.strong_color(kind))
    if moved:
        fmt.setFontItalic(True)
    return fmt


def changed_format(theme: Theme, moved: bool = False) -> QTextCharFormat:
    """The stronger mark for changed words inside a reworded passage: bold on deep amber."""
    fmt = kind_format(theme, "reworded", moved)
    fmt.setBackground(QColor(theme.changed))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def legend_css(theme: Theme, kind: str) -> str:
    """Style sheet for a legend swatch of ``kind`` (background + matching border style)."""
    return (f"background: {theme.background[kind]};"
            f" border-bottom: 3px {CSS_BORDER[kind]} {theme.strong[kind]};"
            " padding: 1px 6px;")


def changed_css(theme: Theme) -> str:
    """Style sheet for the legend swatch of changed words."""
    return (f"background: {theme.changed}; font-weight: bold;"
            f" border-bottom: 3px dashed {theme.strong['reworded']}; padding: 1px 6px;")
