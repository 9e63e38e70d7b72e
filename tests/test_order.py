"""Order-aware alignment: gaps aligned in order, long sentences against short ones, verses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from benchmarks.bible import make_gold, score_verses
from core.comparison.align import fill_gaps_in_order, grow_groups
from core.comparison.engine import compare
from core.comparison.refine import in_order, semantic_pass
from core.comparison.segment import Sentence, segment
from core.model import Options
from core.readers.load import document_from_text


class Table:
    """Similarities from a table of (A index, B index); coverage from another."""

    def __init__(self, scores: dict[tuple[int, int], float],
                 covered: dict[tuple[int, tuple[int, ...]], float] | None = None):
        self.scores, self.covered = scores, covered or {}

    def candidates(self, floor: float, check: Callable[[], None]) -> dict:
        return {p: s for p, s in self.scores.items() if s >= floor}

    def score(self, a: Sequence[Sentence], b: Sequence[Sentence]) -> float:
        return self.scores.get((a[0].index, b[0].index), 0.0) if len(a) == len(b) == 1 else 0.0

    def coverage(self, part: Sequence[Sentence], other: Sequence[Sentence]) -> float:
        return self.covered.get((part[0].index, tuple(s.index for s in other)), 0.0)


def sentences(n: int, words: int = 5, prefix: str = "w") -> list[Sentence]:
    return [Sentence(k, 0, 0, 0, words, (f"{prefix}{k}", "common"), f"{prefix}{k}")
            for k in range(n)]


def test_longest_in_order_chain_is_not_cut_short_by_a_stray_pair() -> None:
    # (1, 90) is a stray pair: a greedy chain would stop there and lose every later pair.
    assert in_order([(0, 0), (1, 90), (2, 2), (3, 3), (4, 4)]) == [(0, 0), (2, 2), (3, 3),
                                                                   (4, 4)]


def test_a_gap_between_in_order_pairs_is_aligned_in_order_below_the_threshold() -> None:
    sa, sb = sentences(6), sentences(6, prefix="v")
    # Inside the gap 1..4 the best single pair (1, 4) would cross the diagonal; the
    # in-order chain (1,1) (2,2) (3,3) (4,4) weighs more and is kept, each over 0.5 x 0.3.
    scores = {(0, 0): 0.9, (5, 5): 0.9, (1, 1): 0.2, (2, 2): 0.2, (3, 3): 0.2, (4, 4): 0.2,
              (1, 4): 0.25}
    paired = fill_gaps_in_order([(0, 0), (5, 5)], Table(scores), sa, sb, dict(scores), 0.3)
    assert paired == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]
    # Under half the threshold nothing is paired, and names alone are no evidence.
    low = {(0, 0): 0.9, (5, 5): 0.9, (2, 2): 0.1}
    assert fill_gaps_in_order([(0, 0), (5, 5)], Table(low), sa, sb, dict(low), 0.3) == [
        (0, 0), (5, 5)]
    weak = frozenset({"common"})  # the only stem the two sides share
    assert fill_gaps_in_order([(0, 0), (5, 5)], Table(scores), sa, sb, dict(scores), 0.3,
                              weak) == [(0, 0), (5, 5)]


def test_a_lone_weak_pair_far_away_gives_its_sentence_to_the_in_order_pair() -> None:
    sa, sb = sentences(40), sentences(6, prefix="v")
    # A30 took B2 (0.35, alone, off the chain); in order, A2 belongs with B2 (0.2).
    scores = {(0, 0): 0.9, (1, 1): 0.9, (3, 3): 0.9, (4, 4): 0.9, (2, 2): 0.2, (30, 2): 0.35}
    pairs = [(0, 0), (1, 1), (3, 3), (4, 4), (30, 2)]
    paired = fill_gaps_in_order(pairs, Table(scores), sa, sb, dict(scores), 0.3)
    assert (2, 2) in paired and (30, 2) not in paired
    # A strong pair, or one with a diagonal neighbour (a moved passage), keeps its sentence.
    strong = {**scores, (30, 2): 0.6}
    assert (30, 2) in fill_gaps_in_order(pairs, Table(strong), sa, sb, dict(strong), 0.3)
    moved = {**scores, (31, 3): 0.4}
    moved_pairs = [(0, 0), (1, 1), (4, 4), (30, 2), (31, 3)]
    assert (30, 2) in fill_gaps_in_order(moved_pairs, Table(moved), sa, sb, dict(moved), 0.3)


def test_a_free_sentence_joins_a_group_whose_other_side_carries_it() -> None:
    sa, sb = sentences(1, 40), sentences(3, 12, prefix="v")  # a reworded pair, not a copy
    covered = {(1, (0,)): 0.8, (2, (0,)): 0.1}
    groups = grow_groups([(0, 0)], {(0, 0): 0.5}, Table({(0, 0): 0.5}, covered), sa, sb)
    assert [(g.a0, g.a1, g.b0, g.b1) for g in groups] == [(0, 1, 0, 2)]


def test_a_long_sentence_tied_by_order_survives_a_different_verdict() -> None:
    sa = sentences(4, 5)
    sb = sentences(4, 5, prefix="v")
    sa[1] = Sentence(1, 0, 0, 0, 60, ("x",), "long")  # 60 words against 5
    pairs = [(0, 0), (1, 1), (2, 2), (3, 3)]
    scores = dict.fromkeys(pairs, 0.35)

    def judge(asked):
        return {p: ("different", 0.3) for p in asked}

    kept = semantic_pass(pairs, scores, sa, sb, 0.3, judge)
    assert (1, 1) in kept  # held by its neighbours, despite the length gap
    assert (0, 0) not in kept  # comparable lengths: the "different" verdict stands


# Genesis 1:1-5, King James Version and American Standard Version (both public domain).
KJV = [["In the beginning God created the heaven and the earth.",
        "And the earth was without form, and void; and darkness was upon the face of the deep. "
        "And the Spirit of God moved upon the face of the waters.",
        "And God said, Let there be light: and there was light.",
        "And God saw the light, that it was good: and God divided the light from the "
        "darkness.",
        "And God called the light Day, and the darkness he called Night. And the evening and "
        "the morning were the first day."]]
ASV = [["In the beginning God created the heavens and the earth.",
        "And the earth was waste and void; and darkness was upon the face of the deep: and the "
        "Spirit of God moved upon the face of the waters.",
        "And God said, Let there be light: and there was light.",
        "And God saw the light, that it was good: and God divided the light from the "
        "darkness.",
        "And God called the light Day, and the darkness he called Night. And there was "
        "evening and there was morning, one day."]]


def test_verse_scoring_of_two_translations() -> None:
    gold = make_gold(KJV, ASV)
    assert gold.text_a[slice(*gold.sentences_a[2])] == KJV[0][2]
    result = compare(document_from_text(gold.text_a, "kjv"),
                     document_from_text(gold.text_b, "asv"), Options(semantic=False))
    score = score_verses(result, gold)
    assert (score.verses, score.found, score.recall, score.precision) == (5, 5, 1.0, 1.0)
    # Against the verses shifted by one, nothing is right.
    shifted = make_gold(KJV, [ASV[0][1:] + ASV[0][:1]])
    result = compare(document_from_text(shifted.text_a, "kjv"),
                     document_from_text(shifted.text_b, "asv"), Options(semantic=False))
    assert score_verses(result, shifted).found == 0
    assert score_verses(result, shifted).precision < 0.5
    assert segment(gold.text_a, Options()).sentences  # the layout is plain prose
