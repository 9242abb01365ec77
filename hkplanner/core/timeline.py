"""The years every projection covers: from the first official data year to the latest end year.

The sub-models work on the window from the last history year on (`WINDOW`), with a leading scenario
axis: values are (N, 1) arrays against the window's years (`WINDOW_ROW`, (1, years)). One scenario's
values are plain numbers: against the row they give its series as (1, years), one row of a batch,
without numpy's cost for every operation on a single number.
"""

from __future__ import annotations

import numpy as np

from hkplanner.core.parameters import REGISTRY
from hkplanner.core.seeds import load

_GDP_YEARS = [int(year) for year in load("history")["gdp_hkd_m"]["values"]]

FIRST_YEAR = min(_GDP_YEARS)
LAST_HISTORY_YEAR = max(_GDP_YEARS)
FIRST_PROJECTED_YEAR = LAST_HISTORY_YEAR + 1
MAX_END_YEAR = int(REGISTRY["end_year"].bounds[1])
YEARS = np.arange(FIRST_YEAR, MAX_END_YEAR + 1)
IS_HISTORY = YEARS <= LAST_HISTORY_YEAR
WINDOW = YEARS[YEARS >= LAST_HISTORY_YEAR]  # the last history year, then every projected year
WINDOW_ROW = WINDOW[None, :]  # (1, years): what the sub-models' year constants are made from
WINDOW_START = LAST_HISTORY_YEAR - FIRST_YEAR  # index of the window's first year in YEARS
for _shared in (YEARS, IS_HISTORY, WINDOW, WINDOW_ROW):
    _shared.flags.writeable = False  # every projection's years are views of these: none may change them
# Multiply by it to blank the window's first (history) year: a flow or a price that starts in 2025.
FROM_FIRST_PROJECTED = np.where(WINDOW_ROW > LAST_HISTORY_YEAR, 1.0, np.nan)


def first_difference(series: np.ndarray) -> np.ndarray:
    """Change from the year before along the last axis; the first year's change is its whole value."""
    change = series.copy()
    np.subtract(series[..., 1:], series[..., :-1], out=change[..., 1:])
    return change


def yearly_flow(cumulative: np.ndarray) -> np.ndarray:
    """The yearly flow of a cumulative series that starts at 0 in the window's first year."""
    return first_difference(cumulative) * FROM_FIRST_PROJECTED


def running_total(flow: np.ndarray) -> np.ndarray:
    """Cumulative from the first projected year; the window's first (history) year stays blank."""
    total = flow.copy()
    np.add.accumulate(flow[..., 1:], axis=-1, out=total[..., 1:])  # np.cumsum's sum, without its wrapper
    return total


def power(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """base ** exponent for positive bases, as exp(log(base) * exponent): several times faster than
    `**` on a batch of scenarios against the years."""
    return np.exp(np.log(base) * exponent)


def grown(pct_a_year: np.ndarray, years: np.ndarray) -> np.ndarray:
    """The factor (1 + pct / 100) ** years for growth above -100% a year."""
    return np.exp(np.log1p(pct_a_year / 100) * years)
