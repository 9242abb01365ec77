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
            name=tr("Observed"),
        )
        self.observed.setZValue(15)
        self.getPlotItem().addItem(self.observed)

    def show_projection(self, projection: Projection, baseline: Projection, moved: bool = False) -> None:
        moved = self._match_bands(projection) or moved
        years = projection.years[self._offset :]
        stacked = np.cumsum(projection.phase_capacity_pf[:, self._offset :], axis=0)
        for band, top in zip(self.bands, stacked, strict=True):
            moved = set_if_changed(band, years, top) or moved
        super().show_projection(projection, baseline, moved)

    def _extra_tops(self) -> list[float]:
        return [float(self.bands[-1].yData.max())] if self.bands else []

    def _match_bands(self, projection: Projection) -> bool:
        """One band per phase. Existing bands are restyled and relabelled in place; only a change in
        the number of phases adds or removes items, which is what costs time in pyqtgraph."""
        names = tuple((phase.name, phase.owner) for phase in projection.scenario.phases)
        if names == self._band_names:
            return False
        self._band_names = names
        plot = self.getPlotItem()
        while len(self.bands) > len(names):
            plot.removeItem(self.bands.pop())
        while len(self.bands) < len(names):
            band = pg.PlotCurveItem(fillLevel=0, name=" ")
            band.setZValue(-10 - len(self.bands))  # later phases sit on top of earlier ones: draw them behind
            plot.addItem(band)
            self.bands.append(band)
        palettes = {"public": cycle(theme.PUBLIC_FILLS), "private": cycle(theme.PRIVATE_FILLS)}
        for band, (name, owner) in zip(self.bands, names, strict=True):
            colour = pg.mkColor(next(palettes[owner]))
            band.setPen(pg.mkPen(colour, width=1))
            band.setBrush(_tint(colour))
            band.opts["name"] = _short(name)
            self.legend.getLabel(band).setText(_short(name))
        return True


def _short(name: str, limit: int = 20) -> str:
    """Legend entries share a narrow chart; the phase table shows names in full."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _tint(colour, strength: float = 0.7):
    """The colour mixed with white: looks translucent on white but paints as fast as an opaque fill."""
    return pg.mkColor(*(round(255 - strength * (255 - part)) for part in colour.getRgb()[:3]))
