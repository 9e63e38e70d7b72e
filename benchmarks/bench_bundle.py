"""Bundle benchmark: size, file count, cold start to window, cold `compare` of the example pair.

Run after `python packaging/build.py` (and `packaging/make_deb.py` for the compressed size):
    .venv/bin/python benchmarks/bench_bundle.py [--runs 3] [--size-only] [--baseline DIR]
``--baseline`` names another build's folder (e.g. main's dist/concord): the size table then
lists, part by part (top-level entries of _internal, the program), what changed.
"Cold" means the bundle's (or the virtual environment's) files are evicted from the page cache
first (posix_fadvise DONTNEED), as after a reboot; system libraries stay cached. The source
tree (.venv) is measured the same way in the same run, as the baseline. Times are medians.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "concord"
VENV_PY = ROOT / ".venv" / "bin" / "python"
PAIR = [str(ROOT / "examples" / "original.txt"), str(ROOT / "examples" / "rewrite.txt")]


def evict(folder: Path) -> None:
    """Drop ``folder``'s files from the page cache (what a reboot would do)."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.fdatasync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
            finally:
                os.close(fd)


def folder_stats(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def parts(folder: Path) -> dict[str, int]:
    """Bytes per part of a bundle: each entry of _internal (PySide6's and python3.11's one level
    deeper), and the program (bootloader + Python archive)."""
    out: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(folder).parts
            key = "/".join(rel[:3] if rel[1:2] in (("PySide6",), ("python3.11",)) else rel[:2])
            out[key] = out.get(key, 0) + path.stat().st_size
    return out


def print_parts(before: dict[str, int], after: dict[str, int], least: int = 100_000) -> None:
    """The parts whose size changed by ``least`` bytes or more, largest change first."""
    changed = sorted((after.get(k, 0) - before.get(k, 0), k) for k in {*before, *after})
    print("\n| part | baseline | this build | change |\n| --- | --- | --- | --- |")
    for diff, key in changed:
        if abs(diff) >= least:
            print(f"| {key} | {before.get(key, 0) / 1e6:.2f} MB | {after.get(key, 0) / 1e6:.2f} MB"
                  f" | {diff / 1e6:+.2f} MB |")
    total = sum(after.values()) - sum(before.values())
    print(f"| all | {sum(before.values()) / 1e6:.1f} MB | {sum(after.values()) / 1e6:.1f} MB"
          f" | {total / 1e6:+.1f} MB |")


def window_times(cmd: list[str], cache_dir: str) -> tuple[float, float]:
    """Seconds from launch to the window on screen, and to the comparison shown."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.json"
        env = dict(os.environ, CONCORD_STARTUP_PROBE=str(probe), CONCORD_CACHE_DIR=cache_dir)
        env.pop("QT_QPA_PLATFORM", None)
        started = time.time()
        proc = subprocess.run([*cmd, *PAIR], env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode:
            raise SystemExit(f"bench_bundle: the window failed: {proc.stderr[-800:]}")
        times = json.loads(probe.read_text())["times"]
    return times["shown"] - started, times["result"] - started


def compare_time(cmd: list[str], cache_dir: str, *extra: str) -> float:
    env = dict(os.environ, CONCORD_CACHE_DIR=cache_dir)
    started = time.monotonic()
    subprocess.run([*cmd, "compare", *PAIR, "--format", "json", *extra], env=env, check=True,
                   capture_output=True, timeout=300)
    return time.monotonic() - started


def measure(name: str, cmd: list[str], files: Path, runs: int, cache_dir: str) -> dict:
    """Cold and warm figures for one way of running Concord."""
    out: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        out.setdefault(key, []).append(value)

    for _ in range(runs):
        evict(files)
        shown, result = window_times(cmd, cache_dir)
        add("window cold", shown)
        add("window + comparison cold", result)
        evict(files)
        add("compare cold", compare_time(cmd, cache_dir))
        evict(files)
        add("compare --no-entities cold", compare_time(cmd, cache_dir, "--no-entities"))
        add("compare warm", compare_time(cmd, cache_dir))
    print(f"measured {name}", file=sys.stderr)
    return {k: statistics.median(v) for k, v in out.items()}


def print_sizes(dist: Path, baseline: Path | None) -> None:
    size, count = folder_stats(dist)
    if baseline is not None:
        print_parts(parts(baseline), parts(dist))
        print()
    print("| bundle | figure |\n| --- | --- |")
    print(f"| unpacked | {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), {count} files |")
    for deb in sorted(dist.parent.glob("*.deb")):
        print(f"| {deb.name} | {deb.stat().st_size / 1e6:.1f} MB |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size-only", action="store_true", help="sizes only, no timings")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another build's dist/concord, to list what changed part by part")
    parser.add_argument("--bundle", type=Path, default=DIST,
                        help="the bundle folder to measure (default: dist/concord)")
    args = parser.parse_args(argv)
    dist = args.bundle
    exe = dist / "concord"
    if not exe.exists():
        print("bench_bundle: build first: python packaging/build.py", file=sys.stderr)
        return 2
    if args.size_only:
        print_sizes(dist, args.baseline)
        return 0
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):  # a virtual screen
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                                sys.executable, *sys.argv])
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as cache:
        # The first run ever builds the place index into the user cache: measured apart.
        evict(dist)
        first_ever = compare_time([str(exe)], cache)
        frozen = measure("bundle", [str(exe)], dist, args.runs, cache)
        source = measure(".venv", [str(VENV_PY), "-m", "gui.app"], ROOT / ".venv",
                         args.runs, cache)
    load = ", ".join(f"{a:.1f}" for a in (*load_before, *os.getloadavg()[:1]))
    print(f"load average (1, 5, 15 min before; 1 min after): {load}; {os.cpu_count()} CPUs\n")
    print_sizes(dist, args.baseline)
    print(f"| first compare ever (empty user cache) | {first_ever:.2f} s |")
    print(f"\n| median of {args.runs} | bundle | .venv | bundle / .venv |")
    print("| --- | --- | --- | --- |")
    for key in frozen:
        print(f"| {key} | {frozen[key]:.2f} s | {source[key]:.2f} s | "
              f"{frozen[key] / source[key]:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
