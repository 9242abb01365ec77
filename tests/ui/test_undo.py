"""Undo and redo: every parameter change, phase edit and scenario load; one drag is one step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hkplanner.core import Phase
from hkplanner.core.presets import preset
from tests.ui.conftest import slider


def drag(control, positions):
    """What a mouse drag does to a slider: press, many positions, release."""
    control.setSliderDown(True)
    for position in positions:
        control.setValue(position)
    control.setSliderDown(False)
    control.sliderReleased.emit()


def test_one_drag_is_one_undo_step(window):
    co_invest = slider(window, "co_investment_ratio")
    start = window.session.scenario
    drag(co_invest, range(co_invest.value(), co_invest.value() + 40, 2))
    assert window.session.undo_stack.count() == 1
    assert window.menus.undo.text() == "&Undo Change Private co-investment per public dollar"
    window.menus.undo.trigger()
    assert window.session.scenario == start
    assert co_invest.value() == 60  # 3.0 (the revamp's 1:3) in steps of 0.05


def test_two_drags_are_two_steps(window):
    co_invest = slider(window, "co_investment_ratio")
    drag(co_invest, [30, 35])
    drag(co_invest, [40, 45])
    assert window.session.undo_stack.count() == 2
    window.menus.undo.trigger()
    assert window.session.scenario["co_investment_ratio"] == 1.75


def test_a_drag_back_to_where_it_started_leaves_no_step(window):
    co_invest = slider(window, "co_investment_ratio")
    drag(co_invest, [70, 75, 60])  # back to 3.0
    assert window.session.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_keyboard_shortcuts_undo_and_redo(window, qtbot):
    slider(window, "pue").setValue(20)
    window.session.end_gesture()
    slider(window, "kw_per_pf").setValue(30)
    changed = window.session.scenario
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.scenario["kw_per_pf"] == 0.76
    assert window.session.scenario["pue"] == 2.0  # the slider's top
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.scenario == changed
    assert window.findChild(type(slider(window, "pue")), "kw_per_pf").value() == 30


def test_undoing_back_to_the_saved_state_clears_the_unsaved_mark(window):
    slider(window, "pue").setValue(20)
    assert window.isWindowModified()
    window.menus.undo.trigger()
    assert not window.isWindowModified()


def test_phase_edits_and_preset_loads_undo(window, answers):
    start = window.session.scenario
    answers.new_phase = Phase("Sandy Ridge data park", "private", 180_000, 2027, 2032)
    window.phase_editor.add_button.click()
    window.files.load_preset(preset("Manufacturing push"))
    assert window.session.scenario["mfg_growth_pct"] == 24.0
    assert window.menus.undo.text() == "&Undo Load preset Manufacturing push"
    window.menus.undo.trigger()
    assert len(window.session.scenario.phases) == 5
    assert window.menus.undo.text() == "&Undo Edit compute phases"
    window.menus.undo.trigger()
    assert window.session.scenario == start
    assert window.phase_editor.table.rowCount() == 4


def test_the_charts_follow_undo(window):
    power = next(c for c in window.charts if c.objectName() == "chart_power")
    before = power.curves["power_mw"].y.copy()
    slider(window, "pue").setValue(slider(window, "pue").maximum())
    assert power.curves["power_mw"].y[-1] > before[-1]
    window.menus.undo.trigger()
    assert (power.curves["power_mw"].y == before).all()
