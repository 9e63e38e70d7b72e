"""The one application-level comparison: load both files, compare, find entities.

The command line, the report command, the window's worker and its child process all call
this module, so options are checked, files read and entities added the same way everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from os import PathLike
from typing import TYPE_CHECKING

from core.errors import Cancelled, ConcordError, OptionError
from core.model import Document, Options, Result
from core.options import DEFAULT_MAX_BYTES, MB, LoadOptions, validate, validate_loading

if TYPE_CHECKING:
    from core.entities.background import EntityJob

Progress = Callable[[str, float], None]
ENTITY_STAGE = "Finding names"


def load_pair(paths: Sequence[str | PathLike[str]], encoding: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, Document]:
    """Both documents; raises ConcordError with a clear message for bad input."""
    from core.readers.load import load_input

    if len(paths) != 2:
        raise ConcordError(f"Give two files to compare, not {len(paths)}.")
    validate_loading(LoadOptions(max_size=max_bytes / MB, encoding=encoding))
    if os.fspath(paths[0]) == os.fspath(paths[1]) == "-":
        raise OptionError("standard input (-) can be only one of the two documents.")
    # Paths, '-' (standard input) or http(s) addresses; PDFs are read in a child process
    # that the time and memory limits can stop.
    return (load_input(os.fspath(paths[0]), encoding, max_bytes, isolate=True),
            load_input(os.fspath(paths[1]), encoding, max_bytes, isolate=True))


def add_entities(result: Result, *, job: EntityJob | None = None,
                 should_cancel: Callable[[], bool] | None = None) -> Result:
    """The result with the entities of both documents and the editor's checks filled in
    (those of ``job``, when they are being found in a child process)."""
    from core.checks import run_checks
    from core.entities import extract_entities  # spaCy is heavy: load it only when asked

    backend = entities = None
    if job is not None:
        from core.entities.background import collect

        _prepare(result)  # while the child is still reading
        backend, entities = collect(job, should_cancel)
    if entities is None:
        entities = extract_entities(*result.documents, should_cancel, backend=backend)
    result = replace(result, entities=entities)
    return replace(result, checks=run_checks(result))


def _prepare(result: Result) -> None:
    """What the entity step will need and can be done without the entities (a process waiting
    for them has the time): modules, the place index, the checks' text indexes."""
    import threading

    from core.checks import prepare
    from core.entities.gazetteer import warm_up

    threading.Thread(target=warm_up, name="gazetteer-warm-up", daemon=True).start()
    prepare(result)


def prestart_entities() -> None:
    """A command that will compare with entities: let the entity model start loading in a
    child process now, while the files are read and the comparison runs."""
    try:
        from core.entities.background import prestart

        prestart()
    except Exception:  # an optimisation only
        return


def _start_entities(docs: Sequence[Document]) -> EntityJob | None:
    """Start finding the entities in a child process, to run beside the comparison."""
    try:
        from core.entities.background import start

        return start(docs[0].text, docs[1].text)
    except Exception:  # an optimisation only: the entity step then runs here, after
        return None


def _prefetch_entities(docs: Sequence[Document]) -> None:
    """Large texts: let the entity model start in its worker processes during the comparison."""
    try:
        from core.entities.api import prefetch_mentions

        prefetch_mentions([docs[0].text, docs[1].text])
    except Exception:  # an optimisation only: the entity step reports real errors itself
        return


def compare_documents(docs: Sequence[Document], options: Options | None = None, *,
                      entities: bool = False, progress: Progress | None = None,
                      should_cancel: Callable[[], bool] | None = None,
                      on_entity_error: Callable[[Exception], None] | None = None) -> Result:
    """Compare two loaded documents (and find their entities if ``entities``).

    With ``on_entity_error``, a failure of the entity step (a missing language model) is
    handed to it and the result comes back without entities instead of failing.
    """
    from core.comparison.engine import compare

    options = options or Options()
    validate(options)
    stage_progress = progress
    if entities and progress is not None:
        def stage_progress(stage: str, fraction: float) -> None:
            progress(stage, 0.9 * fraction)  # the entity step takes the last tenth

    job = _start_entities(docs) if entities else None
    if entities and job is None:
        _prefetch_entities(docs)
    try:
        result = compare(docs[0], docs[1], options, progress=stage_progress,
                         should_cancel=should_cancel)
        if entities:
            result = _with_entities(result, job, progress, should_cancel, on_entity_error)
    finally:
        if job is not None:
            job.cancel()  # (done by then, unless something failed)
    return result


def _with_entities(result: Result, job: EntityJob | None, progress: Progress | None,
                   should_cancel: Callable[[], bool] | None,
                   on_entity_error: Callable[[Exception], None] | None) -> Result:
    if should_cancel is not None and should_cancel():
        raise Cancelled()
    if progress is not None:
        progress(ENTITY_STAGE, 0.9)
    try:
        result = add_entities(result, job=job, should_cancel=should_cancel)
    except ConcordError:
        raise
    except Exception as exc:
        if on_entity_error is None:
            raise
        on_entity_error(exc)
    if progress is not None:
        progress("Done", 1.0)
    return result


def compare_files(paths: Sequence[str | PathLike[str]], options: Options | None = None, *,
                  encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  entities: bool = True, progress: Progress | None = None,
                  should_cancel: Callable[[], bool] | None = None,
                  on_entity_error: Callable[[Exception], None] | None = None) -> Result:
    """Load the two files at ``paths``, compare them and (unless told not to) find entities.

    Options are checked before any file is read; bad input raises ConcordError (one clear
    sentence), cancellation raises Cancelled.
    """
    options = options or Options()
    validate(options)
    docs = load_pair(paths, encoding, max_bytes)
    return compare_documents(docs, options, entities=entities, progress=progress,
                             should_cancel=should_cancel, on_entity_error=on_entity_error)


def compare_with(paths: Sequence[str | PathLike[str]], options: Options,
                 loading: LoadOptions, **kwargs) -> Result:
    """:func:`compare_files` with the loading options of the table (CLI, report)."""
    return compare_files(paths, options, encoding=loading.encoding,
                         max_bytes=loading.max_bytes, entities=loading.entities, **kwargs)
