"""Many lines and fills painted by one item into one cached image.

What stays put while a slider moves (the plan's dashed ghosts, pinned scenarios, uncertainty bands) is
painted once into an image the size of the plot and then copied on every repaint, however many series it
holds: one pyqtgraph item per series would run Python paint code for each of them on every frame, and
dotted or dashed pens are slow to stroke. The image is redrawn only when the layer's contents or the
view's range change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPixmapCache, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

# Each chart caches a few plot-sized images (three at 2x scaling are about 6 MB): room for every chart's.
PIXMAP_CACHE_KB = 64 * 1024


def same_values(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal arrays (blanks equal too); known at once when both are the same read-only memory, as the
    series of a part of the model that a change left alone are."""
    if a is b:
        return True
    if not (a.flags.writeable or b.flags.writeable) and a.__array_interface__ == b.__array_interface__:
        return True
    return np.array_equal(a, b, equal_nan=True)


def polygon(x: np.ndarray, y: np.ndarray) -> QPolygonF:
    """The points (x, y) as a polygon, written straight into its memory: a few times faster to build than
    a QPainterPath, and as fast to draw."""
    points = functions.create_qpolygonf(len(x))
    xy = functions.ndarray_from_qpolygonf(points)
    xy[:, 0], xy[:, 1] = x, y
    return points


@dataclass(frozen=True, eq=False)
class Stroke:
    """A series drawn as a line: its values as plotted (x, y) and its pen. Gaps (NaN) break the line."""

    x: np.ndarray
    y: np.ndarray
    pen: QPen

    @cached_property
    def outline(self) -> QPolygonF | QPainterPath:
        x, y = np.asarray(self.x, float), np.asarray(self.y, float)
        if np.isnan(x).any() or np.isnan(y).any():  # a line in pieces
            return pg.arrayToQPath(x, y, connect="finite")
        return polygon(x, y)

    def draw(self, painter: QPainter) -> None:
        painter.setPen(self.pen)
        outline = self.outline
        if isinstance(outline, QPolygonF):
            painter.drawPolyline(outline)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline)

    def same_data(self, x: np.ndarray, y: np.ndarray) -> bool:
        return same_values(self.x, x) and same_values(self.y, y)


@dataclass(frozen=True, eq=False)
class Fill:
    """The area between two series (a P10-P90 band): one closed polygon over the years where both are known."""

    x: np.ndarray
    low: np.ndarray
    high: np.ndarray
    brush: QBrush

    @cached_property
    def outline(self) -> QPolygonF:
        known = np.isfinite(self.low) & np.isfinite(self.high)
        x = np.asarray(self.x, float)[known]
        return polygon(np.concatenate((x, x[::-1])), np.concatenate((self.low[known], self.high[known][::-1])))

    def draw(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush)
        painter.drawPolygon(self.outline)


class Layer(pg.GraphicsObject):
    """Strokes and fills in the order given (the first at the back), cached as one image of the plot area
    unless they change on every step (the scenario's own lines)."""

    def __init__(self, z: float = 0.0, cached: bool = True) -> None:
        super().__init__()
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self.shapes: tuple[Stroke | Fill, ...] = ()
        self._visible_plot = QRectF()
        self.setZValue(z)
        if cached:
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def show_shapes(self, shapes: Sequence[Stroke | Fill]) -> None:
        self.shapes = tuple(shapes)
        self.update()

    def boundingRect(self) -> QRectF:
        """The whole visible plot: lines at its edges keep their full width, and the image never outgrows it."""
        return self._visible_plot

    def viewRangeChanged(self) -> None:
        view = self.getViewBox()
        self.prepareGeometryChange()
        self._visible_plot = QRectF() if view is None else view.viewRect()

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange=None):
        return None, None  # the chart sets its own ranges; a layer never widens them

    def paint(self, painter, *args) -> None:
        if self._exportOpts and self._exportOpts.get("antialias"):  # smooth in a PDF or an image export
            painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        for shape in self.shapes:
            shape.draw(painter)
