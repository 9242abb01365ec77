"""macOS opens a double-clicked `.hkplan` by sending the running app a QEvent.FileOpen (not a command-line
argument): this filter hands the file to the window, as File > Open would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject


class FileOpenHandler(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and event.file():
            self.window.files.open_path(Path(event.file()))
            return True
        return False
