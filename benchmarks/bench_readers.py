"""Load time and memory of the format readers: a 100-page PDF and a 100-page .docx.

Run: `.venv/bin/python -m benchmarks.bench_readers` (prints a table; targets: PDF <= 3 s,
.docx <= 1 s for 100 pages). The same text as plain UTF-8 is the baseline of each row.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from core.readers.load import load_bytes
from tests.readers import fixtures
from tests.readers.article import PARAGRAPHS

TARGETS = {"pdf": 3.0, "docx": 1.0}  # seconds for 100 pages
WORDS_PER_PAGE = 500


def _hwm_kb() -> int:
    match = re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())
    return int(match.group(1)) if match else 0


def _reset_hwm() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def measure(task: Callable[[], object], runs: int) -> tuple[float, int, int]:
    """Median seconds, tracemalloc peak (Python heap) and peak RSS growth (C libraries too)."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    gc.collect()
    _reset_hwm()
    before = _hwm_kb()
    tracemalloc.start()
    task()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak, (_hwm_kb() - before) * 1024


def pages_of_paragraphs(pages: int) -> list[str]:
    words_per_copy = sum(len(p.split()) for p in PARAGRAPHS)
    copies = -(-pages * WORDS_PER_PAGE // words_per_copy)
    return [f"{p} (section {i})" for i in range(copies) for p in PARAGRAPHS]


def build(fmt: str, pages: int) -> tuple[bytes, int]:
    """A ``fmt`` document of about ``pages`` pages, and its real page count (PDF)."""
    if fmt == "pdf":
        paragraphs = pages_of_paragraphs(pages * 106 // 100)
        # One column at 10 pt holds ~500 words a page; trim to the page count asked.
        data = fixtures.make_pdf(paragraphs, columns=1, font_size=10)
        doc = load_bytes(data, "probe.pdf")
        return data, doc.pages or 0
    return word_document(pages_of_paragraphs(pages)), pages


def word_document(paragraphs: list[str]) -> bytes:
    """A .docx as Word writes them: many formatted runs per paragraph, a table now and then."""
    import io

    import docx

    document = docx.Document()
    for index, para in enumerate(paragraphs):
        p = document.add_paragraph()
        words = para.split()
        for start in range(0, len(words), 4):  # a run every four words, some in italics
            run = p.add_run(" ".join(words[start:start + 4]) + " ")
            run.italic = start % 8 == 0
        if index % 20 == 19:
            table = document.add_table(rows=3, cols=3)
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = f"row {r} column {c} value {index}"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    for fmt in ("pdf", "docx"):
        data, real_pages = build(fmt, args.pages)
        first = time.perf_counter()
        doc = load_bytes(data, f"bench.{fmt}")  # includes importing the library once
        first = time.perf_counter() - first
        seconds, peak, rss = measure(lambda d=data, f=fmt: load_bytes(d, f"bench.{f}"),
                                     args.runs)
        plain = doc.text.encode()
        base, _, _ = measure(lambda p=plain: load_bytes(p, "bench.txt"), args.runs)
        per_100 = seconds * 100 / max(real_pages, 1)
        rows.append((fmt, real_pages, len(data) / 1e6, len(doc.text.split()), first, seconds,
                     per_100, TARGETS[fmt], base, peak / 1e6, rss / 1e6))
    head = ("format", "pages", "MB", "words", "first s", "median s", "s/100 p", "target",
            "txt s", "py peak MB", "rss+ MB")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in rows:
        print(f"{r[0]} | {r[1]} | {r[2]:.2f} | {r[3]} | {r[4]:.2f} | {r[5]:.2f} | {r[6]:.2f} | "
              f"{r[7]:.1f} | {r[8]:.3f} | {r[9]:.0f} | {r[10]:.0f}")
    ok = all(r[6] <= r[7] for r in rows)
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
