"""The baseline scenario reproduces the plan's figures and the official history."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import numpy as np
import pytest

from hkplanner.core import REGISTRY, baseline, project
from hkplanner.core.history import HISTORY

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_COLUMNS = (
    "capacity_total_pf",
    "capacity_public_pf",
    "capacity_private_pf",
    "demand_pf",
    "power_mw",
    "capex_hkd_bn",
    "fund_public_cum_hkd_bn",
    "fund_private_cum_hkd_bn",
    "startups_backed",
    "rnd_total_hkd_bn",
    "rnd_private_share_pct",
    "gdp_hkd_bn",
    "mfg_share_gdp_pct",
    "is_history",
)
# Projection column <- seed series, and the factor that converts the seed's unit to the column's.
HISTORY_COLUMNS = {
    "rnd_total_hkd_bn": ("gerd_hkd_m", 1 / 1000),
    "rnd_private_hkd_bn": ("business_rnd_hkd_m", 1 / 1000),
    "gdp_hkd_bn": ("gdp_hkd_m", 1 / 1000),
    "mfg_share_gdp_pct": ("mfg_share_gdp_pct", 1.0),
    "fund_public_cum_hkd_bn": ("fund_public_cum_hkd_bn", 1.0),
    "fund_private_cum_hkd_bn": ("fund_private_cum_hkd_bn", 1.0),
    "startups_backed": ("startups_backed", 1.0),
}


@pytest.fixture(scope="module")
def base():
    return project(baseline())


@pytest.fixture(scope="module")
def seeds_history() -> dict:
    """The history seed read straight from the file, independently of `hkplanner.core.history`."""
    with open(ROOT / "seeds" / "history.toml", "rb") as handle:
        return tomllib.load(handle)


def result(projection, key):
    (found,) = [r for r in projection.targets if r.target.key == key]
    return found


def test_baseline_takes_every_default():
    scenario = baseline()
    assert dict(scenario.values) == {key: parameter.default for key, parameter in REGISTRY.items()}
    assert len(scenario.phases) == 4
    assert sum(phase.capacity_pf for phase in scenario.phases) == 15_000


def test_compute_reaches_the_plans_figures(base):
    assert base.at("capacity_total_pf", 2030) == pytest.approx(15_000)
    assert base.at("capacity_northern_metropolis_pf", 2030) == pytest.approx(10_000)
    assert base.at("capacity_public_pf", 2026) == pytest.approx(3_000)
    assert base.at("capacity_public_pf", 2024) == pytest.approx(HISTORY["cyberport_pf"].at(2024))  # calibrated
    assert base.at("demand_pf", 2025) == pytest.approx(HISTORY["compute_total_pf"].at(2025))
    assert base.at("demand_pf", 2030) == pytest.approx(15_000)  # the demand curve passes through the estimate


def test_fund_starts_from_the_record(base):
    assert base.at("fund_public_cum_hkd_bn", 2024) == pytest.approx(0.302)
    assert base.at("fund_private_cum_hkd_bn", 2024) == pytest.approx(2.7)
    assert base.at("startups_backed", 2024) == pytest.approx(37)
    # The record is a single year-end figure: nothing is invented before it.
    assert np.isnan(base["fund_public_cum_hkd_bn"][base.years < 2024]).all()


def test_history_years_equal_the_official_series(base, seeds_history):
    history = base.is_history
    for column, (seed_key, factor) in HISTORY_COLUMNS.items():
        expected = np.full(history.sum(), np.nan)
        for year, value in seeds_history[seed_key]["values"].items():
            if int(year) <= 2024:
                expected[int(year) - 2013] = value * factor
        np.testing.assert_allclose(base[column][history], expected, rtol=1e-12, err_msg=column)


def test_named_history_figures(base):
    assert base.at("rnd_total_hkd_bn", 2024) == pytest.approx(35.7719)
    assert base.at("rnd_total_hkd_bn", 2013) == pytest.approx(15.6133)
    assert base.at("rnd_private_hkd_bn", 2024) == pytest.approx(13.906)
    assert base.at("gdp_hkd_bn", 2023) == pytest.approx(2981.601)
    assert base.at("gdp_hkd_bn", 2024) == pytest.approx(3176.0)
    assert base.at("mfg_share_gdp_pct", 2013) == pytest.approx(1.4)
    assert base.at("mfg_share_gdp_pct", 2023) == pytest.approx(1.0)
    assert math.isnan(base.at("mfg_share_gdp_pct", 2015))  # unpublished: a gap, not a number
    assert math.isnan(base.at("rnd_private_hkd_bn", 2023))
    assert base.at("rnd_private_share_pct", 2024) == pytest.approx(100 * 13.906 / 35.7719)
    assert HISTORY["compute_total_pf"].at(2025) == 5000


def test_target_results(base):
    assert result(base, "compute_total_2030").met
    assert result(base, "compute_total_2030").first_year_met == 2030
    assert result(base, "compute_private_2030").met
    assert result(base, "compute_public_2026").met
    assert result(base, "compute_public_2026").first_year_met == 2026

    rnd = result(base, "rnd_private_share")
    assert not rnd.met
    assert rnd.first_year_met is None
    assert rnd.due_year == 2030
    assert rnd.shortfall == pytest.approx(50 - base.at("rnd_private_share_pct", 2030))

    mfg = result(base, "mfg_share")
    assert not mfg.met
    assert mfg.due_year == 2032
    assert mfg.value == pytest.approx(1.0)
    assert mfg.shortfall == pytest.approx(4.0)


def test_manufacturing_growth_the_target_needs(base):
    # From 1.0% in 2023 to 5% in 2032 (nine years) while the rest of the economy grows 2.9% a year:
    # manufacturing must grow (5 / 95) / (1 / 99) times as much as the rest.
    assert base.mfg_growth_required_pct == pytest.approx(100 * (1.029 * (5 / 95 * 99) ** (1 / 9) - 1))
    assert base.mfg_growth_required_pct == pytest.approx(23.6, abs=0.1)


def test_documented_baseline_figures(base):
    """The figures `docs/model.md` quotes come from the model: the document's table is checked against
    it in tests/core/test_model_docs.py; these are the ones its text names."""
    assert base.at("capacity_total_pf", 2025) == pytest.approx(4_150)
    assert base.at("capacity_public_pf", 2025) == pytest.approx(2_150)
    assert base.at("capacity_northern_metropolis_pf", 2029) == pytest.approx(8_960)
    assert base.at("capacity_private_pf", 2030) == pytest.approx(12_000)
    assert base.at("power_mw", 2030) == pytest.approx(15_000 * 0.76 * 1.6 / 1000)
    assert base.at("fund_public_cum_hkd_bn", 2030) == pytest.approx(0.302 + 1.5)
    assert base.at("fund_private_cum_hkd_bn", 2030) == pytest.approx(2.7 + 4.5)
    with_delay = project(baseline().replace(private_delay_years=1))
    assert with_delay.at("capacity_northern_metropolis_pf", 2030) == pytest.approx(8_960)
    assert with_delay.at("capacity_other_private_pf", 2030) == pytest.approx(2_000)


def test_frame_has_one_row_per_year(base):
    frame = base.frame
    assert list(frame.index) == list(range(2013, 2036))
    assert frame.index.name == "year"
    assert set(REQUIRED_COLUMNS) <= set(frame.columns)
    assert frame["is_history"].dtype == bool
    assert frame.loc[:2024, "is_history"].all()
    assert not frame.loc[2025:, "is_history"].any()
    np.testing.assert_array_equal(frame["capacity_total_pf"].to_numpy(), base["capacity_total_pf"])
    assert frame.attrs["units"]["capacity_total_pf"] == "PF"


@pytest.mark.parametrize("end_year", [2030, 2031, 2035, 2040])
def test_end_year_sets_the_row_count(end_year):
    projection = project(baseline().replace(end_year=end_year))
    assert len(projection.frame) == end_year - 2013 + 1
    assert projection.years[-1] == end_year
    assert all(len(array) == len(projection.years) for array in projection.series.values())
    assert projection.phase_capacity_pf.shape == (4, len(projection.years))
