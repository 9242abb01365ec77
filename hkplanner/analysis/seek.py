"""What would it take: the lever value that just meets a target, or the frontier of two levers.

One batch projects a grid over the lever's range; the met/missed flags on it bracket the boundary nearest
the lever's current value, and batched subdivision (`REFINE_POINTS` inside each bracket per batch) narrows
it until it is `TOLERANCE` of the range wide (one step for whole-numbered levers). A boundary narrower
than the grid's spacing can be missed; no value on the grid meeting the target is reported as unreachable,
with the grid value that comes closest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from hkplanner.analysis.inputs import (
    BatchProjector,
    apply_lever,
    default_projector,
    lever_bounds,
    lever_is_whole,
    lever_step,
    lever_value,
)
from hkplanner.core.parameters import REGISTRY
from hkplanner.core.scenario import Scenario
from hkplanner.core.targets import TARGETS

GRID_POINTS = 257
REFINE_POINTS = 31
TOLERANCE = 1e-9  # of the lever's range
FRONTIER_POINTS = 41


@dataclass(frozen=True)
class Answer:
    target: str
    lever: str
    reachable: bool
    value: float | None  # the lever value nearest the current one that just meets the target
    nearest_miss: float | None  # the value just beyond it that misses (within `step` of it)
    best: float  # the value that comes closest: `value` when reachable
    best_shortfall: float  # how far the target's metric stays short at `best`: 0 when reachable
    met_everywhere: bool  # met whatever the lever's value: nothing to seek


@dataclass(frozen=True)
class Frontier:
    target: str
    levers: tuple[str, str]
    x: np.ndarray  # values of the first lever
    y: np.ndarray  # the second lever's value that just meets the target at each x; NaN where none does
    y_miss: np.ndarray  # the value just beyond y that misses it
    met_everywhere: np.ndarray  # at these x the target is met whatever the second lever
    current: tuple[float, float]
    best_shortfall: np.ndarray  # at each x, how far the second lever's closest value stays short: 0 where met

    def answer_at(self, index: int) -> Answer:
        """The second lever's answer at a point on the line (where y is not NaN), as `seek` gives it."""
        value, miss = float(self.y[index]), float(self.y_miss[index])
        return Answer(self.target, self.levers[1], True, value, miss, value, 0.0, met_everywhere=False)


@dataclass(frozen=True)
class Setting:
    """What "Apply" would set: lever values on their slider steps where that still meets the target,
    checked on the batch projection of the scenario they make."""

    target: str
    values: tuple[tuple[str, float], ...]  # (lever, value), in the order the user chose the levers
    met: bool
    shortfall: float  # how far the target's metric stays short with these values: 0 when met


def seek(scenario: Scenario, target: str, lever: str, *, projector: BatchProjector | None = None) -> Answer:
    _check_target(target)
    search = _Search(projector or default_projector(), scenario, target, lever, {}, 1)
    return search.answers()[0]


def on_step(scenario: Scenario, answer: Answer, *, projector: BatchProjector | None = None) -> float | None:
    """The first value on the lever's slider step past the miss that meets the target, within a step of
    the exact answer; None if neither candidate does or both leave the lever's range.

    People read and set "2.85", not "2.8473829".
    """
    if answer.value is None:
        return None
    step, direction = lever_step(answer.lever), np.sign(answer.value - answer.nearest_miss)
    away = np.ceil if direction > 0 else np.floor
    first = away(answer.nearest_miss / step + 1e-9 * direction) * step  # strictly past the miss
    low, high = lever_bounds(scenario, answer.lever)
    candidates = [float(np.round(v, 10)) for v in (first, first + direction * step) if low <= v <= high]
    if not candidates:
        return None
    batch = (projector or default_projector())(scenario, {answer.lever: np.array(candidates)}, n=len(candidates))
    met = np.asarray(batch.targets[answer.target].met, dtype=bool)
    return next((value for value, ok in zip(candidates, met, strict=True) if ok), None)


def settle(
    scenario: Scenario,
    answer: Answer,
    fixed: Mapping[str, float] | None = None,
    *,
    projector: BatchProjector | None = None,
) -> Setting:
    """The answer's lever on its step (`on_step`), or exactly where no step meets, with the `fixed` levers
    set first (the frontier's other lever); then the whole setting checked through the batch projection,
    so nothing is offered that misses the target. One lever or two: the same path."""
    projector = projector or default_projector()
    fixed = dict(fixed or {})
    stepped = on_step(set_levers(scenario, fixed), answer, projector=projector)
    chosen = answer.value if stepped is None else stepped
    values = {key: float(value) for key, value in {**fixed, answer.lever: chosen}.items()}
    verdict = projector(set_levers(scenario, values), {}, n=1).targets[answer.target]
    met, shortfall = bool(np.asarray(verdict.met)[0]), float(np.asarray(verdict.shortfall)[0])
    return Setting(answer.target, tuple(values.items()), met, 0.0 if met else shortfall)


def set_levers(scenario: Scenario, values: Mapping[str, float] | tuple[tuple[str, float], ...]) -> Scenario:
    """The scenario with each lever set in turn, whole-number levers rounded: what a user applies."""
    for key, value in dict(values).items():
        scenario = apply_lever(scenario, key, value)
    return scenario


def lever_unit(key: str) -> str:
    if key in REGISTRY:
        return REGISTRY[key].unit
    return "PF" if key.endswith(".capacity_pf") else "year"


def lever_quantity(key: str, value: float) -> str:
    """A lever's value with its unit: '2 years', '15,433 PF', '23.7% a year, real'; years as years.
    Ten significant figures, not `quantity`'s six: a capacity of millions of PF reads in full."""
    unit = lever_unit(key)
    if unit == "year":
        return str(round(value))
    text = f"{value:,.10g}"
    if unit.startswith("%"):
        return f"{text}{unit}"
    return f"{text} {'year' if unit == 'years' and value == 1 else unit}"  # one year, two years


def frontier(
    scenario: Scenario, target: str, levers: tuple[str, str], *, projector: BatchProjector | None = None
) -> Frontier:
    """For each of `FRONTIER_POINTS` values of the first lever (on its slider step, so each point can be
    applied as it reads), the second's value that just meets the target."""
    _check_target(target)
    first, second = levers
    x = _grid(scenario, first, FRONTIER_POINTS, on_steps=True)
    search = _Search(projector or default_projector(), scenario, target, second, {first: x}, len(x))
    answers = search.answers()
    y, y_miss = (
        np.array([np.nan if a.value is None else getattr(a, name) for a in answers])
        for name in ("value", "nearest_miss")
    )
    everywhere = np.array([answer.met_everywhere for answer in answers])
    shortfall = np.array([answer.best_shortfall for answer in answers])
    current = (lever_value(scenario, first), lever_value(scenario, second))
    return Frontier(target, levers, x, y, y_miss, everywhere, current, shortfall)


def _check_target(target: str) -> None:
    known = [t.key for t in TARGETS]
    if target not in known:
        raise KeyError(f"{target!r} is not a target (targets: {', '.join(known)})")


def _grid(scenario: Scenario, lever: str, points: int, *, on_steps: bool = False) -> np.ndarray:
    """Values over the lever's range, its current value among them; `on_steps`: the others on its slider step."""
    low, high = lever_bounds(scenario, lever)
    if lever_is_whole(lever) and high - low + 1 <= points:
        grid = np.arange(low, high + 1)
    else:
        grid = np.linspace(low, high, points)
    if on_steps:
        step = lever_step(lever)
        grid = np.clip(np.round(np.round(grid / step) * step, 10), low, high)
    elif lever_is_whole(lever):
        grid = np.round(grid)
    return np.union1d(grid, [lever_value(scenario, lever)])


class _Search:
    """The boundary search for m contexts at once (m values of another lever, or just the scenario)."""

    def __init__(self, project_batch, scenario, target, lever, fixed: dict[str, np.ndarray], m: int) -> None:
        self.project_batch, self.scenario, self.target, self.lever = project_batch, scenario, target, lever
        self.fixed, self.m = fixed, m
        self.whole = lever_is_whole(lever)
        low, high = lever_bounds(scenario, lever)
        self.tolerance = 1.0 if self.whole else TOLERANCE * (high - low)
        self.current = lever_value(scenario, lever)

    def evaluate(self, values: np.ndarray, rows: np.ndarray | slice = slice(None)) -> tuple[np.ndarray, np.ndarray]:
        """Met flags and shortfalls for an (m, k) array of lever values, one context per row: one batch."""
        m, k = values.shape
        overrides = {key: np.repeat(column[rows], k) for key, column in self.fixed.items()}
        overrides[self.lever] = values.ravel()
        result = self.project_batch(self.scenario, overrides, n=values.size).targets[self.target]
        met = np.asarray(result.met, dtype=bool).reshape(m, k)
        shortfall = np.asarray(result.shortfall, dtype=float).reshape(m, k)
        return met, np.where(np.isnan(shortfall), np.inf, shortfall)

    def answers(self) -> list[Answer]:
        grid = np.tile(_grid(self.scenario, self.lever, GRID_POINTS), (self.m, 1))
        met, shortfall = self.evaluate(grid)
        bracket = np.array([self._nearest_bracket(g, row) for g, row in zip(grid, met, strict=True)])
        bracketed = ~np.isnan(bracket[:, 0])
        if bracketed.any():
            bracket[bracketed] = self._narrow(bracket[bracketed], bracketed)
        answers = []
        for row in range(self.m):
            closest = np.flatnonzero(shortfall[row] == shortfall[row].min())
            best = closest[np.argmin(np.abs(grid[row, closest] - self.current))]  # ties: the least change
            answers.append(
                Answer(
                    target=self.target,
                    lever=self.lever,
                    reachable=bool(met[row].any()),
                    value=float(bracket[row, 1]) if bracketed[row] else None,
                    nearest_miss=float(bracket[row, 0]) if bracketed[row] else None,
                    best=float(bracket[row, 1]) if bracketed[row] else float(grid[row, best]),
                    best_shortfall=0.0 if met[row].any() else float(shortfall[row, best]),
                    met_everywhere=bool(met[row].all()),
                )
            )
        return answers

    def _nearest_bracket(self, grid: np.ndarray, met: np.ndarray) -> tuple[float, float]:
        """(missed, met) neighbours on the grid, the met one nearest the current value; NaNs if none."""
        change = np.flatnonzero(met[1:] != met[:-1])
        if change.size == 0:
            return np.nan, np.nan
        pairs = [(grid[i], grid[i + 1]) if met[i + 1] else (grid[i + 1], grid[i]) for i in change]
        return min(pairs, key=lambda pair: abs(pair[1] - self.current))

    def _narrow(self, bracket: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Subdivide each (missed, met) bracket in one batch per round until it is `tolerance` wide."""
        fractions = np.linspace(0.0, 1.0, REFINE_POINTS + 2)
        index = np.arange(len(bracket))
        while np.max(np.abs(bracket[:, 1] - bracket[:, 0])) > self.tolerance:
            points = bracket[:, :1] + fractions * (bracket[:, 1:] - bracket[:, :1])  # missed end ... met end
            if self.whole:
                points = np.round(points)
            met, _ = self.evaluate(points[:, 1:-1], rows)
            met = np.hstack([np.zeros((len(index), 1), bool), met, np.ones((len(index), 1), bool)])
            first_met = np.argmax(met, axis=1)  # the first met point after the missed end
            bracket = np.column_stack([points[index, first_met - 1], points[index, first_met]])
        return bracket
