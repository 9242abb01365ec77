"""Slider moved -> every chart repainted, in the real window: the app's headline latency figure.

The full MainWindow (1600x1000, shown offscreen, warmed up) replays the shared drag sequence: each step is
`QSlider.setValue` then processEvents until the repaint is flushed, timed with perf_counter. gc stays on.
Per-slider medians show which edits are expensive; chart paints per step prove the charts did repaint.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from benchmarks.steps import Step, slider_steps
from benchmarks.timing import Timings, close_window, paint_counter, qt_app, settle, time_steps

STEPS, QUICK_STEPS, WARMUP_STEPS = 300, 60, 40
BUDGETS = {"median_ms": 4.0, "p99_ms": 8.3}  # design.md: one frame at 120 Hz, with bands and pins on


def open_window(app):
    """The window on the baseline, shown and warmed up (first paints fill font and path caches), then reset."""
    from hkplanner.ui import MainWindow

    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    settle(app)
    drag(app, window, slider_steps(WARMUP_STEPS))
    window.panel.reset_all.click()
    settle(app)
    return window


def drag(app, window, steps: list[Step]) -> Timings:
    """Time each step. Untimed around each step: the slider is scrolled into view first, as a user
    would, and the session is checked to have taken the step's value."""
    from PySide6.QtWidgets import QScrollArea, QSlider

    sliders = {key: window.findChild(QSlider, key) for key in {step.key for step in steps}}
    scroll = window.findChild(QScrollArea, "parameter_scroll")

    def reach(step: Step) -> None:
        where = scroll.verticalScrollBar().value()
        scroll.ensureWidgetVisible(sliders[step.key])
        if scroll.verticalScrollBar().value() != where:
            settle(app)

    def move(step: Step) -> None:
        sliders[step.key].setValue(step.position)
        settle(app)

    def check(step: Step) -> None:
        taken = window.session.scenario[step.key]
        if taken != step.value:
            raise AssertionError(f"{step.key}: slider at {step.position} gave {taken}, expected {step.value}")

    return time_steps(steps, move, reach, check)


def run(quick: bool = False) -> dict[str, float]:
    app = qt_app()
    window = open_window(app)
    steps = slider_steps(QUICK_STEPS if quick else STEPS)
    with paint_counter(app, [chart.viewport() for chart in window.charts]) as paints:
        timings = drag(app, window, steps)
    close_window(app, window)

    by_key = defaultdict(list)
    for step, sample in zip(steps, timings.wall, strict=True):
        by_key[step.key].append(sample)
    figures = timings.summary()
    figures["chart_paints_per_step"] = paints.count / len(steps)
    figures.update({f"median_ms[{key}]": statistics.median(values) for key, values in by_key.items()})
    return figures
