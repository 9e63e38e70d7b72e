"""Entities in the window: found off the UI thread after the diff shows, listed in the sidebar."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, Signal

from core.errors import Cancelled, ConcordError
from core.model import Document, Entity, Result
from gui.entity_panel import EntityPanel

EntityPair = tuple[tuple[Entity, ...], tuple[Entity, ...]]
ExtractFn = Callable[..., EntityPair]


def default_extract(doc_a: Document, doc_b: Document,
                    should_cancel: Callable[[], bool]) -> EntityPair:
    """core.entities.extract_entities, imported on first use (spaCy is heavy)."""
    from core.entities import extract_entities

    return extract_entities(doc_a, doc_b, should_cancel)


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)


class EntityJob(QRunnable):
    """Find the entities of one pair of document snapshots."""

    def __init__(self, job_id: int, docs: tuple[Document, Document], extract: ExtractFn,
                 cancel: threading.Event, signals: _Signals) -> None:
        super().__init__()
        self.job_id, self._docs, self._extract = job_id, docs, extract
        self._cancel, self._signals = cancel, signals

    def run(self) -> None:
        try:
            entities = self._extract(*self._docs, should_cancel=self._cancel.is_set)
        except Exception as exc:  # reported to the UI thread, never raised in the pool
            self._signals.failed.emit(self.job_id, exc)
        else:
            self._signals.finished.emit(self.job_id, entities)


class EntityController(QObject):
    """Adds the Entities tab to a MainWindow and keeps it in step with the shown result."""

    def __init__(self, window, extract: ExtractFn | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.extract = extract or default_extract
        self.panel = EntityPanel()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job = 0
        self._cancel: threading.Event | None = None
        self._signals: dict[int, _Signals] = {}
        window.add_sidebar_tab(self.panel, "Entities")
        window.installEventFilter(self)  # to stop the job when the window closes
        window.result_changed.connect(self.on_result)
        self.panel.mentions_selected.connect(self._show_mentions)
        self.panel.mention_stepped.connect(self._show_step)

    def on_result(self, result: Result | None) -> None:
        """A new comparison is shown: list its entities, finding them first if needed.
        None (the documents changed, a comparison is pending) empties the list."""
        if self._cancel is not None:
            self._cancel.set()
        self.panel.set_result(result)
        if result is None or result.entities is not None:
            return
        if not getattr(self.window, "entities_enabled", True):
            self.panel.status.setText("Entities are off (--no-entities).")
            return
        self._job += 1
        self._cancel = threading.Event()
        signals = _Signals()
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        self._signals[self._job] = signals
        self.pool.start(EntityJob(self._job, result.documents, self.extract, self._cancel,
                                  signals))

    def cancel(self) -> None:
        """Ask the running entity job to stop."""
        if self._cancel is not None:
            self._cancel.set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """On the window's close, stop and join the job: a thread left running into
        interpreter shutdown inside spaCy crashes the process."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.cancel()
            self.wait(30000)
        return False

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the entity job has ended (shutdown, tests)."""
        return self.pool.waitForDone(msecs)

    def _current(self, job_id: int) -> Result | None:
        self._signals.pop(job_id, None)
        return self.window.current_result if job_id == self._job else None

    def _on_finished(self, job_id: int, entities: EntityPair) -> None:
        result = self._current(job_id)
        if result is None or result.entities is not None:
            return  # a newer comparison replaced the one these entities belong to
        with_entities = dataclasses.replace(result, entities=entities)
        self.window.attach_entities(with_entities)
        self.panel.set_result(with_entities)

    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        if self._current(job_id) is None or isinstance(exc, Cancelled):
            return
        reason = str(exc) if isinstance(exc, ConcordError) else f"{type(exc).__name__}: {exc}"
        self.panel.status.setText(f"Entities could not be found: {reason}")

    def _show_mentions(self, ranges_a: list, ranges_b: list) -> None:
        self.window.highlight_ranges(0, [tuple(r) for r in ranges_a], scroll_to_first=True)
        self.window.highlight_ranges(1, [tuple(r) for r in ranges_b], scroll_to_first=True)

    def _show_step(self, side: int, start: int, end: int) -> None:
        self.window.panes[side].scroll_to_offset(start)
