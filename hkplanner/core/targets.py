"""The plan's targets as data (`seeds/targets.toml`), judged against a projection."""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass

import numpy as np

from hkplanner.core.seeds import load

_COMPARISONS = {">=": operator.ge, ">": operator.gt}


@dataclass(frozen=True)
class Target:
    key: str
    title: str
    metric: str
    comparison: str
    threshold: float
    unit: str
    source: str
    year: int | None = None
    year_parameter: str | None = None

    @property
    def dated(self) -> bool:
        """Whether the target names a year (fixed or by parameter); otherwise it is a level to stay above."""
        return self.year is not None or self.year_parameter is not None

    def due_year(self, values: dict, end_year: int) -> int:
        """The year the target is judged: fixed, set by a parameter, or the end of the projection."""
        if self.year_parameter:
            return int(values[self.year_parameter])
        return self.year if self.year is not None else end_year


@dataclass(frozen=True)
class TargetResult:
    target: Target
    due_year: int
    value: float  # the metric in the due year; NaN if unknown or after the projection ends
    met: bool
    first_year_met: int | None  # earliest projected year the condition holds
    shortfall: float  # how far below the threshold in the due year: 0 when met, NaN when not judged

    @property
    def judged(self) -> bool:
        """False when the due year has no figure, e.g. it lies after the projection ends."""
        return not math.isnan(self.value)


TARGETS: tuple[Target, ...] = tuple(Target(**entry) for entry in load("targets")["target"])


def evaluate(target: Target, years: np.ndarray, metric: np.ndarray, due_year: int) -> TargetResult:
    """Judge one target on a metric over consecutive `years` (the projection's, not beyond)."""
    holds = _COMPARISONS[target.comparison](metric, target.threshold)  # NaN compares False
    first_index = int(holds.argmax())
    first = int(years[first_index]) if holds[first_index] else None
    index = due_year - int(years[0])
    if not 0 <= index < len(years):
        return TargetResult(target, due_year, math.nan, False, first, math.nan)
    value = float(metric[index])
    met = bool(holds[index])
    shortfall = 0.0 if met else float(target.threshold - value)  # NaN when the figure is unknown
    return TargetResult(target, due_year, value, met, first, shortfall)
