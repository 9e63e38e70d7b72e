"""Load a file, bytes, standard input or a web address into a Document (any supported format)."""

from __future__ import annotations

import codecs
import hashlib
import os
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePath

from core.errors import (
    BinaryFile,
    ConcordError,
    CorruptDocument,
    DecodeFailed,
    EmptyFile,
    FileMissing,
    FileTooLarge,
    IsADirectory,
    UnreadableFile,
)
from core.model import Document
from core.readers.formats import DESCRIPTIONS, ReadContext, ReadResult, get_reader
from core.readers.formats.base import normalise_text
from core.readers.limits import DEFAULT_LIMITS, Limits, run_bounded
from core.readers.sniff import sniff_format

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MIN_CHARDET_CONFIDENCE = 0.1
# Formats whose reader is C code that no time check can interrupt: run apart when asked.
ISOLATED_FORMATS = frozenset({"pdf"})

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


def load_bytes(
    data: bytes,
    name: str,
    *,
    encoding: str | None = None,
    fmt: str | None = None,
    path: str = "",
    mtime: float = 0.0,
    declared_charset: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    isolate: bool = False,
) -> Document:
    """A :class:`Document` from ``data`` (a file's bytes, standard input, a download).

    The format comes from the content first and from the extension of ``name`` second,
    unless ``fmt`` names it. Every failure is a ConcordError with a one-line message.
    With ``isolate``, readers built on C libraries (PDF) run in a child process that is
    stopped at the time limit and capped in memory.
    """
    if not data.strip():
        raise EmptyFile(f"{name} is empty; there is nothing to compare.")
    fmt = fmt or sniff_format(data, name, PurePath(name).suffix)
    ctx = ReadContext(name=name, encoding=encoding, limits=limits,
                      deadline=time.monotonic() + limits.seconds,
                      declared_charset=declared_charset)
    if isolate and fmt in ISOLATED_FORMATS:
        result = run_bounded(_run_reader, fmt, data, ctx, name=name, seconds=limits.seconds)
    else:
        result = _run_reader(fmt, data, ctx)
    if not result.text.strip():
        what = "contains only blank space" if fmt in ("text", "markdown") else "contains no text"
        raise EmptyFile(f"{name} {what}; there is nothing to compare.")
    return Document(
        path=path,
        name=name,
        encoding=result.encoding,
        format=fmt,
        text=result.text,
        size=len(data),
        mtime=mtime,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding_confidence=result.encoding_confidence,
        warnings=result.warnings,
        locations=result.locations,
        pages=result.pages,
    )


def _run_reader(fmt: str, data: bytes, ctx: ReadContext) -> ReadResult:
    """Run the reader of ``fmt``; a library failing on a malformed file becomes one message."""
    try:
        return get_reader(fmt)(data, ctx)
    except ConcordError:
        raise
    except RecursionError:
        raise CorruptDocument(f"{ctx.name} is nested too deeply to be read as "
                              f"{DESCRIPTIONS[fmt]}.") from None
    except MemoryError:
        raise FileTooLarge(f"{ctx.name} needs more memory than is available to be "
                           "read.") from None
    except Exception as exc:  # third-party parsers raise anything on hostile input
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise CorruptDocument(f"{ctx.name} cannot be read as {DESCRIPTIONS[fmt]}: it is damaged "
                              f"or malformed ({detail}).") from None


def load_document(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    isolate: bool = False,
) -> Document:
    """Load ``path`` into a :class:`Document`; never modifies the file."""
    p = Path(path)
    data = read_file_bytes(p, max_bytes)
    try:
        mtime = p.stat().st_mtime
    except OSError:
        mtime = 0.0
    return load_bytes(data, p.name, encoding=encoding, path=str(p.resolve()), mtime=mtime,
                      isolate=isolate)


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input, at most ``max_bytes`` (refused beyond, never read without bound)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UnreadableFile("standard input is not available.")
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileTooLarge(f"standard input is larger than the {max_bytes / 1e6:.0f} MB limit "
                           "(raise it with --max-size).")
    return data


def is_url(arg: str) -> bool:
    """Whether a command-line argument is a web address (http or https)."""
    return arg.lower().startswith(("http://", "https://"))


def load_input(
    arg: str,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 30.0,
    isolate: bool = False,
) -> Document:
    """A document named on the command line: a path, ``-`` (standard input) or a web address."""
    if arg == "-":
        return load_bytes(read_stdin(max_bytes), "standard input", encoding=encoding,
                          isolate=isolate)
    if is_url(arg):
        from core.readers.web import load_url

        return load_url(arg, max_bytes=max_bytes, timeout=timeout, encoding=encoding,
                        isolate=isolate)
    return load_document(arg, encoding, max_bytes, isolate=isolate)


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
