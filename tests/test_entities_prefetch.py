"""Large texts start in the worker processes before the comparison; extract collects them."""

from __future__ import annotations

from concurrent.futures import Future

from core.entities import backend as be
from core.entities.backend import SpacyBackend, split_chunks


class _Recording(SpacyBackend):
    """SpacyBackend whose worker pool is replaced by finished futures (no processes)."""

    def __init__(self) -> None:
        super().__init__(workers=2)
        self.submitted: list[list[str]] = []

    def _submit(self, pieces: list[str]) -> list[Future]:
        self.submitted.append(pieces)
        fut: Future = Future()
        fut.set_result([[(0, 5, "PERSON")] if p.startswith("Alice") else [] for p in pieces])
        return [fut]


def _texts() -> list[str]:
    para = "Alice Smith went home. " * 20
    return ["\n".join([para] * 20), "\n".join([para, "Other words here. " * 60] * 20)]


def test_extract_collects_what_was_prefetched(monkeypatch) -> None:
    monkeypatch.setattr(be, "PARALLEL_MIN_CHARS", 1_000)
    backend = _Recording()
    texts = _texts()
    backend.prefetch(texts)
    assert len(backend.submitted) == 1
    found = backend.extract(texts)
    assert len(backend.submitted) == 1  # nothing read twice
    assert found[0] and all(texts[0][m.start : m.end] == "Alice" for m in found[0])


def test_a_shared_paragraph_is_read_once(monkeypatch) -> None:
    monkeypatch.setattr(be, "PARALLEL_MIN_CHARS", 1_000)
    backend = _Recording()
    backend.extract(_texts())
    pieces = backend.submitted[0]
    assert len(pieces) == len(set(pieces))
    assert sum(p.startswith("Alice") for p in pieces) == 1


def test_other_texts_are_not_served_from_a_stale_prefetch(monkeypatch) -> None:
    monkeypatch.setattr(be, "PARALLEL_MIN_CHARS", 1_000)
    backend = _Recording()
    backend.prefetch(_texts())
    other = ["Bob Jones stayed. " * 80, "Nothing. " * 200]
    backend.extract(other)
    assert len(backend.submitted) == 2 and backend.submitted[1][0].startswith("Bob")


def test_pieces_cover_the_text_at_their_offsets() -> None:
    text = "First line here.\n\nSecond one.\n" + "word " * 900 + "\nlast"
    pieces = split_chunks(text, 500, frozenset({"Second one."}))
    assert all(text[off : off + len(p)] == p for off, p in pieces)
    assert "".join(text.split()) == "".join("".join(p for _, p in pieces).split())
    assert (18, "Second one.") in pieces


def test_worker_jobs_cover_the_pieces_once_and_shrink_towards_the_end() -> None:
    for count in (0, 1, 7, 100, 1_804):
        ranges = be.job_ranges(count, 2)
        assert [i for s, e in ranges for i in range(s, e)] == list(range(count))
    sizes = [e - s for s, e in be.job_ranges(1_804, 2)]
    # the last jobs are small: the two workers finish within a small job of each other
    assert sizes[0] > 100 and max(sizes[-4:]) <= be.MIN_JOB_PIECES
