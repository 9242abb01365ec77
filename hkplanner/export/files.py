"""Where exports go: safe file names, and atomic writes that fail with one kind of error.

A character device or a named pipe (`--csv /dev/stdout`, a FIFO another program reads) is written
to directly, since renaming a file over it would replace the device entry itself.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from hkplanner.core.scenario_file import ScenarioFileError, write_atomically


class ExportError(Exception):
    """An export that could not be written; the message names the file and the reason."""


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name part: letters (any script), digits, '-' and '_' only; never empty."""
    cleaned = re.sub(r"[^\w-]+", "-", text, flags=re.UNICODE).strip("-_")
    return cleaned[:limit].rstrip("-_") or "scenario"


def chart_file_name(scenario_name: str, chart_name: str, suffix: str) -> str:
    """E.g. 'Private-build-out-two-years-late_compute.png' for chart 'chart_compute'."""
    return f"{safe_name(scenario_name)}_{safe_name(chart_name.removeprefix('chart_'))}.{suffix.lstrip('.')}"


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """All or nothing: a failed write leaves any earlier file as it was."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder, not a file name")
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return _write_to_stream(path, data)
    try:
        write_atomically(path, data)
    except ScenarioFileError as error:
        raise ExportError(f"{path}: {error.reason}") from None
    return path


def _write_to_stream(path: Path, data: bytes) -> Path:
    """A device or pipe: written in place. A pipe nobody reads is refused rather than waited on."""
    try:
        handle = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        reason = "no program is reading from this pipe" if error.errno == errno.ENXIO else error.strerror or error
        raise ExportError(f"{path}: could not be written ({reason})") from None
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    except OSError as error:
        raise ExportError(f"{path}: could not be written ({error.strerror or error})") from None
    finally:
        os.close(handle)
    return path


def ensure_folder(path: str | os.PathLike) -> Path:
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"{path}: the folder could not be made ({error.strerror or error})") from None
    return path
