"""Compute sub-model: capacity by phase and owner, demand, and the vintages behind power and capital cost.

Every value is an (N, 1) array (one row per scenario) against the window's years (2024 on). Capacity in
service at the end of 2024 is the first vintage; nothing before it is modelled, and nothing is priced
before 2025. Hardware is refreshed after its lifetime at the price and power per PF of the refresh year.
"""

from __future__ import annotations

import numpy as np

from hkplanner.core.lags import LAGS, blended, convolve, events, years_since_last
from hkplanner.core.phases import PhaseArrays, capacity_by_phase
from hkplanner.core.timeline import (
    FIRST_PROJECTED_YEAR,
    FROM_FIRST_PROJECTED,
    WINDOW,
    WINDOW_ROW,
    first_difference,
    grown,
    power,
    running_total,
)

DEMAND_OBSERVED_YEAR = 2025  # about 5,000 PF in use at the end of 2025
DEMAND_ANCHOR_YEAR = 2030  # the plan's 15,000 PF demand estimate is for 2030
COST_BASE_YEAR = 2025  # cost_per_pf_hkd_m and kw_per_pf are for hardware built in this year
_BETWEEN_POINTS = np.clip(WINDOW_ROW - DEMAND_OBSERVED_YEAR, 0, None) / (DEMAND_ANCHOR_YEAR - DEMAND_OBSERVED_YEAR)
_BETWEEN_POINTS = np.minimum(_BETWEEN_POINTS, 1.0)
_AFTER_ANCHOR = np.maximum(WINDOW_ROW - DEMAND_ANCHOR_YEAR, 0)
_DEMAND_FROM = np.where(WINDOW_ROW >= DEMAND_OBSERVED_YEAR, 1.0, np.nan)
_FROM_COST_BASE = WINDOW_ROW - COST_BASE_YEAR
assert FIRST_PROJECTED_YEAR == COST_BASE_YEAR, "capital cost counts from the first projected year"


def refresh_kernel(lifetime: np.ndarray) -> np.ndarray:
    """PF bought per PF added `d` years before: 1 in the year it is added and every `lifetime` years after."""
    return blended(lifetime, events)


def power_kernel(lifetime: np.ndarray, power_factor: np.ndarray) -> np.ndarray:
    """Power per PF added `d` years before, relative to hardware bought that year: the hardware in service
    is the last refresh's, bought `d mod lifetime` years ago, and each year's hardware draws `power_factor`
    (1 - yearly fall) times the year before's. Times the power per PF of hardware bought that year."""
    by_age = power(power_factor, -LAGS[None, :])  # hardware bought `age` years before draws factor^-age as much
    # The powers once per age, then looked up by each lag's age: for a batch, cheaper than powers per lag
    # for each of the two lifetimes a fractional one blends.
    return blended(lifetime, lambda whole: np.take_along_axis(by_age, years_since_last(whole), axis=-1))


def capacities(phases: PhaseArrays, private_delay: np.ndarray) -> tuple[np.ndarray, ...]:
    """Capacity by phase, by owner (public, private, Northern Metropolis, other private), in total, and
    the capacity added each year for public and total ((2, rows, years))."""
    by_phase = capacity_by_phase(phases, WINDOW, private_delay)
    # Sums by owner in one product; public is its own sum, not total - private, so a delay leaves it exactly.
    count, rows, years = by_phase.shape
    by_owner = phases.owner_weights @ by_phase.reshape(count, rows * years)  # one product for every scenario
    public, private, northern, other_private = by_owner.reshape(4, rows, years)
    public_and_total = np.empty((2, rows, years))
    public_and_total[0] = public
    total = np.add(public, private, out=public_and_total[1])
    added = first_difference(public_and_total)  # phases only grow, so this is never negative
    return by_phase, public, private, northern, other_private, total, added


# The parameters each part of the sub-model reads (the model keeps a part's results while they stay).
CAPACITY_INPUTS = ("private_delay_years",)
DEMAND_INPUTS = ("compute_demand_2025_pf", "compute_demand_2030_pf", "compute_demand_growth_pct")
VINTAGE_INPUTS = (
    "hardware_lifetime_years",
    "cost_per_pf_hkd_m",
    "cost_decline_pct",
    "kw_per_pf",
    "kw_per_pf_decline_pct",
    "pue",
)


def project_capacity(values: dict, phases: PhaseArrays) -> dict[str, np.ndarray]:
    by_phase, public, private, northern, other_private, total, added = capacities(phases, values["private_delay_years"])
    return {
        "capacity_added_pf": added,  # (public, total): what the vintages buy
        "phase_capacity_pf": by_phase,
        "capacity_total_pf": total,
        "capacity_public_pf": public,
        "capacity_private_pf": private,
        "capacity_northern_metropolis_pf": northern,
        "capacity_other_private_pf": other_private,
    }


def project_demand(values: dict) -> dict[str, np.ndarray]:
    growth_to_2030 = values["compute_demand_2030_pf"] / values["compute_demand_2025_pf"]
    demand = values["compute_demand_2025_pf"] * power(growth_to_2030, _BETWEEN_POINTS)
    return {"demand_pf": demand * grown(values["compute_demand_growth_pct"], _AFTER_ANCHOR) * _DEMAND_FROM}


def project_vintages(values: dict, capacity: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Power and capital cost. Each year's new capacity (the stock in service in 2024 counts as 2024's) is
    bought again every lifetime; each purchase is priced, and draws power, as hardware of the year it is bought."""
    added = capacity["capacity_added_pf"]
    lifetime = values["hardware_lifetime_years"]
    bought_public, bought = convolve(added, refresh_kernel(lifetime))
    price = values["cost_per_pf_hkd_m"] * grown(-values["cost_decline_pct"], _FROM_COST_BASE)
    spent = price * FROM_FIRST_PROJECTED / 1000  # HK$ bn per PF bought; nothing priced before 2025
    power_factor = 1 - values["kw_per_pf_decline_pct"] / 100
    it_kw = power(power_factor, _FROM_COST_BASE) * convolve(added[1], power_kernel(lifetime, power_factor))
    it_mw = values["kw_per_pf"] * it_kw / 1000
    return {
        "power_it_mw": it_mw,
        "power_mw": it_mw * values["pue"],  # the IT load times PUE, once
        "capex_hkd_bn": running_total(bought * spent),
        "capex_public_year_hkd_bn": bought_public * spent,
    }
