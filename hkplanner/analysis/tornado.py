"""Sensitivity tornado: each assumption at its low and at its high, the others as they are."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from hkplanner.analysis.inputs import BatchProjector, Range, around, default_projector, registry_ranges
from hkplanner.core.parameters import REGISTRY
from hkplanner.core.scenario import Scenario


@dataclass(frozen=True)
class Bar:
    key: str
    title: str
    low: float  # the assumption's low and high values
    high: float
    at_low: float  # the result with the assumption at its low, and at its high
    at_high: float

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


@dataclass(frozen=True)
class Tornado:
    series: str
    year: int
    value: float  # the result as the scenario stands
    bars: tuple[Bar, ...]  # widest swing first


def tornado(
    scenario: Scenario,
    series: str,
    year: int,
    *,
    projector: BatchProjector | None = None,
    ranges: Mapping[str, Range] | None = None,
) -> Tornado:
    """One batch: the scenario itself, then each assumption at its low and at its high (ranges centred on it)."""
    project_batch = projector or default_projector()
    spread = around(scenario, registry_ranges() if ranges is None else ranges)
    keys = list(spread)
    rows = 1 + 2 * len(keys)
    overrides = {}
    for index, key in enumerate(keys):
        column = np.full(rows, float(scenario[key]))
        column[1 + 2 * index : 3 + 2 * index] = spread[key].low, spread[key].high
        overrides[key] = column
    values = np.asarray(project_batch(scenario, overrides, n=rows).at(series, year), dtype=float)
    bars = [
        Bar(key, REGISTRY[key].title, spread[key].low, spread[key].high, values[1 + 2 * i], values[2 + 2 * i])
        for i, key in enumerate(keys)
    ]
    bars.sort(key=lambda bar: -bar.swing)
    return Tornado(series, year, float(values[0]), tuple(bars))
