"""The format of a file by its content first, its extension second."""

from __future__ import annotations

import io
import re

from core.errors import BinaryFile, CorruptDocument, UnsupportedFormat

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".docm": "docx", ".dotx": "docx",
    ".pdf": "pdf", ".odt": "odt", ".ott": "odt", ".rtf": "rtf", ".eml": "eml",
}
# Containers Concord recognises but does not read: (what it is, what to do instead).
_OTHER_ZIPS = {
    "xl/": "an Excel workbook", "ppt/": "a PowerPoint presentation",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation",
    "application/epub+zip": "an EPUB e-book",
}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"), (b"\x7fELF", "a program"), (b"MZ", "a Windows program"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"OggS", "an audio file"),
    (b"ID3", "an MP3 audio file"), (b"RIFF", "a media file"), (b"SQLite format 3", "a database"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(head|body|div|p|title|meta)[\s>]", re.IGNORECASE)
_EML_HEADER = re.compile(rb"^(from|to|subject|date|received|mime-version|message-id|"
                         rb"return-path|delivered-to|content-type|x-[\w-]+):", re.IGNORECASE)


def _strip_bom(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
            return head.replace(b"\x00", b"") if bom != b"\xef\xbb\xbf" else head
    return head


def _zip_format(data: bytes, name: str) -> str:
    import zipfile  # not needed at start-up

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            mimetype = b""
            if "mimetype" in names and zf.getinfo("mimetype").file_size < 200:
                mimetype = zf.read("mimetype").strip()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError,
            RuntimeError):
        raise CorruptDocument(f"{name} is a damaged zip container (a .docx or .odt?); it "
                              "cannot be opened.") from None
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    for marker, what in _OTHER_ZIPS.items():
        if mimetype == marker.encode() or any(n.startswith(marker) for n in names[:50]):
            raise UnsupportedFormat(f"{name} is {what}; Concord reads documents "
                                    "(Word, PDF, OpenDocument text, web pages, RTF, text).")
    raise UnsupportedFormat(f"{name} is a zip archive, not a document; unpack it and open the "
                            "document inside.")


def _looks_like_eml(head: bytes) -> bool:
    lines = head.split(b"\n", 30)[:30]
    headers = sum(1 for line in lines if _EML_HEADER.match(line))
    return headers >= 3 and _EML_HEADER.match(lines[0]) is not None


def sniff_format(data: bytes, name: str = "file", extension: str = "") -> str:
    """The format of ``data``: binary formats by their signature, text ones by markup, else
    by ``extension`` (".md" -> markdown, unknown -> text). Raises for recognised non-documents."""
    head = data[:4096]
    ext_format = EXTENSIONS.get(extension.lower(), "text")
    # Readers accept junk before the PDF header; a text file that only mentions it is text.
    if head.lstrip().startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and ext_format == "pdf"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data, name)
    if head.startswith(_OLE):
        raise UnsupportedFormat(f"{name} is an old Word 97-2003 (.doc) or Office file; open it "
                                "in a word processor and save it as .docx or PDF.")
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BinaryFile(f"{name} is {what}, not a document.")
    text_head = _strip_bom(head)
    if ext_format in ("docx", "odt", "pdf", "rtf"):
        raise CorruptDocument(f"{name} does not look like a {ext_format.upper()} file "
                              "(its first bytes are not those of one); it may be damaged.")
    if _HTML_START.match(text_head) or (ext_format == "text" and
                                         len(_HTML_TAGS.findall(text_head)) >= 3):
        return "html"
    if ext_format == "text" and _looks_like_eml(text_head):
        return "eml"
    return ext_format
