"""One regression test per error the model review found (issue 7), and the pieces it found missing.

Each docstring gives the figure the old model showed, so the failure it guards against is plain.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from hkplanner.core import REGISTRY, Phase, baseline, project
from hkplanner.core.history import HISTORY

SANDY_RIDGE = Phase("Sandy Ridge data park", "private", 180_000, 2029, 2032, "s-curve", tag="northern_metropolis")


def verdict(projection, key):
    (found,) = [result for result in projection.targets if result.target.key == key]
    return found


@pytest.fixture(scope="module")
def base():
    return project(baseline())


def test_1_the_fund_is_counted_once(base):
    """Was: HK$2.0 bn (the fund's size) booked in 2024, then HK$2.0 bn more: HK$4.0 bn by 2030."""
    public = base["fund_public_cum_hkd_bn"]
    assert base.at("fund_public_cum_hkd_bn", 2024) == pytest.approx(0.302)  # invested by Oct 2024
    assert base.at("fund_private_cum_hkd_bn", 2024) == pytest.approx(2.7)  # whole rounds, Oct 2024
    assert np.nanmax(public) <= 2.0  # never more than the HK$2 bn fund without new money on purpose
    assert base.at("fund_public_cum_hkd_bn", 2030) == pytest.approx(0.302 + 1.5)
    # New money draws co-investment at the contractual ratio, 1:3 after the revamp.
    new_private = base.at("fund_private_cum_hkd_bn", 2030) - base.at("fund_private_cum_hkd_bn", 2024)
    assert new_private == pytest.approx(3 * 1.5)


def test_2_power_counts_cooling_once():
    """Was: 345.6 MW for Sandy Ridge, a park announced at 220 MW (1.2 kW/PF facility x PUE 1.6 again)."""
    park = project(baseline().with_phases((SANDY_RIDGE,)))
    assert park.at("power_mw", 2032) == pytest.approx(220, rel=0.01)
    assert park.at("power_mw", 2032) == pytest.approx(park.at("power_it_mw", 2032) * 1.6)


def test_3_capital_cost_never_rises_with_a_faster_fall(base):
    """Was: HK$2.77 bn to 2035 at a 10% yearly fall, 2.08 at 40% and 18.75 at 90%: capacity built before
    2025 was priced by running the cost curve backwards."""
    costs = [project(baseline().replace(cost_decline_pct=d)).at("capex_hkd_bn", 2035) for d in range(0, 51, 5)]
    assert all(later <= earlier for earlier, later in itertools.pairwise(costs)), costs
    assert math.isnan(base.at("capex_hkd_bn", 2024))  # nothing is priced before 2025
    assert base.at("capex_hkd_bn", 2025) > 0


@pytest.mark.parametrize(
    ("key", "low", "high"),
    [
        ("co_investment_ratio", 1.0, 3.0),
        ("fund_public_hkd_bn", 0.5, 1.5),
        ("fund_to_rnd_pct", 10, 50),
        ("startup_survival_pct", 80, 95),
    ],
)
def test_4_fund_levers_reach_the_rnd_target(key, low, high):
    """Was: the private share at the end year was 32.997% at a co-investment ratio of 1 and of 3."""
    less = verdict(project(baseline().replace(**{key: low})), "rnd_private_share").value
    more = verdict(project(baseline().replace(**{key: high})), "rnd_private_share").value
    assert more - less > 0.05  # a visible amount, in the right direction


def test_4_faster_deployment_raises_the_share_in_the_target_year():
    slow = verdict(project(baseline().replace(fund_deploy_years=10)), "rnd_private_share").value
    fast = verdict(project(baseline().replace(fund_deploy_years=2)), "rnd_private_share").value
    assert fast - slow > 0.02


def test_5_rnd_trends_on_one_basis_and_money_in_one_price_basis(base):
    """Was: 6.35% and 8.75% a year, 2015-2024 averages across the 2018 break; projected GDP in 2024 prices."""
    business = HISTORY["business_rnd_hkd_m"]
    gerd = HISTORY["gerd_hkd_m"]
    business_trend = 100 * ((business.at(2024) / business.at(2018)) ** (1 / 6) - 1)
    other_trend = 100 * (((gerd.at(2024) - business.at(2024)) / (gerd.at(2018) - business.at(2018))) ** (1 / 6) - 1)
    assert REGISTRY["rnd_private_growth_pct"].default == pytest.approx(business_trend, abs=0.05)
    assert REGISTRY["rnd_public_growth_pct"].default == pytest.approx(other_trend, abs=0.05)
    assert base.at("rnd_private_share_pct", 2035) == pytest.approx(28.7, abs=0.3)
    # GDP is nominal like its history and the R&D figures: real growth and prices both.
    assert base.at("gdp_hkd_bn", 2025) / base.at("gdp_hkd_bn", 2024) == pytest.approx(1.029 * 1.019)


def test_6_unobserved_history_is_blank_and_the_phases_are_calibrated(base):
    """Was: demand 338 PF in 2013, capacity 667 PF in 2023, a co-investment flow of 0.0 in 2013-2023,
    and Cyberport at 1,000 PF in 2024 against 1,300 PF at its opening."""
    assert math.isnan(base.at("demand_pf", 2013))
    assert math.isnan(base.at("capacity_total_pf", 2023))
    assert np.isnan(base["fund_private_new_hkd_bn"][base.years <= 2024]).all()
    assert base.at("capacity_public_pf", 2024) == pytest.approx(1_300)
    assert HISTORY["cyberport_pf"].at(2024) == 1_300


def test_7_targets_are_judged_in_their_own_year():
    """Was: the R&D target was judged in the end year, 33.0% at 2035 and 30.5% at 2040."""
    at_2035 = verdict(project(baseline()), "rnd_private_share")
    at_2040 = verdict(project(baseline().replace(end_year=2040)), "rnd_private_share")
    assert at_2035 == at_2040
    assert at_2035.due_year == REGISTRY["rnd_target_year"].default == 2030
    moved = verdict(project(baseline().replace(rnd_target_year=2035)), "rnd_private_share")
    assert moved.due_year == 2035 and moved.value < at_2035.value


def test_8_the_private_target_counts_the_northern_metropolis():
    """Was: a one-year slip showed 10,960 PF 'met' while the Northern Metropolis phase had 8,960 PF."""
    late = project(baseline().replace(private_delay_years=1))
    private = verdict(late, "compute_private_2030")
    assert not private.met
    assert private.value == pytest.approx(8_960)
    assert late.at("capacity_other_private_pf", 2030) == pytest.approx(2_000)  # shown apart
    assert late.at("capacity_private_pf", 2030) == pytest.approx(10_960)


@pytest.mark.parametrize(
    ("key", "most"),
    [
        ("fund_recycling_pct", 25),
        ("kw_per_pf", 5),
        ("pue", 2.5),
        ("co_investment_ratio", 10),
        ("compute_demand_2030_pf", 300_000),
    ],
)
def test_9_hard_bounds_are_realistic_and_explained(key, most):
    """Was: recycling up to 50% a year, 50 kW per PF, PUE 4, co-investment 20, demand 1,000,000 PF."""
    parameter = REGISTRY[key]
    assert parameter.bounds[1] <= most
    assert parameter.bounds_reason.strip()


def test_9_every_parameter_says_why_its_bounds_are_where_they_are():
    assert [key for key, parameter in REGISTRY.items() if not parameter.bounds_reason.strip()] == []


# --- What was missing -------------------------------------------------------------------------------------


def test_hardware_is_refreshed_at_that_years_price(base):
    # No capacity is added after 2030, yet the 2026-2030 vintages are bought again from 2031.
    assert base.at("capacity_total_pf", 2035) == base.at("capacity_total_pf", 2030)
    assert base.at("capex_hkd_bn", 2035) > base.at("capex_hkd_bn", 2030)
    longer = project(baseline().replace(hardware_lifetime_years=10))
    assert longer.at("capex_hkd_bn", 2033) == pytest.approx(longer.at("capex_hkd_bn", 2030))  # none due yet
    assert longer.at("capex_hkd_bn", 2035) < base.at("capex_hkd_bn", 2035)


def test_power_per_pf_falls_with_each_vintage(base):
    efficient = project(baseline().replace(kw_per_pf_decline_pct=10))
    assert efficient.at("power_mw", 2030) < base.at("power_mw", 2030)
    # Refreshed hardware draws less: power falls at a refresh although capacity does not change.
    assert efficient.at("power_mw", 2035) < efficient.at("power_mw", 2030)


def test_demand_passes_through_two_points_and_growth_after_2030_moves_only_later_years(base):
    assert base.at("demand_pf", 2025) == pytest.approx(5_000)
    assert base.at("demand_pf", 2030) == pytest.approx(15_000)
    faster = project(baseline().replace(compute_demand_growth_pct=40))
    before = base.years <= 2030
    np.testing.assert_array_equal(faster["compute_gap_pf"][before], base["compute_gap_pf"][before])
    assert faster.at("compute_gap_pf", 2031) > base.at("compute_gap_pf", 2031)


def test_manufacturing_no_push_baseline_trend_or_with_the_economy(base):
    assert base.at("mfg_share_no_push_pct", 2032) == pytest.approx(1.0)  # grows with the economy
    trend = project(baseline().replace(mfg_no_push_trend=1))
    # 1.4% (2013) to 1.0% (2023) carried on: about 0.74% by 2032.
    assert trend.at("mfg_share_no_push_pct", 2032) == pytest.approx(0.74, abs=0.01)
    series = HISTORY["mfg_share_gdp_pct"]
    published = [int(year) for year in base.years[~np.isnan(series.values[: len(base.years)])]]
    assert sorted(series.point_sources) == published  # every official point says where it comes from


def test_the_computing_subsidy_is_rnd_and_public_outlay(base):
    none = project(baseline().replace(compute_subsidy_hkd_bn=0))
    assert base.at("compute_subsidy_hkd_bn", 2025) == pytest.approx(1.0)  # HK$3 bn over three years
    # At 70% of fees, HK$1 bn a year buys HK$1.43 bn of compute; half of it by firms (an assumption).
    added = base.at("rnd_private_hkd_bn", 2025) - none.at("rnd_private_hkd_bn", 2025)
    assert added == pytest.approx(0.5 / 0.7)
    assert base.at("public_outlay_cum_hkd_bn", 2030) - none.at("public_outlay_cum_hkd_bn", 2030) == pytest.approx(3.0)


def test_public_outlay_adds_the_centre_the_subsidy_and_the_fund(base):
    outlay = base["public_outlay_hkd_bn"]
    subsidy = base["compute_subsidy_hkd_bn"]
    projected = ~base.is_history
    assert (outlay[projected] >= subsidy[projected]).all()
    np.testing.assert_allclose(np.cumsum(outlay[projected]), base["public_outlay_cum_hkd_bn"][projected])
    no_fund = project(baseline().replace(fund_public_hkd_bn=0))
    gap = base.at("public_outlay_cum_hkd_bn", 2030) - no_fund.at("public_outlay_cum_hkd_bn", 2030)
    assert gap == pytest.approx(1.5)


def test_every_assumption_declares_a_range_with_a_reason():
    for parameter in REGISTRY.values():
        if parameter.kind == "assumption":
            assert parameter.low <= parameter.likely <= parameter.high, parameter.key
            assert parameter.likely == parameter.default, parameter.key
            assert parameter.range_reason.strip(), parameter.key
