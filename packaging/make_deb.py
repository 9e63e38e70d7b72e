"""Wrap the Linux folder build into a .deb: `python packaging/make_deb.py [dist/concord]`.

The package installs the folder to /opt/concord, `concord` on the PATH (/usr/bin/concord), the
desktop entry, the hicolor icons and the AppStream metainfo under /usr/share; dpkg's triggers
refresh the menu, the MIME cache and the icon cache. Built with dpkg-deb (no other tool).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.concord.Concord"
RESOURCES = ROOT / "resources"
# The client libraries Qt needs to open a window (as in tasks.py's APT_PACKAGES).
DEPENDS = ("libc6", "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
           "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
           "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-render-util0",
           "libxcb-image0", "libgssapi-krb5-2")
# libcups2: printing to a printer (the bundle takes CUPS from the system: packaging/slim.py).
# dpkg-deb's options per compressor: xz at its strongest (-9, extreme; 64 MB dictionary, which
# also finds the files that repeat one another) for the release package.
COMPRESSOR_OPTIONS = {"xz": ["-z9", "-Sextreme"], "zstd": ["-z19"], "gzip": ["-z6"], "none": []}
CONTROL = """Package: concord
Version: {version}
Architecture: {arch}
Maintainer: Concord maintainers <concord@users.noreply.github.com>
Installed-Size: {size_kib}
Depends: {depends}
Recommends: libcups2
Section: text
Priority: optional
Description: compare two documents the way a careful editor would
 Concord shows two documents side by side and marks the passages that are
 shared word for word, reworded or unique, lists the people, places and
 figures each names, and prints the comparison as a report. It reads text,
 Markdown, HTML, PDF, Word, OpenDocument, RTF and e-mail files, offline.
"""


def version() -> str:
    text = (ROOT / "core" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text)[1]


def architecture() -> str:
    out = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    return out.stdout.strip() or "amd64"


def _tree_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()
               and not p.is_symlink()) // 1024 + 1


def stage(bundle: Path, root: Path) -> None:
    """Lay the package's files out under ``root`` (hard links where possible: no 250 MB copy)."""
    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(bundle, root / "opt" / "concord", symlinks=True,
                    copy_function=link_or_copy)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "concord").symlink_to("/opt/concord/concord")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(RESOURCES / "linux" / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy(RESOURCES / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(RESOURCES / "icons", share / "icons")


def build_deb(bundle: Path, out_dir: Path, compression: str = "xz") -> Path:
    """Build the .deb from the folder build ``bundle``; returns its path."""
    if not (bundle / "concord").is_file():
        raise SystemExit(f"make_deb: {bundle}/concord not found: build the folder first")
    out_dir.mkdir(parents=True, exist_ok=True)
    arch = architecture()
    deb = out_dir / f"concord_{version()}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="concord-deb-", dir=out_dir) as tmp:
        root = Path(tmp) / "root"
        stage(bundle, root)
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(CONTROL.format(
            version=version(), arch=arch, size_kib=_tree_kib(root),
            depends=", ".join(DEPENDS)), encoding="utf-8")
        for path in root.rglob("*"):  # dpkg wants 0755 folders, whatever the umask was
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}",
                        *COMPRESSOR_OPTIONS[compression], "--build", str(root), str(deb)],
                       check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "concord")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--compression", default="xz", choices=("xz", "gzip", "zstd", "none"))
    args = parser.parse_args(argv)
    if not shutil.which("dpkg-deb"):
        print("make_deb: dpkg-deb not found (Debian/Ubuntu only)", file=sys.stderr)
        return 2
    deb = build_deb(args.bundle, args.out, args.compression)
    print(f"wrote {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
