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
from hkplanner.core.parameters import REGISTRY
from hkplanner.core.phases import Phase
from hkplanner.core.presets import preset
from hkplanner.core.scenario import Scenario, baseline
from hkplanner.core.scenario_file import (
    MAX_BYTES,
    MAX_PHASES,
    PHASE_FIELDS,
    PHASE_OPTIONAL,
    ScenarioDocument,
    ScenarioFileError,
    checked_bytes,
    name_problem,
    parameter_values,
    parse_json,
    phase_from,
    quoted,
    read_regular,
    write_atomically,
)

STORY_EXTENSION = ".hkstory"
STORY_FORMAT = 1
MAX_STEPS = 100  # a briefing of an hour at a step a minute is sixty
STORY_FIELDS = ("format_version", "name", "steps")
STEP_FIELDS = ("title", "notes", "preset", "parameters", "phases", "add_phases", "focus")
PHASE_LIST = "a list of phase objects"
LIST_OR_OBJECT = (
    ("parameters", dict, "an object from parameter keys to numbers"),
    ("phases", list, PHASE_LIST),
    ("add_phases", list, PHASE_LIST),
)
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
    """Only a regular file, at most MAX_BYTES of it; raises ScenarioFileError saying what and where."""
    data = read_regular(path, MAX_BYTES, "storylines")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScenarioFileError(f"is not a storyline (not valid UTF-8 text at byte {error.start})", path) from None
    return storyline_from(parse_json(text, path, "a storyline"), path)


def storyline_from(content: object, path=None) -> Storyline:
    """Checked as strictly as a scenario file, by the same rules: every step's scenario must be one this
    app could save and open again, so nothing from a storyline can reach the open scenario otherwise."""
    if not isinstance(content, dict) or type(content.get("format_version")) is not int:
        raise ScenarioFileError(f"is not a storyline of format {STORY_FORMAT}", path, "format_version")
    if content["format_version"] != STORY_FORMAT:
        raise ScenarioFileError(
            f"format_version = {quoted(content['format_version'])}: this app reads storylines of format {STORY_FORMAT}",
            path,
            "format_version",
        )
    for key in content:
        if key not in STORY_FIELDS:
            raise ScenarioFileError(
                f"unknown field {quoted(key)} (a storyline has: {', '.join(STORY_FIELDS)})", path, key
            )
    name = content.get("name", "Storyline")
    if name_problem(name):
        raise ScenarioFileError(f"the name {name_problem(name)}", path, "name")
    steps = content.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ScenarioFileError("a storyline needs a list of steps", path, "steps")
    if len(steps) > MAX_STEPS:
        raise ScenarioFileError(f"has {len(steps):,} steps; a storyline has at most {MAX_STEPS}", path, "steps")
    previous = baseline()
    built = []
    for index, entry in enumerate(steps):
        where = f"steps[{index}]"
        try:
            step = _step(entry, previous, where)
        except ScenarioFileError as error:
            raise ScenarioFileError(error.reason, path, error.key or where) from None
        built.append(step)
        previous = step.scenario
    return Storyline(name, tuple(built))


def _step(entry: object, previous: Scenario, where: str) -> Step:
    if not isinstance(entry, dict) or "title" not in entry:
        raise ScenarioFileError("each step needs a title", key=where)
    for key in entry:
        if key not in STEP_FIELDS:
            raise ScenarioFileError(f"unknown field {quoted(key)} (a step has: {', '.join(STEP_FIELDS)})", key=where)
    problem = name_problem(entry["title"])
    if problem:
        raise ScenarioFileError(f"the title {problem}", key=f"{where}.title")
    for key in ("notes", "preset"):
        if key in entry and not isinstance(entry[key], str):
            raise ScenarioFileError(f"{key} = {quoted(entry[key])} should be text", key=f"{where}.{key}")
    for key, kind, words in LIST_OR_OBJECT:
        if key in entry and not isinstance(entry[key], kind):
            raise ScenarioFileError(f"{key} should be {words}", key=f"{where}.{key}")
    focus = entry.get("focus")
    if focus is not None and focus not in FOCUS_CHARTS:
        raise ScenarioFileError(
            f"focus = {quoted(focus)} is not a chart; use one of {', '.join(FOCUS_CHARTS)}", key=f"{where}.focus"
        )
    scenario = _step_scenario(entry, previous, where)
    checked_bytes(ScenarioDocument(scenario))  # the same rules as a file: what could not be saved is refused here
    return Step(entry["title"], entry.get("notes", ""), scenario, focus)


def _step_scenario(entry: dict, previous: Scenario, where: str) -> Scenario:
    start = previous
    if "preset" in entry:
        try:
            start = preset(entry["preset"]).document.scenario
        except KeyError:
            raise ScenarioFileError(f"there is no preset {quoted(entry['preset'])}", key=f"{where}.preset") from None
    values = parameter_values(entry.get("parameters", {}), f"{where}.parameters")
    phases = start.phases
    if "phases" in entry:
        phases = _phases(entry["phases"], f"{where}.phases", 0)
    if "add_phases" in entry:
        phases = (*phases, *_phases(entry["add_phases"], f"{where}.add_phases", len(phases)))
    return Scenario(entry["title"], {**start.values, **values}, phases)


def _phases(entries: list, where: str, already: int) -> tuple[Phase, ...]:
    if already + len(entries) > MAX_PHASES:  # checked before building any: a long list costs nothing
        raise ScenarioFileError(f"would give {already + len(entries):,} phases; at most {MAX_PHASES}", key=where)
    return tuple(phase_from(entry, f"{where}[{index}]") for index, entry in enumerate(entries))


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
    """Checked before it is written and read back after: a storyline this app saves always opens."""
    try:
        data = (json.dumps(storyline_json(storyline), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        raise ScenarioFileError("could not be saved: it holds text that is not valid Unicode", path) from None
    try:
        storyline_from(json.loads(data))
    except ScenarioFileError as error:
        raise ScenarioFileError(f"could not be saved, as it could not be opened again: {error}", path) from None
    written = write_atomically(Path(path), data)
    if read_regular(written, MAX_BYTES, "storylines") != data:
        raise ScenarioFileError("was written but reads back differently: the disk may be failing", path)
