"""Sentence alignment by seed-and-extend: TF-IDF seeds, neighbour support, 1:2 and 2:1 merges."""

from __future__ import annotations

import itertools
import math
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from core.comparison.refine import Judge, agreed_chain, semantic_pass
from core.comparison.segment import Sentence
from core.comparison.stems import STOPWORDS

if TYPE_CHECKING:
    import numpy as np  # loaded where it is used

Pairs = dict[tuple[int, int], float]
# Indexes of the sentences of A and of B that start a paragraph.
Breaks = tuple[frozenset[int], frozenset[int]]
NEIGHBOUR_WEIGHT = 0.1
MERGE_GAIN = 0.02  # a merged 1:2 group must beat the 1:1 pair by this much
MAX_GROUP = 3  # sentences on one side of a group
MAX_GAP = 3  # sentences per side in a gap between aligned pairs that fill_gaps scores
# A gap between two in-order aligned pairs with at most this many sentences a side is
# aligned in order (fill_gaps_in_order), down to GAP_FLOOR times the threshold.
MAX_ORDER_GAP = 8
GAP_FLOOR = 0.5
# A free sentence next to a group joins it when the group's other side carries this share
# of its content (a long sentence translated as several short ones), up to MAX_ABSORB.
ABSORB_COVERAGE = 0.35
# A lone pair off the in-order chain scoring under this multiple of the threshold gives
# its sentences up to an in-order pair of a gap (see fill_gaps_in_order).
STRAY_BELOW = 1.5
MAX_ABSORB = 8
# A free sentence between two groups that follow each other on the other side joins the
# one whose other side carries this much more of its content (see absorb_sandwiched).
SANDWICH_COVERAGE = 0.15
BALANCE_MARGIN = 0.1  # log length ratio: how much better one group's balance must be
RESCUE_RUN = 5  # words in a phrase that ties two otherwise unmatched sentences
MAX_SEED_POSTINGS = 40  # a phrase in more sentences than this ties nothing together


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences a[a0:a1] correspond to b[b0:b1] with ``similarity`` (0..1)."""

    a0: int
    a1: int
    b0: int
    b1: int
    similarity: float


class SentenceScorer(Protocol):
    """Scores how alike sentences are in content (0..1), for one pair of documents.

    The lexical TF-IDF scorer (core.comparison.lexical.TfidfScorer) is the default; any
    object with these three methods can replace it (see ScorerFactory).
    """

    def candidates(self, floor: float, check: Callable[[], None]) -> Pairs:
        """(A index, B index) -> score for the pairs worth considering, scored >= floor."""
        ...

    def score(self, a: Sequence[Sentence], b: Sequence[Sentence]) -> float:
        """Similarity of a run of A sentences and a run of B sentences."""
        ...

    def coverage(self, part: Sequence[Sentence], other: Sequence[Sentence]) -> float:
        """Share (0..1) of ``part``'s content that ``other`` also carries."""
        ...


# Builds the scorer of one comparison from the sentences of A and of B.
ScorerFactory = Callable[[Sequence[Sentence], Sequence[Sentence]], SentenceScorer]


def candidate_pairs(scorer: SentenceScorer, sa: Sequence[Sentence], sb: Sequence[Sentence],
                    floor: float, check: Callable[[], None]) -> Pairs:
    """Identical sentences at 1.0, then the scorer's candidates."""
    scores = _identical_pairs(sa, sb)
    # A scorer that can list its candidates one at a time (first score of a pair first)
    # spares a second dict of every pair (~20 MB at 10 MB a side).
    items = getattr(scorer, "candidate_items", None)
    found = items(floor, check) if items else scorer.candidates(floor, check).items()
    for pair, sim in found:
        scores.setdefault(pair, sim)
    return scores


def _identical_pairs(sa: Sequence[Sentence], sb: Sequence[Sentence],
                     ) -> Pairs:
    """Sentences identical after folding pair up at 1.0, however short (if not empty)."""
    by_text: dict[str, list[int]] = {}
    for sentence in sb:
        if sentence.stems:
            by_text.setdefault(sentence.folded, []).append(sentence.index)
    pairs = {}
    for sentence in sa:
        same = by_text.get(sentence.folded) if sentence.stems else None
        if same and len(same) <= MAX_SEED_POSTINGS:
            pairs.update(((sentence.index, j), 1.0) for j in same)
    return pairs


@lru_cache(maxsize=65536)
def _crc(text: str) -> int:
    return zlib.crc32(text.encode())


def tie_key(a: Sentence, b: Sentence) -> tuple[bool, int, int]:
    """Orders pairs of equal score the same way whichever document is A (exact ones first)."""
    ha, hb = _crc(a.folded), _crc(b.folded)
    return (a.folded != b.folded, min(ha, hb), max(ha, hb))


def rank_pairs(pairs: list[tuple[int, int]], weights: Iterable[float],
               sa: Sequence[Sentence], sb: Sequence[Sentence]) -> list[tuple[int, int]]:
    """``pairs`` sorted by weight, highest first, ties by tie_key, then by position.

    The same order as sorting by ``(-weight, tie_key(...), i + j, min(i, j))``, with the
    key columns in numpy arrays: a sort key tuple a pair took ~300 bytes, 100 MB at 10 MB.
    """
    import numpy as np

    count = len(pairs)
    if count < 2:
        return list(pairs)
    weight = np.fromiter(weights, dtype=np.float64, count=count)
    np.negative(weight, out=weight)
    # Packed columns (25 bytes a pair): tie_key is (bool, crc32, crc32).
    ties = np.fromiter((tie_key(sa[i], sb[j]) for i, j in pairs), count=count,
                       dtype=[("differ", "?"), ("low", "<u4"), ("high", "<u4")])
    place = np.fromiter(((i + j, min(i, j)) for i, j in pairs), count=count,
                        dtype=[("sum", "<i8"), ("min", "<i8")])
    # lexsort's last key is the primary one; it is stable, as sorted() is.
    order = np.lexsort((place["min"], place["sum"], ties["high"], ties["low"],
                        ties["differ"], weight))
    del weight, ties, place
    ranked: list[tuple[int, int]] = []
    for start in range(0, count, 65536):  # Python ints for a block of positions at a time
        ranked.extend(map(pairs.__getitem__, order[start:start + 65536].tolist()))
    return ranked


def has_evidence(a: Sentence, b: Sentence, weak: frozenset[str]) -> bool:
    """Two sentences share content beyond names, figures and the topic's stock words."""
    if not weak or a.folded == b.folded:
        return True
    return bool(set(a.stems).intersection(b.stems).difference(weak))


def choose_pairs(scores: Pairs, threshold: float, sa: Sequence[Sentence],
                 sb: Sequence[Sentence], weak: frozenset[str] = frozenset(),
                 ) -> list[tuple[int, int]]:
    """A consistent one-to-one choice: best supported pairs first, neighbours vouch.

    A pair whose only common content is names, figures or stock words (``weak`` stems)
    is never chosen on its own score: only when a neighbour pair with real evidence vouches.
    """
    look_alike = {p for p in scores if not has_evidence(sa[p[0]], sb[p[1]], weak)}

    def evidence(pair: tuple[int, int]) -> float:
        return 0.0 if pair in look_alike else scores.get(pair, 0.0)

    def support(pair: tuple[int, int]) -> float:
        i, j = pair
        return max(evidence((i - 1, j - 1)), evidence((i + 1, j + 1)))

    ranked = rank_pairs(list(scores), (round(scores[p] + NEIGHBOUR_WEIGHT * support(p), 9)
                                       for p in scores), sa, sb)
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for pair in ranked:
        i, j = pair
        if i in used_a or j in used_b:
            continue
        sim = scores[pair]
        vouched = support(pair) >= threshold
        # A pair a little under the threshold is kept when a neighbour pair is above it.
        if (sim >= threshold and (vouched or pair not in look_alike)) or (
                sim >= 0.75 * threshold and vouched):
            used_a.add(i)
            used_b.add(j)
            chosen.append(pair)
    return sorted(chosen)


def grow_groups(pairs: list[tuple[int, int]], scores: Pairs,
                scorer: SentenceScorer, sa: Sequence[Sentence],
                sb: Sequence[Sentence], breaks: Breaks = (frozenset(), frozenset()),
                ) -> list[Group]:
    """Extend 1:1 pairs into 1:2, 2:1 (up to MAX_GROUP) where a neighbour adds content.

    A group never reaches across a paragraph break (``breaks``: indexes of sentences that
    start a paragraph): a headline is not merged into the lead sentence below it.
    """
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    groups = []
    # Strongest pairs grow first, in an order that does not depend on which side is A.
    ordered = sorted(pairs, key=lambda p: (-round(scores[p], 9), tie_key(sa[p[0]], sb[p[1]]),
                                           p[0] + p[1], min(p)))
    def breaks_a(g: Group) -> set[int]:
        return ({g.a0 - 1} if g.a0 in breaks[0] else set()) | (
            {g.a1} if g.a1 in breaks[0] else set())

    def breaks_b(g: Group) -> set[int]:
        return ({g.b0 - 1} if g.b0 in breaks[1] else set()) | (
            {g.b1} if g.b1 in breaks[1] else set())

    for i, j in ordered:
        group = Group(i, i + 1, j, j + 1, scores[(i, j)])
        for _ in range(2 * (MAX_GROUP - 1)):
            grown = _best_extension(group, scorer, sa, sb, (used_a, breaks_a(group)),
                                    (used_b, breaks_b(group)))
            if grown is None:
                break
            used_a.update(range(grown.a0, grown.a1))
            used_b.update(range(grown.b0, grown.b1))
            group = grown
        groups.append(group)
    groups = absorb_neighbours(groups, scorer, sa, sb, (used_a, used_b), breaks)
    return absorb_sandwiched(sorted(groups, key=lambda g: g.a0), scorer, sa, sb, breaks)


def absorb_neighbours(groups: list[Group], scorer: SentenceScorer, sa: Sequence[Sentence],
                      sb: Sequence[Sentence], used: tuple[set[int], set[int]],
                      breaks: Breaks) -> list[Group]:
    """Free sentences next to a group join it when its other side carries their content.

    One long sentence ("..., and begat Salah: And Arphaxad lived ...; and ...") can say
    what several short ones say on the other side; a cosine over the whole group barely
    moves when one more of them is added, but the added sentence is itself covered.
    """
    out = []
    # Strongest groups first, in an order that does not depend on which side is A.
    for g in sorted(groups, key=lambda g: (-round(g.similarity, 9), g.a0 + g.b0,
                                           min(g.a0, g.b0))):
        if _identical_pair(g, sa, sb):
            out.append(g)  # a sentence copied word for word is complete: it stays shared
            continue
        while True:
            options = []
            for side, sentences in ((0, sa), (1, sb)):
                other = sb[g.b0:g.b1] if side == 0 else sa[g.a0:g.a1]
                for k in _neighbours(g, side, sentences, used[side], breaks[side]):
                    share = round(scorer.coverage(sentences[k:k + 1], other), 9)
                    if share >= ABSORB_COVERAGE:
                        options.append((-share, _crc(sentences[k].folded), side, k))
            if not options:
                break
            _, _, side, k = min(options)
            used[side].add(k)
            g = (Group(min(k, g.a0), max(k + 1, g.a1), g.b0, g.b1, g.similarity) if side == 0
                 else Group(g.a0, g.a1, min(k, g.b0), max(k + 1, g.b1), g.similarity))
        out.append(g)
    return out


def absorb_sandwiched(groups: list[Group], scorer: SentenceScorer, sa: Sequence[Sentence],
                      sb: Sequence[Sentence], breaks: Breaks) -> list[Group]:
    """Free sentences between two groups that follow each other on the other side join one.

    Such a sentence has no counterpart left but the other side of the groups around it (a
    long sentence of one translation holding several short ones of the other), so a share
    of SANDWICH_COVERAGE is enough, when one neighbour carries clearly more of it than the
    other. Both sides are judged on the groups as they were (the result does not depend on
    which document is A).
    """
    moves: dict[int, list[int]] = {}  # group index -> [new a0, a1, b0, b1]
    for side, sentences, other in ((0, sa, sb), (1, sb, sa)):
        ratio = math.log(max(1, _words(other)) / max(1, _words(sentences)))
        order = sorted(range(len(groups)), key=lambda n: _span(groups[n], side)[0])
        for n1, n2 in itertools.pairwise(order):
            g1, g2 = groups[n1], groups[n2]
            (lo, hi), (o1, o2) = (_span(g1, side)[1], _span(g2, side)[0]), (
                _span(g1, 1 - side)[1], _span(g2, 1 - side)[0])
            if lo >= hi or o1 != o2:
                continue
            first, last = _sandwich_split(
                range(lo, hi), sentences, breaks[side],
                [(sentences[slice(*_span(g, side))], other[slice(*_span(g, 1 - side))])
                 for g in (g1, g2)], scorer, ratio)
            if first > lo:
                moves.setdefault(n1, list(_bounds(g1)))[2 * side + 1] = first
            if last < hi:
                moves.setdefault(n2, list(_bounds(g2)))[2 * side] = last
    return [Group(*moves[n], g.similarity) if n in moves else g for n, g in enumerate(groups)]


def _sandwich_split(run: range, sentences: Sequence[Sentence], breaks: frozenset[int],
                    sides: list[tuple[Sequence[Sentence], Sequence[Sentence]]],
                    scorer: SentenceScorer, ratio: float) -> tuple[int, int]:
    """How far the groups before and after a run of free sentences extend into it.

    ``sides``: (own side, other side) of the group before and of the group after;
    ``ratio``: log of the other document's words over this one's. When
    both carry a sentence alike, it joins the group whose two sides it brings closer to
    the documents' length ratio (a translation keeps lengths roughly in proportion).
    """
    room = [len(own) < MAX_ABSORB for own, _ in sides]
    words = [(_words(own), _words(other)) for own, other in sides]
    # The other side's stems that the group's own side does not explain.
    left = [{s for o in other for s in o.stems}.difference(*(o.stems for o in own))
            for own, other in sides]

    pulls: dict[int, list[tuple[float, float]]] = {}

    def joins(k: int, side: int) -> bool:
        if k not in pulls:
            pulls[k] = [_pull(sentences[k], other, rest, scorer)
                        for (_, other), rest in zip(sides, left)]
        pull = pulls[k]
        size = sentences[k].end_token - sentences[k].first_token
        off = [abs(math.log(max(1, other) / max(1, own + size)) - ratio)
               for own, other in words]
        # The group's other side must have room for it: a sentence added to a group
        # already in proportion (an inserted sentence on the topic) would unbalance it.
        own, other = words[side]
        if off[side] >= abs(math.log(max(1, other) / max(1, own)) - ratio):
            return False
        if _wins(pull, side):
            return True
        if pull[side][0] < SANDWICH_COVERAGE or _wins(pull, 1 - side):
            return False
        return off[side] + BALANCE_MARGIN <= off[1 - side]

    first = run.start
    while room[0] and first < run.stop and first not in breaks and joins(first, 0):
        first += 1
    last = run.stop
    while room[1] and last > first and last not in breaks and joins(last - 1, 1):
        last -= 1
    return first, last


def _words(sentences: Sequence[Sentence]) -> int:
    return sum(s.end_token - s.first_token for s in sentences)


def _pull(sentence: Sentence, other: Sequence[Sentence], left: set[str],
          scorer: SentenceScorer) -> tuple[float, float]:
    """How much of a sentence a group's other side carries: (in all, in the stems ``left``
    unexplained by the group's own side)."""
    if not sentence.stems:
        return 0.0, 0.0
    stems = set(sentence.stems)
    return round(scorer.coverage([sentence], other), 9), len(stems & left) / len(stems)


def _wins(pulls: list[tuple[float, float]], k: int) -> bool:
    """Group k's other side carries the sentence clearly more than the other group's does."""
    (cov, rest), (cov2, rest2) = pulls[k], pulls[1 - k]
    return cov >= SANDWICH_COVERAGE and cov + rest >= cov2 + rest2 + SANDWICH_COVERAGE


def _span(g: Group, side: int) -> tuple[int, int]:
    return (g.a0, g.a1) if side == 0 else (g.b0, g.b1)


def _bounds(g: Group) -> tuple[int, int, int, int]:
    return g.a0, g.a1, g.b0, g.b1


def _identical_pair(g: Group, sa: Sequence[Sentence], sb: Sequence[Sentence]) -> bool:
    return (g.a1 - g.a0 == 1 and g.b1 - g.b0 == 1
            and sa[g.a0].folded == sb[g.b0].folded)


def _neighbours(g: Group, side: int, sentences: Sequence[Sentence], used: set[int],
                breaks: frozenset[int]) -> list[int]:
    """The free sentences just before and after a group on one side, within its paragraph."""
    lo, hi = (g.a0, g.a1) if side == 0 else (g.b0, g.b1)
    if hi - lo >= MAX_ABSORB:
        return []
    out = []
    if lo > 0 and lo not in breaks:
        out.append(lo - 1)
    if hi < len(sentences) and hi not in breaks:
        out.append(hi)
    return [k for k in out if k not in used and sentences[k].stems]


def _best_extension(group: Group, scorer: SentenceScorer, sa: Sequence[Sentence],
                    sb: Sequence[Sentence], blocked_a: tuple[set[int], set[int]],
                    blocked_b: tuple[set[int], set[int]]) -> Group | None:
    options = []
    if group.a1 - group.a0 < MAX_GROUP:
        for i in (group.a0 - 1, group.a1):
            if 0 <= i < len(sa) and i not in blocked_a[0] and i not in blocked_a[1] and sa[
                    i].stems:
                options.append(Group(min(i, group.a0), max(i + 1, group.a1), group.b0, group.b1,
                                     0.0))
    if group.b1 - group.b0 < MAX_GROUP:
        for j in (group.b0 - 1, group.b1):
            if 0 <= j < len(sb) and j not in blocked_b[0] and j not in blocked_b[1] and sb[
                    j].stems:
                options.append(Group(group.a0, group.a1, min(j, group.b0), max(j + 1, group.b1),
                                     0.0))
    best = None
    for option in options:
        sim = scorer.score(sa[option.a0:option.a1], sb[option.b0:option.b1])
        better = best is None or sim > best.similarity
        if better and sim >= group.similarity + MERGE_GAIN and _added_part_matches(
                option, group, scorer, sa, sb):
            best = Group(option.a0, option.a1, option.b0, option.b1, sim)
    return best


def _added_part_matches(option: Group, group: Group, scorer: SentenceScorer,
                        sa: Sequence[Sentence], sb: Sequence[Sentence]) -> bool:
    """The added sentence must itself share content with the other side of the group."""
    if option.a0 != group.a0 or option.a1 != group.a1:
        added = sa[option.a0:group.a0] if option.a0 < group.a0 else sa[group.a1:option.a1]
        other = sb[group.b0:group.b1]
        return scorer.coverage(added, other) >= 0.15
    added = sb[option.b0:group.b0] if option.b0 < group.b0 else sb[group.b1:option.b1]
    other = sa[group.a0:group.a1]
    return scorer.coverage(added, other) >= 0.15


def align_sentences(sa: Sequence[Sentence], sb: Sequence[Sentence], threshold: float,
                    check: Callable[[], None] = lambda: None,
                    scorer: SentenceScorer | None = None, weak: frozenset[str] = frozenset(),
                    judge: Judge | None = None,
                    breaks: Breaks = (frozenset(), frozenset())) -> list[Group]:
    """Sentence groups of A and B that carry the same content, in A's order.

    ``scorer`` defaults to TF-IDF; ``weak`` are stems that alone are no evidence (names,
    figures, stock words); ``judge`` (a semantic scorer) settles undecided pairs;
    ``breaks`` are the sentences that start a paragraph (groups stay inside one).
    """
    if [s.folded for s in sa] == [s.folded for s in sb]:
        # Identical documents: every sentence is its own counterpart.
        return [Group(k, k + 1, k, k + 1, 1.0) for k in range(len(sa)) if sa[k].folded]
    if scorer is None:
        from core.comparison.lexical import TfidfScorer
        scorer = TfidfScorer(sa, sb)
    scores = candidate_pairs(scorer, sa, sb, floor=0.5 * threshold, check=check)
    check()
    pairs = choose_pairs(scores, threshold, sa, sb, weak)
    pairs = sorted(pairs + fill_gaps(pairs, scorer, sa, sb, scores, threshold, weak))
    pairs = sorted(pairs + rescue_short_pairs(pairs, sa, sb, scores, threshold))
    pairs = fill_identical_neighbours(pairs, sa, sb, scores)
    pairs = fill_gaps_in_order(pairs, scorer, sa, sb, scores, threshold, weak)
    if judge is not None:
        check()
        pairs = semantic_pass(pairs, scores, sa, sb, threshold, judge)
    return grow_groups(pairs, scores, scorer, sa, sb, breaks)


def fill_identical_neighbours(pairs: list[tuple[int, int]], sa: Sequence[Sentence],
                              sb: Sequence[Sentence],
                              scores: Pairs) -> list[tuple[int, int]]:
    """Pair identical sentences with no content words ("He said no.") next to a pair."""
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    todo = list(pairs)
    added = []
    while todo:
        i, j = todo.pop()
        for di in (-1, 1):
            ni, nj = i + di, j + di
            if (0 <= ni < len(sa) and 0 <= nj < len(sb) and ni not in used_a
                    and nj not in used_b and sa[ni].folded and sa[ni].folded == sb[nj].folded):
                used_a.add(ni)
                used_b.add(nj)
                scores[(ni, nj)] = 1.0
                added.append((ni, nj))
                todo.append((ni, nj))
    return sorted(pairs + added)


def fill_gaps(pairs: list[tuple[int, int]], scorer: SentenceScorer, sa: Sequence[Sentence],
              sb: Sequence[Sentence], scores: Pairs, threshold: float,
              weak: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Score every pair inside small gaps between in-order pairs, whatever their words.

    Sentences made of common words seed no candidates, but when their neighbours are
    aligned on both sides the gap between them is a cheap, safe place to look. At the
    documents' start and end only one side vouches, so look-alikes are not paired there.
    """
    added = []
    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    # The documents' start and end count as aligned: a headline before the first pair is in a gap.
    anchors = [(-1, -1), *sorted(pairs), (len(sa), len(sb))]
    for (i0, j0), (i1, j1) in itertools.pairwise(anchors):
        if not (0 < i1 - i0 - 1 <= MAX_GAP and 0 < j1 - j0 - 1 <= MAX_GAP):
            continue
        gap = {(i, j): scorer.score(sa[i:i + 1], sb[j:j + 1])
               for i in range(i0 + 1, i1) for j in range(j0 + 1, j1)
               if i not in used_a and j not in used_b}
        ranked = sorted(gap.items(), key=lambda kv: (-round(kv[1], 9), tie_key(
            sa[kv[0][0]], sb[kv[0][1]]), sum(kv[0]), min(kv[0])))
        edge = i0 < 0 or i1 >= len(sa)
        for (i, j), sim in ranked:
            if (sim >= threshold and i not in used_a and j not in used_b
                    and (not edge or has_evidence(sa[i], sb[j], weak))):
                used_a.add(i)
                used_b.add(j)
                scores[(i, j)] = sim
                added.append((i, j))
    return added


def fill_gaps_in_order(pairs: list[tuple[int, int]], scorer: SentenceScorer,
                       sa: Sequence[Sentence], sb: Sequence[Sentence], scores: Pairs,
                       threshold: float, weak: frozenset[str] = frozenset(),
                       ) -> list[tuple[int, int]]:
    """Align the sentences of a gap between two in-order aligned pairs, in order.

    Between two aligned pairs, sentences in the same order on both sides are each other's
    best candidates even when a translation or a rewrite changed most words: a monotone
    alignment (the heaviest chain of pairs) of each gap of up to MAX_ORDER_GAP sentences a
    side keeps pairs down to GAP_FLOOR times the threshold that share real content.
    Returns all pairs, sorted: the new ones added, lone look-alikes they displace removed.
    """
    chain = agreed_chain(pairs)
    stray = _strays(pairs, set(chain), scores, threshold)
    used_a = {p[0] for p in pairs if p not in stray}
    used_b = {p[1] for p in pairs if p not in stray}
    by_a, by_b = {p[0]: p for p in stray}, {p[1]: p for p in stray}
    kept = set(pairs)
    added: list[tuple[int, int]] = []
    for (i0, j0), (i1, j1) in itertools.pairwise(chain):
        free_a = [i for i in range(i0 + 1, i1) if i not in used_a and sa[i].stems]
        free_b = [j for j in range(j0 + 1, j1) if j not in used_b and sb[j].stems]
        if not free_a or not free_b or max(len(free_a), len(free_b)) > MAX_ORDER_GAP:
            continue
        gap = {}
        for i in free_a:
            for j in free_b:
                sim = scores.get((i, j)) or scorer.score(sa[i:i + 1], sb[j:j + 1])
                if sim >= GAP_FLOOR * threshold and has_evidence(sa[i], sb[j], weak):
                    gap[(i, j)] = sim
        swapped = {(j, i): w for (i, j), w in gap.items()}
        both = set(_heaviest_chain(free_a, free_b, gap)).intersection(
            (i, j) for j, i in _heaviest_chain(free_b, free_a, swapped))
        for i, j in sorted(both):
            # An in-order pair displaces a stray pair that held one of its sentences.
            for old in (by_a.get(i), by_b.get(j)):
                if old is not None:
                    kept.discard(old)
            scores[(i, j)] = gap[(i, j)]
            added.append((i, j))
    return sorted(kept | set(added))


def _strays(pairs: list[tuple[int, int]], chain: set[tuple[int, int]], scores: Pairs,
            threshold: float) -> set[tuple[int, int]]:
    """Weak pairs off the in-order chain with no diagonal neighbour: lone look-alikes.

    A moved passage keeps its neighbours (or a strong score); a lone weak pair far from
    its place is more often a look-alike that took the sentence of an in-order pair.
    """
    present = set(pairs)
    return {(i, j) for i, j in pairs
            if (i, j) not in chain and scores.get((i, j), 0.0) < STRAY_BELOW * threshold
            and (i - 1, j - 1) not in present and (i + 1, j + 1) not in present}


def _heaviest_chain(rows: list[int], cols: list[int], weights: Pairs,
                    ) -> list[tuple[int, int]]:
    """The pairs of an in-order, one-to-one choice of ``weights`` with the largest sum."""
    if not weights:
        return []
    best = [[0.0] * (len(cols) + 1) for _ in range(len(rows) + 1)]
    for x in range(len(rows) - 1, -1, -1):
        for y in range(len(cols) - 1, -1, -1):
            take = weights.get((rows[x], cols[y]))
            best[x][y] = max(best[x + 1][y], best[x][y + 1],
                             best[x + 1][y + 1] + take if take is not None else 0.0)
    chain = []
    x = y = 0
    while x < len(rows) and y < len(cols):
        take = weights.get((rows[x], cols[y]))
        if take is not None and best[x][y] == best[x + 1][y + 1] + take:
            chain.append((rows[x], cols[y]))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return chain


def rescue_short_pairs(pairs: list[tuple[int, int]], sa: Sequence[Sentence],
                       sb: Sequence[Sentence],
                       scores: Pairs,
                       threshold: float) -> list[tuple[int, int]]:
    """Pair leftover sentences that share a word-for-word phrase with real content.

    Short reworded sentences ("Critics said the damage could have been limited.") share
    too few stems for the cosine, but a common 5-word phrase still ties them together. A
    phrase found in several unmatched sentences of one document is a stock phrase and ties
    nothing.
    """
    import numpy as np

    used_a = {i for i, _ in pairs}
    used_b = {j for _, j in pairs}
    hashes_a = _gram_hashes(s for s in sa if s.index not in used_a)
    hashes_b = _gram_hashes(s for s in sb if s.index not in used_b)
    stock = _repeated(hashes_a) | _repeated(hashes_b)
    # Only B's phrases that some free A sentence also has are ever looked up: index those
    # alone (all of them: ~50 MB of tuples and lists at 10 MB a side).
    wanted = np.isin(hashes_b, hashes_a).tolist()
    del hashes_a, hashes_b
    grams: dict[tuple[str, ...], list[int]] = {}
    k = 0
    for sentence in sb:
        if sentence.index not in used_b:
            for gram in _content_grams(sentence):  # the order _gram_hashes saw
                if wanted[k]:
                    grams.setdefault(gram, []).append(sentence.index)
                k += 1
    rescued = []
    for sentence in sa:
        if sentence.index in used_a:
            continue
        hits: Counter[int] = Counter()
        for gram in _content_grams(sentence):
            found = grams.get(gram, ())
            if hash(gram) not in stock:
                hits.update(j for j in set(found) if j not in used_b)
        if not hits:
            continue
        j, _ = min(hits.items(), key=lambda kv: (-kv[1], abs(kv[0] - sentence.index)))
        overlap = word_overlap(sentence, sb[j])
        if overlap >= threshold:  # the user's threshold applies to rescued pairs too
            used_b.add(j)
            rescued.append((sentence.index, j))
            scores[(sentence.index, j)] = max(scores.get((sentence.index, j), 0.0), overlap)
    return rescued


def _gram_hashes(sentences: Iterable[Sentence]) -> np.ndarray:
    """The hash of every content phrase of the sentences, in order (int64 array)."""
    import numpy as np

    hashes = array("q")
    for sentence in sentences:
        hashes.extend(map(hash, _content_grams(sentence)))
    return np.frombuffer(hashes, dtype=np.int64) if hashes else np.zeros(0, dtype=np.int64)


def _repeated(hashes: np.ndarray) -> set[int]:
    """Hashes of the phrases found in more than one sentence.

    Hashes, not the phrases: a set of every 5-word tuple of a 10 MB document would take
    over a gigabyte; 8 bytes a phrase in an array sort the same.
    """
    import numpy as np

    if len(hashes) < 2:
        return set()
    ordered = np.sort(hashes)
    return set(ordered[1:][ordered[1:] == ordered[:-1]].tolist())


def _content_grams(sentence: Sentence) -> set[tuple[str, ...]]:
    """Phrases of RESCUE_RUN words with a content word (a word-for-word phrase is evidence)."""
    words = sentence.folded.split()
    return {
        tuple(words[k:k + RESCUE_RUN]) for k in range(len(words) - RESCUE_RUN + 1)
        if any(w not in STOPWORDS and len(w) > 2 for w in words[k:k + RESCUE_RUN])
    }


def word_overlap(a: Sentence, b: Sentence) -> float:
    """A similarity for a rescued pair: the share of words the two sentences have in common."""
    wa, wb = a.folded.split(), b.folded.split()
    common = sum((Counter(wa) & Counter(wb)).values())
    return round(2 * common / (len(wa) + len(wb)), 3) if wa and wb else 0.0
