"""Which version of the default data a scenario was made with, and what has changed since."""

from __future__ import annotations

from dataclasses import dataclass

from hkplanner.core.seeds import load


@dataclass(frozen=True)
class DefaultChange:
    version: str
    key: str  # a parameter key, or "phases"
    old: object
    new: object
    why: str


def current_version() -> str:
    return load("data_versions")["current"]


def changes_since(version: str) -> tuple[DefaultChange, ...] | None:
    """Default changes made after `version`, oldest first; None if the version is unknown here."""
    data = load("data_versions")
    versions = data["versions"]
    if version not in versions:
        return None
    later = set(versions[versions.index(version) + 1 :])
    return tuple(DefaultChange(**entry) for entry in data.get("change", []) if entry["version"] in later)
