"""Code-point offsets (the result's) <-> UTF-16 positions (Qt's text cursor) for one text.

Python counts an emoji or a mathematical letter outside the Basic Multilingual Plane as one
character, Qt as two (a surrogate pair). Without this conversion every mark after such a
character would be drawn one position early.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Offsets:
    """Converts between the two ways of counting positions in ``text``."""

    __slots__ = ("_astral", "_astral_qt")

    def __init__(self, text: str = "") -> None:
        # Code-point offsets of the characters Qt stores as two units, and their Qt positions.
        self._astral = [m.start() for m in _ASTRAL_RE.finditer(text)]
        self._astral_qt = [a + k for k, a in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """True when both counts agree everywhere (no character outside the BMP)."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of Qt ``position`` (inside a pair: the character after it)."""
        if not self._astral:
            return position
        return position - bisect.bisect_right(self._astral_qt, position - 2)
