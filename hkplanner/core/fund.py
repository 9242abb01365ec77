"""Venture-fund sub-model: public capital deployed from 2025, private co-investment, start-ups backed."""

from __future__ import annotations

import numpy as np

from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import LAST_HISTORY_YEAR, YEARS, first_difference

FIRST_NEW_YEAR = LAST_HISTORY_YEAR + 1
_YEARS_IN_POSITIVE = np.maximum(YEARS - FIRST_NEW_YEAR + 1, 0)  # 1 in the first new year, 0 before
_KNOWN = YEARS >= LAST_HISTORY_YEAR  # the record is a single year-end figure; earlier years are unknown
_UNKNOWN = np.where(_KNOWN, 0.0, np.nan)
_PUBLIC_2024 = HISTORY["fund_public_cum_hkd_bn"].at(LAST_HISTORY_YEAR)
_PRIVATE_2024 = HISTORY["fund_private_cum_hkd_bn"].at(LAST_HISTORY_YEAR)
_STARTUPS_2024 = HISTORY["startups_backed"].at(LAST_HISTORY_YEAR)


def project_fund(values: dict) -> dict[str, np.ndarray]:
    deployed = values["fund_public_hkd_bn"] * np.minimum(_YEARS_IN_POSITIVE / values["fund_deploy_years"], 1.0)
    # Returns on capital deployed by last year come back and are invested again (not compounded).
    deployed_by_last_year = np.cumsum(deployed) - deployed
    recycled = values["fund_recycling_pct"] / 100 * deployed_by_last_year
    public_new = deployed + recycled
    private_new = public_new * values["co_investment_ratio"]
    startups_new = (public_new + private_new) * (1000 / values["avg_round_hkd_m"])
    return {
        "fund_public_cum_hkd_bn": _UNKNOWN + (_PUBLIC_2024 + public_new),
        "fund_private_cum_hkd_bn": _UNKNOWN + (_PRIVATE_2024 + private_new),
        "fund_private_new_hkd_bn": first_difference(private_new),
        "startups_backed": _UNKNOWN + (_STARTUPS_2024 + startups_new),
    }
