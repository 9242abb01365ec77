"""The window's first size: as large as it likes to be, but never larger than the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget


def fitted(preferred: QSize, available: QRect, decoration: QSize) -> tuple[QSize, QPoint]:
    """The window's size (frame excluded), at most `preferred`, and its frame's top-left, centred in `available`."""
    size = preferred.boundedTo(available.size() - decoration)
    spare = available.size() - size - decoration
    return size, available.topLeft() + QPoint(spare.width() // 2, spare.height() // 2)


class _FitOnShow(QObject):
    """The frame's size is known once the window is shown: then make the frame fit as well."""

    def __init__(self, window: QWidget, preferred: QSize) -> None:
        super().__init__(window)
        self.preferred = preferred
        self.chosen = window.size()
        window.installEventFilter(self)

    def eventFilter(self, window, event) -> bool:
        if event.type() == QEvent.Type.Show:
            window.removeEventFilter(self)
            available = window.screen().availableGeometry()
            resized_since = window.size() != self.chosen  # a restored geometry, or a size asked for: keep it
            if not resized_since and not available.contains(window.frameGeometry()):
                decoration = window.frameGeometry().size() - window.geometry().size()
                size, top_left = fitted(self.preferred, available, decoration)
                window.resize(size)
                window.move(top_left)  # a top-level window's position is its frame's
        return False


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Size the window for the screen it opens on; a geometry restored afterwards wins."""
    window.resize(preferred.boundedTo(window.screen().availableGeometry().size()))
    _FitOnShow(window, preferred)
