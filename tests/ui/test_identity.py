"""A document never claims to be what it is not: a changed preset or file takes a derived name that the
window, the saved file and every export carry, and exports list every change, phases included."""

from __future__ import annotations

import json

import pypdf
from PySide6.QtGui import QImage

from hkplanner.core import Phase
from hkplanner.core.presets import preset
from tests.ui.conftest import slider

PLAN = "Official plan (Aug 2024)"
MODIFIED = f"{PLAN}, modified"
SANDY_RIDGE = Phase("Sandy Ridge data park", "private", 180_000, 2029, 2032, "s-curve")


def page_texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def add_sandy_ridge(window) -> None:
    window.session.set_phases((*window.session.scenario.phases, SANDY_RIDGE))


def test_a_slider_move_renames_the_plan_and_undo_gives_its_name_back(window):
    assert window.windowTitle().startswith(f"{PLAN}[*]")
    slider(window, "pue").setValue(20)
    assert window.session.scenario.name == MODIFIED
    assert window.windowTitle().startswith(f"{MODIFIED}[*]")
    window.menus.undo.trigger()
    assert window.session.scenario.name == PLAN
    assert window.windowTitle().startswith(f"{PLAN}[*]")


def test_a_phase_added_renames_and_moving_everything_back_restores_the_name(window):
    add_sandy_ridge(window)
    assert window.session.scenario.name == MODIFIED
    window.session.set_phases(window.session.scenario.phases[:-1])
    assert window.session.scenario.name == PLAN, "the same content as the preset is the preset"


def test_a_name_the_user_gives_sticks_through_later_changes(window, answers):
    slider(window, "pue").setValue(20)
    answers.text = "Cooling risk"
    window.menus._rename()
    slider(window, "pue").setValue(25)
    assert window.session.scenario.name == "Cooling risk"
    assert window.windowTitle().startswith("Cooling risk[*]")


def test_a_changed_preset_is_named_after_the_preset(window):
    window.files.load_preset(preset("Private build-out two years late"))
    assert window.session.scenario.name == "Private build-out two years late"
    slider(window, "co_investment_ratio").setValue(slider(window, "co_investment_ratio").maximum())
    assert window.session.scenario.name == "Private build-out two years late, modified"


def test_loading_a_preset_over_unsaved_work_asks_first(window, answers):
    window.files.load_preset(preset("Manufacturing push"))
    assert "save_changes" not in answers.kinds(), "a preset over a saved (or new) document asks nothing"
    slider(window, "pue").setValue(20)
    work = window.session.scenario
    answers.save_changes = "cancel"
    window.files.load_preset(preset("03-market-fund"))
    assert answers.kinds().count("save_changes") == 1
    assert window.session.scenario == work, "cancel keeps the work"
    answers.save_changes = "discard"
    window.files.load_preset(preset("03-market-fund"))
    assert window.session.scenario.name == "Market-oriented fund (1:3 leverage)"


def test_the_saved_file_and_default_file_names_carry_the_derived_name(window, answers, tmp_path):
    add_sandy_ridge(window)
    answers.save_path = tmp_path / "saved.hkplan"
    window.files.save()
    suggested = [text for kind, text in answers.calls if kind == "save_path"][-1]
    assert suggested.endswith("Official-plan-Aug-2024-modified.hkplan")
    assert json.loads(answers.save_path.read_text("utf-8"))["name"] == MODIFIED


def test_every_export_of_a_changed_scenario_says_modified_and_lists_each_change(window, answers, tmp_path):
    add_sandy_ridge(window)
    window.session.set("private_delay_years", 2)
    answers.save_path = tmp_path / "pack.pdf"
    window.exports.pdf()
    suggested = [text for kind, text in answers.calls if kind == "save_path"][-1]
    assert "/Official-plan-Aug-2024-modified.pdf " in suggested
    texts = page_texts(tmp_path / "pack.pdf")
    assert MODIFIED in texts[0] and f"Modified from “{PLAN}”" in texts[0]
    assert "2 changes from the plan's baseline" in texts[0]
    for text in texts:
        assert f"{MODIFIED} · HK Planner" in text, "every footer says modified"
    assert pypdf.PdfReader(tmp_path / "pack.pdf").metadata.title == f"HK Planner briefing: {MODIFIED}"
    changes = " ".join(texts)
    assert "+ Sandy Ridge data park (180,000 PF by 2032)" in changes
    assert "Delay to private build-out 2 years 0 years Lever" in changes

    answers.save_path = tmp_path / "compute.png"
    window.exports.chart_file(window.charts[0], "png")
    assert QImage(str(tmp_path / "compute.png")).text("Scenario") == MODIFIED


def test_phase_only_changes_are_changes_in_the_pack(window, answers, tmp_path):
    phases = window.session.scenario.phases
    northern = phases[2]
    moved = Phase(northern.name, northern.owner, 12_000, northern.start_year + 1, northern.completion_year + 2)
    window.session.set_phases((*phases[:2], moved, *phases[3:]))
    answers.save_path = tmp_path / "pack.pdf"
    window.exports.pdf()
    texts = " ".join(page_texts(tmp_path / "pack.pdf"))
    assert f"{moved.name}: resized {northern.capacity_pf:,} PF → 12,000 PF" in texts
    assert f"{moved.name}: built {northern.start_year}–{northern.completion_year}" in texts
    assert "The compute phases do: see below." in texts


def test_an_unchanged_preset_keeps_its_name_in_every_export(window, answers, tmp_path):
    window.files.load_preset(preset("Private build-out two years late"))
    answers.save_path = tmp_path / "pack.pdf"
    window.exports.pdf()
    texts = page_texts(tmp_path / "pack.pdf")
    assert "Private build-out two years late · HK Planner" in texts[-1]
    assert not any("modified" in text for text in texts)


def test_the_workbook_of_a_changed_scenario_names_it_modified_and_lists_phase_changes(window, answers, tmp_path):
    import pandas as pd

    add_sandy_ridge(window)
    answers.save_path = tmp_path / "book.xlsx"
    window.exports.workbook()
    provenance = pd.read_excel(tmp_path / "book.xlsx", sheet_name="Provenance").set_index("Field")["Value"]
    assert provenance["Scenario"] == MODIFIED
    assert "+ Sandy Ridge data park (180,000 PF by 2032)" in provenance["Change from the plan's baseline"]


def test_a_changed_file_is_named_after_the_file_and_an_untitled_scenario_stays_untitled(window, answers, tmp_path):
    answers.text = "Cooling risk"
    window.menus._rename()
    answers.save_path = tmp_path / "cooling.hkplan"
    window.files.save()
    window.files.new()
    slider(window, "pue").setValue(20)
    assert window.session.scenario.name == "Untitled scenario", "an untitled scenario claims to be nothing"
    window.files.open_path(tmp_path / "cooling.hkplan")
    slider(window, "pue").setValue(20)
    assert window.session.scenario.name == "Cooling risk, modified"
    assert window.windowTitle().startswith("Cooling risk, modified (cooling.hkplan)[*]")
    window.menus.undo.trigger()
    assert window.session.scenario.name == "Cooling risk"
