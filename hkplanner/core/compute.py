"""Compute sub-model: capacity by phase and owner, demand, and the vintages behind power and capital cost.

Every value is an (N, 1) array (one row per scenario) against the window's years (2024 on). Capacity in
service at the end of 2024 is the first vintage; nothing before it is modelled, and nothing is priced
before 2025. Hardware is refreshed after its lifetime at the price and power per PF of the refresh year.
"""

from __future__ import annotations

import numpy as np

from hkplanner.core.lags import LAGS, blend_whole, convolve
from hkplanner.core.phases import PhaseArrays, capacity_by_phase
from hkplanner.core.timeline import (
    FIRST_PROJECTED_YEAR,
    FROM_FIRST_PROJECTED,
    WINDOW,
    first_difference,
    grown,
    power,
    running_total,
)

DEMAND_OBSERVED_YEAR = 2025  # about 5,000 PF in use at the end of 2025
DEMAND_ANCHOR_YEAR = 2030  # the plan's 15,000 PF demand estimate is for 2030
COST_BASE_YEAR = 2025  # cost_per_pf_hkd_m and kw_per_pf are for hardware built in this year
_BETWEEN_POINTS = np.clip(WINDOW - DEMAND_OBSERVED_YEAR, 0, None) / (DEMAND_ANCHOR_YEAR - DEMAND_OBSERVED_YEAR)
_BETWEEN_POINTS = np.minimum(_BETWEEN_POINTS, 1.0)
_AFTER_ANCHOR = np.maximum(WINDOW - DEMAND_ANCHOR_YEAR, 0)
_DEMAND_FROM = np.where(WINDOW >= DEMAND_OBSERVED_YEAR, 1.0, np.nan)
_FROM_COST_BASE = WINDOW - COST_BASE_YEAR
assert FIRST_PROJECTED_YEAR == COST_BASE_YEAR, "capital cost counts from the first projected year"


def refresh_kernel(lifetime: np.ndarray) -> np.ndarray:
    """PF bought at lag d per PF first installed: 1 at lag 0, then 1 every `lifetime` years (N, lags)."""
    whole, weight = blend_whole(lifetime)
    return (1 - weight) * (LAGS % whole == 0) + weight * (LAGS % (whole + 1) == 0)


def power_kernel(lifetime: np.ndarray, power_factor: np.ndarray) -> np.ndarray:
    """Power at lag d per unit of first-installed power: the hardware in service is the last refresh's,
    drawing `power_factor` (1 - yearly fall) to the power of its age since first installed."""
    whole, weight = blend_whole(lifetime)
    log_factor = np.log(power_factor)
    last_refresh = (1 - weight) * np.exp(log_factor * (whole * (LAGS // whole)))
    return last_refresh + weight * np.exp(log_factor * ((whole + 1) * (LAGS // (whole + 1))))


def project_compute(values: dict, phases: PhaseArrays) -> dict[str, np.ndarray]:
    by_phase = capacity_by_phase(phases, WINDOW, values["private_delay_years"])
    # Sums by owner in one product; public is its own sum, not total - private, so a delay leaves it exactly.
    public, private, northern, other_private = np.moveaxis(phases.owner_weights @ by_phase, -2, 0)
    total = public + private

    growth_to_2030 = values["compute_demand_2030_pf"] / values["compute_demand_2025_pf"]
    demand = values["compute_demand_2025_pf"] * power(growth_to_2030, _BETWEEN_POINTS)
    demand = demand * grown(values["compute_demand_growth_pct"], _AFTER_ANCHOR) * _DEMAND_FROM

    # Vintages: each year's new capacity (the stock in service in 2024 counts as 2024's) is bought again
    # every lifetime; each purchase is priced, and draws power, as hardware of the year it is bought.
    added = first_difference(np.stack((public, total)))  # phases only grow, so this is never negative
    lifetime = values["hardware_lifetime_years"]
    bought_public, bought = convolve(added, refresh_kernel, lifetime)
    price = values["cost_per_pf_hkd_m"] * grown(-values["cost_decline_pct"], _FROM_COST_BASE)
    spent = price * FROM_FIRST_PROJECTED / 1000  # HK$ bn per PF bought; nothing priced before 2025
    power_factor = 1 - values["kw_per_pf_decline_pct"] / 100
    it_kw = convolve(added[1] * power(power_factor, _FROM_COST_BASE), power_kernel, lifetime, power_factor)
    it_mw = values["kw_per_pf"] * it_kw / 1000
    return {
        "phase_capacity_pf": by_phase,
        "capacity_total_pf": total,
        "capacity_public_pf": public,
        "capacity_private_pf": private,
        "capacity_northern_metropolis_pf": northern,
        "capacity_other_private_pf": other_private,
        "demand_pf": demand,
        "compute_gap_pf": demand - total,
        "power_it_mw": it_mw,
        "power_mw": it_mw * values["pue"],  # the IT load times PUE, once
        "capex_hkd_bn": running_total(bought * spent),
        "capex_public_year_hkd_bn": bought_public * spent,
    }
