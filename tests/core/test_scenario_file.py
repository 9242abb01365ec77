"""The `.hkplan` scenario file: round trips, every kind of bad input, atomic saves, migrations and data versions."""

from __future__ import annotations

import ast
import copy
import dataclasses
import errno
import json
import math
import os
import pickle
import stat
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from hkplanner import __version__
from hkplanner.core import COLUMNS, REGISTRY, Scenario, baseline, project, scenario_file
from hkplanner.core import data_versions as data_versions_module
from hkplanner.core.data_versions import DefaultChange, current_version
from hkplanner.core.presets import presets_dir
from hkplanner.core.scenario_file import (
    MAX_BYTES,
    OpenedFile,
    ScenarioDocument,
    ScenarioFileError,
    from_bytes,
    open_file,
    save,
    to_json,
)
from tests.core.test_properties import SETTINGS, scenarios

PRESET_PATHS = sorted(presets_dir().glob("*.hkplan"))
OFFICIAL_PLAN = presets_dir() / "01-official-plan.hkplan"
SAVED_WITH_2026_11 = Path(__file__).parent / "data" / "official-plan-2026.11.hkplan"  # the preset as first shipped


# Strategies ----------------------------------------------------------------------------------------

TEXT = st.text(max_size=40)  # hypothesis leaves out lone surrogates, which UTF-8 cannot hold
# Names: no control characters (a file refuses them: they break exports), never blank.
NAMES = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40).filter(str.strip)
TIMES = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))]),
).map(lambda moment: moment.isoformat())


@st.composite
def documents(draw) -> ScenarioDocument:
    """A random scenario (random values and phases) with random names, sources, texts and times."""
    random = draw(scenarios())
    phases = tuple(dataclasses.replace(phase, name=draw(NAMES), source=draw(TEXT)) for phase in random.phases)
    return ScenarioDocument(
        Scenario(draw(NAMES), random.values, phases),
        description=draw(TEXT),
        notes=draw(st.text(max_size=200)),
        author=draw(TEXT),
        created=draw(TIMES),
        modified=draw(TIMES),
    )


# Helpers -------------------------------------------------------------------------------------------


def official_plan() -> dict:
    """The first preset as a dict: a known-good file to break in one place."""
    return json.loads(OFFICIAL_PLAN.read_text(encoding="utf-8"))


def dump(content: dict) -> str:
    """The same layout the app writes, so line numbers are predictable."""
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based line of the first `needle` at or after `start`, found independently of the loader."""
    position = text.index(needle, start)
    return text.count("\n", 0, position) + 1


def phase_lines(text: str) -> list[range]:
    """The lines each phase object spans in a file laid out by `dump` (indent 2)."""
    lines = text.splitlines()
    spans, opened = [], None
    inside = False
    for number, line in enumerate(lines, start=1):
        if line == '  "phases": [':
            inside = True
        elif inside and line == "    {":
            opened = number
        elif inside and line in ("    }", "    },"):
            spans.append(range(opened, number + 1))
        elif inside and line.startswith("  ]"):
            break
    return spans


def assert_names(message: str, *parts: str) -> None:
    for part in parts:
        assert part in message, f"{part!r} missing from the message {message!r}"


def refused(tmp_path: Path, content: bytes | str, name: str = "bad.hkplan") -> ScenarioFileError:
    """Open a bad file: it must raise ScenarioFileError, and opening must write nothing anywhere."""
    path = tmp_path / name
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(data)
    before = sorted(tmp_path.iterdir())
    with pytest.raises(ScenarioFileError) as caught:
        open_file(path)
    assert type(caught.value) is ScenarioFileError
    assert path.read_bytes() == data, "opening a file must never change it"
    assert sorted(tmp_path.iterdir()) == before
    assert_names(str(caught.value), name)  # the message names the file
    return caught.value


def assert_same_projection(first, second) -> None:
    np.testing.assert_array_equal(first.years, second.years)
    np.testing.assert_array_equal(first.is_history, second.is_history)
    assert list(first.series) == list(second.series) == list(COLUMNS)
    for key in COLUMNS:
        np.testing.assert_array_equal(first[key], second[key], err_msg=key)
    np.testing.assert_array_equal(first.phase_capacity_pf, second.phase_capacity_pf)
    assert len(first.targets) == len(second.targets)
    for one, other in zip(first.targets, second.targets, strict=True):
        for name in ("target", "due_year", "met", "first_year_met"):
            assert getattr(one, name) == getattr(other, name), (one.target.key, name)
        for name in ("value", "shortfall"):
            np.testing.assert_array_equal(getattr(one, name), getattr(other, name), err_msg=f"{one.target.key} {name}")
    np.testing.assert_array_equal(first.mfg_growth_required_pct, second.mfg_growth_required_pct)


def enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


# Round trips ---------------------------------------------------------------------------------------


def test_there_are_five_presets():
    assert len(PRESET_PATHS) == 5


@pytest.mark.parametrize("path", PRESET_PATHS, ids=lambda path: path.stem)
def test_preset_opens_cleanly(path):
    opened = open_file(path)
    assert isinstance(opened, OpenedFile)
    assert opened.data_version == current_version()
    assert opened.default_changes == ()
    assert opened.filled_in == ()
    assert opened.notices == []
    assert opened.document.scenario.name.strip()


@pytest.mark.parametrize("path", PRESET_PATHS, ids=lambda path: path.stem)
def test_preset_round_trips_with_an_identical_projection(path, tmp_path):
    opened = open_file(path)
    copy_path = tmp_path / path.name
    save(copy_path, opened.document)
    reopened = open_file(copy_path)

    assert reopened.document == opened.document
    assert reopened.document.scenario == opened.document.scenario
    assert_same_projection(project(opened.document.scenario), project(reopened.document.scenario))
    # Nothing in the preset is lost on the way: the saved JSON holds the same content.
    original = json.loads(path.read_text(encoding="utf-8"))
    saved = json.loads(copy_path.read_text(encoding="utf-8"))
    for key in ("app_version", "data_version"):
        original.pop(key), saved.pop(key)
    assert saved == original


def test_saved_file_is_readable_utf8_json(tmp_path):
    document = ScenarioDocument(baseline().renamed("Plan 數據 ✓"), description="AI 算力", notes="line one\nline two")
    path = tmp_path / "plan.hkplan"
    save(path, document)
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("}\n")
    assert '"name": "Plan 數據 ✓"' in text, "non-ASCII text is written as itself, not as escapes"
    assert '\n  "parameters": {\n' in text, "indented for people to read"
    content = json.loads(text)
    assert content["format_version"] == scenario_file.FORMAT_VERSION
    assert content["app_version"] == __version__
    assert content["data_version"] == current_version()
    assert set(content["parameters"]) == set(REGISTRY)
    for key in ("name", "description", "notes", "author", "created", "modified", "phases"):
        assert key in content


@SETTINGS
@given(documents())
def test_random_scenario_round_trips(tmp_path, document):
    path = tmp_path / "random.hkplan"
    save(path, document)  # the same path every example: each save replaces the last
    reopened = open_file(path)

    assert reopened.document == document
    assert reopened.notices == []
    assert_same_projection(project(document.scenario), project(reopened.document.scenario))
    assert to_json(reopened.document) == path.read_text(encoding="utf-8"), "saving again gives the same bytes"
    assert [entry.name for entry in tmp_path.iterdir()] == ["random.hkplan"], "no temporary files left behind"


@SETTINGS
@given(documents())
def test_random_scenario_round_trips_through_bytes(document):
    reopened = from_bytes(to_json(document).encode("utf-8"))
    assert reopened.document == document
    assert reopened.document.scenario.phases == document.scenario.phases


# Bad input: each is refused with ScenarioFileError saying what is wrong and where ------------------


def _set(path: tuple, value):
    def mutate(content: dict) -> dict:
        target = content
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        return content

    return mutate


def _delete(path: tuple):
    def mutate(content: dict) -> dict:
        target = content
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]
        return content

    return mutate


def _replace(old: str, new: str):
    """Edit the file's text, for what json.dumps will not write."""

    def mutate(content: dict) -> str:
        text = dump(content)
        assert old in text
        return text.replace(old, new, 1)

    return mutate


def _truncated(content: dict) -> str:
    text = dump(content)
    return text[: text.index('"pue": ') + len('"pue": ')]


def bad(name: str, mutate, *problem: str, key: str | None = None, line: bool = False):
    """A bad file: the words naming its problem, the key the message names and whether it gives the key's line."""
    return pytest.param(mutate, problem, key, f'"{key.split(".")[-1]}":' if line else None, id=name)


PUE, END = ("parameters", "pue"), ("parameters", "end_year")
BAD_DOCUMENTS = [
    bad("truncated", _truncated, "not valid JSON"),
    bad("empty-file", lambda content: "", "not valid JSON"),
    bad("top-level-array", lambda content: "[1, 2, 3]\n", "expected a JSON object"),
    # Wrong types
    bad("string-for-number", _set(PUE, "1.6"), "not a number", key="parameters.pue", line=True),
    bad("bool", _set(END, True), "not a number", key="parameters.end_year", line=True),
    bad("null", _set(("parameters", "gdp_growth_pct"), None), "not a number", key="parameters.gdp_growth_pct"),
    bad("list-for-number", _set(PUE, [1.6]), "not a number", key="parameters.pue"),
    bad("number-for-text", _set(("name",), 42), "should be text", key="name", line=True),
    bad("list-for-notes", _set(("notes",), ["a"]), "should be text", key="notes", line=True),
    bad("list-for-parameters", _set(("parameters",), [1, 2]), "parameters should be an object", key="parameters"),
    bad("object-for-phases", _set(("phases",), {"a": 1}), "phases should be a list", key="phases", line=True),
    bad("string-for-phase", _set(("phases", 0), "Cyberport"), "should be an object", key="phases[0]"),
    bad("string-for-capacity", _set(("phases", 0, "capacity_pf"), "3000"), "capacity_pf", "'3000'", key="phases[0]"),
    bad("number-for-source", _set(("phases", 0, "source"), 7), "source = 7 should be text", key="phases[0].source"),
    bad("string-for-version", _set(("format_version",), "1"), "not a format version", key="format_version", line=True),
    bad("bad-date", _set(("created",), "yesterday"), "not a date and time", key="created", line=True),
    bad("blank-name", _set(("name",), "   "), "name must not be empty", key="name", line=True),
    # Out of range
    bad("out-of-range", _set(PUE, 9), "out of range", "1", "2.5", key="parameters.pue", line=True),
    bad(
        "overflowing-float",
        _replace('"pue": 1.6', '"pue": 1e400'),
        "not a finite number",
        key="parameters.pue",
        line=True,
    ),
    bad("out-of-range-int", _set(END, 2100), "out of range", key="parameters.end_year", line=True),
    bad("fraction", _set(END, 2035.5), "whole number", key="parameters.end_year", line=True),
    bad(
        "negative",
        _set(("parameters", "fund_public_hkd_bn"), -0.5),
        "out of range",
        key="parameters.fund_public_hkd_bn",
        line=True,
    ),
    bad("negative-capacity", _set(("phases", 0, "capacity_pf"), -1), "capacity_pf", "out of range", key="phases[0]"),
    bad("year-out-of-range", _set(("phases", 0, "start_year"), 1999), "start_year", "out of range", key="phases[0]"),
    bad("unknown-owner", _set(("phases", 0, "owner"), "council"), "owner", "'council'", key="phases[0]"),
    bad("unknown-ramp", _set(("phases", 0, "ramp"), "zigzag"), "ramp", "'zigzag'", key="phases[0]"),
    # Unknown keys
    bad("unknown-top-level-key", _set(("colour",), "red"), "unknown field 'colour'", key="colour", line=True),
    bad(
        "unknown-parameter",
        _set(("parameters", "pue_x"), 1.5),
        "unknown parameter 'pue_x'",
        key="parameters.pue_x",
        line=True,
    ),
    bad(
        "unknown-phase-key",
        _set(("phases", 1, "colour"), "red"),
        "unknown field 'colour'",
        key="phases[1].colour",
        line=True,
    ),
    # Missing required fields (no line to give: the key is not in the file)
    bad("missing-parameters", _delete(("parameters",)), "required field 'parameters' is missing", key="parameters"),
    bad("missing-format-version", _delete(("format_version",)), "'format_version' is missing", key="format_version"),
    bad("missing-created", _delete(("created",)), "required field 'created' is missing", key="created"),
    bad(
        "missing-phase-field", _delete(("phases", 0, "ramp")), "required field 'ramp' is missing", key="phases[0].ramp"
    ),
    # Versions
    bad(
        "newer-format",
        _set(("format_version",), 2),
        "newer",
        "format 2",
        "reads up to 1",
        key="format_version",
        line=True,
    ),
    bad("format-zero", _set(("format_version",), 0), "not a format version", key="format_version", line=True),
    # Which line a phase error gives: see test_the_line_points_at_the_phase_at_fault.
    bad(
        "completion-before-start",
        _set(("phases", 0, "completion_year"), 2023),
        "completion_year = 2023 is before start_year = 2024",
        key="phases[0]",
    ),
]


@pytest.mark.parametrize(("mutate", "problem", "key", "needle"), BAD_DOCUMENTS)
def test_bad_document_is_refused_saying_what_and_where(tmp_path, mutate, problem, key, needle):
    content = mutate(official_plan())
    text = content if isinstance(content, str) else dump(content)
    error = refused(tmp_path, text)
    message = str(error)
    assert_names(message, *problem)
    if key is not None:
        assert_names(message, key)
        assert error.key == key
    if needle is not None:
        assert_names(message, f"line {line_of(text, needle)}")


def test_truncated_file_names_the_line_where_it_ends(tmp_path):
    text = _truncated(official_plan())
    error = refused(tmp_path, text)
    assert_names(str(error), "not valid JSON", f"line {text.count(chr(10)) + 1}")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(tmp_path, constant):
    text = dump(official_plan()).replace('"pue": 1.6', f'"pue": {constant}')
    assert constant in text
    assert_names(str(refused(tmp_path, text)), "parameters.pue", "not a finite number")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_name_the_key_and_line(tmp_path, constant):
    text = dump(official_plan()).replace('"pue": 1.6', f'"pue": {constant}')
    line = line_of(text, '"pue":')
    assert_names(str(refused(tmp_path, text)), "parameters.pue", f"line {line}")


def _phase_line_cases():
    return [
        pytest.param(_set(("phases", 0, "completion_year"), 2023), 0, id="phase-0-completion-before-start"),
        pytest.param(_set(("phases", 1, "completion_year"), 2024), 1, id="phase-1-completion-before-start"),
        pytest.param(_set(("phases", 2, "capacity_pf"), "big"), 2, id="phase-2-bad-capacity"),
        pytest.param(_delete(("phases", 1, "ramp")), 1, id="phase-1-missing-field"),
        pytest.param(_set(("phases", 1, "colour"), "red"), 1, id="phase-1-unknown-field"),
        pytest.param(_set(("phases", 2, "source"), 7), 2, id="phase-2-source-not-text"),
    ]


@pytest.mark.parametrize(("mutate", "index"), _phase_line_cases())
def test_the_line_points_at_the_phase_at_fault(tmp_path, mutate, index):
    text = dump(mutate(official_plan()))
    span = phase_lines(text)[index]
    error = refused(tmp_path, text)
    assert_names(str(error), f"phases[{index}]")
    assert error.line in span, f"line {error.line} is outside phases[{index}] (lines {span.start}-{span.stop - 1})"


def test_a_missing_field_is_not_pinned_on_another_objects_line(tmp_path):
    text = dump(_delete(("name",))(official_plan()))
    error = refused(tmp_path, text)
    assert_names(str(error), "required field 'name' is missing")
    assert error.line in (None, 1), f"line {error.line} is {text.splitlines()[error.line - 1].strip()!r}"


def test_an_unknown_non_ascii_key_gets_its_line(tmp_path):
    text = dump(_set(("parameters", "pué"), 1.5)(official_plan()))
    error = refused(tmp_path, text)
    line = line_of(text, '"pué":')
    assert_names(str(error), "parameters.pué", f"line {line}")


def test_over_ten_megabytes_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.hkplan"
    # A valid scenario padded with whitespace: refused for its size alone.
    path.write_bytes(dump(official_plan()).encode("utf-8") + b" " * MAX_BYTES)
    with pytest.raises(ScenarioFileError) as caught:
        open_file(path)
    assert_names(str(caught.value), "huge.hkplan", "MB", "10 MB")


def test_over_ten_megabytes_of_bytes_is_refused():
    with pytest.raises(ScenarioFileError) as caught:
        from_bytes(b" " * (MAX_BYTES + 1), "huge.hkplan")
    assert_names(str(caught.value), "huge.hkplan", "10 MB")


def test_exactly_ten_megabytes_is_not_refused_for_its_size(tmp_path):
    data = dump(official_plan()).encode("utf-8")
    path = tmp_path / "padded.hkplan"
    path.write_bytes(data + b" " * (MAX_BYTES - len(data)))
    assert open_file(path).document.scenario.name == "Official plan (Aug 2024)"


@pytest.mark.parametrize("depth", [10, 50, 5_000, 200_000])
@pytest.mark.parametrize("bracket", ["[", '{"a": '])
def test_deeply_nested_json_is_refused(tmp_path, depth, bracket):
    closing = "]" if bracket == "[" else "}"
    nested = bracket * depth + "1" + closing * depth
    text = dump(official_plan()).replace('"pue": 1.6', f'"pue": {nested}')
    assert_names(str(refused(tmp_path, text)), "nested too deeply")


def test_whole_file_deeply_nested_is_refused(tmp_path):
    assert_names(str(refused(tmp_path, "[" * 1_000_000)), "nested too deeply")


def test_invalid_utf8_names_the_line(tmp_path):
    text = dump(official_plan())
    notes_line = line_of(text, '"notes":')
    data = text.encode("utf-8").replace(b'"notes": "', b'"notes": "\xff\xfe bad ', 1)
    assert_names(str(refused(tmp_path, data)), "not valid UTF-8", f"line {notes_line}")


def test_latin1_file_is_refused(tmp_path):
    data = dump(official_plan()).replace("HK Planner presets", "Café author").encode("latin-1")
    assert_names(str(refused(tmp_path, data)), "not valid UTF-8")


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.hkplan"
    path.write_bytes(b"\xef\xbb\xbf" + dump(official_plan()).encode("utf-8"))
    assert open_file(path).document.scenario.name == "Official plan (Aug 2024)"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(PNG, "binary data", id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary data", id="zip"),
        pytest.param(bytes(range(256)) * 4, "binary data", id="all-bytes"),
        pytest.param(bytes(range(0x80, 0x100)) * 4, "not valid UTF-8", id="high-bytes-without-nul"),
        pytest.param(pickle.dumps(dict(baseline().values)), "binary data", id="pickle"),
    ],
)
def test_binary_file_renamed_to_hkplan_is_refused(tmp_path, data, problem):
    assert_names(str(refused(tmp_path, data)), problem)


def test_missing_file_and_directory_are_refused(tmp_path):
    for path in (tmp_path / "absent.hkplan", tmp_path):
        with pytest.raises(ScenarioFileError) as caught:
            open_file(path)
        assert_names(str(caught.value), path.name, "could not be read")


# Nothing in a file is ever executed -----------------------------------------------------------------


class _MakesDirectory:
    """Unpickling this would create a directory: the loader must never unpickle."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self):
        return os.mkdir, (str(self.path),)


@pytest.mark.parametrize("protocol", [0, pickle.HIGHEST_PROTOCOL])
def test_a_pickle_is_never_unpickled(tmp_path, protocol):
    marker = tmp_path / "executed"
    payload = pickle.dumps(_MakesDirectory(marker), protocol=protocol)
    refused(tmp_path, payload)
    assert not marker.exists()


def test_code_in_text_fields_stays_text(tmp_path):
    marker = tmp_path / "executed"
    code = f"__import__('os').mkdir({str(marker)!r})"
    content = official_plan()
    content["name"] = content["notes"] = code
    content["phases"][0]["source"] = code
    path = tmp_path / "code.hkplan"
    path.write_text(dump(content), encoding="utf-8")
    opened = open_file(path)
    assert opened.document.scenario.name == code
    assert opened.document.scenario.phases[0].source == code
    assert not marker.exists()


def test_the_loader_has_no_way_to_run_code():
    tree = ast.parse(Path(scenario_file.__file__).read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            modules.add((node.module or "").split(".")[0])
    assert not modules & {"pickle", "marshal", "shelve", "yaml", "importlib", "subprocess", "dill", "code"}
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__"}


# Numbers beyond a float, and text beyond UTF-8 --------------------------------------------------------


@pytest.mark.parametrize("key", ["pue", "end_year"])
def test_a_number_too_big_for_a_float_is_refused(tmp_path, key):
    text = dump(official_plan()).replace(f'"{key}": {official_plan()["parameters"][key]}', f'"{key}": 1{"0" * 400}')
    assert "0" * 400 in text
    assert_names(str(refused(tmp_path, text)), f"parameters.{key}", "out of range")


def test_a_number_with_too_many_digits_is_refused(tmp_path):
    text = dump(official_plan()).replace('"pue": 1.6', f'"pue": {"1" * 5000}')
    refused(tmp_path, text)


def test_a_huge_phase_capacity_is_refused(tmp_path):
    content = official_plan()
    content["phases"][0]["capacity_pf"] = 10**400
    assert_names(str(refused(tmp_path, dump(content))), "phases[0]", "capacity_pf", "out of range")


def test_whatever_opens_can_be_saved_and_reopened(tmp_path):
    # The file itself is valid UTF-8 JSON: the surrogate is written as the escape \ud800.
    text = dump(official_plan()).replace('"HK Planner presets"', '"HK Planner \\ud800 presets"')
    path = tmp_path / "surrogate.hkplan"
    path.write_text(text, encoding="utf-8")
    try:
        opened = open_file(path)
    except ScenarioFileError:
        return  # refusing it on open is fine too
    save(path, opened.document)
    assert open_file(path).document == opened.document


# Atomic save ---------------------------------------------------------------------------------------


def _first_and_second() -> tuple[ScenarioDocument, ScenarioDocument]:
    first = ScenarioDocument(baseline(), notes="first")
    second = ScenarioDocument(baseline().replace(pue=2.0).renamed("Second"), notes="second")
    return first, second


def test_save_replaces_the_file(tmp_path):
    first, second = _first_and_second()
    path = tmp_path / "plan.hkplan"
    save(path, first)
    save(path, second)
    assert open_file(path).document == second
    assert [entry.name for entry in tmp_path.iterdir()] == ["plan.hkplan"]


class _FullDiskWrite:
    """A temporary file that takes half the data, then reports a full disk."""

    def __init__(self, real):
        self.real = real
        self.name = real.name

    def __enter__(self):
        self.real.__enter__()
        return self

    def __exit__(self, *exc):
        return self.real.__exit__(*exc)

    def write(self, data):
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        enospc()

    def flush(self):
        self.real.flush()

    def fileno(self):
        return self.real.fileno()


def _fail_fsync(monkeypatch):
    monkeypatch.setattr(os, "fsync", enospc)


def _fail_replace(monkeypatch):
    monkeypatch.setattr(os, "replace", enospc)


def _fail_write(monkeypatch):
    real = tempfile.NamedTemporaryFile
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", lambda *args, **kwargs: _FullDiskWrite(real(*args, **kwargs)))


INJECTED = [
    pytest.param(_fail_write, id="disk-full-while-writing"),
    pytest.param(_fail_fsync, id="disk-full-on-fsync"),
    pytest.param(_fail_replace, id="failure-on-replace"),
]


@pytest.mark.parametrize("inject", INJECTED)
def test_failed_save_leaves_the_old_file_byte_identical(tmp_path, monkeypatch, inject):
    first, second = _first_and_second()
    path = tmp_path / "plan.hkplan"
    save(path, first)
    before = path.read_bytes()

    inject(monkeypatch)
    with pytest.raises(ScenarioFileError) as caught:
        save(path, second)
    assert type(caught.value) is ScenarioFileError
    assert isinstance(caught.value.__cause__, OSError)
    assert_names(str(caught.value), "plan.hkplan", "could not be saved", os.strerror(errno.ENOSPC))

    assert path.read_bytes() == before
    assert [entry.name for entry in tmp_path.iterdir()] == ["plan.hkplan"], "no temporary file left behind"
    monkeypatch.undo()
    assert open_file(path).document == first


@pytest.mark.parametrize("inject", INJECTED)
def test_failed_first_save_leaves_nothing(tmp_path, monkeypatch, inject):
    inject(monkeypatch)
    with pytest.raises(ScenarioFileError):
        save(tmp_path / "new.hkplan", _first_and_second()[0])
    assert list(tmp_path.iterdir()) == []


class _Crash(BaseException):
    """The process dying between write and replace (not an error the app could handle)."""


def test_crash_between_write_and_replace_leaves_the_old_file(tmp_path, monkeypatch):
    first, second = _first_and_second()
    path = tmp_path / "plan.hkplan"
    save(path, first)
    before = path.read_bytes()

    def crash(*args):
        raise _Crash

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(_Crash):
        save(path, second)
    assert path.read_bytes() == before
    # What a crash leaves is a hidden temporary beside the file, holding the complete new text.
    leftovers = [entry for entry in tmp_path.iterdir() if entry != path]
    assert len(leftovers) == 1
    assert leftovers[0].name.startswith(".plan.hkplan.") and leftovers[0].name.endswith(".tmp")
    assert leftovers[0].read_text(encoding="utf-8") == to_json(second)


def test_saving_into_a_missing_directory_fails_cleanly(tmp_path):
    with pytest.raises(ScenarioFileError) as caught:
        save(tmp_path / "nowhere" / "plan.hkplan", _first_and_second()[0])
    assert_names(str(caught.value), "plan.hkplan", "could not be saved")
    assert list(tmp_path.iterdir()) == []


def test_saving_over_a_directory_fails_cleanly(tmp_path):
    target = tmp_path / "plan.hkplan"
    target.mkdir()
    with pytest.raises(ScenarioFileError) as caught:
        save(target, _first_and_second()[0])
    assert_names(str(caught.value), "plan.hkplan", "could not be saved")
    assert [entry.name for entry in tmp_path.iterdir()] == ["plan.hkplan"]
    assert target.is_dir() and not any(target.iterdir())


def test_saving_into_a_directory_the_user_cannot_write_fails_cleanly(tmp_path, monkeypatch):
    # Simulated, so it holds when the tests run as root (who may write anywhere).
    first, second = _first_and_second()
    path = tmp_path / "plan.hkplan"
    save(path, first)
    before = path.read_bytes()

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", denied)
    with pytest.raises(ScenarioFileError) as caught:
        save(path, second)
    assert_names(str(caught.value), "plan.hkplan", "could not be saved", os.strerror(errno.EACCES))
    assert path.read_bytes() == before


def test_saving_keeps_the_usual_file_permissions(tmp_path):
    first, second = _first_and_second()
    old_mask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.hkplan"
        save(fresh, first)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644, "a new file gets the mode the umask allows"
        shared = tmp_path / "shared.hkplan"
        save(shared, first)
        shared.chmod(0o664)
        save(shared, second)
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664, "saving over a file keeps its mode"
    finally:
        os.umask(old_mask)


# Migrations ----------------------------------------------------------------------------------------


def _title_to_name(content: dict) -> dict:
    """A pretend old format that called the name 'title'."""
    lifted = dict(content)
    lifted["name"] = lifted.pop("title")
    return lifted


def _old_file(version: int) -> str:
    content = official_plan()
    content["format_version"] = version
    content["title"] = content.pop("name")
    return dump(content)


def test_an_older_format_is_migrated_on_open(tmp_path, monkeypatch):
    expected = open_file(OFFICIAL_PLAN).document.scenario
    monkeypatch.setattr(scenario_file, "FORMAT_VERSION", 2)
    lifted = []
    monkeypatch.setitem(scenario_file.MIGRATIONS, 1, lambda content: lifted.append(1) or _title_to_name(content))

    path = tmp_path / "old.hkplan"
    path.write_text(_old_file(1), encoding="utf-8")
    opened = open_file(path)
    assert lifted == [1]
    assert opened.document.scenario.name == "Official plan (Aug 2024)"
    assert opened.document.scenario == expected

    # Saved again, it is written in the current format and needs no migration.
    save(path, opened.document)
    assert json.loads(path.read_text(encoding="utf-8"))["format_version"] == 2
    assert open_file(path).document == opened.document
    assert lifted == [1]


def test_migrations_chain_oldest_first(tmp_path, monkeypatch):
    monkeypatch.setattr(scenario_file, "FORMAT_VERSION", 3)
    steps = []

    def one_to_two(content):
        steps.append(1)
        return _title_to_name(content)

    def two_to_three(content):
        steps.append(2)
        assert "name" in content, "runs after the step before it"
        return {**content, "notes": content["notes"] + " (migrated)"}

    monkeypatch.setitem(scenario_file.MIGRATIONS, 1, one_to_two)
    monkeypatch.setitem(scenario_file.MIGRATIONS, 2, two_to_three)
    opened = from_bytes(_old_file(1).encode("utf-8"))
    assert steps == [1, 2]
    assert opened.document.notes.endswith(" (migrated)")


def test_a_format_0_file_is_lifted(monkeypatch):
    monkeypatch.setitem(scenario_file.MIGRATIONS, 0, _title_to_name)
    opened = from_bytes(_old_file(0).encode("utf-8"))
    assert opened.document.scenario.name == "Official plan (Aug 2024)"


def test_an_old_format_without_a_migration_is_refused(monkeypatch):
    monkeypatch.setattr(scenario_file, "FORMAT_VERSION", 3)
    monkeypatch.setitem(scenario_file.MIGRATIONS, 2, lambda content: content)
    with pytest.raises(ScenarioFileError) as caught:
        from_bytes(_old_file(1).encode("utf-8"), "old.hkplan")
    assert_names(str(caught.value), "old.hkplan", "format_version")


# Data versions -------------------------------------------------------------------------------------

OLD, MIDDLE, NEW = "2026.11", "2027.03", "2027.09"
PUE_CHANGE = {"version": NEW, "key": "pue", "old": 1.6, "new": 1.5, "why": "Cyberport reported PUE 1.5"}
EARLIER_CHANGE = {"version": MIDDLE, "key": "kw_per_pf", "old": 1.2, "new": 1.1, "why": "newer accelerators"}


@pytest.fixture
def newer_data(monkeypatch):
    """Pretend the app's default data moved on twice since the presets were saved."""
    real_load = data_versions_module.load
    fake = {"current": NEW, "versions": [OLD, MIDDLE, NEW], "change": [EARLIER_CHANGE, PUE_CHANGE]}

    def load(name):
        return copy.deepcopy(fake) if name == "data_versions" else real_load(name)

    monkeypatch.setattr(data_versions_module, "load", load)


def test_a_file_from_older_data_keeps_its_values_and_lists_the_changes(tmp_path, newer_data):
    assert current_version() == NEW
    opened = open_file(SAVED_WITH_2026_11)  # saved with 2026.11, pue 1.6, kw_per_pf 1.2
    assert opened.data_version == OLD
    assert opened.document.scenario["pue"] == 1.6
    assert opened.document.scenario["kw_per_pf"] == 1.2
    assert opened.default_changes == (DefaultChange(**EARLIER_CHANGE), DefaultChange(**PUE_CHANGE))
    notices = opened.notices
    assert len(notices) == 3  # the two changes, and the parameters added since, which take their defaults
    assert_names(notices[2], "hardware_lifetime_years", "gdp_deflator_pct")
    assert_names(notices[0], "kw_per_pf", "1.2", "1.1", "newer accelerators")
    assert_names(notices[1], "pue", "1.6", "1.5", "Cyberport reported PUE 1.5", "keeps its own value")

    # Saved again, it is marked with today's data, and opens without notices.
    path = tmp_path / "resaved.hkplan"
    save(path, opened.document)
    assert json.loads(path.read_text(encoding="utf-8"))["data_version"] == NEW
    reopened = open_file(path)
    assert reopened.notices == []
    assert reopened.document.scenario["pue"] == 1.6


def test_a_file_saved_before_the_model_review_opens_with_its_own_values():
    """The 2026.12 defaults (issue 7) are listed; the file's own values and phases are kept, and its
    untagged Northern Metropolis phase takes its tag from its name."""
    opened = open_file(SAVED_WITH_2026_11)
    scenario = opened.document.scenario
    assert (scenario["kw_per_pf"], scenario["co_investment_ratio"], scenario["fund_public_hkd_bn"]) == (1.2, 1.25, 2.0)
    assert len(scenario.phases) == 3
    assert [phase.tag for phase in scenario.phases] == ["cyberport", "northern_metropolis", ""]
    changed = {change.key for change in opened.default_changes}
    assert {"kw_per_pf", "co_investment_ratio", "fund_public_hkd_bn", "phases"} <= changed
    assert "hardware_lifetime_years" in opened.filled_in  # new parameters take their defaults


def test_only_later_changes_are_listed(newer_data):
    text = dump({**official_plan(), "data_version": MIDDLE})
    opened = from_bytes(text.encode("utf-8"))
    assert opened.default_changes == (DefaultChange(**PUE_CHANGE),)
    assert len(opened.notices) == 1


@pytest.mark.parametrize("version", ["1999.01", "2099.12", ""])
def test_a_file_from_unknown_data_opens_and_says_so(tmp_path, version):
    path = tmp_path / "unknown.hkplan"
    content = official_plan()
    content["data_version"] = version
    content["parameters"]["pue"] = 2.5
    path.write_text(dump(content), encoding="utf-8")
    opened = open_file(path)
    assert opened.default_changes is None
    assert opened.document.scenario["pue"] == 2.5
    [notice] = opened.notices
    assert_names(notice, f"version {version},", "does not know", current_version(), "values it was saved with")


def test_a_file_missing_parameters_opens_with_defaults_and_says_which(tmp_path):
    content = official_plan()
    content["parameters"]["pue"] = 2.5
    for key in ("end_year", "kw_per_pf"):
        del content["parameters"][key]
    path = tmp_path / "partial.hkplan"
    path.write_text(dump(content), encoding="utf-8")
    opened = open_file(path)
    scenario = opened.document.scenario
    assert scenario["pue"] == 2.5
    assert scenario["end_year"] == REGISTRY["end_year"].default
    assert scenario["kw_per_pf"] == REGISTRY["kw_per_pf"].default
    assert opened.filled_in == ("kw_per_pf", "end_year")  # registry order
    [notice] = opened.notices
    assert_names(notice, "kw_per_pf", "end_year", "defaults")


def test_a_file_with_no_parameters_at_all_is_the_defaults(tmp_path):
    content = official_plan()
    content["parameters"] = {}
    opened = from_bytes(dump(content).encode("utf-8"))
    assert opened.filled_in == tuple(REGISTRY)
    assert dict(opened.document.scenario.values) == {key: p.default for key, p in REGISTRY.items()}


def test_optional_text_fields_may_be_left_out():
    content = official_plan()
    for key in ("description", "notes", "author"):
        del content[key]
    document = from_bytes(dump(content).encode("utf-8")).document
    assert (document.description, document.notes, document.author) == ("", "", "")


def test_a_phase_without_a_source_gets_the_default_source():
    content = official_plan()
    del content["phases"][0]["source"]
    phase = from_bytes(dump(content).encode("utf-8")).document.scenario.phases[0]
    assert phase.source == "User-defined phase (assumption)."


def test_values_are_checked_not_trusted_to_be_floats():
    content = official_plan()
    content["parameters"]["end_year"] = 2035.0  # a whole float for an integer parameter
    content["parameters"]["pue"] = 2  # an int for a float parameter
    scenario = from_bytes(dump(content).encode("utf-8")).document.scenario
    assert scenario["end_year"] == 2035 and isinstance(scenario["end_year"], int)
    assert scenario["pue"] == 2 and not math.isnan(scenario["pue"])
