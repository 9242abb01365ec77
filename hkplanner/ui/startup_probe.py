"""HKPLANNER_STARTUP_PROBE=1: the app prints when its window first painted and when every chart had, then quits.

This is how benchmarks/cold_start.py times a launch, the same way from source and from the frozen bundle.
The times are `time.monotonic()` (CLOCK_MONOTONIC on Linux, shared by processes), each taken after that
paint is done."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

VARIABLE = "HKPLANNER_STARTUP_PROBE"


def install_if_asked(app: QApplication, window: QWidget) -> None:
    if os.environ.get(VARIABLE):
        app.installEventFilter(StartupProbe(app, window))


class StartupProbe(QObject):
    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self.app, self.window = app, window
        self.first_paint: float | None = None
        self.first_pending = False
        self.painted: set[str] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        if not self.first_pending and watched.window() is self.window:
            self.first_pending = True
            QTimer.singleShot(0, self._note_first_paint)
        parent = watched.parentWidget()
        name = parent.objectName() if parent is not None else ""
        if name.startswith("chart_") and name not in self.painted:
            self.painted.add(name)
            if len(self.painted) == len(self.window.charts) > 0:
                QTimer.singleShot(0, self._stop)
        return False

    def _note_first_paint(self) -> None:
        self.first_paint = time.monotonic()

    def _stop(self) -> None:
        print(f"startup-probe first_paint={self.first_paint} charts_painted={time.monotonic()}", flush=True)
        self.app.quit()
