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
from hkplanner.ui.charts.legend import Entry


class CapacityChart(ProjectionChart):
    """Each phase is a filled band on top of the ones before it. Bands are drawn as curves filled down
    to zero, the tallest at the back, which costs one path per phase instead of two per FillBetweenItem."""

    # Class defaults: the base class builds the legend before this class's __init__ body runs.
    _band_names: tuple[tuple[str, str], ...] = ()
    _colours: tuple[str, ...] = ()

    def __init__(self, spec: ChartSpec, parent=None) -> None:
        super().__init__(spec, parent)
        self.bands: list[pg.PlotCurveItem] = []
        self._stack_top = 0.0
        self.observed = pg.ScatterPlotItem(
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
        self._stack_top = float(stacked[-1].max()) if len(stacked) else 0.0
        for band, top in zip(self.bands, stacked, strict=True):
            moved = set_if_changed(band, years, self.scaled(top)) or moved
        super().show_projection(projection, baseline, moved)

    def _draw_baseline(self, baseline: Projection) -> None:
        super()._draw_baseline(baseline)
        observed = HISTORY["compute_total_pf"]
        known = ~np.isnan(observed.values)
        self.observed.setData(YEARS[known], self.scaled(observed.values[known]))

    def _extra_tops(self) -> list[float]:
        return [self._stack_top]

    def legend_entries(self) -> list[Entry]:
        phases = [
            Entry("fill", colour, name) for (name, _), colour in zip(self._band_names, self._colours, strict=True)
        ]
        return [*phases, *super().legend_entries(), Entry("diamond", theme.BLACK, tr("Observed"))]

    def hover_values(self, year: int) -> list[tuple[str, float, str]]:
        values = super().hover_values(year)
        if not values:
            return values
        projection, _ = self._shown
        index = year - projection.years[0]
        phases = [
            (name, float(row[index]), "PF")
            for (name, _), row in zip(self._band_names, projection.phase_capacity_pf, strict=True)
        ]
        return [*phases, (tr("Total"), float(projection["capacity_total_pf"][index]), "PF"), *values]

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
        self._colours = tuple(next(palettes[owner]) for _, owner in names)
        for band, colour in zip(self.bands, self._colours, strict=True):
            band.setPen(pg.mkPen(colour, width=1))
            band.setBrush(_tint(pg.mkColor(colour)))
        self.refresh_legend()
        return True


def _tint(colour, strength: float = 0.7):
    """The colour mixed with white: looks translucent on white but paints as fast as an opaque fill."""
    return pg.mkColor(*(round(255 - strength * (255 - part)) for part in colour.getRgb()[:3]))
