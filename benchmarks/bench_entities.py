"""Time entity extraction on a ~1 MB document and score the annotated fixtures.

Usage: .venv/bin/python benchmarks/bench_entities.py [file-a file-b]
The 1 MB text is built by repeating our own fixture texts with varied names, so no third-party
text is needed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.entities import entity_groups, extract_entities
from core.entities.cache import EntityCache
from core.model import Document, Result
from tests.entity_gold import DATA, counts, documents, gold

TARGET = 1_000_000


def big_text() -> str:
    """About 1 MB of news-style text from the fixtures, names varied so entities differ."""
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt")))
    parts, n = [], 0
    while sum(map(len, parts)) < TARGET:
        parts.append(base.replace("Kovalenko", f"Kovalenko{n % 97}").replace("Bonn", "Bonn"))
        n += 1
    return "\n\n".join(parts)


def load() -> str:
    """The 1, 5 and 15 minute load averages (other jobs on the machine skew the timings)."""
    return "load average " + " / ".join(f"{x:.2f}" for x in os.getloadavg()) + \
        f" on {os.cpu_count()} cores"


def cpu_seconds() -> float:
    """CPU time of this process and its live worker processes (Linux /proc; else this one)."""
    total = time.process_time()
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for child in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        for pid in child.read_text().split():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def bench() -> None:
    print(load())
    text = big_text()
    words = len(text.split())
    doc = Document("big", "big", "utf-8", "text", text)
    tiny = Document("tiny", "tiny", "utf-8", "text", "Nothing here.")
    start, cpu = time.perf_counter(), cpu_seconds()
    ents = extract_entities(doc, tiny, cache=EntityCache())
    took = time.perf_counter() - start
    print(f"1 MB document: {len(text):,} chars, {words:,} words, {len(ents[0]):,} entities "
          f"in {took:.1f} s ({words / took:,.0f} words/s, {len(ents[0]) / took:,.0f} entities/s), "
          f"{cpu_seconds() - cpu:.1f} CPU-s")
    start, cpu = time.perf_counter(), cpu_seconds()
    extract_entities(doc, tiny)
    print(f"  again, workers warm, not cached: {time.perf_counter() - start:.1f} s, "
          f"{cpu_seconds() - cpu:.1f} CPU-s")
    start = time.perf_counter()
    extract_entities(doc, tiny)
    print(f"  again, cached: {time.perf_counter() - start:.2f} s")
    print(load())


def score() -> None:
    tp = pred = want = 0
    for name, pair in gold().items():
        ents = extract_entities(*documents(name))
        for side in (0, 1):
            t, p, w = counts(ents[side], pair["mentions"][side])
            tp, pred, want = tp + t, pred + p, want + w
    print(f"fixtures (Person/Organisation/Place mentions): precision {tp / pred:.2f} "
          f"({tp}/{pred}), recall {tp / want:.2f} ({tp}/{want})")


def show(path_a: str, path_b: str) -> None:
    docs = [Document(p, Path(p).name, "utf-8", "text", Path(p).read_text(encoding="utf-8"))
            for p in (path_a, path_b)]
    ents = extract_entities(docs[0], docs[1])
    result = Result(documents=(docs[0], docs[1]), spans=((), ()), matches=(),
                    summary=None, entities=ents)  # type: ignore[arg-type]
    for g in entity_groups(result):
        print(f"{g.status:7} {g.label:18} {g.name:40} {' / '.join(g.variants):45} "
              f"A:{g.count_a} B:{g.count_b}")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        show(sys.argv[1], sys.argv[2])
    else:
        bench()  # first, so that "cold" means a fresh process: no model, no place index
        score()
