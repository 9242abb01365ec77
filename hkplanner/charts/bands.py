"""P10-P90 bands and the P50 line on a projection chart, from an ensemble: drawn the same way in the window,
the presentation and the briefing pack."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from hkplanner.analysis.ensemble import Ensemble
from hkplanner.core.timeline import FIRST_YEAR

BAND_ALPHA = 60
BELOW_LINES = -10  # bands sit under every line, ghost and pin


class ChartBands:
    """One chart's bands: per line, a shaded P10-P90 fill and a thin P50 line, items made once."""

    def __init__(self, chart) -> None:
        self.chart = chart
        self.top = 0.0  # the highest P90 shown
        self.shown = False
        self.offset = chart.spec.line_from - FIRST_YEAR
        self.plot = chart.getPlotItem()
        self.items: dict[str, tuple] = {}  # line key -> (P10 curve, P90 curve, P50 curve, fill)
        for line in chart.spec.lines:
            low, high = pg.PlotCurveItem(), pg.PlotCurveItem()
            colour = QColor(line.colour)
            middle = pg.PlotCurveItem(pen=pg.mkPen(colour, width=1.2, style=Qt.PenStyle.DashLine))
            colour.setAlpha(BAND_ALPHA)
            fill = pg.FillBetweenItem(low, high, brush=pg.mkBrush(colour))
            for item in (fill, middle):
                item.setZValue(BELOW_LINES)
                item.setVisible(False)
                self.plot.addItem(item)
            self.items[line.key] = (low, high, middle, fill)

    def set_visible(self, shown: bool) -> None:
        self.shown = shown
        for _, _, middle, fill in self.items.values():
            middle.setVisible(shown)
            fill.setVisible(shown)
        self.chart.show_band_top(self.top if shown else 0.0)

    def show(self, result: Ensemble) -> None:
        years = result.years[self.offset :]
        for key, (low, high, middle, _) in self.items.items():
            low.setData(years, result.band(key, 10)[self.offset :])
            high.setData(years, result.band(key, 90)[self.offset :])
            middle.setData(years, result.band(key, 50)[self.offset :])
        highs = [result.band(key, 90)[self.offset :] for key in self.items]
        self.top = max((float(np.nanmax(high)) for high in highs if not np.isnan(high).all()), default=0.0)
        if self.shown:
            self.chart.show_band_top(self.top)

    def remove(self) -> None:
        """Take the bands off the chart (a chart lent to an export is handed back as it came)."""
        for _, _, middle, fill in self.items.values():
            self.plot.removeItem(fill)
            self.plot.removeItem(middle)
        self.items = {}
        self.chart.show_band_top(0.0)


@contextmanager
def banded(charts, result: Ensemble) -> Iterator[list[ChartBands]]:
    """The charts with `result`'s bands shown while the block runs, and as they came afterwards."""
    bands = [ChartBands(chart) for chart in charts]
    try:
        for band in bands:
            band.show(result)
            band.set_visible(True)
        yield bands
    finally:
        for band in bands:
            band.remove()
