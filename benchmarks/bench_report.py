"""Benchmark: time the PDF and HTML reports of a generated pair of about 1 MB in total."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "river city council water flood report minister office village people school bridge "
    "station market emergency service district road rain night morning house street time "
    "company budget plan public health court judge contract party agreement payment term "
    "notice period clause law order evidence witness statement editor author chapter page "
    "draft version change record history north south east west small large early late new"
).split()


def sentence(rng: random.Random) -> str:
    """One made-up sentence of 12 to 30 words."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
    return " ".join(words).capitalize() + "."


def reword(rng: random.Random, text: str) -> str:
    """The sentence with about a fifth of its words replaced."""
    words = text[:-1].split()
    for i in range(len(words)):
        if rng.random() < 0.2:
            words[i] = rng.choice(WORDS)
    return " ".join(words).capitalize() + "."


def make_pair(total_bytes: int, seed: int = 5) -> tuple[str, str]:
    """A and B, each about ``total_bytes / 2``: B copies, rewords, drops, adds and moves."""
    rng = random.Random(seed)
    paragraphs_a: list[str] = []
    paragraphs_b: list[str] = []
    size = 0
    while size < total_bytes / 2:
        sents = [sentence(rng) for _ in range(rng.randint(3, 7))]
        para_a = " ".join(sents)
        out = []
        for s in sents:
            roll = rng.random()
            if roll < 0.45:
                out.append(s)
            elif roll < 0.85:
                out.append(reword(rng, s))
            elif roll < 0.93:
                out.append(sentence(rng))
        paragraphs_a.append(para_a)
        paragraphs_b.append(" ".join(out) or sentence(rng))
        size += len(para_a) + 2
    for _ in range(len(paragraphs_b) // 20):  # move a few paragraphs
        i, j = rng.randrange(len(paragraphs_b)), rng.randrange(len(paragraphs_b))
        paragraphs_b.insert(j, paragraphs_b.pop(i))
    return "\n\n".join(paragraphs_a) + "\n", "\n\n".join(paragraphs_b) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Generate the pair, compare it, write the PDF and HTML reports and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=1.0, help="size of the pair")
    parser.add_argument("--keep", metavar="DIR", help="keep the pair and reports in DIR")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from PySide6.QtGui import QGuiApplication

    from core.comparison.engine import compare
    from core.readers.load import load_document
    from core.report import write_report_html
    from gui.printing import export_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    out = Path(args.keep or tempfile.mkdtemp(prefix="concord-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    text_a, text_b = make_pair(int(args.megabytes * 1_000_000))
    (out / "a.txt").write_text(text_a, encoding="utf-8")
    (out / "b.txt").write_text(text_b, encoding="utf-8")
    doc_a, doc_b = load_document(out / "a.txt"), load_document(out / "b.txt")
    started = time.perf_counter()
    result = compare(doc_a, doc_b)
    compared = time.perf_counter()
    write_report_html(result, out / "report.html")
    html_done = time.perf_counter()
    pages = export_pdf(result, str(out / "report.pdf"))
    pdf_done = time.perf_counter()
    print(f"pair: {doc_a.size + doc_b.size:,} bytes, {len(result.matches):,} matches")
    print(f"compare: {compared - started:.2f} s")
    print(f"html report: {html_done - compared:.2f} s")
    print(f"pdf report: {pdf_done - html_done:.2f} s, {pages} pages (A4)")
    print(f"compare + pdf: {pdf_done - started:.2f} s  (output in {out})")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
