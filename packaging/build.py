"""Build Concord's desktop bundle with PyInstaller: `python packaging/build.py` (see README.md)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "concord.spec"
VENV = ROOT / ".venv"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def venv_python() -> Path:
    """The project's .venv interpreter (the one PyInstaller must run under)."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def packaging_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The `[packaging]` extra of pyproject.toml, e.g. ["pyinstaller>=6.0,<7"]."""
    text = pyproject.read_text(encoding="utf-8")
    match = re.search(r"^packaging\s*=\s*\[(.*?)\]", text, re.M | re.S)
    if not match:
        raise SystemExit("build.py: pyproject.toml declares no [packaging] extra")
    return re.findall(r"\"([^\"]+)\"", match.group(1))


def run(cmd: list[str]) -> None:
    """Run ``cmd``, echoing it, and stop on failure."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def bundle_dir() -> Path:
    """Where the onedir build lands (the .app on macOS)."""
    if sys.platform == "darwin":
        return DIST / "Concord.app"
    return DIST / "concord"


def executable() -> Path:
    """The program a person starts."""
    if sys.platform == "win32":
        return DIST / "concord" / "Concord.exe"
    if sys.platform == "darwin":
        return DIST / "Concord.app" / "Contents" / "MacOS" / "concord"
    return DIST / "concord" / "concord"


def finish_linux(folder: Path) -> None:
    """Prune libraries nothing links to, strip debug symbols (selectively), add install.sh."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import slim

    if shutil.which("readelf"):
        removed = slim.prune_orphans(folder / "_internal")
        print(f"removed {len(removed)} libraries nothing in the bundle links to")
    import icu_data

    for qt_lib in folder.glob("_internal/PySide6/Qt/lib"):
        before, after = icu_data.shrink(qt_lib)
        if before == after:
            print("warning: ICU data kept whole (no C compiler, readelf or ICU library)")
        else:
            print(f"ICU data: {before / 1e6:.1f} -> {after / 1e6:.1f} MB")
    if shutil.which("strip"):
        count, saved = slim.strip_folder(folder)
        print(f"stripped debug symbols from {count} files: {saved / 1e6:.0f} MB less")
    else:
        print("warning: `strip` not found (binutils): the bundle keeps its debug symbols")
    shutil.copy2(ROOT / "packaging" / "install.sh", folder / "install.sh")


def folder_size(folder: Path) -> int:
    """Bytes in all files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def file_count(folder: Path) -> int:
    """Files under ``folder``."""
    return sum(1 for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    """Install PyInstaller, build, and say where the result is; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-install", action="store_true",
                        help="do not pip-install the [packaging] extra first")
    parser.add_argument("--no-clean", action="store_true",
                        help="reuse PyInstaller's cache from an earlier build (faster)")
    parser.add_argument("--python", type=Path, default=None,
                        help="interpreter to build with (default: .venv's)")
    args = parser.parse_args(argv)

    python = args.python or venv_python()
    if not python.exists():
        raise SystemExit(f"build.py: {python} not found; run `python3 tasks.py setup` first")
    if not args.skip_install:
        run([python, "-m", "pip", "install", "--quiet", *packaging_requirements()])
    started = time.monotonic()
    cmd = [python, "-m", "PyInstaller", SPEC, "--noconfirm",
           "--distpath", DIST, "--workpath", WORK]
    if not args.no_clean:
        cmd.append("--clean")
    run(cmd)
    folder = bundle_dir()
    if sys.platform.startswith("linux"):
        finish_linux(folder)
    size = folder_size(folder)
    print(f"\nbuilt in {time.monotonic() - started:.0f} s: {folder} ({size / 1e6:.0f} MB, "
          f"{size / 2**20:.0f} MiB, {file_count(folder)} files)")
    print(f"run it:  {executable()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
