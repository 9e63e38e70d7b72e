"""Peak memory and time of one comparison at 1 MB and 10 MB per side, against a baseline commit.

Each measurement runs in a fresh child process (peak RSS from getrusage is per process): the
child loads both files, records its resident set, compares, and prints its peak resident
set, the comparison's wall and CPU time and a hash of the result (spans, matches, summary).
With ``--baseline REV`` the same child runs on that commit's tree (``git archive``), so the
table shows before/after and whether the results are identical.

    python -m benchmarks.bench_memory                   # this tree, 1 MB and 10 MB
    python -m benchmarks.bench_memory --baseline main   # and the same on main, with ratios
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchmarks.corpus import generate_pair, parse_size

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000  # one unit everywhere: 1 MB = 1,000,000 bytes

# Runs inside the child with the tree under test first on sys.path; only old, stable APIs.
CHILD = r"""
import hashlib, json, resource, sys, time
from core.comparison.engine import compare
from core.model import Options
from core.readers.load import document_from_text

def status_kb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0

def rss_kb():
    return status_kb("VmRSS")

text_a = open(sys.argv[1], encoding="utf-8").read()
text_b = open(sys.argv[2], encoding="utf-8").read()
doc_a, doc_b = document_from_text(text_a, "a"), document_from_text(text_b, "b")
options = Options(semantic=False) if "semantic" in Options.__dataclass_fields__ else Options()
before = rss_kb()
wall, cpu = time.perf_counter(), time.process_time()
result = compare(doc_a, doc_b, options)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
# VmHWM, this process's own high-water mark: ru_maxrss can report the parent's resident set
# (a child spawned by vfork from a parent that made a 10 MB pair inherits its high-water).
peak = status_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB
digest = hashlib.sha256(json.dumps([
    [[(s.start, s.end, s.kind, s.match) for s in spans] for spans in result.spans],
    [(m.id, m.kind, m.a, m.b, m.similarity, m.moved, m.changes_a, m.changes_b, m.diff_fallback)
     for m in result.matches],
    [result.summary.a.__dict__, result.summary.b.__dict__, result.summary.shared_matches,
     result.summary.reworded_matches, result.summary.moved_matches],
]).encode()).hexdigest()
print(json.dumps({"before_kb": before, "peak_kb": peak, "wall": wall, "cpu": cpu,
                  "digest": digest, "matches": len(result.matches)}))
"""


def run_child(tree: Path, file_a: Path, file_b: Path) -> dict:
    """One comparison in a fresh interpreter whose imports come from ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-c", CHILD, str(file_a), str(file_b)], cwd=tree,
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def export_tree(rev: str, into: Path) -> Path:
    """The files of commit ``rev`` under ``into`` (no checkout, no worktree)."""
    archive = into / "tree.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", rev], cwd=ROOT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def write_pair(size: int, folder: Path) -> tuple[Path, Path, int]:
    """A generated pair of about ``size`` characters per side, as two UTF-8 files."""
    pair = generate_pair(size)
    file_a, file_b = folder / f"a-{size}.txt", folder / f"b-{size}.txt"
    file_a.write_text(pair.text_a, encoding="utf-8")
    file_b.write_text(pair.text_b, encoding="utf-8")
    side = (len(pair.text_a.encode()) + len(pair.text_b.encode())) // 2
    return file_a, file_b, side


def row(label: str, size_mb: float, m: dict) -> str:
    growth = (m["peak_kb"] - m["before_kb"]) * 1024 / MB
    peak = m["peak_kb"] * 1024 / MB
    return (f"| {label} | {size_mb:.2f} | {peak:,.0f} | {growth:,.0f} | {growth / size_mb:.1f} "
            f"| {m['wall']:.2f} | {m['cpu']:.2f} | {m['cpu'] / size_mb:.2f} |")


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1m,10m", help="characters per side (default 1m,10m)")
    parser.add_argument("--baseline", metavar="REV", help="also measure this commit")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        trees = [("this tree", ROOT)]
        if args.baseline:
            trees.insert(0, (args.baseline, export_tree(args.baseline, tmp_path)))
        print("| code | MB per side | peak RSS MB | growth MB | growth per MB per side "
              "| wall s | CPU s | CPU s per MB |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        digests: dict[str, set[str]] = {}
        for label in args.sizes.split(","):
            file_a, file_b, side = write_pair(parse_size(label), tmp_path)
            for name, tree in trees:
                m = run_child(tree, file_a, file_b)
                digests.setdefault(label, set()).add(m["digest"])
                print(row(name, side / MB, m), flush=True)
        if args.baseline:
            for label, found in digests.items():
                print(f"{label}: results {'identical' if len(found) == 1 else 'DIFFER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
