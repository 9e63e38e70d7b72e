"""Start the desktop window: `concord [A B] [options]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.errors import OptionError
from core.model import Options
from core.options import add_arguments, engine_options, loading_options


def build_parser() -> argparse.ArgumentParser:
    """Command-line options of the window (every row of core.options.OPTIONS)."""
    parser = argparse.ArgumentParser(prog="concord", description="Compare two documents.")
    parser.add_argument("files", nargs="*", help="up to two files: A and B")
    # core.options, not core.cli: core.cli loads the report renderer and the entity pipeline
    # (~0.3 s) that the window does not need before it shows.
    add_arguments(parser, with_defaults=False)  # unset: the saved settings apply
    return parser


def options_from_args(args: argparse.Namespace, base: Options) -> Options:
    """``base`` with the options given on the command line applied."""
    return engine_options(args, base)


def create_app(argv: list[str] | None = None):
    """The QApplication (existing one reused), with names used by QSettings."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "concord", *(argv or [])])
    app.setOrganizationName("Concord")
    app.setApplicationName("Concord")
    app.setApplicationDisplayName("Concord")
    icon = resource_path("concord.png")
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def resource_path(name: str) -> Path:
    """A file in resources/, in a source checkout or inside a PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / name


def open_window(args: list[str]):
    """Create the window and load the files named in ``args`` (no event loop)."""
    from gui.main_window import MainWindow

    parsed = build_parser().parse_args(args)
    if len(parsed.files) > 2:
        raise SystemExit("concord: give at most two files (A and B)")
    from gui.settings import load_loading, load_options

    try:  # a bad value exits 2 with one line, as on the command line
        loading = loading_options(parsed, load_loading())
        options = options_from_args(parsed, load_options())
    except OptionError as exc:
        raise SystemExit(f"concord: {exc}") from None
    window = MainWindow()
    window.options = options
    window.max_bytes = loading.max_bytes
    window.encoding = loading.encoding
    window.entities_enabled = loading.entities
    from gui.window_entities import EntityController

    window.entity_controller = EntityController(window)
    window.show()
    if parsed.files:
        window.load_files(parsed.files)
    return window


def run_window(args: list[str]) -> int:
    """Open the window (optionally on two files) and run until it closes."""
    app = create_app()
    try:
        window = open_window(args)
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            return 2
        return int(exc.code or 0)
    window.raise_()
    # A running entity job must not keep the process alive after the window closes.
    app.aboutToQuit.connect(window.entity_controller.cancel)
    return app.exec()
