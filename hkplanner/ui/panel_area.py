"""The scroll area around the parameter panel: never narrower than the panel's content needs, so no unit
label is cut and no column of the phase table hides behind a horizontal scroll bar, whatever the window's
size, the theme's type size or the splitter state restored from the last session."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class PanelArea(QScrollArea):
    """Its minimum width is the panel's: the splitter (and a restored splitter
    state) can make it wider, never narrower."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.setObjectName("parameter_scroll")
        self.setWidgetResizable(True)
        self.setWidget(panel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside, not the frame
        panel.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        # The vertical scroll bar is counted even when hidden: showing it must not squeeze the content.
        chrome = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(self.widget().minimumSizeHint().width() + chrome, super().minimumSizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the content's minimum may have changed: so has ours
            self.updateGeometry()
        return False
