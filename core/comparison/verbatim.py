"""Find verbatim runs: maximal word sequences of at least N words found in both documents."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.comparison.stems import STOPWORDS

# A word n-gram seen more often than this in A is boilerplate, not evidence of copying.
MAX_SEED_OCCURRENCES = 64
MIN_CONTENT_WORDS = 2
NEAREST_SEEDS = 2  # occurrences tried on each side of the expected place, for common seeds


@dataclass(frozen=True)
class Run:
    """Tokens a[i:i+length] equal b[j:j+length] (token indexes)."""

    i: int
    j: int
    length: int


def encode(words_a: Sequence[str], words_b: Sequence[str]) -> tuple[list[int], list[int]]:
    """Words as small integers (the diff_linesToChars idea): equal words, equal ids."""
    ids: dict[str, int] = {}
    a = [ids.setdefault(w, len(ids)) for w in words_a]
    b = [ids.setdefault(w, len(ids)) for w in words_b]
    return a, b


def maximal_runs(a: list[int], b: list[int], n: int,
                 check: Callable[[], None] | None = None) -> list[Run]:
    """Every maximal common run of at least ``n`` tokens (seed with n-grams, extend)."""
    if n < 1 or len(a) < n or len(b) < n:
        return []
    index: dict[tuple[int, ...], list[int]] = {}
    for i in range(len(a) - n + 1):
        index.setdefault(tuple(a[i:i + n]), []).append(i)
    runs: list[Run] = []
    covered: dict[int, int] = {}  # diagonal i - j -> end of the last run found on it (in b)
    for j in range(len(b) - n + 1):
        if check is not None and j % 4096 == 0:
            check()
        starts = index.get(tuple(b[j:j + n]))
        if not starts:
            continue
        if len(starts) > MAX_SEED_OCCURRENCES:
            # A phrase repeated all over A: try only the places where B's position would
            # put it, so repetitive texts stay linear and still line up.
            starts = nearest(starts, j * len(a) // len(b), NEAREST_SEEDS)
        for i in starts:
            diagonal = i - j
            if covered.get(diagonal, -1) > j:
                continue  # inside a run already extended on this diagonal
            length = n
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            covered[diagonal] = j + length
            runs.append(Run(i, j, length))
    return runs


def nearest(positions: list[int], target: int, count: int) -> list[int]:
    """The ``count`` positions on each side of ``target`` in a sorted list."""
    k = bisect.bisect_left(positions, target)
    return positions[max(0, k - count):k + count]


def tile(runs: list[Run], len_a: int, len_b: int, n: int) -> list[Run]:
    """Greedy string tiling: longest runs first, each token used at most once per side."""
    used_a = bytearray(len_a)
    used_b = bytearray(len_b)
    chosen: list[Run] = []
    # Ties broken by position sums so that swapping A and B picks the mirrored tiles.
    for run in sorted(runs, key=lambda r: (-r.length, r.i + r.j, min(r.i, r.j))):
        for piece in _free_pieces(run, used_a, used_b, n):
            used_a[piece.i:piece.i + piece.length] = b"\x01" * piece.length
            used_b[piece.j:piece.j + piece.length] = b"\x01" * piece.length
            chosen.append(piece)
    return sorted(chosen, key=lambda r: r.i)


def _free_pieces(run: Run, used_a: bytearray, used_b: bytearray, n: int) -> list[Run]:
    pieces = []
    start = None
    for k in range(run.length + 1):
        free = k < run.length and not used_a[run.i + k] and not used_b[run.j + k]
        if free and start is None:
            start = k
        elif not free and start is not None:
            if k - start >= n:
                pieces.append(Run(run.i + start, run.j + start, k - start))
            start = None
    return pieces


def has_content(words: Sequence[str], run: Run) -> bool:
    """True when the run holds enough content words to be more than a stock phrase."""
    content = 0
    for word in words[run.i:run.i + run.length]:
        if word not in STOPWORDS and len(word) > 1:
            content += 1
            if content >= MIN_CONTENT_WORDS:
                return True
    return False


def find_verbatim(words_a: Sequence[str], words_b: Sequence[str], n: int,
                  check: Callable[[], None] | None = None) -> list[Run]:
    """Non-overlapping verbatim runs of at least ``n`` words with real content, in A's order."""
    a, b = encode(words_a, words_b)
    runs = maximal_runs(a, b, n, check)
    return [r for r in tile(runs, len(a), len(b), n) if has_content(words_a, r)]


def trim_at_sentences(runs: list[Run], starts_a: set[int], starts_b: set[int],
                      ends_a: set[int], ends_b: set[int], n: int) -> list[Run]:
    """Drop sentence fragments shorter than ``n`` words that a run drags across a boundary.

    "...before drinking it. Bottled water is being" keeps its first sentence; the four
    words that begin a reworded sentence are left to that sentence's pair.
    """
    out: list[Run] = []
    for run in runs:
        cuts = [0] + [k for k in range(1, run.length)
                      if run.i + k in starts_a or run.j + k in starts_b] + [run.length]
        kept: list[tuple[int, int]] = []
        for p, q in itertools.pairwise(cuts):
            whole = (run.i + p in starts_a and run.j + p in starts_b
                     and run.i + q in ends_a and run.j + q in ends_b)
            if q - p < n and not whole:
                continue
            if kept and kept[-1][1] == p:
                kept[-1] = (kept[-1][0], q)
            else:
                kept.append((p, q))
        out.extend(Run(run.i + p, run.j + p, q - p) for p, q in kept)
    return out
