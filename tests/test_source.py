"""Reading inputs: bounded, never blocking, never torn, names escaped (issue #8: 2, 3, 7, 8)."""

from __future__ import annotations

import io
import os
import socket
import sys
import time
from pathlib import Path

import pytest

import core.readers.source as source
from core.cli import main
from core.errors import (
    FileChanged,
    FileMissing,
    FileTooLarge,
    IsADirectory,
    NotARegularFile,
    UnreadableFile,
    display_name,
)
from core.readers.source import read_source

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def test_reads_a_regular_file_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"The river rose.")
    src = read_source(path, 100)
    assert src.data == b"The river rose."
    assert (src.name, src.size) == ("story.txt", 15)
    assert src.path == os.path.realpath(path)
    assert src.mtime == pytest.approx(path.stat().st_mtime)


def test_a_link_resolves_to_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"text")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    src = read_source(link, 100)
    assert (src.path, src.name) == (str(real), "link.txt")


def test_missing_folder_and_limit(tmp_path: Path) -> None:
    with pytest.raises(FileMissing, match="no such file"):
        read_source(tmp_path / "nope.txt", 100)
    with pytest.raises(FileMissing):
        read_source(tmp_path / "nope" / "deeper.txt", 100)
    with pytest.raises(IsADirectory, match="folder"):
        read_source(tmp_path, 100)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge, match="limit"):
        read_source(big, 100)
    assert read_source(big, 101).size == 101


@posix_only
def test_a_fifo_without_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(NotARegularFile, match="pipe"):
        read_source(fifo, 100)
    assert time.monotonic() - start < 2


@posix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        with pytest.raises(NotARegularFile, match="socket"):
            read_source(path, 100)
    finally:
        sock.close()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_are_refused_even_with_a_tiny_limit(device: str) -> None:
    with pytest.raises(NotARegularFile, match="device"):
        read_source(device, 1)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="no /proc")
def test_a_file_whose_size_reads_as_zero_is_still_bounded() -> None:
    # Kernel files report size 0 yet have content: only the bounded read can stop them.
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(FileTooLarge):
        read_source("/proc/self/status", 10)
    assert read_source("/proc/self/status", 1_000_000).data.startswith(b"Name:")


def test_permission_denied_is_one_clear_line(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(b"text")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source.os, "open", refuse)  # root ignores chmod 000
    with pytest.raises(UnreadableFile, match="permission denied"):
        read_source(path, 100)


def test_a_file_rewritten_while_read_is_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "live.txt"
    path.write_bytes(b"a" * 64)
    real_read = os.read

    appended: list[bool] = []

    def read_then_rewrite(fd: int, n: int) -> bytes:
        chunk = real_read(fd, 16)
        if chunk and not appended:
            with open(path, "ab") as fh:  # another program appends while we read
                fh.write(b"more")
            appended.append(True)
        return chunk

    monkeypatch.setattr(source, "_read", read_then_rewrite)
    with pytest.raises(FileChanged, match=r"live\.txt changed while it was read; try again"):
        read_source(path, 1000)


def test_a_same_size_rewrite_while_read_is_refused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"first version of the text, " * 4)
    real_read = os.read
    rewritten: list[bool] = []

    def read_then_overwrite(fd: int, n: int) -> bytes:
        chunk = real_read(fd, 16)
        if chunk and not rewritten:  # rewritten in place, same length: only times change
            time.sleep(0.01)
            path.write_bytes(b"other version of the text, " * 4)
            rewritten.append(True)
        return chunk

    monkeypatch.setattr(source, "_read", read_then_overwrite)
    with pytest.raises(FileChanged):
        read_source(path, 1000)


def test_a_file_growing_past_the_limit_while_read_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "log.txt"
    path.write_bytes(b"a" * 64)
    real_read = os.read

    def read_while_growing(fd: int, n: int) -> bytes:
        with open(path, "ab") as fh:
            fh.write(b"b" * 64)
        return real_read(fd, n)

    monkeypatch.setattr(source, "_read", read_while_growing)
    with pytest.raises(FileChanged):
        read_source(path, 100)


def test_a_file_replaced_after_reading_is_refused(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(b"old version")
    real_read = os.read

    def read_then_replace(fd: int, n: int) -> bytes:
        chunk = real_read(fd, n)
        if chunk:  # an editor saves: new file written beside, then renamed over
            (tmp_path / "new").write_bytes(b"new version")
            os.replace(tmp_path / "new", path)
        return chunk

    monkeypatch.setattr(source, "_read", read_then_replace)
    with pytest.raises(FileChanged):
        read_source(path, 1000)


def test_reading_never_changes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "keep.txt"
    path.write_bytes(b"unchanged")
    before = os.stat(path)
    read_source(path, 100)
    after = os.stat(path)
    assert (after.st_mtime_ns, after.st_size, path.read_bytes()) == (
        before.st_mtime_ns, before.st_size, b"unchanged")


class _Stdin:
    def __init__(self, data: bytes, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self.buffer.isatty = lambda: tty  # type: ignore[method-assign]


def test_standard_input_is_read_with_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"piped text"))
    src = read_source("-", 100)
    assert (src.data, src.path, src.name) == (b"piped text", "", "-")
    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 101))
    with pytest.raises(FileTooLarge, match="standard input"):
        read_source("-", 100)


def test_a_terminal_on_standard_input_is_not_waited_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"", tty=True))
    with pytest.raises(NotARegularFile, match="terminal"):
        read_source("-", 100)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("two\nlines.txt", "two\\nlines.txt"),
        ("\x1b[2Jclear.txt", "\\e[2Jclear.txt"),
        ("bell\x07.txt", "bell\\x07.txt"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("caf\udce9.txt", "caf\\xe9.txt"),  # an undecodable byte in a POSIX file name
        ("plain café.txt", "plain café.txt"),
        ("نامه‌ها.txt", "نامه‌ها.txt"),  # a zero-width non-joiner is spelling
    ],
)
def test_file_names_are_shown_on_one_safe_line(name: str, shown: str) -> None:
    assert display_name(name) == shown


def test_an_error_about_a_strange_name_prints_one_line(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    missing = tmp_path / "line\nbreak\x1b[31m.txt"
    other = tmp_path / "b.txt"
    other.write_text("Some words here.")
    assert main(["compare", str(missing), str(other), "--no-entities"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err
    assert "line\\nbreak\\e[31m.txt: no such file" in err
