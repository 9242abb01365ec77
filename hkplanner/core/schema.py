"""The JSON Schema of the `.hkplan` file, generated from the parameter registry.

`python -m hkplanner.core.schema > resources/scenario.schema.json` writes the shipped copy; a test
fails when that copy and the registry disagree.
"""

from __future__ import annotations

import json

from hkplanner.core.parameters import REGISTRY
from hkplanner.core.phases import MAX_PHASE_PF, OWNERS, RAMPS
from hkplanner.core.scenario_file import FORMAT_VERSION, MAX_NAME, MAX_PHASES, OPTIONAL, PHASE_FIELDS, REQUIRED
from hkplanner.core.storyline import FOCUS_CHARTS, MAX_STEPS, STORY_FORMAT
from hkplanner.core.timeline import FIRST_YEAR, MAX_END_YEAR


def _parameter_schema(parameter) -> dict:
    low, high = parameter.bounds
    return {
        "type": "integer" if parameter.is_integer else "number",
        "minimum": low,
        "maximum": high,
        "default": parameter.default,
        "title": parameter.title,
        "description": f"{parameter.doc} Unit: {parameter.unit}. Source: {parameter.source}",
    }


# A name: not blank, no control characters (they break exports and file names).
NAME = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_NAME,
    "pattern": r"^[^\u0000-\u001f\u007f-\u009f]*\S[^\u0000-\u001f\u007f-\u009f]*$",
}


def storyline_schema() -> dict:
    """The `.hkstory` file, in outline: each step's scenario is then checked as a scenario file is."""
    phases = {"type": "array", "items": {"$ref": "#/properties/phases/items"}, "maxItems": MAX_PHASES}
    step = {
        "type": "object",
        "required": ["title"],
        "additionalProperties": False,
        "properties": {
            "title": NAME,
            "notes": {"type": "string"},
            "preset": {"type": "string"},
            "parameters": {"$ref": "#/properties/parameters"},
            "phases": phases,
            "add_phases": phases,
            "focus": {"enum": list(FOCUS_CHARTS), "description": "The one chart this step shows alone."},
        },
    }
    return {
        "type": "object",
        "description": f"A storyline (.hkstory): at most {MAX_STEPS} steps.",
        "required": ["format_version", "steps"],
        "additionalProperties": False,
        "properties": {
            "format_version": {"const": STORY_FORMAT},
            "name": NAME,
            "steps": {"type": "array", "minItems": 1, "maxItems": MAX_STEPS, "items": step},
        },
    }


def scenario_schema() -> dict:
    year = {"type": "integer", "minimum": FIRST_YEAR, "maximum": MAX_END_YEAR}
    text = {"type": "string"}
    phase = {
        "type": "object",
        "description": "A compute build-out phase; completion_year must not be before start_year.",
        "required": list(PHASE_FIELDS),
        "additionalProperties": False,
        "properties": {
            "name": NAME,
            "owner": {"enum": list(OWNERS)},
            "capacity_pf": {"type": "number", "minimum": 0, "maximum": MAX_PHASE_PF},
            "start_year": year,
            "completion_year": year,
            "ramp": {"enum": list(RAMPS)},
            "source": text,
            "tag": {"type": "string", "description": "e.g. northern_metropolis: the phases the private target counts"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "hkplanner-scenario.schema.json",
        "title": "HK Planner scenario",
        "type": "object",
        "required": list(REQUIRED),
        "additionalProperties": False,
        "$defs": {"storyline": storyline_schema()},
        "properties": {
            "format_version": {
                "type": "integer",
                "minimum": 1,
                "maximum": FORMAT_VERSION,
                "description": "A whole number written without a decimal point (1, not 1.0 or true).",
            },
            "app_version": text,
            "data_version": text,
            "name": NAME,
            **{key: text for key in OPTIONAL},
            "created": {"type": "string", "format": "date-time"},
            "modified": {"type": "string", "format": "date-time"},
            "parameters": {
                "type": "object",
                "description": "Parameters not listed take their defaults.",
                "additionalProperties": False,
                "properties": {key: _parameter_schema(parameter) for key, parameter in REGISTRY.items()},
            },
            "phases": {
                "type": "array",
                "items": phase,
                "maxItems": MAX_PHASES,
                "description": f"At most {MAX_PHASES} phases.",
            },
        },
    }


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
