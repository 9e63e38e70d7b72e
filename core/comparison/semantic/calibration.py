"""Calibrated cut-offs that turn a sentence-embedding cosine into a verdict, aware of length.

The figures and how they were measured are in docs/calibration.md
(`python -m benchmarks.calibrate_semantic` reproduces them). A plain cosine cut-off fails:
a short sentence paired with a much longer one that restates it and adds a lot of new
content still gets a middling cosine, like two unrelated sentences on the same topic do.
So the cut-offs rise with the length ratio of the two sides and for very short sentences.
"""

from __future__ import annotations

import math
from typing import Literal

Verdict = Literal["same", "different", "undecided"]

# Cut-offs for two sentences of similar length (ratio 1), each at least SHORT_WORDS long.
SAME_COSINE = 0.80
DIFFERENT_COSINE = 0.55
# Both cut-offs rise by this much per doubling of the length ratio (longer / shorter side).
RISE_PER_DOUBLING = 0.05
# Sentences shorter than this (headlines, captions) get this much stricter cut-offs.
SHORT_WORDS = 6
SHORT_RISE = 0.0
# Past this length ratio a pair is never "same": the longer side carries mostly new content.
MAX_SAME_RATIO = 4.0


def cutoffs(words_a: int, words_b: int) -> tuple[float, float]:
    """(different below, same from) for sentences of these word counts."""
    short, long = sorted((max(1, words_a), max(1, words_b)))
    rise = RISE_PER_DOUBLING * math.log2(long / short)
    if short < SHORT_WORDS:
        rise += SHORT_RISE
    return DIFFERENT_COSINE + rise, SAME_COSINE + rise


def semantic_verdict(cosine: float, words_a: int, words_b: int) -> Verdict:
    """Whether two sentences carry the same content, from their embeddings' cosine.

    `words_a` and `words_b` are the sentences' word counts (tokens as the segmenter counts
    them). "same": pair them as reworded even on weak lexical evidence; "different": do not
    pair them even if they share names or topic words; "undecided": leave it to the lexical
    evidence and the neighbours.
    """
    low, high = cutoffs(words_a, words_b)
    short, long = sorted((max(1, words_a), max(1, words_b)))
    if cosine >= high and long / short <= MAX_SAME_RATIO:
        return "same"
    if cosine < low:
        return "different"
    return "undecided"
