"""Fuzzing storylines as the scenario loader is fuzzed: whatever the bytes, reading gives a storyline or
raises ScenarioFileError, and every scenario an accepted storyline can put on screen saves and reopens."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hkplanner.core import REGISTRY
from hkplanner.core.scenario_file import PHASE_FIELDS, PHASE_OPTIONAL, ScenarioDocument, ScenarioFileError, open_file
from hkplanner.core.scenario_file import save as save_scenario
from hkplanner.core.seeds import bundled_dir
from hkplanner.core.storyline import STEP_FIELDS, STORY_FIELDS, Storyline, read_storyline, save_storyline
from tests.core.test_loader_fuzz import FUZZ, JSON_VALUES, STRUCTURAL, _parent, _paths

BRIEFING = (bundled_dir("resources") / "storylines" / "briefing.hkstory").read_bytes()
KEYS = sorted({*STORY_FIELDS, *STEP_FIELDS, *PHASE_FIELDS, *PHASE_OPTIONAL, *REGISTRY, "focus"})
# Copied on each draw: one shared [1] put in two places could end up inside itself.
TEXT_TRAPS = st.sampled_from(["   ", "", "\ud800", "tab\there", "\x1b[31m", "x" * 300, "source", 5, [1], None]).map(
    copy.deepcopy
)


@st.composite
def mutated_storylines(draw) -> bytes:
    """The shipped briefing with values replaced (often by text that no scenario may hold), keys removed
    or added, steps duplicated; sometimes with bytes flipped afterwards."""
    content = json.loads(BRIEFING)
    rng = draw(st.randoms())  # drawn by hypothesis, so a failure replays
    for _ in range(draw(st.integers(1, 5))):
        paths = list(_paths(content))
        path = rng.choice(paths[1:]) if len(paths) > 1 else ()
        action = draw(st.sampled_from(["replace", "trap", "delete", "add", "duplicate-step"]))
        if action in ("replace", "trap") and path:
            _parent(content, path)[path[-1]] = draw(JSON_VALUES if action == "replace" else TEXT_TRAPS)
        elif action == "delete" and path:
            del _parent(content, path)[path[-1]]
        elif action == "add":
            containers = [p for p in paths if isinstance(_parent(content, (*p, None)), dict)]
            if containers:
                target = _parent(content, (*draw(st.sampled_from(containers)), None))
                target[draw(st.sampled_from(KEYS))] = draw(st.one_of(JSON_VALUES, TEXT_TRAPS))
        elif action == "duplicate-step" and isinstance(content, dict) and isinstance(content.get("steps"), list):
            steps = content["steps"]
            if steps:
                steps.extend(copy.deepcopy(draw(st.sampled_from(steps))) for _ in range(draw(st.integers(1, 60))))
    data = bytearray(json.dumps(content, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 3]))):
        index = draw(st.integers(0, len(data) - 1))
        data[index] = draw(st.sampled_from(list(STRUCTURAL)))
    return bytes(data)


def read_or_refuse(data: bytes) -> Storyline | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.hkstory"
        path.write_bytes(data)
        try:
            return read_storyline(path)
        except ScenarioFileError as error:
            assert str(error).startswith("fuzz.hkstory"), f"the message should name the file: {error}"
            assert len(str(error)) < 1_200
            return None


@FUZZ
@given(mutated_storylines())
def test_a_mutated_storyline_is_read_or_refused(data):
    read_or_refuse(data)


@FUZZ
@given(st.binary(max_size=2_048))
def test_random_bytes_as_a_storyline(data):
    read_or_refuse(data)


@FUZZ
@given(mutated_storylines())
def test_a_fuzzed_storyline_never_makes_the_app_write_a_file_it_cannot_read_back(data):
    storyline = read_or_refuse(data)
    if storyline is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        for number, step in enumerate(storyline.steps):
            path = Path(folder) / f"step-{number}.hkplan"
            save_scenario(path, ScenarioDocument(step.scenario))  # what Save and autosave write
            assert open_file(path).document.scenario == step.scenario
        story = Path(folder) / "again.hkstory"
        save_storyline(story, storyline)
        assert [step.scenario for step in read_storyline(story).steps] == [step.scenario for step in storyline.steps]
