"""Every parameter in the registry is declared completely and consistently."""

from __future__ import annotations

from pathlib import Path

import pytest

from hkplanner.core import GROUPS, REGISTRY, TARGETS, Parameter
from hkplanner.core.parameters import BASES, KINDS
from hkplanner.core.projection import COLUMNS

REQUIRED_KEYS = (
    "compute_demand_growth_pct",
    "kw_per_pf",
    "pue",
    "cost_per_pf_hkd_m",
    "fund_public_hkd_bn",
    "fund_deploy_years",
    "co_investment_ratio",
    "rnd_private_growth_pct",
    "rnd_public_growth_pct",
    "fund_to_rnd_pct",
    "gdp_growth_pct",
    "mfg_growth_pct",
)
PARAMETERS = list(REGISTRY.values())


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_required_slider_exists(key):
    assert key in REGISTRY


@pytest.mark.parametrize("parameter", PARAMETERS, ids=lambda p: p.key)
def test_entry_is_complete(parameter: Parameter):
    for field in ("title", "unit", "doc", "source"):
        text = getattr(parameter, field)
        assert isinstance(text, str)
        assert text.strip(), f"{parameter.key}.{field} is empty"
    assert parameter.kind in KINDS
    assert parameter.kind in ("lever", "assumption")
    assert parameter.group in GROUPS
    assert parameter.basis in BASES
    assert REGISTRY[parameter.key] is parameter


@pytest.mark.parametrize("parameter", PARAMETERS, ids=lambda p: p.key)
def test_bounds_contain_slider_and_default(parameter: Parameter):
    low, high = parameter.bounds
    slider_low, slider_high = parameter.slider
    assert low < high
    assert low <= slider_low < slider_high <= high
    assert low <= parameter.default <= high
    assert slider_low <= parameter.default <= slider_high  # the slider can show the default
    assert parameter.step > 0
    assert parameter.step <= slider_high - slider_low


@pytest.mark.parametrize("parameter", PARAMETERS, ids=lambda p: p.key)
def test_default_is_valid_and_kept(parameter: Parameter):
    assert parameter.validate(parameter.default) == parameter.default
    if parameter.is_integer:
        assert isinstance(parameter.validate(parameter.default), int)
        with pytest.raises(ValueError, match="whole number"):
            parameter.validate(parameter.bounds[0] + 0.5)


def test_levers_and_assumptions_are_both_present():
    kinds = {parameter.kind for parameter in PARAMETERS}
    assert kinds == {"lever", "assumption"}
    assert REGISTRY["co_investment_ratio"].kind == "lever"
    assert REGISTRY["gdp_growth_pct"].kind == "assumption"


def test_decimals_show_one_step():
    assert REGISTRY["co_investment_ratio"].decimals == 2  # step 0.05
    assert REGISTRY["gdp_growth_pct"].decimals == 1  # step 0.1
    assert REGISTRY["fund_deploy_years"].decimals == 0  # step 1


def test_registry_is_read_only():
    with pytest.raises(TypeError):
        REGISTRY["pue"] = REGISTRY["kw_per_pf"]  # type: ignore[index]


def test_targets_refer_to_real_columns_and_parameters():
    assert TARGETS
    for target in TARGETS:
        assert target.metric in COLUMNS
        assert target.comparison in (">=", ">")
        assert target.source.strip()
        if target.year_parameter is not None:
            assert target.year_parameter in REGISTRY


def test_model_documentation_covers_every_parameter():
    text = (Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text(encoding="utf-8")
    missing = [key for key in REGISTRY if f"`{key}`" not in text]
    assert missing == [], f"docs/model.md does not document {missing}"
