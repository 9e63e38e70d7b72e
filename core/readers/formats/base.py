"""The reader interface: bytes and a context in, displayed text and a location map out."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from core.errors import ReadTimeout
from core.model import Location
from core.readers.decode import Decoded, decode_bytes  # the one decoder of the package
from core.readers.limits import DEFAULT_LIMITS, Limits


@dataclass(frozen=True)
class ReadContext:
    """What a reader needs besides the bytes: the file's name, a forced encoding, limits."""

    name: str = "file"
    encoding: str | None = None  # forced by the user (text-like formats only)
    limits: Limits = DEFAULT_LIMITS
    deadline: float = field(default_factory=lambda: time.monotonic() + DEFAULT_LIMITS.seconds)
    declared_charset: str | None = None  # from an HTTP header, for downloaded pages
    include_notes: bool = True  # footnotes, endnotes and comments after the body

    def check_time(self) -> None:
        """Raise ReadTimeout once the reader has used up its time."""
        if time.monotonic() > self.deadline:
            raise ReadTimeout(f"{self.name} took more than {self.limits.seconds:.0f} s to read; "
                              "it is too large or too complex for Concord.")


@dataclass(frozen=True)
class ReadResult:
    """A reader's output: normalised text (paragraphs split by blank lines) and its map."""

    text: str
    locations: tuple[Location, ...] = ()
    warnings: tuple[str, ...] = ()
    pages: int | None = None
    encoding: str = "binary"  # the text encoding, or "binary" for container formats
    encoding_confidence: float = 1.0


Reader = Callable[[bytes, ReadContext], ReadResult]


def normalise_text(text: str) -> str:
    """Newlines to ``\\n`` and Unicode to NFC, so offsets mean the same everywhere."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


class TextBuilder:
    """Collects paragraphs with the location each comes from; offsets follow the final text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._locations: list[Location] = []
        self._pending: str | None = None

    def mark(self, label: str) -> None:
        """The next paragraph added starts the location ``label``."""
        self._pending = label

    def add(self, paragraph: str, label: str | None = None) -> None:
        """Add one paragraph (blank ones are skipped; inner newlines become spaces)."""
        text = " ".join(normalise_text(paragraph).split())
        if not text:
            return
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        label = label if label is not None else self._pending
        self._pending = None
        if label and (not self._locations or self._locations[-1].label != label):
            self._locations.append(Location(self._length, label))
        self._parts.append(text)
        self._length += len(text)

    def result(self, **kw) -> ReadResult:
        """The text built so far with its location map (``kw``: the other ReadResult fields)."""
        return ReadResult(text="".join(self._parts), locations=tuple(self._locations), **kw)


def decode_text(data: bytes, ctx: ReadContext, encoding: str | None = None) -> Decoded:
    """Decode text-like bytes: ``encoding`` (declared) or the user's, else detected."""
    decoded = decode_bytes(data, encoding or ctx.encoding, ctx.name)
    return replace(decoded, text=normalise_text(decoded.text))


def decode_declared(data: bytes, ctx: ReadContext, declared: str | None) -> Decoded:
    """Decode with a declared charset (HTTP header, meta tag, MIME part); detect when it lies."""
    from core.errors import DecodeFailed

    if declared and not ctx.encoding:
        try:
            return decode_text(data, ctx, declared)
        except DecodeFailed:
            decoded = decode_text(data, ctx)
            note = (f"{ctx.name} declares the {declared} encoding but is not valid {declared}; "
                    f"it was read as {decoded.encoding}.")
            return replace(decoded, confidence=min(decoded.confidence, 0.5),
                           warnings=(*decoded.warnings, note))
    return decode_text(data, ctx)
