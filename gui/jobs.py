"""One cancellable job runner for the window: compare and entity jobs go through it.

A job is ``work(progress, should_cancel) -> value`` run on a worker thread. Submitting a new
job cancels the previous one; only the newest job's report reaches the UI (stale ones are
dropped and counted), through queued signals.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from core.errors import Cancelled

Progress = Callable[[str, float], None]
Work = Callable[[Progress, Callable[[], bool]], object]
PROGRESS_INTERVAL = 0.05  # seconds between progress signals, so the UI queue never floods


class _Signals(QObject):
    progress = Signal(int, str, float)
    finished = Signal(int, object)
    failed = Signal(int, object)


class Job(QRunnable):
    """One unit of work on a pool thread; reports through ``signals`` (never raises)."""

    def __init__(self, job_id: int, work: Work, cancel: threading.Event,
                 signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.job_id, self._work, self._cancel, self._signals = job_id, work, cancel, signals
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
            value = self._work(self._progress, self._cancel.is_set)
        except Exception as exc:  # every failure is reported to the UI thread
            self._signals.failed.emit(self.job_id, exc)
        else:
            self._signals.finished.emit(self.job_id, value)


class JobRunner(QObject):
    """Owns a thread pool; a new job cancels the previous one and stale reports drop."""

    started = Signal(int)
    progress = Signal(str, float)
    finished = Signal(object)  # value of the newest job
    failed = Signal(object)  # exception of the newest job (not Cancelled)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)  # 2: a cancelled job winding down never blocks
        self._current = 0
        self._cancel: threading.Event | None = None
        self._signals: dict[int, _Signals] = {}  # kept alive until the job reports
        self._waiting: int | None = None  # the job whose report the UI still wants
        self.dropped = 0  # stale reports thrown away (for tests)

    @property
    def busy(self) -> bool:
        """True while the newest job has not reported back."""
        return self._waiting is not None

    @property
    def current_job(self) -> int:
        """Id of the newest job (0: none yet)."""
        return self._current

    def run(self, work: Work) -> int:
        """Start ``work`` off the UI thread; returns its id. Any older job is cancelled."""
        self.cancel(silent=True)
        self._current += 1
        self._cancel = threading.Event()
        signals = _Signals()
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        self._signals[self._current] = signals
        self._waiting = self._current
        self._pool.start(Job(self._current, work, self._cancel, signals))
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

    def _on_finished(self, job_id: int, value: object) -> None:
        if not self._is_stale(job_id):
            self.finished.emit(value)

    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        if self._is_stale(job_id):
            return
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(exc)
