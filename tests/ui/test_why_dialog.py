"""The "Why did it move?" dialog: a waterfall whose parts add up to the change, and a sorted tornado."""

from __future__ import annotations

import math

import pytest

from hkplanner.core import project
from hkplanner.ui.why_dialog import WhyDialog
from tests.analysis.conftest import PROJECT_BATCH, RANGES
from tests.ui.conftest import slider


def open_dialog(window, qtbot, **kwargs) -> WhyDialog:
    dialog = WhyDialog(window.session, window, projector=PROJECT_BATCH, ranges=RANGES, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def bars(plot):
    from pyqtgraph import BarGraphItem

    return next(item for item in plot.getPlotItem().items if isinstance(item, BarGraphItem))


def test_the_waterfall_splits_the_change_among_the_sliders_moved(window, qtbot, tmp_path):
    slider(window, "private_delay_years").setValue(2)
    slider(window, "pue").setValue(slider(window, "pue").value() - 4)
    dialog = open_dialog(window, qtbot, series="power_mw", year=2030)
    result = dialog.attribution
    assert {player.key for player, _ in result.contributions} == {"private_delay_years", "pue"}
    assert math.fsum(share for _, share in result.contributions) == pytest.approx(result.total, abs=1e-9)
    assert result.current_value == pytest.approx(project(window.session.scenario).at("power_mw", 2030))
    drawn = bars(dialog.waterfall).opts
    assert list(drawn["height"][1:-1]) == pytest.approx([abs(s) for _, s in result.contributions])
    assert drawn["height"][-1] == pytest.approx(result.current_value)
    assert "in the plan" in dialog.summary.text()
    dialog.grab().save(str(tmp_path / "why.png"))


def test_the_tornado_follows_the_chosen_result(window, qtbot):
    dialog = open_dialog(window, qtbot, series="capex_hkd_bn", year=2035)
    swings = [bar.swing for bar in dialog.tornado.bars]
    assert swings == sorted(swings, reverse=True) and swings[0] > 0
    dialog.series.setCurrentIndex(dialog.series.findData("gdp_hkd_bn"))
    assert dialog.tornado.series == "gdp_hkd_bn" and dialog.tornado.bars[0].key == "gdp_growth_pct"
    drawn = bars(dialog.spread).opts
    assert max(drawn["width"]) == pytest.approx(dialog.tornado.bars[0].swing)
