"""A scenario: validated values for every parameter plus the compute phases. Immutable."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from hkplanner.core.parameters import REGISTRY, ParameterError
from hkplanner.core.phases import Phase, PhaseError, default_phases


class ScenarioError(ParameterError):
    """A scenario that cannot be built; the message says which key or phase is wrong and why."""


def _checked(values: Mapping[str, object]) -> dict[str, float]:
    """Each value validated by its parameter; unknown keys refused by name."""
    unknown = sorted(set(values) - set(REGISTRY))
    if unknown:
        key = unknown[0]
        raise ScenarioError(f"{key} = {values[key]!r}: unknown parameter (known: {', '.join(REGISTRY)})")
    return {key: REGISTRY[key].validate(value) for key, value in values.items()}


def _validated(values: Mapping[str, object]) -> MappingProxyType:
    checked = _checked(values)
    return MappingProxyType({key: checked.get(key, parameter.default) for key, parameter in REGISTRY.items()})


@dataclass(frozen=True)
class Scenario:
    """Every way of making one validates it; `replace` and `with_phases` return new scenarios.

    `values` may be given in part: missing parameters take their defaults.
    """

    name: str = "Untitled"
    values: Mapping[str, float] = field(default_factory=dict, repr=False)
    phases: tuple[Phase, ...] = field(default_factory=default_phases, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", _validated(self.values))
        object.__setattr__(self, "phases", _phases(self.phases))

    @classmethod
    def _from_checked(cls, name: str, values: MappingProxyType, phases: Iterable[Phase]) -> Scenario:
        """A scenario from values another scenario validated (a slider step checks only what it changed)."""
        scenario = object.__new__(cls)
        for attribute, value in (("name", name), ("values", values), ("phases", _phases(phases))):
            object.__setattr__(scenario, attribute, value)
        return scenario

    def __reduce__(self):
        """Pickled as its name, values and phases (sent to a worker process), validated again when read."""
        return Scenario, (self.name, dict(self.values), self.phases)

    def __hash__(self) -> int:
        return hash((self.name, tuple(self.values.values()), self.phases))

    def __getitem__(self, key: str) -> float:
        return self.values[key]

    def replace(self, **changes: object) -> Scenario:
        """A copy with some parameter values changed, validated."""
        values = MappingProxyType({**self.values, **_checked(changes)})
        return Scenario._from_checked(self.name, values, self.phases)

    def with_phases(self, phases: Iterable[Phase]) -> Scenario:
        return Scenario._from_checked(self.name, self.values, phases)

    def renamed(self, name: str) -> Scenario:
        return Scenario._from_checked(name, self.values, self.phases)

    def changed_keys(self, other: Scenario) -> list[str]:
        """Parameters whose value differs from `other`'s, in registry order."""
        return [key for key in REGISTRY if self.values[key] != other.values[key]]


def _phases(phases: Iterable[Phase]) -> tuple[Phase, ...]:
    phases = tuple(phases)
    if not all(isinstance(phase, Phase) for phase in phases):
        raise PhaseError("phases must be Phase objects")
    return phases


def baseline() -> Scenario:
    """The plan's baseline: every default from `seeds/`, the plan's phases."""
    return Scenario("Official plan (Aug 2024)")
