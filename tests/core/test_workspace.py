"""The workspace: the scenario, the baseline and the pins, projected over one horizon, without Qt."""

from __future__ import annotations

import pytest

from hkplanner.core import MAX_PINNED, Workspace, baseline, project


def test_the_baseline_and_pins_span_the_scenarios_horizon():
    late = baseline().replace(private_delay_years=2, end_year=2032)
    workspace = Workspace(baseline().replace(end_year=2040)).pinned("late", late)
    assert workspace.baseline_projection.years[-1] == 2040
    ((label, pinned),) = workspace.pin_projections
    assert label == "late" and pinned.years[-1] == 2040
    assert pinned.at("capacity_private_pf", 2030) == project(late).at("capacity_private_pf", 2030)


def test_moving_a_slider_reuses_the_baselines_projection_until_the_horizon_moves():
    workspace = Workspace()
    moved = workspace.with_scenario(workspace.scenario.replace(pue=1.4))
    assert moved.baseline_projection is workspace.baseline_projection
    assert moved.projection.at("power_mw", 2030) < workspace.projection.at("power_mw", 2030)
    longer = moved.with_scenario(moved.scenario.replace(end_year=2040))
    assert longer.baseline_projection.years[-1] == 2040


def test_pins_are_capped_and_can_be_taken_off_one_at_a_time_or_all():
    workspace = Workspace()
    for number in range(MAX_PINNED):
        workspace = workspace.pinned(f"pin {number}", baseline())
    with pytest.raises(ValueError, match=f"At most {MAX_PINNED}"):
        workspace.pinned("one too many", baseline())
    assert [pin.label for pin in workspace.unpinned(1).pins] == ["pin 0", "pin 2", "pin 3"]
    assert workspace.unpinned().pins == ()
    assert len(workspace.pins) == MAX_PINNED, "a workspace never changes: a change makes another"
