"""A label of a fixed number of lines: words wrap onto the next line and what still does not fit is
elided ("…") at the end of the last, instead of spilling under the next widget.

Its height is that many lines of its font, whatever the text: setting a new text repaints it but never
re-lays out the window, which keeps slider-driven updates cheap.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


def wrapped(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> tuple[list[str], bool]:
    """The lines drawn, and whether anything had to be elided."""
    # Most texts (a card's figures, new at each step of a slider) fit on one line: one measurement, not one
    # a word.
    if metrics.horizontalAdvance(text) <= width:
        return [text], False
    if max_lines == 1:
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)], True
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = " ".join([lines[-1], *words])
    elided = metrics.horizontalAdvance(lines[-1]) > width if lines else False
    if elided:
        lines[-1] = metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
    return lines, elided


class ElidedLabel(QWidget):
    def __init__(self, max_lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._colour: QColor | None = None  # the palette's text colour unless set
        self.max_lines = max_lines
        self._line_height = 0
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def set_colour(self, colour: QColor) -> None:
        """The text's colour: cheaper than a style sheet, which restyles the label on every change."""
        self._colour = colour
        self.update()

    def colour(self) -> QColor:
        return self._colour or self.palette().color(QPalette.ColorRole.WindowText)

    def is_elided(self) -> bool:
        return wrapped(self._text, self.fontMetrics(), self.contentsRect().width(), self.max_lines)[1]

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(
            metrics.horizontalAdvance(self._text), metrics.height() + metrics.lineSpacing() * (self.max_lines - 1)
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M…"), self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        """Only a new line height changes the layout: a colour change (a verdict) re-lays out nothing."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            line_height = self.fontMetrics().lineSpacing()
            if line_height != self._line_height:
                self._line_height = line_height
                self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.colour())
        area = self.contentsRect()
        metrics = self.fontMetrics()
        lines, _ = wrapped(self._text, metrics, area.width(), self.max_lines)
        for number, line in enumerate(lines):
            row = QRect(area.left(), area.top() + number * metrics.lineSpacing(), area.width(), metrics.height())
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
