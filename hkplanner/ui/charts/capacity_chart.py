"""The compute chart: capacity stacked by phase, demand, the targets and the capacity observed in 2025."""

from __future__ import annotations

from itertools import cycle

import numpy as np
import pyqtgraph as pg

from hkplanner.core import Projection
from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import YEARS
from hkplanner.ui import theme
from hkplanner.ui.charts.chart import ChartSpec, ProjectionChart, set_if_changed, tr


class CapacityChart(ProjectionChart):
    """Each phase is a filled band on top of the ones before it. Bands are drawn as curves filled down
    to zero, the tallest at the back, which costs one path per phase instead of two per FillBetweenItem."""

    def __init__(self, spec: ChartSpec, parent=None) -> None:
        super().__init__(spec, parent)
        self.bands: list[pg.PlotCurveItem] = []
        self._band_names: tuple[tuple[str, str], ...] = ()
        observed = HISTORY["compute_total_pf"]
        known = ~np.isnan(observed.values)
        self.observed = pg.ScatterPlotItem(
            x=YEARS[known],
            y=observed.values[known],
            size=10,
            symbol="d",
            brush=pg.mkBrush(theme.BLACK),
            pen=pg.mkPen("w"),
            name=tr("Observed total"),
        )
        self.observed.setZValue(15)
        self.getPlotItem().addItem(self.observed)

    def show_projection(self, projection: Projection, baseline: Projection) -> None:
        self._match_bands(projection)
        years = projection.years[self._offset :]
        stacked = np.cumsum(projection.phase_capacity_pf[:, self._offset :], axis=0)
        for band, top in zip(self.bands, stacked, strict=True):
            set_if_changed(band, years, top)
        super().show_projection(projection, baseline)

    def _match_bands(self, projection: Projection) -> None:
        """Rebuild the bands only when the phases' names or owners change, not on every edit."""
        names = tuple((phase.name, phase.owner) for phase in projection.scenario.phases)
        if names == self._band_names:
            return
        self._band_names = names
        plot = self.getPlotItem()
        for band in self.bands:
            plot.removeItem(band)
        self.bands = []
        palettes = {"public": cycle(theme.PUBLIC_FILLS), "private": cycle(theme.PRIVATE_FILLS)}
        for depth, (name, owner) in enumerate(names):
            colour = pg.mkColor(next(palettes[owner]))
            fill = pg.mkColor(colour)
            fill.setAlpha(170)
            band = pg.PlotCurveItem(pen=pg.mkPen(colour, width=1), fillLevel=0, brush=fill, name=_short(name))
            band.setZValue(-10 - depth)  # later phases sit on top of earlier ones, so draw them behind
            plot.addItem(band)
            self.bands.append(band)


def _short(name: str, limit: int = 24) -> str:
    """Legend entries share a narrow chart; the phase table shows names in full."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
