"""The plan's targets as data (`seeds/targets.toml`), judged against projections.

Each target is judged in its own year (fixed, or set by a parameter), on the whole timeline: the end
year only changes how far the charts run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

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


@lru_cache(maxsize=8)
def _thresholds(targets: tuple[Target, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Each target's threshold, and whether reaching it exactly counts (">="), shaped (targets, 1, 1)."""
    thresholds = np.array([target.threshold for target in targets], dtype=float).reshape(-1, 1, 1)
    inclusive = np.array([target.comparison == ">=" for target in targets]).reshape(-1, 1, 1)
    return thresholds, inclusive


def judge_all(
    years: np.ndarray, series: dict, values: dict, targets: tuple[Target, ...] = TARGETS
) -> tuple[TargetVerdicts, ...]:
    """Every target for N scenarios at once, each in its own year (fixed, or a parameter's value rounded):
    `series` maps columns to (N, years) arrays over consecutive `years`, `values` parameters to
    (N or 1, 1) arrays."""
    thresholds, inclusive = _thresholds(targets)
    metrics = np.stack(np.broadcast_arrays(*(series[target.metric] for target in targets)))
    rows = metrics.shape[1]
    holds = metrics > thresholds  # NaN compares False
    holds |= (metrics == thresholds) & inclusive
    due = np.empty((len(targets), rows), dtype=int)
    for index, target in enumerate(targets):
        due[index] = np.rint(values[target.year_parameter][:, 0]) if target.year_parameter else target.year
    row = np.arange(rows)
    which = np.arange(len(targets))[:, None]
    at_due = due - int(years[0])
    value = metrics[which, row, at_due]
    met = holds[which, row, at_due]
    shortfall = np.where(met, 0.0, thresholds[:, :, 0] - value)  # NaN when the figure is unknown
    first_index = holds.argmax(axis=2)
    first = np.where(holds[which, row, first_index], years[first_index], np.nan)
    return tuple(
        TargetVerdicts(target, due[i], value[i], met[i], first[i], shortfall[i]) for i, target in enumerate(targets)
    )


def evaluate(target: Target, years: np.ndarray, metric: np.ndarray, due_year: int) -> TargetResult:
    """Judge one target on a metric over consecutive `years` in `due_year`; a year outside them is not judged."""
    inside = bool(years[0] <= due_year <= years[-1])
    fixed = replace(target, year=due_year if inside else int(years[0]), year_parameter=None)
    verdict = judge_all(years, {target.metric: metric[None]}, {}, (fixed,))[0].result(0)
    if not inside:
        return TargetResult(target, due_year, math.nan, False, verdict.first_year_met, math.nan)
    return replace(verdict, target=target)
