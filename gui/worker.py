"""Run comparisons off the UI thread: snapshot inputs, compute, apply only the newest result."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from core.errors import ConcordError
from core.model import Document, Options, Result
from gui.jobs import JobRunner

CompareFn = Callable[..., Result]


class EngineMissing(ConcordError):
    """The comparison engine cannot be imported."""

    code = "E900"


PROCESS_THRESHOLD = 150_000  # characters (both sides): bigger pairs run in a child process


def default_compare(doc_a: Document, doc_b: Document, **kwargs) -> Result:
    """The engine's compare: in this thread for small pairs, in a child process for big ones.

    The engine is pure Python; in a thread it would hold the GIL for long stretches and the
    UI would stutter. A child process costs a fraction of a second to start, so small pairs
    (the common case, and every test) stay in-process.
    """
    if len(doc_a.text) + len(doc_b.text) >= PROCESS_THRESHOLD:
        from gui.compare_process import compare_in_process

        return compare_in_process(doc_a, doc_b, **kwargs)
    try:
        from core.app import compare_documents
    except ImportError as exc:
        raise EngineMissing(f"The comparison engine is not available ({exc}).") from exc
    return compare_documents((doc_a, doc_b), **kwargs)


class CompareRunner(JobRunner):
    """Compares document snapshots through the window's one job runner (gui.jobs)."""

    def __init__(self, compare_fn: CompareFn | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent, threads=2)
        self.compare_fn: CompareFn = compare_fn or default_compare

    def submit(self, docs: tuple[Document, Document], options: Options) -> int:
        """Start comparing ``docs``; returns the job id. Any older job is cancelled."""
        compare_fn = self.compare_fn  # the function of the moment the job was asked for

        def work(progress, should_cancel) -> Result:
            return compare_fn(docs[0], docs[1], options=options, progress=progress,
                              should_cancel=should_cancel)

        return self.run(work)
