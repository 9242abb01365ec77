"""Compute sub-model: capacity by phase and owner, demand, power and capital cost."""

from __future__ import annotations

import numpy as np

from hkplanner.core.phases import Phase, capacity_by_phase, private_weights
from hkplanner.core.timeline import YEARS, first_difference

DEMAND_ANCHOR_YEAR = 2030  # the plan's 15,000 PF demand estimate is for 2030
COST_BASE_YEAR = 2025  # cost_per_pf_hkd_m is the price of a petaflop built in this year
_FROM_ANCHOR = YEARS - DEMAND_ANCHOR_YEAR
_FROM_COST_BASE = YEARS - COST_BASE_YEAR


def project_compute(values: dict, phases: tuple[Phase, ...]) -> dict[str, np.ndarray]:
    by_phase = capacity_by_phase(phases, YEARS, values["private_delay_years"])
    private_weight = private_weights(phases)
    private = private_weight @ by_phase
    public = (1.0 - private_weight) @ by_phase  # not total - private: a delay must leave public exactly as it was
    total = public + private
    demand = values["compute_demand_2030_pf"] * (1 + values["compute_demand_growth_pct"] / 100) ** _FROM_ANCHOR
    cost_per_pf = values["cost_per_pf_hkd_m"] * (1 - values["cost_decline_pct"] / 100) ** _FROM_COST_BASE
    added = first_difference(total)  # phases only grow, so this is never negative
    return {
        "phase_capacity_pf": by_phase,
        "capacity_total_pf": total,
        "capacity_public_pf": public,
        "capacity_private_pf": private,
        "demand_pf": demand,
        "compute_gap_pf": demand - total,
        "power_mw": total * (values["kw_per_pf"] * values["pue"] / 1000),
        "capex_hkd_bn": np.cumsum(added * cost_per_pf) / 1000,
    }
