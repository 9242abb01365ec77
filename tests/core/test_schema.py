"""The shipped JSON Schema of `.hkplan` files: up to date with the registry, and in step with the loader."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from hkplanner.core import REGISTRY
from hkplanner.core.phases import MAX_PHASE_PF, OWNERS, RAMPS
from hkplanner.core.presets import presets_dir
from hkplanner.core.scenario_file import MAX_NAME, MAX_PHASES, ScenarioFileError, from_bytes, to_json
from hkplanner.core.schema import scenario_schema, schema_text
from hkplanner.core.seeds import bundled_dir
from hkplanner.core.storyline import MAX_STEPS
from tests.core.test_loader_fuzz import FUZZ, structurally_mutated
from tests.core.test_properties import SETTINGS
from tests.core.test_scenario_file import documents

SHIPPED = bundled_dir("resources") / "scenario.schema.json"
PRESET_PATHS = sorted(presets_dir().glob("*.hkplan"))
REGENERATE = "python -m hkplanner.core.schema > resources/scenario.schema.json"


def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))


def schema_accepts(content) -> bool:
    return validator().is_valid(content)


def loader_accepts(content) -> bool:
    try:
        from_bytes(json.dumps(content, ensure_ascii=False).encode("utf-8"), "document.hkplan")
    except ScenarioFileError:
        return False
    return True


def official_plan() -> dict:
    return json.loads(PRESET_PATHS[0].read_text(encoding="utf-8"))


# The shipped schema ----------------------------------------------------------------------------------


def test_shipped_schema_is_up_to_date():
    shipped = SHIPPED.read_text(encoding="utf-8")
    assert shipped == schema_text(), (
        f"resources/scenario.schema.json is out of date with the parameter registry. Regenerate it with:\n"
        f"    {REGENERATE}"
    )


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_holds_every_parameter_with_its_bounds_and_default():
    properties = scenario_schema()["properties"]["parameters"]["properties"]
    assert list(properties) == list(REGISTRY)
    for key, parameter in REGISTRY.items():
        entry = properties[key]
        assert (entry["minimum"], entry["maximum"]) == tuple(parameter.bounds), key
        assert entry["default"] == parameter.default, key
        assert entry["type"] == ("integer" if parameter.is_integer else "number"), key
        assert parameter.source in entry["description"], key


def test_schema_knows_the_phase_rules():
    phase = scenario_schema()["properties"]["phases"]["items"]
    assert phase["properties"]["owner"]["enum"] == list(OWNERS)
    assert phase["properties"]["ramp"]["enum"] == list(RAMPS)
    assert phase["properties"]["capacity_pf"]["maximum"] == MAX_PHASE_PF


@pytest.mark.parametrize("path", PRESET_PATHS, ids=lambda path: path.stem)
def test_every_preset_validates_against_the_schema(path):
    content = json.loads(path.read_text(encoding="utf-8"))
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator().iter_errors(content)
    ]
    assert errors == [], f"{path.name} does not match the schema"


@SETTINGS
@given(documents())
def test_every_file_the_app_writes_validates(document):
    content = json.loads(to_json(document))
    assert schema_accepts(content), list(validator().iter_errors(content))


# The schema and the loader agree -----------------------------------------------------------------------


def _with(*changes):
    """The official plan with (path, value) changes; a value of DELETE removes the key."""
    content = official_plan()
    for path, value in changes:
        target = content
        for step in path[:-1]:
            target = target[step]
        if value is DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return content


DELETE = object()

GOOD = [
    pytest.param(official_plan(), id="preset"),
    pytest.param(
        _with(
            *[((key,), DELETE) for key in ("description", "notes", "author")], (("parameters",), {}), (("phases",), [])
        ),
        id="minimal",
    ),
    pytest.param(_with((("parameters", "end_year"), 2035.0)), id="whole-float-for-integer-parameter"),
    pytest.param(_with((("parameters", "pue"), 2)), id="integer-for-number-parameter"),
    pytest.param(_with((("parameters", "pue"), 2.5)), id="upper-bound"),
    pytest.param(_with((("parameters", "pue"), 1)), id="lower-bound"),
    pytest.param(_with((("phases", 0, "source"), DELETE)), id="phase-without-source"),
    pytest.param(_with((("phases", 0, "capacity_pf"), 0)), id="zero-capacity"),
    pytest.param(_with((("phases", 0, "capacity_pf"), 1234.5)), id="fractional-capacity"),
    pytest.param(_with((("phases", 0, "completion_year"), 2024)), id="one-year-phase"),
    pytest.param(_with((("name",), "數據 plan ✓")), id="non-ascii-name"),
    pytest.param(_with((("data_version",), "1999.01")), id="unknown-data-version"),
    pytest.param(_with((("created",), "2026-11-25T08:30:00+08:00")), id="other-offset"),
]

BAD = [
    pytest.param(_with((("format_version",), DELETE)), id="missing-format-version"),
    pytest.param(_with((("parameters",), DELETE)), id="missing-parameters"),
    pytest.param(_with((("phases",), DELETE)), id="missing-phases"),
    pytest.param(_with((("name",), DELETE)), id="missing-name"),
    pytest.param(_with((("created",), DELETE)), id="missing-created"),
    pytest.param(_with((("format_version",), 2)), id="newer-format"),
    pytest.param(_with((("format_version",), 0)), id="format-zero"),
    pytest.param(_with((("format_version",), "1")), id="string-format"),
    pytest.param(_with((("format_version",), True)), id="bool-format"),
    pytest.param(_with((("name",), "")), id="empty-name"),
    pytest.param(_with((("name",), "   ")), id="blank-name"),
    pytest.param(_with((("name",), 3)), id="number-name"),
    pytest.param(_with((("notes",), None)), id="null-notes"),
    pytest.param(_with((("app_version",), 1)), id="number-app-version"),
    pytest.param(_with((("colour",), "red")), id="unknown-field"),
    pytest.param(_with((("parameters", "pue_typo"), 1.5)), id="unknown-parameter"),
    pytest.param(_with((("parameters", "pue"), 2.51)), id="above-range"),
    pytest.param(_with((("parameters", "pue"), 0.99)), id="below-range"),
    pytest.param(_with((("parameters", "pue"), "1.6")), id="string-value"),
    pytest.param(_with((("parameters", "pue"), True)), id="bool-value"),
    pytest.param(_with((("parameters", "pue"), None)), id="null-value"),
    pytest.param(_with((("parameters", "end_year"), 2035.5)), id="fraction-for-integer"),
    pytest.param(_with((("parameters",), [])), id="list-parameters"),
    pytest.param(_with((("phases",), {})), id="object-phases"),
    pytest.param(_with((("phases", 0), "Cyberport")), id="string-phase"),
    pytest.param(_with((("phases", 0, "colour"), "red")), id="unknown-phase-field"),
    pytest.param(_with((("phases", 0, "ramp"), DELETE)), id="missing-ramp"),
    pytest.param(_with((("phases", 0, "owner"), "council")), id="unknown-owner"),
    pytest.param(_with((("phases", 0, "ramp"), "zigzag")), id="unknown-ramp"),
    pytest.param(_with((("phases", 0, "name"), " ")), id="blank-phase-name"),
    pytest.param(_with((("phases", 0, "capacity_pf"), -1)), id="negative-capacity"),
    pytest.param(_with((("phases", 0, "capacity_pf"), MAX_PHASE_PF + 1)), id="capacity-too-big"),
    pytest.param(_with((("phases", 0, "capacity_pf"), True)), id="bool-capacity"),
    pytest.param(_with((("phases", 0, "start_year"), 2012)), id="year-too-early"),
    pytest.param(_with((("phases", 0, "completion_year"), 2041)), id="year-too-late"),
    pytest.param(_with((("phases", 0, "start_year"), 2024.5)), id="fractional-year"),
    pytest.param(_with((("phases", 0, "source"), 7)), id="number-source"),
    pytest.param([official_plan()], id="array-at-top"),
    pytest.param("scenario", id="string-at-top"),
]


@pytest.mark.parametrize("content", GOOD)
def test_schema_and_loader_both_accept(content):
    assert schema_accepts(content), list(validator().iter_errors(content))
    assert loader_accepts(content)


@pytest.mark.parametrize("content", BAD)
def test_schema_and_loader_both_refuse(content):
    assert not schema_accepts(content), "the schema accepts it"
    assert not loader_accepts(content), "the loader accepts it"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(_with((("phases", 0, "start_year"), 2024.0)), id="start-year-2024.0"),
        pytest.param(_with((("phases", 0, "completion_year"), 2026.0)), id="completion-2026.0"),
        # Whole floats are fine for integer parameters, in both.
        pytest.param(_with((("parameters", "fund_deploy_years"), 5.0)), id="integer-parameter-5.0"),
    ],
)
def test_schema_and_loader_agree_on_whole_floats(content):
    assert schema_accepts(content)
    assert loader_accepts(content), "the schema accepts it but the loader refuses it"


# Where they differ by design: JSON Schema cannot say these, so only the loader checks them.


def test_a_format_version_written_as_a_float_is_for_the_loader_alone():
    # JSON Schema counts 1.0 as an integer; the loader wants the version as written, 1, and says so.
    content = _with((("format_version",), 1.0))
    assert schema_accepts(content)
    assert not loader_accepts(content)
    assert "whole number" in scenario_schema()["properties"]["format_version"]["description"]


def test_the_schema_states_the_caps_the_loader_enforces():
    schema = scenario_schema()
    assert schema["properties"]["phases"]["maxItems"] == MAX_PHASES
    assert schema["properties"]["name"]["maxLength"] == MAX_NAME
    assert schema["$defs"]["storyline"]["properties"]["steps"]["maxItems"] == MAX_STEPS


def test_completion_before_start_is_for_the_loader_alone():
    # JSON Schema cannot compare two fields of one object, so the schema only describes the rule.
    content = _with((("phases", 0, "completion_year"), 2023))
    assert (
        "completion_year must not be before start_year"
        in scenario_schema()["properties"]["phases"]["items"]["description"]
    )
    assert schema_accepts(content)
    assert not loader_accepts(content)


def test_dates_are_checked_by_the_loader_alone():
    # In draft 2020-12 "format" is an annotation, not an assertion, unless a validator opts in; the
    # loader checks the date itself.
    content = _with((("created",), "yesterday"))
    assert schema_accepts(content)
    assert not loader_accepts(content)


@pytest.mark.parametrize("constant", ["NaN", "Infinity"])
def test_nan_and_infinity_are_not_json(constant):
    # NaN and Infinity are not JSON at all: a schema validator never sees them, the loader refuses them.
    text = json.dumps(official_plan()).replace('"pue": 1.6', f'"pue": {constant}')
    with pytest.raises(ScenarioFileError):
        from_bytes(text.encode("utf-8"))


@FUZZ
@given(structurally_mutated())
def test_whatever_the_loader_accepts_the_schema_accepts(data):
    try:
        from_bytes(data)
    except ScenarioFileError:
        return
    content = json.loads(data)
    assert schema_accepts(content), [error.message for error in validator().iter_errors(copy.deepcopy(content))]
