"""Draw Concord's icon (two overlapping documents) into resources/concord.png and concord.ico."""

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


def render(size: int):  # type: ignore[no-untyped-def]
    """The icon as a ``size`` x ``size`` QImage with a transparent background."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)  # draw in a 256-unit box

    def page(x: float, y: float, fill: str) -> None:
        w, h, fold, r = 132.0, 172.0, 36.0, 10.0
        path = QPainterPath()
        path.moveTo(x + r, y)
        path.lineTo(x + w - fold, y)
        path.lineTo(x + w, y + fold)
        path.lineTo(x + w, y + h - r)
        path.quadTo(x + w, y + h, x + w - r, y + h)
        path.lineTo(x + r, y + h)
        path.quadTo(x, y + h, x, y + h - r)
        path.lineTo(x, y + r)
        path.quadTo(x, y, x + r, y)
        path.closeSubpath()
        p.setPen(QPen(QColor("white"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.setBrush(QColor(fill))
        p.drawPath(path)
        # The folded corner, a lighter triangle.
        corner = QPainterPath(QPointF(x + w - fold, y))
        corner.lineTo(x + w - fold, y + fold)
        corner.lineTo(x + w, y + fold)
        corner.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 150))
        p.drawPath(corner)
        # Text lines.
        p.setBrush(QColor(255, 255, 255, 225))
        for i, length in enumerate((0.52, 0.78, 0.66, 0.78, 0.45)):
            line_y = y + 58 + i * 22
            p.drawRoundedRect(QRectF(x + 20, line_y, (w - 40) * length, 9), 4.5, 4.5)

    page(26, 22, BLUE)
    page(98, 62, ORANGE)
    p.end()
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


def main(argv: list[str] | None = None) -> int:
    """Write the icon files; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "resources",
                        help="folder to write concord.png and concord.ico into")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    images = {size: png_bytes(render(size)) for size in ICO_SIZES}
    (args.out / "concord.png").write_bytes(images[256])
    (args.out / "concord.ico").write_bytes(ico_bytes(images))
    print(f"wrote {args.out / 'concord.png'} and {args.out / 'concord.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
