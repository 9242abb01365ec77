"""Keyboard operation: Tab walks every control in reading order and leaves the phase table; a focused
slider moves with the arrows and PageUp/PageDown; the focused control is marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSlider

from hkplanner.core import REGISTRY
from tests.ui.conftest import slider


def tab_stops(window, qtbot, count: int) -> list:
    stops = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    return stops


def test_tab_from_the_first_control_reaches_every_slider_in_reading_order(window, qtbot):
    window.activateWindow()
    window.phase_editor.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.phase_editor.table)
    stops = tab_stops(window, qtbot, 3 * len(REGISTRY) + 6)
    assert stops[0] is window.phase_editor.add_button, "Tab leaves the phase table at once"
    reached = [stop.objectName() for stop in stops if isinstance(stop, QSlider)]
    panel_order = list(window.panel.rows)
    assert reached[: len(panel_order)] == panel_order, "every slider, in the panel's reading order"
    assert not any(stop in window.charts for stop in stops), "charts take no Tab stop"


def test_a_focused_slider_moves_with_arrows_and_page_keys_and_the_charts_follow(window, qtbot):
    co_invest = slider(window, "co_investment_ratio")
    window.activateWindow()
    co_invest.setFocus()
    qtbot.waitUntil(co_invest.hasFocus)
    start = window.session.scenario["co_investment_ratio"]
    step, page = REGISTRY["co_investment_ratio"].step, co_invest.pageStep()
    qtbot.keyClick(co_invest, Qt.Key.Key_Right)
    assert window.session.scenario["co_investment_ratio"] == round(start + step, 6)
    position = co_invest.value()
    qtbot.keyClick(co_invest, Qt.Key.Key_PageUp)
    assert co_invest.value() == position + page
    assert window.session.scenario["co_investment_ratio"] == round(start + (1 + page) * step, 6)
    venture = next(c for c in window.charts if c.objectName() == "chart_venture")
    private = venture.curves["fund_private_cum_hkd_bn"].y
    assert private[-1] > 5.0, "more co-investment shows on the chart"


def test_the_focused_slider_is_visibly_marked(window, qtbot):
    pue = slider(window, "pue")
    before = pue.grab().toImage()
    window.activateWindow()
    pue.setFocus()
    qtbot.waitUntil(pue.hasFocus)
    after = pue.grab().toImage()
    assert before.size() == after.size()
    changed = sum(
        before.pixel(x, y) != after.pixel(x, y) for x in range(0, before.width(), 3) for y in range(before.height())
    )
    assert changed > before.width() // 3, "focus changes how the slider looks"
