"""`project_batch`: N scenarios at once, each row the same as `project()` on that scenario."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkplanner.core import COLUMNS, REGISTRY, TARGETS, BatchError, baseline, project, project_batch

SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ROWS = 4


def _draw(key: str) -> st.SearchStrategy:
    low, high = REGISTRY[key].bounds
    if REGISTRY[key].is_integer:
        return st.integers(int(low), int(high))
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


ROW_VALUES = st.lists(st.fixed_dictionaries({key: _draw(key) for key in REGISTRY}), min_size=ROWS, max_size=ROWS)
PHASE_LEVERS = st.lists(st.tuples(st.floats(0, 50_000), st.integers(2026, 2036)), min_size=ROWS, max_size=ROWS)


@SETTINGS
@given(ROW_VALUES, PHASE_LEVERS)
def test_each_row_equals_project(rows, levers):
    base = baseline()
    northern = 2  # the Northern Metropolis phase, 2026-2030
    overrides = {key: np.array([row[key] for row in rows], dtype=float) for key in REGISTRY}
    overrides[f"phase.{northern}.capacity_pf"] = np.array([capacity for capacity, _ in levers])
    overrides[f"phase.{northern}.completion_year"] = np.array([year for _, year in levers], dtype=float)
    batch = project_batch(base, overrides)
    assert batch.n == ROWS
    for index, (row, (capacity, completion)) in enumerate(zip(rows, levers, strict=True)):
        phases = list(base.phases)
        old = phases[northern]
        start = completion - (old.completion_year - old.start_year)
        phases[northern] = dataclasses.replace(old, capacity_pf=capacity, start_year=start, completion_year=completion)
        single = project(base.replace(**row).with_phases(phases))
        shown = len(single.years)
        for key in COLUMNS:
            np.testing.assert_allclose(batch[key][index, :shown], single[key], rtol=1e-12, atol=1e-12, err_msg=key)
        for result in single.targets:
            verdicts = batch.targets[result.target.key]
            assert verdicts.due_year[index] == result.due_year
            assert verdicts.met[index] == result.met
            np.testing.assert_allclose(verdicts.value[index], result.value, rtol=1e-12)
            np.testing.assert_allclose(verdicts.shortfall[index], result.shortfall, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("key", sorted(REGISTRY))
def test_one_key_varied_alone_matches_project(key):
    """Rows that differ in one input only: the shared inputs broadcast against the varied one."""
    low, high = REGISTRY[key].bounds
    values = [low, high] if REGISTRY[key].is_integer else [low, (low + high) / 2, high]
    batch = project_batch(baseline(), {key: values})
    for index, value in enumerate(values):
        single = project(baseline().replace(**{key: value}))
        for column in COLUMNS:
            shown = len(single.years)
            np.testing.assert_allclose(batch[column][index, :shown], single[column], rtol=1e-12, err_msg=column)


def test_shapes_and_names():
    batch = project_batch(baseline(), {"co_investment_ratio": [1.0, 2.0, 3.0]})
    assert batch.n == 3
    assert list(batch.years) == list(range(2013, 2036))
    assert set(batch.series) == set(COLUMNS)
    assert batch["capacity_total_pf"].shape == (3, len(batch.years))
    assert batch.at("fund_private_cum_hkd_bn", 2030).shape == (3,)
    assert set(batch.targets) == {target.key for target in TARGETS}
    assert batch.targets["rnd_private_share"].due_year.dtype.kind == "i"
    assert batch.targets["compute_total_2030"].met.dtype == bool
    for verdicts in batch.targets.values():  # one verdict per scenario, even for a target no override moves
        assert all(len(part) == 3 for part in (verdicts.value, verdicts.met, verdicts.due_year, verdicts.shortfall))


def test_scalars_broadcast_and_n_without_arrays():
    assert project_batch(baseline(), n=5).n == 5
    assert project_batch(baseline()).n == 1
    batch = project_batch(baseline(), {"pue": 1.3, "kw_per_pf": [0.5, 0.6]})
    np.testing.assert_allclose(batch["power_mw"], batch["power_it_mw"] * 1.3)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"pue": [1.2, 1.3], "kw_per_pf": [0.5, 0.6, 0.7]}, "one length"),
        ({"pue": [[1.2, 1.3]]}, "pue: expected a 1-D array"),
        ({"no_such_key": [1.0]}, "no_such_key"),
        ({"pue": [1.2, float("nan")]}, r"pue\[1\] = nan"),
        ({"pue": [1.2, 1.3, 9.0]}, r"pue\[2\] = 9.0 is out of range"),
        ({"private_delay_years": [0, -1]}, r"private_delay_years\[1\]"),
        ({"phase.9.capacity_pf": [1.0]}, "phase.9.capacity_pf: the base scenario has 4 phases"),
        ({"phase.2.completion_year": [2012.0]}, r"phase.2.completion_year\[0\]"),
        ({"phase.2.start_year": [2026.0]}, "phase.2.start_year"),
    ],
)
def test_bad_overrides_are_refused_by_name(overrides, message):
    with pytest.raises(BatchError, match=message):
        project_batch(baseline(), overrides)
    assert issubclass(BatchError, ValueError)


def test_n_must_agree_with_the_arrays():
    with pytest.raises(BatchError, match="n = 3"):
        project_batch(baseline(), {"pue": [1.2, 1.3]}, n=3)


def test_an_array_of_delays_never_lines_up_with_the_phases():
    """A delay per scenario moves every private phase of that scenario, never one phase per value."""
    batch = project_batch(baseline(), {"private_delay_years": [0, 1, 2, 3]})
    for index, delay in enumerate([0, 1, 2, 3]):
        single = project(baseline().replace(private_delay_years=delay))
        np.testing.assert_allclose(batch["capacity_private_pf"][index], single["capacity_private_pf"])


def test_continuous_equivalents_lie_between_their_neighbours():
    batch = project_batch(
        baseline(),
        {"private_delay_years": [1.0, 1.5, 2.0], "hardware_lifetime_years": [5.0, 5.5, 6.0]},
    )
    private = batch.at("capacity_private_pf", 2030)
    assert private[0] > private[1] > private[2]
    cost = batch.at("capex_hkd_bn", 2035)
    assert min(cost[0], cost[2]) <= cost[1] <= max(cost[0], cost[2])


def test_phase_levers_move_their_phase_only():
    batch = project_batch(
        baseline(), {"phase.2.capacity_pf": [10_000, 5_000], "phase.2.completion_year": [2030, 2032.5]}
    )
    assert batch.at("capacity_northern_metropolis_pf", 2030)[1] < batch.at("capacity_northern_metropolis_pf", 2030)[0]
    np.testing.assert_array_equal(batch["capacity_public_pf"][0], batch["capacity_public_pf"][1])
    assert batch.targets["compute_private_2030"].met.tolist() == [True, False]


@pytest.mark.parametrize("phase", range(4))
@pytest.mark.parametrize(
    ("field", "values"), [("capacity_pf", [0.0, 700.0, 4_000.5]), ("completion_year", [2030.0, 2031.0, 2034.0])]
)
def test_one_phase_lever_varied_alone_matches_project(phase, field, values):
    """Rows that differ in one phase lever only, every other input (the start years among them) shared."""
    base = baseline()
    old = base.phases[phase]
    batch = project_batch(base, {f"phase.{phase}.{field}": values})
    for index, value in enumerate(values):
        shift = value - old.completion_year if field == "completion_year" else 0
        changed = dataclasses.replace(
            old,
            capacity_pf=value if field == "capacity_pf" else old.capacity_pf,
            start_year=old.start_year + shift,
            completion_year=old.completion_year + shift,
        )
        single = project(base.with_phases((*base.phases[:phase], changed, *base.phases[phase + 1 :])))
        shown = len(single.years)
        for column in COLUMNS:
            np.testing.assert_allclose(batch[column][index, :shown], single[column], rtol=1e-12, err_msg=column)
