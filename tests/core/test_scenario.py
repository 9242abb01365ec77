"""Scenarios validate every value with a clear message, and never change once built."""

from __future__ import annotations

import dataclasses
import math
import re

import pytest

from hkplanner.core import REGISTRY, ParameterError, Phase, PhaseError, Scenario, ScenarioError, baseline


def _range_text(key: str) -> tuple[str, str]:
    low, high = REGISTRY[key].bounds
    return f"{low:g}", f"{high:g}"


def _assert_names(message: str, *parts: str) -> None:
    for part in parts:
        assert part in message, f"{part!r} missing from {message!r}"


def _outside(key: str) -> list[float]:
    low, high = REGISTRY[key].bounds
    margin = max(1, REGISTRY[key].step)
    return [low - margin, high + margin]


BAD_VALUES = [
    pytest.param("pue", math.nan, id="nan"),
    pytest.param("pue", math.inf, id="inf"),
    pytest.param("kw_per_pf", -math.inf, id="minus-inf"),
    pytest.param("co_investment_ratio", "2", id="string"),
    pytest.param("end_year", True, id="bool"),
    pytest.param("fund_deploy_years", False, id="bool-false"),
    pytest.param("gdp_growth_pct", None, id="none"),
    pytest.param("mfg_growth_pct", [3.0], id="list"),
    pytest.param("end_year", 2035.5, id="fraction-for-integer"),
]


@pytest.mark.parametrize("key", list(REGISTRY))
def test_out_of_range_names_key_value_and_range(key):
    scenario = baseline()
    for value in _outside(key):
        with pytest.raises(ParameterError) as caught:
            scenario.replace(**{key: value})
        _assert_names(str(caught.value), key, repr(value), *_range_text(key), "out of range")


@pytest.mark.parametrize(("key", "value"), BAD_VALUES)
def test_bad_value_names_key_value_and_range(key, value):
    with pytest.raises(ParameterError) as caught:
        baseline().replace(**{key: value})
    _assert_names(str(caught.value), key, repr(value), *_range_text(key))


def test_create_validates_too():
    with pytest.raises(ParameterError, match=re.escape("pue = 0.5 is out of range (allowed 1 to 2.5 ratio)")):
        Scenario(values={"pue": 0.5})


def test_unknown_key_is_named():
    with pytest.raises(ScenarioError) as caught:
        baseline().replace(warp_drive_pct=3)
    message = str(caught.value)
    _assert_names(message, "warp_drive_pct", "unknown parameter")
    # The message lists what would have been accepted.
    _assert_names(message, *REGISTRY)


def test_errors_are_value_errors():
    assert issubclass(ScenarioError, ParameterError)
    assert issubclass(PhaseError, ParameterError)
    assert issubclass(ParameterError, ValueError)


def test_values_at_the_bounds_are_accepted():
    scenario = baseline()
    for key, parameter in REGISTRY.items():
        low, high = parameter.bounds
        assert scenario.replace(**{key: low})[key] == low
        assert scenario.replace(**{key: high})[key] == high


def test_integer_parameters_are_held_as_int():
    scenario = baseline().replace(end_year=2031.0, fund_deploy_years=7)
    assert scenario["end_year"] == 2031
    assert isinstance(scenario["end_year"], int)
    assert isinstance(scenario["fund_deploy_years"], int)
    assert isinstance(baseline().replace(pue=2)["pue"], float)


def _phase(**changes) -> dict:
    fields = dict(name="Test phase", owner="private", capacity_pf=1000, start_year=2026, completion_year=2030)
    return {**fields, **changes}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"completion_year": 2025}, "completion_year", id="completion-before-start"),
        pytest.param({"owner": "charity"}, "owner", id="bad-owner"),
        pytest.param({"capacity_pf": -1}, "capacity_pf", id="negative-capacity"),
        pytest.param({"capacity_pf": math.nan}, "capacity_pf", id="nan-capacity"),
        pytest.param({"capacity_pf": True}, "capacity_pf", id="bool-capacity"),
        pytest.param({"capacity_pf": 1e12}, "capacity_pf", id="huge-capacity"),
        pytest.param({"ramp": "exponential"}, "ramp", id="bad-ramp"),
        pytest.param({"start_year": 1999}, "start_year", id="start-too-early"),
        pytest.param({"completion_year": 2099}, "completion_year", id="completion-too-late"),
        pytest.param({"start_year": 2026.5}, "start_year", id="fractional-year"),
    ],
)
def test_bad_phase_names_phase_and_field(changes, field):
    with pytest.raises(PhaseError) as caught:
        Phase(**_phase(**changes))
    _assert_names(str(caught.value), "'Test phase'", field)


def test_phase_needs_a_name():
    with pytest.raises(PhaseError, match="name"):
        Phase(**_phase(name="   "))


def test_completion_before_start_message():
    with pytest.raises(PhaseError) as caught:
        Phase(**_phase(start_year=2030, completion_year=2028))
    _assert_names(str(caught.value), "'Test phase'", "completion_year = 2028", "start_year = 2030")


def test_phases_must_be_phase_objects():
    with pytest.raises(PhaseError):
        baseline().with_phases([_phase()])
    with pytest.raises(PhaseError):
        Scenario(phases=[_phase()])


def test_replace_returns_a_new_scenario_and_leaves_the_original():
    original = baseline()
    before = dict(original.values)
    changed = original.replace(co_investment_ratio=2.0)
    assert changed is not original
    assert changed["co_investment_ratio"] == 2.0
    assert original["co_investment_ratio"] == 3.0
    assert dict(original.values) == before
    assert changed.changed_keys(original) == ["co_investment_ratio"]
    assert original.replace() == original
    assert changed != original


def test_a_failed_replace_loses_nothing():
    original = baseline().replace(pue=1.3)
    with pytest.raises(ParameterError):
        original.replace(pue=1.4, kw_per_pf=-1)
    assert original["pue"] == 1.3
    assert original["kw_per_pf"] == REGISTRY["kw_per_pf"].default


def test_scenario_cannot_be_mutated():
    scenario = baseline()
    with pytest.raises(dataclasses.FrozenInstanceError):
        scenario.name = "Changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        scenario.values["pue"] = 2.0  # type: ignore[index]
    assert isinstance(scenario.phases, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        scenario.phases[0].capacity_pf = 1  # type: ignore[misc]


def test_with_phases_and_renamed_return_new_scenarios():
    original = baseline()
    fewer = original.with_phases(original.phases[:1])
    renamed = original.renamed("Briefing")
    assert len(original.phases) == 4
    assert len(fewer.phases) == 1
    assert fewer.values == original.values
    assert renamed.name == "Briefing"
    assert original.name == "Official plan (Aug 2024)"


def test_a_whole_year_written_as_a_float_is_accepted_as_a_year():
    phase = Phase("Whole", "public", 100, 2026.0, 2028.0)
    assert (phase.start_year, phase.completion_year) == (2026, 2028)
    assert isinstance(phase.start_year, int)
