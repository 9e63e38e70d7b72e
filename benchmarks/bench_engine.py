"""Benchmark the engine (core.comparison.engine.compare) against difflib and diff-match-patch."""

from __future__ import annotations

import argparse
import difflib
import gc
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from diff_match_patch import diff_match_patch

from benchmarks.accuracy import Gold, Score, score
from benchmarks.corpus import generate_pair, parse_size
from core.comparison.engine import compare
from core.model import Options
from core.readers.load import document_from_text

MB = 1024 * 1024
TARGETS = {100_000: 0.5, 1_000_000: 5.0}  # size -> seconds the engine may take
PEAK_LIMIT = 1024 * MB  # bytes, for the 1 MB pair


@dataclass
class Measure:
    """Wall time (median), tracemalloc peak and resident-set growth of one task."""

    seconds: float
    runs: int
    peak: int = 0
    rss_delta: int | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _hwm_kb() -> int | None:
    """Peak resident set (VmHWM) of this process in KiB, if Linux tells us."""
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    m = re.search(r"VmHWM:\s+(\d+)", text)
    return int(m.group(1)) if m else None


def _reset_hwm() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False where not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def measure(task: Callable[[], object], runs: int) -> tuple[Measure, object]:
    """Median wall time over ``runs`` plain runs, then one run under tracemalloc."""
    times = []
    value: object = None
    for _ in range(runs):
        gc.collect()
        reset = _reset_hwm()
        before = _hwm_kb() if reset else None
        started = time.perf_counter()
        value = task()
        times.append(time.perf_counter() - started)
        after = _hwm_kb() if reset else None
        del value
    rss = (after - before) * 1024 if before is not None and after is not None else None
    gc.collect()
    tracemalloc.start()
    value = task()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Measure(statistics.median(times), runs, peak, rss), value


def run_difflib(words_a: list[str], words_b: list[str]) -> Callable[[], object]:
    """Baseline 1: difflib's matching blocks over the two word lists."""
    return lambda: difflib.SequenceMatcher(None, words_a, words_b).get_matching_blocks()


def run_dmp(text_a: str, text_b: str, timeout: float) -> Callable[[], object]:
    """Baseline 2: diff-match-patch over the raw text, with ``timeout`` seconds allowed."""
    def task() -> object:
        dmp = diff_match_patch()
        dmp.Diff_Timeout = timeout
        return dmp.diff_main(text_a, text_b)

    return task


@dataclass
class Row:
    """Everything measured for one size."""

    label: str
    chars: tuple[int, int]
    engine: Measure
    difflib: Measure | None
    dmp: Measure | None
    accuracy: Score
    gold: Gold
    counts: dict[str, int]


def bench_size(label: str, runs: int, args: argparse.Namespace) -> Row:
    """Generate one pair and measure the engine and both baselines on it."""
    generated = generate_pair(parse_size(label), seed=args.seed)
    text_a, text_b = generated.text_a, generated.text_b
    doc_a, doc_b = document_from_text(text_a, "a.txt"), document_from_text(text_b, "b.txt")
    options = Options()
    engine, result = measure(lambda: compare(doc_a, doc_b, options), runs)
    accuracy = score(result, generated.gold)  # type: ignore[arg-type]
    del result
    diff_m = dmp_m = None
    if not args.no_baselines:
        diff_m, _ = measure(run_difflib(text_a.split(), text_b.split()), runs)
        dmp_m, _ = measure(run_dmp(text_a, text_b, args.dmp_timeout), runs)
        dmp_m.extra["timeout_hit"] = dmp_m.seconds >= args.dmp_timeout * 0.98
    return Row(label, (len(text_a), len(text_b)), engine, diff_m, dmp_m, accuracy,
               generated.gold, generated.counts)


def _mb(n: int | None) -> str:
    return "n/a" if n is None else f"{n / MB:.1f}"


def _ratio(a: float, b: Measure | None) -> str:
    return "-" if b is None or not b.seconds else f"{a / b.seconds:.2f}"


def timing_table(rows: list[Row]) -> list[str]:
    """The speed and memory table, one line per size."""
    base = rows[0]
    base_per_kb = base.engine.seconds / (sum(base.chars) / 1000)
    head = (f"{'size':>5} {'KB A+B':>7} {'runs':>4} | {'engine s':>8} {'peak MB':>8} "
            f"{'RSS+ MB':>8} | {'difflib s':>9} {'peak MB':>8} | {'dmp s':>7} {'peak MB':>8} "
            f"{'timeout':>7} | {'eng/difflib':>11} {'eng/dmp':>7} | {'growth':>6}")
    lines = [head, "-" * len(head)]
    for r in rows:
        per_kb = r.engine.seconds / (sum(r.chars) / 1000)
        d, p = r.difflib, r.dmp
        lines.append(
            f"{r.label:>5} {sum(r.chars) / 1000:>7.0f} {r.engine.runs:>4} | "
            f"{r.engine.seconds:>8.3f} {_mb(r.engine.peak):>8} {_mb(r.engine.rss_delta):>8} | "
            f"{(f'{d.seconds:.3f}' if d else '-'):>9} {(_mb(d.peak) if d else '-'):>8} | "
            f"{(f'{p.seconds:.3f}' if p else '-'):>7} {(_mb(p.peak) if p else '-'):>8} "
            f"{('yes' if p and p.extra.get('timeout_hit') else ('no' if p else '-')):>7} | "
            f"{_ratio(r.engine.seconds, d):>11} {_ratio(r.engine.seconds, p):>7} | "
            f"{per_kb / base_per_kb:>6.2f}"
        )
    return lines


def _recall_by_kind(row: Row) -> str:
    missed = {id(p) for p in row.accuracy.missed}
    parts = []
    for name, test in (("verbatim", lambda p: p.kind == "shared"),
                       ("reworded 1:1", lambda p: p.kind == "reworded" and len(p.a) == len(p.b)),
                       ("split/merge", lambda p: len(p.a) != len(p.b))):
        group = [p for p in row.gold.pairs if test(p)]
        found = sum(id(p) not in missed for p in group)
        parts.append(f"{name} {found}/{len(group)}")
    return ", ".join(parts)


def accuracy_table(rows: list[Row]) -> list[str]:
    """Recall and precision of sentence pairs against the generator's known rewrites."""
    head = (f"{'size':>5} {'gold pairs':>10} {'found':>6} {'recall':>7} {'links':>6} "
            f"{'spurious':>8} {'precision':>9} | {'moved':>9} {'false mv':>9} | "
            "by kind (found/gold)")
    lines = [head, "-" * len(head)]
    for r in rows:
        a = r.accuracy
        lines.append(f"{r.label:>5} {a.gold_pairs:>10} {a.found:>6} {a.recall:>7.3f} "
                     f"{a.predicted_links:>6} {len(a.spurious):>8} {a.precision:>9.3f} | "
                     f"{f'{a.moved_flagged}/{a.moved_gold}':>9} "
                     f"{f'{a.still_flagged}/{a.still_gold}':>9} | {_recall_by_kind(r)}")
    return lines


def target_lines(rows: list[Row]) -> list[str]:
    """PASS/FAIL against the speed, memory and growth targets."""
    lines = []
    for r in rows:
        size = parse_size(r.label)
        if size in TARGETS:
            ok = r.engine.seconds < TARGETS[size]
            lines.append(f"{'PASS' if ok else 'FAIL'}: {r.label} pair in {r.engine.seconds:.2f} s "
                         f"(target < {TARGETS[size]} s)")
        if size >= 1_000_000:
            peak = max(r.engine.peak, r.engine.rss_delta or 0)
            lines.append(f"{'PASS' if peak < PEAK_LIMIT else 'FAIL'}: {r.label} peak "
                         f"{peak / MB:.0f} MB (target < 1024 MB)")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last.engine.seconds / sum(last.chars)) / (first.engine.seconds
                                                            / sum(first.chars))
        verdict = "near-linear" if growth <= 2.0 else "super-linear"
        lines.append(f"{'PASS' if growth <= 2.0 else 'FAIL'}: time per KB at {last.label} is "
                     f"{growth:.2f}x that at {first.label} ({verdict}; target <= 2x)")
    return lines


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line flags."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated, e.g. 10k,100k")
    parser.add_argument("--repeat", type=int, default=None,
                        help="timed runs per size (default 3, and 1 for 1 MB and up)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dmp-timeout", type=float, default=10.0,
                        help="diff-match-patch Diff_Timeout in seconds")
    parser.add_argument("--no-baselines", action="store_true", help="time the engine only")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    args = parse_args(argv)
    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    rows = []
    for label in labels:
        runs = args.repeat or (1 if parse_size(label) >= 1_000_000 else 3)
        print(f"... {label}: {runs} run(s)", file=sys.stderr, flush=True)
        rows.append(bench_size(label, runs, args))
    print(f"Python {sys.version.split()[0]}; sizes are characters per side; "
          "peak MB = tracemalloc peak (Python allocations, separate run); "
          "RSS+ MB = growth of the process's peak resident set during a timed run.")
    print("\n".join(timing_table(rows)))
    print("growth = engine time per KB relative to the first size; "
          f"dmp Diff_Timeout = {args.dmp_timeout:g} s.\n")
    print("Generated rewrites:", "; ".join(f"{r.label}: {r.counts}" for r in rows))
    print("\n".join(accuracy_table(rows)))
    print("moved = found pairs in moved paragraphs that the engine marks moved; "
          "false mv = found pairs not moved that it marks moved.")
    print("\n" + "\n".join(target_lines(rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
