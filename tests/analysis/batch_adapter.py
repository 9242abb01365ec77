"""A stand-in for the core's `project_batch`: one `project()` per row, returned in the batch contract's shapes.

Slow, but it runs the real model, so the analysis can be tested before the core's batch projection lands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType, SimpleNamespace

import numpy as np

from hkplanner.core import COLUMNS, REGISTRY, Scenario, project
from hkplanner.core.phases import Phase


def loop_project_batch(base: Scenario, overrides=None, n: int | None = None):
    columns = {key: np.asarray(value, dtype=float) for key, value in (overrides or {}).items()}
    lengths = {column.size for column in columns.values() if column.ndim == 1}
    if any(column.ndim > 1 for column in columns.values()) or len(lengths) > 1:
        raise ValueError(f"overrides must be scalars or 1-D arrays of one length, got {sorted(lengths)}")
    rows = lengths.pop() if lengths else (n or 1)
    for key, column in columns.items():
        _check(base, key, np.broadcast_to(column, (rows,)))
    projections = [
        project(_row(base, {key: float(np.broadcast_to(c, (rows,))[i]) for key, c in columns.items()}))
        for i in range(rows)
    ]
    years = projections[0].years if projections else project(base).years
    series = {
        key: np.array([_fit(p[key], len(years)) for p in projections]).reshape(rows, len(years)) for key in COLUMNS
    }
    targets = {}
    for index, target in enumerate(project(base).targets):
        results = [p.targets[index] for p in projections]
        targets[target.target.key] = SimpleNamespace(
            due_year=np.array([r.due_year for r in results], dtype=int),
            value=np.array([r.value for r in results], dtype=float),
            met=np.array([r.met for r in results], dtype=bool),
            shortfall=np.array([r.shortfall for r in results], dtype=float),
        )
    return _Batch(rows, years, MappingProxyType(series), MappingProxyType(targets))


@dataclass(frozen=True)
class _Batch:
    n: int
    years: np.ndarray
    series: MappingProxyType
    targets: MappingProxyType

    def __getitem__(self, key):
        return self.series[key]

    def at(self, key, year):
        return self.series[key][:, int(year) - int(self.years[0])]


def _check(base, key, column):
    if key in REGISTRY:
        low, high = REGISTRY[key].bounds
    elif key.startswith("phase.") and key.split(".")[-1] in ("capacity_pf", "completion_year"):
        low, high = -math.inf, math.inf
        if int(key.split(".")[1]) >= len(base.phases):
            raise ValueError(f"{key}: no such phase")
    else:
        raise ValueError(f"{key}: unknown key")
    bad = np.flatnonzero(~np.isfinite(column) | (column < low) | (column > high))
    if bad.size:
        raise ValueError(f"{key}: row {bad[0]} = {column[bad[0]]!r} is out of range")


def _row(base: Scenario, values: dict) -> Scenario:
    """The base with this row's values, fractional where the batch allows it (so not through validation)."""
    phases = list(base.phases)
    for key, value in values.items():
        if key.startswith("phase."):
            _, index, field = key.split(".")
            phase = phases[int(index)]
            if field == "capacity_pf":
                phases[int(index)] = _unchecked(phase, capacity_pf=value)
            else:
                shift = value - phase.completion_year
                phases[int(index)] = _unchecked(phase, start_year=phase.start_year + shift, completion_year=value)
    row = object.__new__(Scenario)
    merged = {**base.values, **{k: v for k, v in values.items() if k in REGISTRY}}
    for field, value in (("name", base.name), ("values", MappingProxyType(merged)), ("phases", tuple(phases))):
        object.__setattr__(row, field, value)
    return row


def _unchecked(phase: Phase, **changes) -> Phase:
    copy = object.__new__(Phase)
    for field in Phase.__dataclass_fields__:
        object.__setattr__(copy, field, changes.get(field, getattr(phase, field)))
    return copy


def _fit(values: np.ndarray, length: int) -> np.ndarray:
    """A row's years cut or padded with NaN to the batch's years (a row may end earlier than the base)."""
    return np.concatenate([values[:length], np.full(max(0, length - len(values)), np.nan)])
