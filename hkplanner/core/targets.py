"""The plan's targets as data (`seeds/targets.toml`), judged against projections.

Each target is judged in its own year (fixed, or set by a parameter), on the whole timeline: the end
year only changes how far the charts run.
"""

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
            return round(values[self.year_parameter])
        return self.year if self.year is not None else end_year


@dataclass(frozen=True)
class TargetResult:
    target: Target
    due_year: int
    value: float  # the metric in the due year; NaN if unknown
    met: bool
    first_year_met: int | None  # earliest year the condition holds
    shortfall: float  # how far below the threshold in the due year: 0 when met, NaN when not judged

    @property
    def judged(self) -> bool:
        """False when the due year has no figure."""
        return not math.isnan(self.value)


@dataclass(frozen=True)
class TargetVerdicts:
    """One target judged for N scenarios at once: arrays of length N."""

    target: Target
    due_year: np.ndarray  # int
    value: np.ndarray
    met: np.ndarray  # bool
    first_year_met: np.ndarray  # float: the year, NaN when never met
    shortfall: np.ndarray

    def result(self, row: int) -> TargetResult:
        first = self.first_year_met[row]
        return TargetResult(
            self.target,
            int(self.due_year[row]),
            float(self.value[row]),
            bool(self.met[row]),
            None if math.isnan(first) else int(first),
            float(self.shortfall[row]),
        )


TARGETS: tuple[Target, ...] = tuple(Target(**entry) for entry in load("targets")["target"])


_THRESHOLDS = np.array([target.threshold for target in TARGETS], dtype=float).reshape(-1, 1, 1)
_INCLUSIVE = np.array([target.comparison == ">=" for target in TARGETS]).reshape(-1, 1, 1)
_FIXED_YEARS = {target.key: target.year for target in TARGETS if target.year is not None}


def judge_all(years: np.ndarray, series: dict, values: dict) -> tuple[TargetVerdicts, ...]:
    """Every target for N scenarios at once: `series` maps columns to (N or 1, years) arrays over
    consecutive `years`, `values` parameters to (N or 1, 1) arrays (for the due years)."""
    metrics = np.stack(np.broadcast_arrays(*(series[target.metric] for target in TARGETS)))
    rows = metrics.shape[1]
    holds = metrics > _THRESHOLDS  # NaN compares False
    holds |= (metrics == _THRESHOLDS) & _INCLUSIVE
    due = np.empty((len(TARGETS), rows), dtype=int)
    for index, target in enumerate(TARGETS):
        if target.year_parameter:
            due[index] = np.rint(values[target.year_parameter][:, 0])
        else:
            due[index] = _FIXED_YEARS[target.key]
    row = np.arange(rows)
    which = np.arange(len(TARGETS))[:, None]
    at_due = due - int(years[0])
    value = metrics[which, row, at_due]
    met = holds[which, row, at_due]
    shortfall = np.where(met, 0.0, _THRESHOLDS[:, :, 0] - value)  # NaN when the figure is unknown
    first_index = holds.argmax(axis=2)
    first = np.where(holds[which, row, first_index], years[first_index], np.nan)
    return tuple(
        TargetVerdicts(target, due[i], value[i], met[i], first[i], shortfall[i]) for i, target in enumerate(TARGETS)
    )


def judge(target: Target, years: np.ndarray, metric: np.ndarray, due_year: np.ndarray) -> TargetVerdicts:
    """Judge one target on `metric` (N, years) in each row's `due_year` (N,) ints within `years`."""
    holds = _COMPARISONS[target.comparison](metric, target.threshold)  # NaN compares False
    first_index = holds.argmax(axis=1)
    rows = np.arange(len(metric))
    first = np.where(holds[rows, first_index], years[first_index], np.nan)
    index = due_year - int(years[0])
    value = metric[rows, index]
    met = holds[rows, index]
    shortfall = np.where(met, 0.0, target.threshold - value)  # NaN when the figure is unknown
    return TargetVerdicts(target, due_year, value, met, first, shortfall)


def evaluate(target: Target, years: np.ndarray, metric: np.ndarray, due_year: int) -> TargetResult:
    """Judge one target on a metric over consecutive `years`; a due year outside them is not judged."""
    if not years[0] <= due_year <= years[-1]:
        verdict = judge(target, years, metric[None], np.array([years[0]])).result(0)
        return TargetResult(target, due_year, math.nan, False, verdict.first_year_met, math.nan)
    return judge(target, years, metric[None], np.array([due_year])).result(0)
