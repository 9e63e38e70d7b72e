"""Entities and the editor's checks: cold start, 1 MB pair, accuracy on our annotated data.

Usage: .venv/bin/python benchmarks/bench_entities.py [--size 1m] [--runs N] [--quick]
                                [--no-document] [--no-accuracy] [--stages]
       .venv/bin/python benchmarks/bench_entities.py file-a file-b   (list a pair's entities)

Prints, each time against a baseline run in the same process:
- `concord compare` of the example pair from the command line, cold (a fresh process each run),
  with entities and checks and with `--no-entities` (medians);
- the same for a generated news-like pair of --size per side (benchmarks/corpus.py), with the
  ratio of the two and the CPU seconds of the process and its worker processes;
- one document of ~1 MB built from our fixtures: extraction time in this process;
- fixture precision/recall of the extractor, cross-spelling links, checks precision/recall;
- with --stages, only the CPU time of each step for the --size pair, one after the other.
No third-party text is used.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
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


ROOT = Path(__file__).resolve().parents[1]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_run(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (with its worker processes) of one fresh `concord` process."""
    cmd = [sys.executable, "-c", "import sys; from gui.app import main; sys.exit(main())", *args]
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"concord {' '.join(args)} failed: {done.stderr.strip()}")
    return wall, _children_cpu() - cpu


def compare_cold(path_a: str, path_b: str, runs: int, label: str) -> None:
    """Median cold `concord compare` with entities and checks vs `--no-entities`, alternated."""
    base = ["compare", path_a, path_b, "--format", "json", "-o", os.devnull]
    timings: dict[str, list[tuple[float, float]]] = {"no": [], "with": []}
    for _ in range(runs):
        timings["no"].append(cli_run([*base, "--no-entities"]))
        timings["with"].append(cli_run(base))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
           for k, v in timings.items()}
    print(f"{label}: cold `concord compare`, median of {runs}")
    print(f"  {'--no-entities':28} {med['no'][0]:7.2f} s wall {med['no'][1]:7.2f} CPU-s")
    print(f"  {'entities + checks':28} {med['with'][0]:7.2f} s wall {med['with'][1]:7.2f} CPU-s"
          f"   ratio {med['with'][0] / med['no'][0]:.1f}x wall")


def bench_pair(size: str, runs: int) -> None:
    """A generated news-like rewrite pair of ``size`` per side, compared cold from the CLI."""
    from benchmarks.corpus import generate_pair, parse_size

    pair = generate_pair(parse_size(size))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, text in (("a.txt", pair.text_a), ("b.txt", pair.text_b)):
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        words = len(pair.text_a.split()) + len(pair.text_b.split())
        compare_cold(paths[0], paths[1], runs,
                     f"generated pair, {len(pair.text_a):,} + {len(pair.text_b):,} chars "
                     f"({words:,} words)")


def _timed(table: list[tuple[str, float, float]], stage: str, func, *args):  # type: ignore[no-untyped-def]
    cpu, start = time.process_time(), time.perf_counter()
    out = func(*args)
    table.append((stage, time.process_time() - cpu, time.perf_counter() - start))
    return out


def stages(size: str) -> None:
    """CPU seconds of each step of `compare` with entities and checks, one after the other in
    this process (the model in this process too: no worker): where the time goes."""
    from dataclasses import replace

    from benchmarks.corpus import generate_pair, parse_size
    from core.checks import prepare, run_checks
    from core.cli import render
    from core.comparison.engine import compare
    from core.entities.backend import SpacyBackend
    from core.entities.correct import correct
    from core.entities.gazetteer import warm_up
    from core.entities.link import link_pair

    pair = generate_pair(parse_size(size))
    docs = (Document("a", "a", "utf-8", "text", pair.text_a),
            Document("b", "b", "utf-8", "text", pair.text_b))
    texts = [pair.text_a, pair.text_b]
    table: list[tuple[str, float, float]] = []
    result = _timed(table, "comparison (engine)", compare, *docs)
    backend = SpacyBackend(workers=1)
    _timed(table, "model load", backend.nlp)
    raw = _timed(table, "model (NER), both texts", backend.extract, texts)
    _timed(table, "place index", warm_up)
    mentions = [_timed(table, f"correct {'ab'[i]}", correct, texts[i], raw[i]) for i in (0, 1)]
    ents = _timed(table, "link", link_pair, (texts[0], texts[1]), (mentions[0], mentions[1]))
    _timed(table, "checks: prepare", prepare, result)
    result = replace(result, entities=ents)
    result = replace(result, checks=_timed(table, "checks: run", run_checks, result))
    _timed(table, "JSON", render, result, "json", False)
    print(f"stages of a generated {size} pair, one process ({load()})")
    for stage, cpu, wall in table:
        print(f"  {stage:28} {cpu:7.2f} CPU-s {wall:7.2f} s")
    print(f"  {'total':28} {sum(c for _, c, _ in table):7.2f} CPU-s")


def score_checks() -> None:
    """Checks precision/recall and link accuracy on tests/data/checks (our own pairs)."""
    import json

    from tests.checks_gold import gold
    from tests.checks_gold import score as check_score

    tp = predicted = expected = 0
    for name in gold():
        t, p, e, _, _ = check_score(name)
        tp, predicted, expected = tp + t, predicted + p, expected + e
    print(f"checks on {len(gold())} annotated pairs: precision {tp / predicted:.2f} "
          f"({tp}/{predicted}), recall {tp / expected:.2f} ({tp}/{expected})")
    data = ROOT / "tests" / "data" / "checks"
    links = json.loads((data / "links.json").read_text(encoding="utf-8"))
    docs = [Document(p.name, p.name, "utf-8", "text", p.read_text(encoding="utf-8"))
            for p in (data / "links_a.txt", data / "links_b.txt")]
    ea, eb = extract_entities(docs[0], docs[1])

    def keys(ents, text: str) -> set[str]:  # type: ignore[no-untyped-def]
        return {e.key for e in ents if e.text == text}

    made = sum(bool(keys(ea, a) & keys(eb, b)) for a, b in links["linked"])
    wrong = sum(bool(keys(ea, a) & keys(eb, b)) for a, b in links["apart"])
    print(f"links across spellings: {made}/{len(links['linked'])} made, "
          f"{wrong}/{len(links['apart'])} wrongly made")


def score() -> None:
    tp = pred = want = 0
    for name, pair in gold().items():
        ents = extract_entities(*documents(name))
        for side in (0, 1):
            t, p, w = counts(ents[side], pair["mentions"][side])
            tp, pred, want = tp + t, pred + p, want + w
    print(f"fixtures (Person/Organisation/Place mentions): precision {tp / pred:.2f} "
          f"({tp}/{pred}), recall {tp / want:.2f} ({tp}/{want})")


def score_dates() -> None:
    """How many Date/Time entries name a moment (tests/data/entities/dates.json lists the
    phrases that do not: durations, ages, counts, units with no amount)."""
    import json

    from core.entities.api import document_mentions

    spec = json.loads((DATA / "dates.json").read_text(encoding="utf-8"))
    paths = [p for pattern in spec["files"] for p in sorted(ROOT.glob(pattern))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    found = [m.text for ms in document_mentions(texts) for m in ms
             if m.label in ("Date", "Time")]
    wrong = sum(t in spec["not_dates"] for t in found)
    print(f"Date/Time entries in {len(paths)} texts: {len(found)}, {wrong} not dates, "
          f"precision {(len(found) - wrong) / len(found):.3f}, dates kept {len(found) - wrong}")


def show(path_a: str, path_b: str) -> None:
    docs = [Document(p, Path(p).name, "utf-8", "text", Path(p).read_text(encoding="utf-8"))
            for p in (path_a, path_b)]
    ents = extract_entities(docs[0], docs[1])
    result = Result(documents=(docs[0], docs[1]), spans=((), ()), matches=(),
                    summary=None, entities=ents)  # type: ignore[arg-type]
    for g in entity_groups(result):
        print(f"{g.status:7} {g.label:18} {g.name:40} {' / '.join(g.variants):45} "
              f"A:{g.count_a} B:{g.count_b}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="two files: list their entities")
    parser.add_argument("--size", default="1m", help="generated pair size per side (1m)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs per setting (3)")
    parser.add_argument("--quick", action="store_true", help="example pair and accuracy only")
    parser.add_argument("--no-document", action="store_true",
                        help="leave out the in-process extraction of one ~1 MB document")
    parser.add_argument("--no-accuracy", action="store_true",
                        help="leave out the fixture precision/recall and the checks' scores")
    parser.add_argument("--stages", action="store_true",
                        help="only the CPU time of each step for a --size pair, in this process")
    args = parser.parse_args()
    if len(args.files) == 2:
        show(*args.files)
        return
    if args.stages:
        stages(args.size)
        return
    print(load())
    compare_cold(str(ROOT / "examples" / "original.txt"), str(ROOT / "examples" / "rewrite.txt"),
                 max(args.runs, 5), "example pair")
    print(load())
    if not args.quick:
        bench_pair(args.size, args.runs)
        print(load())
        if not args.no_document:
            bench()
    if not args.no_accuracy:
        score()
        score_dates()
        score_checks()
    print(load())


if __name__ == "__main__":
    main()
