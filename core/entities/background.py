"""Entities of a pair found in a child process while this one compares the pair.

spaCy's import and model load take most of a CPU second, about as much as the rest of a cold
`concord compare` of a small pair: on a machine with two cores, running them side by side is
most of the start-up. The command line starts the child before it reads the files (the child
loads the model meanwhile, then waits for the texts); elsewhere it starts with the texts. It is
forked while this process has no other thread and no threaded library loaded, else spawned.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Sequence

from core.errors import Cancelled

POLL_SECONDS = 0.1
# Modules that start threads of their own (or hold locks a fork would copy): once one is
# loaded, the child is spawned rather than forked.
_THREADED_MODULES = ("onnxruntime", "PySide6.QtCore", "torch")


def fork_safe() -> bool:
    """Whether this process can be forked safely now (one thread, no threaded library)."""
    return (sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
            and not any(name in sys.modules for name in _THREADED_MODULES))


def _exit_on_term(signum, frame) -> None:  # type: ignore[no-untyped-def]
    raise SystemExit(1)  # unwinds through the backend's clean-up, which stops its workers


def _child(conn) -> None:  # type: ignore[no-untyped-def]
    """In the child: load the model, wait for the texts, send back the model's mentions of
    each (or the error)."""
    signal.signal(signal.SIGTERM, _exit_on_term)
    backend = failure = None
    try:
        from core.entities.backend import SpacyBackend

        # Its own backend (a forked copy of the parent's pool would not work), whose worker
        # processes for large texts are forked from this one once the model is loaded.
        backend = SpacyBackend(fork_workers=True)
        backend.nlp()
    except Exception as exc:  # reported once the texts come (they may never come)
        failure = exc
    try:
        texts = conn.recv()
    except (EOFError, OSError, SystemExit):  # the parent went without asking
        return
    try:
        if failure is not None:
            raise failure
        try:
            found = backend.extract(texts)  # type: ignore[union-attr]
        finally:
            backend.close()  # type: ignore[union-attr]
        conn.send(("ok", [[tuple(m) for m in ms] for ms in found]))
    except BaseException as exc:  # everything goes back to the parent, which decides
        try:
            conn.send(("error", exc))
        except Exception:  # the exception itself does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


class _ChildGone(RuntimeError):
    """The child ended without an answer (killed, out of memory): the work is redone here."""


class EntityJob:
    """A child process that loads the model at once; :meth:`submit` gives it the texts,
    :meth:`result` waits for the model's mentions of them."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        ctx = multiprocessing.get_context("fork" if fork_safe() else "spawn")
        self._conn, child_conn = ctx.Pipe()
        self._proc = ctx.Process(target=_child, args=(child_conn,), name="concord-entities",
                                 daemon=True)
        self._proc.start()
        child_conn.close()

    def submit(self, texts: Sequence[str]) -> None:
        """Give the child the texts to read."""
        self.texts = list(texts)
        self._conn.send(self.texts)

    def result(self, should_cancel: Callable[[], bool] | None = None) -> list[list[tuple]]:
        """The model's mentions of each text; raises what the child raised, or Cancelled;
        _ChildGone when the child died without an answer."""
        if self._conn.closed:
            raise _ChildGone("the entity process was stopped")
        try:
            while not self._conn.poll(POLL_SECONDS):
                if should_cancel is not None and should_cancel():
                    raise Cancelled()
                if not self._proc.is_alive() and not self._conn.poll(0):
                    raise _ChildGone("the entity process ended without an answer "
                                     f"(exit code {self._proc.exitcode})")
            try:
                kind, value = self._conn.recv()
            except EOFError as exc:
                raise _ChildGone("the entity process ended without an answer") from exc
        except BaseException:
            self.cancel()
            raise
        self._proc.join(timeout=1)  # it ends once it has answered
        self.cancel()
        if kind == "error":
            raise value
        return value

    def cancel(self) -> None:
        """Stop the child (if still running) and release the pipe."""
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join(timeout=5)
        self._conn.close()


_PRESTARTED: EntityJob | None = None
_PRESTART_LOCK = threading.Lock()


def _spacy_backend() -> bool:
    from core.entities.backend import SpacyBackend, default_backend

    return type(default_backend()) is SpacyBackend  # not another model, nor a test's fake


def prestart() -> None:
    """Start the child now, before the documents are read, when it can be forked (a command
    about to compare with entities); :func:`start` then hands it the texts."""
    global _PRESTARTED
    with _PRESTART_LOCK:
        if _PRESTARTED is None and fork_safe() and _spacy_backend():
            _PRESTARTED = EntityJob()


def start(text_a: str, text_b: str) -> EntityJob | None:
    """The pre-started child, given the pair to read; None when there is none (the entities
    are then found in this process), or nothing to gain: both texts' mentions are cached, or
    the backend is not spaCy's (another model, a test's fake)."""
    global _PRESTARTED
    with _PRESTART_LOCK:
        job, _PRESTARTED = _PRESTARTED, None
    if job is None:
        return None
    from core.entities.api import DEFAULT_CACHE, cache_keys

    if not _spacy_backend() or all(DEFAULT_CACHE.get(k) is not None
                                   for k in cache_keys([text_a, text_b])):
        job.cancel()
        return None
    job.submit([text_a, text_b])
    return job


class ChildBackend:
    """The NER backend for texts a child is reading: its answer, or (the child gone, or
    other texts) the default backend's, in this process."""

    def __init__(self, job: EntityJob) -> None:
        from core.entities.backend import default_backend

        self._job = job
        self._fallback = default_backend()
        self.name = self._fallback.name  # the same model: the same cache entries

    def extract(self, texts: Sequence[str], should_cancel: Callable[[], bool] | None = None
                ) -> list[list]:
        """Mentions for each text, as the model gives them."""
        from core.entities.backend import RawMention

        found: dict[str, list] = {}
        if any(t in self._job.texts for t in texts):
            try:
                answer = self._job.result(should_cancel)
                found = dict(zip(self._job.texts, answer, strict=True))
            except _ChildGone:
                pass
        todo = [t for t in texts if t not in found]
        if todo:
            found.update(zip(todo, self._fallback.extract(todo, should_cancel), strict=True))
        return [[RawMention(*m) for m in found[t]] for t in texts]
