"""R&D sub-model: business and other R&D growing from the last official year, plus fund-mobilised R&D.

The official series split R&D by who performs it; business-performed R&D stands in for private R&D.
"""

from __future__ import annotations

import numpy as np

from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import LAST_HISTORY_YEAR, YEARS

_GERD = HISTORY["gerd_hkd_m"].values / 1000
_BUSINESS = HISTORY["business_rnd_hkd_m"].values / 1000
_BUSINESS_BASE = HISTORY["business_rnd_hkd_m"].at(LAST_HISTORY_YEAR) / 1000
_OTHER_BASE = HISTORY["gerd_hkd_m"].at(LAST_HISTORY_YEAR) / 1000 - _BUSINESS_BASE
_PROJECTED = YEARS > LAST_HISTORY_YEAR
_ELAPSED = YEARS - LAST_HISTORY_YEAR


def project_rnd(values: dict, fund_private_new_hkd_bn: np.ndarray) -> dict[str, np.ndarray]:
    private = _BUSINESS_BASE * (1 + values["rnd_private_growth_pct"] / 100) ** _ELAPSED
    private = private + values["fund_to_rnd_pct"] / 100 * fund_private_new_hkd_bn
    public = _OTHER_BASE * (1 + values["rnd_public_growth_pct"] / 100) ** _ELAPSED
    private = np.where(_PROJECTED, private, _BUSINESS)
    total = np.where(_PROJECTED, private + public, _GERD)
    return {
        "rnd_total_hkd_bn": total,
        "rnd_private_hkd_bn": private,
        "rnd_private_share_pct": 100 * private / total,
    }
