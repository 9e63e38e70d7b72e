"""Entities of a pair found in a child process while this one compares the pair.

spaCy's import and model load take most of a CPU second, about as much as the rest of a cold
`concord compare` of a small pair: on a machine with two cores, running them side by side is
most of the start-up. The command line starts the child before it reads the files (the child
loads the model meanwhile, then waits for the texts), forked while the process has no other
thread and no threaded library loaded; elsewhere (the window, a process that already holds the
model) the entities are found in the process itself, as before.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence

from core.errors import Cancelled, ConcordError
from core.forking import fork_safe, start_method

POLL_SECONDS = 0.1


def _exit_on_term(signum, frame) -> None:  # type: ignore[no-untyped-def]
    """Stopped by the parent: stop the worker processes now (a clean shut-down would wait for
    the pieces they are reading, seconds each) and go."""
    for worker in multiprocessing.active_children():
        worker.kill()
    os._exit(1)


def _child(conn) -> None:  # type: ignore[no-untyped-def]
    """In the child: load the model, wait for the texts, send back the model's mentions of
    each (or, for large texts, the entities: see _read_large), or the error."""
    signal.signal(signal.SIGTERM, _exit_on_term)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle: it stops us
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
    except (EOFError, OSError):  # the parent went without asking
        return
    try:
        if failure is not None:
            raise failure
        try:
            if backend.is_large(texts):  # type: ignore[union-attr]
                answer = ("entities", _read_large(backend, texts))
            else:
                answer = ("raw", [[tuple(m) for m in ms]
                                  for ms in backend.extract(texts)])  # type: ignore[union-attr]
        finally:
            backend.close()  # type: ignore[union-attr]
        conn.send(answer)
    except BaseException as exc:  # everything goes back to the parent, which decides
        try:
            conn.send(("error", exc))
        except Exception:  # the exception itself does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def _read_large(backend, texts: list[str]) -> tuple[list, tuple]:  # type: ignore[no-untyped-def]
    """Large texts: the workers read them while this process corrects each text as soon as it
    is read (the first while the second is still being read), then links them: all of it
    beside the parent's comparison, instead of after it. (mentions of each, entities)"""
    # (no thread warms the place index up: none may run when the workers are forked; it is
    # loaded on its first use)
    from core.entities.correct import correct
    from core.entities.link import link_pair

    mentions: list[list] = [[] for _ in texts]
    for i, raw in backend.extract_each(texts):
        mentions[i] = correct(texts[i], raw)
    return mentions, link_pair((texts[0], texts[1]), (mentions[0], mentions[1]))


class _ChildGone(RuntimeError):
    """The child ended without an answer (killed, out of memory): the work is redone here."""


class EntityJob:
    """A child process that loads the model at once; :meth:`submit` gives it the texts,
    :meth:`result` waits for the model's mentions of them."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        ctx = multiprocessing.get_context(start_method())
        self._conn, child_conn = ctx.Pipe()
        # Not a daemon: a daemon may not start the worker processes of large texts. Whatever
        # happens, the child is stopped at exit (see prestart) or when its answer is in.
        self._proc = ctx.Process(target=_child, args=(child_conn,), name="concord-entities")
        self._proc.start()
        child_conn.close()

    def submit(self, texts: Sequence[str]) -> None:
        """Give the child the texts to read."""
        self.texts = list(texts)
        self._conn.send(self.texts)

    def result(self, should_cancel: Callable[[], bool] | None = None) -> tuple[str, object]:
        """("raw", the model's mentions of each text) or ("entities", (corrected mentions of
        each, linked entities)); raises what the child raised, or Cancelled; _ChildGone when
        the child died (or failed) without an answer."""
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
            if isinstance(value, ConcordError):  # the model is missing...: as if found here
                raise value
            raise _ChildGone(f"the entity process failed ({value!r})")
        return kind, value

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
            atexit.register(_stop_prestarted)


def _stop_prestarted() -> None:
    """At exit: a child never given texts is stopped (it waits for them otherwise)."""
    global _PRESTARTED
    with _PRESTART_LOCK:
        job, _PRESTARTED = _PRESTARTED, None
    if job is not None:
        job.cancel()


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


class _Answered:
    """A NER backend that serves the mentions the child found for its texts, and reads any
    other text with the default backend."""

    def __init__(self, texts: list[str], found: list[list[tuple]]) -> None:
        from core.entities.backend import default_backend

        self._found = dict(zip(texts, found, strict=True))
        self._fallback = default_backend()
        self.name = self._fallback.name  # the same model: the same cache entries

    def extract(self, texts: Sequence[str], should_cancel: Callable[[], bool] | None = None
                ) -> list[list]:
        from core.entities.backend import RawMention

        todo = [t for t in texts if t not in self._found]
        found = dict(self._found)
        if todo:
            found.update(zip(todo, self._fallback.extract(todo, should_cancel), strict=True))
        return [[RawMention(*m) for m in found[t]] for t in texts]


def collect(job: EntityJob, should_cancel: Callable[[], bool] | None = None
            ) -> tuple[object | None, tuple | None]:
    """(a backend serving the model's mentions, None) or (None, linked entities) from the
    child's answer; (None, None) when it ended without one (the work is then done here)."""
    from core.entities.api import DEFAULT_CACHE, cache_keys

    try:
        kind, value = job.result(should_cancel)
    except _ChildGone:
        return None, None
    if kind == "raw":
        return _Answered(job.texts, value), None  # type: ignore[arg-type]
    mentions, entities = value  # type: ignore[misc]
    for key, found in zip(cache_keys(job.texts), mentions, strict=True):
        DEFAULT_CACHE.put(key, found)  # as if found here: the next request is served at once
    return None, entities
