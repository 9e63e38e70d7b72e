"""Entities in the window: found off the UI thread after the diff shows, listed in the sidebar."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

from core.errors import Cancelled, ConcordError
from core.model import Document, Entity, Result
from gui.entity_panel import EntityPanel
from gui.jobs import JobRunner

EntityPair = tuple[tuple[Entity, ...], tuple[Entity, ...]]
ExtractFn = Callable[..., EntityPair]


def default_extract(doc_a: Document, doc_b: Document,
                    should_cancel: Callable[[], bool]) -> EntityPair:
    """core.entities.extract_entities, imported on first use (spaCy is heavy)."""
    from core.entities import extract_entities

    return extract_entities(doc_a, doc_b, should_cancel)


class EntityController(QObject):
    """Adds the Entities tab to a MainWindow and keeps it in step with the shown result."""

    def __init__(self, window, extract: ExtractFn | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.extract = extract or default_extract
        self.panel = EntityPanel()
        self.runner = JobRunner(self, threads=1)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._docs: tuple[Document, Document] | None = None  # what the newest job reads
        window.add_sidebar_tab(self.panel, "Entities")
        window.installEventFilter(self)  # to stop the job when the window closes
        window.result_changed.connect(self.on_result)
        self.panel.mentions_selected.connect(self._show_mentions)
        self.panel.mention_stepped.connect(self._show_step)

    def on_result(self, result: Result | None) -> None:
        """A new comparison is shown: list its entities, finding them first if needed.
        None (the documents changed, a comparison is pending) empties the list."""
        self.runner.cancel(silent=True)
        self._docs = None
        self.panel.set_result(result)
        if result is None or result.entities is not None:
            return
        if not getattr(self.window, "entities_enabled", True):
            self.panel.status.setText("Entities are off (--no-entities).")
            return
        docs, extract = result.documents, self.extract
        self._docs = docs
        self.runner.run(lambda _progress, should_cancel: extract(*docs,
                                                                 should_cancel=should_cancel))

    @property
    def _job(self) -> int:
        """Id of the newest entity job (tests wait on it)."""
        return self.runner.current_job

    def cancel(self) -> None:
        """Ask the running entity job to stop."""
        self.runner.cancel(silent=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """On the window's close, stop and join the job: a thread left running into
        interpreter shutdown inside spaCy crashes the process."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.cancel()
            self.wait(30000)
        return False

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the entity job has ended (shutdown, tests)."""
        return self.runner.wait(msecs)

    def _current(self) -> Result | None:
        """The shown result, if it is still the one the newest job read."""
        result = self.window.current_result
        if result is None or self._docs is None or result.documents != self._docs:
            return None
        return result

    def _on_finished(self, entities: EntityPair) -> None:
        result = self._current()
        if result is None or result.entities is not None:
            return  # a newer comparison replaced the one these entities belong to
        with_entities = dataclasses.replace(result, entities=entities)
        self.window.attach_entities(with_entities)
        self.panel.set_result(with_entities)

    def _on_failed(self, exc: BaseException) -> None:
        if self._current() is None or isinstance(exc, Cancelled):
            return
        reason = str(exc) if isinstance(exc, ConcordError) else f"{type(exc).__name__}: {exc}"
        self.panel.status.setText(f"Entities could not be found: {reason}")

    def _show_mentions(self, ranges_a: list, ranges_b: list) -> None:
        self.window.highlight_ranges(0, [tuple(r) for r in ranges_a], scroll_to_first=True)
        self.window.highlight_ranges(1, [tuple(r) for r in ranges_b], scroll_to_first=True)

    def _show_step(self, side: int, start: int, end: int) -> None:
        self.window.panes[side].scroll_to_offset(start)
