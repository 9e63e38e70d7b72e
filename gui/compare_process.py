"""Run the engine in a child Python process, so a long comparison never holds the UI's GIL.

The child is `python -m gui.compare_process`: it reads one pickled request on stdin and writes
length-prefixed pickled messages ('progress' | 'result' | 'error', payload) on stdout. Any
byte (or end of file) arriving on its stdin afterwards cancels the comparison. No Qt here.
"""

from __future__ import annotations

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import BinaryIO

from core.errors import Cancelled, ConcordError
from core.model import Document, Options, Result

POLL_SECONDS = 0.05
GRACE_SECONDS = 1.0  # a cancelled child may take this long to notice before it is killed
PROGRESS_INTERVAL = 0.05
HEADER = struct.Struct("!Q")
# A frozen build runs itself with this flag to compare off-process. Defined here (gui.app, the
# entry point, imports it) so that this module never imports gui.app: no import circle.
CHILD_FLAG = "--compare-worker"


class WorkerCrashed(ConcordError):
    """The comparison process ended without an answer."""

    code = "E901"


def write_message(stream: BinaryIO, message: object) -> None:
    """Write one length-prefixed pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def read_message(stream: BinaryIO) -> object:
    """Read one length-prefixed pickle; EOFError at the end of the stream."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        raise EOFError
    size = HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


# -- child side ------------------------------------------------------------------------------
def child_main() -> int:
    """Entry point of the child process."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must not corrupt the message stream
    docs, options = read_message(stdin)
    cancel = threading.Event()
    threading.Thread(target=lambda: (stdin.read(1), cancel.set()), daemon=True).start()
    last = [0.0]

    def progress(stage: str, fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL:
            last[0] = now
            write_message(stdout, ("progress", (stage, float(fraction))))

    try:
        from core.app import compare_documents

        result = compare_documents(docs, options, progress=progress,
                                   should_cancel=cancel.is_set)
        write_message(stdout, ("result", result))
    except Exception as exc:  # everything goes back to the parent
        try:
            write_message(stdout, ("error", exc))
        except Exception:  # the exception itself does not pickle
            write_message(stdout, ("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    return 0


# -- parent side -----------------------------------------------------------------------------
def _reader(stream: BinaryIO, inbox: queue.Queue) -> None:
    try:
        while True:
            inbox.put(read_message(stream))
    except (EOFError, OSError, pickle.UnpicklingError):
        inbox.put(("gone", None))


def child_command() -> list[str]:
    """How to start the child: a frozen build runs itself with a hidden flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG]
    return [sys.executable, "-m", "gui.compare_process"]


def compare_in_process(doc_a: Document, doc_b: Document, options: Options | None = None,
                       progress: Callable[[str, float], None] | None = None,
                       should_cancel: Callable[[], bool] | None = None) -> Result:
    """Same contract as core.app.compare_documents, computed in a child process."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get(
        "PYTHONPATH")])))
    proc = subprocess.Popen(child_command(), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=env)
    inbox: queue.Queue = queue.Queue()
    try:
        write_message(proc.stdin, ((doc_a, doc_b), options or Options()))
        threading.Thread(target=_reader, args=(proc.stdout, inbox), daemon=True).start()
        return _wait(proc, inbox, progress, should_cancel)
    finally:
        _stop(proc)


def _wait(proc, inbox: queue.Queue, progress, should_cancel) -> Result:
    while True:
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        try:
            kind, payload = inbox.get(timeout=POLL_SECONDS)
        except queue.Empty:
            continue
        if kind == "progress" and progress is not None:
            progress(*payload)
        elif kind == "result":
            return payload
        elif kind == "error":
            raise payload
        elif kind == "gone":
            code = proc.wait(GRACE_SECONDS)
            raise WorkerCrashed(f"The comparison process stopped unexpectedly (exit code {code}).")


def _stop(proc: subprocess.Popen) -> None:
    """Ask the child to stop (a byte, then end of file on its stdin), kill it if it lingers."""
    try:
        proc.stdin.write(b"x")
        proc.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        proc.wait(GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(1.0)
    if proc.stdout:
        proc.stdout.close()


if __name__ == "__main__":
    code = child_main()
    sys.stderr.flush()
    os._exit(code)  # skip interpreter shutdown: the stdin watcher thread is still blocked
