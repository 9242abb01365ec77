"""Axis labels as people read them: thousands separators, and plain numbers on a log scale; on a linear
scale, one level of round ticks far enough apart that every one is labelled."""

from __future__ import annotations

import math

import pyqtgraph as pg

MIN_LABEL_GAP_PX = 30  # between neighbouring labels on the value axis
ROUND_STEPS = (1, 2, 5, 10)  # times a power of ten


def tick_text(value: float, spacing: float) -> str:
    """Enough decimals to tell neighbouring ticks apart, none beyond."""
    places = max(0, -math.floor(math.log10(spacing))) if spacing > 0 else 0
    return f"{value:,.{places}f}"


def round_step(at_least: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least `at_least` (> 0)."""
    magnitude = 10 ** math.floor(math.log10(at_least))
    return next(factor * magnitude for factor in ROUND_STEPS if factor * magnitude >= at_least * (1 - 1e-9))


class NumberAxis(pg.AxisItem):
    def tickValues(self, minVal, maxVal, size):
        """pyqtgraph offers two finer levels too and measures each of their labels to see which fit: most
        of the cost of every change of range. The finer levels carried no labels at the chart's sizes."""
        low, high = sorted((minVal, maxVal))
        if self.logMode or high <= low or size <= 0:
            return super().tickValues(minVal, maxVal, size)
        spacing = round_step((high - low) * MIN_LABEL_GAP_PX / size)
        first = math.ceil(low / spacing - 1e-9)
        count = math.floor(high / spacing + 1e-9) - first + 1
        return [(spacing, [(first + index) * spacing for index in range(count)])]

    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        return [tick_text(value * scale, spacing * scale) for value in values]

    def logTickStrings(self, values, scale, spacing):
        """Only whole powers of ten are labelled (1, 10, 100, 1,000 ...): intermediate ticks stay bare."""
        return [f"{10**value:,.0f}" if abs(value - round(value)) < 1e-6 and value >= 0 else "" for value in values]
