"""What differs between two scenarios, in words: for the status line, captions and provenance."""

from __future__ import annotations

from hkplanner.core.formatting import quantity
from hkplanner.core.parameters import REGISTRY, Parameter
from hkplanner.core.scenario import Scenario


def value_text(parameter: Parameter, value: float) -> str:
    """A parameter's value with its unit; years as years, not thousands."""
    return str(int(value)) if parameter.unit == "year" else quantity(value, parameter.unit, exact=True)


def describe_changes(before: Scenario, after: Scenario) -> list[str]:
    """One line per change: 'Delay to private build-out: 0 years → 2 years', '+ Sandy Ridge data park (…)'."""
    lines = []
    for key in after.changed_keys(before):
        parameter = REGISTRY[key]
        lines.append(f"{parameter.title}: {value_text(parameter, before[key])} → {value_text(parameter, after[key])}")
    names_before = {phase.name for phase in before.phases}
    names_after = {phase.name for phase in after.phases}
    added = [phase for phase in after.phases if phase.name not in names_before]
    lines += [f"+ {p.name} ({p.capacity_pf:,g} PF by {p.completion_year})" for p in added]
    lines += [f"− {name}" for name in sorted(names_before - names_after)]
    if not added and names_before == names_after and before.phases != after.phases:
        edited = ", ".join(f"{p.name} {p.capacity_pf:,g} PF by {p.completion_year}" for p in after.phases)
        lines.append(f"Compute phases edited: {edited}")
    return lines
