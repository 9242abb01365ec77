"""Official annual series from `seeds/history.toml`, aligned to the timeline (NaN where unpublished)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from hkplanner.core.seeds import load
from hkplanner.core.timeline import FIRST_YEAR, YEARS


@dataclass(frozen=True)
class Series:
    key: str
    title: str
    unit: str
    source: str
    values: np.ndarray  # one per timeline year; NaN where no figure is published
    break_year: int | None = None
    point_sources: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # year -> its source

    def at(self, year: int) -> float:
        return float(self.values[year - FIRST_YEAR])


def _read_series() -> dict[str, Series]:
    series = {}
    for key, entry in load("history").items():
        values = np.full(len(YEARS), np.nan)
        for year, value in entry["values"].items():
            values[int(year) - FIRST_YEAR] = value
        values.flags.writeable = False
        points = MappingProxyType({int(year): text for year, text in entry.get("point_sources", {}).items()})
        series[key] = Series(
            key, entry["title"], entry["unit"], entry["source"], values, entry.get("break_year"), points
        )
    return series


HISTORY: MappingProxyType[str, Series] = MappingProxyType(_read_series())
