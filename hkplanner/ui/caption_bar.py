"""The line above the charts in presentation mode: which step, its title, and what changed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("CaptionBar", text)


class CaptionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caption_bar")
        self.title = QLabel()
        self.title.setObjectName("caption_title")
        self.title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.change = QLabel()
        self.change.setObjectName("caption_change")
        self.change.setWordWrap(True)
        self.change.setStyleSheet("font-size: 15pt; color: #0072B2;")
        self.levers = QLabel()
        self.levers.setObjectName("caption_levers")
        self.levers.setWordWrap(True)
        self.levers.setStyleSheet("font-size: 12pt; color: #333;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.change)
        layout.addWidget(self.levers)
        self.hide()

    def show_step(self, index: int, count: int, title: str, change: str, levers: str) -> None:
        self.title.setText(tr("{0} of {1} · {2}").format(index + 1, count, title))
        self.change.setText(change)
        self.change.setVisible(bool(change))
        self.levers.setText(levers)
