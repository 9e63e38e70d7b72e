"""The near-spelling score: rapidfuzz's ``fuzz.ratio`` in pure Python, equal to the last bit."""

from __future__ import annotations

import random

import pytest

from core.entities.fuzzy import ratio


def test_ratio_counts_insertions_and_deletions():
    assert ratio("Yusuf", "Yusuf") == 100.0
    assert ratio("abc", "xyz") == 0.0
    assert ratio("", "") == 100.0 and ratio("abc", "") == 0.0
    # longest common subsequence "Yusf": 1 deletion + 3 insertions out of 12 characters
    assert ratio("Yusuf", "Youssef") == pytest.approx(200 * 4 / 12)
    assert ratio("kitten", "sitting") == pytest.approx(200 * 4 / 13)
    assert ratio("ab", "ba") == ratio("ba", "ab") == 50.0


def _random_pairs(seed: int, count: int, longest: int) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    alphabet = "aAbeée\u0301 -'Ωあ😀\x00"  # accents, a combining mark, CJK, emoji, NUL
    def word() -> str:
        return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest)))
    return [(word(), word()) for _ in range(count)]


def test_ratio_equals_rapidfuzz_to_the_last_bit():
    fuzz = pytest.importorskip("rapidfuzz.fuzz")  # a dev dependency, for this comparison only
    pairs = [*_random_pairs(1, 20_000, 12), *_random_pairs(2, 300, 200),
             ("Yusuf Al-Amin", "Youssef al-Amin"), ("Mohammed", "Muhammad"),
             ("Zelensky", "Zelenskyy"), ("x" * 70, "x" * 64 + "y" * 6)]  # past 64 bits
    for a, b in pairs:
        assert ratio(a, b) == fuzz.ratio(a, b), (a, b)
