"""Help shows the model's documentation inside the app; file dialogs open where the user keeps files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from hkplanner.core import Phase
from hkplanner.ui.compare_dialog import CompareDialog
from hkplanner.ui.folders import documents_folder
from hkplanner.ui.help_dialog import model_markdown


def test_help_renders_the_model_documentation_shipped_with_the_app(window, qtbot):
    window.findChild(type(window.menus.revert), "action_model_help").trigger()
    browser = window.help.browser
    qtbot.waitUntil(window.help.isVisible)
    text = browser.toPlainText()
    assert text.startswith("How the HK Planner model works")
    assert "#" not in text.splitlines()[0], "Markdown is rendered, not shown as source"
    assert browser.document().begin().blockFormat().headingLevel() == 1
    assert "facility power(t) = IT power(t) × PUE" in " ".join(text.split())
    assert len(text) > 0.8 * len(model_markdown().replace("#", "").replace("*", "").replace("`", ""))
    browser.verticalScrollBar().setValue(0)
    browser.anchorClicked.emit(QUrl("#limits"))
    assert browser.textCursor().block().text() == "Limits", "a contents link scrolls to its heading"
    assert browser.verticalScrollBar().value() > 0
    window.help.close()


def test_file_dialogs_start_in_the_documents_folder_never_the_working_folder(window, answers, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    window.files.open()
    window.files.save_as()
    window.exports.csv()
    window.session.set_phases((*window.session.scenario.phases, Phase("Extra", "private", 10, 2026, 2027)))
    CompareDialog(window.session, window)._on_export()
    folders = [Path(text.split(" ")[0]) for _, text in answers.calls]
    assert len(folders) == 4
    for folder in folders:
        assert folder == documents_folder() or folder.parent == documents_folder(), folder
        assert folder.is_absolute() and tmp_path not in (folder, folder.parent)


def test_file_dialogs_start_in_the_folder_last_used(window, answers, tmp_path):
    chosen = tmp_path / "briefings"
    chosen.mkdir()
    answers.save_path = chosen / "plan.hkplan"
    window.files.save_as()
    answers.calls.clear()
    answers.save_path = None
    window.exports.workbook()
    window.files.open()
    assert [Path(text.split(" ")[0]).parent for _, text in answers.calls[:1]] == [chosen]
    assert Path(answers.calls[1][1].split(" ")[0]) == chosen
