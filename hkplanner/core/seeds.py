"""Reads the cited data in `seeds/`, and finds the shipped data folders (`seeds/`, `resources/`).

The folders stay at the top of the repository, where the cited data is easy to review; pyproject.toml maps
them into the package as `hkplanner.seeds` and `hkplanner.resources`, so a wheel and the PyInstaller bundle
carry them inside `hkplanner/`."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def bundled_dir(folder: str) -> Path:
    """A data folder shipped with the app: inside the installed package (a wheel, the frozen bundle), or at
    the top of a source checkout (running from it, or an editable install of it)."""
    installed = Path(str(files("hkplanner") / folder))
    return installed if installed.is_dir() else CHECKOUT / folder


@cache
def load(name: str) -> dict:
    """One seed file, parsed. `name` is the file name without `.toml`."""
    with open(bundled_dir("seeds") / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)
