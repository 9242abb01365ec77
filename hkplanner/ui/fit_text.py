"""Large type that stays on one line: the largest pixel size at which a text fits a width."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

STEP_PX = 2


def fitted_font(font: QFont, text: str, width: int, largest: int, smallest: int) -> QFont:
    """`font` at `largest` pixels, or smaller (down to `smallest`) until `text` fits `width`."""
    fitted = QFont(font)
    pixels = largest
    fitted.setPixelSize(pixels)
    while pixels > smallest and QFontMetrics(fitted).horizontalAdvance(text) > width:
        pixels = max(pixels - STEP_PX, smallest)
        fitted.setPixelSize(pixels)
    return fitted
