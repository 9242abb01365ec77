"""What the app remembers between runs (QSettings): window layout, recent files, last folder, theme.

Every read tolerates a damaged or hand-edited settings file: a value of the wrong kind is its default.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
THEMES = ("standard", "projector")


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _value(self, key: str, default: object = None) -> object:
        try:
            return self._settings.value(key, default)
        except (TypeError, ValueError, RuntimeError):  # a value Qt could not convert
            return default

    def recent_files(self) -> list[Path]:
        stored = self._value("recent_files", [])
        stored = [stored] if isinstance(stored, str) else stored if isinstance(stored, list) else []
        texts = [text for text in stored[: 4 * MAX_RECENT] if isinstance(text, str) and text and "\x00" not in text]
        return [Path(text) for text in texts[:MAX_RECENT]]

    def add_recent(self, path: Path) -> None:
        paths = [str(path.resolve())] + [str(p) for p in self.recent_files() if p != path.resolve()]
        self._settings.setValue("recent_files", paths[:MAX_RECENT])

    def forget_recent(self, path: Path) -> None:
        self._settings.setValue("recent_files", [str(p) for p in self.recent_files() if p != path])

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None, QByteArray | None]:
        """Geometry, toolbar/dock state and splitter sizes, as saved."""
        return tuple(_bytes(self._value(key)) for key in ("geometry", "state", "splitter"))

    def save_window_state(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        for key, value in (("geometry", geometry), ("state", state), ("splitter", splitter)):
            self._settings.setValue(key, value)

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self._value(key, choices[0])
        return value if value in choices else choices[0]

    def theme(self) -> str:
        return self._choice("theme", THEMES)

    def set_theme(self, theme: str) -> None:
        self._settings.setValue("theme", theme)

    def last_folder(self) -> str:
        from hkplanner.ui.folders import start_folder

        value = self._value("last_folder")
        return str(start_folder(value if isinstance(value, str) and "\x00" not in value else ""))

    def set_last_folder(self, folder: Path) -> None:
        self._settings.setValue("last_folder", str(folder))


def _bytes(value: object) -> QByteArray | None:
    """Saved window state is binary; anything else (hand-edited text) is no saved state."""
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
