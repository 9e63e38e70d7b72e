"""Bible translation pairs: pair recall/precision against verse numbers, and speed against difflib.

    python -m benchmarks.bible /work/.mirror/scrollmapper+bible_databases/repo
    python -m benchmarks.bible MIRROR --pairs KJV/ASV,KJV/BBE --no-speed
    python -m benchmarks.bible MIRROR --book Exodus --no-speed   # held-out book

MIRROR is a git directory of github:scrollmapper/bible_databases (``fetch`` brings it). The
SWORD modules under ``sources/en/<T>/<T>.zip`` are read in memory (nothing is written or
committed): book Genesis of each translation, KJV versification (1,533 verses; NHEB uses
NRSV versification, identical for Genesis), markup, notes and titles stripped.

Layout: each chapter is one paragraph and its verses follow one another as prose, without
verse numbers (numbers would be free anchors no real pair of documents has).

Scoring (the truth is the verse numbers: verse v of A says what verse v of B says). The
engine pairs whole sentences, a verse may hold several sentences and a sentence may span
verses (KJV joins whole genealogies with colons), so the verse sets of a match are found as
in benchmarks.accuracy, with *verses* in place of sentences: a match involves a verse when
it covers 30% of it or 40 characters; a shared run links word i of A with word i of B.
- pair recall = share of verses v that some match links (v of A with v of B);
- precision = share of the matches (reworded and shared) that are right: a match is right
  when the verses it involves in A and in B overlap (for a shared run: some word of it
  sits in verse v on both sides). A match over A verses {3, 4, 5} and B verses {3, 4}
  is right (A's verse 5 rides along inside a sentence that also holds 3 and 4);
- wrong links (reported too, stricter): links (va, vb), va != vb, where vb is not among
  the match's A verses and va not among its B verses.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import statistics
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.accuracy import Gold, GoldPair, involved, predicted_links
from benchmarks.corpus import join_paragraphs
from core.comparison.engine import compare
from core.model import Match, Options, Result
from core.readers.load import document_from_text

# Verses per chapter of Genesis (KJV versification).
GENESIS = (31, 25, 24, 26, 32, 22, 24, 22, 29, 32, 32, 20, 18, 24, 21, 16, 27, 33, 38, 18,
           34, 24, 20, 67, 34, 35, 46, 22, 35, 43, 55, 32, 20, 31, 29, 43, 36, 30, 23, 23,
           57, 38, 34, 34, 28, 34, 31, 22, 33, 26)
# ... and of Exodus, the next book (a held-out check: nothing was tuned on it).
EXODUS = (22, 25, 22, 31, 23, 30, 25, 32, 35, 29, 10, 51, 22, 31, 27, 36, 16, 27, 25, 26, 36,
          31, 33, 18, 40, 37, 21, 43, 46, 38, 18, 35, 23, 35, 35, 38, 29, 31, 43, 38)
BOOKS = {"Genesis": GENESIS, "Exodus": EXODUS}  # in canon order
DEFAULT_PAIRS = "KJV/ASV,KJV/Webster,KJV/NHEB,KJV/YLT,KJV/BBE,ASV/BBE"
_DROP_RE = re.compile(r"<(note|title|RF)\b[^>]*>.*?</\1>|<RF>.*?<Rf>", re.S)
_TAG_RE = re.compile(r"<[^>]*>")
_SPACE_RE = re.compile(r"\s+")


def genesis(mirror: Path, name: str, book: str = "Genesis") -> list[list[str]]:
    """The verses of Genesis (or ``book``), chapter by chapter, of translation ``name``."""
    data = subprocess.run(
        ["git", f"--git-dir={mirror}", "show", f"HEAD:sources/en/{name}/{name}.zip"],
        check=True, capture_output=True).stdout
    files = zipfile.ZipFile(io.BytesIO(data))
    base = next(n[:-len("ot.bzv")] for n in files.namelist() if n.endswith("/ot.bzv"))
    bzs, bzv, bzz = (files.read(base + ext) for ext in ("ot.bzs", "ot.bzv", "ot.bzz"))
    blocks = [struct.unpack_from("<III", bzs, k) for k in range(0, len(bzs), 12)]
    entries = [struct.unpack_from("<IIH", bzv, k) for k in range(0, len(bzv), 10)]
    cache: dict[int, bytes] = {}

    def entry(index: int) -> str:
        block, offset, size = entries[index]
        if block not in cache:
            start, length, _ = blocks[block]
            cache[block] = zlib.decompress(bzz[start:start + length])
        return cache[block][offset:offset + size].decode("utf-8", "replace")

    # Index 0, 1: module and testament headings, 2: the book heading; then per chapter a
    # heading entry followed by its verses; then the next book's heading, and so on.
    names = list(BOOKS)
    index = 3 + sum(1 + len(BOOKS[n]) + sum(BOOKS[n]) for n in names[:names.index(book)])
    chapters = []
    for count in BOOKS[book]:
        index += 1
        chapters.append([_plain(entry(index + k)) for k in range(count)])
        index += count
    return chapters


def _plain(markup: str) -> str:
    text = _TAG_RE.sub("", _DROP_RE.sub("", markup))
    text = text.replace("`", "'").replace("--", " - ")
    return _SPACE_RE.sub(" ", text).strip()


def layout(chapters: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """The text (a paragraph per chapter) and the character range of every verse."""
    return join_paragraphs(chapters)


@dataclass(frozen=True)
class VerseScore:
    """Verses linked to their counterpart, right and wrong matches, and wrong links."""

    verses: int
    found: int
    matches: int
    right: int
    wrong_links: int
    seconds: float

    @property
    def recall(self) -> float:
        return self.found / self.verses if self.verses else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.matches if self.matches else 1.0


def score_verses(result: Result, gold: Gold) -> VerseScore:
    """Pair recall and precision of the result's matches against verse numbers."""
    links = predicted_links(result.matches, gold)
    found = sum((p.a[0], p.b[0]) in links for p in gold.pairs)
    matches = right = wrong_links = 0
    for m in result.matches:
        own = predicted_links([m], gold)
        if not own:
            continue  # covers too little of any verse to be judged
        va, vb = _verses(m, gold) if m.kind == "reworded" else (set(), set())
        matches += 1
        right += any(i == j for i, j in own) or bool(va & vb)
        wrong_links += sum(i != j and j not in va and i not in vb for i, j in own)
    return VerseScore(len(gold.pairs), found, matches, right, wrong_links, result.elapsed)


def _verses(m: Match, gold: Gold) -> tuple[set[int], set[int]]:
    """The verses a reworded match involves in A and in B."""
    va = involved(m.a, gold.sentences_a, [s for s, _ in gold.sentences_a])
    vb = involved(m.b, gold.sentences_b, [s for s, _ in gold.sentences_b])
    return set(va), set(vb)


def make_gold(a: list[list[str]], b: list[list[str]]) -> Gold:
    """Both texts, verses as the units, verse v of A paired with verse v of B."""
    text_a, ranges_a = layout(a)
    text_b, ranges_b = layout(b)
    # Verses empty in either translation (none in Genesis) would have no counterpart.
    pairs = [GoldPair((k,), (k,), "reworded") for k in range(len(ranges_a))
             if ranges_a[k][1] > ranges_a[k][0] and ranges_b[k][1] > ranges_b[k][0]]
    return Gold(text_a, text_b, ranges_a, ranges_b, pairs)


def run(gold: Gold, semantic: bool) -> VerseScore:
    """Compare the two texts once and score the result."""
    options = Options(semantic=semantic)
    result = compare(document_from_text(gold.text_a, "a"), document_from_text(gold.text_b, "b"),
                     options)
    return score_verses(result, gold)


def median_time(task: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds (this process, all threads) of ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        task()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def difflib_words(gold: Gold, autojunk: bool) -> Callable[[], object]:
    """Word-level SequenceMatcher over the same two texts (whitespace-separated words)."""
    wa, wb = gold.text_a.split(), gold.text_b.split()
    return lambda: difflib.SequenceMatcher(None, wa, wb, autojunk=autojunk).get_opcodes()


def misses(gold: Gold, result: Result, limit: int) -> list[str]:
    """Verses not linked to their counterpart (for -v)."""
    links = predicted_links(result.matches, gold)
    out = []
    for p in gold.pairs:
        k = p.a[0]
        if (k, k) not in links and len(out) < limit:
            sa, sb = gold.sentences_a[k], gold.sentences_b[k]
            out.append(f"  MISSED {k}: {gold.text_a[sa[0]:sa[1]][:90]!r}")
            out.append(f"        <-> {gold.text_b[sb[0]:sb[1]][:90]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy table per translation pair, then the speed table."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("mirror", type=Path, help="git dir of scrollmapper/bible_databases")
    parser.add_argument("--pairs", default=DEFAULT_PAIRS, help="A/B,A/B,... translations")
    parser.add_argument("--book", default="Genesis", choices=list(BOOKS),
                        help="the book to compare (Exodus: a held-out check)")
    parser.add_argument("--no-speed", action="store_true", help="accuracy table only")
    parser.add_argument("--no-semantic", action="store_true", help="lexical scorer only")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median)")
    parser.add_argument("-v", "--verbose", type=int, default=0, metavar="N",
                        help="list up to N missed verses per pair")
    args = parser.parse_args(argv)
    books: dict[str, list[list[str]]] = {}
    pairs = [tuple(p.split("/")) for p in args.pairs.split(",")]
    for name in {n for p in pairs for n in p}:
        books[name] = genesis(args.mirror, name, args.book)
    modes = [False] if args.no_semantic else [False, True]
    print(f"{'pair':<14}{'semantic':>9}{'verses':>8}{'found':>7}{'matches':>8}{'wrong':>7}"
          f"{'recall':>8}{'precision':>11}{'bad links':>10}{'seconds':>9}")
    for a, b in pairs:
        gold = make_gold(books[a], books[b])
        for semantic in modes:
            result = compare(document_from_text(gold.text_a, a),
                             document_from_text(gold.text_b, b), Options(semantic=semantic))
            s = score_verses(result, gold)
            print(f"{a + '/' + b:<14}{'on' if semantic else 'off':>9}{s.verses:>8}{s.found:>7}"
                  f"{s.matches:>8}{s.matches - s.right:>7}{s.recall:>8.3f}{s.precision:>11.3f}"
                  f"{s.wrong_links:>10}{s.seconds:>9.2f}")
            for line in misses(gold, result, args.verbose):
                print(line)
    if not args.no_speed:
        speed(make_gold(books[pairs[0][0]], books[pairs[0][1]]), pairs[0], modes, args.runs,
              args.book)
    return 0


def speed(gold: Gold, pair: tuple[str, ...], modes: list[bool], runs: int,
          book: str = "Genesis") -> None:
    """Engine vs word-level difflib on one pair, same process, medians of wall and CPU time.

    The ratio is against difflib without its "popular word" heuristic (autojunk=False: a
    true longest-match word diff); difflib's default, which drops words in over 1% of
    the text from matching ("the", "and", "God"), is shown too.
    """
    size = (len(gold.text_a.encode()) + len(gold.text_b.encode())) // 2
    print(f"\nspeed {pair[0]}/{pair[1]} ({book}, {size // 1000} KB per side), "
          f"median of {runs}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'task':<30}{'wall s':>8}{'CPU s':>8}{'wall ratio':>12}{'CPU ratio':>11}")
    base = median_time(difflib_words(gold, autojunk=False), runs)
    rows = [("difflib words, autojunk off", base),
            ("difflib words, default", median_time(difflib_words(gold, autojunk=True), runs))]
    docs = (document_from_text(gold.text_a, "a"), document_from_text(gold.text_b, "b"))
    for semantic in modes:
        rows.append((f"engine, semantic {'on' if semantic else 'off'}",
                     median_time(lambda s=semantic: compare(*docs, Options(semantic=s)), runs)))
    for label, (wall, cpu) in rows:
        print(f"{label:<30}{wall:>8.2f}{cpu:>8.2f}{wall / base[0]:>12.3f}{cpu / base[1]:>11.3f}")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
