"""Verbatim runs: seeding, tiling, stock phrases, and sentence fragments."""

from __future__ import annotations

import pytest

from core.comparison.verbatim import Run, find_verbatim, trim_at_sentences


def words(text: str) -> list[str]:
    return text.lower().split()


@pytest.mark.parametrize(
    ("a", "b", "n", "expected"),
    [
        ("x y the harbour bridge closed for repairs today z", "the harbour bridge closed for "
         "repairs today", 6, [Run(2, 0, 7)]),
        ("one two three four five", "one two three four five", 6, []),  # shorter than n
        ("it was said that it would be the", "it was said that it would be the", 6, []),  # stock
        ("alpha bravo charlie delta echo foxtrot golf hotel",
         "echo foxtrot golf hotel alpha bravo charlie delta", 4, [Run(0, 4, 4), Run(4, 0, 4)]),
    ],
)
def test_find_verbatim(a: str, b: str, n: int, expected: list[Run]) -> None:
    assert find_verbatim(words(a), words(b), n) == expected


def test_each_word_is_used_once() -> None:
    a = words("storm closed the coastal railway line near the port")
    b = words("storm closed the coastal railway line near the port and "
              "storm closed the coastal railway line near the port")
    runs = find_verbatim(a, b, 6)
    assert len(runs) == 1 and runs[0].length == len(a)


def test_fragment_dragged_across_a_sentence_boundary_is_dropped() -> None:
    # Run covers "... drinking it." (9 words, a sentence end) + "Bottled water is being".
    run = Run(0, 0, 13)
    trimmed = trim_at_sentences([run], starts_a={0, 9}, starts_b={0, 9}, ends_a={9, 20},
                                ends_b={9, 22}, n=6)
    assert trimmed == [Run(0, 0, 9)]


def test_whole_sentences_stay_one_run() -> None:
    run = Run(0, 0, 8)
    trimmed = trim_at_sentences([run], starts_a={0, 3}, starts_b={0, 3}, ends_a={3, 8},
                                ends_b={3, 8}, n=6)
    assert trimmed == [run]
