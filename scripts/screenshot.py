"""Start Concord under Xvfb on the example pair and save docs/screenshot*.png.

Usage: .venv/bin/python scripts/screenshot.py [A B] [--out docs/screenshot.png]
Re-runs itself under `xvfb-run` when there is no display.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZES = {"": (1280, 800), "-small": (900, 600), "-large": (1920, 1080)}


def ensure_display() -> None:
    """Re-exec under xvfb-run when no X display is available."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    cmd = [xvfb, "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv]
    sys.exit(subprocess.call(cmd))


def settle(app, seconds: float, until=None) -> None:
    """Process events for ``seconds`` or until ``until()`` holds."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (until and until()):
        app.processEvents()
        time.sleep(0.01)


def dark_palette():
    """A dark Fusion palette, to check the highlight colours on a dark system theme."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"),
                      (role.Base, "#1e1e1e"), (role.AlternateBase, "#2a2a2a"),
                      (role.Text, "#e6e6e6"), (role.Button, "#353535"),
                      (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d6fa5"),
                      (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#353535"),
                      (role.ToolTipText, "#e6e6e6"), (role.PlaceholderText, "#9a9a9a")):
        palette.setColor(r, QColor(colour))
    return palette


def shoot(files: list[str], out: Path, dark: bool = False,
          view: str = "everything", entity: str = "") -> list[Path]:
    """Open the window on ``files`` and save one PNG per size; returns the paths."""
    from gui.window_main import create_app, open_window

    app = create_app()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    window = open_window(files)
    window.view_switch.set(view, remember=False)
    settle(app, 30, lambda: window.current_result is not None)
    if window.current_result is None:
        raise SystemExit("the comparison did not finish")
    saved = []
    for suffix, (width, height) in SIZES.items():
        window.resize(width, height)
        settle(app, 0.5)
        for highlighter in window.highlighters:
            highlighter.finish()
        first = window.next_difference()  # show a reworded pair in focus, level in both panes
        if first is not None and first.match is not None:
            window.select_match(first.match)
        settle(app, 0.5)
        path = out.with_name(out.stem + suffix + out.suffix)
        window.grab().save(str(path))
        saved.append(path)
        window.diff_nav.reset()
    if entity:
        saved.append(shoot_entity(app, window, out, entity))
    window.close()
    return saved


def shoot_entity(app, window, out: Path, name: str) -> Path:
    """The Entities tab with ``name``'s mentions marked in both panes (1280x800)."""
    controller = window.entity_controller
    settle(app, 120, lambda: controller.panel.groups())
    group = next((g for g in controller.panel.groups() if g.name == name), None)
    if group is None:
        raise SystemExit(f"no entity called {name!r}")
    window.resize(1280, 800)
    window.sidebar.setCurrentWidget(controller.panel)
    controller.panel.select_group(group)
    settle(app, 0.8)
    path = out.with_name(out.stem + "-entities" + out.suffix)
    window.grab().save(str(path))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", help="A and B (default: the example pair)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--view", default="everything",
                        help="everything, copied, changes or plain (the View switch)")
    parser.add_argument("--entity", default="",
                        help="also shoot the Entities tab with this entity selected")
    parser.add_argument("--sizes", default="",
                        help="comma-separated suffixes to shoot (default: every size)")
    args = parser.parse_args()
    ensure_display()
    files = args.files or [str(ROOT / "examples" / "original.txt"),
                           str(ROOT / "examples" / "rewrite.txt")]
    if args.sizes:
        wanted = [s.strip() for s in args.sizes.split(",")]
        for key in list(SIZES):
            if key.strip("-") not in wanted and not (key == "" and "default" in wanted):
                del SIZES[key]
    for path in shoot(files, Path(args.out), args.dark, args.view, args.entity):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
