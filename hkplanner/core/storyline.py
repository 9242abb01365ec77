"""Storylines: an ordered list of steps for a briefing, each a scenario with a title and speaker notes.

A step is written as a preset to start from and/or changes to the step before it (`parameters`,
`phases` to replace them all, `add_phases` to add some), so a storyline reads as the story it tells
("then the private build-out slips two years"); `focus` optionally names the one chart the step is
about. Stored as `.hkstory` JSON.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from hkplanner.core.changes import describe_changes
from hkplanner.core.parameters import REGISTRY, ParameterError
from hkplanner.core.phases import Phase
from hkplanner.core.presets import preset
from hkplanner.core.scenario import Scenario, baseline
from hkplanner.core.scenario_file import MAX_BYTES, PHASE_FIELDS, PHASE_OPTIONAL, ScenarioFileError, write_atomically

STORY_EXTENSION = ".hkstory"
STORY_FORMAT = 1
# Charts a step can focus on (the window's charts, named without their "chart_" prefix).
FOCUS_CHARTS = ("compute", "power", "capex", "venture", "rnd", "mfg")


@dataclass(frozen=True)
class Step:
    title: str
    notes: str
    scenario: Scenario
    focus: str | None = None  # one of FOCUS_CHARTS: the chart this step shows alone


@dataclass(frozen=True)
class Storyline:
    name: str
    steps: tuple[Step, ...]


def caption(before: Scenario, after: Scenario) -> str:
    """What changed between two steps, in a line."""
    return "; ".join(describe_changes(before, after))


def interpolate(start: Scenario, end: Scenario, fraction: float) -> Scenario:
    """A scenario part of the way from start to end, for animating a step: numbers move smoothly
    (whole-number parameters step), phases only in one of the two grow from or shrink to nothing."""
    if fraction >= 1:
        return end
    values = {}
    for key, parameter in REGISTRY.items():
        value = start[key] + (end[key] - start[key]) * fraction
        values[key] = round(value) if parameter.is_integer else value
    by_name = {phase.name: phase for phase in end.phases}
    phases = [
        _scaled(phase, 1 - fraction) if phase.name not in by_name else by_name[phase.name] for phase in start.phases
    ]
    kept = {phase.name for phase in start.phases}
    phases += [_scaled(phase, fraction) for phase in end.phases if phase.name not in kept]
    return Scenario(end.name, values, tuple(phases))


def _scaled(phase: Phase, share: float) -> Phase:
    return Phase(
        phase.name,
        phase.owner,
        phase.capacity_pf * share,
        phase.start_year,
        phase.completion_year,
        phase.ramp,
        tag=phase.tag,
    )


# Files -----------------------------------------------------------------------------------------------


def read_storyline(path: str | os.PathLike) -> Storyline:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ScenarioFileError(f"could not be read: {error.strerror or error}", path) from error
    if len(data) > MAX_BYTES:
        raise ScenarioFileError("is too large to be a storyline", path)
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ScenarioFileError(f"is not a storyline (not valid JSON text: {error})", path) from None
    return storyline_from(content, path)


def storyline_from(content: object, path=None) -> Storyline:
    if not isinstance(content, dict) or content.get("format_version") != STORY_FORMAT:
        raise ScenarioFileError(f"is not a storyline of format {STORY_FORMAT}", path, "format_version")
    steps = content.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ScenarioFileError("a storyline needs a list of steps", path, "steps")
    previous = baseline()
    built = []
    for index, entry in enumerate(steps):
        where = f"steps[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise ScenarioFileError("each step needs a title", path, where)
        try:
            scenario = _step_scenario(entry, previous)
        except (ParameterError, KeyError, TypeError) as error:
            raise ScenarioFileError(str(error).strip("'\""), path, where) from None
        focus = entry.get("focus")
        if focus is not None and focus not in FOCUS_CHARTS:
            raise ScenarioFileError(
                f"focus = {focus!r} is not a chart; use one of {', '.join(FOCUS_CHARTS)}", path, f"{where}.focus"
            )
        built.append(Step(entry["title"], str(entry.get("notes", "")), scenario, focus))
        previous = scenario
    return Storyline(str(content.get("name", "Storyline")), tuple(built))


def _step_scenario(entry: dict, previous: Scenario) -> Scenario:
    start = preset(entry["preset"]).document.scenario if "preset" in entry else previous
    changes = entry.get("parameters", {})
    if not isinstance(changes, dict):
        raise TypeError("parameters should be an object from parameter keys to numbers")
    scenario = start.replace(**changes).renamed(entry["title"])
    if "phases" in entry:
        scenario = scenario.with_phases(Phase(**phase) for phase in entry["phases"])
    if "add_phases" in entry:
        scenario = scenario.with_phases((*scenario.phases, *(Phase(**phase) for phase in entry["add_phases"])))
    return scenario


def storyline_json(storyline: Storyline) -> dict:
    """Every step written out in full (a preset and changes are how people write them by hand)."""
    return {
        "format_version": STORY_FORMAT,
        "name": storyline.name,
        "steps": [
            {
                "title": step.title,
                "notes": step.notes,
                **({"focus": step.focus} if step.focus else {}),
                "parameters": dict(step.scenario.values),
                "phases": [
                    {name: getattr(phase, name) for name in PHASE_FIELDS + PHASE_OPTIONAL}
                    for phase in step.scenario.phases
                ],
            }
            for step in storyline.steps
        ],
    }


def save_storyline(path: str | os.PathLike, storyline: Storyline) -> None:
    text = json.dumps(storyline_json(storyline), indent=2, ensure_ascii=False) + "\n"
    write_atomically(Path(path), text.encode("utf-8"))
