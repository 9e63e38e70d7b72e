"""Load a file into the text Concord displays: decoding, newline and Unicode normalisation."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

from core.errors import EmptyFile, UnsupportedFormat, display_name
from core.model import Document
from core.readers.decode import Decoded, decode_bytes  # noqa: F401 (Decoded re-exported)
from core.readers.source import read_source

DEFAULT_MAX_BYTES = 50_000_000  # 50 MB, 1 MB = 1,000,000 bytes (core.options.MB)

Reader = Callable[[str], str]  # decoded file text -> displayed text


def _read_plain(text: str) -> str:
    return text


# Markdown is shown as written: its markup is part of what an editor compares.
READERS: dict[str, Reader] = {"text": _read_plain, "markdown": _read_plain}
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
# Formats we recognise but cannot read yet get a clear message instead of garbage.
KNOWN_UNSUPPORTED = {".pdf", ".docx", ".doc", ".odt", ".rtf", ".epub", ".xlsx", ".pptx"}


def detect_format(path: Path) -> str:
    """The reader format for ``path`` by extension; unknown extensions are read as text."""
    suffix = path.suffix.lower()
    if suffix in KNOWN_UNSUPPORTED:
        raise UnsupportedFormat(
            f"{display_name(path.name)}: {suffix[1:].upper()} files are not supported yet; "
            "save the document as plain text (.txt) or Markdown (.md) and try again."
        )
    return EXTENSIONS.get(suffix, "text")


def normalise_text(text: str) -> str:
    """Newlines to ``\\n`` and Unicode to NFC, so offsets mean the same everywhere."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_file_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (bounded, never blocking, never torn): see core.readers.source."""
    return read_source(path, max_bytes).data


def load_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Load ``path`` into a :class:`Document`; never modifies the file."""
    p = Path(path)
    fmt = detect_format(p)
    source = read_source(p, max_bytes)
    data = source.data
    if not data.strip():
        raise EmptyFile.about(p.name)
    decoded = decode_bytes(data, encoding, display_name(p.name))
    text = READERS[fmt](normalise_text(decoded.text))
    if not text.strip():
        raise EmptyFile(f"{display_name(p.name)} contains only blank space; "
                        "there is nothing to compare.")
    return Document(
        path=source.path,
        name=source.name,
        encoding=decoded.encoding,
        format=fmt,
        text=text,
        size=source.size,
        mtime=source.mtime,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding_confidence=decoded.confidence,
        warnings=decoded.warnings,
    )


def document_from_text(text: str, name: str = "untitled") -> Document:
    """A document built from text in memory (tests, benchmarks, pasted text)."""
    data = text.encode("utf-8")
    return Document(
        path="",
        name=name,
        encoding="utf-8",
        format="text",
        text=normalise_text(text),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
