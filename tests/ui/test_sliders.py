"""Driving the levers as a user does: keyboard, mouse-free value changes, typing, reset."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QToolButton

from hkplanner.charts import theme
from hkplanner.core import REGISTRY
from tests.ui.conftest import card_text, chart, received, slider


def curve_y(window, chart_name, key):
    return np.array(chart(window, chart_name).curves[key].y, copy=True)


def test_keyboard_on_a_slider_moves_the_chart_and_the_card(window, qtbot):
    before_curve = curve_y(window, "chart_venture", "fund_private_cum_hkd_bn")
    co_invest = slider(window, "co_investment_ratio")
    co_invest.setFocus()
    for _ in range(5):
        qtbot.keyClick(co_invest, Qt.Key.Key_Right)
    assert window.session.scenario["co_investment_ratio"] == 3.25  # 3.0 + 5 steps of 0.05
    after_curve = curve_y(window, "chart_venture", "fund_private_cum_hkd_bn")
    assert after_curve[-1] > before_curve[-1]
    box = window.findChild(QDoubleSpinBox, "co_investment_ratio_value")
    assert box.value() == 3.25


def test_delaying_the_private_build_out_turns_the_private_card_red(window, qtbot):
    assert "✓ Met" in card_text(window, "compute_private_2030")
    delay = slider(window, "private_delay_years")
    delay.setFocus()
    qtbot.keyClick(delay, Qt.Key.Key_Right)
    qtbot.keyClick(delay, Qt.Key.Key_Right)
    text = card_text(window, "compute_private_2030")
    # The target counts the Northern Metropolis only: 6,480 PF there, not the 8,480 PF of all private capacity.
    assert "✗ Short by 3,520 PF" in text
    assert "8,480 PF in 2030" not in text and "6,480 PF in 2030" in text
    stacked_top = chart(window, "chart_compute").stack.tops[-1]
    assert stacked_top[2030 - 2024] == 11480  # Cyberport 3,000 + 8,480 private


def test_a_cards_verdict_shows_in_its_colours(window, qtbot):
    card = window.cards.cards["compute_private_2030"]
    strip = card.grab().toImage()
    assert strip.pixelColor(2, card.height() // 2).name().upper() == theme.MET
    assert card.status.colour().name().upper() == theme.MET
    slider(window, "private_delay_years").setValue(2)
    qtbot.waitUntil(lambda: card.grab().toImage().pixelColor(2, card.height() // 2).name().upper() == theme.MISSED)
    assert card.status.colour().name().upper() == theme.MISSED
    window.session.undo_stack.undo()
    assert card.verdict_colour().name().upper() == theme.MET


def test_every_step_of_a_drag_redraws_while_the_slider_moves(window, qtbot):
    growth = slider(window, "mfg_growth_pct")
    seen = []
    for position in range(growth.value(), growth.value() + 30, 3):
        growth.setValue(position)  # what a drag emits, one valueChanged per position
        seen.append(chart(window, "chart_mfg").curves["mfg_share_gdp_pct"].y[-1])
    assert len(set(seen)) == len(seen), "the chart did not follow every slider position"
    assert seen == sorted(seen)


def test_typing_a_number_works_as_well_as_dragging(window, qtbot):
    box = window.findChild(QDoubleSpinBox, "fund_public_hkd_bn_value")
    box.selectAll()
    qtbot.keyClicks(box, "4.5")
    assert window.session.scenario["fund_public_hkd_bn"] == 1.5, "a half-typed number must not be applied"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.session.scenario["fund_public_hkd_bn"] == 4.5
    assert slider(window, "fund_public_hkd_bn").value() == 45  # 0 to 10 in steps of 0.1
    assert curve_y(window, "chart_venture", "fund_public_cum_hkd_bn")[-1] == 4.802  # 0.302 invested by 2024 + 4.5


def test_typed_value_beyond_the_slider_range_is_kept(window, qtbot):
    window.session.set("co_investment_ratio", 8)  # within the hard bounds (0-10), beyond the slider's 0-5
    assert window.findChild(QDoubleSpinBox, "co_investment_ratio_value").value() == 8
    assert slider(window, "co_investment_ratio").value() == slider(window, "co_investment_ratio").maximum()
    assert window.session.scenario["co_investment_ratio"] == 8


def test_reset_restores_the_default_and_the_chart(window, qtbot):
    baseline_curve = curve_y(window, "chart_power", "power_mw")
    pue = slider(window, "pue")
    pue.setValue(pue.maximum())
    assert not np.array_equal(curve_y(window, "chart_power", "power_mw"), baseline_curve)
    reset = window.findChild(QToolButton, "pue_reset")
    assert reset.isEnabled()
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert window.session.scenario["pue"] == REGISTRY["pue"].default
    assert np.array_equal(curve_y(window, "chart_power", "power_mw"), baseline_curve)
    assert not reset.isEnabled()


def test_reset_all_returns_to_the_plan(window, qtbot):
    slider(window, "pue").setValue(3)
    slider(window, "gdp_growth_pct").setValue(0)
    qtbot.waitUntil(lambda: "Changed from the plan" in window.status.text())
    assert "Power usage effectiveness (PUE): 1.6 ratio → 1.2 ratio" in window.status.text()  # slider from 1.05
    qtbot.mouseClick(window.panel.reset_all, Qt.MouseButton.LeftButton)
    assert window.session.scenario == window.session.baseline
    qtbot.waitUntil(lambda: window.status.text().startswith("The plan's baseline"))


def test_model_to_view_writes_widgets_without_echoing_back(window, qtbot):
    emitted = []
    window.session.changed.connect(lambda: emitted.append(window.session.scenario["kw_per_pf"]))
    window.session.set("kw_per_pf", 2.0)
    assert emitted == [2.0], "one model change must give exactly one update"
    assert window.findChild(QDoubleSpinBox, "kw_per_pf_value").value() == 2.0
    assert slider(window, "kw_per_pf").value() == round((2.0 - 0.1) / 0.01)


def test_baseline_ghost_stays_while_the_scenario_moves(window, qtbot):
    power = chart(window, "chart_power")
    ghost = np.array(power.ghosts["power_mw"].y, copy=True)
    slider(window, "kw_per_pf").setValue(slider(window, "kw_per_pf").maximum())
    assert np.array_equal(power.ghosts["power_mw"].y, ghost)
    assert power.curves["power_mw"].y[-1] > ghost[-1]


def test_longer_horizon_extends_charts_and_ghosts(window, qtbot):
    slider(window, "end_year").setValue(slider(window, "end_year").maximum())
    power = chart(window, "chart_power")
    assert power.curves["power_mw"].x[-1] == 2040
    assert power.ghosts["power_mw"].x[-1] == 2040
    assert power.getPlotItem().vb.viewRange()[0][1] > 2040


def test_a_target_due_after_the_horizon_is_judged_in_its_own_year(window, qtbot):
    slider(window, "end_year").setValue(0)  # 2030
    slider(window, "mfg_target_year").setValue(slider(window, "mfg_target_year").maximum())  # 2040
    text = card_text(window, "mfg_share")
    assert "by 2040" in text and "✗ Short by" in text and "in 2040" in text  # the end year moves charts only


def test_a_slider_step_repaints_what_changed_not_the_window_beneath(window, qtbot):
    """Charts and cards paint all of themselves: a step repaints them, never the main window under them."""
    delay = slider(window, "private_delay_years")
    delay.setValue(1)
    qtbot.wait(600)  # the status line, the charts' ranges and any window-wide repaint catch up
    with received(QEvent.Type.Paint) as repainted:
        for position in (2, 3, 4):  # quick steps, as a drag makes them (the status line waits for a pause)
            delay.setValue(position)
            for _ in range(4):
                QApplication.processEvents()
    assert chart(window, "chart_compute").viewport() in repainted, "the changed chart repainted"
    assert window.cards.cards["compute_private_2030"] in repainted, "so did its card"
    assert window not in repainted, [(type(w).__name__, w.objectName()) for w in repainted]


def test_a_step_that_grows_a_range_paints_the_chart_once(window, qtbot):
    """pyqtgraph moves the items to a new range when it next paints, which painted the chart twice."""
    mfg = chart(window, "chart_mfg")
    top = mfg.getPlotItem().vb.viewRange()[1][1]
    growth = slider(window, "mfg_growth_pct")
    with received(QEvent.Type.Paint) as repainted:
        growth.setValue(growth.maximum())
        for _ in range(8):
            QApplication.processEvents()
    assert mfg.getPlotItem().vb.viewRange()[1][1] > top, "the range grew"
    assert repainted.count(mfg.viewport()) == 1


def test_a_changed_parameter_is_marked_without_re_laying_out_the_panel(window, qtbot):
    """Its title turns bold on the first step away from the default: a repaint of the title, no new layout."""
    from hkplanner.ui.parameter_row import ParameterRow

    row = window.findChild(ParameterRow, "private_delay_years_row")
    assert not row.title.is_emphasised()
    with received(QEvent.Type.LayoutRequest) as laid_out:
        slider(window, "private_delay_years").setValue(2)
        for _ in range(4):
            QApplication.processEvents()
    assert row.title.is_emphasised() and row.title.font().bold()
    assert row not in laid_out, "the row keeps its layout"
    row.reset.click()
    assert not row.title.is_emphasised()
