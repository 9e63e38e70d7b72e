"""Colour-blind-safe highlight colours (Okabe-Ito) and the text formats built from them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from core.view import legend
from core.view.modes import emphasis

FOCUS_LIGHT = "#7FB8E0"
FOCUS_DARK = "#2F6F9F"
MARK_LIGHT = "#CC79A7"  # reddish purple: entity / external marks
MARK_DARK = "#D98FBA"
FIND_COLOR = "#F0E442"  # yellow, with black text in both themes

# The second cue, independent of colour: how each kind is underlined (names in core.view.legend).
UNDERLINE = {
    kind: {"solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
           "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
           "dotted": QTextCharFormat.UnderlineStyle.DotLine}[style]
    for kind, style in legend.UNDERLINE.items()
}


@dataclass(frozen=True)
class Theme:
    """The colours of one theme (light or dark)."""

    dark: bool
    strong: dict[str, str]
    background: dict[str, str]
    changed: str
    focus: str
    mark: str
    muted: str

    def strong_color(self, kind: str) -> QColor:
        """The saturated colour of ``kind`` (underlines, ruler, connector bands)."""
        return QColor(self.strong[kind])

    def background_color(self, kind: str) -> QColor:
        """The pale background of ``kind`` in the text panes."""
        return QColor(self.background[kind])


LIGHT = Theme(False, legend.STRONG_LIGHT, legend.TINT_LIGHT, legend.CHANGED_LIGHT, FOCUS_LIGHT,
              MARK_LIGHT, legend.MUTED_LIGHT)
DARK = Theme(True, legend.STRONG_DARK, legend.TINT_DARK, legend.CHANGED_DARK, FOCUS_DARK,
             MARK_DARK, legend.MUTED_DARK)


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


def kind_format(theme: Theme, kind: str, moved: bool = False,
                view: str | None = None) -> QTextCharFormat:
    """Tint + underline style for a passage of ``kind`` in ``view``; moved passages are italic."""
    fmt = QTextCharFormat()
    strength = emphasis(view, kind)
    if strength == "strong":
        fmt.setBackground(theme.background_color(kind))
    if strength != "none":
        fmt.setUnderlineStyle(UNDERLINE[kind])
        fmt.setUnderlineColor(theme.strong_color(kind))
    if moved and strength != "none":
        fmt.setFontItalic(True)
    return fmt


def changed_format(theme: Theme, moved: bool = False, view: str | None = None) -> QTextCharFormat:
    """The stronger mark for changed words inside a reworded passage: bold on deep amber."""
    fmt = kind_format(theme, "reworded", moved, view)
    if emphasis(view, "changed") == "strong":
        fmt.setBackground(QColor(theme.changed))
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def muted_format(theme: Theme) -> QTextCharFormat:
    """Boilerplate (share buttons, bylines...): grey text, no tint, no underline."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(theme.muted))
    return fmt
