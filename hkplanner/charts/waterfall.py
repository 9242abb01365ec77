"""The attribution waterfall: the plan's value, each decision's part stacked on the running total, then the
scenario's value. Drawn the same way in the "Why did it move?" dialog and in the briefing pack."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from hkplanner.analysis.attribution import Attribution
from hkplanner.charts import theme
from hkplanner.charts.axes import NumberAxis

UP, DOWN, TOTAL = theme.MET, theme.MISSED, theme.BLUE
LABEL_LIMIT = 22
PAGE_SIZE = (800, 360)  # a waterfall across a page, a third of its height


def tr(text: str) -> str:
    return QCoreApplication.translate("Waterfall", text)


def draw_waterfall(plot: pg.PlotItem, result: Attribution) -> None:
    plot.clear()
    parts = [share for _, share in result.contributions]
    tops = result.baseline_value + np.cumsum([0.0, *parts])
    x = np.arange(len(parts) + 2)
    bottoms = np.array([0.0, *np.minimum(tops[:-1], tops[1:]), 0.0])
    heights = np.array([result.baseline_value, *np.abs(parts), result.current_value])
    colours = [TOTAL, *(UP if share >= 0 else DOWN for share in parts), TOTAL]
    plot.addItem(pg.BarGraphItem(x=x, y0=bottoms, height=heights, width=0.7, brushes=colours, pens=colours))
    labels = [tr("Plan"), *(player.label for player, _ in result.contributions), tr("Scenario")]
    plot.getAxis("bottom").setTicks([[(i, short(label)) for i, label in enumerate(labels)]])


def waterfall_chart(result: Attribution, title: str, size: tuple[int, int] = PAGE_SIZE) -> pg.PlotWidget:
    """A waterfall on a widget that never reaches the screen, for rendering into a page; the caller closes it."""
    axes = {"left": NumberAxis("left")}
    chart = pg.PlotWidget(background="w", enableMenu=False, title=title, axisItems=axes)
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.resize(*size)
    for side in ("left", "bottom"):
        chart.getAxis(side).setTextPen(theme.BLACK)
    draw_waterfall(chart.getPlotItem(), result)
    chart.show()  # laid out, never shown
    QApplication.sendPostedEvents()  # the layout and the axes' ticks, before anything renders it
    return chart


def short(text: str, limit: int = LABEL_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
