"""Attribution: exact Shapley splits on known functions, and parts that add up to the change in the model."""

from __future__ import annotations

import math
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from hkplanner.analysis import attribution
from hkplanner.analysis.attribution import attribute
from hkplanner.core import COLUMNS, Phase, baseline, project

A, B, C = "co_investment_ratio", "fund_public_hkd_bn", "pue"


def toy_projector(formula):
    """A batch projector whose one series, 'x', is `formula(values)` of the parameters (every year alike)."""

    def project_batch(base, overrides=None, n=None):
        overrides = overrides or {}
        rows = max([np.size(v) for v in overrides.values()] + [n or 1])
        values = {key: np.broadcast_to(overrides.get(key, base[key]), (rows,)).astype(float) for key in base.values}
        x = formula(values)
        return SimpleNamespace(at=lambda series, year: x)

    return project_batch


def shares(result):
    return {player.key: share for player, share in result.contributions}


def test_shapley_splits_a_product_evenly_and_a_sum_alone():
    before = baseline().replace(**{A: 1.0, B: 2.0, C: 1.5})
    after = before.replace(**{A: 3.0, B: 5.0, C: 2.5})
    result = attribute(before, after, "x", 2030, projector=toy_projector(lambda v: v[A] * v[B] + v[C]))
    split = shares(result)
    assert split[A] == pytest.approx((3 - 1) * (2 + 5) / 2, abs=1e-12)  # half of each interaction
    assert split[B] == pytest.approx((5 - 2) * (1 + 3) / 2, abs=1e-12)
    assert split[C] == pytest.approx(1.0, abs=1e-12)
    assert result.exact and result.orders == 6
    assert result.total == pytest.approx(3 * 5 + 2.5 - (1 * 2 + 1.5))


def test_sampled_shapley_adds_up_exactly_and_comes_close(monkeypatch):
    before = baseline().replace(**{A: 1.0, B: 2.0, C: 1.5})
    after = before.replace(**{A: 3.0, B: 5.0, C: 2.5})
    product = toy_projector(lambda v: v[A] * v[B] * v[C])
    exact = shares(attribute(before, after, "x", 2030, projector=product))
    monkeypatch.setattr(attribution, "EXACT_PLAYERS", 1)
    result = attribute(before, after, "x", 2030, projector=product)
    assert not result.exact and result.orders > 1000
    assert abs(math.fsum(shares(result).values()) - result.total) <= 1e-9
    for key, share in shares(result).items():
        assert share == pytest.approx(exact[key], rel=0.02)


def test_one_changed_parameter_takes_the_whole_change(project_batch):
    after = baseline().replace(private_delay_years=2)
    result = attribute(baseline(), after, "capacity_private_pf", 2030, projector=project_batch)
    [(player, share)] = result.contributions
    assert player.key == "private_delay_years"
    assert (
        share
        == result.total
        == project(after).at("capacity_private_pf", 2030) - project(baseline()).at("capacity_private_pf", 2030)
    )
    assert result.total < 0


def test_parameters_and_phases_add_up_to_the_change_within_1e_9(project_batch):
    before = baseline()
    phases = list(before.phases)
    northern = phases[2]
    phases[2] = replace(northern, capacity_pf=8000, completion_year=2031)  # edited
    removed = phases.pop(3)  # removed: the other private capacity
    phases.append(Phase("Sandy Ridge data park", "private", 5000, 2027, 2029, "s-curve"))  # added
    after = before.with_phases(phases).replace(private_delay_years=1, pue=1.3, cost_per_pf_hkd_m=0.3)
    for series, year in (("capacity_private_pf", 2030), ("power_mw", 2032), ("capex_hkd_bn", 2035)):
        result = attribute(before, after, series, year, projector=project_batch)
        assert result.baseline_value == pytest.approx(project(before).at(series, year), abs=1e-9)
        assert result.current_value == pytest.approx(project(after).at(series, year), abs=1e-9)
        assert abs(math.fsum(s for _, s in result.contributions) - result.total) <= 1e-9
    kinds = {player.key: player.kind for player, _ in result.contributions}
    assert kinds[northern.name] == "phase edited" and kinds[removed.name] == "phase removed"
    assert kinds["Sandy Ridge data park"] == "phase added" and kinds["pue"] == "parameter"
    capacity = shares(attribute(before, after, "capacity_private_pf", 2030, projector=project_batch))
    assert capacity["pue"] == 0 and capacity["Sandy Ridge data park"] > 0 and capacity[removed.name] < 0


def test_a_year_after_the_horizon_is_refused(project_batch):
    with pytest.raises(attribution.AttributionError, match="2036 is after the end"):
        attribute(baseline(), baseline().replace(pue=1.2), "power_mw", 2036, projector=project_batch)


def test_no_change_has_nothing_to_attribute(project_batch):
    result = attribute(baseline(), baseline().renamed("Copy"), "capex_hkd_bn", 2035, projector=project_batch)
    assert result.contributions == () and result.total == 0
    assert result.baseline_value == project(baseline()).at("capex_hkd_bn", 2035)


def test_a_phase_left_out_at_zero_capacity_is_the_phase_removed(project_batch):
    """Coalitions leave a phase out by zeroing its capacity: the same projection as without the phase
    (owners, tags, vintages, refresh costs and power), with a delay and a short lifetime to move them."""
    extra = Phase("Sandy Ridge data park", "private", 5000, 2027, 2029, "s-curve")
    base = baseline().replace(private_delay_years=1, hardware_lifetime_years=4)
    base = base.with_phases((*base.phases, extra))
    for index in range(len(base.phases)):
        left_out = project_batch(base, {f"phase.{index}.capacity_pf": 0.0})
        removed = project(base.with_phases(base.phases[:index] + base.phases[index + 1 :]))
        for key in COLUMNS:
            np.testing.assert_allclose(left_out[key][0], removed[key], rtol=1e-12, atol=1e-9, err_msg=key)
        for result in removed.targets:
            assert left_out.targets[result.target.key].met[0] == result.met, (index, result.target.key)
