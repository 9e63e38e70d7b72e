"""Entities found in a child process beside the comparison are those found in this process."""

from __future__ import annotations

from pathlib import Path

from core import forking
from core.entities import background
from core.entities.api import DEFAULT_CACHE, cache_keys, compute_mentions, extract_entities
from core.entities.backend import RawMention, set_default_backend
from core.entities.background import EntityJob, collect
from core.entities.cache import EntityCache
from core.model import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _pair() -> tuple[Document, Document]:
    return tuple(Document(p.name, p.name, "utf-8", "text", p.read_text(encoding="utf-8"))
                 for p in (EXAMPLES / "original.txt", EXAMPLES / "rewrite.txt"))  # type: ignore[return-value]


class _Fake:
    """A model that finds "Kyiv" wherever it is written."""

    name = "fake"

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, texts, should_cancel=None):  # type: ignore[no-untyped-def]
        self.calls += 1
        return [[RawMention(i, i + 4, "GPE") for i in range(len(t)) if t.startswith("Kyiv", i)]
                for t in texts]


def test_the_child_finds_the_same_entities_as_this_process() -> None:
    docs = _pair()
    here = extract_entities(*docs, cache=EntityCache())
    job = EntityJob()
    try:
        job.submit([docs[0].text, docs[1].text])
        backend, linked = collect(job)
    finally:
        job.cancel()
    assert linked is None and backend is not None  # small texts: the model's mentions
    assert extract_entities(*docs, backend=backend, cache=EntityCache()) == here
    assert any(e.text == "Kyiv" for e in here[0])


def test_large_texts_are_corrected_and_linked_in_the_child() -> None:
    docs = _pair()
    fake = _Fake()

    class _Each(_Fake):
        def extract_each(self, texts):  # type: ignore[no-untyped-def]
            return enumerate(fake.extract(texts))

    mentions, linked = background._read_large(_Each(), [docs[0].text, docs[1].text])
    assert linked == extract_entities(*docs, backend=fake, cache=EntityCache())
    assert mentions == compute_mentions([docs[0].text, docs[1].text], backend=fake)
    assert mentions[0]  # (the fake finds "Kyiv" in A)


def test_a_child_that_died_is_replaced_by_this_process() -> None:
    fake = _Fake()
    set_default_backend(fake)
    try:
        job = EntityJob()
        job.submit(["In Kyiv today.", "Kyiv again."])
        job.cancel()  # gone before it answered
        assert collect(job) == (None, None)
        ents = extract_entities(Document("a", "a", "utf-8", "text", "In Kyiv today."),
                                Document("b", "b", "utf-8", "text", "Kyiv again."),
                                cache=EntityCache())
    finally:
        set_default_backend(None)
    assert fake.calls == 1
    assert [e.text for e in ents[0]] == ["Kyiv"] and [e.text for e in ents[1]] == ["Kyiv"]


def test_no_child_for_texts_already_read_or_another_model(monkeypatch) -> None:
    docs = _pair()
    texts = [docs[0].text, docs[1].text]
    stopped: list[bool] = []

    class _Job:  # stands in for the child process
        def cancel(self) -> None:
            stopped.append(True)

    monkeypatch.setattr(background, "fork_safe", lambda: True)
    monkeypatch.setattr(background, "EntityJob", _Job)
    for key in cache_keys(texts):
        DEFAULT_CACHE.put(key, [])
    try:
        background.prestart()
        assert background.start(*texts) is None  # both cached: the child is stopped
        assert stopped == [True] and background._PRESTARTED is None
    finally:
        DEFAULT_CACHE.clear()
    set_default_backend(_Fake())
    try:
        background.prestart()  # not spaCy's model: nothing started
        assert background._PRESTARTED is None and stopped == [True]
        assert background.start(*texts) is None
    finally:
        set_default_backend(None)


def test_qt_imported_without_an_application_still_allows_the_fork(monkeypatch) -> None:
    # The frozen app's PyInstaller hook imports QtCore before any command runs; the command
    # line's entity child must still be forked. A running Qt application forbids it.
    import sys
    import types

    class App:
        running: object = None

        @classmethod
        def instance(cls):
            return cls.running

    monkeypatch.setitem(sys.modules, "PySide6.QtCore", types.SimpleNamespace(QCoreApplication=App))
    # Other tests of this run leave threads and threaded libraries: only Qt is judged here.
    monkeypatch.setattr(forking, "THREADED_MODULES", ())
    monkeypatch.setattr(forking.threading, "active_count", lambda: 1)
    assert forking.fork_safe()
    App.running = object()
    assert not forking.fork_safe()
