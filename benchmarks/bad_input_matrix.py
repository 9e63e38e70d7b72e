"""The bad-input matrix: `concord compare` and `concord report` on every kind of hostile input.

Usage: python -m benchmarks.bad_input_matrix [--timeout S]

Each case runs in a child process (so a hang shows as HANG instead of stopping the table)
and prints its exit code and the first line of standard error, escaped. Expected: exit 2 and
one clear line for every case, never 1 (internal error) or a hang, and no input changed.
Linux/macOS only (FIFOs, sockets, /dev/zero).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from core.errors import escape_text

GOOD_A = "The river rose two metres overnight in the northern city, officials said.\n"
GOOD_B = "Overnight the river rose two metres in the northern city, said officials.\n"
RUN = ("import sys; from {module} import main; "
       "sys.exit(main(sys.argv[1:]))")
# Root reads any file: the "permission denied" case drops the capabilities that allow it.
DROP_CAPS = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
             "--bounding-set=-dac_override,-dac_read_search"]


class Case:
    """One row: how to make the input, and what to pass to each command."""

    def __init__(self, label: str, make: Callable[[Path], list[str]],
                 unprivileged: bool = False, live: bool = False) -> None:
        self.label = label
        self.make = make  # returns [A, B, *extra args] (paths inside the folder)
        self.unprivileged = unprivileged
        self.live = live  # another writer changes the input: "unchanged" does not apply


def _file(d: Path, name: str, data: bytes) -> str:
    path = d / name
    path.write_bytes(data)
    return str(path)


def _good(d: Path) -> str:
    return _file(d, "b.txt", GOOD_B.encode())


def _fifo(d: Path) -> list[str]:
    os.mkfifo(d / "pipe")
    return [str(d / "pipe"), _good(d)]


def _socket(d: Path) -> list[str]:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "s.sock"))  # kept open by the reference in the closure list below
    _KEEP.append(sock)
    return [str(d / "s.sock"), _good(d)]


def _denied(d: Path) -> list[str]:
    path = _file(d, "secret.txt", GOOD_A.encode())
    os.chmod(path, 0)
    return [path, _good(d)]


def _output_is_input(d: Path) -> list[str]:
    a = _file(d, "a.txt", GOOD_A.encode())
    os.link(a, d / "a.html")  # report needs .html/.pdf: a hard link with that suffix
    return [a, _good(d), "-o", "{out}"]


def _output_is_link(d: Path) -> list[str]:
    a = _file(d, "a.txt", GOOD_A.encode())
    (d / "link.html").symlink_to(a)
    return [a, _good(d), "-o", str(d / "link.html")]


def _strange_name(d: Path) -> list[str]:
    return [_file(d, "two\nlines\x1b[31mred\x1b[0m.txt", b""), _good(d)]


def _changing(d: Path) -> list[str]:
    path = d / "growing.txt"
    path.write_bytes(GOOD_A.encode() * 300_000)  # ~22 MB: reading takes a while

    def append() -> None:
        with open(path, "ab") as fh:
            while not _STOP.is_set():
                fh.write(b"More text arrives. ")
                fh.flush()
    threading.Thread(target=append, daemon=True).start()
    return [str(path), _good(d), "--max-size", "100"]


_KEEP: list[socket.socket] = []
_STOP = threading.Event()

CASES = [
    Case("missing file", lambda d: [str(d / "missing.txt"), _good(d)]),
    Case("directory", lambda d: [str(d), _good(d)]),
    Case("empty", lambda d: [_file(d, "empty.txt", b""), _good(d)]),
    Case("whitespace only", lambda d: [_file(d, "blank.txt", b" \n\t\n  "), _good(d)]),
    Case("binary", lambda d: [_file(d, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
                                    + bytes(range(256)) * 4), _good(d)]),
    Case("undecodable", lambda d: [_file(d, "odd.txt", b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 40),
                                   _good(d)]),
    Case("huge (over --max-size 1)", lambda d: [_file(d, "big.txt", GOOD_A.encode() * 20_000),
                                                _good(d), "--max-size", "1"]),
    Case("/dev/zero", lambda d: ["/dev/zero", _good(d), "--max-size", "1"]),
    Case("/dev/urandom", lambda d: ["/dev/urandom", _good(d), "--max-size", "1"]),
    Case("FIFO without writer", _fifo),
    Case("socket", _socket),
    Case("permission denied", _denied, unprivileged=True),
    Case("output = input", _output_is_input),
    Case("output = symlink to input", _output_is_link),
    Case("name with newline and ESC", _strange_name),
    Case("file changing while read", _changing, live=True),
]


def run(case: Case, command: str, timeout: float) -> tuple[str, str, bool]:
    """(exit code or HANG, first stderr line, inputs unchanged) for one case and command."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o755)
        args = case.make(folder)
        if "{out}" in args:  # output = input: the hard link (report) or A itself (compare)
            out = str(folder / ("a.html" if command == "report" else "a.txt"))
            args = [out if a == "{out}" else a for a in args]
        inputs = [Path(a) for a in args[:2] if Path(a).is_file()]
        before = [_digest(p) for p in inputs]
        module = "core.cli" if command == "compare" else "gui.report_cli"
        argv = ["compare", *args] if command == "compare" else list(args)
        if command == "report" and "-o" not in argv:
            argv += ["-o", str(folder / "report.html")]
        prefix = DROP_CAPS if case.unprivileged and os.geteuid() == 0 else []
        started = time.monotonic()
        try:
            proc = subprocess.run(
                [*prefix, sys.executable, "-c", RUN.format(module=module), *argv,
                 "--no-entities"],
                capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        except subprocess.TimeoutExpired:
            return "HANG", f"killed after {timeout:.0f} s", True
        finally:
            _STOP.set()
        elapsed = time.monotonic() - started
        _STOP.clear()
        lines = proc.stderr.splitlines()
        unchanged = before == [_digest(p) for p in inputs]
        message = escape_text(lines[0]) if lines else f"(no message, {elapsed:.1f} s)"
        return str(proc.returncode), message, unchanged


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def main(argv: list[str] | None = None) -> int:
    """Print the matrix as a Markdown table; exit 1 if any case hangs or exits 0/1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before HANG")
    args = parser.parse_args(argv)
    print("| input | compare | report | inputs unchanged | message (compare) |")
    print("| --- | --- | --- | --- | --- |")
    bad = 0
    for case in CASES:
        code_c, msg_c, same_c = run(case, "compare", args.timeout)
        code_r, _msg_r, same_r = run(case, "report", args.timeout)
        same = "n/a" if case.live else "yes" if same_c and same_r else "NO"
        bad += code_c != "2" or code_r != "2" or same == "NO"
        msg = msg_c.replace("|", "\\|")
        print(f"| {case.label} | {code_c} | {code_r} | {same} | {msg} |", flush=True)
    for sock in _KEEP:
        sock.close()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
