"""Calibrated cut-offs that turn a sentence-embedding cosine into a verdict, aware of length.

The figures and how they were measured are in docs/calibration.md
(`python -m benchmarks.calibrate_semantic` reproduces them). A plain cosine cut-off fails:
a short sentence paired with a much longer one that restates it and adds new content gets
a middling cosine, as two different sentences on the same topic do. So both cut-offs rise
with the length ratio of the two sides once it passes FREE_RATIO (true pairs rarely do:
99% of them are within 2.1, none beyond 3.0 in the calibration sets).
"""

from __future__ import annotations

import math
from typing import Literal

Verdict = Literal["same", "different", "undecided"]

# Cut-offs for two sentences of comparable length (ratio up to FREE_RATIO).
SAME_COSINE = 0.78       # 97th percentile of "different" pairs (length-adjusted)
DIFFERENT_COSINE = 0.49  # 1st percentile of "same" pairs (length-adjusted)
# Longer side / shorter side (in words) up to which length does not matter.
FREE_RATIO = 2.0
# Beyond it, both cut-offs rise by this much per doubling of the ratio.
RISE_PER_DOUBLING = 0.20


def cutoffs(words_a: int, words_b: int) -> tuple[float, float]:
    """(different below, same from) for two sentences of these word counts."""
    short, long = sorted((max(1, words_a), max(1, words_b)))
    rise = RISE_PER_DOUBLING * max(0.0, math.log2(long / short / FREE_RATIO))
    return DIFFERENT_COSINE + rise, SAME_COSINE + rise


def semantic_verdict(cosine: float, words_a: int, words_b: int) -> Verdict:
    """Whether two sentences (or the two sides of a 1:2 / 2:1 pair) carry the same content.

    `cosine` is the dot product of their encoder vectors; `words_a` and `words_b` their word
    counts (tokens as core.comparison.segment counts them). "same": pair them as reworded
    even on weak lexical evidence; "different": do not pair them as a whole, even if they
    share names, figures or topic words; "undecided": leave it to the lexical evidence and
    the neighbours. A 7-word sentence against an 80-word one is "different" at any cosine.
    """
    low, high = cutoffs(words_a, words_b)
    if cosine >= high:
        return "same"
    if cosine < low:
        return "different"
    return "undecided"
