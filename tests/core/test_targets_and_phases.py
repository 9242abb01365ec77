"""How targets are judged, and how build-out phases ramp up."""

from __future__ import annotations

import math

import numpy as np
import pytest

from hkplanner.core import RAMPS, TARGETS, Phase, Target, baseline, project
from hkplanner.core.phases import capacity_by_phase, default_phases
from hkplanner.core.targets import evaluate, judge_all
from hkplanner.core.timeline import YEARS

YEARS_2000 = np.arange(2000, 2006)
SANDY_RIDGE = Phase("Sandy Ridge data park", "private", 180_000, 2026, 2032)


def _target(comparison: str = ">=", threshold: float = 10.0, **kwargs) -> Target:
    fields = dict(key="t", title="Test", metric="capacity_total_pf", unit="PF", source="test", year=2003)
    return Target(comparison=comparison, threshold=threshold, **{**fields, **kwargs})


def _result(projection, key):
    (found,) = [r for r in projection.targets if r.target.key == key]
    return found


# --- evaluate -------------------------------------------------------------------------------------------


def test_met_in_the_due_year():
    result = evaluate(_target(), YEARS_2000, np.array([1.0, 5, 10, 12, 8, 15]), due_year=2003)
    assert result.met
    assert result.value == 12
    assert result.first_year_met == 2002  # >= holds at equality
    assert result.shortfall == 0.0
    assert result.due_year == 2003


def test_missed_in_the_due_year_after_being_met_earlier():
    result = evaluate(_target(), YEARS_2000, np.array([1.0, 5, 10, 12, 8, 15]), due_year=2004)
    assert not result.met
    assert result.value == 8
    assert result.first_year_met == 2002  # the earliest year it held, even though it later fell back
    assert result.shortfall == pytest.approx(2.0)


def test_strict_comparison_is_not_met_at_equality():
    result = evaluate(_target(">", 10.0), YEARS_2000, np.array([1.0, 5, 10, 12, 8, 15]), due_year=2002)
    assert not result.met
    assert result.shortfall == 0.0  # exactly at the threshold: nothing to make up, yet not "more than"
    assert result.first_year_met == 2003


def test_never_met():
    result = evaluate(_target(), YEARS_2000, np.array([1.0, 2, 3, 4, 5, 6]), due_year=2005)
    assert not result.met
    assert result.first_year_met is None
    assert result.shortfall == pytest.approx(4.0)


def test_nan_is_never_met_and_not_a_shortfall():
    metric = np.array([math.nan, math.nan, 11.0, math.nan, 9.0, math.nan])
    at_gap = evaluate(_target(), YEARS_2000, metric, due_year=2003)
    assert not at_gap.met
    assert math.isnan(at_gap.value)
    assert math.isnan(at_gap.shortfall)  # unknown, so no number is invented
    assert not at_gap.judged
    assert at_gap.first_year_met == 2002  # gaps before it are skipped

    after_gap = evaluate(_target(), YEARS_2000, metric, due_year=2004)
    assert after_gap.value == 9.0
    assert after_gap.shortfall == pytest.approx(1.0)

    all_gaps = evaluate(_target(), YEARS_2000, np.full(6, math.nan), due_year=2005)
    assert not all_gaps.met
    assert all_gaps.first_year_met is None


def test_a_due_year_outside_the_years_is_not_judged():
    metric = np.array([1.0, 2, 3, 4, 5, 6])
    for due_year in (1999, 2006):
        result = evaluate(_target(), YEARS_2000, metric, due_year=due_year)
        assert not result.judged and not result.met
        assert math.isnan(result.shortfall)


def test_manufacturing_target_after_the_horizon_is_still_judged_in_its_year():
    projection = project(baseline().replace(end_year=2030, mfg_target_year=2036, mfg_growth_pct=32))
    result = _result(projection, "mfg_share")
    assert result.due_year == 2036
    assert result.judged and result.met  # the end year only changes how far the charts run
    assert result.first_year_met == 2030


def test_due_year_fixed_or_set_by_a_parameter():
    fixed = _target(key="fixed", year=2026)
    by_parameter = _target(key="moving", year=None, year_parameter="mfg_target_year")
    metric = {"capacity_total_pf": np.tile(np.arange(len(YEARS), dtype=float), (2, 1))}
    values = {"mfg_target_year": np.array([[2030.0], [2031.6]])}
    first, second = judge_all(YEARS, metric, values, (fixed, by_parameter))
    assert first.due_year.tolist() == [2026, 2026]
    assert second.due_year.tolist() == [2030, 2032]  # a fractional year is judged in the nearest year


def test_every_target_names_its_year():
    with pytest.raises(ValueError, match="needs a year"):
        _target(year=None)
    assert all(target.dated for target in TARGETS)


@pytest.mark.parametrize("target_year", [2026, 2030, 2032, 2040])
def test_manufacturing_target_year_follows_the_parameter(target_year):
    projection = project(baseline().replace(mfg_target_year=target_year))
    result = _result(projection, "mfg_share")
    assert result.due_year == target_year
    expected = 100 * (1.029 * (5 / 95 * 99) ** (1 / (target_year - 2023)) - 1)
    assert projection.mfg_growth_required_pct == pytest.approx(expected)


def test_manufacturing_target_met_by_2032_but_not_2030_at_25pct_growth():
    scenario = baseline().replace(mfg_growth_pct=25.0)
    assert _result(project(scenario), "mfg_share").met
    assert not _result(project(scenario.replace(mfg_target_year=2030)), "mfg_share").met


def test_required_growth_actually_meets_the_target():
    base = project(baseline())
    needed = base.mfg_growth_required_pct
    just_enough = project(baseline().replace(mfg_growth_pct=round(needed + 0.05, 1)))
    just_short = project(baseline().replace(mfg_growth_pct=round(needed - 0.05, 1)))
    assert _result(just_enough, "mfg_share").met
    assert not _result(just_short, "mfg_share").met


def test_target_results_follow_target_order():
    projection = project(baseline())
    assert [r.target for r in projection.targets] == list(TARGETS)


# --- phases ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("ramp", RAMPS)
@pytest.mark.parametrize("owner", ["public", "private"])
def test_ramp_shape(ramp, owner):
    phase = Phase("P", owner, 1000, 2026, 2030, ramp)
    (row,) = capacity_by_phase((phase,), YEARS, 0)
    assert (row[YEARS < 2026] == 0).all()
    assert (row[YEARS >= 2030] == 1000).all()
    assert (np.diff(row) >= 0).all()
    building = row[(YEARS >= 2026) & (YEARS < 2030)]
    if ramp == "step":
        assert (building == 0).all()
    else:
        assert ((building > 0) & (building < 1000)).all()


def test_linear_and_s_curve_values():
    linear = Phase("L", "public", 1000, 2026, 2030, "linear")
    s_curve = Phase("S", "public", 1000, 2026, 2030, "s-curve")
    rows = capacity_by_phase((linear, s_curve), YEARS, 0)
    in_build = (YEARS >= 2026) & (YEARS <= 2030)
    np.testing.assert_allclose(rows[0][in_build], [200, 400, 600, 800, 1000])
    progress = np.array([0.2, 0.4, 0.6, 0.8, 1.0])
    np.testing.assert_allclose(rows[1][in_build], 1000 * progress**2 * (3 - 2 * progress))
    # Slower than linear early on, faster later.
    assert rows[1][YEARS == 2026] < rows[0][YEARS == 2026]
    assert rows[1][YEARS == 2028] > rows[0][YEARS == 2028]


@pytest.mark.parametrize("ramp", RAMPS)
def test_one_year_phase_is_full_in_its_year(ramp):
    (row,) = capacity_by_phase((Phase("P", "public", 500, 2027, 2027, ramp),), YEARS, 0)
    assert (row[YEARS < 2027] == 0).all()
    assert (row[YEARS >= 2027] == 500).all()


@pytest.mark.parametrize("delay", [1, 2, 5])
def test_private_delay_shifts_only_private_phases(delay):
    public = Phase("Pub", "public", 1000, 2026, 2030, "s-curve")
    private = Phase("Priv", "private", 1000, 2026, 2030, "s-curve")
    on_time = capacity_by_phase((public, private), YEARS, 0)
    late = capacity_by_phase((public, private), YEARS, delay)
    np.testing.assert_array_equal(late[0], on_time[0])
    np.testing.assert_array_equal(late[1][delay:], on_time[1][:-delay])
    assert (late[1][:delay] == 0).all()


def test_private_delay_in_the_baseline():
    base = project(baseline())
    late = project(baseline().replace(private_delay_years=2))
    np.testing.assert_array_equal(late["capacity_public_pf"], base["capacity_public_pf"])
    assert late.at("capacity_private_pf", 2030) < base.at("capacity_private_pf", 2030)
    assert late.at("capacity_private_pf", 2032) == base.at("capacity_private_pf", 2030)
    assert not _result(late, "compute_private_2030").met


def test_adding_sandy_ridge_raises_capacity():
    base_scenario = baseline()
    with_sandy = base_scenario.with_phases((*base_scenario.phases, SANDY_RIDGE))
    base, sandy = project(base_scenario), project(with_sandy)
    assert sandy.at("capacity_total_pf", 2032) == pytest.approx(195_000)
    assert sandy.at("capacity_private_pf", 2030) == pytest.approx(12_000 + 180_000 * 5 / 7)
    known = sandy.years >= 2024  # compute is blank before the calibration year
    assert (sandy["capacity_total_pf"][known] >= base["capacity_total_pf"][known]).all()
    assert (sandy["capacity_total_pf"][sandy.years >= 2026] > base["capacity_total_pf"][base.years >= 2026]).all()
    assert sandy.phase_capacity_pf.shape[0] == 5
    assert sandy.at("power_mw", 2032) > base.at("power_mw", 2032)
    assert sandy.at("capex_hkd_bn", 2032) > base.at("capex_hkd_bn", 2032)


def test_phases_add_up_to_the_totals():
    projection = project(baseline())
    np.testing.assert_allclose(projection.phase_capacity_pf.sum(axis=0), projection["capacity_total_pf"])
    np.testing.assert_allclose(
        projection["capacity_public_pf"] + projection["capacity_private_pf"], projection["capacity_total_pf"]
    )


def test_default_phases_are_the_plans():
    phases = {phase.name: phase for phase in default_phases()}
    opening = phases["Cyberport AI Supercomputing Centre (opening)"]
    assert (opening.owner, opening.capacity_pf, opening.completion_year) == ("public", 1300, 2024)
    cyberport = phases["Cyberport AI Supercomputing Centre (to 3,000 PF)"]
    assert (cyberport.owner, cyberport.capacity_pf, cyberport.completion_year) == ("public", 1700, 2026)
    northern = phases["Northern Metropolis private build-out"]
    assert (northern.owner, northern.capacity_pf, northern.completion_year) == ("private", 10000, 2030)
    assert northern.tag == "northern_metropolis"
    remainder = phases["Other capacity (derived remainder)"]
    assert (remainder.owner, remainder.capacity_pf) == ("private", 2000)
    assert all(phase.source.strip() for phase in phases.values())
