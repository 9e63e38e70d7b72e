"""Find verbatim runs: maximal word sequences of at least N words found in both documents."""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from core.comparison.stems import STOPWORDS

# A word n-gram seen more often than this in A is boilerplate, not evidence of copying.
MAX_SEED_OCCURRENCES = 64
MIN_CONTENT_WORDS = 2
NEAREST_SEEDS = 2  # occurrences tried on each side of the expected place, for common seeds
SEED_BLOCK = 4096  # seeded B positions handled per block (and between cancel checks)


@dataclass(frozen=True, slots=True)
class Run:
    """Tokens a[i:i+length] equal b[j:j+length] (token indexes)."""

    i: int
    j: int
    length: int


def encode(words_a: Sequence[str], words_b: Sequence[str]) -> tuple[array, array, list[str]]:
    """Words as small integers (the diff_linesToChars idea): equal words, equal ids; and
    the vocabulary (``vocab[id]`` is the word)."""
    ids: dict[str, int] = {}
    a = array("i", [ids.setdefault(w, len(ids)) for w in words_a])
    b = array("i", [ids.setdefault(w, len(ids)) for w in words_b])
    return a, b, list(ids)


# Odd multiplier of the polynomial n-gram hash (mod 2**64); any odd constant works.
HASH_BASE = 0x9E3779B97F4A7C15


def gram_hashes(ids, n: int):
    """A 64-bit hash of every n-gram of ``ids`` (numpy uint64 array of len(ids) - n + 1).

    h(i) = sum(ids[i+k] * B**k), from one prefix sum of ids[k] * B**k rescaled by B**-i,
    all modulo 2**64: linear in the length, whatever n is.
    """
    import numpy as np

    count = len(ids) - n + 1
    with np.errstate(over="ignore"):  # every product and sum wraps modulo 2**64 on purpose
        powers = np.full(len(ids), HASH_BASE, dtype=np.uint64)
        powers[0] = 1
        np.cumprod(powers, out=powers)  # B**k
        words = np.frombuffer(ids, dtype=np.int32).astype(np.uint64)
        words += np.uint64(1)
        powers *= words
        del words
        prefix = np.zeros(len(ids) + 1, dtype=np.uint64)
        np.cumsum(powers, out=prefix[1:])
        del powers
        hashes = prefix[n:] - prefix[:count]
        del prefix
        inverse = np.full(count, pow(HASH_BASE, -1, 2**64), dtype=np.uint64)
        inverse[0] = 1
        np.cumprod(inverse, out=inverse)  # B**-i
        hashes *= inverse
        return hashes


def maximal_runs(a: array, b: array, n: int,
                 check: Callable[[], None] | None = None) -> list[Run]:
    """Every maximal common run of at least ``n`` tokens (seed with n-grams, extend).

    The n-grams of A are hashed and sorted (numpy arrays, no object per word); each B
    position looks its n-gram up by binary search and is checked word by word.
    """
    if n < 1 or len(a) < n or len(b) < n:
        return []
    import numpy as np

    hashes_b = gram_hashes(b, n)  # first: A's hashes then live only while they are sorted
    hashes_a = gram_hashes(a, n)
    order = np.argsort(hashes_a, kind="stable")  # equal n-grams in A's order
    sorted_a = hashes_a[order]
    del hashes_a
    runs: list[Run] = []
    covered: dict[int, int] = {}  # diagonal i - j -> end of the last run found on it (in b)
    # B's positions a block at a time: their places in A, then Python ints for the seeded.
    for block in range(0, len(hashes_b), SEED_BLOCK):
        if check is not None:
            check()
        part = hashes_b[block:block + SEED_BLOCK]
        low = np.searchsorted(sorted_a, part, side="left")
        high = np.searchsorted(sorted_a, part, side="right")
        seeded = np.flatnonzero(high > low)
        for j, lo, hi in zip((seeded + block).tolist(), low[seeded].tolist(),
                             high[seeded].tolist()):
            places = order[lo:hi]  # A's places of this n-gram, ascending (stable sort)
            if hi - lo > MAX_SEED_OCCURRENCES:
                # A phrase repeated all over A: try only the places where B's position
                # would put it, found without listing them all, so that a text of one
                # sentence repeated 30,000 times stays linear (listing them was quadratic).
                k = int(np.searchsorted(places, j * len(a) // len(b)))
                places = places[max(0, k - NEAREST_SEEDS):k + NEAREST_SEEDS]
            _extend_seed(a, b, n, j, places.tolist(), covered, runs)
    return runs


def _extend_seed(a: array, b: array, n: int, j: int, starts: list[int],
                 covered: dict[int, int], runs: list[Run]) -> None:
    """Extend B's n-gram at ``j`` against each of the A places ``starts`` not yet covered."""
    len_a, len_b = len(a), len(b)
    for i in starts:
        diagonal = i - j
        if covered.get(diagonal, -1) > j:
            continue  # inside a run already extended on this diagonal
        if a[i:i + n] != b[j:j + n]:
            continue  # a hash collision, not a shared n-gram
        length = n
        while i + length < len_a and j + length < len_b and a[i + length] == b[j + length]:
            length += 1
        covered[diagonal] = j + length
        runs.append(Run(i, j, length))


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


def has_content(words: Iterable[str]) -> bool:
    """True when a run's words hold enough content words to be more than a stock phrase."""
    content = 0
    for word in words:
        if word not in STOPWORDS and len(word) > 1:
            content += 1
            if content >= MIN_CONTENT_WORDS:
                return True
    return False


def find_verbatim(words_a: Sequence[str], words_b: Sequence[str], n: int,
                  check: Callable[[], None] | None = None) -> list[Run]:
    """Non-overlapping verbatim runs of at least ``n`` words with real content, in A's order."""
    a, b, vocab = encode(words_a, words_b)
    return find_verbatim_ids(a, b, vocab, n, check)


def find_verbatim_ids(ids_a: array, ids_b: array, vocab_a: Sequence[str], n: int,
                      check: Callable[[], None] | None = None) -> list[Run]:
    """find_verbatim for words already given as ids of one vocabulary (array('i'), equal
    words, equal ids); ``vocab_a[id]`` is A's word. No list of a 10 MB document's words."""
    runs = maximal_runs(ids_a, ids_b, n, check)
    return [r for r in tile(runs, len(ids_a), len(ids_b), n)
            if has_content(map(vocab_a.__getitem__, ids_a[r.i:r.i + r.length]))]


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
