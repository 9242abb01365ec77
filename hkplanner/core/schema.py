"""The JSON Schema of the `.hkplan` file, generated from the parameter registry.

`python -m hkplanner.core.schema > resources/scenario.schema.json` writes the shipped copy; a test
fails when that copy and the registry disagree.
"""

from __future__ import annotations

import json

from hkplanner.core.parameters import REGISTRY
from hkplanner.core.phases import MAX_PHASE_PF, OWNERS, RAMPS
from hkplanner.core.scenario_file import FORMAT_VERSION, OPTIONAL, PHASE_FIELDS, REQUIRED
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


def scenario_schema() -> dict:
    year = {"type": "integer", "minimum": FIRST_YEAR, "maximum": MAX_END_YEAR}
    text = {"type": "string"}
    phase = {
        "type": "object",
        "description": "A compute build-out phase; completion_year must not be before start_year.",
        "required": list(PHASE_FIELDS),
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "minLength": 1, "pattern": r"\S"},
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
        "properties": {
            "format_version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "app_version": text,
            "data_version": text,
            "name": {"type": "string", "minLength": 1, "pattern": r"\S"},
            **{key: text for key in OPTIONAL},
            "created": {"type": "string", "format": "date-time"},
            "modified": {"type": "string", "format": "date-time"},
            "parameters": {
                "type": "object",
                "description": "Parameters not listed take their defaults.",
                "additionalProperties": False,
                "properties": {key: _parameter_schema(parameter) for key, parameter in REGISTRY.items()},
            },
            "phases": {"type": "array", "items": phase},
        },
    }


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
