"""The plan's targets as data (`seeds/targets.toml`), judged against projections.

Each target is judged in its own year (fixed, or set by a parameter), on the whole timeline: the end
year only changes how far the charts run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
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
    years: np.ndarray, series: Mapping, values: dict, targets: tuple[Target, ...] = TARGETS, rows: int = 1
) -> tuple[TargetVerdicts, ...]:
    """Every target for N scenarios at once, each in its own year (fixed, or a parameter's value rounded),
    over consecutive `years`; `values` maps parameters to (N or 1, 1) arrays. `series` has a
    `parts(key)` method giving each column as the first years every scenario shares (1, H) and the
    rest (N or 1, years - H), so nothing the size of the whole timeline is built; or it maps columns to
    (1, years) arrays. Verdicts have `rows` entries at least (a batch of scenarios the targets see alike)."""
    thresholds, inclusive = _thresholds(targets)
    split = getattr(series, "parts", None) or (lambda key: (series[key][:, :1], series[key][:, 1:]))
    shared, own = zip(*(split(target.metric) for target in targets), strict=True)
    shared, own = np.stack(shared), np.stack(np.broadcast_arrays(*own))  # (T, 1, H), (T, rows, years - H)
    dues = [
        np.rint(values[target.year_parameter][:, 0]) if target.year_parameter else target.year for target in targets
    ]
    rows = max(rows, own.shape[1], *(np.size(due) for due in dues))
    own = np.broadcast_to(own, (len(targets), rows, own.shape[2]))
    before = shared.shape[2]

    def holds(metric: np.ndarray) -> np.ndarray:  # (T, rows, years); NaN compares False
        result = metric > thresholds
        result |= (metric == thresholds) & inclusive
        return result

    due = np.empty((len(targets), rows), dtype=int)
    for index, year in enumerate(dues):
        due[index] = year
    which, row = np.arange(len(targets))[:, None], np.arange(rows)
    at_due = due - int(years[0])
    in_own = own[which, row, np.maximum(at_due - before, 0)]
    value = np.where(at_due >= before, in_own, shared[which, 0, np.minimum(at_due, before - 1)])
    met = holds(value[:, :, None])[:, :, 0]
    shortfall = np.where(met, 0.0, thresholds[:, :, 0] - value)  # NaN when the figure is unknown
    own_holds, shared_holds = holds(own), holds(shared)
    first_own = own_holds.argmax(axis=2)
    first = np.where(own_holds[which, row, first_own], years[before + first_own], np.nan)
    first_shared = shared_holds.argmax(axis=2)  # (T, 1): a year every scenario met the target in
    first = np.where(shared_holds[which, 0, first_shared], years[first_shared], first)
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
