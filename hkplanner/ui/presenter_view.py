"""The presenter's screen: thumbnails of the current and next step, speaker notes, the key levers and
a timer.

With a second screen it sits there while the audience sees the charts; with one screen, P shows it
(after a warning: it covers what the audience sees).
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QTextBrowser, QWidget

from hkplanner.core import REGISTRY, Workspace
from hkplanner.core.storyline import Step

if TYPE_CHECKING:
    from hkplanner.ui.presentation import Presentation

THUMBNAIL = QSize(560, 315)  # a 16:9 screen in small
THUMBNAIL_CHART = QSize(480, 300)  # each chart of a next-step thumbnail, before scaling down


def tr(text: str) -> str:
    return QCoreApplication.translate("PresenterView", text)


def _thumbnail_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setMinimumSize(THUMBNAIL)  # a fixed size would keep the whole view from filling its screen
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("border: 1px solid #999; background: white; font-size: 14pt; color: #555;")
    return label


def _compose(images: list) -> QPixmap:
    """Chart images three to a row (one alone fills the thumbnail)."""
    columns = 3 if len(images) > 1 else 1
    rows = -(-len(images) // columns)
    cell = images[0].size()
    pixmap = QPixmap(cell.width() * columns, cell.height() * rows)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    for index, image in enumerate(images):
        painter.drawImage((index % columns) * cell.width(), (index // columns) * cell.height(), image)
    painter.end()
    return pixmap


class PresenterView(QWidget):
    def __init__(self, presentation: Presentation) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("presenter_view")
        self.setWindowTitle(tr("Presenter view — HK Planner"))
        self.presentation = presentation
        # Charts built once, offscreen, while the view is open: drawing the next step on them takes
        # tens of milliseconds, where building them for each step took over half a second.
        self._charts: list | None = None
        self._charts_open = ExitStack()
        self.current = QLabel()
        self.current.setObjectName("presenter_current")
        self.current.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.current.setWordWrap(True)
        self.upcoming = QLabel()
        self.upcoming.setObjectName("presenter_next")
        self.upcoming.setStyleSheet("font-size: 14pt; color: #555;")
        self.upcoming.setWordWrap(True)
        self.now_thumbnail = _thumbnail_label("presenter_now_thumbnail")
        self.next_thumbnail = _thumbnail_label("presenter_next_thumbnail")
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
        layout.addWidget(self.now_thumbnail, 1, 0)
        layout.addWidget(self.next_thumbnail, 1, 1)
        layout.addWidget(self.upcoming, 2, 0, 1, 2)
        layout.addWidget(self.notes, 3, 0, 1, 2)
        layout.addWidget(self.levers, 4, 0, 1, 2)
        layout.setRowStretch(3, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
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
            self.show_step(self.presentation.index)
            self.show_current()

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

    def show_current(self) -> None:
        """Once a step has arrived (not during its animation): what the audience sees now, and the next step."""
        if not self.isVisible():
            return
        for _ in range(2):  # a focus chart's frame grows only once the layouts (nested) have run
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        shot = self.presentation.window.centralWidget().grab()
        self.now_thumbnail.setPixmap(shot.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
        steps, index = self.presentation.storyline.steps, self.presentation.index + 1
        if index < len(steps):
            self.next_thumbnail.setPixmap(self._thumbnail(steps[index]))
        else:
            self.next_thumbnail.setText(tr("(last step)"))

    def _thumbnail(self, step: Step) -> QPixmap:
        """The step's charts (or its focus chart alone), drawn offscreen as the audience will see them."""
        from hkplanner.export.charts import chart_image, offscreen_charts  # only with the presenter view open

        if self._charts is None:
            self._charts = self._charts_open.enter_context(offscreen_charts(step.scenario, size=THUMBNAIL_CHART))
        workspace = Workspace(step.scenario)
        projection, ghost = workspace.projection, workspace.baseline_projection
        shown = [c for c in self._charts if step.focus in (None, c.objectName().removeprefix("chart_"))]
        for chart in shown:
            chart.show_projection(projection, ghost)
        images = [chart_image(chart, scale=1) for chart in shown]
        return _compose(images).scaled(
            THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._charts_open.close()  # the offscreen charts go with the view
        self._charts = None

    def _start_clock(self) -> None:
        if not self.elapsed.isValid():
            self.elapsed.start()
            self.ticker.start()
        self._tick()

    def _tick(self) -> None:
        seconds = self.elapsed.elapsed() // 1000 if self.elapsed.isValid() else 0
        self.clock.setText(f"{seconds // 60}:{seconds % 60:02d}")
