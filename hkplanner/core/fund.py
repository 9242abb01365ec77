"""Venture-fund sub-model: the ITVF's record to Oct 2024, then new public money from 2025 with private
co-investment at the contractual ratio, and the start-ups it backs.

The 2024 record counts whole funding rounds (an apparent ratio of about 1:9); money added from 2025
counts only the co-investment the terms require (the `co_investment_ratio`, 1:3 after the revamp).
"""

from __future__ import annotations

import numpy as np

from hkplanner.core.history import HISTORY
from hkplanner.core.timeline import FROM_FIRST_PROJECTED, LAST_HISTORY_YEAR, WINDOW_ROW, first_difference, yearly_flow

_YEARS_IN = WINDOW_ROW - LAST_HISTORY_YEAR  # 0 in 2024, 1 in the first new year
_PUBLIC_2024 = HISTORY["fund_public_cum_hkd_bn"].at(LAST_HISTORY_YEAR)
_PRIVATE_2024 = HISTORY["fund_private_cum_hkd_bn"].at(LAST_HISTORY_YEAR)
_STARTUPS_2024 = HISTORY["startups_backed"].at(LAST_HISTORY_YEAR)


INPUTS = ("fund_public_hkd_bn", "fund_deploy_years", "fund_recycling_pct", "co_investment_ratio", "avg_round_hkd_m")


def spread(amount: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Cumulative amount spent evenly over `years` from the first projected year (fractional years
    spend at that pace): 0 in 2024, amount / years in the first year, all of it after `years`."""
    return amount * np.minimum(_YEARS_IN / years, 1.0)


def project_fund(values: dict) -> dict[str, np.ndarray]:
    deployed = spread(values["fund_public_hkd_bn"], values["fund_deploy_years"])
    # Returns on capital deployed by last year come back and are invested again (not compounded).
    returns = values["fund_recycling_pct"] / 100 * deployed[:, :-1]
    recycled = np.zeros((len(returns), deployed.shape[1]))
    np.add.accumulate(returns, axis=1, out=recycled[:, 1:])
    public_new = deployed + recycled
    private_new = public_new * values["co_investment_ratio"]
    startups_new = (public_new + private_new) * (1000 / values["avg_round_hkd_m"])
    private_flow = first_difference(private_new)  # 0 in 2024
    return {
        "fund_public_cum_hkd_bn": _PUBLIC_2024 + public_new,
        "fund_private_cum_hkd_bn": _PRIVATE_2024 + private_new,
        "fund_private_new_hkd_bn": private_flow * FROM_FIRST_PROJECTED,
        "fund_private_new_flow": private_flow,  # what the R&D sub-model spreads over the years
        "fund_public_deployed_hkd_bn": yearly_flow(deployed),  # new government money (recycled returns are not)
        "startups_backed": _STARTUPS_2024 + startups_new,
    }
