"""Reads the cited data in `seeds/`, and finds the bundled folders (`seeds/`, `resources/`)."""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from pathlib import Path


def bundled_dir(folder: str) -> Path:
    """A data folder shipped with the app: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / folder


@cache
def load(name: str) -> dict:
    """One seed file, parsed. `name` is the file name without `.toml`."""
    with open(bundled_dir("seeds") / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)
