"""Entities and the editor's checks in the window: found off the UI thread after the diff
shows, listed in the sidebar's Entities and Checks tabs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

from core.errors import Cancelled, ConcordError
from core.model import Document, Entity, Result
from gui.checks_panel import ChecksPanel
from gui.entity_panel import EntityPanel
from gui.jobs import JobRunner

EntityPair = tuple[tuple[Entity, ...], tuple[Entity, ...]]
ExtractFn = Callable[..., EntityPair]


def default_checks(result: Result) -> tuple:
    """core.checks.run_checks (quotations, credits, figures, roles), imported on first use."""
    from core.checks import run_checks

    return run_checks(result)


def default_extract(doc_a: Document, doc_b: Document,
                    should_cancel: Callable[[], bool]) -> EntityPair:
    """core.entities.extract_entities, imported on first use (spaCy is heavy)."""
    from core.entities import extract_entities

    return extract_entities(doc_a, doc_b, should_cancel)


class EntityController(QObject):
    """Adds the Entities tab to a MainWindow and keeps it in step with the shown result."""

    def __init__(self, window, extract: ExtractFn | None = None,
                 checks: Callable[[Result], tuple] | None = default_checks) -> None:
        super().__init__(window)
        self.window = window
        self.extract = extract or default_extract
        self.run_checks = checks
        self.panel = EntityPanel()
        self.checks_panel = ChecksPanel()
        self.checks_panel.setAccessibleName("The editor's checks")
        self.runner = JobRunner(self, threads=1)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._docs: tuple[Document, Document] | None = None  # what the newest job reads
        window.add_sidebar_tab(self.panel, "Entities")
        if checks is not None:
            window.add_sidebar_tab(self.checks_panel, "Checks")
            self.checks_panel.activated.connect(self._show_check)
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
        self.checks_panel.set_result(result)
        if result is None or (result.entities is not None
                              and (result.checks is not None or self.run_checks is None)):
            return
        with_entities = getattr(self.window, "entities_enabled", True)
        if not with_entities:
            self.panel.status.setText("Entities are off (--no-entities).")
            if self.run_checks is None:
                return
        self._docs = result.documents
        extract, checks = (self.extract if with_entities else None), self.run_checks
        self.runner.run(lambda _progress, should_cancel: _find(result, extract, checks,
                                                                should_cancel))

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

    def _on_finished(self, found: tuple) -> None:
        entities, checks, problem = found
        result = self._current()
        if result is None or (result.entities is not None and result.checks is not None):
            return  # a newer comparison replaced the one these belong to
        done = dataclasses.replace(result, entities=entities if entities is not None
                                   else result.entities, checks=checks)
        self.window.attach_entities(done)
        if entities is not None:
            self.panel.set_result(done)
        self.checks_panel.set_result(done)
        if problem:
            self.checks_panel.status.setText(f"The checks could not run: {problem}")

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

    def _show_check(self, check) -> None:
        """Mark the check's evidence (its words, else its passage) in both panes."""
        for side, rng, marks in ((0, check.a, check.marks_a), (1, check.b, check.marks_b)):
            ranges = [tuple(r) for r in marks] or ([tuple(rng)] if rng else [])
            self.window.highlight_ranges(side, ranges, scroll_to_first=bool(ranges))


def _find(result: Result, extract: ExtractFn | None, checks, should_cancel) -> tuple:
    """(entities or None, checks or None, what stopped the checks); runs on the pool."""
    entities = extract(*result.documents, should_cancel=should_cancel) if extract else None
    if checks is None:
        return entities, None, ""
    if should_cancel():
        raise Cancelled()
    try:
        found = checks(dataclasses.replace(result, entities=entities or result.entities))
    except Exception as exc:  # the entities still count; the Checks tab says what failed
        return entities, None, f"{type(exc).__name__}: {exc}"
    return entities, tuple(found), ""
