"""The "What would it take?" dialog: finds the lever value, applies it as one undo step."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from hkplanner.core import baseline, project
from hkplanner.ui.seek_dialog import SeekDialog
from tests.analysis.conftest import PROJECT_BATCH
from tests.ui.conftest import slider


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def private_met(window) -> bool:
    return next(r.met for r in window.session.projection.targets if r.target.key == "compute_private_2030")


def met(scenario, target: str) -> bool:
    return next(r.met for r in project(scenario).targets if r.target.key == target)


def open_dialog(window, qtbot) -> SeekDialog:
    dialog = SeekDialog(window.session, window, projector=PROJECT_BATCH)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_find_then_apply_meets_the_target_in_one_undo_step(window, qtbot):
    slider(window, "private_delay_years").setValue(3)
    assert not private_met(window)
    longest = max(d for d in range(3) if met(baseline().replace(private_delay_years=d), "compute_private_2030"))
    dialog = open_dialog(window, qtbot)
    choose(dialog.target, "compute_private_2030")
    choose(dialog.lever, "private_delay_years")
    assert not dialog.apply.isEnabled()
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    expected = f"met with Delay to private build-out at {longest} (just met at {longest}, missed at {longest + 1})"
    assert expected in dialog.result.text()
    steps = window.session.undo_stack.count()
    qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)
    assert window.session.scenario["private_delay_years"] == longest
    assert slider(window, "private_delay_years").value() == longest
    assert private_met(window)
    assert window.session.undo_stack.count() == steps + 1
    window.session.undo_stack.undo()
    assert window.session.scenario["private_delay_years"] == 3


def test_a_continuous_lever_is_applied_on_its_slider_step(window, qtbot):
    dialog = open_dialog(window, qtbot)
    choose(dialog.target, "mfg_share")
    choose(dialog.lever, "mfg_growth_pct")
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    exact = dialog.answer.value
    assert dialog.value == pytest.approx(math.ceil(exact * 10) / 10) and f"at {dialog.value:g} (just met at" in (
        dialog.result.text()
    )
    qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)
    assert window.session.scenario["mfg_growth_pct"] == dialog.value
    assert next(r.met for r in window.session.projection.targets if r.target.key == "mfg_share")


def test_an_unreachable_target_says_how_close_and_cannot_be_applied(window, qtbot):
    dialog = open_dialog(window, qtbot)
    choose(dialog.target, "rnd_private_share")
    choose(dialog.lever, "private_delay_years")
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    assert "within its range meets" in dialog.result.text() and "short" in dialog.result.text()
    assert not dialog.apply.isEnabled()


def test_a_phase_lever_applies_to_that_phase(window, qtbot):
    slider(window, "private_delay_years").setValue(1)  # the Northern Metropolis is late: 2030 falls short
    delayed = window.session.scenario
    without = delayed.with_phases(delayed.phases[1:])
    needed = 15_000 - project(without).at("capacity_total_pf", 2030)  # what Cyberport's opening must make up
    assert needed > delayed.phases[0].capacity_pf
    dialog = open_dialog(window, qtbot)
    choose(dialog.target, "compute_total_2030")
    choose(dialog.lever, "phase.0.capacity_pf")
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)
    assert abs(window.session.scenario.phases[0].capacity_pf - needed) < 1, "the first step that meets 15,000 PF"
    assert window.session.scenario.phases[1:] == delayed.phases[1:]
    assert met(window.session.scenario, "compute_total_2030")
    assert dialog.lever.findData("phase.2.completion_year") >= 0


def test_the_scenario_menu_opens_both_analysis_dialogs(window, qtbot, monkeypatch):
    from hkplanner.ui import seek_dialog, why_dialog

    for module in (seek_dialog, why_dialog):
        monkeypatch.setattr(module, "default_projector", lambda: PROJECT_BATCH)
    for name, dialog_name in (("action_seek", "seek_dialog"), ("action_why", "why_dialog")):
        action = next(a for a in window.findChildren(QAction) if a.objectName() == name)
        action.trigger()
        dialog = window.findChild(QDialog, dialog_name)
        assert dialog is not None and dialog.isVisible(), name
        dialog.close()


def test_two_levers_draw_the_frontier_with_this_scenario_marked(window, qtbot, monkeypatch, tmp_path):
    from hkplanner.analysis import seek as seeking

    monkeypatch.setattr(seeking, "FRONTIER_POINTS", 7)
    dialog = open_dialog(window, qtbot)
    choose(dialog.target, "compute_private_2030")
    choose(dialog.lever, "private_delay_years")
    choose(dialog.second, "phase.2.capacity_pf")  # the Northern Metropolis, the one phase the target counts
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    assert dialog.frontier.isVisible() and not dialog.apply.isEnabled()
    curve, dot = dialog.frontier.getPlotItem().items[:2]
    northern = window.session.scenario.phases[2]
    without = window.session.scenario.with_phases(window.session.scenario.phases[:2])
    needed = 10_000 - project(without).at("capacity_northern_metropolis_pf", 2030)  # nothing else is tagged
    assert list(curve.xData) == list(dialog.frontier_line.x) and curve.yData[0] == pytest.approx(needed, abs=0.01)
    assert list(dot.data["x"]) == [0] and list(dot.data["y"]) == [northern.capacity_pf]
    assert "values reach it" in dialog.result.text()
    dialog.grab().save(str(tmp_path / "frontier.png"))
