"""One reader per document format, behind one interface (see base.Reader); loaded lazily."""

from __future__ import annotations

import importlib

from core.readers.formats.base import ReadContext, Reader, ReadResult, TextBuilder

# Format name (Document.format) -> module holding its ``read(data, ctx)``.
_MODULES = {
    "text": "plain", "markdown": "plain", "html": "html", "docx": "docx", "pdf": "pdf",
    "odt": "odt", "rtf": "rtf", "eml": "eml",
}
FORMATS: tuple[str, ...] = tuple(_MODULES)
# What the open dialog and the documentation list, by format.
DESCRIPTIONS = {
    "text": "Plain text", "markdown": "Markdown", "html": "Web page",
    "docx": "Word document", "pdf": "PDF", "odt": "OpenDocument text", "rtf": "Rich Text",
    "eml": "E-mail message",
}


def extensions(fmt: str) -> tuple[str, ...]:
    """The file extensions of ``fmt`` (".docx", ".docm", ...)."""
    from core.readers.sniff import EXTENSIONS

    return tuple(ext for ext, name in EXTENSIONS.items() if name == fmt and ext)


def dialog_filters() -> list[str]:
    """Name filters for an open dialog: all documents first, then one line per format."""
    lines = []
    every: list[str] = []
    for fmt in FORMATS:
        patterns = [f"*{ext}" for ext in extensions(fmt)]
        every += patterns
        lines.append(f"{DESCRIPTIONS[fmt]} ({' '.join(patterns)})")
    return [f"Documents ({' '.join(every)})", *lines, "All files (*)"]


def get_reader(fmt: str) -> Reader:
    """The reader of ``fmt``; its module (and its library) is imported on first use."""
    module = importlib.import_module(f"core.readers.formats.{_MODULES[fmt]}")
    return module.read


__all__ = ["DESCRIPTIONS", "FORMATS", "ReadContext", "ReadResult", "Reader", "TextBuilder",
           "dialog_filters", "extensions", "get_reader"]
