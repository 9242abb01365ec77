"""The years every projection covers: from the first official data year to the latest end year."""

from __future__ import annotations

import numpy as np

from hkplanner.core.parameters import REGISTRY
from hkplanner.core.seeds import load

_GDP_YEARS = [int(year) for year in load("history")["gdp_hkd_m"]["values"]]

FIRST_YEAR = min(_GDP_YEARS)
LAST_HISTORY_YEAR = max(_GDP_YEARS)
MAX_END_YEAR = int(REGISTRY["end_year"].bounds[1])
YEARS = np.arange(FIRST_YEAR, MAX_END_YEAR + 1)
IS_HISTORY = YEARS <= LAST_HISTORY_YEAR


def first_difference(series: np.ndarray) -> np.ndarray:
    """Change from the year before; the first year's change is its whole value."""
    change = series.copy()
    np.subtract(series[1:], series[:-1], out=change[1:])
    return change
