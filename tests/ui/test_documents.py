"""Files as a user meets them: the unsaved mark, save, open, revert, recent files, the close prompt."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from hkplanner.core.presets import presets_dir
from hkplanner.core.scenario_file import open_file
from hkplanner.ui.preferences import Preferences
from tests.ui.conftest import slider


def test_an_edit_marks_the_window_unsaved_and_save_clears_it(window, answers, tmp_path):
    assert not window.isWindowModified()
    slider(window, "pue").setValue(10)
    assert window.isWindowModified()
    answers.save_path = tmp_path / "my plan"
    window.files.save()
    saved = tmp_path / "my plan.hkplan"
    assert saved.exists(), "the extension is added"
    assert not window.isWindowModified()
    assert "(my plan.hkplan)" in window.windowTitle()
    assert open_file(saved).document.scenario == window.session.scenario


def test_a_failed_save_says_so_and_keeps_the_work_unsaved(window, answers, tmp_path):
    slider(window, "pue").setValue(10)
    scenario = window.session.scenario
    answers.save_path = tmp_path / "no such folder" / "plan.hkplan"
    assert not window.files.save()
    assert answers.kinds() == ["save_path", "warn"]
    assert "could not be saved" in answers.calls[-1][1]
    assert "still open and unsaved" in answers.calls[-1][1]
    assert window.isWindowModified()
    assert window.session.scenario == scenario


def test_closing_with_unsaved_changes_asks_first(window, answers, qtbot):
    slider(window, "pue").setValue(10)
    answers.save_changes = "cancel"
    window.close()
    assert window.isVisible(), "cancel keeps the window open"
    assert answers.kinds() == ["save_changes"]
    answers.save_changes = "discard"
    window.close()
    assert not window.isVisible()


def test_closing_unchanged_asks_nothing(window, answers):
    window.close()
    assert not window.isVisible()
    assert answers.calls == []


def test_opening_a_file_replaces_the_scenario_with_a_clean_history(window, answers, tmp_path):
    source = tmp_path / "late.hkplan"
    shutil.copy(presets_dir() / "02-private-late.hkplan", source)
    answers.open_path = source
    window.files.open()
    assert window.session.scenario["private_delay_years"] == 2
    assert window.session.scenario.name == "Private build-out two years late"
    assert not window.isWindowModified()
    assert not window.session.undo_stack.canUndo()
    assert "✗" in window.cards.cards["compute_private_2030"].status.text()


def test_a_corrupt_file_is_refused_and_the_open_scenario_kept(window, answers, tmp_path):
    slider(window, "pue").setValue(10)
    scenario = window.session.scenario
    broken = tmp_path / "broken.hkplan"
    broken.write_text('{"format_version": 1, "name": "x", "parameters": {', encoding="utf-8")
    answers.save_changes = "discard"
    assert not window.files.open_path(broken)
    assert answers.kinds()[-1] == "warn"
    assert "broken.hkplan" in answers.calls[-1][1] and "not valid JSON" in answers.calls[-1][1]
    assert window.session.scenario == scenario
    assert window.isWindowModified(), "the unsaved work is still there, still unsaved"


def test_revert_goes_back_to_the_saved_file(window, answers, tmp_path):
    answers.save_path = tmp_path / "a.hkplan"
    slider(window, "pue").setValue(10)
    window.files.save()
    saved = window.session.scenario
    slider(window, "pue").setValue(20)
    assert window.menus.revert.isEnabled()
    window.files.revert()
    assert window.session.scenario == saved
    assert not window.isWindowModified()


def test_recent_files_are_remembered_across_runs(window, answers, tmp_path):
    answers.save_path = tmp_path / "kept.hkplan"
    window.files.save()
    assert Preferences().recent_files() == [(tmp_path / "kept.hkplan").resolve()]
    actions = window.menus.recent_menu.actions()
    assert [action.text() for action in actions] == ["kept.hkplan"]


def test_a_recent_file_that_has_gone_is_forgotten(window, answers, tmp_path):
    answers.save_path = tmp_path / "gone.hkplan"
    window.files.save()
    (tmp_path / "gone.hkplan").unlink()
    window.menus.recent_menu.actions()[0].trigger()
    assert "could not be read" in answers.calls[-1][1]
    assert window.menus.recent_menu.actions() == []


def test_new_starts_from_the_plan_after_asking(window, answers):
    slider(window, "pue").setValue(10)
    answers.save_changes = "discard"
    window.findChild(type(window.menus.revert), "action_new").trigger()
    assert window.session.scenario.values == window.session.baseline.values
    assert window.session.scenario.name == "Untitled scenario"
    assert not window.isWindowModified()


def test_dropping_a_scenario_file_opens_it(window, answers, tmp_path):
    source = tmp_path / "fund.hkplan"
    shutil.copy(presets_dir() / "03-market-fund.hkplan", source)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    assert window.session.scenario["co_investment_ratio"] == 3.0


def test_window_layout_persists(window, qtbot):
    window.resize(760, 700)  # fits the offscreen screen, so the restored geometry is not clamped
    window.splitter.setSizes([420, 330])
    size, sizes = window.size(), window.splitter.sizes()
    window.close()
    from hkplanner.ui import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.size() == size
    assert again.splitter.sizes() == sizes
