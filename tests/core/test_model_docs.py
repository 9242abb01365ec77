"""`docs/model.md`: its tables are generated from the registry and the model, and the figures its text
names are the model's."""

from __future__ import annotations

import pytest

from hkplanner.core import baseline, project
from hkplanner.core.model_docs import DOCUMENT, blocks, regenerated


@pytest.fixture(scope="module")
def text() -> str:
    return DOCUMENT.read_text(encoding="utf-8")


def test_generated_tables_match_the_registry_and_the_model(text):
    assert regenerated(text) == text, "run `python -m hkplanner.core.model_docs` to regenerate docs/model.md"
    for name in blocks():
        assert f"<!-- generated: {name} -->" in text, name


@pytest.fixture(scope="module")
def base():
    return project(baseline())


@pytest.mark.parametrize(
    ("quoted", "key", "year", "decimals"),
    [
        ("2,150 PF at the end of 2025", "capacity_public_pf", 2025, 0),
        ("HK$2.69 bn by 2030", "capex_hkd_bn", 2030, 2),
        ("HK$4.09 bn by 2035", "capex_hkd_bn", 2035, 2),
        ("11.4 MW at the IT level", "power_it_mw", 2030, 1),
        ("18.2 MW at the\nfacility", "power_mw", 2030, 1),
        ("HK$1.802 bn public", "fund_public_cum_hkd_bn", 2030, 3),
        ("HK$7.2 bn private", "fund_private_cum_hkd_bn", 2030, 1),
        ("33.5% in 2030", "rnd_private_share_pct", 2030, 1),
        ("28.9% in 2035", "rnd_private_share_pct", 2035, 1),
        ("HK$5.15 bn by 2030", "public_outlay_cum_hkd_bn", 2030, 2),
        ("HK$5.43 bn by 2035", "public_outlay_cum_hkd_bn", 2035, 2),
    ],
)
def test_figures_in_the_text_come_from_the_model(text, base, quoted, key, year, decimals):
    assert quoted in text
    figure = f"{base.at(key, year):,.{decimals}f}"
    assert figure in quoted, f"{quoted!r} but the model gives {figure}"


def test_scenario_figures_in_the_text(text):
    trend = project(baseline().replace(mfg_no_push_trend=1)).at("mfg_share_no_push_pct", 2032)
    assert f"about {trend:.2f}% by 2032" in text
    for ratio in (1, 3):
        share = project(baseline().replace(co_investment_ratio=ratio)).at("rnd_private_share_pct", 2030)
        assert f"{share:.2f}% at" in text
    late = project(baseline().replace(private_delay_years=1)).at("capacity_northern_metropolis_pf", 2030)
    assert f"missed at {late:,.0f} PF" in text
