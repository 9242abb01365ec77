"""Charts as people read them: legends with every series' full name, beside the plot and not over it;
axes that follow the data and carry thousands separators; a log scale for very large phases; hover
values; targets drawn against the line they are about; cumulative costs that say their year."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF

from hkplanner.charts import theme
from hkplanner.charts.chart import SETTLE_MS
from hkplanner.core import Phase
from hkplanner.core.formatting import quantity
from hkplanner.core.presets import presets
from tests.ui.conftest import card_text, chart, slider

SANDY_RIDGE = Phase("Sandy Ridge data park", "private", 180_000, 2026, 2032)


def add_sandy_ridge(window) -> None:
    window.session.set_phases((*window.session.scenario.phases, SANDY_RIDGE))


def test_legends_hold_every_series_full_name_through_pins_and_unpins(window, qtbot):
    pins = [opened.document.scenario.name for opened in presets()[:4]]
    for action in window.menus.pin_preset_menu.actions()[:4]:
        action.trigger()
    add_sandy_ridge(window)
    for each in window.charts:
        names = each.legend.names()
        for line in each.spec.lines:
            assert line.label in names, (each.objectName(), line.label)
        assert "The plan" in names
        assert all(pin in names for pin in pins), (each.objectName(), names)
        legend = each.legend
        qtbot.waitUntil(lambda legend=legend: legend.height() >= legend.heightForWidth(legend.width()))  # none cut
    compute = chart(window, "chart_compute").legend.names()
    for phase in window.session.scenario.phases:
        assert phase.name in compute  # "Cyberport AI Supercomputing Centre", not "Cyberport AI Superc…"
    window.session.unpin(0)
    for each in window.charts:
        names = each.legend.names()
        assert pins[0] not in names and all(pin in names for pin in pins[1:])


def test_legends_sit_under_the_plot_not_over_the_lines(window):
    for each in window.charts:
        assert each.legend.parentWidget() is each.parentWidget()
        assert not each.legend.geometry().intersects(each.geometry())
        assert each.legend.geometry().top() >= each.geometry().bottom()


def test_ticks_have_thousands_separators(window):
    axis = chart(window, "chart_compute").getPlotItem().getAxis("left")
    assert axis.tickStrings([0, 20_000, 40_000], 1, 20_000) == ["0", "20,000", "40,000"]
    assert axis.tickStrings([0.5, 1.0], 1, 0.5) == ["0.5", "1.0"]


def test_value_ticks_are_round_and_all_labelled(window):
    """One level of round ticks, about every 30 pixels at least: 0, 5 ... 25 on a 250-pixel axis to 25."""
    axis = chart(window, "chart_power").getPlotItem().getAxis("left")
    assert axis.tickValues(0, 25, 250) == [(5, [0, 5, 10, 15, 20, 25])]
    assert axis.tickValues(0, 8, 250) == [(1, [0, 1, 2, 3, 4, 5, 6, 7, 8])]
    ((spacing, values),) = axis.tickValues(0, 120_000, 150)
    assert spacing == 50_000 and values == [0, 50_000, 100_000]
    ((spacing, values),) = axis.tickValues(1.01, 1.3, 300)
    assert spacing == 0.05 and values[0] == pytest.approx(1.05) and values[-1] == pytest.approx(1.3)


def y_top(each) -> float:
    return each.getPlotItem().vb.viewRange()[1][1]


def test_ranges_follow_the_data_back_down(window, qtbot):
    mfg = chart(window, "chart_mfg")
    start = y_top(mfg)
    growth = slider(window, "mfg_growth_pct")
    growth.setValue(growth.maximum())
    assert y_top(mfg) > 2 * start, "a range grows at once"
    assert np.nanmax(mfg.curves["mfg_share_gdp_pct"].y) <= y_top(mfg) / 1.1 + 1e-9, "headroom above the data"
    growth.setValue(0)
    window.session.reset_all()
    qtbot.waitUntil(lambda: y_top(mfg) == start)  # back to the plan, back to the plan's range, once changes pause


def test_a_range_fits_the_data_again_only_once_every_change_pauses(window, qtbot):
    """Fitting a range costs a repaint: not while the user goes on changing other things."""
    mfg = chart(window, "chart_mfg")
    start = y_top(mfg)
    growth = slider(window, "mfg_growth_pct")
    growth.setValue(growth.maximum())
    growth.setValue(growth.minimum() + 1)
    grown = y_top(mfg)
    pue = slider(window, "pue")
    for step in range(1, 9):  # another lever, moved for a while
        pue.setValue(pue.minimum() + step)
        qtbot.wait(SETTLE_MS // 3)
        assert y_top(mfg) == grown
    qtbot.waitUntil(lambda: y_top(mfg) < grown)
    assert y_top(mfg) <= start


def test_while_a_slider_is_held_the_range_only_grows_and_fits_on_release(window):
    mfg = chart(window, "chart_mfg")
    start = y_top(mfg)
    growth = slider(window, "mfg_growth_pct")
    position = growth.value()
    growth.setSliderDown(True)
    growth.sliderPressed.emit()
    growth.setValue(growth.maximum())
    grown = y_top(mfg)
    assert grown > start
    growth.setValue(position)
    assert y_top(mfg) == grown, "held: no re-ranging on the way back"
    growth.setSliderDown(False)
    growth.sliderReleased.emit()
    assert y_top(mfg) == start


def test_a_log_scale_keeps_small_phases_visible_beside_a_very_large_one(window, qtbot):
    compute = chart(window, "chart_compute")
    add_sandy_ridge(window)
    first = window.session.scenario.phases[0].capacity_pf
    cyberport_top = compute.stack.tops[0][2030 - 2024]
    assert cyberport_top / y_top(compute) < 0.03, "on a linear scale the first phase is a sliver"
    compute.log_box.click()
    assert compute.getPlotItem().getAxis("left").logMode
    assert compute.stack.tops[0][2030 - 2024] == np.log10(first)
    assert compute.stack.tops[0][2030 - 2024] / y_top(compute) > 0.5
    assert compute.getPlotItem().getAxis("left").tickStrings([2, 3, 4], 1, 1) == ["100", "1,000", "10,000"]
    compute.log_box.click()
    assert compute.stack.tops[0][2030 - 2024] == first


def test_hovering_shows_the_year_and_every_series_value(window):
    power = chart(window, "chart_power")
    window.menus.pin_preset_menu.actions()[1].trigger()
    pin = window.session.pins[0].label
    view = power.getPlotItem().vb
    point = view.mapViewToScene(QPointF(2030.2, 5))
    power.scene().sigMouseMoved.emit(point)
    text = power.hover.text()
    assert text.startswith("2030")
    power_2030 = quantity(window.session.projection.at("power_mw", 2030), "MW")
    assert f"Power: {power_2030}" in text and f"The plan: {power_2030}" in text and f"{pin}:" in text
    power.scene().sigMouseMoved.emit(QPointF(-50, -50))
    assert power.hover.text() == ""
    compute = chart(window, "chart_compute")
    compute.hover.show_year(2030)
    for phase in window.session.scenario.phases:
        assert phase.name in compute.hover.text()
    assert "Total: 15,000 PF" in compute.hover.text()


def test_the_private_target_is_drawn_against_private_capacity(window):
    compute = chart(window, "chart_compute")
    assert "capacity_private_pf" in compute.curves
    stars = compute.stars.data
    private = next(s for s in stars if s["y"] == 10_000)
    assert private["brush"].color().name().upper() == theme.VERMILLION
    assert compute.curves["capacity_private_pf"].y[2030 - 2024] == 12_000
    assert "Private target" in compute.legend.names() and "Private capacity" in compute.legend.names()


def test_cumulative_cost_says_by_which_year_and_money_says_its_prices(window):
    capex = chart(window, "chart_capex")
    spent = window.session.projection.at("capex_hkd_bn", 2035)
    assert capex.end_text.toPlainText() == f"Capital cost: HK${spent:,.2f} bn spent by 2035"
    slider(window, "private_delay_years").setValue(2)
    assert capex.end_text.toPlainText().endswith("spent by 2035")
    for name in ("chart_capex", "chart_venture"):
        assert "nominal" in chart(window, name).title.text()
    assert isinstance(capex.end_text, pg.TextItem)


@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000)])
def test_the_cost_label_stays_inside_its_plot(window, qtbot, size):
    """On a laptop the chart is narrower than the label: it wraps rather than lose its first words."""
    window.resize(*size)
    capex = chart(window, "chart_capex")

    def inside() -> bool:
        plot = capex.getPlotItem().vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
        return plot.contains(capex.end_text.sceneBoundingRect())

    qtbot.waitUntil(inside)
    assert capex.end_text.toPlainText().startswith("Capital cost: HK$")


def test_cards_show_no_false_precision(window):
    add_sandy_ridge(window)
    total = window.session.projection.at("capacity_total_pf", 2030)
    assert round(total) == 143_571
    text = card_text(window, "compute_total_2030")
    assert "144,000 PF" in text and "143,571" not in text


def test_the_range_makes_room_for_the_uncertainty_bands_and_gives_it_back(window):
    from hkplanner.analysis.ensemble import ensemble
    from hkplanner.charts.bands import ChartBands

    compute = chart(window, "chart_compute")
    lines_only = y_top(compute)
    result = ensemble(window.session.scenario, 200, 0)
    bands = ChartBands(compute)
    bands.show(result)
    bands.set_visible(True)
    highest = float(np.nanmax(result.band("demand_pf", 90)))
    assert highest > lines_only, "the demand band reaches above the lines"
    assert y_top(compute) >= highest
    bands.set_visible(False)
    compute.hold_range(False)  # as when the slider is let go: the range fits what is drawn
    assert y_top(compute) == lines_only


def test_markers_bounds_follow_their_data_and_the_range(window):
    """Markers keep their bounding rectangle between changes: a new scale must still renew it."""
    compute = chart(window, "chart_compute")
    observed = compute.observed

    def every_point_inside() -> bool:
        rect = observed.boundingRect()
        return all(rect.contains(QPointF(x, y)) for x, y in zip(*observed.getData(), strict=True))

    linear = observed.boundingRect()
    assert every_point_inside()
    compute.log_box.setChecked(True)
    assert observed.boundingRect() != linear and every_point_inside()
    compute.log_box.setChecked(False)
    assert every_point_inside()
