"""The briefing pack's "Why it differs from the plan" page: for each target whose figure moved, the change
split into each decision's part (Shapley attribution), as a waterfall and in numbers."""

from __future__ import annotations

import math

from hkplanner.analysis.attribution import Attribution, AttributionError, attribute
from hkplanner.charts import theme
from hkplanner.charts.waterfall import waterfall_chart
from hkplanner.core import COLUMNS, Workspace
from hkplanner.export.page_flow import Cell, PageFlow
from hkplanner.export.summary import TargetRow

HEADING = "Why it differs from the plan"
NOTHING = "No target's figure differs from the plan's baseline: there is nothing to attribute."
HOW_TO_READ = (
    "Each bar is one decision's part in the change from the plan's baseline, averaged over every order in which "
    "the decisions could be made (Shapley values), so the parts add up exactly to the whole change even where "
    "decisions interact. Green raises the figure, red lowers it."
)


def why_page(flow: PageFlow, workspace: Workspace, rows: list[TargetRow]) -> None:
    flow.new_page()
    flow.heading(HEADING)
    moved = [row for row in rows if _moved(row)]
    if not moved:
        flow.text(NOTHING)
        return
    flow.text(HOW_TO_READ, size=9, colour=theme.GHOST)
    for row in sorted(moved, key=lambda row: -abs(row.against_baseline / (row.baseline.value or 1.0))):
        target = row.scenario.target
        title, unit = COLUMNS[target.metric]
        flow.heading(f"{row.title}: {title} in {row.scenario.due_year}", size=12)
        try:
            result = attribute(workspace.baseline, workspace.scenario, target.metric, row.scenario.due_year)
        except AttributionError as error:
            flow.text(f"Not attributed: {error}", colour=theme.GHOST)
            continue
        chart = waterfall_chart(result, f"Change from the plan, by decision ({unit})")
        try:
            flow.plot(chart, max_height=flow.bottom / 4)
        finally:
            chart.close()
            chart.deleteLater()
        flow.table(["Decision", f"Part of the change ({unit})"], contribution_rows(result), widths=[4.0, 2.0])


def contribution_rows(result: Attribution) -> list[list[str | Cell]]:
    """The plan's figure, each decision's part, then the scenario's figure: the parts add up to the difference."""
    parts = [[player.label, figure(share, signed=True)] for player, share in result.contributions]
    exact = "" if result.exact else f" (parts estimated from {result.orders:,} orders)"
    return [
        [Cell("The plan's baseline", bold=True), Cell(figure(result.baseline_value), bold=True)],
        *parts,
        [Cell(f"This scenario{exact}", bold=True), Cell(figure(result.current_value), bold=True)],
    ]


def figure(value: float, signed: bool = False) -> str:
    """Two decimals, so small parts still show; a true minus sign, as elsewhere in the pack."""
    return f"{value:{'+' if signed else ''},.2f}".replace("-", "\u2212")


def _moved(row: TargetRow) -> bool:
    change = row.against_baseline
    return math.isfinite(change) and abs(change) > 1e-9 * max(1.0, abs(row.baseline.value))
