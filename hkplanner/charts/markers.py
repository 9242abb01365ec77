"""Markers that stay put while a slider moves (published figures, targets): painted once into a cached
image and copied after, like the layers.

pyqtgraph works out a scatter's bounding rectangle afresh each time the scene asks, in Python, and the
scene asks several times on every repaint of the chart, for markers that have not moved. Here it is
worked out once for each set of data and each range of the view.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem


class Markers(pg.ScatterPlotItem):
    def __init__(self, *args, **kwargs) -> None:
        self._rect: QRectF | None = None
        super().__init__(*args, **kwargs)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        if self._rect is None:
            self._rect = super().boundingRect()
        return self._rect

    def prepareGeometryChange(self) -> None:  # new data, sizes or symbols
        self._rect = None
        super().prepareGeometryChange()

    def viewTransformChanged(self) -> None:  # a new range: the markers' pixel size spans other values
        self._rect = None
        super().viewTransformChanged()
