"""GUI benchmark: open, compare and paint two ~1 MB documents; UI stalls; scroll paint cost.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--size 1m]
(or under xvfb-run for a real X server). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_pair(size: int) -> tuple[str, str]:
    """A realistic rewritten pair (the engine benchmark's corpus), about ``size`` chars each."""
    from benchmarks.corpus import generate_pair

    pair = generate_pair(size)
    return pair.text_a, pair.text_b


class StallMonitor:
    """Measures the longest gap between ticks of a 10 ms timer (UI thread stalls)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now


def wait_for(app, predicate, timeout: float) -> None:
    """Run the event loop until ``predicate()`` or ``timeout`` seconds."""
    end = time.perf_counter() + timeout
    while not predicate() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def paint_all(window) -> float:
    """Synchronously repaint both panes, the gutter and the rulers; returns seconds."""
    started = time.perf_counter()
    for pane in window.panes:
        pane.viewport().repaint()
    window.link_map.repaint()
    for ruler in window.rulers:
        ruler.repaint()
    return time.perf_counter() - started


def scroll_steps(app, window, steps: int, lines: int) -> list[float]:
    """Scroll pane A by ``lines`` per step (B follows); time the repaint after each step."""
    bar = window.panes[0].verticalScrollBar()
    times = []
    for _ in range(steps):
        started = time.perf_counter()
        bar.setValue(bar.value() + lines)
        app.processEvents()
        paint_all(window)
        times.append(time.perf_counter() - started)
    return times


def run(size: int, steps: int) -> dict[str, float]:
    from gui.window_main import create_app

    app = create_app()
    from gui.main_window import MainWindow

    text_a, text_b = make_pair(size)
    folder = Path(tempfile.mkdtemp(prefix="concord-bench-"))
    (folder / "a.txt").write_text(text_a, encoding="utf-8")
    (folder / "b.txt").write_text(text_b, encoding="utf-8")
    window = MainWindow()
    window.show_error = lambda title, message: print("ERROR", title, message)
    window.resize(1280, 800)
    window.show()
    wait_for(app, lambda: False, 0.3)
    monitor = StallMonitor()
    started = time.perf_counter()
    window.load_files([str(folder / "a.txt"), str(folder / "b.txt")])
    paint_all(window)
    first_paint = time.perf_counter() - started
    monitor.start()
    wait_for(app, lambda: window.current_result is not None, 120)
    monitor.stop()
    stall = max(monitor.gaps, default=0.0)
    paint_all(window)
    highlighted = time.perf_counter() - started
    during = scroll_steps(app, window, 5, 3)  # scrolling while off-screen blocks get formats
    monitor.gaps.clear()
    monitor.start()
    wait_for(app, lambda: not any(h.pending for h in window.highlighters), 120)
    monitor.stop()
    background = time.perf_counter() - started
    small = scroll_steps(app, window, steps, 3)
    pages = scroll_steps(app, window, steps, 40)
    result = window.current_result
    window.close()
    return {
        "chars A / B": f"{len(text_a):,} / {len(text_b):,}",
        "matches": f"{len(result.matches):,}" if result else "—",
        "time to first paint (load + plain text)": first_paint,
        "engine time (worker)": result.elapsed if result else float("nan"),
        "apply highlights (main thread)": window.timings.get("highlight", float("nan")),
        "time to highlighted on screen (total)": highlighted,
        "every block formatted (background, total)": background,
        "longest UI stall while comparing": stall,
        "longest UI stall while formatting in background": max(monitor.gaps, default=0.0),
        "scroll 3 lines + repaint during background formatting, mean": statistics.mean(during),
        "scroll 3 lines + repaint, mean": statistics.mean(small),
        "scroll 3 lines + repaint, max": max(small),
        "scroll 1 page + repaint, mean": statistics.mean(pages),
        "scroll 1 page + repaint, max": max(pages),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1m", help="characters per side: 10k, 100k, 1m")
    parser.add_argument("--steps", type=int, default=40, help="scroll steps to time")
    args = parser.parse_args()
    from benchmarks.corpus import parse_size

    figures = run(parse_size(args.size), args.steps)
    print(f"| measure ({args.size} per side) | value |\n|---|---|")
    for name, value in figures.items():
        shown = f"{value * 1000:.0f} ms" if isinstance(value, float) else value
        print(f"| {name} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
