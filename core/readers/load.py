"""Load a file into the text Concord displays: decoding, newline and Unicode normalisation."""

from __future__ import annotations

import codecs
import hashlib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.errors import (
    BinaryFile,
    DecodeFailed,
    EmptyFile,
    FileMissing,
    FileTooLarge,
    IsADirectory,
    UnreadableFile,
    UnsupportedFormat,
)
from core.model import Document

DEFAULT_MAX_BYTES = 50_000_000  # 50 MB, 1 MB = 1,000,000 bytes (core.options.MB)
MIN_CHARDET_CONFIDENCE = 0.1

# Longest BOMs first: UTF-32-LE's BOM starts with UTF-16-LE's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding that was used."""

    text: str
    encoding: str


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
            f"{path.name}: {suffix[1:].upper()} files are not supported yet; "
            "save the document as plain text (.txt) or Markdown (.md) and try again."
        )
    return EXTENSIONS.get(suffix, "text")


def decode_bytes(data: bytes, encoding: str | None = None, name: str = "file") -> Decoded:
    """Decode ``data``: forced encoding, else BOM, else strict UTF-8, else chardet."""
    if encoding:
        try:
            return Decoded(data.decode(encoding), codecs.lookup(encoding).name)
        except LookupError:
            raise DecodeFailed(f"{name}: unknown encoding '{encoding}'.") from None
        except UnicodeDecodeError as exc:
            raise DecodeFailed(
                f"{name} is not valid {encoding} (byte {exc.start}); try another --encoding."
            ) from None
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(bom_encoding),
                               bom_encoding.replace("-sig", ""))
            except UnicodeDecodeError:
                raise DecodeFailed(f"{name} starts with a {bom_encoding} mark but is not valid "
                                   f"{bom_encoding}.") from None
    if b"\x00" in data:
        raise BinaryFile(f"{name} looks like a binary file (it contains NUL bytes), not text.")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_guessed(data, name)


def _decode_guessed(data: bytes, name: str) -> Decoded:
    import chardet  # loaded lazily: only non-UTF-8 files need it

    guess = chardet.detect(data[:200_000])
    guessed = guess.get("encoding")
    confidence = guess.get("confidence") or 0.0
    # A low-confidence guess is still taken when it decodes to clean text (checked below).
    if not guessed or confidence < MIN_CHARDET_CONFIDENCE:
        raise DecodeFailed(
            f"{name}: cannot tell which text encoding it uses (best guess "
            f"{guessed or 'none'}, {confidence:.0%} sure); pass --encoding."
        )
    try:
        text = data.decode(guessed)
    except (UnicodeDecodeError, LookupError):
        raise DecodeFailed(f"{name} is not valid {guessed}; pass --encoding.") from None
    if _control_ratio(text) > 0.01:
        raise BinaryFile(f"{name} looks like a binary file, not text.")
    return Decoded(text, codecs.lookup(guessed).name)


def _control_ratio(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls / len(sample)


def normalise_text(text: str) -> str:
    """Newlines to ``\\n`` and Unicode to NFC, so offsets mean the same everywhere."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_file_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, with a clear error for every way a path can be unusable."""
    p = Path(path)
    if not p.exists():
        raise FileMissing(f"{p}: no such file.")
    if p.is_dir():
        raise IsADirectory(f"{p} is a folder; choose a file inside it.")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise FileTooLarge(
                f"{p.name} is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB "
                "(raise it with --max-size)."
            )
        data = p.read_bytes()
    except PermissionError:
        raise UnreadableFile(f"{p}: permission denied.") from None
    except OSError as exc:
        raise UnreadableFile(f"{p}: cannot be read ({exc.strerror or exc}).") from None
    if len(data) > max_bytes:  # the file grew after stat
        raise FileTooLarge(f"{p.name} is larger than the {max_bytes / 1e6:.0f} MB limit.")
    return data


def load_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Load ``path`` into a :class:`Document`; never modifies the file."""
    p = Path(path)
    fmt = detect_format(p)
    data = read_file_bytes(p, max_bytes)
    if not data.strip():
        raise EmptyFile(f"{p.name} is empty; there is nothing to compare.")
    decoded = decode_bytes(data, encoding, p.name)
    text = READERS[fmt](normalise_text(decoded.text))
    if not text.strip():
        raise EmptyFile(f"{p.name} contains only blank space; there is nothing to compare.")
    stat = p.stat()
    return Document(
        path=str(p.resolve()),
        name=p.name,
        encoding=decoded.encoding,
        format=fmt,
        text=text,
        size=len(data),
        mtime=stat.st_mtime,
        sha256=hashlib.sha256(data).hexdigest(),
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
