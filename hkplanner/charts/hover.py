"""Hovering a chart shows the year under the pointer and every series' value in it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from hkplanner.charts import theme
from hkplanner.core.formatting import quantity

if TYPE_CHECKING:
    from hkplanner.charts.chart import ProjectionChart


class HoverReadout:
    """A thin vertical line at the year and a box listing each series' value; hidden when the pointer
    leaves the plot. Nothing here runs while a slider moves."""

    def __init__(self, chart: ProjectionChart) -> None:
        self.chart = chart
        self.year: int | None = None
        self.line = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.GHOST, width=1, style=Qt.PenStyle.DotLine))
        self.box = pg.TextItem(
            anchor=(0, 0), color=theme.BLACK, fill=pg.mkBrush(255, 255, 255, 235), border=theme.GHOST
        )
        for item in (self.line, self.box):
            item.setZValue(50)
            item.hide()
            chart.getPlotItem().addItem(item, ignoreBounds=True)
        chart.scene().sigMouseMoved.connect(self.follow)

    def follow(self, scene_point: QPointF) -> None:
        view = self.chart.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_point):
            self.hide()
            return
        self.show_year(round(view.mapSceneToView(scene_point).x()))

    def show_year(self, year: int) -> None:
        values = self.chart.hover_values(year)
        if not values:
            self.hide()
            return
        self.year = year
        rows = "".join(
            f"<br>{html.escape(name)}: <b>{html.escape(quantity(value, unit))}</b>" for name, value, unit in values
        )
        self.box.setHtml(f'<div style="font-size:8pt"><b>{year}</b>{rows}</div>')
        (left, right), (_, top) = self.chart.getPlotItem().vb.viewRange()
        self.line.setValue(year)
        # The box sits in the top corner away from the pointer: it never hides the year being read
        # and never runs off the plot.
        on_right = year > (left + right) / 2
        self.box.setAnchor((0, 0) if on_right else (1, 0))
        self.box.setPos(left if on_right else right, top)
        self.line.show()
        self.box.show()

    def text(self) -> str:
        return self.box.textItem.toPlainText() if self.box.isVisible() else ""

    def hide(self) -> None:
        self.year = None
        self.line.hide()
        self.box.hide()
