"""Where file dialogs open: the folder last used, else the user's documents folder; never the
process's working folder (which, started from an installer's shortcut, is somewhere no one looks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The user's documents folder, or their home folder where there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def start_folder(stored: str) -> Path:
    """The remembered folder while it still exists, else the documents folder."""
    return Path(stored) if stored and Path(stored).is_dir() else documents_folder()


def dialog_folder(preferences) -> Path:
    """Where a dialog opens: the last folder used (Preferences), else the documents folder."""
    return Path(preferences.last_folder()) if preferences is not None else documents_folder()


def suggested_path(preferences, file_name: str) -> str:
    """A file name in the folder where the dialog should open (absolute, so never the working folder)."""
    return str(dialog_folder(preferences) / file_name)
