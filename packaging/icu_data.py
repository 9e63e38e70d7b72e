"""Shrink Qt's ICU data library (32 MB) to what an English-interface Concord can reach (build.py).

PySide6's Qt links ICU 73, whose `libicudata` is one symbol, ``icudt73_dat``: an ICU "common
data" package (a table of contents, then one item per converter table, locale, dictionary...).
Qt asks ICU for collation (sorting in file dialogs), case mapping, and converters only for the
non-UTF encodings Concord never decodes through Qt (Python decodes documents). So the bundle keeps
the root and English locale data of every tree, the collation base, normalisation, names and
aliases, and drops the converter tables, the other locales, the CJK/Thai/Khmer/Lao/Burmese word
dictionaries and the transliterators; ICU falls back to the root locale for a locale it lacks.
The library is rebuilt with the C compiler (``.incbin``); without one the original stays.
"""

from __future__ import annotations

import ctypes
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

HEADER = struct.Struct("<H2B")  # header size, magic 0xda 0x27
_LOCALE_RE = re.compile(r"^[a-z]{2,3}(_|$)")  # "de", "de_CH", "de_" (collation variants)
_NOT_LOCALES = frozenset({"root", "pool", "res_index"})
DROPPED_TREES = ("translit/",)  # transliterators: Qt never calls them
KEPT_LOCALES = ("en",)


def keep_item(name: str) -> bool:
    """Whether the package item ``name`` ("icudt73l/coll/en.res") stays."""
    rel = name.split("/", 1)[1] if "/" in name else name
    if rel.startswith(DROPPED_TREES) or rel.endswith((".cnv", ".dict")):
        return False
    stem, _dot, ext = rel.rsplit("/", 1)[-1].rpartition(".")
    if ext != "res" or stem in _NOT_LOCALES or not _LOCALE_RE.match(stem):
        return True
    return stem.split("_")[0] in KEPT_LOCALES


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of a little-endian ICU common data package."""
    size, magic1, magic2 = HEADER.unpack_from(data)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", data, size)[0]
    toc = [struct.unpack_from("<II", data, size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(toc):
        end = toc[i + 1][1] if i + 1 < count else len(data) - size
        name = data[size + name_at:data.index(b"\0", size + name_at)].decode("ascii")
        items.append((name, data[size + data_at:size + end]))
    return data[:size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package with ``items`` (kept in their sorted order: ICU looks names up by bisection)."""
    names = [name.encode("ascii") + b"\0" for name, _ in items]
    toc_size = 4 + 8 * len(items)
    offset = toc_size + sum(len(n) for n in names)
    offset += -(len(header) + offset) % 16  # items are 16-byte aligned in the file
    toc, blobs, name_at = [struct.pack("<I", len(items))], [], toc_size
    for name, (_n, blob) in zip(names, items):
        toc.append(struct.pack("<II", name_at, offset))
        name_at += len(name)
        pad = b"\0" * (-len(blob) % 16)
        blobs.append(blob + pad)
        offset += len(blob) + len(pad)
    head = b"".join(toc) + b"".join(names)
    head += b"\0" * (-(len(header) + len(head)) % 16)
    return header + head + b"".join(blobs)


def symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the data symbol ``icudtNN_dat`` in ``library``."""
    out = subprocess.run(["readelf", "-sW", str(library)], capture_output=True, text=True,
                         check=True).stdout
    match = re.search(r"\s([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+"
                      r"(icudt\d+_dat)", out)
    if not match:
        raise ValueError(f"{library}: no icudt*_dat symbol")
    address = int(match[1], 16)
    size = int(match[2], 0)
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():  # the section holding it gives address -> file offset
        parts = line.replace("[ ", "[").split()
        if len(parts) > 5 and parts[0].startswith("[") and parts[2] == "PROGBITS":
            start, file_at, length = int(parts[3], 16), int(parts[4], 16), int(parts[5], 16)
            if start <= address < start + length:
                return match[3], file_at + address - start, size
    raise ValueError(f"{library}: {match[3]} is in no section")


def build_library(dat: bytes, name: str, soname: str, out: Path, cc: str = "cc") -> None:
    """A shared library exporting ``name`` = ``dat`` (what ICU's own build produces)."""
    with tempfile.TemporaryDirectory(prefix="concord-icu-") as tmp:
        (Path(tmp) / "data.bin").write_bytes(dat)
        src = Path(tmp) / "data.S"
        src.write_text(
            f'\t.section .rodata\n\t.globl {name}\n\t.type {name}, @object\n\t.balign 16\n'
            f'{name}:\n\t.incbin "data.bin"\n\t.size {name}, . - {name}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out),
                        "data.S"], check=True, cwd=tmp)


def works(libdir: Path) -> bool:
    """ICU in ``libdir`` opens the English collator and the UTF-8 converter with its data."""
    uc, i18n = sorted(libdir.glob("libicuuc.so.*")), sorted(libdir.glob("libicui18n.so.*"))
    if not (uc and i18n):
        return False
    version = uc[0].name.rsplit(".", 1)[-1]
    ctypes.CDLL(str(uc[0]), mode=ctypes.RTLD_GLOBAL)
    lib = ctypes.CDLL(str(i18n[0]))
    status = ctypes.c_int(0)
    ucol_open = getattr(lib, f"ucol_open_{version}")
    ucol_open.restype = ctypes.c_void_p
    collator = ucol_open(b"en_US", ctypes.byref(status))
    if not collator or status.value > 0:  # > 0: an error; < 0: a warning (fallback used)
        return False
    getattr(lib, f"ucol_close_{version}")(ctypes.c_void_p(collator))
    return True


def shrink(libdir: Path, cc: str | None = None) -> tuple[int, int]:
    """Rewrite ``libdir``'s libicudata with the items Concord can use; (bytes before, after).

    Leaves the library as it was (returns equal sizes) when there is no C compiler or no ICU.
    """
    libs = [p for p in sorted(libdir.glob("libicudata.so.*")) if not p.is_symlink()]
    cc = cc or shutil.which("cc") or shutil.which("gcc")
    if not libs or not cc or not shutil.which("readelf"):
        return (libs[0].stat().st_size,) * 2 if libs else (0, 0)
    lib = libs[0]
    before = lib.stat().st_size
    name, offset, size = symbol(lib)
    raw = lib.read_bytes()[offset:offset + size]
    header, items = read_package(raw)
    smaller = write_package(header, [item for item in items if keep_item(item[0])])
    built = lib.with_name(lib.name + ".new")
    build_library(smaller, name, lib.name, built, cc)
    original = lib.with_name(lib.name + ".orig")
    lib.rename(original)
    built.rename(lib)
    if not _works_in_subprocess(libdir):
        original.replace(lib)  # keep what works
        raise RuntimeError(f"ICU with the reduced {lib.name} failed: kept the original")
    original.unlink()
    return before, lib.stat().st_size


def _works_in_subprocess(libdir: Path) -> bool:
    """`works` in a fresh interpreter (a library once loaded cannot be swapped in this one)."""
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import icu_data; "
            f"from pathlib import Path; sys.exit(0 if icu_data.works(Path({str(libdir)!r})) "
            f"else 1)")
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
