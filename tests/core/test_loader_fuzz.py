"""Fuzzing the `.hkplan` loader: whatever the bytes, it returns a valid scenario or raises ScenarioFileError.

Any other exception escaping `from_bytes` fails the test, as hypothesis re-raises it.
"""

from __future__ import annotations

import copy
import json

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkplanner.core import COLUMNS, REGISTRY, project
from hkplanner.core.presets import presets_dir
from hkplanner.core.scenario_file import (
    OPTIONAL,
    PHASE_FIELDS,
    PHASE_OPTIONAL,
    REQUIRED,
    OpenedFile,
    ScenarioFileError,
    from_bytes,
    to_json,
)
from tests.core.test_scenario_file import documents

FUZZ = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

PRESET_BYTES = [path.read_bytes() for path in sorted(presets_dir().glob("*.hkplan"))]
VALID_BYTES = st.one_of(st.sampled_from(PRESET_BYTES), documents().map(lambda document: to_json(document).encode()))
VALID_CONTENT = VALID_BYTES.map(lambda data: json.loads(data))

# Keys a file may hold anywhere, so added keys are sometimes known ones in the wrong place.
KNOWN_KEYS = sorted({*REQUIRED, *OPTIONAL, *PHASE_FIELDS, *PHASE_OPTIONAL, *REGISTRY})

# Values at and around the edges the loader checks (numbers too big for a float have their own
# test in test_scenario_file.py::test_a_number_too_big_for_a_float_is_refused).
EDGE_VALUES = st.sampled_from(
    [0, -1, 1, 2, 1.0, 0.5, -0.0, 1e-300, 5e-324, 1e308, -1e308, 2**53 + 1, 10**300, 2013, 2040, 2041, 2024.0]
    + ["", " ", "\t", "1", "2035", "2026-11-25T00:00:00+00:00", "public", "private", "s-curve", "step", "linear"]
    + [True, False, None, [], {}]
    + [bound for parameter in REGISTRY.values() for bound in parameter.bounds]
).map(copy.deepcopy)  # a fresh [] or {} each time: mutations must not change the strategy's own values
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**64), 2**64),
    st.floats(),  # NaN and infinities are written as NaN / Infinity, which the loader must refuse
    st.text(max_size=20),
    EDGE_VALUES,
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
DEEP = "\u2063deep\u2063"  # a placeholder string, swapped for deeply nested JSON text after dumping


def _paths(value, path=()):
    """Every place in a JSON value, the root first."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _parent(content, path):
    for step in path[:-1]:
        content = content[step]
    return content


@st.composite
def structurally_mutated(draw) -> bytes:
    """A valid file with values swapped for other JSON values, keys removed or added, or deep nesting."""
    content = copy.deepcopy(draw(VALID_CONTENT))
    nests = []
    rng = draw(st.randoms(use_true_random=True))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(content))
        # Mostly inside the document: a whole-document replacement is test_random_json's job.
        # (random.choice spreads the picks evenly; hypothesis's own draws favour the first path.)
        path = rng.choice(paths[1:]) if len(paths) > 1 and draw(st.integers(0, 9)) < 9 else ()
        action = draw(st.sampled_from(["replace", "replace", "delete", "add", "nest", "duplicate-phase"]))
        if action == "replace":
            if path:
                _parent(content, path)[path[-1]] = draw(JSON_VALUES)
            else:
                content = draw(JSON_VALUES)
        elif action == "delete" and path:
            parent = _parent(content, path)
            del parent[path[-1]]
        elif action == "add":
            containers = [p for p in paths if isinstance(_parent(content, (*p, None)), dict)]
            if containers:
                target = _parent(content, (*draw(st.sampled_from(containers)), None))
                key = draw(st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=12)))
                target[key] = draw(JSON_VALUES)
        elif action == "nest" and path:
            depth = draw(st.one_of(st.integers(1, 8), st.integers(1, 3_000)))  # around the limit, and far past it
            bracket = draw(st.sampled_from(["[", '{"k": ']))
            closing = "]" if bracket == "[" else "}"
            nests.append(bracket * depth + json.dumps(draw(SCALARS)) + closing * depth)
            _parent(content, path)[path[-1]] = f"{DEEP}{len(nests) - 1}"
        elif action == "duplicate-phase" and isinstance(content, dict) and content.get("phases"):
            phases = content["phases"]
            if isinstance(phases, list):
                phases.append(copy.deepcopy(draw(st.sampled_from(phases))))
            elif isinstance(phases, dict):
                phases[draw(st.text(max_size=5))] = copy.deepcopy(phases)
    text = json.dumps(
        content,
        indent=draw(st.sampled_from([None, 2, "\t"])),
        ensure_ascii=draw(st.booleans()),
        allow_nan=True,
    )
    for index, nested in enumerate(nests):
        text = text.replace(json.dumps(f"{DEEP}{index}", ensure_ascii=False), nested)
        text = text.replace(json.dumps(f"{DEEP}{index}", ensure_ascii=True), nested)
    return text.encode("utf-8")


STRUCTURAL = b'{}[],:"0123456789.-+eEtrufalsnNI \n\\'


@st.composite
def byte_mutated(draw) -> bytes:
    """A valid file with bytes flipped, inserted or deleted, or cut short; often at the JSON's structure."""
    data = bytearray(draw(VALID_BYTES))
    for _ in range(draw(st.integers(1, 8))):
        structural = [index for index, byte in enumerate(data) if byte in STRUCTURAL and byte not in b" \n"]
        if structural and draw(st.booleans()):
            index = draw(st.sampled_from(structural))
        else:
            index = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip-bit", "replace", "insert", "delete", "truncate"]))
        if not data:
            action = "insert"
        if action == "flip-bit":
            data[index] ^= 1 << draw(st.integers(0, 7))
        elif action == "replace":
            data[index] = draw(st.one_of(st.sampled_from(list(STRUCTURAL)), st.integers(0, 255)))
        elif action == "insert":
            data[index:index] = draw(
                st.one_of(st.sampled_from([bytes([b]) for b in STRUCTURAL]), st.binary(min_size=1, max_size=4))
            )
        elif action == "delete":
            del data[index : index + draw(st.integers(1, 4))]
        else:
            del data[index:]
    return bytes(data)


def assert_loads_or_refuses(data: bytes) -> OpenedFile | None:
    """The loader's whole contract: a valid, projectable scenario, or ScenarioFileError naming the file."""
    try:
        opened = from_bytes(data, "fuzz.hkplan")
    except ScenarioFileError as error:
        assert str(error).startswith("fuzz.hkplan"), f"the message should name the file: {error}"
        assert error.reason
        return None
    assert isinstance(opened, OpenedFile)
    scenario = opened.document.scenario
    assert set(scenario.values) == set(REGISTRY)
    projection = project(scenario)
    assert len(projection.years) == scenario["end_year"] - projection.years[0] + 1
    for key in COLUMNS:
        assert projection[key].shape == projection.years.shape, key
        assert not np.isinf(projection[key]).any(), key
    assert projection.phase_capacity_pf.shape == (len(scenario.phases), len(projection.years))
    assert isinstance(opened.notices, list)
    return opened


@FUZZ
@given(st.binary(max_size=4_096))
def test_random_bytes(data):
    assert_loads_or_refuses(data)


@FUZZ
@given(st.text(max_size=2_000))
def test_random_text(text):
    assert_loads_or_refuses(text.encode("utf-8"))


@FUZZ
@given(JSON_VALUES)
def test_random_json(value):
    assert_loads_or_refuses(json.dumps(value, allow_nan=True).encode("utf-8"))


@FUZZ
@given(byte_mutated())
def test_byte_mutated_valid_files(data):
    assert_loads_or_refuses(data)


@FUZZ
@given(structurally_mutated())
def test_structurally_mutated_valid_files(data):
    assert_loads_or_refuses(data)


@FUZZ
@given(st.integers(1, 200_000), st.sampled_from(["[", '{"a": ', '{"parameters": ']), st.booleans())
def test_deep_nesting(depth, bracket, closed):
    closing = "]" if bracket == "[" else "}"
    text = bracket * depth + "1" + (closing * depth if closed else "")
    assert_loads_or_refuses(text.encode("utf-8"))


@FUZZ
@given(VALID_BYTES)
def test_valid_files_load(data):
    assert assert_loads_or_refuses(data) is not None
