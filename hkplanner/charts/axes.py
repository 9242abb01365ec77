"""Axis labels as people read them: thousands separators, and plain numbers on a log scale."""

from __future__ import annotations

import math

import pyqtgraph as pg


def tick_text(value: float, spacing: float) -> str:
    """Enough decimals to tell neighbouring ticks apart, none beyond."""
    places = max(0, -math.floor(math.log10(spacing))) if spacing > 0 else 0
    return f"{value:,.{places}f}"


class NumberAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        return [tick_text(value * scale, spacing * scale) for value in values]

    def logTickStrings(self, values, scale, spacing):
        """Only whole powers of ten are labelled (1, 10, 100, 1,000 ...): intermediate ticks stay bare."""
        return [f"{10**value:,.0f}" if abs(value - round(value)) < 1e-6 and value >= 0 else "" for value in values]
