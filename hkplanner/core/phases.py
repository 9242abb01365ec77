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
NORTHERN_METROPOLIS = "northern_metropolis"  # the tag the plan's 10,000 PF private target counts
# Files saved before phases had tags: a phase whose name says where it is gets that tag.
_TAGS_FROM_NAMES = {
    "northern metropolis": NORTHERN_METROPOLIS,
    "cyberport": "cyberport",
    "sandy ridge": NORTHERN_METROPOLIS,
}


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
    tag: str | None = None  # e.g. "northern_metropolis"; None takes it from the name (files saved before tags)

    def __post_init__(self) -> None:
        where = f"phase {self.name!r}"
        if not isinstance(self.name, str) or not self.name.strip():
            raise PhaseError(f"{where}: the name must not be empty")
        if self.tag is None:
            lowered = self.name.lower()
            found = (tag for words, tag in _TAGS_FROM_NAMES.items() if words in lowered)
            object.__setattr__(self, "tag", next(found, ""))
        if not isinstance(self.tag, str):
            raise PhaseError(f"{where}: tag = {self.tag!r} should be text")
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


@dataclass(frozen=True, eq=False)  # hashed by identity: built once per phase list, a cache key
class PhaseArrays:
    """The phases as arrays (phases, N or 1, 1) against the years: one row per scenario in a batch.

    Built once per distinct phase list (a slider move reuses them); a batch replaces `capacity` and
    `start` with its own rows.
    """

    capacity: np.ndarray  # PF
    start: np.ndarray  # first year of building, may be fractional in a batch
    span: np.ndarray  # (phases, 1, 1): completion - start + 1 years
    private: np.ndarray  # (phases,) 1.0 for a private phase
    owner_weights: np.ndarray  # (4, phases): rows pick public, private, Northern Metropolis, other private
    s_curve: np.ndarray  # indexes of the phases with each ramp
    step: np.ndarray


@lru_cache(maxsize=64)
def phase_arrays(phases: tuple[Phase, ...]) -> PhaseArrays:
    def column(values, dtype=float):
        return np.array(list(values), dtype=dtype).reshape(-1, 1, 1)

    private = np.array([float(p.owner == "private") for p in phases])
    tagged = np.array([float(p.tag == NORTHERN_METROPOLIS) for p in phases])
    return PhaseArrays(
        capacity=column(p.capacity_pf for p in phases),
        start=column(p.start_year for p in phases),
        span=column(p.completion_year - p.start_year + 1 for p in phases),
        private=private,
        owner_weights=np.array([1.0 - private, private, private * tagged, private * (1.0 - tagged)]).reshape(4, -1),
        s_curve=np.array([index for index, p in enumerate(phases) if p.ramp == "s-curve"], dtype=np.intp),
        step=np.array([index for index, p in enumerate(phases) if p.ramp == "step"], dtype=np.intp),
    )


def capacity_by_phase(phases: tuple[Phase, ...] | PhaseArrays, years: np.ndarray, private_delay) -> np.ndarray:
    """Year-end capacity in PF: (phases, scenarios, years), or (phases, years) for a plain phase tuple.

    A phase built from start to completion has 1/n of its progress at the end of its first year
    (n = completion - start + 1) and all of it at completion. Private phases not yet under way in the
    last history year slip by `private_delay` (a number, or (N, 1) per scenario; a fraction shifts the
    ramp by that part of a year), so the delay never rewrites history.
    Ramps: linear; s-curve (smoothstep, 3p^2 - 2p^3); step (nothing until completion).
    """
    columns = phases if isinstance(phases, PhaseArrays) else phase_arrays(phases)
    can_slip = (columns.start > LAST_HISTORY_YEAR) * columns.private[:, None, None]
    start = columns.start + np.asarray(private_delay).reshape(1, -1, 1) * can_slip
    progress = (years + 1.0) - start
    progress /= columns.span
    np.maximum(progress, 0.0, out=progress)  # np.clip's checks cost more than the two ufuncs
    np.minimum(progress, 1.0, out=progress)
    if columns.s_curve.size:
        curved = progress[columns.s_curve]
        progress[columns.s_curve] = curved * curved * (3.0 - 2.0 * curved)
    if columns.step.size:
        progress[columns.step] = np.floor(progress[columns.step])
    # Not in place: a batch may vary capacity across rows while the start (so progress) is shared.
    by_phase = progress * columns.capacity
    return by_phase if isinstance(phases, PhaseArrays) else by_phase[:, 0]
