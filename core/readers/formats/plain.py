"""Plain text and Markdown: decoded and shown as written (Markdown markup is kept)."""

from __future__ import annotations

from core.readers.formats.base import ReadContext, ReadResult, decode_text


def read(data: bytes, ctx: ReadContext) -> ReadResult:
    """The decoded text itself; offsets are the location, so the map stays empty."""
    decoded = decode_text(data, ctx)
    return ReadResult(decoded.text, warnings=decoded.warnings, encoding=decoded.encoding,
                      encoding_confidence=decoded.confidence)
