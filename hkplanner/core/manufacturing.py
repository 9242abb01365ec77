"""Manufacturing sub-model: manufacturing value added and the rest of the economy, each growing from
the latest official figures. GDP is their sum, so manufacturing's share stays between 0 and 100%."""

from __future__ import annotations

import numpy as np

from hkplanner.core.history import HISTORY
from hkplanner.core.targets import TARGETS
from hkplanner.core.timeline import FIRST_YEAR, LAST_HISTORY_YEAR, YEARS

_GDP = HISTORY["gdp_hkd_m"].values / 1000
_GDP_BASE = HISTORY["gdp_hkd_m"].at(LAST_HISTORY_YEAR) / 1000
_SHARE = HISTORY["mfg_share_gdp_pct"].values
_SHARE_BASE_YEAR = FIRST_YEAR + int(np.flatnonzero(~np.isnan(_SHARE))[-1])  # latest published share
_SHARE_BASE = float(_SHARE[_SHARE_BASE_YEAR - FIRST_YEAR]) / 100
_PROJECTED = YEARS > LAST_HISTORY_YEAR
_ELAPSED = YEARS - _SHARE_BASE_YEAR
_GDP_BASE_INDEX = LAST_HISTORY_YEAR - FIRST_YEAR
_TARGET_SHARE = next(target.threshold for target in TARGETS if target.metric == "mfg_share_gdp_pct") / 100


def project_manufacturing(values: dict) -> tuple[dict[str, np.ndarray], float]:
    """The yearly series, and the manufacturing growth (% a year) the target needs."""
    other_factor = 1 + values["gdp_growth_pct"] / 100
    mfg_factor = 1 + values["mfg_growth_pct"] / 100
    # Both parts as multiples of GDP in the share's base year.
    mfg = _SHARE_BASE * mfg_factor**_ELAPSED
    other = (1 - _SHARE_BASE) * other_factor**_ELAPSED
    size = mfg + other
    gdp = np.where(_PROJECTED, _GDP_BASE * size / size[_GDP_BASE_INDEX], _GDP)
    share = np.where(_PROJECTED, 100 * mfg / size, _SHARE)
    # Share T in n years: mfg grows by (T / (1 - T)) * ((1 - s0) / s0) relative to the rest of the economy.
    years_left = values["mfg_target_year"] - _SHARE_BASE_YEAR
    relative = (_TARGET_SHARE / (1 - _TARGET_SHARE)) * ((1 - _SHARE_BASE) / _SHARE_BASE)
    required = 100 * (other_factor * relative ** (1 / years_left) - 1)
    return {"gdp_hkd_bn": gdp, "mfg_share_gdp_pct": share}, required
