"""The ensemble: reproducible, ordered bands, and a collapsed range gives the deterministic projection."""

from __future__ import annotations

import numpy as np
import pytest

from hkplanner.analysis.ensemble import ensemble, latin_hypercube, triangular_quantile
from hkplanner.analysis.inputs import Range, around
from hkplanner.core import TARGETS, baseline, project


def test_the_same_seed_gives_the_same_bands_and_another_seed_does_not(project_batch, ranges):
    first = ensemble(baseline(), 200, seed=7, projector=project_batch, ranges=ranges)
    again = ensemble(baseline(), 200, seed=7, projector=project_batch, ranges=ranges)
    other = ensemble(baseline(), 200, seed=8, projector=project_batch, ranges=ranges)
    for key, band in first.bands.items():
        np.testing.assert_array_equal(band, again.bands[key])
    assert first.probability == again.probability
    assert not np.array_equal(first.bands["demand_pf"], other.bands["demand_pf"])


def test_p10_p50_p90_are_ordered_in_every_series_and_year(project_batch, ranges):
    bands = ensemble(baseline(), 300, seed=1, projector=project_batch, ranges=ranges)
    for key in bands.bands:
        p10, p50, p90 = (bands.band(key, p) for p in (10, 50, 90))
        finite = np.isfinite(p50)
        assert np.all(p10[finite] <= p50[finite]) and np.all(p50[finite] <= p90[finite]), key
    demand_2035 = bands.band("demand_pf", 90)[-1] - bands.band("demand_pf", 10)[-1]
    assert demand_2035 > 1000, "an uncertain demand growth spreads the 2035 demand"


def test_ranges_collapsed_to_a_point_give_the_deterministic_projection(project_batch, ranges):
    scenario = baseline().replace(pue=1.4, co_investment_ratio=2.0)
    points = {key: Range(likely, likely, likely) for key, (_, likely, _) in ranges.items()}
    bands = ensemble(scenario, 50, seed=3, projector=project_batch, ranges=points)
    deterministic = project(scenario)
    for key in bands.bands:
        for percentile in (10, 50, 90):
            np.testing.assert_array_equal(bands.band(key, percentile), deterministic[key])
    assert bands.probability == {r.target.key: float(r.met) for r in deterministic.targets}


def test_target_probability_is_the_share_of_draws_that_meet_it(project_batch, ranges):
    growth = {key: ranges[key] for key in ("gdp_growth_pct", "rnd_private_growth_pct")}
    scenario = baseline().replace(mfg_growth_pct=23.6)  # 5% of GDP by 2032 hangs on GDP growth
    bands = ensemble(scenario, 60, seed=2, projector=project_batch, ranges=growth)
    draws = latin_hypercube(around(scenario, growth), 60, seed=2)
    met = {target.key: 0 for target in TARGETS}
    for row in range(60):
        for judged in project(scenario.replace(**{key: float(draws[key][row]) for key in growth})).targets:
            met[judged.target.key] += judged.met
    assert bands.probability == {key: count / 60 for key, count in met.items()}
    assert 0 < bands.probability["mfg_share"] < 1


def test_the_latin_hypercube_puts_one_draw_in_each_stratum():
    draws = latin_hypercube({"a": Range(0.0, 0.5, 1.0), "b": Range(2.0, 2.0, 6.0)}, 40, seed=5)
    for key, (low, likely, high) in {"a": (0, 0.5, 1), "b": (2, 2, 6)}.items():
        strata = np.floor(_triangular_cdf(draws[key], low, likely, high) * 40)
        assert sorted(strata) == list(range(40)), key


def test_the_triangular_quantile_has_its_mode_and_median():
    p = np.linspace(0, 1, 100_001)
    values = triangular_quantile(p, 0.0, 1.0, 4.0)
    assert values[0] == 0 and values[-1] == pytest.approx(4.0) and values[25_000] == pytest.approx(1.0)
    assert np.median(values) == pytest.approx(4 - np.sqrt(6), abs=1e-4)  # the median of (0, 1, 4)


def _triangular_cdf(x, low, likely, high):
    width = high - low
    below = (x - low) ** 2 / (width * (likely - low)) if likely > low else np.zeros_like(x)
    above = 1 - (high - x) ** 2 / (width * (high - likely))
    return np.clip(np.where(x < likely, below, above), 0, 1 - 1e-12)


def test_bands_skip_constant_years_without_changing_any_percentile():
    from hkplanner.analysis.ensemble import _bands

    rng = np.random.default_rng(9)
    draws = {"a": np.hstack([np.full((500, 3), 7.0), rng.random((500, 4))]), "b": rng.normal(size=(500, 5))}
    draws["b"][:, 2] = np.nan  # a year with no figure stays without one
    draws["b"][:250, 3] = np.nan  # and a year with some draws unknown has no percentiles
    bands = _bands(draws)
    for key, values in draws.items():
        np.testing.assert_array_equal(bands[key], np.percentile(values, (10, 50, 90), axis=0))
