"""Load a file, bytes, standard input or a web address into a Document (any supported format)."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import PurePath

from core.errors import (
    ConcordError,
    CorruptDocument,
    EmptyFile,
    FileTooLarge,
    display_name,
)
from core.model import Document
from core.readers.decode import Decoded, decode_bytes
from core.readers.formats import DESCRIPTIONS, ReadContext, ReadResult, get_reader
from core.readers.formats.base import normalise_text
from core.readers.limits import DEFAULT_LIMITS, Limits, run_bounded
from core.readers.sniff import sniff_format
from core.readers.source import read_source

DEFAULT_MAX_BYTES = 50_000_000  # 50 MB, 1 MB = 1,000,000 bytes (core.options.MB)
# Formats whose reader is C code that no time check can interrupt: run apart when asked.
ISOLATED_FORMATS = frozenset({"pdf"})

__all__ = ["DEFAULT_MAX_BYTES", "Decoded", "decode_bytes", "document_from_text", "is_url",
           "load_bytes", "load_document", "load_input", "normalise_text", "read_file_bytes"]


def read_file_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (bounded, never blocking, never torn): see core.readers.source."""
    return read_source(path, max_bytes).data


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
    should_cancel: Callable[[], bool] | None = None,
) -> Document:
    """A :class:`Document` from ``data`` (a file's bytes, standard input, a download).

    The format comes from the content first and from the extension of ``name`` second,
    unless ``fmt`` names it. Every failure is a ConcordError with a one-line message.
    With ``isolate``, readers built on C libraries (PDF) run in a child process that is
    stopped at the time limit and capped in memory, and at once when ``should_cancel()``.
    """
    shown = display_name(name)
    if not data.strip():
        raise EmptyFile.about(name)
    fmt = fmt or sniff_format(data, shown, PurePath(name).suffix)
    ctx = ReadContext(name=shown, encoding=encoding, limits=limits,
                      deadline=time.monotonic() + limits.seconds,
                      declared_charset=declared_charset)
    if isolate and fmt in ISOLATED_FORMATS:
        result = run_bounded(_run_reader, fmt, data, ctx, name=shown, seconds=limits.seconds,
                             should_cancel=should_cancel)
    else:
        result = _run_reader(fmt, data, ctx)
    if not result.text.strip():
        what = "contains only blank space" if fmt in ("text", "markdown") else "contains no text"
        raise EmptyFile(f"{shown} {what}; there is nothing to compare.")
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
    should_cancel: Callable[[], bool] | None = None,
) -> Document:
    """Load ``path`` (``-``: standard input) into a :class:`Document`; never modifies the file."""
    source = read_source(path, max_bytes)
    return load_bytes(source.data, source.name, encoding=encoding, path=source.path,
                      mtime=source.mtime, isolate=isolate, should_cancel=should_cancel)


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
