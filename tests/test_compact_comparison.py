"""The compact comparison layouts (id arrays, ranking columns, shared sentences) change nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import generate_pair
from core.comparison.align import rank_pairs, tie_key
from core.comparison.engine import common_ids
from core.comparison.segment import WORD_RE, content_stems, segment
from core.comparison.verbatim import find_verbatim, find_verbatim_ids
from core.model import Options

WORDS = ["the", "storm", "hit", "coast", "on", "monday", "and", "floods", "followed", "a"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.lists(st.sampled_from(WORDS), max_size=60),
       st.integers(2, 5))
def test_verbatim_runs_from_ids_equal_runs_from_words(a: list[str], b: list[str], n: int) -> None:
    tokens_a = segment(" ".join(a), Options()).tokens
    tokens_b = segment(" ".join(b), Options()).tokens
    ids_a, ids_b = common_ids(tokens_a, tokens_b)
    assert find_verbatim_ids(ids_a, ids_b, tokens_a.vocab, n) == find_verbatim(a, b, n)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 5), st.integers(0, 5)),
                       st.sampled_from([0.2, 0.5, 0.5, 0.75, 1.0]), max_size=30))
def test_ranked_pairs_follow_the_sort_key(scores: dict[tuple[int, int], float]) -> None:
    sentences = segment("A storm. A storm. Rain fell. Rain fell hard. Wind. A storm.", Options())
    sa = sb = sentences.sentences
    expected = sorted(scores, key=lambda p: (-scores[p], tie_key(sa[p[0]], sb[p[1]]),
                                             p[0] + p[1], min(p)))
    assert rank_pairs(list(scores), scores.values(), sa, sb) == expected


MIXED = ("İstanbul’s MAYOR said “no”. The mayor’s plan was approved. "
         "東京都は新しい計画を発表した。İstanbul’s MAYOR said “no”. "
         "Ünter den Linden, 1,200.50 euros.\n東京都は新しい計画を発表した。")


def test_sentence_stems_are_the_stems_of_their_words() -> None:
    pair = generate_pair(20_000)
    for options in (Options(), Options(fold_case=False), Options(fold_punctuation=False)):
        shared: dict = {}
        for text in (MIXED, pair.text_a, pair.text_b):
            for sentence in segment(text, options, shared).sentences:
                words = WORD_RE.findall(text, sentence.start, sentence.end)
                assert sentence.stems == content_stems(words)
