"""Small documents in every format Concord reads, written with the standard library only.

The bundle's smoke test compares each against the example rewrite with the frozen program and
with the source tree: the two must agree, so a reader whose dependency the bundle lacks shows up.
The PDF is made by the program under test itself (`concord report`), so no PDF library is needed.
"""

from __future__ import annotations

import zipfile
from email.message import EmailMessage
from html import escape
from pathlib import Path

PARAGRAPHS = (
    "The river rose quickly after three days of heavy rain in the hills above Siem Reap.",
    "Hundreds of families left their homes on Tuesday night, the mayor, Sok Dara, said.",
    "The city will open four shelters in schools and expects the water to fall by Sunday.",
)

DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path='
    '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def write_txt(path: Path) -> None:
    path.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")


def write_md(path: Path) -> None:
    path.write_text("# Flood\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")


def write_html(path: Path) -> None:
    body = "".join(f"<p>{escape(p)}</p>\n" for p in PARAGRAPHS)
    path.write_text(f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Flood</title>"
                    f"</head><body>\n{body}</body></html>\n", encoding="utf-8")


def write_rtf(path: Path) -> None:
    body = "".join(f"{p}\\par\n" for p in PARAGRAPHS)
    path.write_text("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n"
                    f"{body}}}\n", encoding="ascii")


def write_eml(path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "desk@example.org"
    msg["To"] = "editor@example.org"
    msg["Subject"] = "Flood"
    msg.set_content("\n\n".join(PARAGRAPHS) + "\n")
    path.write_bytes(bytes(msg))


def write_docx(path: Path) -> None:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paras = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in PARAGRAPHS)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{ns}"><w:body>{paras}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", DOCX_TYPES)
        z.writestr("_rels/.rels", DOCX_RELS)
        z.writestr("word/document.xml", document)


def write_odt(path: Path) -> None:
    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in PARAGRAPHS)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f"<office:body><office:text>{paras}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", ODT_MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


WRITERS = {".txt": write_txt, ".md": write_md, ".html": write_html, ".rtf": write_rtf,
           ".eml": write_eml, ".docx": write_docx, ".odt": write_odt}


def write_all(folder: Path) -> list[Path]:
    """One document per format (PDF apart: see the module docstring) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, writer in WRITERS.items():
        path = folder / f"flood{suffix}"
        writer(path)
        paths.append(path)
    return paths


def write_names_pair(folder: Path) -> tuple[Path, Path]:
    """Two short texts naming the same people and places in accented and plain spellings
    (entity linking transliterates them: its tables are data files the bundle must carry)."""
    folder.mkdir(parents=True, exist_ok=True)
    a, b = folder / "names_a.txt", folder / "names_b.txt"
    a.write_text("Dragana Perović met the mayor of Łódź and Søren Kierkegaard Jensen on Monday.\n"
                 "The mayor said Perović would return to Kraków in June.\n", encoding="utf-8")
    b.write_text("Dragana Perovic met the mayor of Lodz and Soren Kierkegaard Jensen on Monday.\n"
                 "The mayor said Perovic would come back to Krakow in June.\n", encoding="utf-8")
    return a, b
