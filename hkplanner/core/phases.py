"""Compute build-out phases: what each adds, when, and how fast it ramps up."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hkplanner.core.parameters import ParameterError
from hkplanner.core.seeds import load
from hkplanner.core.timeline import FIRST_YEAR, MAX_END_YEAR

OWNERS = ("public", "private")
RAMPS = ("linear", "s-curve", "step")
MAX_PHASE_PF = 10_000_000


class PhaseError(ParameterError):
    """A phase that cannot exist; the message names the phase and the field."""


@dataclass(frozen=True)
class Phase:
    name: str
    owner: str
    capacity_pf: float
    start_year: int
    completion_year: int
    ramp: str = "linear"
    source: str = "User-defined phase (assumption)."

    def __post_init__(self) -> None:
        where = f"phase {self.name!r}"
        if not isinstance(self.name, str) or not self.name.strip():
            raise PhaseError(f"{where}: the name must not be empty")
        if self.owner not in OWNERS:
            raise PhaseError(f"{where}: owner = {self.owner!r} must be one of {', '.join(OWNERS)}")
        if self.ramp not in RAMPS:
            raise PhaseError(f"{where}: ramp = {self.ramp!r} must be one of {', '.join(RAMPS)}")
        capacity = self.capacity_pf
        if isinstance(capacity, bool) or not isinstance(capacity, (int, float)) or not 0 <= capacity <= MAX_PHASE_PF:
            raise PhaseError(f"{where}: capacity_pf = {capacity!r} is out of range (allowed 0 to {MAX_PHASE_PF:,} PF)")
        for field in ("start_year", "completion_year"):
            year = getattr(self, field)
            if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= MAX_END_YEAR:
                raise PhaseError(
                    f"{where}: {field} = {year!r} is out of range (allowed {FIRST_YEAR} to {MAX_END_YEAR})"
                )
        if self.completion_year < self.start_year:
            raise PhaseError(
                f"{where}: completion_year = {self.completion_year} is before start_year = {self.start_year}"
            )


def default_phases() -> tuple[Phase, ...]:
    """The plan's phases, from `seeds/phases.toml`."""
    return tuple(Phase(**entry) for entry in load("phases")["phase"])


def _ramp(progress: np.ndarray, shape: str) -> np.ndarray:
    """Share of a phase in service, given progress through its build years (0..1, clipped)."""
    if shape == "step":
        return (progress >= 1.0).astype(float)
    if shape == "s-curve":
        return progress * progress * (3.0 - 2.0 * progress)
    return progress


def capacity_by_phase(phases: tuple[Phase, ...], years: np.ndarray, private_delay: int) -> np.ndarray:
    """Year-end capacity in PF, one row per phase, one column per year.

    A phase built from start to completion has 1/n of its progress at the end of its first year
    (n = completion - start + 1) and all of it at completion. Private phases slip by `private_delay`.
    """
    rows = np.zeros((len(phases), len(years)))
    for row, phase in zip(rows, phases, strict=True):
        delay = private_delay if phase.owner == "private" else 0
        start = phase.start_year + delay
        span = phase.completion_year - phase.start_year + 1
        progress = np.clip((years - start + 1) / span, 0.0, 1.0)
        row[:] = phase.capacity_pf * _ramp(progress, phase.ramp)
    return rows
