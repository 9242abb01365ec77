"""A projection chart: per line, published history as markers, the scenario as a solid line and the
baseline as a dashed ghost; the plan's targets as stars (or a level line when no year is set).

Items are created once and updated with `setData`; ranges move only when the data leaves them,
because re-ranging and re-typesetting axes is what makes pyqtgraph slow.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from hkplanner.core import TARGETS, Projection
from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import FIRST_YEAR, LAST_HISTORY_YEAR
from hkplanner.ui import theme

_TARGETS = {target.key: target for target in TARGETS}


def tr(text: str) -> str:
    return QCoreApplication.translate("Chart", text)


@dataclass(frozen=True)
class Line:
    key: str  # projection column
    label: str
    colour: str
    markers: bool = True  # draw the published history of this column as markers


@dataclass(frozen=True)
class ChartSpec:
    name: str  # objectName
    title: str
    unit: str
    lines: tuple[Line, ...]
    targets: tuple[str, ...] = ()
    first_year: int = FIRST_YEAR
    line_from: int = LAST_HISTORY_YEAR  # the solid line starts here; earlier years are history
    pinned: tuple[str, ...] = ()  # columns drawn for pinned scenarios; the lines' own when empty
    sources: tuple[str, ...] = ()  # the official series (seeds/history.toml) behind the chart's history

    @property
    def pinned_keys(self) -> tuple[str, ...]:
        return self.pinned or tuple(line.key for line in self.lines)

    @property
    def ghost_keys(self) -> tuple[str, ...]:
        """The baseline is drawn for every line and for whatever pins show (e.g. total capacity)."""
        return tuple(dict.fromkeys((*(line.key for line in self.lines), *self.pinned_keys)))


def _pen(colour: str, width: float, dashed: bool = False, dotted: bool = False) -> pg.QtGui.QPen:
    pen = pg.mkPen(colour, width=width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    if dotted:
        pen.setStyle(Qt.PenStyle.DotLine)
    return pen


class ProjectionChart(pg.PlotWidget):
    def __init__(self, spec: ChartSpec, parent=None) -> None:
        super().__init__(parent=parent, background="w", enableMenu=False)  # no menus built: faster start
        self.spec = spec
        self.setObjectName(spec.name)
        self.setAccessibleName(tr(spec.title))
        self.setToolTip(_sources_text(spec))
        self._y_top = 0.0
        self._x_span: tuple[float, float] | None = None
        self._ghost_source: Projection | None = None
        self._star_points: list[tuple[int, float]] = []
        self._offset = spec.line_from - FIRST_YEAR

        # The title is a QLabel above the chart (see `framed`): it wraps when narrow, where a pyqtgraph
        # title would force the plot wider than its widget.
        self.title = QLabel(f"<b>{tr(spec.title)}</b> ({tr(spec.unit)})")
        self.title.setObjectName(f"{spec.name}_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        plot = self.getPlotItem()
        plot.setContentsMargins(2, 10, 14, 2)  # room for the top tick label and the last year's label
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        self.legend = plot.addLegend(offset=(8, 4), labelTextSize="8pt", colCount=2, labelTextColor=theme.BLACK)
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 90))  # light: lines under the legend stay visible
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.enableAutoSIPrefix(False)
            axis.setTextPen(theme.BLACK)
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.getAxis("bottom").setTickSpacing(5, 1)
        plot.vb.disableAutoRange()

        self.ghosts: dict[str, pg.PlotCurveItem] = {}
        self.curves: dict[str, pg.PlotCurveItem] = {}
        self.history: dict[str, pg.ScatterPlotItem] = {}
        for key in spec.ghost_keys:
            self.ghosts[key] = pg.PlotCurveItem()
            plot.addItem(self.ghosts[key])
        for line in spec.lines:
            self.curves[line.key] = pg.PlotCurveItem(name=tr(line.label))
            plot.addItem(self.curves[line.key])
            if line.markers:
                self.history[line.key] = pg.ScatterPlotItem(
                    size=7, brush=pg.mkBrush(line.colour), pen=pg.mkPen("w", width=1), symbol="s"
                )
                plot.addItem(self.history[line.key])
        first_ghost = next(iter(self.ghosts.values()))
        self.legend.addItem(first_ghost, tr("The plan"))
        self.stars = pg.ScatterPlotItem(size=16, symbol="star", brush=pg.mkBrush(theme.BLACK), pen=pg.mkPen("w"))
        self.stars.setZValue(20)
        if any(_TARGETS[key].dated for key in spec.targets):
            plot.addItem(self.stars)
            self.legend.addItem(self.stars, tr("Plan target"))
        self.levels = [self._add_level(_TARGETS[key]) for key in spec.targets if not _TARGETS[key].dated]
        for year in sorted({HISTORY[key].break_year for key in spec.sources if HISTORY[key].break_year}):
            self._add_series_break(year)
        self.apply_look(theme.LOOKS["standard"])
        self.pin_curves: list[pg.PlotCurveItem] = []
        self._pin_tops: list[float] = []

    def _add_level(self, target) -> pg.InfiniteLine:
        level = pg.InfiniteLine(
            pos=target.threshold,
            angle=0,
            pen=_pen(theme.BLACK, 1.5, dashed=True),
            label=tr("Plan target: above {0:g}{1}").format(target.threshold, target.unit),
            labelOpts={"position": 0.7, "color": theme.BLACK, "fill": (255, 255, 255, 200)},
        )
        self.getPlotItem().addItem(level)
        return level

    def _add_series_break(self, year: int) -> None:
        """Official figures before and after `year` are on different bases: say so where it happens."""
        mark = pg.InfiniteLine(
            pos=year - 0.5,
            angle=90,
            pen=_pen(theme.GHOST, 1.0, dotted=True),
            label=tr("new basis from {0}").format(year),
            labelOpts={"position": 0.08, "color": theme.GHOST, "rotateAxis": (1, 0), "anchors": [(0, 0), (0, 0)]},
        )
        self.getPlotItem().addItem(mark)

    def apply_look(self, look: theme.Look) -> None:
        """Line widths and type sizes for the theme (standard or projector)."""
        plot = self.getPlotItem()
        self.title.setStyleSheet(f"font-size: {look.title_pt}pt; color: {theme.BLACK}; background: white;")
        for ghost in self.ghosts.values():
            ghost.setPen(_pen(theme.GHOST, look.ghost_width, dashed=True))
        for line in self.spec.lines:
            self.curves[line.key].setPen(_pen(line.colour, look.line_width))
        self.legend.setLabelTextSize(f"{look.legend_px}px")
        for _, label in self.legend.items:
            label.setText(label.text)  # a label takes a new size only when its text is set
        font = QFont()
        font.setPointSize(look.tick_pt)
        for side in ("left", "bottom"):
            plot.getAxis(side).setStyle(tickFont=font)
        plot.getAxis("left").setWidth(52 * look.tick_pt // 9)  # fixed: new tick labels never re-lay the plot out

    # model -> view -------------------------------------------------------------------------------

    def show_projection(self, projection: Projection, baseline: Projection, moved: bool = False) -> None:
        """Redraw what changed: lines whose data moved, ghosts and history only when the baseline did,
        ranges only when something moved. `moved` says a subclass already changed items of its own."""
        if baseline is not self._ghost_source:
            self._ghost_source = baseline
            self._draw_baseline(baseline)
            moved = True
        years = projection.years[self._offset :]
        for key, curve in self.curves.items():
            moved = set_if_changed(curve, years, projection[key][self._offset :]) or moved
        moved = self._draw_targets(projection) or moved
        if moved:
            self._fit(projection, baseline)

    def show_pins(self, pins: list[tuple[str, Projection]]) -> None:
        """Pinned scenarios as labelled dotted overlays; rebuilt only when the pins change."""
        plot = self.getPlotItem()
        for curve in self.pin_curves:
            plot.removeItem(curve)
        self.pin_curves = []
        years_from = self._offset
        for number, (label, projection) in enumerate(pins):
            colour = theme.PIN_COLOURS[number % len(theme.PIN_COLOURS)]
            for key in self.spec.pinned_keys:
                curve = pg.PlotCurveItem(pen=_pen(colour, 2.0, dotted=True), name=label)
                curve.setData(projection.years[years_from:], projection[key][years_from:])
                curve.setZValue(5)
                plot.addItem(curve)
                self.pin_curves.append(curve)
        self._pin_tops = [float(np.nanmax(c.yData)) for c in self.pin_curves if not np.isnan(c.yData).all()]
        self._y_top = 0.0  # re-range to include them
        self._ghost_source = None  # and redraw on the next show_projection

    def _draw_baseline(self, baseline: Projection) -> None:
        years = baseline.years[self._offset :]
        for key, ghost in self.ghosts.items():
            ghost.setData(years, baseline[key][self._offset :])
        past = baseline.is_history
        for key, markers in self.history.items():
            values = baseline[key][past]
            known = ~np.isnan(values)
            markers.setData(baseline.years[past][known], values[known])

    def _draw_targets(self, projection: Projection) -> bool:
        shown = (r for r in projection.targets if r.target.key in self.spec.targets and r.target.dated)
        points = [(r.due_year, r.target.threshold) for r in shown]
        if points == self._star_points:
            return False
        self._star_points = points
        self.stars.setData([p[0] for p in points], [p[1] for p in points])
        return True

    def _top_of_data(self, projection: Projection, baseline: Projection) -> float:
        arrays = [projection[key][self._offset :] for key in self.curves]
        arrays += [baseline[key][self._offset :] for key in self.ghosts]
        tops = [np.nanmax(array) for array in arrays if not np.isnan(array).all()]
        tops += [point[1] for point in self._star_points] + [level.value() for level in self.levels]
        tops += self._pin_tops + self._extra_tops()
        return max(tops, default=1.0)

    def _extra_tops(self) -> list[float]:
        """Highest points of items a subclass draws beyond the lines."""
        return []

    def _fit(self, projection: Projection, baseline: Projection) -> None:
        """Move the ranges only when the data leaves them or shrinks far inside them."""
        first, last = self.spec.first_year, int(projection.years[-1])
        room = max(0.9, 0.07 * (last - first))  # room for the last year's label, however long the axis
        x_span = (first - 0.5, last + room)
        if x_span != self._x_span:
            self._x_span = x_span
            self.setXRange(*x_span, padding=0)
        top = self._top_of_data(projection, baseline)
        if top > self._y_top or top < 0.4 * self._y_top:
            self._y_top = _nice_ceiling(top * 1.25)  # headroom, so a slider drag re-ranges rarely
            self.setYRange(0, self._y_top, padding=0)


def _nice_ceiling(value: float) -> float:
    """The next round number above value: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** np.floor(np.log10(value))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * magnitude >= value:
            return float(factor * magnitude)
    return float(10 * magnitude)


def set_if_changed(item: pg.PlotCurveItem, x: np.ndarray, y: np.ndarray) -> bool:
    """setData only when the data differs, so an unchanged chart is not repainted; True if it changed."""
    if item.xData is not None and np.array_equal(item.xData, x) and np.array_equal(item.yData, y, equal_nan=True):
        return False
    item.setData(x, y)
    return True


def framed(chart: ProjectionChart) -> QWidget:
    """The chart under its title, as the window lays it out."""
    frame = QWidget()
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(chart.title)
    layout.addWidget(chart, 1)
    return frame


def _sources_text(spec: ChartSpec) -> str:
    """Where the chart's numbers come from, one hover away."""
    lines = [f"{HISTORY[key].title}: {HISTORY[key].source}" for key in spec.sources]
    lines.append(
        tr(
            "Solid lines from {0} on are the model's projection of the scenario (equations and sources in "
            "docs/model.md); the dashed grey line is the plan's baseline; stars are the plan's targets."
        ).format(spec.line_from)
    )
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"<p><b>{html.escape(tr(spec.title))}</b></p>{body}"
