"""The app's start: the window paints first, without pyqtgraph; the charts follow and show what an immediately
built window shows (benchmarks/cold_start.py times it)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from hkplanner.ui import MainWindow


def test_the_window_module_loads_without_pyqtgraph():
    script = "import sys, hkplanner.ui.main_window; print('pyqtgraph' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == "False", result.stderr[-2000:]


def test_charts_follow_the_first_paint_with_the_projection_and_menus(window, qtbot):
    later = MainWindow(charts_after_first_paint=True)
    qtbot.addWidget(later)
    later.resize(1600, 1000)
    assert later.charts == []
    later.show()
    qtbot.waitUntil(lambda: len(later.charts) == len(window.charts) and all(c.isVisible() for c in later.charts))
    for built_later, built_at_once in zip(later.charts, window.charts, strict=True):
        assert built_later.objectName() == built_at_once.objectName()
        assert built_later.contextMenuPolicy() == built_at_once.contextMenuPolicy()
        for key, curve in built_later.curves.items():
            np.testing.assert_array_equal(curve.y, built_at_once.curves[key].y)


def test_the_startup_probe_reports_first_paint_before_the_charts(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    environment.update(QT_QPA_PLATFORM="offscreen", HKPLANNER_STARTUP_PROBE="1", HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "hkplanner"], env=environment, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("startup-probe "))
    first, charts = (float(part.split("=")[1]) for part in line.split()[1:])
    assert first < charts
