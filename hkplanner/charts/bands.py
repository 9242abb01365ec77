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
from hkplanner.charts.chart import highest
from hkplanner.charts.layer import Fill, Layer, Stroke
from hkplanner.core.timeline import FIRST_YEAR

BAND_ALPHA = 60
BELOW_LINES = -10  # bands sit under every line, ghost and pin


class ChartBands:
    """One chart's bands: per line, a shaded P10-P90 fill and a thin dashed P50 line, all painted by one
    layer under the lines. A new ensemble that leaves a chart's bands as they were costs nothing. The layer
    is not cached: bands change on every other step of a drag, and painting them directly (about 0.1 ms)
    costs less than rendering a cached image again."""

    def __init__(self, chart) -> None:
        self.chart = chart
        self.top = 0.0  # the highest P90 shown
        self.shown = False
        self.offset = chart.spec.line_from - FIRST_YEAR
        self.layer = Layer(z=BELOW_LINES, cached=False)
        self.layer.setVisible(False)
        chart.getPlotItem().addItem(self.layer)
        self.bands: dict[str, tuple[Fill, Stroke]] = {}  # line key -> (P10-P90 fill, P50 line), as drawn
        self._styles = {line.key: _style(line.colour) for line in chart.spec.lines}
        self._result: Ensemble | None = None
        self._drawn: dict[str, np.ndarray] = {}  # line key -> the percentiles drawn, (3, years)
        chart.scale_changed.connect(self._redraw)

    def set_visible(self, shown: bool) -> None:
        self.shown = shown
        self.layer.setVisible(shown)
        self.chart.set_band_legend(shown)
        self.chart.show_band_top(self.top if shown else 0.0)

    def differs(self, result: Ensemble) -> bool:
        """Whether `result` would change what is drawn (and so repaint the chart)."""
        return any(self._moved(key, result) for key in self._styles)

    def _moved(self, key: str, result: Ensemble) -> bool:
        return not np.array_equal(self._drawn.get(key), result.bands[key][:, self.offset :], equal_nan=True)

    def show(self, result: Ensemble) -> None:
        """Draw `result`'s bands; a line whose P10, P50 and P90 are as drawn is left alone."""
        self._result = result
        moved = False
        for key, (brush, pen) in self._styles.items():
            if not self._moved(key, result):
                continue
            percentiles = result.bands[key][:, self.offset :]  # P10, P50, P90 per year
            self._drawn[key] = percentiles
            years = result.years[self.offset :]
            low, middle, high = (self.chart.scaled(row) for row in percentiles)
            self.bands[key] = (Fill(years, low, high, brush), Stroke(years, middle, pen))
            moved = True
        if moved:
            self.layer.show_shapes([shape for pair in self.bands.values() for shape in pair])
            self.top = max(highest(percentiles[-1] for percentiles in self._drawn.values()), default=0.0)
        if self.shown:
            self.chart.show_band_top(self.top)

    def _redraw(self) -> None:
        """On a new scale every band is drawn again."""
        self._drawn = {}
        if self._result is not None:
            self.show(self._result)

    def remove(self) -> None:
        """Take the bands off the chart (a chart lent to an export is handed back as it came)."""
        self.chart.scale_changed.disconnect(self._redraw)
        self.chart.getPlotItem().removeItem(self.layer)
        self.bands, self._drawn = {}, {}
        self.chart.set_band_legend(False)
        self.chart.show_band_top(0.0)


def _style(colour: str) -> tuple:
    """(fill brush, P50 pen) for a line's colour."""
    pen = pg.mkPen(QColor(colour), width=1, style=Qt.PenStyle.DashLine)  # one pixel: the fast dashed stroke
    shade = QColor(colour)
    shade.setAlpha(BAND_ALPHA)
    return pg.mkBrush(shade), pen


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
