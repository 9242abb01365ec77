"""What the app remembers between runs (QSettings): window layout, recent files, last folder, theme."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
THEMES = ("standard", "projector")


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def recent_files(self) -> list[Path]:
        stored = self._settings.value("recent_files", [], list) or []
        return [Path(path) for path in stored]

    def add_recent(self, path: Path) -> None:
        paths = [str(path.resolve())] + [str(p) for p in self.recent_files() if p != path.resolve()]
        self._settings.setValue("recent_files", paths[:MAX_RECENT])

    def forget_recent(self, path: Path) -> None:
        self._settings.setValue("recent_files", [str(p) for p in self.recent_files() if p != path])

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None, QByteArray | None]:
        """Geometry, toolbar/dock state and splitter sizes, as saved."""
        return tuple(self._settings.value(key, None, QByteArray) for key in ("geometry", "state", "splitter"))

    def save_window_state(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        for key, value in (("geometry", geometry), ("state", state), ("splitter", splitter)):
            self._settings.setValue(key, value)

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self._settings.value(key, choices[0], str)
        return value if value in choices else choices[0]

    def theme(self) -> str:
        return self._choice("theme", THEMES)

    def set_theme(self, theme: str) -> None:
        self._settings.setValue("theme", theme)

    def last_folder(self) -> str:
        from hkplanner.ui.folders import start_folder

        return str(start_folder(self._settings.value("last_folder", "", str)))

    def set_last_folder(self, folder: Path) -> None:
        self._settings.setValue("last_folder", str(folder))
