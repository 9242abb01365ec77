"""File commands as a user meets them: New, Open, Save, Save As, Revert, recent files, presets.

Each asks before discarding unsaved work, reports failures in words, and leaves the open scenario
untouched when anything goes wrong.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from hkplanner.core.scenario_file import EXTENSION, LinkedFileError, OpenedFile, ScenarioFileError
from hkplanner.export.files import safe_name
from hkplanner.ui import dialogs
from hkplanner.ui.document import Document
from hkplanner.ui.preferences import Preferences


def tr(text: str) -> str:
    return QCoreApplication.translate("FileCommands", text)


class FileCommands(QObject):
    recent_changed = Signal()
    message = Signal(str)  # a short status-bar note

    def __init__(self, document: Document, preferences: Preferences, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.preferences = preferences
        self.window = window

    def ready_to_discard(self) -> bool:
        """True when there is nothing unsaved, or the user saved it or chose to discard it."""
        if not self.document.is_modified:
            return True
        answer = dialogs.ask_save_changes(self.window, self.document.name)
        return answer == "discard" or (answer == "save" and self.save())

    def new(self) -> None:
        if self.ready_to_discard():
            self.document.new()

    def open(self) -> None:
        if not self.ready_to_discard():
            return
        path = dialogs.choose_open_path(self.window, self.preferences.last_folder())
        if path is not None:
            self.open_path(path, asked=True)

    def open_path(self, path: Path, asked: bool = False) -> bool:
        """Open a file (menu, recent list, command line, drop). The open scenario stays if it fails."""
        if not asked and not self.ready_to_discard():
            return False
        try:
            opened = self.document.open(path)
        except ScenarioFileError as error:
            dialogs.warn(self.window, tr("Could not open the scenario"), str(error))
            if not path.exists():
                self.preferences.forget_recent(path)
                self.recent_changed.emit()
            return False
        self._remember(path)
        self._tell(opened)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        folder = Path(self.preferences.last_folder())
        suggested = folder / f"{safe_name(self.document.name)}{EXTENSION}"
        path = dialogs.choose_save_path(self.window, str(self.document.path or suggested))
        if path is None:
            return False
        if path.suffix != EXTENSION:  # the dialog checked the name as typed; ask for the one written
            path = path.with_name(path.name + EXTENSION)
            if path.exists() and not dialogs.ask_overwrite(self.window, path):
                return False
        return self._save_to(path)

    def revert(self) -> None:
        if self.document.path is None or not self.document.is_modified:
            return
        if dialogs.ask_save_changes(self.window, self.document.name) == "discard":
            self.open_path(self.document.path, asked=True)

    def load_preset(self, opened: OpenedFile) -> None:
        """A preset replaces the scenario as one undoable step; the file it belongs to stays the same.
        Unsaved work is asked about first, as when opening a file."""
        if not self.ready_to_discard():
            return
        scenario = opened.document.scenario
        self.document.session.load(scenario, tr("Load preset {0}").format(scenario.name))
        self.message.emit(tr("Loaded the preset “{0}”: {1}").format(scenario.name, opened.document.description))

    def _save_to(self, path: Path) -> bool:
        try:
            try:
                self.document.save_as(path)
            except LinkedFileError as error:
                if not dialogs.ask_break_link(self.window, str(error)):
                    return False
                self.document.save_as(path, break_links=True)
        except ScenarioFileError as error:
            dialogs.warn(
                self.window,
                tr("Save failed"),
                tr("{0}\n\nYour scenario is still open and unsaved; the previous file, if any, is unchanged.").format(
                    error
                ),
            )
            return False
        self._remember(self.document.path)
        self.message.emit(tr("Saved {0}").format(self.document.path))
        return True

    def _remember(self, path: Path) -> None:
        self.preferences.add_recent(path)
        self.preferences.set_last_folder(path.parent)
        self.recent_changed.emit()

    def _tell(self, opened: OpenedFile) -> None:
        if opened.notices:
            dialogs.inform(self.window, tr("Opened with notes"), "\n\n".join(opened.notices))
        self.message.emit(tr("Opened {0}").format(self.document.path))
