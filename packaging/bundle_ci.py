"""Build the Linux bundle, smoke-test it, wrap it as a .deb: `python3 tasks.py bundle-test`.

With ``--if-changed`` (what .ci/run passes) nothing is built when the packaging inputs (this
folder, resources/, pyproject.toml, requirements/) hash to the value in packaging/bundle.stamp,
the hash of the last build that passed the smoke test. A passing run rewrites the stamp: commit
it with the change that needed the rebuild.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = ROOT / "packaging" / "bundle.stamp"
INPUTS = ("packaging", "resources", "requirements", "pyproject.toml")
SKIP_SUFFIXES = (".md", ".pyc", ".stamp")


def input_files() -> list[Path]:
    """The files a bundle is built from, in a stable order (docs and caches left out)."""
    files: list[Path] = []
    for name in INPUTS:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                      and not p.name.endswith(SKIP_SUFFIXES)]
    return sorted(files)


def inputs_hash() -> str:
    """SHA-256 over the inputs' paths and contents (line endings normalised)."""
    digest = hashlib.sha256()
    for path in input_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def stamp_matches() -> bool:
    return STAMP.exists() and STAMP.read_text(encoding="utf-8").split()[:1] == [inputs_hash()]


def step(name: str, cmd: list) -> float:
    print(f"\n== {name}: {' '.join(str(c) for c in cmd)}", flush=True)
    started = time.monotonic()
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--if-changed", action="store_true",
                        help="skip when the inputs match packaging/bundle.stamp")
    parser.add_argument("--no-build", action="store_true", help="test the existing dist/")
    parser.add_argument("--deb-compression", default="gzip",
                        help="gzip (fast, for CI) or xz (smallest, for releases)")
    args = parser.parse_args(argv)
    if args.if_changed and stamp_matches():
        print(f"bundle: packaging inputs unchanged since the last verified build "
              f"({STAMP.read_text().split()[0][:12]}): not rebuilt")
        return 0
    py = sys.executable
    verified = inputs_hash()  # what this run builds: inputs edited meanwhile are not verified
    times = {}
    try:
        if not args.no_build:
            times["build"] = step("build", [py, "packaging/build.py"])
        times["smoke test"] = step("smoke test", [py, "packaging/smoke_test.py"])
        if sys.platform.startswith("linux"):
            times[".deb"] = step(".deb", [py, "packaging/make_deb.py", "--compression",
                                          args.deb_compression])
    except subprocess.CalledProcessError as exc:
        print(f"bundle: {exc.cmd[1] if len(exc.cmd) > 1 else exc.cmd} failed "
              f"(exit {exc.returncode})", file=sys.stderr)
        return 1
    STAMP.write_text(f"{verified}\n", encoding="utf-8")
    print("\nbundle: " + ", ".join(f"{k} {v:.0f} s" for k, v in times.items())
          + f"; stamp updated ({STAMP.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
