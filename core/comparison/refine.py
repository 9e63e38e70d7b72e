"""Semantic second opinion on sentence pairs where the lexical evidence is undecided."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence

from core.comparison.segment import Sentence

Pair = tuple[int, int]
Judge = Callable[[Sequence[Pair]], dict[Pair, tuple[str, float]]]
# Chosen pairs scoring under this multiple of the threshold are asked about.
UNDECIDED_BELOW = 1.6
# Unmatched sentences between two aligned pairs are paired semantically when each side of
# the gap has at most this many sentences (cost stays bounded: at most GAP^2 pairs a gap).
SEMANTIC_GAP = 4
# At most this many sentences are encoded in one comparison (the model's cost: a few
# hundred sentences a second); pairs are asked about in order of need until it is reached.
MAX_ENCODED = 800
# A pair whose longer side has over LENGTH_RATIO times the words of the shorter, with its
# in-order neighbours at most ORDER_REACH sentences away on each side, stays paired.
LENGTH_RATIO = 2.0
ORDER_REACH = 4


def semantic_pass(pairs: list[Pair], scores: dict[Pair, float], sa: Sequence[Sentence],
                  sb: Sequence[Sentence], threshold: float, judge: Judge) -> list[Pair]:
    """Drop chosen pairs the judge finds different, add free pairs it finds the same."""
    doubtful = [p for p in pairs if _doubtful(p, scores, sa, sb, threshold)]
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    near = sorted((p for p, s in scores.items()
                   if s >= 0.5 * threshold and p[0] not in used_a and p[1] not in used_b),
                  key=lambda p: (-scores[p], p))
    gaps, closed = gap_pairs(pairs, sa, sb)
    asked = _within_budget(list(dict.fromkeys(gaps + doubtful + near)))
    if not asked:
        return pairs
    verdicts = judge(asked)
    if not verdicts:
        return pairs  # no semantic scorer: the lexical choice stands
    tied = tied_by_order(pairs, sa, sb)
    kept = [p for p in pairs
            if verdicts.get(p, ("undecided", 0.0))[0] != "different" or p in tied]
    used_a = {i for i, _ in kept}
    used_b = {j for _, j in kept}
    # Sentences of a gap between two aligned pairs are tied by order: there, "not
    # different" is enough for each other's best match, in order.
    ordered = set(ordered_in_gaps(closed, verdicts))
    same = sorted((p for p in asked if p not in pairs and (
        verdicts.get(p, ("",))[0] == "same" or p in ordered)),
        key=lambda p: (-verdicts[p][1], abs(p[0] - p[1]), p))
    for i, j in same:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            scores[(i, j)] = max(scores.get((i, j), 0.0), round(verdicts[(i, j)][1], 3))
            kept.append((i, j))
    return sorted(kept)


def tied_by_order(pairs: list[Pair], sa: Sequence[Sentence], sb: Sequence[Sentence],
                  ) -> set[Pair]:
    """Pairs of very unequal length held in place by in-order neighbours on both sides.

    A long sentence rendered as several short ones ("..., and thou shalt bruise his heel."
    / "He will bruise your head, and you will bruise his heel.") gets a low cosine against
    each short one, but between two close aligned neighbours its place settles it; the
    part with no counterpart is cut out later (core.comparison.coverage).
    """
    chain = agreed_chain(pairs)
    crossing = _crossing(pairs)
    out = set()
    for before, (i, j), after in zip(chain, chain[1:], chain[2:]):
        wa, wb = sa[i].end_token - sa[i].first_token, sb[j].end_token - sb[j].first_token
        if ((i, j) not in crossing and max(wa, wb) > LENGTH_RATIO * max(1, min(wa, wb))
                and _close(before, (i, j), after, long_side=0 if wa > wb else 1)):
            out.add((i, j))
    return out


def _close(before: Pair, pair: Pair, after: Pair, long_side: int) -> bool:
    """The in-order neighbours are near on both sides: each at most ORDER_REACH sentences
    away, or, around a long sentence whose neighbours on its own side are next to it, up to
    2 x ORDER_REACH on the short side (one long sentence saying what several short ones say).
    """
    steps = [(pair[k] - before[k], after[k] - pair[k]) for k in (0, 1)]
    if all(step <= ORDER_REACH for side in steps for step in side):
        return True
    return steps[long_side] == (1, 1) and all(
        step <= 2 * ORDER_REACH for step in steps[1 - long_side])


def _crossing(pairs: list[Pair]) -> set[Pair]:
    """Pairs that cross another pair less than ORDER_REACH sentences away.

    Which of two crossing pairs the in-order chain keeps is a tie broken by position, so
    neither is held in place by order (and the choice would differ when A and B swap).
    """
    ordered = sorted(pairs)
    out = set()
    for k, (i, j) in enumerate(ordered):
        for i2, j2 in ordered[k + 1:]:
            if i2 - i > ORDER_REACH:
                break
            if j2 < j and j - j2 <= ORDER_REACH:
                out.update(((i, j), (i2, j2)))
    return out


def _within_budget(pairs: list[Pair]) -> list[Pair]:
    """The first pairs whose sentences, together, stay within MAX_ENCODED."""
    rows_a: set[int] = set()
    rows_b: set[int] = set()
    out = []
    for i, j in pairs:
        extra = (i not in rows_a) + (j not in rows_b)
        if len(rows_a) + len(rows_b) + extra > MAX_ENCODED:
            break
        rows_a.add(i)
        rows_b.add(j)
        out.append((i, j))
    return out


def _doubtful(pair: Pair, scores: dict[Pair, float], sa: Sequence[Sentence],
              sb: Sequence[Sentence], threshold: float) -> bool:
    i, j = pair
    if sa[i].folded == sb[j].folded:
        return False
    return scores.get(pair, 0.0) < UNDECIDED_BELOW * threshold


def gap_pairs(pairs: list[Pair], sa: Sequence[Sentence], sb: Sequence[Sentence],
              ) -> tuple[list[Pair], list[list[Pair]]]:
    """Every pair of unmatched sentences inside small gaps between in-order aligned pairs,
    and, per gap closed by aligned pairs on both ends, its pairs (tied by order).

    The start and the end of the documents count as aligned (a headline before the first
    aligned pair is in a gap), but only a gap between two aligned pairs ties by order.
    """
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    anchors = [(-1, -1), *agreed_chain(pairs), (len(sa), len(sb))]
    out = []
    closed = []
    for (i0, j0), (i1, j1) in itertools.pairwise(anchors):
        free_a = [i for i in range(i0 + 1, i1) if i not in used_a and sa[i].folded]
        free_b = [j for j in range(j0 + 1, j1) if j not in used_b and sb[j].folded]
        if 0 < len(free_a) <= SEMANTIC_GAP and 0 < len(free_b) <= SEMANTIC_GAP:
            gap = [(i, j) for i in free_a for j in free_b]
            out.extend(gap)
            # A gap holding sentences paired elsewhere (moved) does not tie by order.
            inside = i0 >= 0 and j0 >= 0 and i1 < len(sa) and j1 < len(sb)
            if inside and i1 - i0 - 1 == len(free_a) and j1 - j0 - 1 == len(free_b):
                closed.append(gap)
    return out, closed


def ordered_in_gaps(gaps: list[list[Pair]], verdicts: dict[Pair, tuple[str, float]],
                    ) -> list[Pair]:
    """Pairs of a closed gap that are each other's best match, in order, and not different.

    Between two aligned pairs, a sentence's counterpart can only be in the gap; a translation
    or a rewrite that changed most words still leaves it the closest one by meaning.
    """
    out = []
    for gap in gaps:
        cos = {p: verdicts[p][1] for p in gap
               if p in verdicts and verdicts[p][0] != "different"}
        best_a: dict[int, Pair] = {}
        best_b: dict[int, Pair] = {}
        for p in gap:  # best over all pairs of the gap, "different" ones included
            if p in verdicts:
                for best, key in ((best_a, p[0]), (best_b, p[1])):
                    if key not in best or verdicts[p][1] > verdicts[best[key]][1]:
                        best[key] = p
        mutual = [p for p in cos if best_a[p[0]] == p and best_b[p[1]] == p]
        out.extend(agreed_chain(mutual))
    return out


def in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs (sorted by A) whose B index keeps increasing.

    Pairs off the chain (moved passages, stray look-alikes) do not cut the chain short.
    """
    pairs = sorted(pairs)
    tails: list[int] = []  # tails[k]: B index ending the best chain of length k + 1
    tail_at: list[int] = []  # ... and the pair that ends it
    parent = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = j, k
        parent[k] = tail_at[pos - 1] if pos else -1
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]


def agreed_chain(pairs: list[Pair]) -> list[Pair]:
    """The pairs of the longest in-order chain found both from A's side and from B's side.

    Where several chains are equally long, each side breaks the tie its own way; keeping
    what both agree on makes the result the same whichever document is A.
    """
    swapped = in_order([(j, i) for i, j in pairs])
    return sorted(set(in_order(pairs)).intersection((i, j) for j, i in swapped))


def make_judge(encode: Callable[[list[str]], object],
               verdict: Callable[[float, int, int], str], text_a: str, text_b: str,
               sa: Sequence[Sentence], sb: Sequence[Sentence]) -> Judge:
    """A judge over an encoder (rows L2-normalised) and a calibrated verdict function.

    All sentences a batch of pairs needs are encoded in one call.
    """
    def judge(asked: Sequence[Pair]) -> dict[Pair, tuple[str, float]]:
        rows_a = sorted({i for i, _ in asked})
        rows_b = sorted({j for _, j in asked})
        texts = ([text_a[sa[i].start:sa[i].end] for i in rows_a]
                 + [text_b[sb[j].start:sb[j].end] for j in rows_b])
        vectors = encode(texts)
        pos_a = {i: k for k, i in enumerate(rows_a)}
        pos_b = {j: len(rows_a) + k for k, j in enumerate(rows_b)}
        out = {}
        for i, j in asked:
            cos = float(vectors[pos_a[i]] @ vectors[pos_b[j]])  # type: ignore[index]
            words_a = sa[i].end_token - sa[i].first_token
            words_b = sb[j].end_token - sb[j].first_token
            out[(i, j)] = (verdict(cos, words_a, words_b), cos)
        return out

    return judge
