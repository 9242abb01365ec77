"""Files under hostile input and faults: pipes, devices, links, read-only files, floods of data, and
parsing that refuses what it would otherwise have to guess. Numbers refer to the points of issue 11."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hkplanner.core import baseline
from hkplanner.core.phases import Phase
from hkplanner.core.scenario_file import (
    MAX_PHASES,
    LinkedFileError,
    ScenarioDocument,
    ScenarioFileError,
    from_bytes,
    open_file,
    save,
)
from hkplanner.core.storyline import MAX_STEPS, read_storyline, storyline_from
from tests.core.test_scenario_file import official_plan

ROOT = Path(__file__).resolve().parents[2]
AS_ROOT = pytest.mark.skipif(os.geteuid() != 0, reason="only an administrator can give a file to another user")


def plan_bytes(**changes) -> bytes:
    content = {**official_plan(), **changes}
    return json.dumps(content).encode()


def story(*steps: dict, **fields) -> dict:
    return {"format_version": 1, "steps": list(steps), **fields}


def finishes(function, *arguments, seconds: float = 10.0) -> BaseException | object:
    """Runs `function` in a thread; fails the test if it is still running after `seconds`."""
    outcome: list = []

    def run():
        try:
            outcome.append(function(*arguments))
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{function.__name__} was still waiting after {seconds} s"
    return outcome[0]


# 3, 4, 12: a storyline can only hold what a scenario file can ---------------------------------------


@pytest.mark.parametrize(
    ("step", "needle"),
    [
        ({"title": "   "}, "must not be empty"),  # 3
        ({"title": "x", "add_phases": [{**official_plan()["phases"][0], "source": 5}]}, "source = 5 should be text"),
        ({"title": "x", "add_phases": [{**official_plan()["phases"][0], "source": [1]}]}, "source = [1]"),  # 12
        ({"title": "bad \ud800 title"}, "not valid Unicode"),  # 4
        ({"title": "bell \x07"}, "control character (U+0007)"),  # 14
        ({"title": "x", "colour": "red"}, "unknown field 'colour'"),  # 18
    ],
)
def test_a_storyline_step_that_could_not_be_saved_is_refused_on_reading(tmp_path, step, needle):
    path = tmp_path / "story.hkstory"
    path.write_bytes(json.dumps(story(step)).encode())  # a lone surrogate is written as its \ud800 escape
    with pytest.raises(ScenarioFileError) as caught:
        read_storyline(path)
    assert needle in str(caught.value)
    with pytest.raises(ScenarioFileError) as caught:  # given as values (as the editor does): the step is named
        storyline_from(story(step), "story.hkstory")
    assert needle in str(caught.value) and "steps[0]" in str(caught.value)


def test_unknown_storyline_fields_and_wrong_types_are_refused():  # 18
    with pytest.raises(ScenarioFileError, match="unknown field 'colour'"):
        storyline_from(story({"title": "x"}, colour="red"))
    with pytest.raises(ScenarioFileError, match="format"):
        storyline_from({"format_version": True, "steps": [{"title": "x"}]})
    with pytest.raises(ScenarioFileError, match="notes"):
        storyline_from(story({"title": "x", "notes": 5}))


def test_save_refuses_a_scenario_it_could_not_open_again_and_keeps_the_old_file(tmp_path):  # 3
    path = tmp_path / "plan.hkplan"
    save(path, ScenarioDocument(baseline()))
    before = path.read_bytes()
    with pytest.raises(ScenarioFileError, match="could not be opened again"):
        save(path, ScenarioDocument(baseline().renamed("   ")))
    with pytest.raises(ScenarioFileError, match="not valid Unicode"):  # 4
        save(path, ScenarioDocument(baseline().renamed("lone \udc80")))
    assert path.read_bytes() == before


def test_a_save_that_reads_back_differently_is_not_reported_as_saved(tmp_path, monkeypatch):  # 3
    from hkplanner.core import scenario_file

    monkeypatch.setattr(scenario_file, "read_regular", lambda *args, **kwargs: b"{}")  # a failing disk
    with pytest.raises(ScenarioFileError, match="reads back differently"):
        save(tmp_path / "plan.hkplan", ScenarioDocument(baseline()))


# 6: links, read-only files, other owners ---------------------------------------------------------------


def test_saving_over_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real" / "plan.hkplan"
    target.parent.mkdir()
    save(target, ScenarioDocument(baseline()))
    link = tmp_path / "link.hkplan"
    link.symlink_to(target)
    save(link, ScenarioDocument(baseline().renamed("Changed")))
    assert link.is_symlink()
    assert open_file(target).document.scenario.name == "Changed"


def test_a_read_only_file_is_refused_by_name_and_kept(tmp_path):
    path = tmp_path / "plan.hkplan"
    save(path, ScenarioDocument(baseline()))
    path.chmod(0o444)  # as root the write would succeed: the app must look at the mode itself
    before = path.read_bytes()
    with pytest.raises(ScenarioFileError, match="read-only"):
        save(path, ScenarioDocument(baseline().renamed("Changed")))
    assert path.read_bytes() == before


@AS_ROOT
def test_saving_another_users_file_keeps_its_owner_and_mode(tmp_path):
    path = tmp_path / "plan.hkplan"
    save(path, ScenarioDocument(baseline()))
    os.chown(path, 4321, 4321)
    path.chmod(0o640)
    save(path, ScenarioDocument(baseline().renamed("Changed")))
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4321, 0o640)


def test_breaking_a_hard_link_is_said_first(tmp_path):
    path = tmp_path / "plan.hkplan"
    save(path, ScenarioDocument(baseline()))
    other = tmp_path / "other-name.hkplan"
    os.link(path, other)
    with pytest.raises(LinkedFileError, match="1 other name"):
        save(path, ScenarioDocument(baseline().renamed("Changed")))
    assert open_file(other).document.scenario.name == baseline().name
    save(path, ScenarioDocument(baseline().renamed("Changed")), break_links=True)
    assert open_file(path).document.scenario.name == "Changed"


# 8, 9: pipes and devices are never read --------------------------------------------------------------------


def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "plan.hkplan"
    os.mkfifo(fifo)
    try:
        for reader in (open_file, read_storyline):
            outcome = finishes(reader, fifo)
            assert isinstance(outcome, ScenarioFileError) and "named pipe" in str(outcome)
    finally:
        # Should a reader still be waiting (the old behaviour), a writer lets it go.
        handle = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK) if _has_reader(fifo) else None
        if handle is not None:
            os.close(handle)


def _has_reader(fifo: Path) -> bool:
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        return True
    except OSError:
        return False


def test_a_storyline_from_an_endless_device_is_refused_before_reading():  # 9
    # In a child with little memory, so reading /dev/zero to the end fails there, not here.
    code = (
        "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))\n"
        "from hkplanner.core.storyline import read_storyline\n"
        "from hkplanner.core.scenario_file import ScenarioFileError\n"
        "for device in ('/dev/zero', '/dev/urandom'):\n"
        "    try:\n"
        "        read_storyline(device)\n"
        "    except ScenarioFileError as error:\n"
        "        print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.count("it is a device, not a file") == 2


# 10: caps ------------------------------------------------------------------------------------------------------


def test_phases_per_scenario_are_capped():
    phase = official_plan()["phases"][0]
    phases = [{**phase, "name": f"Phase {index}"} for index in range(MAX_PHASES + 1)]
    with pytest.raises(ScenarioFileError, match=f"at most {MAX_PHASES}"):
        from_bytes(plan_bytes(phases=phases))
    assert len(from_bytes(plan_bytes(phases=phases[:MAX_PHASES])).document.scenario.phases) == MAX_PHASES


def test_steps_per_storyline_and_phases_they_add_are_capped():
    with pytest.raises(ScenarioFileError, match=f"at most {MAX_STEPS}"):
        storyline_from(story(*({"title": f"Step {n}"} for n in range(MAX_STEPS + 1))))
    phase = {**official_plan()["phases"][0], "name": "More"}
    adding = ({"title": f"Step {n}", "add_phases": [phase] * 3} for n in range(MAX_STEPS))
    with pytest.raises(ScenarioFileError, match=f"at most {MAX_PHASES}"):
        storyline_from(story(*adding))
    with pytest.raises(ScenarioFileError, match=f"at most {MAX_PHASES}"):
        storyline_from(story({"title": "x", "add_phases": [phase] * 100_000}))


# 15: messages quote a few dozen characters at most ---------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"name": "\x07" * 1_000_000},
        {"notes": 7 * [1] * 200_000},
        {"parameters": {"pue": "9" * 1_000_000}},
        {"parameters": {"p" * 1_000_000: 1}},
        {"created": "2024" * 250_000},
        {"format_version": [1] * 200_000},
        {"phases": [{**official_plan()["phases"][0], "owner": "o" * 1_000_000}]},
        {"phases": [{**official_plan()["phases"][0], "name": "n" * 1_000_000}]},
        {"x" * 1_000_000: 1},
    ],
    ids=["name", "notes", "value", "key", "time", "version", "owner", "phase-name", "field"],
)
def test_an_error_message_never_repeats_a_huge_value(changes):
    with pytest.raises(ScenarioFileError) as caught:
        from_bytes(plan_bytes(**changes), "big.hkplan")
    assert len(str(caught.value)) < 400, str(caught.value)[:400]


# 18: duplicate keys and loose types ---------------------------------------------------------------------------


def test_a_key_given_twice_is_refused_naming_it():
    text = plan_bytes().decode().replace('"name": ', '"name": "First", "name": ', 1)
    with pytest.raises(ScenarioFileError, match="'name' appears twice"):
        from_bytes(text.encode())


@pytest.mark.parametrize("version", [1.0, True, "1"])
def test_format_version_must_be_a_whole_number(version):
    with pytest.raises(ScenarioFileError, match="format_version"):
        from_bytes(plan_bytes(format_version=version))


# 14: names with control characters --------------------------------------------------------------------------


def test_a_name_with_control_characters_is_refused_saying_which():
    with pytest.raises(ScenarioFileError, match=r"name holds a control character \(U\+001B\) at position 4"):
        from_bytes(plan_bytes(name="Bad\x1b[31m"))
    document = open_file_or_none(plan_bytes(name="Fine"))
    assert document is not None and document.scenario.name == "Fine"


def open_file_or_none(data: bytes) -> ScenarioDocument | None:
    return from_bytes(data).document


def test_a_phase_named_in_memory_with_a_tab_cannot_be_saved(tmp_path):
    scenario = baseline().with_phases([*baseline().phases, Phase("Tab\there", "public", 10, 2026, 2027)])
    with pytest.raises(ScenarioFileError, match="control character"):
        save(tmp_path / "plan.hkplan", dataclasses.replace(ScenarioDocument(baseline()), scenario=scenario))
    assert not (tmp_path / "plan.hkplan").exists()
