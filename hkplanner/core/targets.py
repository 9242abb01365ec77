"""The plan's targets as data (`seeds/targets.toml`), judged against projections.

Each target is judged in its own year (fixed, or set by a parameter), on the whole timeline: the end
year only changes how far the charts run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from hkplanner.core.seeds import load


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

    def __post_init__(self) -> None:
        if not self.dated:
            raise ValueError(f"seeds/targets.toml: target {self.key} needs a year or a year_parameter")


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


def judge_all(
    years: np.ndarray, series: Mapping, values: dict, targets: tuple[Target, ...] = TARGETS
) -> tuple[TargetVerdicts, ...]:
    """Every target for N scenarios at once, each in its own year (fixed, or a parameter's value rounded):
    `series` maps columns to (N, years) arrays over consecutive `years`, `values` parameters to
    (N or 1, 1) arrays. A series with a `parts(key)` method gives each column as the years every
    scenario shares (1, H) and the rest (N, years - H), so nothing the size of the whole timeline is built."""
    return tuple(_judge(target, years, *_parts(series, target.metric), values) for target in targets)


def _parts(series: Mapping, key: str) -> tuple[np.ndarray, np.ndarray]:
    parts = getattr(series, "parts", None)
    return parts(key) if parts else (np.empty((1, 0)), series[key])


def _judge(target: Target, years: np.ndarray, shared: np.ndarray, own: np.ndarray, values: dict) -> TargetVerdicts:
    def holds(metric: np.ndarray) -> np.ndarray:  # NaN compares False
        return metric >= target.threshold if target.comparison == ">=" else metric > target.threshold

    due = np.rint(values[target.year_parameter][:, 0]) if target.year_parameter else np.array([target.year])
    rows = max(len(own), len(due))
    due = np.broadcast_to(due.astype(int), (rows,))
    own = np.broadcast_to(own, (rows, own.shape[1]))
    before = shared.shape[1]
    at_due = due - int(years[0])
    in_own = at_due >= before
    value = np.empty(rows)
    value[in_own] = own[in_own.nonzero()[0], at_due[in_own] - before]
    value[~in_own] = shared[0, at_due[~in_own]]
    met = holds(value)
    shared_holds, own_holds = holds(shared[0]), holds(own)
    first_own = own_holds.argmax(axis=1)
    first = np.where(own_holds[np.arange(rows), first_own], years[before + first_own], np.nan)
    if shared_holds.any():
        first[:] = years[shared_holds.argmax()]
    return TargetVerdicts(target, due, value, met, first, np.where(met, 0.0, target.threshold - value))


def evaluate(target: Target, years: np.ndarray, metric: np.ndarray, due_year: int) -> TargetResult:
    """Judge one target on a metric over consecutive `years` in `due_year`; a year outside them is not judged."""
    inside = bool(years[0] <= due_year <= years[-1])
    fixed = replace(target, year=due_year if inside else int(years[0]), year_parameter=None)
    verdict = judge_all(years, {target.metric: metric[None]}, {}, (fixed,))[0].result(0)
    if not inside:
        return TargetResult(target, due_year, math.nan, False, verdict.first_year_met, math.nan)
    return replace(verdict, target=target)
