"""Safety limits for untrusted documents: zip bombs, XML entity bombs, time."""

from __future__ import annotations

import io
from dataclasses import dataclass

from core.errors import CorruptDocument, UnsafeDocument

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds a reader may not cross; crossing one refuses the file with a clear message."""

    seconds: float = 60.0  # wall-clock time for one document
    part_bytes: int = 128 * MB  # one decompressed member of a .docx/.odt
    total_bytes: int = 256 * MB  # all decompressed members read
    ratio: float = 200.0  # decompressed / compressed, checked for members over 1 MB
    members: int = 10_000  # entries in a zip container


DEFAULT_LIMITS = Limits()


class SafeZip:
    """A zip container read under :class:`Limits`; ``read`` refuses bombs before inflating."""

    def __init__(self, data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.name = name
        self.limits = limits
        self._read_total = 0
        import zipfile  # not needed at start-up

        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
            raise CorruptDocument(f"{name} is damaged: its zip container cannot be opened "
                                  f"({exc}).") from None
        if len(infos) > limits.members:
            raise UnsafeDocument(f"{name} holds {len(infos)} parts; Concord stops at "
                                 f"{limits.members} (it may be a zip bomb).")
        self._infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, member: str) -> bool:
        return member in self._infos

    def read(self, member: str) -> bytes:
        """The decompressed bytes of ``member``, refused when they would cross a limit."""
        import zipfile

        info = self._infos.get(member)
        if info is None:
            raise CorruptDocument(f"{self.name} is damaged: it has no {member}.")
        self._check_declared(info)
        try:
            with self._zip.open(info) as fh:
                # zipfile stops at the declared size, so this bound also holds for lying headers.
                data = fh.read(self.limits.part_bytes + 1)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError,
                RuntimeError) as exc:
            raise CorruptDocument(f"{self.name} is damaged: {member} cannot be read "
                                  f"({exc}).") from None
        if len(data) > self.limits.part_bytes:
            raise self._bomb(member)
        self._read_total += len(data)
        if self._read_total > self.limits.total_bytes:
            raise self._bomb(member)
        return data

    def _check_declared(self, info) -> None:
        size, packed = info.file_size, max(info.compress_size, 1)
        if size > self.limits.part_bytes or self._read_total + size > self.limits.total_bytes:
            raise self._bomb(info.filename)
        if size > MB and size / packed > self.limits.ratio:
            raise self._bomb(info.filename)

    def _bomb(self, member: str) -> UnsafeDocument:
        return UnsafeDocument(
            f"{self.name} is refused: {member} would decompress to more than Concord allows "
            f"({self.limits.part_bytes // MB} MB, {self.limits.ratio:.0f}:1); it looks like a "
            "zip bomb.")


def parse_xml(data: bytes, name: str, member: str = "XML"):
    """Parse untrusted XML with defusedxml: entity definitions and external references refused."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as SafeET

    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                  forbid_external=True)
    except DefusedXmlException:
        raise UnsafeDocument(f"{name} is refused: its {member} defines XML entities, a known way "
                             "to exhaust memory (an 'entity bomb').") from None
    except (ParseError, ValueError) as exc:
        raise CorruptDocument(f"{name} is damaged: its {member} is not well-formed "
                              f"({exc}).") from None


def _child(conn, func, args, memory: int) -> None:
    """Body of the reader's child process: cap its memory, run, send the outcome back."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass  # not on this system: the time limit still holds
    try:
        conn.send(("ok", func(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # sent back and raised in the parent
        conn.send(("error", exc))
    finally:
        conn.close()


CANCEL_POLL = 0.1  # seconds between checks of should_cancel while the child works


def run_bounded(func, *args, name: str, seconds: float, memory: int = 3 * 1024 * MB,
                should_cancel=None):
    """``func(*args)`` in a child process that is stopped after ``seconds`` and cannot use
    more than ``memory`` bytes of address space (where the system allows the cap).

    For readers built on C libraries (PDFium), which no time check can interrupt.
    ``func`` must be importable by name; its result and exceptions must pickle.
    ``should_cancel`` (polled every 0.1 s) stops the child at once and raises Cancelled:
    Esc in the window must not leave a PDF reader running to its time limit.
    """
    import multiprocessing

    from core.errors import FileTooLarge, ReadTimeout
    from core.forking import start_method

    ctx = multiprocessing.get_context(start_method())
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, func, args, memory), daemon=True)
    proc.start()
    child.close()
    try:
        if not _wait_for_child(parent, seconds, should_cancel):
            raise ReadTimeout(f"{name} took more than {seconds:.0f} s to read; it is too "
                              "large or too complex for Concord.")
        status, value = parent.recv()
    except EOFError:  # the child died without a word: killed for memory, or crashed
        status, value = "died", None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status == "ok":
        return value
    if status == "died" and proc.exitcode not in (-9, -6):  # not killed, not an abort
        raise CorruptDocument(f"{name} made the reading library fail (exit code "
                              f"{proc.exitcode}); the file is probably damaged.")
    if status in ("memory", "died"):
        raise FileTooLarge(f"{name} needs more than {memory // MB} MB of memory to read; "
                           "Concord stopped it.")
    raise value


def _wait_for_child(conn, seconds: float, should_cancel) -> bool:
    """True when the child has answered within ``seconds``; raises Cancelled on request."""
    import time

    from core.errors import Cancelled

    if should_cancel is None:
        return conn.poll(seconds)
    deadline = time.monotonic() + seconds
    while not conn.poll(min(CANCEL_POLL, max(0.0, deadline - time.monotonic()))):
        if should_cancel():
            raise Cancelled("Reading was cancelled.")
        if time.monotonic() >= deadline:
            return False
    return True
