"""Compute build-out phases: what each adds, when, and how fast it ramps up."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from hkplanner.core.parameters import ParameterError
from hkplanner.core.seeds import load
from hkplanner.core.timeline import FIRST_YEAR, LAST_HISTORY_YEAR, MAX_END_YEAR

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
        if (
            isinstance(capacity, bool)
            or not isinstance(capacity, numbers.Real)
            or not 0 <= capacity <= MAX_PHASE_PF  # also refuses NaN
        ):
            raise PhaseError(f"{where}: capacity_pf = {capacity!r} is out of range (allowed 0 to {MAX_PHASE_PF:,} PF)")
        object.__setattr__(self, "capacity_pf", float(capacity) if not float(capacity).is_integer() else int(capacity))
        for field in ("start_year", "completion_year"):
            year = getattr(self, field)
            whole = isinstance(year, numbers.Real) and not isinstance(year, bool) and float(year).is_integer()
            if not whole or not FIRST_YEAR <= year <= MAX_END_YEAR:
                raise PhaseError(
                    f"{where}: {field} = {year!r} is out of range (allowed whole years {FIRST_YEAR} to {MAX_END_YEAR})"
                )
            object.__setattr__(self, field, int(year))
        if self.completion_year < self.start_year:
            raise PhaseError(
                f"{where}: completion_year = {self.completion_year} is before start_year = {self.start_year}"
            )


def default_phases() -> tuple[Phase, ...]:
    """The plan's phases, from `seeds/phases.toml`."""
    return tuple(Phase(**entry) for entry in load("phases")["phase"])


@dataclass(frozen=True)
class _PhaseArrays:
    """The phases as columns, built once per distinct phase list: a slider move reuses them."""

    capacity: np.ndarray
    start: np.ndarray
    span: np.ndarray
    can_slip: np.ndarray  # private and not yet under way in the last history year
    private_weight: np.ndarray
    s_curve: np.ndarray
    step: np.ndarray


@lru_cache(maxsize=64)
def _arrays(phases: tuple[Phase, ...]) -> _PhaseArrays:
    def column(values, dtype=float):
        return np.array(list(values), dtype=dtype).reshape(-1, 1)

    return _PhaseArrays(
        capacity=column(p.capacity_pf for p in phases),
        start=column(p.start_year for p in phases),
        span=column(p.completion_year - p.start_year + 1 for p in phases),
        can_slip=column((p.owner == "private" and p.start_year > LAST_HISTORY_YEAR for p in phases), bool),
        private_weight=np.array([float(p.owner == "private") for p in phases]),
        s_curve=column((p.ramp == "s-curve" for p in phases), bool),
        step=column((p.ramp == "step" for p in phases), bool),
    )


def capacity_by_phase(phases: tuple[Phase, ...], years: np.ndarray, private_delay: int) -> np.ndarray:
    """Year-end capacity in PF, one row per phase, one column per year.

    A phase built from start to completion has 1/n of its progress at the end of its first year
    (n = completion - start + 1) and all of it at completion. Private phases not yet under way in the
    last history year slip by `private_delay`, so the delay never rewrites history.
    Ramps: linear; s-curve (smoothstep, 3p^2 - 2p^3); step (nothing until completion).
    """
    columns = _arrays(phases)
    start = columns.start + private_delay * columns.can_slip
    progress = np.minimum(np.maximum((years - start + 1) / columns.span, 0.0), 1.0)
    shaped = np.where(columns.s_curve, progress * progress * (3.0 - 2.0 * progress), progress)
    shaped = np.where(columns.step, np.floor(progress), shaped)
    return columns.capacity * shaped


def private_weights(phases: tuple[Phase, ...]) -> np.ndarray:
    """1.0 for each privately owned phase, 0.0 for each public one: `weights @ by_phase` sums the private rows."""
    return _arrays(phases).private_weight
