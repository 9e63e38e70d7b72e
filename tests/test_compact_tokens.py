"""The compact token and n-gram representations give the same answers as plain objects."""

from __future__ import annotations

import bisect
import re
from array import array

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import core.comparison.verbatim as verbatim
from core.comparison.segment import Token, Tokens, fold_word, segment
from core.comparison.verbatim import MAX_SEED_OCCURRENCES, NEAREST_SEEDS, Run, maximal_runs
from core.model import Options

TEXT = "The Minister’s “plan” was approved.\nIt costs 1,200.50 euros — said Anna-Maria O'Neil."


def test_tokens_read_like_a_tuple_of_token() -> None:
    for options in (Options(), Options(fold_punctuation=False, fold_case=False)):
        tokens = segment(TEXT, options).tokens
        pattern = r"\w+(?:(?:['’\-]|(?<=\d)[.,](?=\d))\w+)*" if options.fold_punctuation \
            else r"\S+"
        plain = tuple(Token(m.start(), m.end(), fold_word(m.group(), options))
                      for m in re.finditer(pattern, TEXT))
        assert len(tokens) == len(plain) and tuple(tokens) == plain
        assert tokens[3] == plain[3] and tokens[-1] == plain[-1]
        assert tuple(tokens[2:5]) == plain[2:5] and isinstance(tokens[2:5], Tokens)
        assert [t.folded for t in tokens[1:4]] == [t.folded for t in plain[1:4]]
        assert tokens.folded() == [t.folded for t in plain]


def test_equal_folded_words_share_one_id() -> None:
    tokens = segment("Storm storm STORM storms", Options()).tokens
    assert len(set(tokens.ids[:3])) == 1 and tokens.ids[3] != tokens.ids[0]
    assert len(tokens.vocab) == 2


def test_sentences_own_their_tokens() -> None:
    seg = segment(TEXT, Options())
    assert seg.sentences[0].first_token == 0
    assert seg.sentences[-1].end_token == len(seg.tokens)
    for sentence in seg.sentences:
        for token in seg.tokens[sentence.first_token:sentence.end_token]:
            assert sentence.start <= token.start < token.end <= sentence.end


def reference_runs(a: list[int], b: list[int], n: int) -> list[Run]:
    """The n-gram index of tuples that maximal_runs replaced (kept here as the oracle)."""
    if n < 1 or len(a) < n or len(b) < n:
        return []
    index: dict[tuple[int, ...], list[int]] = {}
    for i in range(len(a) - n + 1):
        index.setdefault(tuple(a[i:i + n]), []).append(i)
    runs, covered = [], {}
    for j in range(len(b) - n + 1):
        starts = index.get(tuple(b[j:j + n]))
        if not starts:
            continue
        if len(starts) > MAX_SEED_OCCURRENCES:
            k = bisect.bisect_left(starts, j * len(a) // len(b))
            starts = starts[max(0, k - NEAREST_SEEDS):k + NEAREST_SEEDS]
        for i in starts:
            if covered.get(i - j, -1) > j:
                continue
            length = n
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            covered[i - j] = j + length
            runs.append(Run(i, j, length))
    return runs


small_words = st.lists(st.integers(0, 3), min_size=0, max_size=200)


@settings(max_examples=60, deadline=None)
@given(small_words, small_words, st.integers(1, 5))
def test_maximal_runs_match_the_tuple_index(a: list[int], b: list[int], n: int) -> None:
    # Four distinct words make long repeated phrases: the > MAX_SEED_OCCURRENCES path runs.
    assert maximal_runs(array("i", a), array("i", b), n) == reference_runs(a, b, n)


def test_a_hash_collision_never_makes_a_false_run(monkeypatch) -> None:
    a = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    b = [9, 8, 7, 1, 2, 3, 4, 0, 0, 5, 6]
    expected = reference_runs(a, b, 3)
    monkeypatch.setattr(verbatim, "gram_hashes",
                        lambda ids, n: np.zeros(len(ids) - n + 1, dtype=np.uint64))
    assert maximal_runs(array("i", a), array("i", b), 3) == expected == [Run(0, 3, 4)]


def test_candidates_do_not_depend_on_the_row_block(monkeypatch) -> None:
    import core.comparison.lexical as lexical
    from benchmarks.corpus import generate_pair

    pair = generate_pair(20_000, seed=3)
    sa = segment(pair.text_a, Options()).sentences
    sb = segment(pair.text_b, Options()).sentences
    scorer = lexical.TfidfScorer(sa, sb)
    whole = list(scorer.candidates(0.15, lambda: None).items())
    assert len(whole) > len(sa)  # several candidates per sentence: the test has teeth
    for block in (1, 7, 64):
        monkeypatch.setattr(lexical, "ROW_BLOCK", block)
        assert list(scorer.candidates(0.15, lambda: None).items()) == whole
