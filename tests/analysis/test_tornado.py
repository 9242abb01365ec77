"""The tornado agrees with one-at-a-time projections of the model."""

from __future__ import annotations

import pytest

from hkplanner.analysis.tornado import tornado
from hkplanner.core import baseline, project


@pytest.mark.parametrize(("series", "year"), [("capex_hkd_bn", 2035), ("power_mw", 2030), ("gdp_hkd_bn", 2032)])
def test_the_bars_are_in_the_order_of_one_at_a_time_swings(project_batch, ranges, series, year):
    scenario = baseline().replace(co_investment_ratio=2.0)
    result = tornado(scenario, series, year, projector=project_batch, ranges=ranges)
    swings = {}
    for key, (low, _, high) in ranges.items():
        at_low = project(scenario.replace(**{key: low})).at(series, year)
        at_high = project(scenario.replace(**{key: high})).at(series, year)
        swings[key] = abs(at_high - at_low)
        bar = next(bar for bar in result.bars if bar.key == key)
        assert (bar.at_low, bar.at_high) == pytest.approx((at_low, at_high), rel=1e-12)
    assert [bar.key for bar in result.bars] == sorted(swings, key=lambda key: -swings[key])
    assert result.value == project(scenario).at(series, year)


def test_the_ranges_follow_the_scenario_value(project_batch, ranges):
    scenario = baseline().replace(pue=2.0)  # the range keeps its width below and above the likely value
    low, likely, high = ranges["pue"]
    bar = next(b for b in tornado(scenario, "power_mw", 2030, projector=project_batch, ranges=ranges).bars)
    assert bar.key == "pue" and (bar.low, bar.high) == pytest.approx((2.0 - (likely - low), 2.0 + (high - likely)))
