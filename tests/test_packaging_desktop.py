"""The Linux desktop integration: desktop entry, AppStream metainfo, icons, install.sh, .deb."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.concord.Concord"
DESKTOP = ROOT / "resources" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
INSTALL = ROOT / "packaging" / "install.sh"
# Every format Concord reads (core/readers), as the desktop and file managers name them.
READ_TYPES = {
    "text/plain", "text/markdown", "text/html", "application/xhtml+xml", "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text", "application/rtf", "text/rtf", "message/rfc822",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"_pkg_{name}", ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed (tasks.py installs it with apt on Debian/Ubuntu)")
    return path


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_desktop_entry_names_every_format_concord_reads():
    entry = _entry(DESKTOP)
    assert entry["Name"] == "Concord" and entry["GenericName"] == "Document comparison"
    assert entry["Exec"] == "concord %F"  # %F: a file manager passes all selected files at once
    assert entry["Icon"] == APP_ID and entry["Comment"]
    assert entry["Categories"] == "Office;Utility;TextTools;"
    assert set(entry["MimeType"].strip(";").split(";")) == READ_TYPES
    provided = {e.text for e in ET.parse(METAINFO).getroot().iter("mediatype")}
    assert provided == READ_TYPES


def test_desktop_file_validate():
    tool = _tool("desktop-file-validate")
    out = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "error" not in out.stdout.lower()


def test_appstream_metainfo_validates():
    tool = _tool("appstream-util")
    out = subprocess.run([tool, "validate-relax", "--nonet", str(METAINFO)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_metainfo_newest_release_is_the_app_version():
    version = re.search(r'__version__ = "([^"]+)"',
                        (ROOT / "core" / "__init__.py").read_text())[1]
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("releases")[0].get("version") == version


def test_hicolor_icons_at_every_size():
    hicolor = ROOT / "resources" / "icons" / "hicolor"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    svg = ET.parse(hicolor / "scalable" / "apps" / f"{APP_ID}.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"
    make_icon = _load("make_icon")
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_text() == make_icon.svg_text()


def _sample_files(folder: Path) -> dict[Path, str]:
    """A .txt, .docx and .pdf with real content (the desktop sniffs content, not only names)."""
    txt, docx, pdf = folder / "note.txt", folder / "letter.docx", folder / "scan.pdf"
    txt.write_text("A short note.\n", encoding="utf-8")
    _load("smoke_docs").write_docx(docx)
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    return {txt: "text/plain", docx: DOCX, pdf: "application/pdf"}


@pytest.fixture
def desktop_env(tmp_path):
    """A user's XDG folders in tmp_path, and a stand-in Concord folder that records its args."""
    bundle = tmp_path / "Concord folder"  # a space, as in "~/Apps/Concord folder"
    bundle.mkdir()
    record = tmp_path / "args.txt"
    exe = bundle / "concord"
    exe.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n', encoding="utf-8")
    exe.chmod(0o755)
    data = tmp_path / "data"
    env = dict(os.environ, XDG_DATA_HOME=str(data), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_DIRS=f"{data}:/usr/share", HOME=str(tmp_path))
    return bundle, data, env, record


def test_install_sh_registers_concord_for_the_formats(desktop_env, tmp_path):
    bundle, data, env, record = desktop_env
    out = subprocess.run(["sh", str(INSTALL), str(bundle)], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    installed = data / "applications" / f"{APP_ID}.desktop"
    entry = _entry(installed)
    assert entry["Exec"] == f'"{bundle / "concord"}" %F'
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").exists()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True,
                               text=True)
        assert check.returncode == 0, check.stdout
    if shutil.which("xdg-mime"):
        # Real .txt, .docx and .pdf files: their type as the desktop sees it, then its handler.
        files = _sample_files(tmp_path)
        for path, mime in files.items():
            found = subprocess.run(["xdg-mime", "query", "filetype", str(path)], env=env,
                                   capture_output=True, text=True).stdout.strip()
            assert found == mime, path.name
            default = subprocess.run(["xdg-mime", "query", "default", mime], env=env,
                                     capture_output=True, text=True).stdout.strip()
            assert default == f"{APP_ID}.desktop", mime
    if shutil.which("gio"):
        for mime in ("text/plain", DOCX, "application/pdf"):
            listed = subprocess.run(["gio", "mime", mime], env=env, capture_output=True,
                                    text=True).stdout
            assert f"{APP_ID}.desktop" in listed.split("Registered applications:")[-1], mime
        # "Open With" Concord on two selected files: one process gets both (%F).
        a, b = tmp_path / "a.txt", tmp_path / "b.docx"
        a.write_text("one\n")
        b.write_bytes(b"PK\x03\x04")
        launched = subprocess.run(["gio", "launch", str(installed), str(a), str(b)], env=env,
                                  capture_output=True, text=True, timeout=30)
        if launched.returncode == 0:
            for _ in range(50):
                if record.exists() and record.read_text().count("\n") >= 2:
                    break
                subprocess.run(["sleep", "0.1"])
            assert record.read_text().split("\n")[:2] == [str(a), str(b)]
    removed = subprocess.run(["sh", str(INSTALL), "--uninstall", str(bundle)], env=env,
                             capture_output=True, text=True, timeout=60)
    assert removed.returncode == 0 and not installed.exists()
    assert not list((data / "icons").rglob(f"{APP_ID}.png"))


def test_install_sh_refuses_a_folder_without_concord(desktop_env, tmp_path):
    _bundle, _data, env, _record = desktop_env
    out = subprocess.run(["sh", str(INSTALL), str(tmp_path)], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2 and "no Concord program" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="dpkg-deb: Debian/Ubuntu")
def test_deb_from_a_folder_build(desktop_env, tmp_path):
    _tool("dpkg-deb")
    bundle, _data, _env, _record = desktop_env
    internal = bundle / "_internal" / "resources"
    internal.mkdir(parents=True)
    deb = _load("make_deb").build_deb(bundle, tmp_path / "out", compression="gzip")
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"],
                          capture_output=True, text=True, check=True).stdout
    assert "Package: concord" in info and "libxcb-cursor0" in info
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    assert os.readlink(root / "usr" / "bin" / "concord") == "/opt/concord/concord"
    assert os.access(root / "opt" / "concord" / "concord", os.X_OK)
    assert (root / "usr" / "share" / "applications" / f"{APP_ID}.desktop").read_text() == \
        DESKTOP.read_text()
    assert (root / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" /
            f"{APP_ID}.svg").exists()
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    assert all(" root/root " in line for line in listing.splitlines())
