"""The header above the charts in presentation mode: which step, its "so what" in large type, and what
changed since the step before. Its height never changes between steps, so the charts never jump."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from hkplanner.charts import theme
from hkplanner.ui.fit_text import fitted_font

TITLE_PX = 28
SO_WHAT_PX = 44  # the headline: read from the back of the room
SO_WHAT_MIN_PX = 30  # a long line shrinks to this, then is cut with an ellipsis (it never wraps)
CHANGE_PX = 24
MARGIN = 8


def tr(text: str) -> str:
    return QCoreApplication.translate("CaptionBar", text)


def _line(name: str, pixels: int, colour: str, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {colour};")
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens the window
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class CaptionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caption_bar")
        self.title = _line("caption_title", TITLE_PX, "#333333", bold=True)
        self.so_what = _line("caption_so_what", SO_WHAT_PX, theme.BLACK, bold=True)
        self.change = _line("caption_change", CHANGE_PX, theme.BLUE)
        self._texts = ("", "")  # the so-what and the change, in full
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        layout.setSpacing(2)
        lines = (self.title, self.so_what, self.change)
        for label in lines:
            layout.addWidget(label)
        # Room for each line at its largest, so no step makes the header taller or shorter.
        self.setFixedHeight(sum(label.fontMetrics().height() for label in lines) + 2 * len(lines) + MARGIN)
        self.hide()

    def show_step(self, index: int, count: int, title: str, so_what: str, change: str) -> None:
        self.title.setText(tr("{0} of {1} · {2}").format(index + 1, count, title))
        self._texts = (so_what, change or tr("The starting point"))
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """One line each: the so-what in the largest type that fits the width (down to SO_WHAT_MIN_PX),
        then both cut with an ellipsis if still too long; the full text is in the tooltip."""
        so_what, change = self._texts
        width = max(self.so_what.width(), 1)
        self.so_what.setFont(fitted_font(self.so_what.font(), so_what, width, SO_WHAT_PX, SO_WHAT_MIN_PX))
        for label, text in ((self.so_what, so_what), (self.change, change)):
            elided = label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            label.setText(elided)
            label.setToolTip(text if elided != text else "")
