"""Run comparisons off the UI thread: snapshot inputs, compute, apply only the newest result."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from core.errors import Cancelled, ConcordError
from core.model import Document, Options, Result

CompareFn = Callable[..., Result]
PROGRESS_INTERVAL = 0.05  # seconds between progress signals, so the UI queue never floods


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


class _JobSignals(QObject):
    progress = Signal(int, str, float)
    finished = Signal(int, object)
    failed = Signal(int, object)


class CompareJob(QRunnable):
    """One comparison of two document snapshots; reports back through queued signals."""

    def __init__(self, job_id: int, docs: tuple[Document, Document], options: Options,
                 compare_fn: CompareFn, cancel: threading.Event, signals: _JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.job_id = job_id
        self._docs = docs
        self._options = options
        self._compare = compare_fn
        self._cancel = cancel
        self._signals = signals
        self._last = (0.0, "")

    def _progress(self, stage: str, fraction: float) -> None:
        now = time.monotonic()
        if stage != self._last[1] or now - self._last[0] >= PROGRESS_INTERVAL:
            self._last = (now, stage)
            self._signals.progress.emit(self.job_id, stage, float(fraction))

    def run(self) -> None:
        try:
            if self._cancel.is_set():
                raise Cancelled()
            result = self._compare(self._docs[0], self._docs[1], options=self._options,
                                   progress=self._progress, should_cancel=self._cancel.is_set)
        except Exception as exc:  # every failure is reported to the UI thread
            self._signals.failed.emit(self.job_id, exc)
        else:
            self._signals.finished.emit(self.job_id, result)


class CompareRunner(QObject):
    """Owns the worker pool; a new request cancels the previous one and stale results drop."""

    started = Signal(int)
    progress = Signal(str, float)
    finished = Signal(object)  # Result of the newest job
    failed = Signal(object)  # exception of the newest job (not Cancelled)
    cancelled = Signal()

    def __init__(self, compare_fn: CompareFn | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.compare_fn: CompareFn = compare_fn or default_compare
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # a cancelled job winding down never blocks the next
        self._current = 0
        self._cancel: threading.Event | None = None
        self._signals: dict[int, _JobSignals] = {}  # kept alive until the job reports
        self._waiting: int | None = None  # the job whose report the UI still wants
        self.dropped = 0  # stale results thrown away (for tests)

    @property
    def busy(self) -> bool:
        """True while the newest job has not reported back."""
        return self._waiting is not None

    @property
    def current_job(self) -> int:
        """Id of the newest job."""
        return self._current

    def submit(self, docs: tuple[Document, Document], options: Options) -> int:
        """Start comparing ``docs``; returns the job id. Any older job is cancelled."""
        self.cancel(silent=True)
        self._current += 1
        self._cancel = threading.Event()
        signals = _JobSignals()
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        self._signals[self._current] = signals
        self._waiting = self._current
        self._pool.start(CompareJob(self._current, docs, options, self.compare_fn,
                                    self._cancel, signals))
        self.started.emit(self._current)
        return self._current

    def cancel(self, silent: bool = False) -> None:
        """Ask the newest job to stop; unless ``silent``, report the cancellation at once."""
        if self._cancel is not None:
            self._cancel.set()
        if not silent and self.busy:
            self._waiting = None
            self.cancelled.emit()

    def wait(self, msecs: int = 5000) -> bool:
        """Block until every job has ended (shutdown, tests)."""
        return self._pool.waitForDone(msecs)

    def _on_progress(self, job_id: int, stage: str, fraction: float) -> None:
        if job_id == self._waiting:
            self.progress.emit(stage, fraction)

    def _is_stale(self, job_id: int) -> bool:
        # Release the job's signal object later: it is the sender of the call being handled.
        QTimer.singleShot(0, lambda: self._signals.pop(job_id, None))
        if job_id != self._waiting:
            self.dropped += 1
            return True
        self._waiting = None
        return False

    def _on_finished(self, job_id: int, result: Result) -> None:
        if not self._is_stale(job_id):
            self.finished.emit(result)

    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        if self._is_stale(job_id):
            return
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(exc)
