"""`hkplanner seek`: the answer in words or JSON, through the same command the user types."""

from __future__ import annotations

import json

import pytest

from hkplanner.analysis import seek as seeking
from hkplanner.analysis.cli_seek import main
from hkplanner.cli import main as hkplanner
from hkplanner.core import TARGETS, baseline, project

NORTHERN = 2  # the baseline's Northern Metropolis build-out, the one phase the private target counts


def northern_needed() -> float:
    """The Northern Metropolis capacity the private target needs: its threshold less what other phases add."""
    target = next(t for t in TARGETS if t.key == "compute_private_2030")
    without = baseline().with_phases(baseline().phases[:NORTHERN] + baseline().phases[NORTHERN + 1 :])
    return target.threshold - project(without).at(target.metric, target.year)


def test_the_json_answer_meets_the_target(project_batch, capsys):
    lever = f"phase.{NORTHERN}.capacity_pf"
    assert main(["compute_private_2030", "--lever", lever, "--json"], projector=project_batch) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {"target", "lever", "value", "reachable", "best"} <= set(answer)
    assert answer["reachable"] and answer["target"] == "compute_private_2030"
    # the answer is within 1e-9 of the lever's 10,000,000 PF range
    needed = northern_needed()
    assert answer["value"] == pytest.approx(needed, abs=0.01) and answer["value"] >= needed
    assert answer["on_step"] == needed


def test_the_text_answer_names_the_lever_and_its_step(project_batch, capsys):
    assert main(["mfg_share", "--lever", "mfg_growth_pct"], projector=project_batch) == 0
    text = capsys.readouterr().out
    assert text.startswith("mfg_share is just met with Growth of manufacturing value added (mfg_growth_pct) = 23.6")
    assert text.strip().endswith("on the slider's step: 23.7.")


def test_an_unreachable_target_still_exits_0_and_says_how_close(project_batch, capsys):
    assert main(["rnd_private_share", "--lever", "private_delay_years"], projector=project_batch) == 0
    text = capsys.readouterr().out
    shortfall = 50 - project(baseline()).targets[3].value
    assert "unreachable" in text and f"{shortfall:,.4g} short" in text


def test_two_levers_print_the_frontier(project_batch, capsys, monkeypatch):
    monkeypatch.setattr(seeking, "FRONTIER_POINTS", 5)
    levers = ["private_delay_years", f"phase.{NORTHERN}.capacity_pf"]
    assert (
        main(["compute_private_2030", "--lever", levers[0], "--lever", levers[1], "--json"], projector=project_batch)
        == 0
    )
    line = json.loads(capsys.readouterr().out)
    assert line["lever"] == levers and line["reachable"]
    assert line["frontier"][0][0] == 0 and line["frontier"][0][1] == pytest.approx(northern_needed(), abs=0.01)


def test_an_unknown_target_is_named_and_exits_1(capsys):
    assert hkplanner(["seek", "compute_2031", "--lever", "pue"]) == 1
    assert "'compute_2031' is not a target" in capsys.readouterr().err


def test_the_hkplanner_command_dispatches_seek_and_sweep(capsys):
    for command in ("seek", "sweep"):
        with pytest.raises(SystemExit) as exit_:
            hkplanner([command, "--help"])
        assert exit_.value.code == 0
        assert f"usage: hkplanner {command}" in capsys.readouterr().out
