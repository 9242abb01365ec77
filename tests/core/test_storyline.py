"""Storylines: the shipped briefing, captions, interpolation for the animation, and files."""

from __future__ import annotations

import json

import pytest

from hkplanner.core import baseline
from hkplanner.core.scenario_file import ScenarioFileError
from hkplanner.core.seeds import bundled_dir
from hkplanner.core.storyline import caption, interpolate, read_storyline, save_storyline, storyline_from

BRIEFING = bundled_dir("resources") / "storylines" / "briefing.hkstory"


def test_the_shipped_briefing_builds_each_step_on_the_last():
    story = read_storyline(BRIEFING)
    assert [step.title for step in story.steps][:2] == [
        "The plan as announced",
        "What if the private build-out slips two years?",
    ]
    assert story.steps[1].scenario["private_delay_years"] == 2
    assert story.steps[2].scenario["private_delay_years"] == 0 and story.steps[2].scenario["co_investment_ratio"] == 3.0
    assert story.steps[3].scenario["co_investment_ratio"] == 3.0, "changes carry forward"
    assert story.steps[4].scenario.phases[-1].name == "Sandy Ridge data park"
    assert all(step.notes for step in story.steps)


def test_captions_name_what_changed():
    story = read_storyline(BRIEFING)
    steps = story.steps
    assert caption(steps[0].scenario, steps[1].scenario) == "Delay to private build-out: 0 years → 2 years"
    assert caption(steps[3].scenario, steps[4].scenario) == "+ Sandy Ridge data park (180,000 PF by 2032)"
    assert caption(steps[4].scenario, steps[3].scenario) == "− Sandy Ridge data park"
    assert caption(steps[0].scenario, steps[0].scenario) == ""


def test_interpolation_runs_from_start_to_exactly_the_end():
    story = read_storyline(BRIEFING)
    start, end = story.steps[3].scenario, story.steps[4].scenario
    assert interpolate(start, end, 1.0) == end
    assert interpolate(start, end, 0.0).values == start.values
    halfway = interpolate(start, end, 0.5)
    sandy = next(phase for phase in halfway.phases if phase.name == "Sandy Ridge data park")
    assert sandy.capacity_pf == 90_000
    back = interpolate(end, start, 0.25)
    assert next(p for p in back.phases if p.name == "Sandy Ridge data park").capacity_pf == 135_000
    years = interpolate(baseline(), baseline().replace(private_delay_years=3), 0.5)
    assert years["private_delay_years"] == 2 and isinstance(years["private_delay_years"], int)


def test_save_and_read_give_the_same_steps(tmp_path):
    story = read_storyline(BRIEFING)
    path = tmp_path / "copy.hkstory"
    save_storyline(path, story)
    assert read_storyline(path) == story


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ({"format_version": 2, "steps": [{"title": "x"}]}, "format_version"),
        ({"format_version": 1, "steps": []}, "steps"),
        ({"format_version": 1, "steps": [{"notes": "no title"}]}, "steps[0]"),
        ({"format_version": 1, "steps": [{"title": "x", "parameters": {"pue": 9}}]}, "steps[0]"),
        ({"format_version": 1, "steps": [{"title": "x", "preset": "no such preset"}]}, "steps[0]"),
        ({"format_version": 1, "steps": [{"title": "x", "parameters": {"nonsense": 1}}]}, "steps[0]"),
    ],
)
def test_a_bad_storyline_says_where(content, where):
    with pytest.raises(ScenarioFileError) as caught:
        storyline_from(content, "story.hkstory")
    assert "story.hkstory" in str(caught.value) and where in str(caught.value)


def test_a_storyline_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "broken.hkstory"
    path.write_text(json.dumps({"format_version": 1})[:-3], encoding="utf-8")
    with pytest.raises(ScenarioFileError, match="not valid JSON"):
        read_storyline(path)


def test_a_step_can_name_one_chart_to_focus_and_it_survives_saving(tmp_path):
    story = read_storyline(BRIEFING)
    assert [step.focus for step in story.steps][:2] == [None, "compute"]
    save_storyline(tmp_path / "again.hkstory", story)
    assert read_storyline(tmp_path / "again.hkstory") == story


def test_a_focus_that_is_not_a_chart_is_refused_with_where_and_what(tmp_path):
    content = {"format_version": 1, "steps": [{"title": "One", "focus": "piechart"}]}
    with pytest.raises(ScenarioFileError, match=r"steps\[0\]\.focus: focus = 'piechart' is not a chart; use one of"):
        storyline_from(content)
