"""Presentation mode: F5 in, Esc out, clicker keys through the storyline, animation, blanking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from hkplanner.ui.autosave import AUTOSAVE_MS
from hkplanner.ui.presentation import ANIMATION_MS
from tests.ui.conftest import slider


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
    # The offscreen platform adds its own frame offsets on restore; the size comes back exactly.
    qtbot.waitUntil(lambda: window.size() == geometry.size())
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
    assert window.cards.cards["compute_private_2030"].detail.text().startswith("✗ short by")
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
    assert window.session.scenario == window.presentation.storyline.steps[2].scenario
    assert window.session.undo_stack.count() == 0, "slides never enter the undo history"


def test_b_blanks_the_screen_and_brings_it_back(window, qtbot):
    window.presentation.enter()
    press(qtbot, window, Qt.Key.Key_B)
    assert window.presentation.blank.isVisible()
    assert window.presentation.blank.geometry() == window.rect()
    press(qtbot, window, Qt.Key.Key_B)
    assert not window.presentation.blank.isVisible()


def test_p_shows_the_presenter_view_with_notes_and_next_step(window, qtbot, answers):
    window.presentation.enter()
    answers.notes_on_audience_screen = False
    press(qtbot, window, Qt.Key.Key_P)
    presenter = window.presentation.presenter
    assert answers.kinds() == ["notes_warning"], "one screen: warned that the audience will see the notes"
    assert not presenter.isVisible()
    answers.notes_on_audience_screen = True
    press(qtbot, window, Qt.Key.Key_P)
    assert presenter.isVisible()
    press(qtbot, window, Qt.Key.Key_P)
    press(qtbot, window, Qt.Key.Key_P)
    assert presenter.isVisible() and answers.kinds().count("notes_warning") == 2, "asked until agreed, once a show"
    assert presenter.current.text() == "Now (1 of 5): The plan as announced"
    assert presenter.upcoming.text() == "Next: What if the private build-out slips two years?"
    assert "15,000 PF by 2030" in presenter.notes.toPlainText()
    assert "Delay to private build-out: 0 years" in presenter.levers.text()
    press(qtbot, window, Qt.Key.Key_P)
    assert not presenter.isVisible()
    window.presentation.leave()


def test_the_presenter_view_shows_thumbnails_of_the_current_and_next_step(window, qtbot):
    presentation = window.presentation
    presenter = presentation.presenter
    presentation.enter()
    press(qtbot, window, Qt.Key.Key_P)
    now, upcoming = presenter.now_thumbnail, presenter.next_thumbnail
    assert not now.pixmap().isNull() and not upcoming.pixmap().isNull()
    first_next = upcoming.pixmap().toImage()
    assert first_next.width() > first_next.height() * 1.2, "the next step's six charts, three to a row"
    press(qtbot, window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: settled(window), timeout=ANIMATION_MS + 2000)
    assert upcoming.pixmap().toImage() != first_next, "the step after the new one"
    shown = now.pixmap().toImage()
    press(qtbot, window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: settled(window), timeout=ANIMATION_MS + 2000)
    assert now.pixmap().toImage() != shown, "what the audience sees now"
    presentation.go_to(len(presentation.storyline.steps) - 1, animate=False)
    assert upcoming.pixmap().isNull() and upcoming.text() == "(last step)"
    presentation.leave()


def fonts(window) -> dict[str, str]:
    """Every widget's font, but the show's own header's."""
    widgets = [w for w in window.findChildren(QWidget) if not window.caption.isAncestorOf(w)]
    return {f"{w.objectName()}#{i}": w.font().toString() for i, w in enumerate(widgets)}


def test_after_f5_steps_and_esc_the_work_is_exactly_as_it_was(window, qtbot, answers):
    """Scenario, undo history, pins, autosave, fonts and window: nothing a show does stays behind."""
    from hkplanner.core.presets import preset

    slider(window, "pue").setValue(20)
    window.session.end_gesture()
    slider(window, "kw_per_pf").setValue(30)
    window.menus.undo.trigger()  # an undo history with a redo step in it
    window.session.pin("Market fund", preset("03-market-fund").document.scenario)
    autosaver = window.autosaver
    autosaver.timer.stop()
    autosaver.save_now()
    saved = autosaver.path.read_bytes()
    stack = window.session.undo_stack
    before = (window.session.scenario, stack.count(), stack.index(), window.session.pins, window.windowTitle())
    before_fonts = fonts(window)

    qtbot.keyClick(window, Qt.Key.Key_F5)
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda: settled(window), timeout=ANIMATION_MS + 2000)
    assert window.session.scenario.phases[-1].name == "Sandy Ridge data park"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # held back during the show
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert not autosaver.timer.isActive(), "a slide is not work to autosave"
    press(qtbot, window, Qt.Key.Key_Escape)

    assert not window.presentation.active
    assert (window.session.scenario, stack.count(), stack.index(), window.session.pins, window.windowTitle()) == before
    assert fonts(window) == before_fonts
    assert not window.isFullScreen() and window.theme_name == "standard"
    assert window.panel_area.isVisible() and window.menuBar().isVisible() and window.statusBar().isVisible()
    assert window.cards.cards["compute_total_2030"].status.text() == "✓ Met", "the standard card is back"
    qtbot.wait(AUTOSAVE_MS + 300)
    assert autosaver.path.read_bytes() == saved, "the autosave still holds the work, untouched"
    assert window.document.current().scenario == before[0]


def test_f5_starts_at_step_1_or_offers_to_resume(window, qtbot, answers):
    presentation = window.presentation
    qtbot.keyClick(window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert answers.calls[-1][0] == "resume" and "step 3" not in answers.calls[-1][1]
    assert "Back on schedule" in answers.calls[-1][1]
    assert presentation.index == 0, "declined: the show starts at step 1"
    assert window.session.scenario == presentation.storyline.steps[0].scenario
    press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, Qt.Key.Key_Escape)
    answers.resume = True
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert presentation.index == 1
    qtbot.waitUntil(lambda: settled(window), timeout=ANIMATION_MS + 2000)
    assert window.session.scenario == presentation.storyline.steps[1].scenario
    press(qtbot, window, Qt.Key.Key_Escape)


def test_each_step_says_its_so_what_from_the_projection_in_one_line(window, qtbot):
    window.presentation.enter()
    heights = set()
    for index in range(len(window.presentation.storyline.steps)):
        window.presentation.go_to(index, animate=False)
        heights.add(window.caption.height())
        for line in (window.caption.so_what, window.caption.change):
            assert line.fontMetrics().horizontalAdvance(line.text()) <= line.width(), "one line, never wider"
            assert line.text() == line.toolTip() or not line.toolTip() or line.text().endswith("…")
    assert len(heights) == 1, "the header keeps its height between steps"
    window.presentation.go_to(1, animate=False)
    card = window.cards.cards["compute_private_2030"]
    shown = card.status.text()  # the private capacity in 2030, as the card shows it
    text = window.caption.so_what.toolTip() or window.caption.so_what.text()  # cut short on this small screen
    assert text.startswith(f"Private AI compute 2030: {shown}, ")
    assert "short of 10,000 PF" in text and "against the plan" in text


def test_a_step_can_focus_one_chart(window, qtbot):
    window.presentation.enter()
    frames = window.chart_frames
    window.presentation.go_to(1, animate=False)  # the briefing's step 2 focuses the capacity chart
    assert [key for key, frame in frames.items() if frame.isVisible()] == ["compute"]
    qtbot.waitUntil(lambda: frames["compute"].width() > window.width() * 0.9)  # it takes the whole area
    window.presentation.go_to(2, animate=False)
    assert all(frame.isVisible() for frame in frames.values())
    window.presentation.go_to(3, animate=False)
    assert [key for key, frame in frames.items() if frame.isVisible()] == ["mfg"]
    window.presentation.leave()
    assert all(frame.isVisible() for frame in frames.values())


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
    assert story.steps[4].title == "Official plan (Aug 2024), modified with cooling"
    assert story.steps[4].scenario["pue"] == 2.0
    assert story.steps[4].notes == "Cooling costs more than planned."
    editor.list.setCurrentRow(1)
    qtbot.keyClicks(editor.title, " (slip)")
    assert editor.storyline().steps[1].focus == "compute", "editing a step keeps its focus chart"
    story = editor.storyline()
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
    assert run_child(tmp_path, TWO_SCREEN_CHILD, TWO_SCREENS).split() == ["projector", "True", "True", "laptop"]


PROJECTOR_SCREEN = {
    "screens": [
        {"name": "projector", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96}
    ]
}

# In F5 on a 1080p projector: the pixel size of every card's, legend's and header's text at each step, and
# whether any card's text is cut off (wider than its label, or taller than its label's room).
MEASURE_CHILD = """
import json
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from hkplanner.ui import MainWindow
window = MainWindow()
window.show()
window.presentation.enter()
QTest.qWait(100)
report = {"window": [window.width(), window.height()], "figure": [], "text": [], "legend": [], "cut": []}
for index in range(len(window.presentation.storyline.steps)):
    window.presentation.go_to(index, animate=False)
    QTest.qWait(50)
    for key, card in window.cards.cards.items():
        report["figure"].append(QFontInfo(card.status.font()).pixelSize())
        for label in (card.title, card.detail):
            report["text"].append(QFontInfo(label.font()).pixelSize())
        for label in (card.title, card.status, card.detail):
            short = label.sizeHint().height() > label.height()
            if label.is_elided() or short or label.geometry().bottom() > card.contentsRect().bottom():
                report["cut"].append(f"step {index + 1} {key}: {label.text()}")
    for chart in window.charts:
        if chart.isVisible():
            report["legend"].append(QFontInfo(chart.legend.font()).pixelSize())
report["so_what"] = QFontInfo(window.caption.so_what.font()).pixelSize()
print(json.dumps(report))
window.presentation.leave()
window.close()
"""


def run_child(tmp_path, code: str, screens: dict) -> str:
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_readable_from_the_back_of_the_room_at_1920x1080(tmp_path):
    import json

    report = json.loads(run_child(tmp_path, MEASURE_CHILD, PROJECTOR_SCREEN))
    assert report["window"] == [1920, 1080]
    assert min(report["figure"]) >= 48, "headline figures"
    assert min(report["text"]) >= 24, "card text"
    assert report["legend"] and min(report["legend"]) >= 18, "legend text"
    assert report["so_what"] >= 30
    assert report["cut"] == [], "no card's text is cut off"


def test_the_projector_theme_makes_everything_larger_never_smaller(window, qtbot):
    from dataclasses import fields

    from hkplanner.charts import theme

    standard, projector = theme.LOOKS["standard"], theme.LOOKS["projector"]
    for field in fields(theme.Look):
        if field.type in ("int", "float"):
            assert getattr(projector, field.name) >= getattr(standard, field.name), field.name
    card = window.cards.cards["compute_total_2030"]
    labels = (card.title, card.status, card.detail)
    sizes = [label.fontInfo().pixelSize() for label in labels]
    height = window.cards.height()
    window.apply_theme("projector")
    assert all(label.fontInfo().pixelSize() >= size for label, size in zip(labels, sizes, strict=True))
    assert window.cards.height() > height
    qtbot.wait(50)
    for card in window.cards.cards.values():  # beside the levers the cards are narrower than in a show
        figure = card.status
        assert figure.fontMetrics().horizontalAdvance(figure.text()) <= figure.width(), figure.text()


def test_nothing_edits_the_work_behind_a_running_show(window):
    work = window.session.scenario
    window.presentation.enter()
    window.session.set("pue", 2.0)  # e.g. a control reached some other way than the keyboard
    window.presentation.leave()
    assert window.session.scenario == work and window.session.undo_stack.count() == 0
