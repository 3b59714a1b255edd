"""Render resources/icons/antq.svg to antq.png (256×256) and antq.ico (16–256 px, PNG-compressed).

Run after changing the SVG: `QT_QPA_PLATFORM=offscreen .venv/bin/python installer/render_icons.py`.
Uses Qt's SVG module, which only this script needs (the app itself bundles no QtSvg).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file whose entries are PNG images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - QImage needs it
    renderer = QSvgRenderer(str(ICONS / "antq.svg"))
    if not renderer.isValid():
        print("antq.svg is not a valid SVG", file=sys.stderr)
        return 1
    (ICONS / "antq.png").write_bytes(render(renderer, 256))
    (ICONS / "antq.ico").write_bytes(ico([(s, render(renderer, s)) for s in ICO_SIZES]))
    print(f"wrote {ICONS / 'antq.png'} and {ICONS / 'antq.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
