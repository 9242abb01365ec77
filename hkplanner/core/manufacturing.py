"""Manufacturing sub-model: manufacturing value added and the rest of the economy, each growing from
the latest official figures. GDP is their sum, so manufacturing's share stays between 0 and 100%.
Projected GDP is nominal, like its history and every other HK$ series: real growth plus the deflator.
"""

from __future__ import annotations

import numpy as np

from hkplanner.core.history import HISTORY
from hkplanner.core.targets import TARGETS
from hkplanner.core.timeline import FIRST_YEAR, FROM_FIRST_PROJECTED, LAST_HISTORY_YEAR, WINDOW_ROW, grown

_GDP_BASE = HISTORY["gdp_hkd_m"].at(LAST_HISTORY_YEAR) / 1000
_SHARE = HISTORY["mfg_share_gdp_pct"].values
_KNOWN_YEARS = FIRST_YEAR + np.flatnonzero(~np.isnan(_SHARE))
SHARE_BASE_YEAR = int(_KNOWN_YEARS[-1])  # latest published share
_SHARE_BASE = HISTORY["mfg_share_gdp_pct"].at(SHARE_BASE_YEAR) / 100
_ELAPSED = WINDOW_ROW - SHARE_BASE_YEAR
_IN_PRICES = WINDOW_ROW - LAST_HISTORY_YEAR
_TARGET_SHARE = next(target.threshold for target in TARGETS if target.metric == "mfg_share_gdp_pct") / 100


def _odds(share: float) -> float:
    return share / (1 - share)


# The no-push trend: how much slower than the rest of the economy manufacturing grew a year, from the
# first to the latest published share (1.4% in 2013 to 1.0% in 2023).
_TREND_FIRST_YEAR = int(_KNOWN_YEARS[0])
TREND_RELATIVE = (_odds(_SHARE_BASE) / _odds(HISTORY["mfg_share_gdp_pct"].at(_TREND_FIRST_YEAR) / 100)) ** (
    1 / (SHARE_BASE_YEAR - _TREND_FIRST_YEAR)
)
_TREND_ODDS = _odds(_SHARE_BASE) * TREND_RELATIVE**_ELAPSED
_TREND_SHARE = 100 * _TREND_ODDS / (1 + _TREND_ODDS) * FROM_FIRST_PROJECTED


INPUTS = ("gdp_growth_pct", "mfg_growth_pct", "gdp_deflator_pct", "mfg_no_push_trend", "mfg_target_year")


def project_manufacturing(values: dict) -> dict[str, np.ndarray]:
    """The yearly series, and the manufacturing growth the target needs (% a year, (N, 1)) as
    `mfg_growth_required_pct`."""
    other_factor = 1 + values["gdp_growth_pct"] / 100
    # Both parts as multiples of GDP in the share's base year.
    mfg = _SHARE_BASE * grown(values["mfg_growth_pct"], _ELAPSED)
    other = (1 - _SHARE_BASE) * grown(values["gdp_growth_pct"], _ELAPSED)
    size = mfg + other
    prices = grown(values["gdp_deflator_pct"], _IN_PRICES)
    gdp = _GDP_BASE * size / size[:, :1] * prices
    trend = values["mfg_no_push_trend"]
    no_push = trend * _TREND_SHARE + (1 - trend) * (100 * _SHARE_BASE) * FROM_FIRST_PROJECTED
    # Share T in n years: mfg grows by (T / (1 - T)) * ((1 - s0) / s0) relative to the rest of the economy.
    years_left = values["mfg_target_year"] - SHARE_BASE_YEAR
    relative = _odds(_TARGET_SHARE) / _odds(_SHARE_BASE)
    required = 100 * (other_factor * np.power(relative, 1 / years_left) - 1)
    return {
        "gdp_hkd_bn": gdp,
        "mfg_share_gdp_pct": 100 * mfg / size,
        "mfg_share_no_push_pct": no_push,
        "mfg_growth_required_pct": np.reshape(required, (-1, 1)),  # (N, 1), also from numbers
    }
