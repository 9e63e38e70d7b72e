"""Output files: atomic replace, but never over a device, pipe or the link itself."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from core.cli import main
from core.errors import OutputIsInput
from core.fileio import ensure_not_input, write_text_atomic


def test_replaces_a_regular_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")
    write_text_atomic("new", out)
    assert out.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs on Windows")
def test_a_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_text_atomic("through the pipe", fifo)
    reader.join(5)
    assert received == ["through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not a regular file


def test_a_symbolic_link_updates_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomic("[1]", link)
    assert link.is_symlink()
    assert real.read_text() == "[1]"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_compare_to_dev_null_keeps_the_device(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The river rose two metres overnight in the northern city.")
    b.write_text("Overnight the river rose two metres in the northern city.")
    assert main(["compare", str(a), str(b), "--no-entities", "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The river rose two metres overnight in the northern city.")
    b.write_text("Overnight the river rose two metres in the northern city.")
    return a, b


def _links(tmp_path: Path, a: Path) -> dict[str, Path]:
    sym = tmp_path / "link.json"
    sym.symlink_to(a)
    hard = tmp_path / "hard.json"
    os.link(a, hard)
    sub = tmp_path / "sub"
    sub.mkdir()
    return {"same name": a, "symlink": sym, "hard link": hard, "dotted": sub / ".." / "a.txt"}


@pytest.mark.parametrize("kind", ["same name", "symlink", "hard link", "dotted"])
def test_ensure_not_input_sees_through_names(tmp_path: Path, kind: str) -> None:
    a, b = _pair(tmp_path)
    out = _links(tmp_path, a)[kind]
    with pytest.raises(OutputIsInput, match="one of the documents compared"):
        ensure_not_input(out, [b, a])
    ensure_not_input(tmp_path / "new.json", [a, b])  # a fresh name is fine
    ensure_not_input(b, ["-"])  # standard input is not a file to protect


@pytest.mark.parametrize("kind", ["same name", "symlink", "hard link"])
def test_compare_never_writes_over_an_input(tmp_path: Path, kind: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    before = a.read_bytes()
    out = _links(tmp_path, a)[kind]
    assert main(["compare", str(a), str(b), "--no-entities", "-o", str(out)]) == 2
    assert a.read_bytes() == before
    assert "one of the documents compared" in capsys.readouterr().err


def test_report_never_writes_over_an_input_through_a_hard_link(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gui.report_cli import main as report_main

    a, b = _pair(tmp_path)
    before = b.read_bytes()
    os.link(b, tmp_path / "report.html")
    assert report_main([str(a), str(b), "--no-entities", "-o",
                        str(tmp_path / "report.html")]) == 2
    assert b.read_bytes() == before
    assert "report.html is the same file as" in capsys.readouterr().err
