"""Word-level diff inside a reworded pair, with diff-match-patch over one character per word."""

from __future__ import annotations

import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from diff_match_patch import diff_match_patch

from core.comparison.segment import Token

# Supplementary planes: one code point per distinct word, never a surrogate.
_CODE_BASE = 0x10000
_CODE_LIMIT = 0x110000 - _CODE_BASE  # word ids below this are encoded directly


@dataclass(frozen=True)
class WordDiff:
    """Indexes of the changed words on each side and whether diff-match-patch timed out."""

    changed_a: tuple[int, ...]
    changed_b: tuple[int, ...]
    fallback: bool


def words_to_chars(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[str, str]:
    """Encode each distinct word as one character (diff_linesToChars, for words)."""
    ids: dict[Hashable, int] = {}
    enc_a = "".join(chr(_CODE_BASE + ids.setdefault(w, len(ids))) for w in a)
    enc_b = "".join(chr(_CODE_BASE + ids.setdefault(w, len(ids))) for w in b)
    return enc_a, enc_b


def diff_words(tokens_a: Sequence[Token], tokens_b: Sequence[Token],
               timeout: float) -> WordDiff:
    """Which words of A were replaced or dropped, and which words of B are new."""
    enc_a, enc_b = words_to_chars([t.folded for t in tokens_a], [t.folded for t in tokens_b])
    return _diff_chars(enc_a, enc_b, timeout)


def diff_ids(ids_a: Sequence[int], ids_b: Sequence[int], timeout: float) -> WordDiff:
    """diff_words for words given as ids of one vocabulary (equal words, equal ids).

    Same result as diff_words: diff-match-patch only compares characters for equality.
    """
    if max(ids_a, default=0) < _CODE_LIMIT and max(ids_b, default=0) < _CODE_LIMIT:
        return _diff_chars(_encode(ids_a), _encode(ids_b), timeout)
    return _diff_chars(*words_to_chars(ids_a, ids_b), timeout)


def _encode(ids: Sequence[int]) -> str:
    codes = np.asarray(ids, dtype=np.uint32) + np.uint32(_CODE_BASE)
    return codes.astype("<u4").tobytes().decode("utf-32-le")


def _diff_chars(enc_a: str, enc_b: str, timeout: float) -> WordDiff:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    started = time.perf_counter()
    diffs = dmp.diff_main(enc_a, enc_b, False)
    # diff_main gives up on a minimal diff when its deadline passes; say so, don't hide it.
    fallback = timeout > 0 and time.perf_counter() - started >= timeout
    # No semantic cleanup: one code point is a whole word, and editors want each kept word kept.
    changed_a: list[int] = []
    changed_b: list[int] = []
    ia = ib = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == diff_match_patch.DIFF_EQUAL:
            ia += n
            ib += n
        elif op == diff_match_patch.DIFF_DELETE:
            changed_a.extend(range(ia, ia + n))
            ia += n
        else:
            changed_b.extend(range(ib, ib + n))
            ib += n
    return WordDiff(tuple(changed_a), tuple(changed_b), fallback)
