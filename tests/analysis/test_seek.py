"""Goal seek on the real model: each answer meets its target and the value just beyond it does not."""

from __future__ import annotations

import numpy as np
import pytest

from hkplanner.analysis import seek as seeking
from hkplanner.analysis.inputs import apply_lever, lever_bounds, lever_step
from hkplanner.analysis.seek import frontier, lever_quantity, on_step, seek, set_levers, settle
from hkplanner.core import REGISTRY, TARGETS, baseline, project

LEVERS = [key for key, p in REGISTRY.items() if p.kind == "lever"] + [
    f"phase.{i}.{field}" for i in range(len(baseline().phases)) for field in ("capacity_pf", "completion_year")
]


def result(scenario, target):
    return next(r for r in project(scenario).targets if r.target.key == target)


@pytest.mark.parametrize("target", [t.key for t in TARGETS])
def test_every_answer_just_meets_its_target(project_batch, target):
    scenario = baseline()
    for lever in LEVERS:
        answer = seek(scenario, target, lever, projector=project_batch)
        if answer.met_everywhere:
            assert result(scenario, target).met, (target, lever)
            continue
        if not answer.reachable:
            best = result(apply_lever(scenario, lever, answer.best), target)
            assert not best.met and best.shortfall == pytest.approx(answer.best_shortfall), (target, lever)
            continue
        assert result(apply_lever(scenario, lever, answer.value), target).met, (target, lever)
        assert not result(apply_lever(scenario, lever, answer.nearest_miss), target).met, (target, lever)
        low, high = lever_bounds(scenario, lever)
        step = 1 if lever.endswith("year") or (REGISTRY.get(lever, None) and REGISTRY[lever].is_integer) else 0
        assert abs(answer.value - answer.nearest_miss) <= max(step, 1e-9 * (high - low)), (target, lever)
        stepped = on_step(scenario, answer, projector=project_batch)
        if stepped is not None:  # on the slider's step, past the miss, within a step, still meeting the target
            assert result(apply_lever(scenario, lever, stepped), target).met, (target, lever)
            assert abs(stepped - answer.value) < lever_step(lever) + 1e-9, (target, lever)
            assert (stepped - answer.nearest_miss) * (answer.value - answer.nearest_miss) > 0, (target, lever)


def test_the_delay_the_private_target_can_take(project_batch):
    answer = seek(baseline(), "compute_private_2030", "private_delay_years", projector=project_batch)
    assert answer.reachable and abs(answer.value - answer.nearest_miss) == 1
    assert answer.value == max(
        d for d in range(11) if result(baseline().replace(private_delay_years=d), "compute_private_2030").met
    )


def test_an_unreachable_target_says_so_with_the_closest_value(project_batch):
    only_public = baseline().with_phases(baseline().phases[:1])  # no private phase left to grow
    answer = seek(only_public, "compute_total_2030", "fund_public_hkd_bn", projector=project_batch)
    assert not answer.reachable and answer.value is None
    assert answer.best == only_public["fund_public_hkd_bn"], "nothing moves it, so the least change is best"
    assert answer.best_shortfall == pytest.approx(15000 - project(only_public).at("capacity_total_pf", 2030))


def test_an_unknown_target_or_lever_is_named(project_batch):
    with pytest.raises(KeyError, match="'compute_2031' is not a target"):
        seek(baseline(), "compute_2031", "pue", projector=project_batch)
    last = len(baseline().phases) - 1
    with pytest.raises(KeyError, match=rf"'phase\.7\.capacity_pf': the scenario has phases 0 to {last}"):
        seek(baseline(), "compute_total_2030", "phase.7.capacity_pf", projector=project_batch)


def test_the_frontier_of_two_levers_just_meets_the_target(project_batch, monkeypatch):
    monkeypatch.setattr(seeking, "FRONTIER_POINTS", 7)
    scenario = baseline()
    levers = ("private_delay_years", "phase.2.capacity_pf")  # the Northern Metropolis build-out
    line = frontier(scenario, "compute_private_2030", levers, projector=project_batch)
    assert line.x[0] == 0 and line.x[-1] == 10 and line.current == (0, scenario.phases[2].capacity_pf)
    reached = np.isfinite(line.y)
    assert reached.sum() >= 3 and np.all(np.diff(line.y[reached]) > 0), "later needs more capacity"
    assert not reached[-1], "ten years late, no capacity is ready by 2030"
    for x, y, miss in zip(line.x, line.y, line.y_miss, strict=True):
        if np.isnan(y):
            continue
        delayed = scenario.replace(private_delay_years=int(x))
        assert result(apply_lever(delayed, levers[1], y), "compute_private_2030").met
        assert not result(apply_lever(delayed, levers[1], miss), "compute_private_2030").met


def test_the_frontier_runs_on_the_first_levers_slider_step(project_batch, monkeypatch):
    monkeypatch.setattr(seeking, "FRONTIER_POINTS", 9)
    scenario = baseline()
    line = frontier(scenario, "mfg_share", ("co_investment_ratio", "mfg_growth_pct"), projector=project_batch)
    steps = line.x / lever_step("co_investment_ratio")
    assert np.allclose(steps, np.round(steps)), "each x can be set as it reads"
    assert line.x[0] == 0 and line.x[-1] == 10 and scenario["co_investment_ratio"] in line.x


@pytest.mark.parametrize("index", [0, 1, 2, 3, 4])
def test_a_frontier_point_settles_on_both_levers_steps_and_meets_the_target(project_batch, index):
    delayed = baseline().replace(private_delay_years=3)
    levers = ("private_delay_years", "phase.2.capacity_pf")
    line = frontier(delayed, "compute_private_2030", levers, projector=project_batch)
    setting = settle(delayed, line.answer_at(index), {levers[0]: line.x[index]}, projector=project_batch)
    assert setting.met and setting.shortfall == 0
    (delay, delay_set), (capacity, capacity_set) = setting.values
    assert (delay, capacity) == levers, "in the order the levers were chosen"
    assert delay_set == line.x[index] and capacity_set == np.ceil(line.y[index]), "the first whole PF that meets it"
    chosen = set_levers(delayed, setting.values)
    assert chosen["private_delay_years"] == delay_set and chosen.phases[2].capacity_pf == capacity_set
    assert result(chosen, "compute_private_2030").met
    assert not result(
        set_levers(delayed, {**dict(setting.values), capacity: capacity_set - 1}), "compute_private_2030"
    ).met


def test_one_lever_settles_the_same_way(project_batch):
    scenario = baseline()
    answer = seek(scenario, "mfg_share", "mfg_growth_pct", projector=project_batch)
    setting = settle(scenario, answer, projector=project_batch)
    assert setting.values == (("mfg_growth_pct", on_step(scenario, answer, projector=project_batch)),)
    assert setting.met and result(set_levers(scenario, setting.values), "mfg_share").met


def test_a_lever_reads_with_its_unit():
    assert (
        lever_quantity("private_delay_years", 2) == "2 years" and lever_quantity("private_delay_years", 1) == "1 year"
    )
    assert lever_quantity("mfg_growth_pct", 23.7) == "23.7% a year, real"
    assert lever_quantity("phase.2.capacity_pf", 2_500_000) == "2,500,000 PF"
    assert lever_quantity("phase.2.completion_year", 2031.0) == "2031"
