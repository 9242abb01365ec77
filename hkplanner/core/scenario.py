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
        raise ScenarioError(f"unknown parameter {unknown[0]!r} (known: {', '.join(REGISTRY)})")
    merged = {key: values.get(key, parameter.default) for key, parameter in REGISTRY.items()}
    return MappingProxyType({key: REGISTRY[key].validate(value) for key, value in merged.items()})


def _phase_tuple(phases: Iterable[Phase]) -> tuple[Phase, ...]:
    phases = tuple(phases)
    if not all(isinstance(phase, Phase) for phase in phases):
        raise PhaseError("phases must be Phase objects")
    return phases


@dataclass(frozen=True, eq=True)
class Scenario:
    """Build one with `Scenario.create`; change it with `replace` and `with_phases`, which return new ones."""

    name: str
    values: Mapping[str, float] = field(repr=False)
    phases: tuple[Phase, ...] = field(repr=False)

    @classmethod
    def create(
        cls, name: str = "Untitled", values: Mapping[str, object] | None = None, phases: Iterable[Phase] | None = None
    ) -> Scenario:
        """A validated scenario; parameters not given take their defaults, phases the plan's."""
        chosen = default_phases() if phases is None else phases
        return cls(name, _validated(values or {}), _phase_tuple(chosen))

    def __getitem__(self, key: str) -> float:
        return self.values[key]

    def replace(self, **changes: object) -> Scenario:
        """A copy with some parameter values changed, validated."""
        return Scenario(self.name, _validated({**self.values, **changes}), self.phases)

    def with_phases(self, phases: Iterable[Phase]) -> Scenario:
        return Scenario(self.name, self.values, _phase_tuple(phases))

    def renamed(self, name: str) -> Scenario:
        return Scenario(name, self.values, self.phases)

    def changed_keys(self, other: Scenario) -> list[str]:
        """Parameters whose value differs from `other`'s, in registry order."""
        return [key for key in REGISTRY if self.values[key] != other.values[key]]


def baseline() -> Scenario:
    """The plan's baseline: every default from `seeds/`, the plan's phases."""
    return Scenario.create("Official plan (Aug 2024)")
