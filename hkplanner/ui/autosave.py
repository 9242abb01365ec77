"""Autosave and crash recovery.

Each running app owns one autosave file in the per-user data folder, guarded by a lock file. While
there are unsaved changes it is rewritten (atomically) at most every AUTOSAVE_MS, so a crash loses at
most that much; nothing is written without the lock, so no other app can take live work for a crash's.
A failed write is retried and reported until one succeeds. A clean exit deletes the autosave.

At start, an autosave whose lock has no live owner is work that a crash left behind, and is offered
back. One that cannot be read (newer, damaged, half written) is never deleted: it is moved to the
`unrecovered` folder beside the autosaves and the user is told where it is.
"""

from __future__ import annotations

import json
import os
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from hkplanner.core.scenario_file import (
    OpenedFile,
    ScenarioFileError,
    checked_bytes,
    open_file,
    read_regular,
    write_atomically,
)
from hkplanner.ui.document import Document

AUTOSAVE_MS = 2000
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700  # the user's unsaved work is theirs alone
UNRECOVERED = "unrecovered"
MAX_INFO_BYTES = 64 * 1024


def default_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "autosave"


def data_folder(folder: Path | None = None) -> Path:
    """The autosave folder, made (again, if need be) and private; raises OSError when it cannot be made."""
    folder = folder or default_folder()
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    os.chmod(folder, PRIVATE_FOLDER)
    return folder


def lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # a lock is stale only when its process is gone, never by age
    return lock


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


@dataclass
class StartupScan:
    recovery: Recovery | None = None
    set_aside: list[Path] = field(default_factory=list)  # autosaves that could not be read, now in `unrecovered`


class Autosaver(QObject):
    problem_changed = Signal(str)  # why autosave is failing; "" once it works again
    _written = Signal(str)  # from the writer thread: "" or the failure

    def __init__(self, document: Document, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder or default_folder()
        stem = f"autosave-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # one per window, even in one process
        self.path = self.folder / f"{stem}.hkplan"
        self.info_path = self.folder / f"{stem}.json"
        self.lock = lock_for(self.folder / f"{stem}.lock")
        self.problem = self._take_lock()
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self._save_in_background)
        # The disk write (with its fsync) runs off the UI thread, so a drag never stalls on it.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future | None = None
        self._written.connect(self._report)
        document.state_changed.connect(self._on_change)

    def _on_change(self) -> None:
        if not self.document.is_modified:
            self.discard()
            self._report("")
        elif not self.timer.isActive():  # a throttle, not a debounce: a long drag still gets saved
            self.timer.start()

    def save_now(self) -> None:
        """Write the autosave and return once it is on disk (or the failure is reported)."""
        payload = self._payload()
        if payload is not None:
            self._report(self._write(payload))

    def _save_in_background(self) -> None:
        payload = self._payload()
        if payload is not None:
            self._pending = self._writer.submit(lambda: self._written.emit(self._write(payload)))

    def _take_lock(self) -> str:
        """Taken at start, or later if the disk was full or the folder missing then: without it, nothing
        is written. Returns why it could not be taken, or "" (the app starts all the same)."""
        if self.lock.isLocked():
            return ""
        try:
            data_folder(self.folder)
        except OSError as error:
            return f"{error.strerror or error}: the autosave folder {self.folder} could not be made"
        return "" if self.lock.tryLock(0) else f"its lock file could not be made in {self.folder}"

    def _payload(self) -> tuple[bytes, bytes] | None:
        """What to write, taken on the UI thread so the worker never touches the session."""
        if not self.document.is_modified:
            return None
        try:
            reason = self._take_lock()
            if reason:
                raise ScenarioFileError(reason)
            scenario = checked_bytes(self.document.current())  # never an autosave that could not be recovered
        except ScenarioFileError as error:
            self._report(str(error))
            return None
        original = str(self.document.path) if self.document.path else None
        info = {"original": original, "name": self.document.name, "saved_at": datetime.now().strftime("%H:%M:%S")}
        return scenario, json.dumps(info).encode("utf-8")

    def _write(self, payload: tuple[bytes, bytes]) -> str:
        """Runs on the writer thread; returns the failure, or "" when both files are on disk."""
        scenario, info = payload
        try:
            write_atomically(self.path, scenario, mode=PRIVATE_FILE)
            write_atomically(self.info_path, info, mode=PRIVATE_FILE)
        except ScenarioFileError as error:
            return str(error)
        return ""

    def _report(self, problem: str) -> None:
        """A failure stays on show and is retried; success clears it."""
        if problem and self.document.is_modified:
            self.timer.start()
        if problem != self.problem:
            self.problem = problem
            self.problem_changed.emit(problem)

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


# At start ----------------------------------------------------------------------------------------------


def find_recovery(folder: Path | None = None) -> Recovery | None:
    """The newest autosave whose app is no longer running, locked for this app; None if there is none."""
    return scan(folder).recovery


def scan(folder: Path | None = None) -> StartupScan:
    """Tidy what killed apps left, set aside what cannot be read, and find the newest work to offer.
    Tolerates anything in the folder, and other apps adding and removing files meanwhile."""
    found = StartupScan()
    folder = folder or default_folder()
    if not folder.is_dir():
        return found
    tidy(folder)
    for stem in sorted(_stems(folder), key=lambda stem: _mtime(folder / f"{stem}.hkplan"), reverse=True):
        lock = lock_for(folder / f"{stem}.lock")
        if not lock.tryLock(0):
            continue  # another running app owns it
        content, info = folder / f"{stem}.hkplan", folder / f"{stem}.json"
        try:
            opened = open_file(content)
        except ScenarioFileError:
            if content.exists():
                found.set_aside += _set_aside(folder, (content, info))
            else:
                info.unlink(missing_ok=True)  # an info file alone holds no work
            lock.unlock()
            continue
        if found.recovery is not None:
            lock.unlock()  # older work waits for the next start
            continue
        original, saved_at = _read_info(info)
        found.recovery = Recovery(opened, original, saved_at or _clock(content), (content, info), lock)
    return found


def tidy(folder: Path) -> None:
    """Temporary files and locks left by killed apps go; a live app's are kept."""
    for leftover in [*folder.glob(".autosave-*.tmp"), *folder.glob("autosave-*.lock")]:
        stem = leftover.name.lstrip(".").split(".")[0]
        if leftover.suffix == ".lock" and ((folder / f"{stem}.hkplan").exists() or (folder / f"{stem}.json").exists()):
            continue  # work to recover: its lock is taken then
        lock = lock_for(folder / f"{stem}.lock")
        if lock.tryLock(0):
            if leftover.suffix == ".tmp":
                leftover.unlink(missing_ok=True)
            lock.unlock()  # removes the lock file


def _stems(folder: Path) -> set[str]:
    return {path.stem for pattern in ("autosave-*.hkplan", "autosave-*.json") for path in folder.glob(pattern)}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # gone meanwhile: another app discarded it
        return 0.0


def _clock(path: Path) -> str:
    moment = _mtime(path)
    return datetime.fromtimestamp(moment).strftime("%H:%M:%S") if moment else ""


def _read_info(path: Path) -> tuple[Path | None, str]:
    """The file the work belonged to and when it was saved; anything unreadable means unknown."""
    try:
        info = json.loads(read_regular(path, MAX_INFO_BYTES, "autosave notes").decode("utf-8"))
    except (ScenarioFileError, ValueError):
        info = None
    if not isinstance(info, dict):
        return None, ""
    original, saved_at = info.get("original"), info.get("saved_at")
    original = Path(original) if isinstance(original, str) and original.strip() and "\x00" not in original else None
    return original, saved_at if isinstance(saved_at, str) else ""


def _set_aside(folder: Path, files: tuple[Path, ...]) -> list[Path]:
    """Move files into `unrecovered/` under names not yet taken; a file that cannot be moved stays put."""
    aside = folder / UNRECOVERED
    moved = []
    for path in files:
        if not path.exists():
            continue
        try:
            aside.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
            target = aside / path.name
            number = 1
            while target.exists():
                target = aside / f"{path.stem}-{number}{path.suffix}"
                number += 1
            os.replace(path, target)
            moved.append(target)
        except OSError:
            moved.append(path)
    return moved
