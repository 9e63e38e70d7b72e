"""The lexical sentence scorer: TF-IDF cosine over content stems, candidate pairs in numpy."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from core.comparison.segment import Sentence

Vector = dict[str, float]
Pairs = dict[tuple[int, int], float]
# Stems in more sentences than this seed no candidates (they still count in the score).
MAX_SEED_POSTINGS = 40
CANDIDATES_PER_SENTENCE = 6
ROW_BLOCK = 512  # sentences whose candidates are computed together (bounds memory)
MIN_SHARED_STEMS = 2
PAIR_BLOCK = 65536  # candidate pairs turned into Python objects at a time


class _Matrix:
    """Sentence TF-IDF vectors of one document as a CSR matrix (stems sorted per row).

    24 bytes a (sentence, stem) entry: stem ids and row numbers as int32, weights and
    the sorted (row, stem) keys as 64-bit.
    """

    def __init__(self, sentences: Sequence[Sentence], ids: dict[str, int], idf: np.ndarray):
        # C arrays while building: a Python list holds an int object an entry.
        indptr = array("q", [0])
        indices = array("i")
        counts = array("i")
        for sentence in sentences:
            row = sorted((ids[s], c) for s, c in Counter(sentence.stems).items())
            indices.extend(k for k, _ in row)
            counts.extend(c for _, c in row)
            indptr.append(len(indices))
        self.n = len(sentences)
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.indices = np.asarray(indices, dtype=np.int32)
        self.data = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idf[self.indices]
        del counts
        rows = _row_numbers(self.indptr, 0, self.n)
        # Summed entry by entry in stem order, so a row's norm never depends on the other side.
        self.norms = np.sqrt(np.bincount(rows, weights=self.data * self.data,
                                         minlength=self.n))
        self.width = max(1, len(idf))
        self.keys = rows * self.width + self.indices  # sorted: rows, then stems
        self.rows = rows.astype(np.int32)

    def block(self, start: int, stop: int) -> _Matrix:
        """Rows start..stop as a matrix of their own (row numbers from 0; views, no copies)."""
        part = object.__new__(_Matrix)
        lo, hi = int(self.indptr[start]), int(self.indptr[stop])
        part.n = stop - start
        part.indptr = self.indptr[start:stop + 1] - lo
        part.indices, part.data = self.indices[lo:hi], self.data[lo:hi]
        part.rows = _row_numbers(self.indptr, start, stop) - start
        part.norms = self.norms[start:stop]
        part.width = self.width
        part.keys = self.keys[lo:hi] - start * self.width
        return part


def _row_numbers(indptr: np.ndarray, start: int, stop: int) -> np.ndarray:
    """The row (int64) of every entry of rows start..stop."""
    return np.repeat(np.arange(start, stop, dtype=np.int64), np.diff(indptr[start:stop + 1]))


class TfidfScorer:
    """Cosine similarity of TF-IDF vectors over content-word stems (a SentenceScorer)."""

    def __init__(self, sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence]):
        df: Counter[str] = Counter()
        for sentence in (*sentences_a, *sentences_b):
            df.update(set(sentence.stems))
        total = len(sentences_a) + len(sentences_b)
        self.df = df
        self.idf = {s: math.log((total + 1) / (n + 1)) + 1.0 for s, n in df.items()}
        vocabulary = sorted(df)
        ids = {s: k for k, s in enumerate(vocabulary)}
        idf = np.asarray([self.idf[s] for s in vocabulary], dtype=np.float64)
        self._vocabulary = len(vocabulary)
        # The matrices are made by candidates() and dropped when it returns (24 bytes a
        # sentence stem: ~50 MB at 10 MB a side, of no use to score() and coverage()).
        self._sentences = (sentences_a, sentences_b)
        self._ids, self._idf = ids, idf

    def vector(self, sentences: Sequence[Sentence]) -> Vector:
        """TF-IDF vector (dampened term frequency) of the sentences' stems together."""
        counts: Counter[str] = Counter()
        for sentence in sentences:
            counts.update(sentence.stems)
        return {s: (1.0 + math.log(c)) * self.idf[s] for s, c in counts.items()}

    def score(self, a: Sequence[Sentence], b: Sequence[Sentence]) -> float:
        """Cosine of the two runs' vectors; 0 when they share fewer than two stems."""
        return cosine(self.vector(a), self.vector(b))

    def coverage(self, part: Sequence[Sentence], other: Sequence[Sentence]) -> float:
        """Share of ``part``'s TF-IDF weight carried by stems that ``other`` also has."""
        va, vb = self.vector(part), self.vector(other)
        total = sum(va.values())
        return sum(w for s, w in va.items() if s in vb) / total if total else 0.0

    def candidates(self, floor: float, check: Callable[[], None]) -> Pairs:
        """Pairs sharing distinctive stems, scored exactly: the best few of each sentence.

        Seeding runs from both sides, so that a pair is a candidate whichever file is A.
        """
        matrix_a = _Matrix(self._sentences[0], self._ids, self._idf)
        matrix_b = _Matrix(self._sentences[1], self._ids, self._idf)
        from_a = _best_per_row(matrix_a, matrix_b, self._vocabulary, floor, check)
        check()
        from_b = _best_per_row(matrix_b, matrix_a, self._vocabulary, floor, check)
        del matrix_a, matrix_b  # before the pairs become Python objects
        # One int object per sentence, shared by the pairs (a 10 MB pair has ~10**6 pairs).
        index_a = list(range(len(self._sentences[0])))
        index_b = list(range(len(self._sentences[1])))
        scores: Pairs = {}
        for i, j, sim in _as_python(*from_a):
            scores[(index_a[i], index_b[j])] = sim
        for j, i, sim in _as_python(*from_b):
            scores.setdefault((index_a[i], index_b[j]), sim)
        return scores


def _as_python(*columns: np.ndarray) -> Iterator[tuple]:
    """The rows of these columns as tuples of Python numbers, a block at a time."""
    for start in range(0, len(columns[0]), PAIR_BLOCK):
        yield from zip(*(column[start:start + PAIR_BLOCK].tolist() for column in columns))


def cosine(va: Vector, vb: Vector) -> float:
    """Cosine similarity of two sparse vectors, 0 unless they share MIN_SHARED_STEMS stems."""
    if len(va) > len(vb):
        va, vb = vb, va
    shared = [s for s in va if s in vb]
    if len(shared) < MIN_SHARED_STEMS:
        return 0.0
    dot = sum(va[s] * vb[s] for s in shared)
    norm = math.sqrt(sum(w * w for w in va.values()) * sum(w * w for w in vb.values()))
    return dot / norm if norm else 0.0


def _expand(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups of these lengths: the group of every item and its position in the group."""
    group = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    starts = np.cumsum(lengths) - lengths
    return group, np.arange(int(lengths.sum()), dtype=np.int64) - starts[group]


def _top_per_group(group: np.ndarray, primary: np.ndarray, secondary: np.ndarray,
                   k: int) -> np.ndarray:
    """Indexes of the k smallest (primary, secondary) items of every group."""
    if not len(group):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((secondary, primary, group))
    g = group[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    rank = np.arange(len(g)) - np.repeat(starts, np.diff(np.r_[starts, len(g)]))
    return order[rank < k]


def _best_per_row(rows: _Matrix, cols: _Matrix, vocabulary: int, floor: float,
                  check: Callable[[], None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, cosine) of the best CANDIDATES_PER_SENTENCE columns of every row.

    Rows go ROW_BLOCK at a time: each row's candidates depend on that row alone, and the
    expanded (stem entry x posting) arrays of a whole 10 MB document would take gigabytes.
    """
    empty = np.zeros(0, dtype=np.int64)
    if not rows.n or not cols.n or not vocabulary:
        return empty, empty, np.zeros(0)
    # Postings of the columns' stems; only distinctive stems (short postings) seed pairs.
    by_stem = np.argsort(cols.indices, kind="stable")
    post_len = np.bincount(cols.indices, minlength=vocabulary)
    post_start = np.cumsum(post_len) - post_len
    seeding = (post_len > 0) & (post_len <= MAX_SEED_POSTINGS)
    postings = (by_stem, post_len, post_start, seeding)
    parts = []
    for start in range(0, rows.n, ROW_BLOCK):
        pr, pc, sim = _best_in_block(rows.block(start, min(rows.n, start + ROW_BLOCK)), cols,
                                     postings, vocabulary, floor, check)
        parts.append((pr + start, pc, sim))
    return tuple(np.concatenate(column) for column in zip(*parts))  # type: ignore[return-value]


def _best_in_block(rows: _Matrix, cols: _Matrix, postings: tuple[np.ndarray, ...],
                   vocabulary: int, floor: float, check: Callable[[], None],
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    empty = np.zeros(0, dtype=np.int64)
    by_stem, post_len, post_start, seeding = postings
    mask = seeding[rows.indices]
    e_row, e_stem, e_w = rows.rows[mask], rows.indices[mask], rows.data[mask]
    entry, within = _expand(post_len[e_stem])
    pos = by_stem[post_start[e_stem][entry] + within]
    key = e_row[entry] * cols.n + cols.rows[pos]
    if not len(key):
        return empty, empty, np.zeros(0)
    unique, inverse = np.unique(key, return_inverse=True)
    partial = np.bincount(inverse.ravel(), weights=e_w[entry] * cols.data[pos])
    check()
    # Rank by the distinctive-stem overlap, then score the best few exactly.
    pr, pc = unique // cols.n, unique % cols.n
    keep = _top_per_group(pr, -partial, pc, 2 * CANDIDATES_PER_SENTENCE)
    pr, pc = pr[keep], pc[keep]
    dot, shared = _pair_dots(rows, cols, pr, pc, vocabulary)
    sim = dot / np.maximum(rows.norms[pr] * cols.norms[pc], 1e-300)
    ok = (shared >= MIN_SHARED_STEMS) & (sim >= floor)
    pr, pc, sim = pr[ok], pc[ok], sim[ok]
    keep = _top_per_group(pr, -sim, pc, CANDIDATES_PER_SENTENCE)
    return pr[keep], pc[keep], sim[keep]


def _pair_dots(rows: _Matrix, cols: _Matrix, pr: np.ndarray, pc: np.ndarray,
               vocabulary: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact dot products and shared-stem counts of the pairs (pr[k], pc[k]).

    Products are summed in stem order, the same whichever side is A, so that swapping the
    documents gives bit-identical scores.
    """
    pair, within = _expand(rows.indptr[pr + 1] - rows.indptr[pr])
    entries = rows.indptr[pr][pair] + within
    wanted = pc[pair] * vocabulary + rows.indices[entries]
    found = np.minimum(np.searchsorted(cols.keys, wanted), max(0, len(cols.keys) - 1))
    hit = cols.keys[found] == wanted if len(cols.keys) else np.zeros(len(wanted), dtype=bool)
    products = rows.data[entries[hit]] * cols.data[found[hit]]
    dot = np.bincount(pair[hit], weights=products, minlength=len(pr))
    shared = np.bincount(pair[hit], minlength=len(pr))
    return dot, shared
