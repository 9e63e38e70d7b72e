"""Translation-like pairs: gaps paired by meaning, sentences held between groups, stock
phrases, and acronyms written out for the semantic scorer."""

from __future__ import annotations

from core.comparison.acronyms import Expander, expansions
from core.comparison.align import Group, absorb_sandwiched
from core.comparison.coverage import stray_runs
from core.comparison.refine import semantic_pass
from core.comparison.segment import Sentence
from core.comparison.verbatim import Run
from tests.test_order import Table, sentences


def test_a_gap_between_aligned_pairs_is_paired_by_meaning_in_order() -> None:
    sa, sb = sentences(4), sentences(4, prefix="v")
    pairs = [(0, 0), (3, 3)]
    scores = dict.fromkeys(pairs, 0.9)
    # Sentences 1 and 2 of each side: no lexical evidence, each the other's best by meaning.
    cos = {(1, 1): 0.70, (1, 2): 0.55, (2, 1): 0.52, (2, 2): 0.60}

    def judge(asked):
        return {p: ("undecided" if cos.get(p, 0.9) >= 0.49 else "different", cos.get(p, 0.9))
                for p in asked}

    assert semantic_pass(pairs, dict(scores), sa, sb, 0.3, judge) == [
        (0, 0), (1, 1), (2, 2), (3, 3)]
    # A sentence whose best match is "different" stays unique.
    cos[(2, 2)] = 0.3
    assert semantic_pass(pairs, dict(scores), sa, sb, 0.3, judge) == [(0, 0), (1, 1), (3, 3)]


def test_a_gap_at_the_start_of_the_documents_is_not_tied_by_order() -> None:
    sa, sb = sentences(3), sentences(3, prefix="v")
    pairs = [(2, 2)]

    def judge(asked):
        return {p: ("undecided", 0.7 if p[0] == p[1] else 0.5) for p in asked}

    assert semantic_pass(pairs, {(2, 2): 0.9}, sa, sb, 0.3, judge) == [(2, 2)]


def test_a_free_sentence_between_two_groups_joins_the_one_that_carries_it() -> None:
    sa, sb = sentences(5, 10), sentences(2, 40, prefix="v")
    # A0-A1 and A3-A4 say what B0 and B1 say; A2 sits between them, B0 B1 are adjacent.
    groups = [Group(0, 2, 0, 1, 0.5), Group(3, 5, 1, 2, 0.5)]
    covered = {(2, (0,)): 0.05, (2, (1,)): 0.25}
    out = absorb_sandwiched(groups, Table({}, covered), sa, sb, (frozenset(), frozenset()))
    assert [(g.a0, g.a1, g.b0, g.b1) for g in out] == [(0, 2, 0, 1), (2, 5, 1, 2)]
    # Carried as much by both: it stays free; across a paragraph break it does not join.
    even = {(2, (0,)): 0.25, (2, (1,)): 0.25}
    assert absorb_sandwiched(groups, Table({}, even), sa, sb,
                             (frozenset(), frozenset())) == groups
    assert absorb_sandwiched(groups, Table({}, covered), sa, sb,
                             (frozenset({3}), frozenset())) == groups
    # A free sentence on the other side between the groups' counterparts: no sandwich.
    apart = [Group(0, 2, 0, 1, 0.5), Group(3, 5, 2, 3, 0.5)]
    sb3 = sentences(3, 40, prefix="v")
    covered3 = {(2, (0,)): 0.05, (2, (2,)): 0.25}
    assert absorb_sandwiched(apart, Table({}, covered3), sa, sb3,
                             (frozenset(), frozenset())) == apart


def test_a_short_run_between_sentences_aligned_far_apart_is_a_stock_phrase() -> None:
    # 20 sentences of 10 words a side.
    sa = [Sentence(k, 0, 0, 10 * k, 10 * k + 10, ("w",)) for k in range(20)]
    sb = [Sentence(k, 0, 0, 10 * k, 10 * k + 10, ("w",)) for k in range(20)]
    groups = [Group(k, k + 1, k, k + 1, 0.5) for k in range(20)]
    far = Run(12, 152, 5)  # sentence 1 of A with sentence 15 of B
    near = Run(12, 32, 5)  # sentence 1 with sentence 3: a boundary drawn otherwise
    long = Run(12, 152, 9)  # a moved quotation
    assert stray_runs([near, far, long], groups, sa, sb) == [1]
    # A run into a sentence that has no counterpart of its own stays.
    assert stray_runs([far], groups[:15] + groups[16:], sa, sb) == []


def test_acronyms_spelled_out_in_the_pair_are_written_out() -> None:
    a = "The WHO and the ECDC were informed. The EU and the US agreed."
    b = ("The company notified the World Health Organization. The European Union, the "
         "United States and the European Food Safety Authority (EFSA) agreed.")
    assert expansions([a, b]) == {"WHO": "World Health Organization", "EU": "European Union",
                                  "US": "United States",
                                  "EFSA": "European Food Safety Authority"}
    expand = Expander(a, b)
    assert expand("The WHO and the ECDC were informed.") == (
        "The World Health Organization and the ECDC were informed.")
    # A sentence that already holds the name keeps its acronym.
    assert expand("The European Food Safety Authority (EFSA) agreed.") == (
        "The European Food Safety Authority (EFSA) agreed.")


def test_an_acronym_two_names_spell_is_left_alone() -> None:
    texts = ["The CMA ruled.", "The Competition and Markets Authority and the Canadian "
             "Medical Association differ."]
    assert expansions(texts) == {}


def test_a_sentence_both_groups_carry_alike_joins_the_one_it_balances() -> None:
    sa, sb = sentences(5, 10), sentences(2, 40, prefix="v")
    # Both counterparts carry A2 alike; B0 is far longer than A0-A1 (room for A2), B1
    # as long as A3-A4: adding A2 to the first group brings its sides into proportion.
    sb[1] = Sentence(1, 0, 0, 0, 20, ("v1",), "v1")
    groups = [Group(0, 2, 0, 1, 0.5), Group(3, 5, 1, 2, 0.5)]
    even = {(2, (0,)): 0.25, (2, (1,)): 0.25}
    out = absorb_sandwiched(groups, Table({}, even), sa, sb, (frozenset(), frozenset()))
    assert [(g.a0, g.a1, g.b0, g.b1) for g in out] == [(0, 3, 0, 1), (3, 5, 1, 2)]


def test_a_long_sentence_next_to_its_neighbours_is_tied_over_several_short_ones() -> None:
    # B1 (60 words) says what A1..A6 say; its neighbours B0 and B2 are next to it, A7
    # is six sentences after A1: beyond the usual reach, but only short ones lie between.
    sa, sb = sentences(9, 8), sentences(4, 8, prefix="v")
    sb[1] = Sentence(1, 0, 0, 0, 60, ("x",), "long")
    pairs = [(0, 0), (1, 1), (7, 2), (8, 3)]
    scores = dict.fromkeys(pairs, 0.35)

    def judge(asked):
        return {p: ("different", 0.3) for p in asked}

    assert (1, 1) in semantic_pass(pairs, dict(scores), sa, sb, 0.3, judge)
    # With a sentence between its neighbours on its own side too, the place settles nothing.
    sb4 = sentences(5, 8, prefix="v")
    sb4[1] = Sentence(1, 0, 0, 0, 60, ("x",), "long")
    apart = [(0, 0), (1, 1), (7, 3), (8, 4)]
    assert (1, 1) not in semantic_pass(apart, dict.fromkeys(apart, 0.35), sa, sb4, 0.3, judge)
