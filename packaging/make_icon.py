"""Draws the app icon with Qt and writes it for every platform into resources/:
hkplanner.png (512 px, Linux and the window), hkplanner.ico (Windows), hkplanner.icns (macOS).

    python packaging/make_icon.py      # run again after changing the drawing; the files are committed

ICO and ICNS are written by hand around PNG images (both formats allow PNG entries), so no extra Qt image
plugin is needed."""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}


def draw(size: int) -> QImage:
    """A deep-blue tile with three rising bars and a target star: capacity growing to the plan's target."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(4, 4, 92, 92), 18, 18)
    painter.fillPath(tile, QColor("#0b3d91"))
    for index, height in enumerate((22, 38, 58)):
        painter.fillRect(
            QRectF(18 + index * 22, 82 - height, 16, height), QColor("#e69f00" if index == 2 else "#56b4e9")
        )
    painter.setPen(QPen(QColor("white"), 3, Qt.PenStyle.DashLine))
    painter.drawLine(14, 22, 86, 22)
    font = QFont("DejaVu Sans")
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(10, 26, 50, 24), Qt.AlignmentFlag.AlignLeft, "HK")
    painter.end()
    return image


def png(size: int) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(size).save(buffer, "PNG")
    return bytes(data)


def ico() -> bytes:
    images = [png(size) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def icns() -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in _icns_images())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _icns_images():
    for kind, size in ICNS_TYPES.items():
        yield kind, png(size)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # fonts need an application
    (RESOURCES / "hkplanner.png").write_bytes(png(512))
    (RESOURCES / "hkplanner.ico").write_bytes(ico())
    (RESOURCES / "hkplanner.icns").write_bytes(icns())
    del app
    print(f"wrote hkplanner.png, hkplanner.ico, hkplanner.icns in {RESOURCES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
