"""`project_batch`: N scenarios at once, every series as an (N, years) array, every target per scenario.

Overrides map a registry key, or a phase lever `phase.<i>.capacity_pf` / `phase.<i>.completion_year`
(i indexes `base.phases`), to one value per scenario. Integer parameters take fractional values here:
their continuous equivalents (a fractional delay shifts a ramp by part of a year; a fractional lifetime
blends the two neighbouring whole lifetimes; a target year is rounded to the year it is judged in).
All draws are checked in one pass before anything runs. Row i equals `project()` on the scenario with
row i's values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike

from hkplanner.core.allocator import keep_freed_memory
from hkplanner.core.model import run
from hkplanner.core.parameters import REGISTRY, ParameterError
from hkplanner.core.phases import MAX_PHASE_PF, PhaseArrays, phase_arrays
from hkplanner.core.projection import COLUMNS
from hkplanner.core.scenario import Scenario
from hkplanner.core.targets import TargetVerdicts
from hkplanner.core.timeline import FIRST_YEAR, MAX_END_YEAR, YEARS

_PHASE_KEY = re.compile(r"phase\.(\d+)\.(capacity_pf|completion_year)")


class BatchError(ParameterError):
    """Overrides that cannot be projected; the message names the key (and the first bad row)."""


@dataclass(frozen=True, eq=False)
class BatchProjection:
    n: int
    years: np.ndarray  # (Y,): from the first official year to the latest end year among the rows
    series: Mapping[str, np.ndarray]  # column key -> (N, Y), the keys of COLUMNS; built on first read
    targets: MappingProxyType  # target key -> TargetVerdicts, each judged in its own year
    mfg_growth_required_pct: np.ndarray  # (N,)

    def __getitem__(self, key: str) -> np.ndarray:
        return self.series[key]

    def at(self, key: str, year: int) -> np.ndarray:
        return self.series[key][:, year - FIRST_YEAR]


def _as_column(key: str, value: ArrayLike) -> np.ndarray:
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise BatchError(f"{key}: values must be numbers") from None
    if array.ndim > 1:
        raise BatchError(f"{key}: expected a 1-D array or a number, got shape {array.shape}")
    return array


def _check(key: str, array: np.ndarray, low: float, high: float, unit: str) -> None:
    bad = ~(np.isfinite(array) & (array >= low) & (array <= high))
    if bad.any():
        index = int(np.flatnonzero(np.atleast_1d(bad))[0])
        value = float(np.atleast_1d(array)[index])
        raise BatchError(f"{key}[{index}] = {value!r} is out of range (allowed {low:g} to {high:g} {unit})")


def _phase_bounds(base: Scenario, index: int, field: str) -> tuple[float, float, str]:
    if field == "capacity_pf":
        return 0.0, float(MAX_PHASE_PF), "PF"
    phase = base.phases[index]
    return float(FIRST_YEAR + phase.completion_year - phase.start_year), float(MAX_END_YEAR), "(year)"


def _validated(base: Scenario, overrides: Mapping[str, ArrayLike], n: int | None) -> tuple[dict, int]:
    arrays = {}
    for key, value in overrides.items():
        match = _PHASE_KEY.fullmatch(key) if isinstance(key, str) else None
        if match and int(match[1]) >= len(base.phases):
            raise BatchError(f"{key}: the base scenario has {len(base.phases)} phases (indexes from 0)")
        if key not in REGISTRY and not match:
            raise BatchError(f"{key!r}: unknown key (registry keys, or phase.<i>.capacity_pf / completion_year)")
        array = _as_column(key, value)
        if match:
            low, high, unit = _phase_bounds(base, int(match[1]), match[2])
        else:
            (low, high), unit = REGISTRY[key].bounds, REGISTRY[key].unit
        _check(key, array, low, high, unit)
        arrays[key] = array
    lengths = {key: array.size for key, array in arrays.items() if array.ndim == 1}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{key} has {size}" for key, size in lengths.items())
        raise BatchError(f"override arrays must have one length: {described}")
    count = next(iter(lengths.values()), n if n is not None else 1)
    if n is not None and count != n:
        raise BatchError(f"n = {n} but the override arrays have length {count}")
    if count < 1:
        raise BatchError("a batch needs at least one scenario")
    return arrays, count


def _phases(base: Scenario, arrays: dict, count: int) -> PhaseArrays:
    shared = phase_arrays(base.phases)
    capacity, start = shared.capacity, shared.start
    for index in range(len(base.phases)):
        new_capacity = arrays.get(f"phase.{index}.capacity_pf")
        if new_capacity is not None:
            capacity = np.repeat(capacity, count, axis=1) if capacity.shape[1] == 1 else capacity.copy()
            capacity[index, :, 0] = new_capacity
        completion = arrays.get(f"phase.{index}.completion_year")
        if completion is not None:  # the start moves with the completion: the phase keeps its span
            start = np.repeat(start, count, axis=1) if start.shape[1] == 1 else start.copy()
            start[index, :, 0] = completion - shared.span[index, 0, 0] + 1
    if capacity is shared.capacity and start is shared.start:
        return shared  # the same object for the same phases: the model keeps what it computes from them
    return replace(shared, capacity=capacity, start=start)


def project_batch(
    base: Scenario, overrides: Mapping[str, ArrayLike] | None = None, n: int | None = None
) -> BatchProjection:
    keep_freed_memory()  # each batch reuses the last one's memory instead of faulting in fresh pages
    arrays, count = _validated(base, overrides or {}, n)
    values = {}
    for key in REGISTRY:
        given = arrays.get(key)
        values[key] = np.array([[base.values[key]]]) if given is None else np.reshape(given, (-1, 1))
    columns, required, verdicts = run(values, _phases(base, arrays, count), COLUMNS, count)
    end = int(np.max(values["end_year"]))
    stop = end - FIRST_YEAR + 1
    targets = {target.target.key: target for target in verdicts}
    return BatchProjection(
        n=count,
        years=YEARS[:stop],
        series=columns.until(stop),
        targets=MappingProxyType(targets),
        mfg_growth_required_pct=required,
    )


__all__ = ["BatchError", "BatchProjection", "TargetVerdicts", "project_batch"]
