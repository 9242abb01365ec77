"""The compute chart: capacity stacked by phase, demand, the targets and the capacity observed in 2025."""

from __future__ import annotations

from itertools import cycle

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPen, QPolygonF

from hkplanner.charts import theme
from hkplanner.charts.chart import ChartSpec, ProjectionChart, tr
from hkplanner.charts.layer import polygon
from hkplanner.charts.legend import Entry
from hkplanner.charts.markers import Markers
from hkplanner.core import Projection
from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import YEARS

LEGEND_PHASES = 8  # more would crowd the chart; the phase table and the hover list every one


class CapacityChart(ProjectionChart):
    """Each phase is a filled band on top of the ones before it, all painted by one item (PhaseStack), so
    drawing costs the same per phase however many there are. The legend names the first LEGEND_PHASES."""

    # Class defaults: the base class builds the legend before this class's __init__ body runs.
    _band_names: tuple[tuple[str, str], ...] = ()
    _colours: tuple[str, ...] = ()

    def __init__(self, spec: ChartSpec, parent=None) -> None:
        super().__init__(spec, parent)
        self.stack = PhaseStack()
        self.stack.setZValue(-10)
        self.getPlotItem().addItem(self.stack)  # not cached: it changes with the levers that move capacity
        self._stack_top = 0.0
        black = pg.mkBrush(theme.BLACK)
        self.observed = Markers(size=10, symbol="d", brush=black, pen=pg.mkPen("w"), name=tr("Observed"))
        self.observed.setZValue(15)
        self.getPlotItem().addItem(self.observed)

    def show_projection(self, projection: Projection, baseline: Projection, moved: bool = False) -> None:
        moved = self._match_bands(projection) or moved
        years = projection.years[self._offset :]
        stacked = np.cumsum(projection.phase_capacity_pf[:, self._offset :], axis=0)
        self._stack_top = float(stacked[-1].max()) if len(stacked) else 0.0
        moved = self.stack.set_tops(years, self.scaled(stacked)) or moved
        super().show_projection(projection, baseline, moved)

    def _draw_baseline(self, baseline: Projection) -> None:
        super()._draw_baseline(baseline)
        observed = HISTORY["compute_total_pf"]
        known = ~np.isnan(observed.values)
        self.observed.setData(YEARS[known], self.scaled(observed.values[known]))

    def _extra_tops(self) -> list[float]:
        return [self._stack_top]

    def legend_entries(self) -> list[Entry]:
        named = zip(self._band_names[:LEGEND_PHASES], self._colours, strict=False)
        phases = [Entry("fill", colour, name) for (name, _), colour in named]
        hidden = len(self._band_names) - LEGEND_PHASES
        if hidden > 0:
            phases.append(Entry("fill", theme.GHOST, tr("+{0} more phases").format(hidden)))
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
        """Colours per phase, and the legend; only a change of phases costs anything."""
        names = tuple((phase.name, phase.owner) for phase in projection.scenario.phases)
        if names == self._band_names:
            return False
        self._band_names = names
        palettes = {"public": cycle(theme.PUBLIC_FILLS), "private": cycle(theme.PRIVATE_FILLS)}
        self._colours = tuple(next(palettes[owner]) for _, owner in names)
        self.stack.set_colours([pg.mkColor(colour) for colour in self._colours])
        self.refresh_legend()
        return True


class PhaseStack(pg.GraphicsObject):
    """Stacked bands, each filled down to zero, the tallest at the back: one item, one pass to paint. The
    outlines are built when the tops change (as numpy arrays, not point by point), so painting only draws."""

    def __init__(self) -> None:
        super().__init__()
        self.years = np.zeros(0)
        self.tops = np.zeros((0, 0))
        self.colours: list = []
        self._styles: list[tuple[QBrush, QPen]] = []  # per phase: tinted fill, outline pen
        self._outlines: list[tuple[QPolygonF, QPolygonF]] = []  # per phase: the area, its top line

    def set_tops(self, years: np.ndarray, tops: np.ndarray) -> bool:
        """True if anything changed (and the item will repaint)."""
        if np.array_equal(self.years, years) and np.array_equal(self.tops, tops):
            return False
        self.prepareGeometryChange()
        self.years, self.tops = np.asarray(years, float), np.asarray(tops, float)
        there_and_back = np.concatenate((self.years, self.years[::-1]))
        ground = np.zeros_like(self.years)
        self._outlines = [
            (polygon(there_and_back, np.concatenate((top, ground))), polygon(self.years, top)) for top in self.tops
        ]
        self.update()
        return True

    def set_colours(self, colours: list) -> None:
        self.colours = colours
        self._styles = [(QBrush(_tint(colour)), pg.mkPen(colour, width=1)) for colour in colours]
        self.update()

    def boundingRect(self) -> QRectF:
        if not self.tops.size:
            return QRectF()
        return QRectF(self.years[0], 0.0, self.years[-1] - self.years[0], float(self.tops[-1].max()))

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange=None):
        if not self.tops.size:
            return None, None
        return (self.years[0], self.years[-1]) if axis == 0 else (0.0, float(self.tops[-1].max()))

    def paint(self, painter, *args) -> None:
        if len(self._styles) < len(self._outlines):
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing, False)  # as the curves it replaced
        for (area, line), (brush, pen) in zip(
            self._outlines[::-1], self._styles[len(self._outlines) - 1 :: -1], strict=True
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(brush)
            painter.drawPolygon(area)
            painter.setPen(pen)
            painter.drawPolyline(line)


def _tint(colour, strength: float = 0.7):
    """The colour mixed with white: looks translucent on white but paints as fast as an opaque fill."""
    return pg.mkColor(*(round(255 - strength * (255 - part)) for part in colour.getRgb()[:3]))
