"""The plan's targets as data (`seeds/targets.toml`), judged against a projection."""

from __future__ import annotations

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
    value: float  # the metric in the due year (NaN if unknown)
    met: bool
    first_year_met: int | None  # earliest year the condition holds
    shortfall: float  # how far below the threshold in the due year; 0 when met


TARGETS: tuple[Target, ...] = tuple(Target(**entry) for entry in load("targets")["target"])


def evaluate(target: Target, years: np.ndarray, metric: np.ndarray, due_year: int) -> TargetResult:
    holds = _COMPARISONS[target.comparison](metric, target.threshold)  # NaN compares False
    first = int(years[holds.argmax()]) if holds.any() else None
    index = int(np.searchsorted(years, due_year))
    value = float(metric[index])
    met = bool(holds[index])
    shortfall = 0.0 if met or np.isnan(value) else float(target.threshold - value)
    return TargetResult(target, due_year, value, met, first, shortfall)
