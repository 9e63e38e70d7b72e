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

from collections.abc import Sequence

from core.comparison.segment import Segmented, content_stem

LONG_STRETCH = 8  # words from the first to the last uncovered content word
LONG_STRETCH_CONTENT = 4  # content words without counterpart in such a stretch
MIN_ANCHORS = 2  # content words with a counterpart that make a side "anchored"
BUDGET_RATIO = 1.5
BUDGET_SLACK = 4
MIN_GIVEN_UP = 3  # shorter stretches are never cut out for the budget


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
