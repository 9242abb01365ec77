"""The plan's targets as data (`seeds/targets.toml`), judged against projections.

Each target is judged in its own year (fixed, or set by a parameter), on the whole timeline: the end
year only changes how far the charts run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

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

    @classmethod
    def repeated(cls, result: TargetResult, rows: int) -> TargetVerdicts:
        """One scenario's result for `rows` scenarios that share it (a batch's kept part)."""
        first = math.nan if result.first_year_met is None else float(result.first_year_met)
        fields = (result.due_year, result.value, result.met, first, result.shortfall)
        return cls(result.target, *(np.full(rows, field) for field in fields))

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
    years: np.ndarray, series: Mapping, values: dict, targets: tuple[Target, ...] = TARGETS, rows: int = 1
) -> tuple[TargetVerdicts, ...]:
    """Every target for N scenarios at once, each in its own year (fixed, or a parameter's value rounded),
    over consecutive `years`; `values` maps parameters to (N or 1, 1) arrays. `series` has a
    `parts(key)` method giving each column as the first years every scenario shares (1, H) and the
    rest (N or 1, years - H), so nothing the size of the whole timeline is built; or it maps columns to
    (1, years) arrays. Verdicts have `rows` entries at least (a batch of scenarios the targets see alike)."""
    split = getattr(series, "parts", None) or (lambda key: (series[key][:, :1], series[key][:, 1:]))
    return tuple(_judge(target, years, *split(target.metric), _due(target, values), rows) for target in targets)


def _due(target: Target, values: dict) -> np.ndarray:
    """The year the target is judged in, (N or 1,)."""
    if target.year_parameter:
        return np.rint(values[target.year_parameter][:, 0]).astype(int)
    return np.array([target.year])


def _holds(target: Target, metric: np.ndarray) -> np.ndarray:
    """Where the metric meets the target; NaN compares False."""
    return metric >= target.threshold if target.comparison == ">=" else metric > target.threshold


def _judge(
    target: Target, years: np.ndarray, shared: np.ndarray, own: np.ndarray, due: np.ndarray, rows: int
) -> TargetVerdicts:
    """One target on a metric split into the years every row shares (1, H) and its own (N or 1, Y - H)."""
    rows = max(rows, own.shape[0], due.size)
    due, before = _each_row(due, rows), shared.shape[1]
    at = due - int(years[0])
    row = np.arange(rows) if own.shape[0] == rows else np.zeros(rows, dtype=np.intp)
    value = np.where(at >= before, own[row, np.maximum(at - before, 0)], shared[0, np.minimum(at, before - 1)])
    met = _holds(target, value)
    shortfall = np.where(met, 0.0, target.threshold - value)  # NaN when the figure is unknown
    shared_holds = _holds(target, shared[0])
    if shared_holds.any():  # a year every scenario met the target in
        first = np.full(rows, float(years[shared_holds.argmax()]))
    else:
        own_holds = _holds(target, own)
        first_own = own_holds.argmax(axis=1)
        first_met = np.where(own_holds[np.arange(own.shape[0]), first_own], years[before + first_own], np.nan)
        first = _each_row(first_met, rows)
    return TargetVerdicts(target, due, value, met, first, shortfall)


def _each_row(array: np.ndarray, rows: int) -> np.ndarray:
    """A value per row: (rows,) as it is, or (1,) repeated."""
    return array if array.size == rows else np.full(rows, array[0])


def judge_one(target: Target, years: np.ndarray, metric: np.ndarray, values: Mapping[str, float]) -> TargetResult:
    """One scenario's verdict on a metric over consecutive `years`, in its own year: what `judge_all` gives
    for a row, without arrays for every step. `values` maps parameters to numbers."""
    due_year = round(values[target.year_parameter]) if target.year_parameter else target.year
    return evaluate(target, years, metric, due_year)


def evaluate(target: Target, years: np.ndarray, metric: np.ndarray, due_year: int) -> TargetResult:
    """Judge one target on a metric over consecutive `years` in `due_year`; a year outside them is not judged."""
    holds = _holds(target, metric)
    earliest = holds.argmax()  # the first year it holds, if it holds at all (cheaper than any())
    first = int(years[earliest]) if holds[earliest] else None
    if not years[0] <= due_year <= years[-1]:
        return TargetResult(target, due_year, math.nan, False, first, math.nan)
    value = float(metric[due_year - years[0]])
    met = bool(_holds(target, value))
    return TargetResult(target, due_year, value, met, first, 0.0 if met else target.threshold - value)
