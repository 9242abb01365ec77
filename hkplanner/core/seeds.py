"""Reads the cited data in `seeds/`: the registry, the phases, the targets and the history."""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from pathlib import Path


def seeds_dir() -> Path:
    """The seeds folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "seeds"


@cache
def load(name: str) -> dict:
    """One seed file, parsed. `name` is the file name without `.toml`."""
    with open(seeds_dir() / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)
