"""The briefing pack's analysis, read back with a PDF reader: the chance of meeting each target, the bands on
the charts, and the page that splits each moved target's change from the plan into each decision's part."""

from __future__ import annotations

import re

import numpy as np
import pytest

from hkplanner.analysis.attribution import attribute
from hkplanner.analysis.ensemble import ensemble
from hkplanner.charts.bands import banded
from hkplanner.core import TARGETS, baseline
from hkplanner.core.scenario_file import ScenarioDocument
from hkplanner.export.pdf import briefing_pdf
from hkplanner.export.why_page import HEADING, NOTHING
from tests.export.conftest import EXPORTED_AT
from tests.export.test_pdf import page_texts

DRAWS = 40
FIGURE = r"([+−]?[\d,]+\.\d\d)"


def number(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-"))


@pytest.fixture
def texts(qapp, document, tmp_path):
    return page_texts(briefing_pdf(document, tmp_path / "pack.pdf", exported_at=EXPORTED_AT, draws=DRAWS))


def test_targets_table_gives_each_targets_chance(texts, document):
    targets = texts[1]
    assert "Chance of meeting it" in targets
    chances = ensemble(document.scenario, DRAWS).probability
    assert "Met: 3,000 PF same as the plan 100%" in targets  # the Cyberport centre, already built
    for target in TARGETS:
        row = targets.split(target.title, 1)[1]
        assert re.search(rf"(same as the plan|PF|pts) {chances[target.key]:.0%}", row), target.key
    assert f"share of {DRAWS} projections" in targets


def test_why_page_parts_add_up_to_the_difference_from_the_plan(texts, document):
    why = next(text for text in texts if HEADING in text)
    assert "Delay to private build-out" in why
    sections = why.split("Decision Part of the change")[1:]
    assert len(sections) == 2, "the two compute targets moved; the others did not"
    for section in sections:
        plan = number(re.search(rf"The plan's baseline {FIGURE}", section)[1])
        scenario = number(re.search(rf"This scenario {FIGURE}", section)[1])
        parts = [number(found) for found in re.findall(rf"Delay to private build-out {FIGURE}", section)]
        assert parts and sum(parts) == pytest.approx(scenario - plan, abs=0.01 * len(parts))
        assert scenario != plan
    result = attribute(baseline(), document.scenario, "capacity_private_pf", 2030)
    assert f"{result.total:,.2f}".replace("-", "−") in why


def test_an_unchanged_scenario_has_nothing_to_attribute(qapp, tmp_path):
    path = briefing_pdf(ScenarioDocument(baseline()), tmp_path / "plan.pdf", exported_at=EXPORTED_AT, draws=DRAWS)
    why = next(text for text in page_texts(path) if HEADING in text)
    assert NOTHING in why
    assert "Decision Part of the change" not in why


def test_charts_carry_bands_only_for_the_pack(qapp, document, charts, tmp_path):
    """Charts lent by the caller (as the export command does) come back without the pack's bands."""
    plots = [chart.getPlotItem() for chart in charts]
    before = [len(plot.items) for plot in plots]
    briefing_pdf(document, tmp_path / "pack.pdf", charts=charts, exported_at=EXPORTED_AT, draws=DRAWS)
    assert [len(plot.items) for plot in plots] == before


def test_banded_charts_show_the_scenarios_p10_to_p90(qapp, document, charts):
    result = ensemble(document.scenario, DRAWS)
    with banded(charts, result) as bands:
        power = next(band for band in bands if "power_mw" in band.bands)
        fill, _ = power.bands["power_mw"]
        assert power.layer.isVisible()
        np.testing.assert_allclose(fill.high, result.band("power_mw", 90)[power.offset :])
        assert np.all(fill.low <= fill.high) and np.any(fill.low < fill.high)
        assert "Uncertainty: P10–P90 shaded, P50 dashed" in power.chart.legend.names(), (
            "the pack says what the shading is"
        )
    assert "Uncertainty: P10–P90 shaded, P50 dashed" not in power.chart.legend.names()
