"""What differs between two scenarios, in words: for the status line, captions and provenance.

Also how a changed scenario is named: a preset or file that has been changed is no longer what its
name says, so it takes a derived name ("Official plan (Aug 2024), modified") until the user names it.
"""

from __future__ import annotations

from hkplanner.core.formatting import quantity
from hkplanner.core.parameters import REGISTRY, Parameter
from hkplanner.core.phases import Phase
from hkplanner.core.scenario import Scenario

MODIFIED = ", modified"


def value_text(parameter: Parameter, value: float) -> str:
    """A parameter's value with its unit; years as years, not thousands."""
    return str(int(value)) if parameter.unit == "year" else quantity(value, parameter.unit, exact=True)


def describe_changes(before: Scenario, after: Scenario) -> list[str]:
    """One line per change: 'Delay to private build-out: 0 years → 2 years', '+ Sandy Ridge data park (…)'."""
    lines = []
    for key in after.changed_keys(before):
        parameter = REGISTRY[key]
        lines.append(f"{parameter.title}: {value_text(parameter, before[key])} → {value_text(parameter, after[key])}")
    return lines + describe_phase_changes(before.phases, after.phases)


def describe_phase_changes(before: tuple[Phase, ...], after: tuple[Phase, ...]) -> list[str]:
    """Phases added, removed, resized, moved in time or otherwise edited, matched by name."""
    old = {phase.name: phase for phase in before}
    new = {phase.name: phase for phase in after}
    lines = [f"+ {p.name} ({_size(p)} by {p.completion_year})" for p in after if p.name not in old]
    lines += [f"− {name}" for name in sorted(old.keys() - new.keys())]
    for phase in after:
        was = old.get(phase.name)
        if was is None or was == phase:
            continue
        if was.capacity_pf != phase.capacity_pf:
            lines.append(f"{phase.name}: resized {_size(was)} → {_size(phase)}")
        if (was.start_year, was.completion_year) != (phase.start_year, phase.completion_year):
            lines.append(f"{phase.name}: built {_span(was)} → {_span(phase)}")
        for field in ("owner", "ramp"):
            if getattr(was, field) != getattr(phase, field):
                lines.append(f"{phase.name}: {field} {getattr(was, field)} → {getattr(phase, field)}")
    return lines


def _size(phase: Phase) -> str:
    capacity = phase.capacity_pf
    return f"{capacity:,.{0 if float(capacity).is_integer() else 1}f} PF"


def _span(phase: Phase) -> str:
    return f"{phase.start_year}–{phase.completion_year}"


def same_content(a: Scenario, b: Scenario) -> bool:
    """The same values and phases, whatever the names."""
    return a.values == b.values and a.phases == b.phases


def modified_name(name: str) -> str:
    """The name a changed scenario takes until the user names it."""
    return name if name.endswith(MODIFIED) else name + MODIFIED


def is_modified_name(name: str) -> bool:
    return name.endswith(MODIFIED)
