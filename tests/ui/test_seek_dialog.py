"""The "What would it take?" dialog: finds the lever value, applies it as one undo step."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from hkplanner.core import baseline, project
from hkplanner.ui.seek_dialog import SeekDialog
from tests.analysis.conftest import PROJECT_BATCH
from tests.ui.conftest import card_text, slider, tab_from


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
    expected = (
        f"met with Delay to private build-out at {longest} years (just met at {longest}, missed at {longest + 1})"
    )
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
    ((lever, value),) = dialog.setting.values
    assert lever == "mfg_growth_pct" and value == pytest.approx(math.ceil(exact * 10) / 10)
    assert f"at {value:g}% a year, real (just met at" in dialog.result.text()
    qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)
    assert window.session.scenario["mfg_growth_pct"] == value
    assert next(r.met for r in window.session.projection.targets if r.target.key == "mfg_share")


def test_an_unreachable_target_says_how_close_and_cannot_be_applied(window, qtbot):
    dialog = open_dialog(window, qtbot)
    choose(dialog.target, "rnd_private_share")
    choose(dialog.lever, "private_delay_years")
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    text = dialog.result.text()
    assert "No Delay to private build-out within its range meets Private share of R&D. The closest, 0 years," in text
    assert text.endswith("pts short.")
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
    dialog = find_frontier(window, qtbot, "compute_private_2030", "private_delay_years", "phase.2.capacity_pf")
    assert dialog.frontier.isVisible()
    chart = dialog.frontier
    northern = window.session.scenario.phases[2]  # the Northern Metropolis, the one phase the target counts
    without = window.session.scenario.with_phases(window.session.scenario.phases[:2])
    needed = 10_000 - project(without).at("capacity_northern_metropolis_pf", 2030)  # nothing else is tagged
    assert list(chart.line.xData) == list(dialog.frontier_line.x) and chart.line.yData[0] == pytest.approx(
        needed, abs=0.01
    )
    assert list(chart.current.data["x"]) == [0] and list(chart.current.data["y"]) == [northern.capacity_pf]
    assert "values reach it" in dialog.result.text() and "Above the line the target is met" in dialog.result.text()
    assert "(PF)" in chart.y_title.text() and "(years)" in chart.plot.getPlotItem().getAxis("bottom").labelText
    dialog.grab().save(str(tmp_path / "frontier.png"))


# Picking a point on the frontier and applying it ------------------------------------------------------

LEVERS = ("private_delay_years", "phase.2.capacity_pf")  # a slip, and the Northern Metropolis's size


def find_frontier(window, qtbot, target: str, first: str, second: str) -> SeekDialog:
    dialog = open_dialog(window, qtbot)
    choose(dialog.target, target)
    choose(dialog.lever, first)
    choose(dialog.second, second)
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    return dialog


def click_point(qtbot, dialog: SeekDialog, x: float, y: float) -> None:
    """A click a few pixels off the point, as a hand places it."""
    plot = dialog.frontier.plot
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    place = plot.mapFromScene(scene) + QPoint(5, -4)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=place)


def chosen(dialog: SeekDialog) -> tuple[float, float]:
    marker = dialog.frontier.chosen.data
    assert len(marker) == 1, "one point is marked as chosen"
    return float(marker["x"][0]), float(marker["y"][0])


def delayed_three_years(window) -> None:
    slider(window, "private_delay_years").setValue(3)
    assert not private_met(window)


def test_a_point_clicked_on_the_frontier_is_applied_as_one_undo_step(window, qtbot):
    delayed_three_years(window)
    before = window.session.scenario
    dialog = find_frontier(window, qtbot, "compute_private_2030", *LEVERS)
    line = dialog.frontier_line
    assert chosen(dialog) == (3, pytest.approx(line.y[3])), "the point nearest this scenario to begin with"
    click_point(qtbot, dialog, 3.7, line.y[3] + 0.7 * (line.y[4] - line.y[3]))  # on the steep part, nearer 4
    assert chosen(dialog) == (4, pytest.approx(line.y[4]))
    click_point(qtbot, dialog, 1, line.y[1])
    assert chosen(dialog) == (1, pytest.approx(line.y[1]))
    capacity = math.ceil(line.y[1])  # the first whole petaflop past the miss
    words = (
        f"Delay to private build-out at 1 year and Northern Metropolis private build-out: capacity at {capacity:,} PF"
    )
    assert words in dialog.choice.text() and "this meets Private AI compute" in dialog.choice.text()
    assert dialog.apply.isEnabled()
    steps = window.session.undo_stack.count()
    qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)
    after = window.session.scenario
    assert after["private_delay_years"] == 1 and after.phases[2].capacity_pf == capacity
    assert after.phases[:2] == before.phases[:2] and after.name.endswith(", modified")
    assert private_met(window) and "✓" in card_text(window, "compute_private_2030"), "the card shows it met"
    assert window.session.undo_stack.count() == steps + 1
    assert words in window.session.undo_stack.undoText()
    window.session.undo_stack.undo()
    assert window.session.scenario == before, "one undo restores both levers"
    assert not private_met(window) and "✗" in card_text(window, "compute_private_2030")


def test_the_keyboard_picks_a_point_and_applies_it(window, qtbot):
    delayed_three_years(window)
    dialog = find_frontier(window, qtbot, "compute_private_2030", *LEVERS)
    line = dialog.frontier_line
    assert tab_from(qtbot, dialog.find) is dialog.point, "Tab reaches the point on the line"
    qtbot.keyClick(dialog.point, Qt.Key.Key_Left)
    qtbot.keyClick(dialog.point, Qt.Key.Key_Left)
    assert chosen(dialog) == (1, pytest.approx(line.y[1]))
    qtbot.keyClick(dialog.point, Qt.Key.Key_Right)
    assert chosen(dialog) == (2, pytest.approx(line.y[2]))
    capacity = math.ceil(line.y[2])
    assert f"build-out at 2 years and Northern Metropolis private build-out: capacity at {capacity:,} PF" in (
        dialog.choice.text()
    )
    qtbot.keyClick(dialog.point, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.apply
    qtbot.keyClick(dialog.apply, Qt.Key.Key_Space)
    assert window.session.scenario["private_delay_years"] == 2
    assert window.session.scenario.phases[2].capacity_pf == capacity
    assert private_met(window) and slider(window, "private_delay_years").value() == 2


def test_the_point_cannot_go_where_no_capacity_meets_the_target(window, qtbot):
    delayed_three_years(window)
    dialog = find_frontier(window, qtbot, "compute_private_2030", *LEVERS)
    qtbot.keyClick(dialog.point, Qt.Key.Key_End)
    assert chosen(dialog)[0] == 4, "five or more years late, no capacity is ready by 2030: the line ends at four"
    click_point(qtbot, dialog, 8, dialog.frontier_line.y[4])  # far from any point on the line
    assert chosen(dialog)[0] == 4


def test_no_combination_within_the_ranges_says_why_and_cannot_be_applied(window, qtbot):
    dialog = find_frontier(window, qtbot, "rnd_private_share", *LEVERS)
    text = dialog.result.text()
    assert text.startswith("No combination of Delay to private build-out and Northern Metropolis")
    assert "meets Private share of R&D. The closest leaves it" in text and "pts short" in text
    assert not dialog.frontier.isVisible() and not dialog.point.isVisible() and not dialog.apply.isEnabled()


def test_a_target_met_whatever_the_levers_has_nothing_to_apply(window, qtbot):
    dialog = find_frontier(window, qtbot, "compute_public_2026", *LEVERS)  # the public centre: neither lever moves it
    assert "is met whatever the Delay to private build-out and the Northern" in dialog.result.text()
    assert "nothing to change" in dialog.result.text() and not dialog.apply.isEnabled()


def test_a_choice_the_check_finds_missing_is_not_offered(window, qtbot):
    """Should the model judge the chosen values, on their steps, short of the target, Apply stays off."""
    delayed_three_years(window)

    def strict(base, overrides=None, n=None):
        batch = PROJECT_BATCH(base, overrides, n=n)
        if overrides:  # the search; the check projects the applied scenario alone
            return batch
        verdict = batch.targets["compute_private_2030"]
        missed = dataclasses.replace(verdict, met=np.array([False]), shortfall=np.array([12.0]))
        return dataclasses.replace(batch, targets={**batch.targets, "compute_private_2030": missed})

    dialog = SeekDialog(window.session, window, projector=strict)
    qtbot.addWidget(dialog)
    choose(dialog.target, "compute_private_2030")
    choose(dialog.lever, LEVERS[0])
    choose(dialog.second, LEVERS[1])
    qtbot.mouseClick(dialog.find, Qt.MouseButton.LeftButton)
    assert not dialog.apply.isEnabled()
    assert "leaves Private AI compute 12 PF short, so it cannot be applied" in dialog.choice.text()


def test_a_changed_scenario_needs_a_new_find(window, qtbot):
    delayed_three_years(window)
    dialog = find_frontier(window, qtbot, "compute_private_2030", *LEVERS)
    assert dialog.apply.isEnabled()
    window.session.set("pue", 1.5)
    assert not dialog.apply.isEnabled() and not dialog.frontier.isVisible()
    assert "then Find" in dialog.result.text()


def test_a_year_lever_reads_as_years_on_the_chart(window, qtbot):
    dialog = find_frontier(window, qtbot, "compute_total_2030", "phase.1.completion_year", "phase.1.capacity_pf")
    plot = dialog.frontier.plot.getPlotItem()
    assert plot.getAxis("bottom").tickStrings([2030.0, 2030.5], 1, 0.5) == ["2030", ""]
    assert plot.getAxis("left").tickStrings([15000.0], 1, 5000) == ["15,000"]
    assert "completion year at 20" in dialog.choice.text() and "(year) →" in plot.getAxis("bottom").labelText
