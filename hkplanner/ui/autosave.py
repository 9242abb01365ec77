"""Autosave and crash recovery.

Each running app owns one autosave file in the per-user data folder, guarded by a lock file. While
there are unsaved changes it is rewritten (atomically) at most every AUTOSAVE_MS, so a crash loses at
most that much. A clean exit deletes it. At start, an autosave whose lock has no live owner is work
that a crash left behind, and is offered back.
"""

from __future__ import annotations

import json
import os
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from hkplanner.core.scenario_file import (
    OpenedFile,
    ScenarioFileError,
    from_bytes,
    to_json,
    write_atomically,
)
from hkplanner.ui.document import Document

AUTOSAVE_MS = 2000


def data_folder() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Recovery:
    """Work a crashed app left behind."""

    opened: OpenedFile
    original: Path | None  # the file it belonged to, if it had been saved before
    saved_at: str
    files: tuple[Path, ...]
    lock: QLockFile

    def discard(self) -> None:
        for path in self.files:
            path.unlink(missing_ok=True)
        self.lock.unlock()


class Autosaver(QObject):
    def __init__(self, document: Document, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder or data_folder()
        stem = f"autosave-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # one per window, even in one process
        self.path = self.folder / f"{stem}.hkplan"
        self.info_path = self.folder / f"{stem}.json"
        self.lock = QLockFile(str(self.folder / f"{stem}.lock"))
        self.lock.setStaleLockTime(0)  # a lock is stale only when its process is gone, never by age
        self.lock.tryLock(0)
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self._save_in_background)
        # The disk write (with its fsync) runs off the UI thread, so a drag never stalls on it.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future | None = None
        document.state_changed.connect(self._on_change)

    def _on_change(self) -> None:
        if not self.document.is_modified:
            self.discard()
        elif not self.timer.isActive():  # a throttle, not a debounce: a long drag still gets saved
            self.timer.start()

    def save_now(self) -> None:
        """Write the autosave and return once it is on disk."""
        payload = self._payload()
        if payload is not None:
            self._write(payload)

    def _save_in_background(self) -> None:
        payload = self._payload()
        if payload is not None:
            self._pending = self._writer.submit(self._write, payload)

    def _payload(self) -> tuple[bytes, bytes] | None:
        """What to write, taken on the UI thread so the worker never touches the session."""
        if not self.document.is_modified:
            return None
        original = str(self.document.path) if self.document.path else None
        info = {"original": original, "name": self.document.name, "saved_at": self._clock()}
        return to_json(self.document.current()).encode("utf-8"), json.dumps(info).encode("utf-8")

    def _write(self, payload: tuple[bytes, bytes]) -> None:
        scenario, info = payload
        try:
            write_atomically(self.path, scenario)
            write_atomically(self.info_path, info)
        except ScenarioFileError:
            pass  # autosave is a safety net: a full disk must not interrupt the user's work

    def discard(self) -> None:
        self.timer.stop()
        if self._pending is not None:
            self._pending.result()  # a write still under way would bring the file back
            self._pending = None
        self.path.unlink(missing_ok=True)
        self.info_path.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean exit: nothing to recover."""
        self.discard()
        self._writer.shutdown(wait=True)
        self.lock.unlock()
        Path(self.lock.fileName()).unlink(missing_ok=True)

    @staticmethod
    def _clock() -> str:
        from datetime import datetime

        return datetime.now().strftime("%H:%M:%S")


def find_recovery(folder: Path | None = None) -> Recovery | None:
    """The newest autosave whose app is no longer running, locked for this app; None if there is none."""
    folder = folder or data_folder()
    for path in sorted(folder.glob("autosave-*.hkplan"), key=lambda p: p.stat().st_mtime, reverse=True):
        lock = QLockFile(str(path.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running app owns it
        info_path = path.with_suffix(".json")
        files = (path, info_path, path.with_suffix(".lock"))
        try:
            info = json.loads(info_path.read_text("utf-8"))
            opened = from_bytes(path.read_bytes(), path)
        except (OSError, ValueError):
            for leftover in files[:2]:
                leftover.unlink(missing_ok=True)
            lock.unlock()
            continue
        original = Path(info["original"]) if info.get("original") else None
        return Recovery(opened, original, str(info.get("saved_at", "")), files, lock)
    return None
