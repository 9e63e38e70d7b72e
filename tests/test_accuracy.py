"""Accuracy on hand-annotated pairs: every gold sentence pair found, no pair that is not gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.accuracy import GOLD_DIR, describe, run_gold

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def test_there_are_at_least_three_annotated_pairs() -> None:
    assert len(GOLD_FILES) >= 3


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_engine_finds_every_gold_pair_and_nothing_else(path: Path) -> None:
    gold, score = run_gold(path)
    problems = "\n".join(describe(gold, score))
    assert score.missed == (), problems
    assert score.spurious == (), problems


def test_only_the_moved_clause_is_marked_moved() -> None:
    from core.comparison.engine import compare
    from core.readers.load import load_document

    root = GOLD_DIR.parent.parent.parent
    result = compare(load_document(root / "tests/data/pairs/contract/a.txt"),
                     load_document(root / "tests/data/pairs/contract/b.txt"))
    text_a = result.documents[0].text
    moved = [text_a[m.a[0]:m.a[1]] for m in result.matches if m.moved]
    assert len(moved) == 1 and moved[0].startswith("Liability")
