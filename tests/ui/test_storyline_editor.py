"""The storyline editor sets the chart each step focuses: chosen by keyboard, saved, opened, presented."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from hkplanner.charts.catalogue import CHARTS
from hkplanner.core.storyline import FOCUS_CHARTS, read_storyline
from hkplanner.ui.storyline_editor import StorylineEditor
from tests.ui.conftest import tab_from


def open_editor(window, qtbot) -> StorylineEditor:
    editor = StorylineEditor(window.presentation.storyline, window.session, window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_focus_choice_offers_no_focus_and_each_charts_title(window, qtbot):
    editor = open_editor(window, qtbot)
    offered = [editor.focus.itemText(i) for i in range(editor.focus.count())]
    assert offered == ["No focus: all charts", *(spec.title for spec in CHARTS)]
    assert [editor.focus.itemData(i) for i in range(editor.focus.count())] == [None, *FOCUS_CHARTS]


def test_each_step_shows_its_focus_and_the_keyboard_changes_it(window, qtbot):
    editor = open_editor(window, qtbot)
    editor.list.setCurrentRow(1)  # the briefing's step 2 focuses the capacity chart
    assert editor.focus.currentText() == "AI compute capacity by phase"
    editor.list.setCurrentRow(2)
    assert editor.focus.currentText() == "No focus: all charts"
    assert tab_from(qtbot, editor.title) is editor.focus, "Tab goes from the title to the chart in focus"
    qtbot.keyClick(editor.focus, Qt.Key.Key_Down)
    qtbot.keyClick(editor.focus, Qt.Key.Key_Down)
    assert editor.storyline().steps[2].focus == "power"
    editor.list.setCurrentRow(1)
    qtbot.keyClick(editor.focus, Qt.Key.Key_Home)
    assert editor.storyline().steps[1].focus is None, "no focus: the step shows every chart"
    editor.list.setCurrentRow(2)
    assert editor.focus.currentText() == "Power for AI compute", "each step keeps its own"
    qtbot.keyClicks(editor.title, " (power)")
    assert editor.storyline().steps[2].focus == "power", "editing the title keeps the focus"


def test_the_focus_is_saved_and_opened_with_the_storyline(window, qtbot, answers, tmp_path):
    editor = open_editor(window, qtbot)
    editor.list.setCurrentRow(0)
    editor.focus.setCurrentIndex(editor.focus.findData("mfg"))
    editor.list.setCurrentRow(1)
    editor.focus.setCurrentIndex(editor.focus.findData(None))
    answers.save_path = tmp_path / "focused.hkstory"
    editor.buttons["save"].click()
    steps = json.loads((tmp_path / "focused.hkstory").read_text())["steps"]
    assert steps[0]["focus"] == "mfg" and "focus" not in steps[1]
    assert read_storyline(tmp_path / "focused.hkstory") == editor.storyline()
    other = open_editor(window, qtbot)
    answers.open_path = tmp_path / "focused.hkstory"
    other.buttons["open"].click()
    assert other.focus.currentText() == "Manufacturing share of GDP", "the first step's focus, as saved"
    other.list.setCurrentRow(1)
    assert other.focus.currentText() == "No focus: all charts"


def test_the_presentation_shows_the_chart_the_editor_chose(window, qtbot):
    editor = open_editor(window, qtbot)
    editor.list.setCurrentRow(2)
    editor.focus.setCurrentIndex(editor.focus.findData("venture"))
    editor.accept()
    window.presentation.set_storyline(editor.storyline())
    window.presentation.enter()
    window.presentation.go_to(2, animate=False)
    assert [key for key, frame in window.chart_frames.items() if frame.isVisible()] == ["venture"]
    window.presentation.leave()
