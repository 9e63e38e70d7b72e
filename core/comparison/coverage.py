"""Which words of a reworded pair the pair really covers: stretches with no counterpart stay unique.

A reworded pair pairs whole sentences, but one side may carry a clause or an added sentence
part that the other side does not have at all. Counting it as "reworded" would let a
7-word sentence make 77 words "found". Two rules, applied to the words the pair owns:

- a long stretch whose content words all lack a counterpart on the other side (no shared
  stem) is unique, when the rest of the side does share content (the pair is anchored);
- a side never covers more than BUDGET_RATIO times the other side's words (plus a little):
  beyond that, stretches without counterpart are given up, longest first.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence

from core.comparison.align import Group
from core.comparison.segment import Segmented, Sentence, content_stem
from core.comparison.verbatim import Run

LONG_STRETCH = 8  # words from the first to the last uncovered content word
LONG_STRETCH_CONTENT = 4  # content words without counterpart in such a stretch
MIN_ANCHORS = 2  # content words with a counterpart that make a side "anchored"
BUDGET_RATIO = 1.5
BUDGET_SLACK = 4
MIN_GIVEN_UP = 3  # shorter stretches are never cut out for the budget
# A verbatim run this short between sentences aligned elsewhere on both sides is a stock
# phrase ("all the nations of the earth"), not a passage copied out of its place.
STRAY_RUN_WORDS = 8
STRAY_REACH = 4  # sentences: nearer than this, a run is a boundary drawn differently


def owned_tokens(seg: Segmented, tokens: range, free: set[int], other_stems: set[str],
                 other_words: int) -> list[int]:
    """The free tokens of ``tokens`` that the pair keeps (in order)."""
    stretches, anchors = _uncovered(seg, tokens, free, other_stems)
    dropped: set[int] = set()
    if anchors >= MIN_ANCHORS:
        for stretch in stretches:
            content = sum(1 for t in stretch if _stem(seg, t))
            if len(stretch) >= LONG_STRETCH and content >= LONG_STRETCH_CONTENT:
                dropped.update(stretch)
    budget = BUDGET_RATIO * other_words + BUDGET_SLACK
    kept = len(free) - len(dropped)
    for stretch in sorted(stretches, key=lambda s: (-len(s), s[0])):
        if kept <= budget:
            break
        fresh = [t for t in stretch if t not in dropped]
        if len(fresh) >= MIN_GIVEN_UP and kept - len(fresh) > 0:
            dropped.update(fresh)
            kept -= len(fresh)
    return [t for t in tokens if t in free and t not in dropped]


def _uncovered(seg: Segmented, tokens: range, free: set[int],
               other_stems: set[str]) -> tuple[list[list[int]], int]:
    """Maximal stretches of free tokens with no counterpart, and the count of anchors.

    A stretch starts and ends at a content word without counterpart; function words inside
    it belong to it; a content word with a counterpart, or a word owned by a verbatim run,
    ends it.
    """
    stretches: list[list[int]] = []
    current: list[int] = []
    pending: list[int] = []  # function words after the stretch's last content word
    anchors = 0
    for t in tokens:
        stem = _stem(seg, t) if t in free else None
        if stem == "":
            if current:
                pending.append(t)
            continue
        if stem is None or stem in other_stems:
            anchors += stem is not None
            _close(stretches, current)
            current, pending = [], []
            continue
        current.extend(pending)
        pending = []
        current.append(t)
    _close(stretches, current)
    return stretches, anchors


def _stem(seg: Segmented, t: int) -> str:
    """The content stem of token t ("" for a function word)."""
    tokens = seg.tokens
    return content_stem(tokens.vocab[tokens.ids[t]])


def _close(stretches: list[list[int]], current: Sequence[int]) -> None:
    if current:
        stretches.append(list(current))


def stray_runs(runs: list[Run], groups: list[Group], sa: Sequence[Sentence],
               sb: Sequence[Sentence]) -> list[int]:
    """Short runs far from the counterparts that their sentences are aligned with.

    Such a run pairs a stock phrase of an aligned sentence with the same phrase in a
    far-off sentence that has its own counterpart; its words belong to their own
    sentences' reworded pairs instead. A run near the aligned counterpart (a sentence
    boundary drawn differently) and a longer run (a moved quotation) stay shared.
    Returns the indexes of the stray runs in ``runs``.
    """
    by_a = sorted(groups, key=lambda g: g.a0)
    by_b = sorted(groups, key=lambda g: g.b0)
    starts = ([g.a0 for g in by_a], [g.b0 for g in by_b])
    # 8 bytes a sentence (a list of ints would take ~36 at 10 MB a side).
    starts_a = array("q", (s.first_token for s in sa))
    starts_b = array("q", (s.first_token for s in sb))
    out = []
    for k, run in enumerate(runs):
        if run.length > STRAY_RUN_WORDS:
            continue
        in_a = _sentences_of(run.i, run.length, starts_a)
        in_b = _sentences_of(run.j, run.length, starts_b)
        if _far(in_b, [_group_of(i, by_a, starts[0], 0) for i in in_a], 1) and _far(
                in_a, [_group_of(j, by_b, starts[1], 1) for j in in_b], 0):
            out.append(k)
    return out


def _group_of(k: int, groups: list[Group], starts: list[int], side: int) -> Group | None:
    """The group holding sentence k of ``side`` (groups sorted by their start there)."""
    pos = bisect.bisect_right(starts, k) - 1
    if pos < 0:
        return None
    g = groups[pos]
    return g if k < (g.a1 if side == 0 else g.b1) else None


def _sentences_of(first: int, length: int, starts: Sequence[int]) -> range:
    """The sentences holding tokens first..first+length-1."""
    lo = bisect.bisect_right(starts, first) - 1
    return range(max(lo, 0), bisect.bisect_right(starts, first + length - 1))


def _far(sentences: range, groups: list[Group | None], side: int) -> bool:
    """Every group is aligned, and its ``side`` lies over STRAY_REACH sentences from these."""
    for g in groups:
        if g is None:
            return False
        lo, hi = (g.a0, g.a1) if side == 0 else (g.b0, g.b1)
        if sentences.start < hi + STRAY_REACH and lo - STRAY_REACH < sentences.stop:
            return False
    return True
