"""The compute chart: capacity stacked by phase, demand, the targets and the capacity observed in 2025."""

from __future__ import annotations

from itertools import cycle

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPolygonF

from hkplanner.core import Projection
from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import YEARS
from hkplanner.ui import theme
from hkplanner.ui.charts.chart import ChartSpec, ProjectionChart, tr

LEGEND_PHASES = 8  # more would crowd the chart; the phase table lists every one


class CapacityChart(ProjectionChart):
    """Each phase is a filled band on top of the ones before it, all painted by one item (PhaseStack), so
    drawing costs the same per phase however many there are. The legend names the first LEGEND_PHASES."""

    def __init__(self, spec: ChartSpec, parent=None) -> None:
        super().__init__(spec, parent)
        self.stack = PhaseStack()
        self.stack.setZValue(-10)
        self.getPlotItem().addItem(self.stack)
        self.samples: list[pg.PlotCurveItem] = []  # legend entries only; never drawn in the plot
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
        moved = self.stack.set_tops(years, stacked) or moved
        super().show_projection(projection, baseline, moved)

    def _extra_tops(self) -> list[float]:
        return [float(self.stack.tops[-1].max())] if len(self.stack.tops) else []

    def _match_bands(self, projection: Projection) -> bool:
        """Colours per phase, and legend entries for the first few; only a change of phases costs anything."""
        names = tuple((phase.name, phase.owner) for phase in projection.scenario.phases)
        if names == self._band_names:
            return False
        self._band_names = names
        palettes = {"public": cycle(theme.PUBLIC_FILLS), "private": cycle(theme.PRIVATE_FILLS)}
        colours = [pg.mkColor(next(palettes[owner])) for _, owner in names]
        self.stack.set_colours(colours)
        labels = [_short(name) for name, _ in names[:LEGEND_PHASES]]
        if len(names) > LEGEND_PHASES:
            labels.append(tr("+{0} more phases").format(len(names) - LEGEND_PHASES))
        while len(self.samples) > len(labels):
            self.legend.removeItem(self.samples.pop())
        while len(self.samples) < len(labels):
            sample = pg.PlotCurveItem(fillLevel=0)
            self.legend.addItem(sample, " ")
            self.samples.append(sample)
        for sample, label, colour in zip(self.samples, labels, colours, strict=False):
            sample.setPen(pg.mkPen(colour, width=1))
            sample.setBrush(_tint(colour))
            sample.opts["name"] = label
            self.legend.getLabel(sample).setText(label)
        return True


class PhaseStack(pg.GraphicsObject):
    """Stacked bands, each filled down to zero, the tallest at the back: one item, one pass to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.years = np.zeros(0)
        self.tops = np.zeros((0, 0))
        self.colours: list = []

    def set_tops(self, years: np.ndarray, tops: np.ndarray) -> bool:
        """True if anything changed (and the item will repaint)."""
        if np.array_equal(self.years, years) and np.array_equal(self.tops, tops):
            return False
        self.prepareGeometryChange()
        self.years, self.tops = np.asarray(years, float), np.asarray(tops, float)
        self.update()
        return True

    def set_colours(self, colours: list) -> None:
        self.colours = colours
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
        if not self.tops.size or len(self.colours) < len(self.tops):
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing, False)  # as the curves it replaced
        base = [QPointF(x, 0.0) for x in self.years[::-1]]
        for top, colour in zip(self.tops[::-1], self.colours[len(self.tops) - 1 :: -1], strict=True):
            line = [QPointF(x, y) for x, y in zip(self.years, top, strict=True)]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_tint(colour))
            painter.drawPolygon(QPolygonF([*line, *base]))
            pen = pg.mkPen(colour, width=1)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawPolyline(QPolygonF(line))


def _short(name: str, limit: int = 20) -> str:
    """Legend entries share a narrow chart; the phase table shows names in full."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _tint(colour, strength: float = 0.7):
    """The colour mixed with white: looks translucent on white but paints as fast as an opaque fill."""
    return pg.mkColor(*(round(255 - strength * (255 - part)) for part in colour.getRgb()[:3]))
