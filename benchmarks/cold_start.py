"""Cold start to the first painted window (design budget: <= 1.0 s median), as a user launching the app sees it.

Each run is a fresh interpreter that runs the `hkplanner` command's own `main()` and stops the clock, and the
app, once every chart has received its first Paint event and that paint is done. Settings and autosaves go to
a throwaway folder, so each run is a first launch with nothing to recover.
Figures, medians over the runs, after one unmeasured run that warms the OS file cache and writes bytecode:
  launch_to_paint_s: parent's Popen to the child's first paint (CLOCK_MONOTONIC is shared by processes),
  script_to_paint_s: the child's first line (before any import) to its first paint,
  process_wall_s:    Popen to exit, teardown included,
  bare_qt_import_s:  Popen to exit of `python -c "import PySide6.QtWidgets"`, the peer that the ratio divides by.
"""

from __future__ import annotations

import statistics

from benchmarks.timing import run_child

RUNS, QUICK_RUNS = 7, 3
BUDGETS = {"launch_to_paint_s": 1.0}

CHILD = """
import time
start = time.clock_gettime(time.CLOCK_MONOTONIC)
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):  # once every chart has painted: note the time, after that paint, and quit

    def __init__(self, app):
        super().__init__()
        self.app, self.painted = app, set()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            parent = watched.parent()
            name = parent.objectName() if parent is not None else ""
            if name.startswith("chart_") and name not in self.painted:
                from hkplanner.ui.charts.catalogue import CHARTS

                self.painted.add(name)
                if len(self.painted) == len(CHARTS):
                    QTimer.singleShot(0, self.stop)
        return False

    def stop(self):
        print(start, time.clock_gettime(time.CLOCK_MONOTONIC))
        self.app.quit()


app = QApplication(sys.argv[:1])  # as the app's main() would, so that the filter is in place first
first_paint = FirstPaint(app)
app.installEventFilter(first_paint)
from hkplanner.ui.app import main

main([])
"""


def run(quick: bool = False) -> dict[str, float]:
    runs = QUICK_RUNS if quick else RUNS
    run_child(["-c", CHILD])  # warm the file cache and the bytecode; not measured
    launch, script, wall = [], [], []
    for _ in range(runs):
        launched, exited, output = run_child(["-c", CHILD])
        start, painted = map(float, output.split()[-2:])  # the last line is ours
        launch.append(painted - launched)
        script.append(painted - start)
        wall.append(exited - launched)
    bare = []
    for _ in range(runs):
        launched, exited, _ = run_child(["-c", "import PySide6.QtWidgets"])
        bare.append(exited - launched)
    figures = {
        "launch_to_paint_s": statistics.median(launch),
        "script_to_paint_s": statistics.median(script),
        "process_wall_s": statistics.median(wall),
        "bare_qt_import_s": statistics.median(bare),
    }
    figures["launch_to_paint_vs_bare_qt"] = figures["launch_to_paint_s"] / figures["bare_qt_import_s"]
    return figures
