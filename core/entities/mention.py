"""The corrected mention type shared by the correction, completion and linking steps."""

from __future__ import annotations

from typing import NamedTuple


class Mention(NamedTuple):
    """A corrected mention: [start, end) into the text, plain-word label, surface text."""

    start: int
    end: int
    label: str
    text: str
