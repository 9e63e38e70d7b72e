"""Draw Concord's icon (two overlapping documents): SVG, hicolor PNGs, .ico, .icns."""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLUE = "#0072B2"
ORANGE = "#E69F00"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


APP_ID = "org.concord.Concord"  # the desktop entry, AppStream and macOS bundle identifier
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # hicolor sizes installed on Linux
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09",
              1024: b"ic10"}
PAGE_W, PAGE_H, FOLD, RADIUS = 132, 172, 36, 10
LINES = (0.52, 0.78, 0.66, 0.78, 0.45)


def _page_svg(x: float, y: float, fill: str) -> str:
    """One document: rounded page with a folded corner and five text lines (256-unit box)."""
    w, h, f, r = PAGE_W, PAGE_H, FOLD, RADIUS
    outline = (f"M{x + r},{y} L{x + w - f},{y} L{x + w},{y + f} L{x + w},{y + h - r} "
               f"Q{x + w},{y + h} {x + w - r},{y + h} L{x + r},{y + h} "
               f"Q{x},{y + h} {x},{y + h - r} L{x},{y + r} Q{x},{y} {x + r},{y} Z")
    parts = [
        f'<path d="{outline}" fill="{fill}" stroke="#ffffff" stroke-width="8" '
        'stroke-linejoin="round" stroke-linecap="round"/>',
        f'<path d="M{x + w - f},{y} L{x + w - f},{y + f} L{x + w},{y + f} Z" '
        'fill="#ffffff" fill-opacity="0.59"/>',
    ]
    for i, length in enumerate(LINES):
        parts.append(f'<rect x="{x + 20}" y="{y + 58 + i * 22}" width="{(w - 40) * length:g}" '
                     'height="9" rx="4.5" fill="#ffffff" fill-opacity="0.88"/>')
    return "\n  ".join(parts)


def svg_text() -> str:
    """The icon as SVG (the source of every PNG, .ico and .icns)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" '
            'viewBox="0 0 256 256">\n  <title>Concord</title>\n  '
            f"{_page_svg(26, 22, BLUE)}\n  {_page_svg(98, 62, ORANGE)}\n</svg>\n")


def render(size: int):  # type: ignore[no-untyped-def]
    """The icon as a ``size`` x ``size`` QImage with a transparent background."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg_text().encode())).render(painter)
    painter.end()
    return img


def png_bytes(img) -> bytes:  # type: ignore[no-untyped-def]
    """``img`` encoded as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (sizes up to 256)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images (types icp4..ic10, macOS 10.7 and later)."""
    body = b""
    for size, blob in sorted(images.items()):
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(blob)) + blob
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_all(out: Path) -> list[Path]:
    """Every icon file Concord ships, under ``out`` (normally resources/)."""
    images = {size: png_bytes(render(size)) for size in {*ICO_SIZES, *PNG_SIZES, *ICNS_TYPES}}
    files = {
        out / "concord.svg": svg_text().encode(),
        out / "concord.png": images[256],
        out / "concord.ico": ico_bytes({s: images[s] for s in ICO_SIZES}),
        out / "concord.icns": icns_bytes({s: images[s] for s in ICNS_TYPES}),
        out / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": svg_text().encode(),
    }
    for size in PNG_SIZES:
        files[out / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = (
            images[size])
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return list(files)


def main(argv: list[str] | None = None) -> int:
    """Write the icon files; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "resources",
                        help="folder to write the icons into")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    written = write_all(args.out)
    print(f"wrote {len(written)} icon files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
