"""A scenario: validated values for every parameter plus the compute phases. Immutable."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from hkplanner.core.parameters import REGISTRY, ParameterError
from hkplanner.core.phases import Phase, PhaseError, default_phases


class ScenarioError(ParameterError):
    """A scenario that cannot be built; the message says which key or phase is wrong and why."""


def _validated(values: Mapping[str, object]) -> MappingProxyType:
    unknown = sorted(set(values) - set(REGISTRY))
    if unknown:
        key = unknown[0]
        raise ScenarioError(f"{key} = {values[key]!r}: unknown parameter (known: {', '.join(REGISTRY)})")
    merged = {key: values.get(key, parameter.default) for key, parameter in REGISTRY.items()}
    return MappingProxyType({key: REGISTRY[key].validate(value) for key, value in merged.items()})


@dataclass(frozen=True)
class Scenario:
    """Every way of making one validates it; `replace` and `with_phases` return new scenarios.

    `values` may be given in part: missing parameters take their defaults.
    """

    name: str = "Untitled"
    values: Mapping[str, float] = field(default_factory=dict, repr=False)
    phases: tuple[Phase, ...] = field(default_factory=default_phases, repr=False)

    def __post_init__(self) -> None:
        phases = tuple(self.phases)
        if not all(isinstance(phase, Phase) for phase in phases):
            raise PhaseError("phases must be Phase objects")
        object.__setattr__(self, "values", _validated(self.values))
        object.__setattr__(self, "phases", phases)

    def __hash__(self) -> int:
        return hash((self.name, tuple(self.values.values()), self.phases))

    def __getitem__(self, key: str) -> float:
        return self.values[key]

    def replace(self, **changes: object) -> Scenario:
        """A copy with some parameter values changed, validated."""
        return Scenario(self.name, {**self.values, **changes}, self.phases)

    def with_phases(self, phases: Iterable[Phase]) -> Scenario:
        return Scenario(self.name, self.values, tuple(phases))

    def renamed(self, name: str) -> Scenario:
        return Scenario(name, self.values, self.phases)

    def changed_keys(self, other: Scenario) -> list[str]:
        """Parameters whose value differs from `other`'s, in registry order."""
        return [key for key in REGISTRY if self.values[key] != other.values[key]]


def baseline() -> Scenario:
    """The plan's baseline: every default from `seeds/`, the plan's phases."""
    return Scenario("Official plan (Aug 2024)")
