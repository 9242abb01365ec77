"""The presenter's screen: the current and next step, speaker notes, the key levers and a timer.

With a second screen it sits there while the audience sees the charts; with one screen, P toggles it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QWidget

from hkplanner.core import REGISTRY

if TYPE_CHECKING:
    from hkplanner.ui.presentation import Presentation


def tr(text: str) -> str:
    return QCoreApplication.translate("PresenterView", text)


class PresenterView(QWidget):
    def __init__(self, presentation: Presentation) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("presenter_view")
        self.setWindowTitle(tr("Presenter view — HK Planner"))
        self.presentation = presentation
        self.current = QLabel()
        self.current.setObjectName("presenter_current")
        self.current.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.current.setWordWrap(True)
        self.upcoming = QLabel()
        self.upcoming.setObjectName("presenter_next")
        self.upcoming.setStyleSheet("font-size: 14pt; color: #555;")
        self.upcoming.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setObjectName("presenter_notes")
        self.notes.setStyleSheet("font-size: 16pt;")
        self.levers = QLabel()
        self.levers.setObjectName("presenter_levers")
        self.levers.setWordWrap(True)
        self.levers.setStyleSheet("font-size: 13pt;")
        self.clock = QLabel("0:00")
        self.clock.setObjectName("presenter_clock")
        self.clock.setStyleSheet("font-size: 28pt; font-weight: bold;")
        layout = QGridLayout(self)
        layout.addWidget(self.current, 0, 0)
        layout.addWidget(self.clock, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.upcoming, 1, 0, 1, 2)
        layout.addWidget(self.notes, 2, 0, 1, 2)
        layout.addWidget(self.levers, 3, 0, 1, 2)
        layout.setRowStretch(2, 1)
        self.elapsed = QElapsedTimer()
        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self._tick)
        presentation.step_changed.connect(self.show_step)

    def show_on(self, screen) -> None:
        self.setScreen(screen)
        self.move(screen.geometry().topLeft())
        self._start_clock()
        self.showFullScreen()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self._start_clock()
            self.showFullScreen()
            self.raise_()

    def show_step(self, index: int) -> None:
        steps = self.presentation.storyline.steps
        step = steps[index]
        self.current.setText(tr("Now ({0} of {1}): {2}").format(index + 1, len(steps), step.title))
        following = steps[index + 1].title if index + 1 < len(steps) else tr("(last step)")
        self.upcoming.setText(tr("Next: {0}").format(following))
        self.notes.setPlainText(step.notes)
        levers = [key for key, parameter in REGISTRY.items() if parameter.kind == "lever"]
        self.levers.setText(
            " · ".join(f"{REGISTRY[key].title}: {step.scenario[key]:g} {REGISTRY[key].unit}" for key in levers)
        )

    def _start_clock(self) -> None:
        if not self.elapsed.isValid():
            self.elapsed.start()
            self.ticker.start()
        self._tick()

    def _tick(self) -> None:
        seconds = self.elapsed.elapsed() // 1000 if self.elapsed.isValid() else 0
        self.clock.setText(f"{seconds // 60}:{seconds % 60:02d}")
