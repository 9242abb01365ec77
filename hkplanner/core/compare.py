"""Side-by-side comparison of scenarios: targets, key figures in key years, and what differs."""

from __future__ import annotations

import math
from collections.abc import Sequence

from hkplanner.core.formatting import decimals, shortfall, unit_label
from hkplanner.core.parameters import REGISTRY
from hkplanner.core.projection import COLUMNS, Projection
from hkplanner.core.scenario import Scenario
from hkplanner.core.workspace import projected_over

KEY_YEARS = (2026, 2030, 2032)
KEY_FIGURES = (
    "capacity_total_pf",
    "capacity_private_pf",
    "power_mw",
    "capex_hkd_bn",
    "fund_private_cum_hkd_bn",
    "startups_backed",
    "rnd_private_share_pct",
    "mfg_share_gdp_pct",
)


def _verdict(result) -> str:
    if not result.judged:
        return f"not judged (due {result.due_year})"
    if result.met:
        return f"met (first {result.first_year_met})"
    return f"missed by {shortfall(result.shortfall, result.target.unit)}"


def comparison_table(scenarios: Sequence[tuple[str, Scenario]], reference: Scenario):
    """A DataFrame: one column per scenario, rows grouped as Targets, Figures and Parameters.

    Scenarios are projected to the longest end year among them, so every key year is shown;
    parameter rows list only the parameters where some scenario differs from `reference`.
    """
    import pandas as pd  # tables only

    end_year = max(scenario["end_year"] for _, scenario in scenarios)
    projections: list[Projection] = [projected_over(s, end_year) for _, s in scenarios]
    years = (*KEY_YEARS, end_year) if end_year not in KEY_YEARS else KEY_YEARS
    rows: dict[tuple[str, str], list] = {}
    for index, result in enumerate(projections[0].targets):
        rows[("Targets", result.target.title)] = [_verdict(p.targets[index]) for p in projections]
    for key in KEY_FIGURES:
        title, unit = COLUMNS[key]
        for year in years:
            label = f"{title} ({unit_label(unit)}), {year}"
            rows[("Figures", label)] = [_rounded(p.at(key, year), unit) for p in projections]
    differing = [key for key in REGISTRY if key != "end_year" and any(s[key] != reference[key] for _, s in scenarios)]
    for key in differing:
        parameter = REGISTRY[key]
        rows[("Parameters", f"{parameter.title} ({parameter.unit})")] = [s[key] for _, s in scenarios]
    if any(s.phases != reference.phases for _, s in scenarios):
        names = dict.fromkeys(phase.name for _, s in scenarios for phase in s.phases)
        for name in names:  # phases compared by name: added, removed, resized or moved shows row by row
            rows[("Phases", name)] = [_phase_text(s, name) for _, s in scenarios]
    index = pd.MultiIndex.from_tuples(rows, names=["section", "item"])
    return pd.DataFrame(list(rows.values()), index=index, columns=[label for label, _ in scenarios])


def _phase_text(scenario: Scenario, name: str) -> str:
    phase = next((phase for phase in scenario.phases if phase.name == name), None)
    if phase is None:
        return "none"
    return f"{phase.capacity_pf:,.0f} PF, {phase.start_year}–{phase.completion_year}, {phase.owner}"


def with_difference(table, column: str, reference_column: str, title: str):
    """The table with `column − reference_column` for the numeric rows, inserted after `column`."""
    import pandas as pd  # tables only

    numeric = [
        isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool)
        for a, b in zip(table[column], table[reference_column], strict=True)
    ]
    difference = [
        _signed(a - b) if is_number else ("same" if a == b else "differs")
        for a, b, is_number in zip(table[column], table[reference_column], numeric, strict=True)
    ]
    result = table.copy()
    result.insert(list(table.columns).index(column) + 1, title, pd.Series(difference, index=table.index, dtype=object))
    return result


def _signed(value: float) -> float | str:
    if math.isnan(value):
        return value
    return round(value, 2) if value else "same"


def _rounded(value: float, unit: str) -> float:
    """As the figure is read: whole start-ups and petaflops, whole numbers from 100."""
    if math.isnan(value):
        return value
    return round(value, 0 if abs(value) >= 100 else min(1, decimals(unit)))
