"""Venture-fund sub-model: public capital deployed from 2025, private co-investment, start-ups backed."""

from __future__ import annotations

import numpy as np

from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import LAST_HISTORY_YEAR, YEARS

FIRST_NEW_YEAR = LAST_HISTORY_YEAR + 1


def project_fund(values: dict) -> dict[str, np.ndarray]:
    years_in = YEARS - FIRST_NEW_YEAR + 1  # 1 in the first new year, <= 0 before
    deployed = values["fund_public_hkd_bn"] * np.clip(years_in / values["fund_deploy_years"], 0.0, 1.0)
    # Returns on capital deployed by last year come back and are invested again (not compounded).
    deployed_last_year = np.concatenate(([0.0], deployed[:-1]))
    recycled = values["fund_recycling_pct"] / 100 * np.cumsum(deployed_last_year)
    public_new = deployed + recycled
    private_new = public_new * values["co_investment_ratio"]

    known = YEARS >= LAST_HISTORY_YEAR  # the record is a single year-end figure
    public = np.where(known, HISTORY["fund_public_cum_hkd_bn"].at(LAST_HISTORY_YEAR) + public_new, np.nan)
    private = np.where(known, HISTORY["fund_private_cum_hkd_bn"].at(LAST_HISTORY_YEAR) + private_new, np.nan)
    startups_new = (public_new + private_new) * 1000 / values["avg_round_hkd_m"]
    startups = np.where(known, HISTORY["startups_backed"].at(LAST_HISTORY_YEAR) + startups_new, np.nan)
    return {
        "fund_public_cum_hkd_bn": public,
        "fund_private_cum_hkd_bn": private,
        "fund_private_new_hkd_bn": np.diff(private_new, prepend=0.0),
        "startups_backed": startups,
    }
