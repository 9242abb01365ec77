"""The matplotlib peer: the same six charts on matplotlib's Qt canvas, replaying the same slider steps.

The design budgets the window at <= 0.02x this peer, measured in the same run. The peer is written the
idiomatic fast way: artists made once and updated with `set_data`, stacked phase areas re-created (a
`fill_between` cannot be updated in place), ghosts, history markers and legends drawn once, y-limits moved
only when the data leaves them, then `draw_idle` and processEvents until the canvas has painted. Each step
includes `scenario.replace` and `project`, as the app's does.
"""

from __future__ import annotations

import numpy as np

from benchmarks.steps import Step, slider_steps
from benchmarks.timing import Timings, close_window, paint_counter, qt_app, settle, time_steps

STEPS, QUICK_STEPS, WARMUP_STEPS = 60, 16, 4
BUDGETS: dict[str, float] = {}
ROWS, COLUMNS = 2, 3


class Chart:
    """One chart spec from the app's catalogue, on one matplotlib Axes."""

    def __init__(self, ax, spec, baseline) -> None:
        from hkplanner.charts import theme
        from hkplanner.core import TARGETS
        from hkplanner.core.timeline import FIRST_YEAR

        self.ax, self.spec, self.top = ax, spec, 0.0
        self.offset = spec.line_from - FIRST_YEAR
        targets = [target for target in TARGETS if target.key in spec.targets]
        ax.set_title(f"{spec.title} ({spec.unit})", fontsize=10, fontweight="bold")
        ax.set_xlim(spec.first_year - 0.5, int(baseline.years[-1]) + 0.9)
        years, past = baseline.years[self.offset :], baseline.is_history
        look = theme.LOOKS["standard"]
        for key in spec.ghost_keys:
            ax.plot(years, baseline[key][self.offset :], "--", color=theme.GHOST, lw=look.ghost_width)
        self.lines = {}
        for line in spec.lines:
            (self.lines[line.key],) = ax.plot([], [], color=line.colour, lw=look.line_width, label=line.label)
            if line.markers:
                history = baseline[line.key][past]
                known = ~np.isnan(history)
                ax.plot(baseline.years[past][known], history[known], "s", color=line.colour, mec="w", ms=5)
        self.stars = None
        if any(target.dated for target in targets):
            (self.stars,) = ax.plot([], [], "*", color=theme.BLACK, mec="w", ms=12, zorder=20, label="Plan target")
        self.levels = [target.threshold for target in targets if not target.dated]
        for level in self.levels:
            ax.axhline(level, ls="--", color=theme.BLACK, lw=1.5, label=f"Plan target: above {level:g}")

    def update(self, projection, baseline) -> None:
        years = projection.years[self.offset :]
        tops = [*self.levels]
        for key, line in self.lines.items():
            line.set_data(years, projection[key][self.offset :])
            tops += [np.nanmax(projection[key][self.offset :]), np.nanmax(baseline[key][self.offset :])]
        if self.stars:
            due = [r for r in projection.targets if r.target.key in self.spec.targets and r.target.dated]
            self.stars.set_data([r.due_year for r in due], [r.target.threshold for r in due])
            tops += [r.target.threshold for r in due]
        top = max(tops)
        if top > self.top or top < 0.4 * self.top:  # the app's rule: move the range only when data leaves it
            self.top = top * 1.25
            self.ax.set_ylim(0, self.top)


class CapacityChart(Chart):
    """Capacity stacked by phase as filled areas, re-created each step, plus the observed total."""

    def __init__(self, ax, spec, baseline) -> None:
        from hkplanner.charts import theme
        from hkplanner.core.history import HISTORY
        from hkplanner.core.timeline import YEARS

        super().__init__(ax, spec, baseline)
        self.fills = []
        self.colours = {"public": theme.PUBLIC_FILLS, "private": theme.PRIVATE_FILLS}
        observed = HISTORY["compute_total_pf"].values
        known = ~np.isnan(observed)
        ax.plot(YEARS[known], observed[known], "d", color=theme.BLACK, mec="w", ms=7, zorder=15, label="Observed")

    def update(self, projection, baseline) -> None:
        for fill in self.fills:
            fill.remove()
        years = projection.years[self.offset :]
        stacked = np.cumsum(projection.phase_capacity_pf[:, self.offset :], axis=0)
        below = np.zeros_like(years, dtype=float)
        count = {"public": 0, "private": 0}
        self.fills = []
        for phase, top in zip(projection.scenario.phases, stacked, strict=True):
            palette = self.colours[phase.owner]
            colour = palette[count[phase.owner] % len(palette)]
            count[phase.owner] += 1
            self.fills.append(self.ax.fill_between(years, below, top, color=colour, alpha=0.67, lw=1, zorder=-10))
            below = top
        super().update(projection, baseline)


def open_window(app, baseline):
    """A window the app's size: a blank 420 px panel and 118 px card row around one 2x3 figure."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QGridLayout, QMainWindow, QWidget

    from hkplanner.charts.catalogue import CHARTS

    figure = Figure(layout="constrained")
    charts = [
        (CapacityChart if spec.name == "chart_compute" else Chart)(ax, spec, baseline)
        for spec, ax in zip(CHARTS, figure.subplots(ROWS, COLUMNS).flat, strict=True)
    ]
    for chart in charts:
        chart.update(baseline, baseline)
        chart.ax.legend(loc="upper left", fontsize=7, ncols=2)
    canvas = FigureCanvasQTAgg(figure)
    central = QWidget()
    layout = QGridLayout(central)
    layout.setColumnMinimumWidth(0, 420)
    layout.setRowMinimumHeight(0, 118)
    layout.addWidget(canvas, 1, 1)
    window = QMainWindow()
    window.setCentralWidget(central)
    window.resize(1600, 1000)
    window.show()
    settle(app)
    canvas.draw()
    figure.set_layout_engine("none")  # lay out once: re-solving the layout on every draw is not the fast way
    return window, canvas, charts


def replay(app, canvas, charts, baseline_projection, steps: list[Step]) -> Timings:
    from hkplanner.core import baseline, project

    scenario = baseline()

    def move(step: Step) -> None:
        nonlocal scenario
        scenario = scenario.replace(**{step.key: step.value})
        projection = project(scenario)
        for chart in charts:
            chart.update(projection, baseline_projection)
        canvas.draw_idle()
        settle(app)

    return time_steps(steps, move)


def run(quick: bool = False) -> dict[str, float]:
    from hkplanner.core import baseline, project

    app = qt_app()
    baseline_projection = project(baseline())
    window, canvas, charts = open_window(app, baseline_projection)
    replay(app, canvas, charts, baseline_projection, slider_steps(WARMUP_STEPS))
    draws = []
    canvas.mpl_connect("draw_event", draws.append)
    steps = slider_steps(QUICK_STEPS if quick else STEPS)
    with paint_counter(app, [canvas]) as paints:
        timings = replay(app, canvas, charts, baseline_projection, steps)
    close_window(app, window)
    return {
        **timings.summary(),
        "draws_per_step": len(draws) / len(steps),
        "paints_per_step": paints.count / len(steps),
    }
