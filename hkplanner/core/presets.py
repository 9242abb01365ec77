"""The scenario library: presets shipped as `.hkplan` files in `resources/presets/`, in file-name order."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hkplanner.core.scenario_file import EXTENSION, OpenedFile, open_file
from hkplanner.core.seeds import bundled_dir


def presets_dir() -> Path:
    return bundled_dir("resources") / "presets"


@cache
def presets() -> tuple[OpenedFile, ...]:
    return tuple(open_file(path) for path in sorted(presets_dir().glob(f"*{EXTENSION}")))


def preset(name: str) -> OpenedFile:
    """A preset by its scenario name or its file name (without the extension)."""
    for path, opened in zip(sorted(presets_dir().glob(f"*{EXTENSION}")), presets(), strict=True):
        if name in (opened.document.scenario.name, path.stem):
            return opened
    known = ", ".join(opened.document.scenario.name for opened in presets())
    raise KeyError(f"no preset named {name!r} (presets: {known})")
