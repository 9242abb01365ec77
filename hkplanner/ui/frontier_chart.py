"""The two-lever frontier as a chart to pick from: the line of combinations that just meet a target, its
points, this scenario as a dot and the chosen point as a ring. A click near the line picks the nearest point."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hkplanner.analysis.seek import Frontier, lever_unit
from hkplanner.charts import theme
from hkplanner.charts.axes import NumberAxis

LEGEND_ROOM = 0.2  # of the values' span, left empty at the top of the chart for the legend
PICK_RADIUS_PX = 24  # a click this close to a point picks it: a fingertip on a touchpad, not a pixel hunt


def tr(text: str) -> str:
    return QCoreApplication.translate("FrontierChart", text)


class LeverAxis(NumberAxis):
    """A lever's values with thousands separators; a year lever's as years (2030, not 2,030)."""

    years = False

    def tickStrings(self, values, scale, spacing):
        if not self.years:
            return super().tickStrings(values, scale, spacing)
        return [f"{value:.0f}" if float(value).is_integer() else "" for value in values]


class FrontierChart(QWidget):
    """The vertical axis's title is a label above the plot: a lever's title and unit are often longer than
    the plot is high, and an axis label would be cut off."""

    picked = Signal(int)  # the index, into the frontier's x, of the point clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seek_frontier")
        self.y_title = QLabel(objectName="seek_frontier_y_title")
        self.y_title.setWordWrap(True)
        axes = {"left": LeverAxis("left"), "bottom": LeverAxis("bottom")}
        self.plot = pg.PlotWidget(background="w", enableMenu=False, axisItems=axes)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard picks with the slider below the chart
        self.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)  # the line is there to be clicked
        self.plot.setMinimumSize(560, 320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.y_title)
        layout.addWidget(self.plot, 1)
        plot = self.plot.getPlotItem()
        plot.setMouseEnabled(False, False)  # a drag would pan the line away; clicks are for picking
        plot.hideButtons()
        for side in ("left", "bottom"):
            plot.getAxis(side).setTextPen(theme.BLACK)
        plot.addLegend(offset=(4, 2), colCount=3, labelTextColor=theme.BLACK)  # one row, in the room left above
        self.line = pg.PlotDataItem(
            pen=pg.mkPen(theme.BLUE, width=2.5),
            symbol="o",
            symbolSize=6,
            symbolBrush=theme.BLUE,
            symbolPen=None,
            connect="finite",
            name=tr("Just meets the target"),
        )
        self.current = pg.ScatterPlotItem(
            size=12, brush=pg.mkBrush(theme.VERMILLION), pen=None, name=tr("This scenario")
        )
        self.chosen = pg.ScatterPlotItem(
            size=22, brush=None, pen=pg.mkPen(theme.BLACK, width=3), name=tr("Chosen point")
        )
        for item in (self.line, self.current, self.chosen):
            plot.addItem(item)
        self.x = self.y = np.array([])
        self.plot.scene().sigMouseClicked.connect(self._on_click)

    def draw(self, line: Frontier, x_title: str, y_title: str) -> None:
        self.x, self.y = line.x, line.y
        plot = self.plot.getPlotItem()
        for side, lever in zip(("bottom", "left"), line.levers, strict=True):
            plot.getAxis(side).years = lever_unit(lever) == "year"
            plot.getAxis(side).picture = None  # its tick labels drawn again, as years or as numbers
        self.line.setData(line.x, line.y)
        self.current.setData([line.current[0]], [line.current[1]])
        self.chosen.setData([], [])
        plot.setLabel("bottom", x_title + " →")
        self.y_title.setText("↑ " + y_title)
        self._fit(np.append(line.x, line.current[0]), np.append(line.y, line.current[1]))

    def _fit(self, x: np.ndarray, y: np.ndarray) -> None:
        """Everything in view, with room above for the legend so it never covers the line."""
        low, high = np.nanmin(y), np.nanmax(y)
        span = (high - low) or max(abs(high), 1.0)
        view = self.plot.getPlotItem().getViewBox()
        view.setXRange(float(np.min(x)), float(np.max(x)), padding=0.04)
        view.setYRange(float(low - 0.05 * span), float(high + LEGEND_ROOM * span), padding=0)

    def mark(self, index: int) -> None:
        self.chosen.setData([self.x[index]], [self.y[index]])

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.nearest(event.scenePos())
        if index is not None:
            self.picked.emit(index)

    def nearest(self, scene_position: QPointF) -> int | None:
        """The point on the line a click picks: the nearest point within PICK_RADIUS_PX of it (on screen),
        or else the nearer end of a segment of the line within that distance; None if the click is away."""
        view = self.plot.getPlotItem().getViewBox()
        indices = np.flatnonzero(np.isfinite(self.y))
        if indices.size == 0:
            return None
        places = np.array(
            [[p.x(), p.y()] for p in (view.mapViewToScene(QPointF(self.x[i], self.y[i])) for i in indices)]
        )
        click = np.array([scene_position.x(), scene_position.y()])
        to_points = np.hypot(*(places - click).T)
        if to_points.min() <= PICK_RADIUS_PX:
            return int(indices[np.argmin(to_points)])
        starts, spans = places[:-1], np.diff(places, axis=0)
        along = np.clip(np.sum((click - starts) * spans, axis=1) / np.maximum(np.sum(spans**2, axis=1), 1e-12), 0, 1)
        to_segments = np.hypot(*(starts + along[:, None] * spans - click).T)
        to_segments[np.diff(indices) != 1] = np.inf  # no line is drawn across a gap where nothing meets the target
        if to_segments.size == 0 or to_segments.min() > PICK_RADIUS_PX:
            return None
        segment = int(np.argmin(to_segments))
        return int(indices[segment + (along[segment] > 0.5)])
