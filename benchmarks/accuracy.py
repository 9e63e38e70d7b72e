"""Score engine matches against gold sentence pairs (gold JSON files or generated corpora)."""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.comparison.engine import compare
from core.comparison.segment import WORD_RE
from core.model import Match, Options, Result
from core.readers.load import document_from_text

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
# A match involves a sentence when it covers this share of it (or MIN_OVERLAP_CHARS).
MIN_OVERLAP_SHARE = 0.3
MIN_OVERLAP_CHARS = 40
# A verbatim run links two sentences when at least this many of its words fall in both.
MIN_RUN_WORDS = 3

Range = tuple[int, int]


@dataclass(frozen=True)
class GoldPair:
    """Sentences ``a`` of A carry the same content as sentences ``b`` of B."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    kind: str
    moved: bool | None = None  # True/False when known (generated corpora), else None


@dataclass
class Gold:
    """Sentence ranges of both texts and the pairs between them (unlisted = unique)."""

    text_a: str
    text_b: str
    sentences_a: list[Range]
    sentences_b: list[Range]
    pairs: list[GoldPair] = field(default_factory=list)


@dataclass(frozen=True)
class Score:
    """Gold pairs found/missed and predicted sentence links that no gold pair has."""

    gold_pairs: int
    found: int
    predicted_links: int
    correct_links: int
    missed: tuple[GoldPair, ...]
    spurious: tuple[tuple[int, int], ...]
    moved_gold: int = 0  # found gold pairs known to be moved ...
    moved_flagged: int = 0  # ... of which the engine marked moved
    still_gold: int = 0  # found gold pairs known not to be moved ...
    still_flagged: int = 0  # ... of which the engine wrongly marked moved

    @property
    def recall(self) -> float:
        """Share of gold pairs with at least one predicted link between their sentences."""
        return self.found / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def precision(self) -> float:
        """Share of predicted (A sentence, B sentence) links that a gold pair contains."""
        return self.correct_links / self.predicted_links if self.predicted_links else 1.0


def load_gold(path: str | Path) -> Gold:
    """A gold JSON file (see tests/data/gold/README.md) as sentence ranges and pairs."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    text_a = (ROOT / data["a"]).read_text(encoding="utf-8")
    text_b = (ROOT / data["b"]).read_text(encoding="utf-8")
    sa = _ranges(text_a, [s for p in data["pairs"] for s in p["a"]] + data["unique_a"])
    sb = _ranges(text_b, [s for p in data["pairs"] for s in p["b"]] + data["unique_b"])
    order_a = {r: i for i, r in enumerate(sorted(sa.values()))}
    order_b = {r: i for i, r in enumerate(sorted(sb.values()))}
    pairs = [
        GoldPair(tuple(order_a[sa[s]] for s in p["a"]), tuple(order_b[sb[s]] for s in p["b"]),
                 p["kind"])
        for p in data["pairs"]
    ]
    return Gold(text_a, text_b, sorted(sa.values()), sorted(sb.values()), pairs)


def _ranges(text: str, sentences: Iterable[str]) -> dict[str, Range]:
    out = {}
    for s in sentences:
        start = text.index(s)
        out[s] = (start, start + len(s))
    return out


def involved(span: Range, sentences: Sequence[Range], starts: Sequence[int]) -> list[int]:
    """Indexes of the sentences a character range covers enough of."""
    out = []
    k = max(0, bisect_right(starts, span[0]) - 1)
    while k < len(sentences) and sentences[k][0] < span[1]:
        start, end = sentences[k]
        overlap = min(end, span[1]) - max(start, span[0])
        if overlap > 0 and (overlap >= MIN_OVERLAP_SHARE * (end - start)
                            or overlap >= MIN_OVERLAP_CHARS):
            out.append(k)
        k += 1
    return out


def predicted_links(matches: Iterable[Match], gold: Gold) -> set[tuple[int, int]]:
    """(A sentence, B sentence) pairs that some engine match connects.

    A reworded match links every sentence it covers on one side with every one on the
    other. A shared match is word-for-word, so its i-th word in A is linked with its
    i-th word in B: a run crossing a sentence boundary does not link neighbours.
    """
    starts_a = [s for s, _ in gold.sentences_a]
    starts_b = [s for s, _ in gold.sentences_b]
    links: set[tuple[int, int]] = set()
    for m in matches:
        if m.kind == "shared":
            links.update(_run_links(m, gold, starts_a, starts_b))
            continue
        ia = involved(m.a, gold.sentences_a, starts_a)
        ib = involved(m.b, gold.sentences_b, starts_b)
        links.update((i, j) for i in ia for j in ib)
    return links


def _run_links(m: Match, gold: Gold, starts_a: Sequence[int],
               starts_b: Sequence[int]) -> set[tuple[int, int]]:
    words_a = [w.start() for w in WORD_RE.finditer(gold.text_a, *m.a)]
    words_b = [w.start() for w in WORD_RE.finditer(gold.text_b, *m.b)]
    if not words_a or not words_b:
        return set()
    counts: dict[tuple[int, int], int] = {}
    n = max(len(words_a), len(words_b))
    for k in range(n):
        pa = words_a[k * len(words_a) // n]
        pb = words_b[k * len(words_b) // n]
        key = (_sentence_at(pa, starts_a), _sentence_at(pb, starts_b))
        counts[key] = counts.get(key, 0) + 1
    return {key for key, c in counts.items()
            if c >= MIN_RUN_WORDS and key[0] >= 0 and key[1] >= 0}


def _sentence_at(pos: int, starts: Sequence[int]) -> int:
    return bisect_right(starts, pos) - 1


def score(result: Result, gold: Gold) -> Score:
    """Compare the engine's matches with the gold pairs, at sentence level."""
    links = predicted_links(result.matches, gold)
    moved_links = predicted_links([m for m in result.matches if m.moved], gold)
    gold_links = {(i, j) for p in gold.pairs for i in p.a for j in p.b}
    missed = tuple(p for p in gold.pairs if not _linked(p, links))
    found = [p for p in gold.pairs if _linked(p, links)]
    moved = [p for p in found if p.moved]
    still = [p for p in found if p.moved is False]
    return Score(
        gold_pairs=len(gold.pairs),
        found=len(found),
        predicted_links=len(links),
        correct_links=len(links & gold_links),
        missed=missed,
        spurious=tuple(sorted(links - gold_links)),
        moved_gold=len(moved),
        moved_flagged=sum(_linked(p, moved_links) for p in moved),
        still_gold=len(still),
        still_flagged=sum(_linked(p, moved_links) for p in still),
    )


def _linked(pair: GoldPair, links: set[tuple[int, int]]) -> bool:
    return any((i, j) in links for i in pair.a for j in pair.b)


def run_gold(path: Path, options: Options | None = None) -> tuple[Gold, Score]:
    """Run the engine on one gold pair and score it."""
    gold = load_gold(path)
    result = compare(document_from_text(gold.text_a, "a"), document_from_text(gold.text_b, "b"),
                     options or Options())
    return gold, score(result, gold)


def _excerpt(text: str, span: Range, width: int = 70) -> str:
    s = text[span[0]:span[1]]
    return s if len(s) <= width else s[: width - 1] + "…"


def describe(gold: Gold, result: Score) -> list[str]:
    """Human-readable lines for the missed pairs and spurious links of one score."""
    lines = []
    for p in result.missed:
        a = " / ".join(_excerpt(gold.text_a, gold.sentences_a[i]) for i in p.a)
        b = " / ".join(_excerpt(gold.text_b, gold.sentences_b[j]) for j in p.b)
        lines.append(f"  MISSED {p.kind}: A[{','.join(map(str, p.a))}] {a!r}")
        lines.append(f"      <-> B[{','.join(map(str, p.b))}] {b!r}")
    for i, j in result.spurious:
        lines.append(f"  SPURIOUS A[{i}] {_excerpt(gold.text_a, gold.sentences_a[i])!r}")
        lines.append(f"      <-> B[{j}] {_excerpt(gold.text_b, gold.sentences_b[j])!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print per-pair accuracy on the gold files (``python -m benchmarks.accuracy``)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="gold JSON files (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses/spurious")
    args = parser.parse_args(argv)
    files = args.files or sorted(GOLD_DIR.glob("*.json"))
    print(f"{'pair':<16}{'gold':>6}{'found':>7}{'missed':>8}{'links':>7}{'spurious':>10}"
          f"{'recall':>8}{'precision':>11}")
    for path in files:
        gold, result = run_gold(path)
        print(f"{path.stem:<16}{result.gold_pairs:>6}{result.found:>7}{len(result.missed):>8}"
              f"{result.predicted_links:>7}{len(result.spurious):>10}{result.recall:>8.2f}"
              f"{result.precision:>11.2f}")
        if args.verbose:
            for line in describe(gold, result):
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
