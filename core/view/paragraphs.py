"""How paragraphs are separated in a text: single line breaks or blank lines (for display)."""

from __future__ import annotations

from statistics import median

WRAP_WIDTH = 90  # lines of a hard-wrapped text (e-mail, plain-text books) are shorter


def hard_wrapped(text: str) -> bool:
    """True when single line breaks wrap lines inside paragraphs (every line short, as in an
    e-mail or a plain-text book; verse and lists too), so they are not paragraph breaks."""
    lines = [len(line) for line in text.split("\n") if line.strip()]
    if len(lines) < 6:
        return False
    return median(lines) < WRAP_WIDTH and max(lines) <= WRAP_WIDTH + 10
