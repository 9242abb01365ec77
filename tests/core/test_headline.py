"""A step's "so what": the target that moved most, from the projection, against its threshold and the plan."""

from __future__ import annotations

from hkplanner.core import TARGETS, baseline, project
from hkplanner.core.formatting import quantity
from hkplanner.core.headline import so_what

PRIVATE = next(target for target in TARGETS if target.key == "compute_private_2030")


def result(projection, key):
    return next(r for r in projection.targets if r.target.key == key)


def test_a_slipped_build_out_is_told_by_the_private_target_with_its_figures():
    plan = project(baseline())
    late = project(baseline().replace(private_delay_years=2))
    mine, theirs = result(late, PRIVATE.key), result(plan, PRIVATE.key)
    assert not mine.met, "the model misses the private target when the build-out slips"
    line = so_what(late, plan, plan)
    goal = quantity(PRIVATE.threshold, PRIVATE.unit, exact=True)
    assert line == (
        f"{PRIVATE.title} {mine.due_year}: {quantity(mine.value, 'PF')}, "
        f"{quantity(mine.shortfall, 'PF')} short of {goal}, "
        f"−{quantity(theirs.value - mine.value, 'PF')} against the plan"
    )


def test_back_to_the_plan_the_moved_target_meets_its_threshold_as_in_the_plan():
    plan = project(baseline())
    late = project(baseline().replace(private_delay_years=2))
    assert so_what(plan, late, plan).endswith(", as in the plan")
    assert "meets" in so_what(plan, late, plan)


def test_when_nothing_moved_the_line_counts_the_targets_met_and_names_the_missed():
    plan = project(baseline())
    line = so_what(plan, None, plan)
    met = sum(r.met for r in plan.targets)
    missed = [r.target.title for r in plan.targets if r.judged and not r.met]
    assert line.startswith(f"{met} of {len(TARGETS)} plan targets met")
    for title in missed:
        assert title in line
