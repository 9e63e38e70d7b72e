"""Read a file's bytes safely: bounded, never blocking, never torn, never written to."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from core.errors import (
    FileChanged,
    FileMissing,
    FileTooLarge,
    IsADirectory,
    NotARegularFile,
    UnreadableFile,
    display_size,
)

STDIN = "-"
_CHUNK = 1 << 20
# O_NONBLOCK: if the path is swapped for a FIFO between stat() and open(), open() must not wait
# for a writer. O_NOCTTY: opening a terminal must not make it ours. Missing flags are 0 (Windows).
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


_read = os.read  # a seam for tests that rewrite the file mid-read


@dataclass(frozen=True)
class Source:
    """The bytes of one input and where they came from."""

    data: bytes
    path: str  # resolved absolute path; '' for standard input
    name: str  # the file name as given (not escaped: escape with core.errors.display_name)
    size: int  # bytes read
    mtime: float  # seconds since the epoch (0.0 for standard input)


def read_source(path: str | os.PathLike[str], max_bytes: int) -> Source:
    """The bytes of ``path`` (``-``: standard input), at most ``max_bytes`` of them.

    Raises a :class:`core.errors.InputError` with a one-line message for a missing file, a
    folder, a pipe/socket/device, a file over the limit, unreadable or changed while read.
    """
    if os.fspath(path) == STDIN:
        return _read_stdin(max_bytes)
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    before = _stat(path)
    _check_kind(path, before)
    _check_size(path, before.st_size, max_bytes)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise _os_error(path, exc) from None
    try:
        opened = os.fstat(fd)
        _check_kind(path, opened)
        if (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            raise FileChanged.about(path)  # replaced between stat() and open()
        try:
            data = _read_bounded(fd, max_bytes, path)
        except FileTooLarge:
            if 0 < opened.st_size <= max_bytes:  # it grew past the limit as we read it
                raise FileChanged.about(path) from None
            raise
        after = os.fstat(fd)
    except OSError as exc:
        raise _os_error(path, exc) from None
    finally:
        os.close(fd)
    _check_unchanged(path, opened, after, len(data))
    return Source(data=data, path=os.path.realpath(path), name=name, size=len(data),
                  mtime=after.st_mtime)


def _stat(path: str | os.PathLike[str]) -> os.stat_result:
    try:
        return os.stat(path)
    except (OSError, ValueError) as exc:
        raise _os_error(path, exc) from None


def _os_error(path: str | os.PathLike[str], exc: OSError | ValueError) -> Exception:
    if isinstance(exc, ValueError):  # os.stat("a\0b"): a name no file system accepts
        return FileMissing.about(path)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
        return FileMissing.about(path)
    if exc.errno == errno.EISDIR:
        return IsADirectory.about(path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnreadableFile.about(path, why="permission denied")
    if exc.errno == errno.ENAMETOOLONG:
        return UnreadableFile.about(path, why="the name is too long")
    return UnreadableFile.about(path, why=exc.strerror or str(exc))


_KINDS = (
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
)


def _check_kind(path: str | os.PathLike[str], st: os.stat_result) -> None:
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectory.about(path)
    if stat.S_ISREG(mode):
        return
    kind = next((label for test, label in _KINDS if test(mode)), "a special file")
    raise NotARegularFile.about(path, kind=kind)


def _check_size(path: str | os.PathLike[str], size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise FileTooLarge.about(path, size=display_size(size), limit=display_size(max_bytes))


def _read_bounded(fd: int, max_bytes: int, path: str | os.PathLike[str]) -> bytes:
    """At most ``max_bytes`` from ``fd``; reading one byte more proves the input too large."""
    def read(n: int) -> bytes:
        try:
            return _read(fd, n)
        except BlockingIOError:
            # Only a non-regular file can say "no data yet"; never wait for it.
            raise NotARegularFile.about(path, kind="a stream") from None

    return _read_chunks(read, max_bytes, path)


def _read_chunks(read: Callable[[int], bytes], max_bytes: int,
                 name: str | os.PathLike[str]) -> bytes:
    """Chunks from ``read`` up to ``max_bytes`` + 1 bytes; the extra byte means too large."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise FileTooLarge.about(name, size=f"over {display_size(max_bytes)}",
                                 limit=display_size(max_bytes))
    return b"".join(chunks)


def _check_unchanged(path: str | os.PathLike[str], before: os.stat_result,
                     after: os.stat_result, n_read: int) -> None:
    """Refuse bytes that may mix two versions of the file (a torn read)."""
    # ctime too: a same-size rewrite within one mtime tick (coarse file systems) still moves it.
    same = (before.st_size == after.st_size and before.st_mtime_ns == after.st_mtime_ns
            and before.st_ctime_ns == after.st_ctime_ns and before.st_ino == after.st_ino)
    # A size of 0 with content is a kernel file (/proc): its size is not known in advance.
    complete = n_read == after.st_size or (after.st_size == 0 and before.st_size == 0)
    try:
        now = os.stat(path)  # the name may now point to a newer version written beside it
        renamed = (now.st_dev, now.st_ino) != (after.st_dev, after.st_ino)
    except OSError:
        renamed = True
    if not same or not complete or renamed:
        raise FileChanged.about(path)


def _read_stdin(max_bytes: int, stream: BinaryIO | None = None) -> Source:
    """Standard input, bounded like a file; a terminal is refused rather than waited on."""
    stream = stream if stream is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:  # a windowed program on Windows has no standard input
        raise UnreadableFile.about(STDIN, why="there is no standard input")
    if stream.isatty():
        raise NotARegularFile(NotARegularFile.terminal_template)
    data = _read_chunks(stream.read, max_bytes, STDIN)
    return Source(data=data, path="", name=STDIN, size=len(data), mtime=0.0)
