"""Presentation mode: F5 in, Esc out, clicker keys through the storyline, animation, blanking."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hkplanner.ui.presentation import ANIMATION_MS


def press(qtbot, window, key):
    qtbot.keyClick(window.focusWidget() or window, key)


def settled(window):
    return window.presentation.animation.state() != window.presentation.animation.State.Running


def test_f5_enters_and_esc_restores_the_window(window, qtbot):
    window.resize(760, 700)  # fits the offscreen screen, so restoring is not clamped
    qtbot.wait(50)
    geometry = window.geometry()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.presentation
    assert presentation.active
    assert window.isFullScreen()
    assert not window.panel_area.isVisible() and not window.menuBar().isVisible()
    assert window.caption.isVisible()
    assert window.theme_name == "projector"
    assert window.session.scenario.name == "The plan as announced"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not presentation.active
    assert not window.isFullScreen()
    assert window.panel_area.isVisible() and window.menuBar().isVisible()
    assert window.theme_name == "standard"
    # The offscreen platform adds its own frame offsets on restore; a real screen gives back the same rect.
    qtbot.waitUntil(lambda: window.height() == geometry.height() and abs(window.width() - geometry.width()) < 60)
    assert window.preferences.theme() == "standard", "presenting does not change the saved theme"


def test_clicker_keys_step_forward_and_back_and_land_exactly(window, qtbot):
    window.presentation.enter()
    steps = window.presentation.storyline.steps
    for key, expected in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Right, 2), (Qt.Key.Key_PageUp, 1)):
        press(qtbot, window, key)
        assert window.presentation.index == expected
        qtbot.waitUntil(lambda: settled(window), timeout=ANIMATION_MS + 2000)
        assert window.session.scenario == steps[expected].scenario
    assert "2 of 5" in window.caption.title.text()
    assert window.caption.change.text() == "Delay to private build-out: 0 years → 2 years"
    assert "Delay to private build-out: 2 years" in window.caption.levers.text()
    assert "Public venture capital committed from 2025: 1.5 HK$ bn" in window.caption.levers.text()
    assert "✗" in window.cards.cards["compute_private_2030"].status.text()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Down):
        press(qtbot, window, key)
    assert window.presentation.index == 3
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Left, Qt.Key.Key_Left):
        press(qtbot, window, key)
    assert window.presentation.index == 0, "stepping back stops at the first step"


def test_the_animation_passes_through_scenarios_between_the_steps(window, qtbot):
    window.presentation.enter()
    window.presentation.go_to(1, animate=False)
    seen = []
    window.session.changed.connect(lambda: seen.append(window.session.scenario["fund_public_hkd_bn"]))
    press(qtbot, window, Qt.Key.Key_PageDown)  # to the larger fund: HK$1.5 bn -> 3.0 bn
    qtbot.waitUntil(lambda: settled(window), timeout=ANIMATION_MS + 2000)
    assert seen[-1] == 3.0
    assert len(set(seen)) > 3, "frames in between, not a jump"
    assert seen == sorted(seen)


def test_a_key_during_the_animation_lands_the_step_first(window, qtbot):
    window.presentation.enter()
    press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, Qt.Key.Key_PageDown)  # before the first animation ends
    qtbot.waitUntil(lambda: settled(window), timeout=ANIMATION_MS + 2000)
    stack = window.session.undo_stack
    labels = [stack.text(i) for i in range(stack.count())]
    assert labels[-2:] == [
        "Step 2: What if the private build-out slips two years?",
        "Step 3: Back on schedule, with a larger fund",
    ]


def test_b_blanks_the_screen_and_brings_it_back(window, qtbot):
    window.presentation.enter()
    press(qtbot, window, Qt.Key.Key_B)
    assert window.presentation.blank.isVisible()
    assert window.presentation.blank.geometry() == window.rect()
    press(qtbot, window, Qt.Key.Key_B)
    assert not window.presentation.blank.isVisible()


def test_p_shows_the_presenter_view_with_notes_and_next_step(window, qtbot):
    window.presentation.enter()
    press(qtbot, window, Qt.Key.Key_P)
    presenter = window.presentation.presenter
    assert presenter.isVisible()
    assert presenter.current.text() == "Now (1 of 5): The plan as announced"
    assert presenter.upcoming.text() == "Next: What if the private build-out slips two years?"
    assert "15,000 PF by 2030" in presenter.notes.toPlainText()
    assert "Delay to private build-out: 0 years" in presenter.levers.text()
    press(qtbot, window, Qt.Key.Key_P)
    assert not presenter.isVisible()
    window.presentation.leave()


def test_steps_are_undoable_changes(window, qtbot):
    window.presentation.enter()
    press(qtbot, window, Qt.Key.Key_PageDown)
    window.presentation.leave()  # even mid-animation, the step lands
    assert window.session.scenario["private_delay_years"] == 2
    assert window.menus.undo.text() == "&Undo Step 2: What if the private build-out slips two years?"
    window.menus.undo.trigger()
    assert window.session.scenario.values == window.presentation.storyline.steps[0].scenario.values


def test_the_storyline_is_editable_and_saved(window, qtbot, answers, tmp_path):
    from hkplanner.core.storyline import read_storyline
    from hkplanner.ui.storyline_editor import StorylineEditor

    window.session.set("pue", 2.0)
    editor = StorylineEditor(window.presentation.storyline, window.session, window)
    qtbot.addWidget(editor)
    editor.list.setCurrentRow(4)
    editor.buttons["add"].click()  # after the last step
    qtbot.keyClicks(editor.title, " with cooling")
    editor.notes.setPlainText("Cooling costs more than planned.")
    editor.buttons["up"].click()
    story = editor.storyline()
    assert len(story.steps) == 6
    assert story.steps[4].title == "Official plan (Aug 2024) with cooling"
    assert story.steps[4].scenario["pue"] == 2.0
    assert story.steps[4].notes == "Cooling costs more than planned."
    answers.save_path = tmp_path / "mine.hkstory"
    editor.buttons["save"].click()
    assert read_storyline(tmp_path / "mine.hkstory") == story
    editor.accept()
    window.presentation.set_storyline(editor.storyline())
    window.presentation.enter()
    window.presentation.go_to(4, animate=False)
    assert window.session.scenario["pue"] == 2.0
    assert "5 of 6" in window.caption.title.text()


TWO_SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96},
        {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96},
    ]
}

TWO_SCREEN_CHILD = """
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from hkplanner.ui import MainWindow
window = MainWindow()
window.show()
window.presentation.enter()
QTest.qWait(100)
presenter = window.presentation.presenter
print(window.screen().name(), window.isFullScreen(), presenter.isVisible(), presenter.screen().name())
window.presentation.leave()
window.session.undo_stack.setClean()
window.close()
"""


def test_with_two_screens_the_audience_gets_the_charts_and_the_presenter_the_notes(tmp_path):
    """The offscreen platform can pretend to have a laptop screen and a projector."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-c", TWO_SCREEN_CHILD], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["projector", "True", "True", "laptop"]
