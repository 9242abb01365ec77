"""The workspace: the scenario being explored and what it is seen against (the plan's baseline and any
pinned scenarios), all projected over the scenario's horizon.

The window, the exports and the command line read the same workspace; the window's Session only adapts
it to Qt signals and the undo stack. A workspace is immutable: a change makes another.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from hkplanner.core.projection import Projection, project
from hkplanner.core.scenario import Scenario, baseline

MAX_PINNED = 4  # scenarios shown beside the current one: more makes the charts unreadable


@dataclass(frozen=True)
class Pin:
    label: str
    scenario: Scenario


@lru_cache(maxsize=16)
def projected_over(scenario: Scenario, end_year: int) -> Projection:
    """A scenario over another's horizon, so that ghosts and pins span the years the current one does.
    Cached: the baseline and the pins are projected again only when the horizon moves."""
    return project(scenario if scenario["end_year"] == end_year else scenario.replace(end_year=end_year))


@dataclass(frozen=True, eq=False)
class Workspace:
    scenario: Scenario = field(default_factory=baseline)
    pins: tuple[Pin, ...] = ()
    baseline: Scenario = field(default_factory=baseline)

    def __post_init__(self) -> None:
        if len(self.pins) > MAX_PINNED:
            raise ValueError(f"At most {MAX_PINNED} scenarios can be pinned; unpin one first.")

    @property
    def end_year(self) -> int:
        return int(self.scenario["end_year"])

    @cached_property
    def projection(self) -> Projection:
        return project(self.scenario)

    @property
    def baseline_projection(self) -> Projection:
        return projected_over(self.baseline, self.end_year)

    @property
    def pin_projections(self) -> list[tuple[str, Projection]]:
        return [(pin.label, projected_over(pin.scenario, self.end_year)) for pin in self.pins]

    def with_scenario(self, scenario: Scenario) -> Workspace:
        return dataclasses.replace(self, scenario=scenario)

    def pinned(self, label: str, scenario: Scenario) -> Workspace:
        """Another scenario beside this one; ValueError past MAX_PINNED."""
        return dataclasses.replace(self, pins=(*self.pins, Pin(label, scenario)))

    def unpinned(self, index: int | None = None) -> Workspace:
        """Without one pinned scenario, or without any."""
        kept = () if index is None else self.pins[:index] + self.pins[index + 1 :]
        return dataclasses.replace(self, pins=kept)
