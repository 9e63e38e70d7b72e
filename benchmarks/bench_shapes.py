"""Texts of hostile shapes: does `concord compare` stay linear in time on each of them?

Usage: python -m benchmarks.bench_shapes [--sizes 0.2,2] [--timeout 600]

Shapes that real users produce and that broke quadratic code before: one line without any
punctuation, one sentence repeated throughout (logs, tables), the same lines shuffled (every
passage moved), very long "words" (base64 blobs), Chinese without spaces. Each run is a fresh
`concord compare --no-entities` child process; the table gives wall time, peak resident memory
and the seconds per MB at the largest size divided by those at the smallest (1.0 = linear).
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000
CLI = "import sys; from core.cli import main; sys.exit(main(sys.argv[1:]))"
SENTENCE = "The council met on Monday to discuss the budget for the coming year. "
HAN = "政府周一宣布了新的桥梁建设计划交通部长表示工程将于春季开始项目总投资为亿元"


def _words(rng: random.Random, count: int) -> list[str]:
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
             for _ in range(5000)]
    return [rng.choice(vocab) for _ in range(count)]


def one_line(size: int, rng: random.Random) -> tuple[str, str]:
    words = _words(rng, size // 6)
    changed = [w if k % 50 else "CHANGED" for k, w in enumerate(words)]
    return " ".join(words), " ".join(changed)


def repeated(size: int, rng: random.Random) -> tuple[str, str]:
    count = size // len(SENTENCE)
    half = SENTENCE * (count // 2)
    return SENTENCE * count, half + "A different sentence entirely appears here. " + half


def shuffled(size: int, rng: random.Random) -> tuple[str, str]:
    lines = [" ".join(_words(rng, 12)) + "." for _ in range(size // 80)]
    moved = lines[:]
    rng.shuffle(moved)
    return "\n".join(lines), "\n".join(moved)


def long_words(size: int, rng: random.Random) -> tuple[str, str]:
    blobs = [base64.b64encode(rng.randbytes(7500)).decode() for _ in range(max(1, size // 10000))]
    text = "\n\n".join(f"Attachment {k}: {blob}" for k, blob in enumerate(blobs))
    return text, text.replace("Attachment 0:", "Attachment zero:")


def chinese(size: int, rng: random.Random) -> tuple[str, str]:
    chars = size // 3  # three UTF-8 bytes a character
    sentences = ["".join(rng.choice(HAN) for _ in range(20)) + "。" for _ in range(chars // 21)]
    edited = [s if k % 7 else s[:5] + "新" + s[6:] for k, s in enumerate(sentences)]
    return "".join(sentences), "".join(edited)


SHAPES: dict[str, Callable[[int, random.Random], tuple[str, str]]] = {
    "one line, no punctuation": one_line,
    "one sentence repeated": repeated,
    "lines shuffled": shuffled,
    "7,500-character words": long_words,
    "Chinese, no spaces": chinese,
}


def run(a: Path, b: Path, timeout: float) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB of this child, exit code; -1 on a hang)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CLI, "compare", str(a), str(b),
                             "--no-entities", "--format", "json", "-o", os.devnull],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            proc.kill()
            proc.wait()
            return timeout, 0.0, -1
        time.sleep(0.05)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.2,2", help="MB per side, comma-separated")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    print("| shape | " + " | ".join(f"{s:g} MB: s / peak MB" for s in sizes)
          + " | s per MB, largest / smallest |")
    print("| --- |" + " ---: |" * (len(sizes) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        for label, make in SHAPES.items():
            cells, per_mb = [], []
            for size in sizes:
                text_a, text_b = make(int(size * MB), random.Random(7))
                a, b = Path(tmp, "a.txt"), Path(tmp, "b.txt")
                a.write_text(text_a, encoding="utf-8")
                b.write_text(text_b, encoding="utf-8")
                wall, peak, code = run(a, b, args.timeout)
                cells.append("HANG" if code == -1 else f"{wall:.2f} / {peak:.0f}"
                             + ("" if code == 0 else f" (exit {code})"))
                per_mb.append(wall / (len(text_a.encode()) / MB))
            print(f"| {label} | " + " | ".join(cells) + f" | {per_mb[-1] / per_mb[0]:.2f} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
