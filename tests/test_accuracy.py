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
