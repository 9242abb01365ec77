"""What every analysis runs on: the batch projector, the assumptions' ranges and the levers' ranges.

The defaults are looked up when an analysis runs, not at import, so tests and other callers can pass
their own projector or ranges and nothing here ties the analysis to the core's internals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from hkplanner.core.parameters import REGISTRY
from hkplanner.core.phases import MAX_PHASE_PF
from hkplanner.core.scenario import Scenario
from hkplanner.core.timeline import FIRST_YEAR, MAX_END_YEAR

# project_batch(base, overrides=None, n=None) -> BatchProjection (see hkplanner.core.batch)
BatchProjector = Callable[..., Any]

# The horizon decides which years exist, not what happens in them: it is never sampled or attributed.
HORIZON_GROUP = "horizon"


class Range(NamedTuple):
    low: float
    likely: float
    high: float


def default_projector() -> BatchProjector:
    from hkplanner.core import project_batch  # the core's batch projection, looked up when first needed

    return project_batch


def registry_ranges() -> dict[str, Range]:
    """Each assumption's low/likely/high from the registry (horizon settings left out)."""
    ranges = {}
    for key, parameter in REGISTRY.items():
        bounds = [getattr(parameter, name, None) for name in ("low", "likely", "high")]
        if parameter.kind == "assumption" and parameter.group != HORIZON_GROUP and None not in bounds:
            ranges[key] = Range(*map(float, bounds))
    return ranges


def around(scenario: Scenario, ranges: Mapping[str, Range]) -> dict[str, Range]:
    """The ranges moved to centre on the scenario's own values, clipped to the hard bounds.

    The scenario's value is the most likely one: a user who sets an assumption means it. The uncertainty
    around it keeps the registry's width below and above the likely value, so at the baseline this is
    exactly the registry's range and a range collapsed to a point gives the scenario's value alone.
    """
    moved = {}
    for key, (low, likely, high) in ranges.items():
        value = float(scenario[key])
        floor, ceiling = REGISTRY[key].bounds
        moved[key] = Range(max(floor, value - (likely - low)), value, min(ceiling, value + (high - likely)))
    return moved


def lever_bounds(scenario: Scenario, key: str) -> tuple[float, float]:
    """The values a lever can take: a parameter's hard bounds, or a phase lever's (`phase.<i>.<field>`)."""
    if key in REGISTRY:
        return tuple(map(float, REGISTRY[key].bounds))
    index, field = _phase_lever(scenario, key)
    if field == "capacity_pf":
        return 0.0, float(MAX_PHASE_PF)
    span = scenario.phases[index].completion_year - scenario.phases[index].start_year
    return float(FIRST_YEAR + span), float(MAX_END_YEAR)


def lever_value(scenario: Scenario, key: str) -> float:
    if key in REGISTRY:
        return float(scenario[key])
    index, field = _phase_lever(scenario, key)
    return float(getattr(scenario.phases[index], field))


def lever_is_whole(key: str) -> bool:
    """Whether a scenario can only hold whole values of the lever (years, counts)."""
    return REGISTRY[key].is_integer if key in REGISTRY else key.endswith(".completion_year")


def lever_step(key: str) -> float:
    """The lever's slider step (a whole petaflop for a phase's capacity, a year for its completion)."""
    return float(REGISTRY[key].step) if key in REGISTRY else 1.0


def lever_title(scenario: Scenario, key: str) -> str:
    if key in REGISTRY:
        return REGISTRY[key].title
    index, field = _phase_lever(scenario, key)
    return f"{scenario.phases[index].name}: {'capacity' if field == 'capacity_pf' else 'completion year'}"


def apply_lever(scenario: Scenario, key: str, value: float) -> Scenario:
    """The scenario with one lever set: the answer a user applies."""
    if key in REGISTRY:
        parameter = REGISTRY[key]
        return scenario.replace(**{key: round(value) if parameter.is_integer else value})
    from dataclasses import replace

    index, field = _phase_lever(scenario, key)
    phase = scenario.phases[index]
    if field == "capacity_pf":
        changed = replace(phase, capacity_pf=value)
    else:
        shift = round(value) - phase.completion_year
        changed = replace(phase, start_year=phase.start_year + shift, completion_year=phase.completion_year + shift)
    return scenario.with_phases((*scenario.phases[:index], changed, *scenario.phases[index + 1 :]))


def _phase_lever(scenario: Scenario, key: str) -> tuple[int, str]:
    parts = key.split(".")
    known = f"parameters: {', '.join(REGISTRY)}; phases: phase.<i>.capacity_pf or phase.<i>.completion_year"
    if len(parts) != 3 or parts[0] != "phase" or parts[2] not in ("capacity_pf", "completion_year"):
        raise KeyError(f"{key!r} is not a lever ({known})")
    if not parts[1].isdigit() or int(parts[1]) >= len(scenario.phases):
        raise KeyError(f"{key!r}: the scenario has phases 0 to {len(scenario.phases) - 1}")
    return int(parts[1]), parts[2]
