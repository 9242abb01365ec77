"""What every export says about itself, and the names its files get."""

from __future__ import annotations

import dataclasses

from hkplanner.core import baseline
from hkplanner.core.data_versions import current_version
from hkplanner.core.phases import default_phases
from hkplanner.export.files import chart_file_name, safe_name
from hkplanner.export.provenance import NO_CHANGES, Provenance
from tests.export.conftest import EXPORTED_AT


def test_the_baseline_has_no_changes():
    provenance = Provenance.of(baseline(), EXPORTED_AT)
    assert provenance.changes == ()
    assert provenance.changes_text == NO_CHANGES


def test_changes_name_each_parameter_with_old_and_new_values_and_years_stay_years():
    scenario = baseline().replace(private_delay_years=2, end_year=2034)
    provenance = Provenance.of(scenario, EXPORTED_AT)
    assert provenance.changes == (
        "Delay to private build-out: 0 years → 2 years",
        "Projection runs to: 2035 → 2034",
    )


def test_changed_phases_are_listed():
    phases = default_phases()[:1]
    provenance = Provenance.of(baseline().with_phases(phases), EXPORTED_AT)
    removed = sorted(phase.name for phase in default_phases()[1:])
    assert provenance.changes == tuple(f"− {name}" for name in removed)


def test_each_edited_phase_is_listed_resized_moved_or_otherwise_changed():
    first, second, *rest = default_phases()
    smaller = dataclasses.replace(first, capacity_pf=2500)
    later = dataclasses.replace(second, start_year=second.start_year + 2, completion_year=second.completion_year + 2)
    changes = Provenance.of(baseline().with_phases((smaller, later, *rest)), EXPORTED_AT).changes
    assert changes == (
        f"{first.name}: resized {first.capacity_pf:,} PF → 2,500 PF",
        f"{second.name}: built {second.start_year}–{second.completion_year}"
        f" → {later.start_year}–{later.completion_year}",
    )


def test_provenance_names_scenario_versions_and_time():
    provenance = Provenance.of(baseline().renamed("Test"), EXPORTED_AT)
    assert provenance.footer() == f"Test · HK Planner 0.1.0 · data {current_version()} · 2026-11-25 14:30:00+08:00"
    assert dict(provenance.items())["Data version"] == current_version()


def test_file_names_are_safe_and_name_the_scenario_and_chart():
    assert safe_name("Private / late: 2 yrs?*") == "Private-late-2-yrs"
    assert safe_name("...") == "scenario"
    assert safe_name("北部都會區") == "北部都會區"
    assert safe_name("x" * 100) == "x" * 60
    assert chart_file_name("Plan (Aug 2024)", "chart_compute", "png") == "Plan-Aug-2024_compute.png"
