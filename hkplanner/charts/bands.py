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
from hkplanner.charts.layer import Fill, Layer, Stroke
from hkplanner.core.timeline import FIRST_YEAR

BAND_ALPHA = 60
BELOW_LINES = -10  # bands sit under every line, ghost and pin


class ChartBands:
    """One chart's bands: per line, a shaded P10-P90 fill and a thin dashed P50 line, all painted by one
    cached layer under the lines. A new ensemble that leaves a chart's bands as they were costs nothing."""

    def __init__(self, chart) -> None:
        self.chart = chart
        self.top = 0.0  # the highest P90 shown
        self.shown = False
        self.offset = chart.spec.line_from - FIRST_YEAR
        self.layer = Layer(z=BELOW_LINES)
        self.layer.setVisible(False)
        chart.getPlotItem().addItem(self.layer)
        self.bands: dict[str, tuple[Fill, Stroke]] = {}  # line key -> (P10-P90 fill, P50 line), as drawn
        self._styles = {line.key: _style(line.colour) for line in chart.spec.lines}
        self._result: Ensemble | None = None
        chart.scale_changed.connect(self._redraw)

    def set_visible(self, shown: bool) -> None:
        self.shown = shown
        self.layer.setVisible(shown)
        self.chart.show_band_top(self.top if shown else 0.0)

    def show(self, result: Ensemble) -> None:
        self._result = result
        years = result.years[self.offset :]
        bands, tops = {}, []
        for key, (brush, pen) in self._styles.items():
            low, middle, high = (result.band(key, q)[self.offset :] for q in (10, 50, 90))
            if not np.isnan(high).all():
                tops.append(float(np.nanmax(high)))
            low, middle, high = (self.chart.scaled(values) for values in (low, middle, high))
            drawn = self.bands.get(key)
            if drawn is not None and _same(drawn, years, low, middle, high):
                bands[key] = drawn
            else:
                bands[key] = (Fill(years, low, high, brush), Stroke(years, middle, pen))
        if bands != self.bands:  # the same tuples when nothing moved: no repaint
            self.bands = bands
            self.layer.show_shapes([shape for pair in bands.values() for shape in pair])
        self.top = max(tops, default=0.0)
        if self.shown:
            self.chart.show_band_top(self.top)

    def _redraw(self) -> None:
        """On a new scale every band is drawn again."""
        self.bands = {}
        if self._result is not None:
            self.show(self._result)

    def remove(self) -> None:
        """Take the bands off the chart (a chart lent to an export is handed back as it came)."""
        self.chart.scale_changed.disconnect(self._redraw)
        self.chart.getPlotItem().removeItem(self.layer)
        self.bands = {}
        self.chart.show_band_top(0.0)


def _style(colour: str) -> tuple:
    """(fill brush, P50 pen) for a line's colour."""
    pen = pg.mkPen(QColor(colour), width=1.2, style=Qt.PenStyle.DashLine)
    shade = QColor(colour)
    shade.setAlpha(BAND_ALPHA)
    return pg.mkBrush(shade), pen


def _same(drawn: tuple[Fill, Stroke], years, low, middle, high) -> bool:
    fill, line = drawn
    return (
        line.same_data(years, middle)
        and np.array_equal(fill.low, low, equal_nan=True)
        and np.array_equal(fill.high, high, equal_nan=True)
    )


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
