"""Rich Text Format: striprtf turns the control words into text (its \\ansicpg code page kept)."""

from __future__ import annotations

import re

from core.errors import CorruptDocument
from core.readers.formats.base import ReadContext, ReadResult, TextBuilder

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


def read(data: bytes, ctx: ReadContext) -> ReadResult:
    """Paragraphs of an RTF file; headers, footers, footnotes and pictures are left out."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise CorruptDocument(f"{ctx.name} is not an RTF file (it does not start with {{\\rtf).")
    match = _CODEPAGE.search(data[:2048])
    encoding = f"cp{match.group(1).decode()}" if match else "cp1252"
    # RTF is 7-bit ASCII with escapes; latin-1 keeps any stray 8-bit byte as it is.
    text = rtf_to_text(data.decode("latin-1"), errors="replace")
    builder = TextBuilder()
    number = 0
    for line in text.splitlines():
        ctx.check_time()
        if line.strip():
            number += 1
            builder.add(line, f"paragraph {number}")
    return builder.result(encoding=encoding)
