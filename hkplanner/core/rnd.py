"""R&D sub-model: business and other R&D growing from the last official year at their 2018-2024 trends
(nominal, like the series), plus the R&D the venture fund and the AI computing subsidy add.

The official series split R&D by who performs it; business-performed R&D stands in for private R&D.
"""

from __future__ import annotations

import numpy as np

from hkplanner.core.fund import spread
from hkplanner.core.history import HISTORY
from hkplanner.core.lags import decaying_sum
from hkplanner.core.timeline import FROM_FIRST_PROJECTED, LAST_HISTORY_YEAR, WINDOW_ROW, first_difference, grown

_BUSINESS_BASE = HISTORY["business_rnd_hkd_m"].at(LAST_HISTORY_YEAR) / 1000
_OTHER_BASE = HISTORY["gerd_hkd_m"].at(LAST_HISTORY_YEAR) / 1000 - _BUSINESS_BASE
_ELAPSED = WINDOW_ROW - LAST_HISTORY_YEAR


INPUTS = (
    "fund_to_rnd_pct",
    "rnd_spend_years",
    "startup_survival_pct",
    "compute_subsidy_hkd_bn",
    "compute_subsidy_years",
    "subsidy_rate_pct",
    "subsidy_business_pct",
    "rnd_private_growth_pct",
    "rnd_public_growth_pct",
    "rnd_target_year",  # the year the R&D target is judged in
)


def project_rnd(values: dict, fund: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """`fund`: the fund's series; R&D reads its private co-investment in each year from 2025 (0 in 2024)."""
    # Start-ups spend the R&D part of each round over `rnd_spend_years`; those that survive keep
    # performing R&D at that pace, so a year's co-investment adds share / years * survival^age a year.
    rate = values["fund_to_rnd_pct"] / 100 / values["rnd_spend_years"]
    flow = fund["fund_private_new_flow"]
    from_fund = rate * decaying_sum(flow, values["startup_survival_pct"] / 100) * FROM_FIRST_PROJECTED
    # The subsidy pays part of each compute bill: users buy subsidy / rate of compute, all of it R&D.
    subsidy = first_difference(spread(values["compute_subsidy_hkd_bn"], values["compute_subsidy_years"]))
    compute_bought = subsidy / (values["subsidy_rate_pct"] / 100)
    by_business = values["subsidy_business_pct"] / 100
    private = _BUSINESS_BASE * grown(values["rnd_private_growth_pct"], _ELAPSED)
    private = private + from_fund + by_business * compute_bought
    other = _OTHER_BASE * grown(values["rnd_public_growth_pct"], _ELAPSED)
    total = private + other + (1 - by_business) * compute_bought
    return {
        "rnd_total_hkd_bn": total,
        "rnd_private_hkd_bn": private,
        "rnd_private_share_pct": 100 * private / total,
        "rnd_from_fund_hkd_bn": from_fund,
        "compute_subsidy_hkd_bn": subsidy * FROM_FIRST_PROJECTED,
    }
