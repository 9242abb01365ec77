"""The open document: which file the session's scenario belongs to, its metadata and saved state.

File > New, Open, Save, Save As, Revert and presets go through here. It never shows a dialog itself:
failures raise ScenarioFileError with the message to show, and the session is only changed once a
file has been read and checked, so a bad file never costs the user their work.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from hkplanner.core import baseline
from hkplanner.core.scenario_file import (
    CONTROL,
    EXTENSION,
    MAX_NAME,
    OpenedFile,
    ScenarioDocument,
    now,
    open_file,
    save,
)
from hkplanner.ui.session import Session


def tr(text: str) -> str:
    return QCoreApplication.translate("Document", text)


class Document(QObject):
    state_changed = Signal()  # the file, the name or the saved/unsaved state changed

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.metadata = ScenarioDocument(session.scenario)
        session.undo_stack.cleanChanged.connect(self.state_changed)
        session.changed.connect(self._on_session_changed)

    @property
    def is_modified(self) -> bool:
        stack = self.session.undo_stack
        # While the window is destroyed, the stack clears itself and signals once more: nothing is unsaved then.
        return shiboken6.isValid(stack) and not stack.isClean()

    @property
    def name(self) -> str:
        return self.session.work.name

    def current(self) -> ScenarioDocument:
        """What Save would write now: the work, never a slide of a show running in front of it."""
        return dataclasses.replace(self.metadata, scenario=self.session.work, modified=now())

    def _on_session_changed(self) -> None:
        if not self.session.presenting:  # slides change nothing in the document (nor its autosave)
            self.state_changed.emit()

    def new(self) -> None:
        self._adopt(None, ScenarioDocument(baseline().renamed(tr("Untitled scenario"))), origin=False)

    def open(self, path: Path) -> OpenedFile:
        """Read and check the file first; only then replace what is open. Raises ScenarioFileError."""
        opened = open_file(path)
        self._adopt(path, opened.document)
        return opened

    def revert(self) -> OpenedFile:
        return self.open(self.path)

    def save(self) -> None:
        self.save_as(self.path)

    def save_as(self, path: Path, break_links: bool = False) -> None:
        """Raises ScenarioFileError (LinkedFileError for a hard-linked file, unless `break_links`); on
        failure the scenario stays open and marked unsaved. The file is read back before this returns."""
        if path.suffix != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        document = self.current()
        save(path, document, break_links)
        self.metadata, self.path = document, path
        self.session.undo_stack.setClean()
        self.state_changed.emit()

    def rename(self, name: str) -> None:
        name = CONTROL.sub(" ", name).strip()[:MAX_NAME] or self.name  # a pasted tab or bell is not a name
        self.session.rename(name, tr("Rename to {0}").format(name))

    def restore(self, document: ScenarioDocument, path: Path | None) -> None:
        """Recovered work: the scenario as it was, belonging to its file, and not yet saved."""
        self._adopt(path, document)
        self.session.undo_stack.resetClean()
        self.state_changed.emit()

    def _adopt(self, path: Path | None, document: ScenarioDocument, origin: bool = True) -> None:
        self.path, self.metadata = path, document
        self.session.start_over(document.scenario, origin)
        self.state_changed.emit()
