"""macOS: double-clicking a .hkplan sends the running app a QEvent.FileOpen; the window opens that file."""

from __future__ import annotations

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from hkplanner.core.presets import presets_dir
from hkplanner.ui.file_open import FileOpenHandler


def test_a_file_open_event_opens_the_scenario(window, qapp):
    handler = FileOpenHandler(window)
    qapp.installEventFilter(handler)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(presets_dir() / "02-private-late.hkplan")))
    finally:
        qapp.removeEventFilter(handler)
    assert window.document.path.name == "02-private-late.hkplan"
    assert "late" in window.session.scenario.name.lower()
    assert not window.isWindowModified()


def test_a_file_open_event_for_a_broken_file_warns_and_keeps_the_scenario(window, qapp, answers, tmp_path):
    broken = tmp_path / "broken.hkplan"
    broken.write_text("{ not json", encoding="utf-8")
    before = window.session.scenario
    handler = FileOpenHandler(window)
    qapp.installEventFilter(handler)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(broken)))
    finally:
        qapp.removeEventFilter(handler)
    assert window.session.scenario is before
    assert answers.kinds() == ["warn"]
