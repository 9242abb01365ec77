"""Manufacturing sub-model: GDP and manufacturing value added growing from the last official year."""

from __future__ import annotations

import numpy as np

from hkplanner.core.history import HISTORY
from hkplanner.core.targets import TARGETS
from hkplanner.core.timeline import FIRST_YEAR, LAST_HISTORY_YEAR, YEARS

_GDP = HISTORY["gdp_hkd_m"].values / 1000
_GDP_BASE = HISTORY["gdp_hkd_m"].at(LAST_HISTORY_YEAR) / 1000
_SHARE = HISTORY["mfg_share_gdp_pct"].values
_SHARE_BASE_YEAR = FIRST_YEAR + int(np.flatnonzero(~np.isnan(_SHARE))[-1])  # latest published share
_SHARE_BASE = float(_SHARE[_SHARE_BASE_YEAR - FIRST_YEAR])
_PROJECTED = YEARS > LAST_HISTORY_YEAR
_TARGET_SHARE = next(target.threshold for target in TARGETS if target.metric == "mfg_share_gdp_pct")


def project_manufacturing(values: dict) -> tuple[dict[str, np.ndarray], float]:
    """The yearly series, and the manufacturing growth (% a year) the target needs."""
    gdp_factor = 1 + values["gdp_growth_pct"] / 100
    relative = (1 + values["mfg_growth_pct"] / 100) / gdp_factor
    gdp = np.where(_PROJECTED, _GDP_BASE * gdp_factor ** (YEARS - LAST_HISTORY_YEAR), _GDP)
    share = np.where(_PROJECTED, _SHARE_BASE * relative ** (YEARS - _SHARE_BASE_YEAR), _SHARE)
    years_left = values["mfg_target_year"] - _SHARE_BASE_YEAR
    required = 100 * (gdp_factor * (_TARGET_SHARE / _SHARE_BASE) ** (1 / years_left) - 1)
    return {"gdp_hkd_bn": gdp, "mfg_share_gdp_pct": share}, required
