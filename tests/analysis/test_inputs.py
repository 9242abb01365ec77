"""What the analyses run on: the registry's ranges, ranges centred on a scenario, and levers applied."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hkplanner.analysis import inputs
from hkplanner.analysis.inputs import Range, apply_lever, around, lever_bounds, registry_ranges
from hkplanner.core import REGISTRY, baseline, project
from hkplanner.core.timeline import MAX_END_YEAR


def test_the_registry_ranges_are_the_assumptions_that_have_them(monkeypatch):
    def entry(kind, group, low=None, likely=None, high=None):
        return SimpleNamespace(kind=kind, group=group, low=low, likely=likely, high=high)

    monkeypatch.setattr(
        inputs,
        "REGISTRY",
        {
            "pue": entry("assumption", "compute", 1.3, 1.6, 1.9),
            "end_year": entry("assumption", "horizon", 2030, 2035, 2040),  # the horizon is not uncertain
            "kw_per_pf": entry("assumption", "compute"),  # no range given
            "co_investment_ratio": entry("lever", "fund", 1, 1.25, 3),  # a choice, not an uncertainty
        },
    )
    assert registry_ranges() == {"pue": Range(1.3, 1.6, 1.9)}


def test_ranges_centre_on_the_scenario_and_stop_at_the_hard_bounds():
    ceiling = REGISTRY["cost_decline_pct"].bounds[1]
    scenario = baseline().replace(pue=1.1, cost_decline_pct=ceiling - 2)
    centred = around(scenario, {"pue": Range(1.3, 1.6, 1.9), "cost_decline_pct": Range(5, 10, 20)})
    assert centred["pue"] == pytest.approx(Range(1.0, 1.1, 1.4))  # 1.1 - 0.3 would fall below PUE's floor of 1
    assert centred["cost_decline_pct"] == Range(ceiling - 7, ceiling - 2, ceiling)  # 10 above would pass it


def test_a_phase_completion_lever_moves_the_whole_phase():
    scenario = baseline()
    index = next(i for i, phase in enumerate(scenario.phases) if phase.tag == "northern_metropolis")
    northern = scenario.phases[index]
    moved = apply_lever(scenario, f"phase.{index}.completion_year", northern.completion_year + 2.0).phases[index]
    assert (moved.start_year, moved.completion_year) == (northern.start_year + 2, northern.completion_year + 2)
    low, high = lever_bounds(scenario, f"phase.{index}.completion_year")
    assert low == 2013 + northern.completion_year - northern.start_year and high == MAX_END_YEAR
    later = project(apply_lever(scenario, "private_delay_years", 2.0))
    assert later.scenario["private_delay_years"] == 2 and isinstance(later.scenario["private_delay_years"], int)
