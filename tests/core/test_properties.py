"""Property tests over the whole parameter space and random phase lists."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hkplanner.core import COLUMNS, OWNERS, RAMPS, REGISTRY, Phase, Scenario, baseline, project
from hkplanner.core.model import OFFICIAL
from hkplanner.core.phases import MAX_PHASE_PF
from hkplanner.core.timeline import FIRST_YEAR, LAST_HISTORY_YEAR, MAX_END_YEAR

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    # The only function-scoped fixture is the autouse network guard, which holds for every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# Every column but the gap between demand and capacity, which is negative when capacity runs ahead.
NEVER_NEGATIVE = tuple(key for key in COLUMNS if key != "compute_gap_pf")
NONDECREASING = ("capacity_total_pf", "capacity_public_pf", "capacity_private_pf", "capex_hkd_bn")
SHARES = ("rnd_private_share_pct", "mfg_share_gdp_pct", "mfg_share_no_push_pct")


def value_of(key: str) -> st.SearchStrategy:
    parameter = REGISTRY[key]
    low, high = parameter.bounds
    if parameter.is_integer:
        return st.integers(int(low), int(high))
    return st.floats(float(low), float(high), allow_nan=False, allow_infinity=False)


VALUES = st.fixed_dictionaries({key: value_of(key) for key in REGISTRY})


@st.composite
def phases(draw) -> Phase:
    start = draw(st.integers(FIRST_YEAR, MAX_END_YEAR))
    return Phase(
        name=draw(st.sampled_from(["A", "Sandy Ridge", "Phase 3", "数据园"])),
        owner=draw(st.sampled_from(OWNERS)),
        capacity_pf=draw(st.one_of(st.integers(0, MAX_PHASE_PF), st.floats(0, MAX_PHASE_PF))),
        start_year=start,
        completion_year=draw(st.integers(start, MAX_END_YEAR)),
        ramp=draw(st.sampled_from(RAMPS)),
    )


PHASE_LISTS = st.lists(phases(), max_size=6)


@st.composite
def scenarios(draw) -> Scenario:
    return Scenario("Random", values=draw(VALUES), phases=draw(PHASE_LISTS))


def _not_below(higher: np.ndarray, lower: np.ndarray) -> bool:
    """higher >= lower everywhere both are known (blanks in the same places), allowing for rounding."""
    if not np.array_equal(np.isnan(higher), np.isnan(lower)):
        return False
    known = ~np.isnan(lower)
    higher, lower = higher[known], lower[known]
    return bool(np.all(higher >= lower - 1e-9 * np.maximum(1.0, np.abs(lower))))


def _pair(key: str) -> st.SearchStrategy:
    return st.tuples(value_of(key), value_of(key)).map(sorted)


@SETTINGS
@given(scenarios())
def test_outputs_are_finite_non_negative_and_within_shares(scenario):
    projection = project(scenario)
    end_year = scenario["end_year"]
    assert list(projection.years) == list(range(FIRST_YEAR, end_year + 1))
    projected = ~projection.is_history
    assert list(projection.years[projected]) == list(range(LAST_HISTORY_YEAR + 1, end_year + 1))

    for key in COLUMNS:
        values = projection[key]
        assert np.isfinite(values[projected]).all(), key
        # History years show the official figures (gaps included) and nothing the model invents.
        history = values[~projected]
        if key in OFFICIAL:
            np.testing.assert_array_equal(history, OFFICIAL[key], err_msg=key)
        else:
            assert np.isnan(history[:-1]).all(), key
        assert not np.isinf(values).any(), key

    for key in NEVER_NEGATIVE:
        values = projection[key]
        assert (values[~np.isnan(values)] >= 0).all(), key
    assert not (projection.phase_capacity_pf < 0).any()  # blank (NaN) before the last history year

    for key in SHARES:
        share = projection[key]
        known = share[~np.isnan(share)]
        assert ((known >= 0) & (known <= 100)).all(), key
    assert _not_below(projection["rnd_total_hkd_bn"][projected], projection["rnd_private_hkd_bn"][projected])

    for key in NONDECREASING:
        values = projection[key]
        values = values[~np.isnan(values)]
        assert _not_below(values[1:], values[:-1]), key

    total = projection["capacity_total_pf"]
    modelled = ~np.isnan(total)  # from the last history year, where the phases are calibrated
    np.testing.assert_allclose(projection.phase_capacity_pf.sum(axis=0)[modelled], total[modelled], atol=1e-6)
    np.testing.assert_allclose(
        projection["capacity_public_pf"] + projection["capacity_private_pf"], total, rtol=1e-9, atol=1e-6
    )
    np.testing.assert_allclose(
        projection["capacity_northern_metropolis_pf"] + projection["capacity_other_private_pf"],
        projection["capacity_private_pf"],
        rtol=1e-9,
        atol=1e-6,
    )
    for result in projection.targets:
        threshold = result.target.threshold
        holds = result.value > threshold if result.target.comparison == ">" else result.value >= threshold
        assert result.met == holds, result.target.key
        if result.met:
            assert result.shortfall == 0
        elif np.isnan(result.value):
            assert np.isnan(result.shortfall), "an unknown figure has no shortfall"
        else:
            assert result.shortfall == pytest.approx(threshold - result.value)
            assert result.shortfall >= 0
    assert np.isfinite(projection.mfg_growth_required_pct)


@SETTINGS
@given(scenarios())
@example(baseline().replace(mfg_growth_pct=40, gdp_growth_pct=-10, end_year=2040))
def test_manufacturing_share_stays_within_0_and_100_pct(scenario):
    """A share of GDP cannot pass 100%, even at the extremes of the bounds."""
    share = project(scenario)["mfg_share_gdp_pct"]
    known = share[~np.isnan(share)]
    assert ((known >= 0) & (known <= 100)).all(), f"max {known.max():.4g}%"


@SETTINGS
@given(scenarios(), st.integers(2030, 2040))
def test_verdicts_do_not_depend_on_the_end_year(scenario, end_year):
    """Each target is judged in its own year: the end year only changes how far the charts run."""
    shown = project(scenario)
    longer = project(scenario.replace(end_year=end_year))
    assert shown.targets == longer.targets


@SETTINGS
@given(scenarios(), _pair("co_investment_ratio"))
def test_more_co_investment_never_lowers_private_capital_or_private_rnd(scenario, ratios):
    low, high = ratios
    lower = project(scenario.replace(co_investment_ratio=low))
    higher = project(scenario.replace(co_investment_ratio=high))
    for key in ("fund_private_cum_hkd_bn", "rnd_private_hkd_bn", "rnd_private_share_pct"):
        known = ~np.isnan(lower[key])
        np.testing.assert_array_equal(known, ~np.isnan(higher[key]))
        assert _not_below(higher[key][known], lower[key][known]), key


@SETTINGS
@given(scenarios(), _pair("cost_decline_pct"))
def test_more_cost_decline_never_costs_more(scenario, declines):
    slow, fast = declines
    dearer = project(scenario.replace(cost_decline_pct=slow))["capex_hkd_bn"]
    cheaper = project(scenario.replace(cost_decline_pct=fast))["capex_hkd_bn"]
    known = ~np.isnan(dearer)
    assert _not_below(dearer[known], cheaper[known])


@SETTINGS
@given(scenarios(), value_of("pue"))
def test_power_scales_with_pue_exactly_once(scenario, pue):
    projection = project(scenario.replace(pue=pue))
    np.testing.assert_allclose(projection["power_mw"], projection["power_it_mw"] * pue, rtol=1e-12, equal_nan=True)
    at_one = project(scenario.replace(pue=1.0))
    np.testing.assert_allclose(projection["power_it_mw"], at_one["power_it_mw"], rtol=1e-12, equal_nan=True)
    np.testing.assert_allclose(projection["power_mw"], at_one["power_mw"] * pue, rtol=1e-12, equal_nan=True)


@pytest.mark.parametrize(
    ("growth", "share"),
    [("mfg_growth_pct", "mfg_share_gdp_pct"), ("rnd_private_growth_pct", "rnd_private_share_pct")],
)
@SETTINGS
@given(data=st.data())
def test_faster_growth_never_lowers_its_share(growth, share, data):
    scenario = data.draw(scenarios())
    low, high = data.draw(_pair(growth))
    slower = project(scenario.replace(**{growth: low}))
    faster = project(scenario.replace(**{growth: high}))
    projected = ~slower.is_history
    assert _not_below(faster[share][projected], slower[share][projected])


@SETTINGS
@given(scenarios(), _pair("private_delay_years"))
def test_longer_delay_never_raises_capacity_in_2030(scenario, delays):
    short, long = delays
    early = project(scenario.replace(private_delay_years=short))
    late = project(scenario.replace(private_delay_years=long))
    assert late.at("capacity_total_pf", 2030) <= early.at("capacity_total_pf", 2030)
    assert late.at("capacity_private_pf", 2030) <= early.at("capacity_private_pf", 2030)
    known = ~np.isnan(early["capacity_private_pf"])
    assert _not_below(early["capacity_private_pf"][known], late["capacity_private_pf"][known])
    np.testing.assert_array_equal(early["capacity_public_pf"], late["capacity_public_pf"])


@SETTINGS
@given(scenarios(), phases())
def test_adding_a_phase_never_lowers_capacity(scenario, extra):
    before = project(scenario)
    after = project(scenario.with_phases((*scenario.phases, extra)))
    assert _not_below(after["capacity_total_pf"], before["capacity_total_pf"])
    assert _not_below(after["capex_hkd_bn"], before["capex_hkd_bn"])
