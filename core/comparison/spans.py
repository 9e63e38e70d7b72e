"""Turn per-token labels into spans that tile each document, mark moved matches, sum up."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from core.comparison.segment import Token
from core.model import DocSummary, Kind, Span

UNLABELLED = -1
# The characters summarise() does not count (as code points).
_SPACE_POINTS = np.asarray([ord(c) for c in " \n\t\r\f\v\u00a0"], dtype="<u4")


def build_spans(text: str, tokens: Sequence[Token], labels: Sequence[int],
                kinds: Sequence[Kind]) -> tuple[Span, ...]:
    """Spans in order; every non-whitespace character of ``text`` lies in exactly one.

    ``labels[t]`` is the match id of token t (or UNLABELLED); ``kinds[id]`` its kind.
    Punctuation between words joins the word it is glued to, else the word before it.
    """
    return tuple(
        Span(start, end, kinds[label] if label != UNLABELLED else "unique",
             label if label != UNLABELLED else None)
        for start, end, label in zip(*span_table(text, tokens, labels))
    )


def span_table(text: str, tokens: Sequence[Token], labels: Sequence[int],
               ) -> tuple[list[int], list[int], list[int]]:
    """The start, end and label of every span of build_spans, as three lists.

    Columns, not a list per span: the caller makes each Span once, with its final id.
    """
    if not len(tokens):
        bounds = _strip(text, 0, len(text))
        return ([bounds[0]], [bounds[1]], [UNLABELLED]) if bounds else ([], [], [])
    starts, ends, marks = _token_runs(tokens, labels)
    starts[0] = _first_non_space(text, 0, starts[0])
    for k in range(len(starts) - 1):
        ends[k], starts[k + 1] = _split_gap(text, ends[k], starts[k + 1])
    ends[-1] = _last_non_space(text, ends[-1], len(text))
    return starts, ends, marks


def _token_runs(tokens: Sequence[Token], labels: Sequence[int],
                ) -> tuple[list[int], list[int], list[int]]:
    """Start, end and label of every run of neighbouring tokens with the same label."""
    starts, ends = _offsets(tokens)
    marks = np.asarray(labels)
    firsts = np.flatnonzero(np.r_[True, marks[1:] != marks[:-1]])
    lasts = np.r_[firsts[1:], len(marks)] - 1
    return starts[firsts].tolist(), ends[lasts].tolist(), marks[firsts].tolist()


def _offsets(tokens: Sequence[Token]) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the tokens as arrays (no Token made for a segment.Tokens)."""
    if hasattr(tokens, "starts") and hasattr(tokens, "ends"):
        # Views of a segment.Tokens' C int arrays where they are arrays (no copy).
        return np.asarray(tokens.starts), np.asarray(tokens.ends)
    return (np.asarray([t.start for t in tokens], dtype=np.int64),
            np.asarray([t.end for t in tokens], dtype=np.int64))


def _split_gap(text: str, left_end: int, right_start: int) -> tuple[int, int]:
    """Where the span before a gap ends and the one after it starts."""
    k = left_end
    while k < right_start and not text[k].isspace():
        k += 1  # glued to the word before ("said,")
    m = right_start
    while m > k and not text[m - 1].isspace():
        m -= 1  # glued to the word after ("“Look")
    # Loose punctuation (" - ") stays with the passage before it, within its line.
    newline = text.find("\n", k, m)
    if newline < 0:
        return _last_non_space(text, k, m), m
    return max(k, _last_non_space(text, k, newline)), _first_non_space(text, newline, m)


def _first_non_space(text: str, start: int, limit: int) -> int:
    while start < limit and text[start].isspace():
        start += 1
    return start


def _last_non_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    start = _first_non_space(text, start, end)
    end = _last_non_space(text, start, end)
    return (start, end) if start < end else None


def moved_flags(a_starts: Sequence[int], b_starts: Sequence[int],
                weights: Sequence[int]) -> list[bool]:
    """Matches off the heaviest in-order chain (sorted by A, increasing in B) were moved."""
    n = len(a_starts)
    order = sorted(range(n), key=lambda k: (a_starts[k], b_starts[k]))
    ranks = {b: r for r, b in enumerate(sorted(set(b_starts)), start=1)}
    tree = _MaxTree(len(ranks))
    best = [0.0] * n
    prev = [-1] * n
    for k in order:
        base, base_k = tree.prefix_max(ranks[b_starts[k]] - 1)
        best[k] = base + weights[k]
        prev[k] = base_k
        tree.update(ranks[b_starts[k]], best[k], k)
    in_chain = [False] * n
    k = max(range(n), key=lambda m: best[m], default=-1)
    while k >= 0:
        in_chain[k] = True
        k = prev[k]
    return [not flag for flag in in_chain]


class _MaxTree:
    """Fenwick tree of prefix maxima with the index that reached them."""

    def __init__(self, size: int) -> None:
        self.value = [0.0] * (size + 1)
        self.index = [-1] * (size + 1)

    def update(self, pos: int, value: float, index: int) -> None:
        while pos < len(self.value):
            if value > self.value[pos]:
                self.value[pos], self.index[pos] = value, index
            pos += pos & -pos

    def prefix_max(self, pos: int) -> tuple[float, int]:
        best, best_index = 0.0, -1
        while pos > 0:
            if self.value[pos] > best:
                best, best_index = self.value[pos], self.index[pos]
            pos -= pos & -pos
        return best, best_index


def summarise(text: str, spans: Sequence[Span], tokens: Sequence[Token]) -> DocSummary:
    """Characters (non-whitespace) and words of each kind in one document."""
    chars = dict.fromkeys(("shared", "reworded", "unique"), 0)
    words = dict.fromkeys(("shared", "reworded", "unique"), 0)
    starts = _offsets(tokens)[0]
    bounds = np.fromiter(itertools.chain.from_iterable((s.start, s.end) for s in spans),
                         dtype=np.int64, count=2 * len(spans)).reshape(-1, 2)
    flat = bounds.ravel()
    order = np.argsort(flat, kind="stable")
    solid = np.empty(len(flat), dtype=np.int64)
    solid[order] = _solid_before(text, flat[order])
    solid = solid.reshape(-1, 2)
    counts = (solid[:, 1] - solid[:, 0]).tolist()
    firsts = np.searchsorted(starts, bounds[:, 0], side="left")
    ends = np.searchsorted(starts, bounds[:, 1], side="left")
    for span, n_chars, n_words in zip(spans, counts, (ends - firsts).tolist()):
        chars[span.kind] += n_chars
        words[span.kind] += n_words
    return DocSummary(
        chars=sum(chars.values()), words=sum(words.values()),
        shared_chars=chars["shared"], reworded_chars=chars["reworded"],
        unique_chars=chars["unique"], shared_words=words["shared"],
        reworded_words=words["reworded"], unique_words=words["unique"],
    )


# Characters of text looked at together by _solid_before (about 9 bytes each at a time).
SOLID_BLOCK = 1 << 20


def _solid_before(text: str, positions: np.ndarray) -> np.ndarray:
    """The number of non-whitespace characters before each of ``positions`` (ascending).

    The text goes a block at a time: a running count over a whole 10 MB document would
    take 40 MB of code points and 40 MB of counts at once.
    """
    out = np.zeros(len(positions), dtype=np.int64)
    total = 0
    for lo in range(0, max(1, len(text)), SOLID_BLOCK):
        hi = min(lo + SOLID_BLOCK, len(text))
        points = np.frombuffer(text[lo:hi].encode("utf-32-le", "surrogatepass"), dtype="<u4")
        is_space = np.zeros(len(points), dtype=bool)
        for point in _SPACE_POINTS:  # np.isin would build int64 index arrays
            is_space |= points == point
        solid = np.zeros(len(points) + 1, dtype=np.int32)  # a block is far below 2**31
        np.cumsum(~is_space, out=solid[1:])
        first = np.searchsorted(positions, lo, side="left")
        last = np.searchsorted(positions, hi, side="right")
        out[first:last] = total + solid[positions[first:last] - lo]
        total += int(solid[-1])
    return out
