"""Truthful coverage and speed: independent texts stay unique, paraphrases are found, time per size.

    python -m benchmarks.independent            # all tables
    python -m benchmarks.independent --no-speed # coverage only

Tables:
- independent same-topic texts: share of each side marked shared or reworded (target <= 10%);
  the ferry gold pair and generated pairs (two texts drawn from the same topic vocabulary
  with different seeds, so names, places and stock words recur but no sentence is shared);
- paraphrase: share of each side marked reworded or shared on the heavy-paraphrase gold pair
  and on a generated "translation-like" pair (every sentence reworded; target >= 80%);
- speed: the engine at 3 KB (the example pair), 190 KB and 1 MB per side, with and without
  the semantic scorer, against difflib on the same word lists in the same process.
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import benchmarks.corpus as corpus
from core.comparison.engine import compare
from core.model import Document, Options, Result
from core.readers.load import document_from_text, load_document

ROOT = Path(__file__).resolve().parent.parent


def options(semantic: bool) -> Options:
    """Options with the semantic scorer on or off (read with getattr by the engine)."""
    try:
        return Options(semantic=semantic)  # type: ignore[call-arg]
    except TypeError:
        class Chosen(Options):
            pass
        Chosen.semantic = semantic  # type: ignore[attr-defined]
        return Chosen()


def found(result: Result) -> tuple[float, float]:
    """Share of A and of B marked shared or reworded."""
    return result.summary.a.found_in_other, result.summary.b.found_in_other


def pair_docs(name: str) -> tuple[Document, Document]:
    """A test pair from tests/data/pairs."""
    base = ROOT / "tests" / "data" / "pairs" / name
    return load_document(base / "a.txt"), load_document(base / "b.txt")


def independent_pairs(size: int, count: int) -> list[tuple[str, Document, Document]]:
    """The ferry gold pair and generated independent same-topic pairs."""
    out = [("ferry (gold)", *pair_docs("ferry"))]
    for seed in range(count):
        a = corpus.generate_pair(size, seed=100 + 2 * seed).text_a
        b = corpus.generate_pair(size, seed=101 + 2 * seed).text_a
        out.append((f"generated {size // 1000}k #{seed}", document_from_text(a, "a"),
                    document_from_text(b, "b")))
    return out


def translation_like(size: int, seed: int = 1) -> tuple[str, str]:
    """A generated pair where nearly every sentence of A is reworded in B."""
    saved = {k: getattr(corpus, k) for k in ("P_DELETE", "P_REWORD", "P_INSERT", "P_SPLIT",
                                               "P_MERGE", "P_MOVE_PARAGRAPH")}
    try:
        corpus.P_DELETE, corpus.P_REWORD, corpus.P_INSERT = 0.0, 0.96, 0.0
        corpus.P_SPLIT, corpus.P_MERGE, corpus.P_MOVE_PARAGRAPH = 0.02, 0.02, 0.0
        generated = corpus.generate_pair(size, seed=seed)
    finally:
        for k, v in saved.items():
            setattr(corpus, k, v)
    return generated.text_a, generated.text_b


def coverage_tables(semantic: bool) -> list[str]:
    """Independent and paraphrase coverage lines."""
    lines = [f"{'independent pair':<22}{'A found':>9}{'B found':>9}   (target <= 0.10 each)"]
    for label, a, b in independent_pairs(3_000, 5):
        fa, fb = found(compare(a, b, options(semantic)))
        lines.append(f"{label:<22}{fa:>9.3f}{fb:>9.3f}")
    lines.append("")
    lines.append(f"{'paraphrase pair':<22}{'A rew':>9}{'B rew':>9}{'A found':>9}{'B found':>9}"
                 "   (target >= 0.80 reworded)")
    ta, tb = translation_like(20_000)
    for label, (a, b) in (("hospital (gold)", pair_docs("hospital")),
                          ("outbreak (gold)", pair_docs("outbreak")),
                          ("translation-like 20k", (document_from_text(ta, "a"),
                                                    document_from_text(tb, "b")))):
        r = compare(a, b, options(semantic))
        lines.append(f"{label:<22}{r.summary.a.share('reworded'):>9.3f}"
                     f"{r.summary.b.share('reworded'):>9.3f}{found(r)[0]:>9.3f}{found(r)[1]:>9.3f}")
    return lines


def median_time(task: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        task()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def speed_table(sizes: list[int]) -> list[str]:
    """Engine with and without semantic scoring against difflib, per size."""
    head = (f"{'size/side':>10} | {'lexical s':>9} {'semantic cold s':>15} {'warm s':>7} | "
            f"{'difflib s':>9} | {'lexical/difflib':>15} {'semantic/difflib':>16}")
    lines = [head, "-" * len(head)]
    cold_done = False
    for size in sizes:
        if size <= 5_000:
            a = load_document(ROOT / "examples" / "original.txt")
            b = load_document(ROOT / "examples" / "rewrite.txt")
        else:
            g = corpus.generate_pair(size, seed=1)
            a, b = document_from_text(g.text_a, "a"), document_from_text(g.text_b, "b")
        lines.append(_speed_row(a, b, 5 if size <= 5_000 else 3 if size < 500_000 else 1,
                                cold_done))
        cold_done = True
    return lines


def _speed_row(a: Document, b: Document, runs: int, cold_done: bool) -> str:
    lexical = median_time(lambda: compare(a, b, options(False)), runs)
    cold = float("nan")
    note = ""
    if not cold_done:
        started = time.perf_counter()
        notes = compare(a, b, options(True)).notes
        cold = time.perf_counter() - started
        note = f"   note: {'; '.join(notes)}" if notes else ""
    warm = median_time(lambda: compare(a, b, options(True)), runs)
    words_a, words_b = a.text.split(), b.text.split()
    base = median_time(
        lambda: difflib.SequenceMatcher(None, words_a, words_b).get_matching_blocks(), runs)
    return (f"{len(a.text) // 1000:>8} KB | {lexical:>9.3f} {cold:>15.3f} {warm:>7.3f} | "
            f"{base:>9.3f} | {lexical / base:>15.3f} {warm / base:>16.3f}{note}")


def main(argv: list[str] | None = None) -> int:
    """Print the coverage and speed tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-speed", action="store_true", help="coverage tables only")
    parser.add_argument("--sizes", default="3000,190000,1000000",
                        help="characters per side for the speed table")
    args = parser.parse_args(argv)
    for semantic in (False, True):
        print(f"== coverage, semantic scorer {'on' if semantic else 'off'}")
        print("\n".join(coverage_tables(semantic)), flush=True)
        print()
    if not args.no_speed:
        print("== speed (median wall time; cold = first semantic comparison in the process, "
              "model load included)", flush=True)
        print("\n".join(speed_table([int(s) for s in args.sizes.split(",")])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
