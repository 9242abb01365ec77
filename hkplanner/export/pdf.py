"""The briefing pack: a PDF with a cover, the targets against the baseline, every chart (vector), what the
scenario changes with sources, and the notes; a footer with scenario, versions and time on every page.

Written with Qt's QPdfWriter at the charts' screen DPI, so the scene renders at its own proportions
(rendering a widget into a PDF gives a blank page; rendering its scene gives vectors and embedded fonts).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from hkplanner.analysis.ensemble import DEFAULT_DRAWS, Ensemble, ensemble
from hkplanner.charts import theme
from hkplanner.charts.bands import banded
from hkplanner.charts.chart import ProjectionChart
from hkplanner.core import Scenario, Workspace, baseline
from hkplanner.core.changes import MODIFIED, describe_phase_changes, is_modified_name, value_text
from hkplanner.core.formatting import quantity
from hkplanner.core.scenario_file import ScenarioDocument
from hkplanner.export.charts import offscreen_charts
from hkplanner.export.files import write_bytes
from hkplanner.export.page_flow import GAP, Cell, PageFlow
from hkplanner.export.provenance import Provenance
from hkplanner.export.summary import TargetRow, changed_parameters, target_rows, verdict
from hkplanner.export.why_page import why_page

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15
TITLE = "Hong Kong AI computing and innovation plan: what-if briefing"
HOW_TO_READ = (
    "In every chart the solid line is this scenario, the dashed grey line the plan's baseline, squares and "
    "diamonds the published figures, stars the plan's targets, and dotted lines any pinned scenarios. The shaded "
    "band spans the 10th to 90th percentile of the projections, the thin dashed line in it the median."
)
CHANCE_NOTE = (
    "The chance of meeting a target is the share of {draws} projections, each assumption drawn from its low, "
    "likely and high range (docs/analysis.md), that meet it."
)


def briefing_pdf(
    document: ScenarioDocument,
    path: str | os.PathLike,
    paper: str = "a4",
    pins: Sequence[tuple[str, Scenario]] = (),
    charts: Sequence[ProjectionChart] | None = None,
    exported_at: datetime | None = None,
    draws: int = DEFAULT_DRAWS,
) -> Path:
    """Write the pack for `document`'s scenario. Charts are built offscreen unless given (e.g. already
    built for PNG export); `pins` are drawn on them as in the window, and the scenario's P10-P90 bands from a
    seeded ensemble of `draws` for the length of the export. Raises ExportError."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    if charts is None:
        with offscreen_charts(document.scenario, pins) as built:
            return briefing_pdf(document, path, paper, pins, built, exported_at, draws)
    provenance = Provenance.of(document.scenario, exported_at)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, paper, provenance, document, charts)
    workspace = Workspace(document.scenario)
    rows = target_rows(workspace.projection, workspace.baseline_projection)
    uncertainty = ensemble(document.scenario, draws)
    flow = PageFlow(writer, provenance.footer())
    _cover(flow, document, provenance, rows)
    flow.new_page()
    _targets(flow, rows, uncertainty)
    with banded(charts, uncertainty):
        _charts(flow, charts)
    why_page(flow, workspace, rows)
    _changes(flow, document.scenario)
    _notes(flow, document)
    flow.finish()
    buffer.close()
    return write_bytes(path, bytes(data))


def _writer(buffer, paper, provenance: Provenance, document: ScenarioDocument, charts) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(PAPERS[paper]))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(charts[0].logicalDpiY() if charts else 96)  # the scene's own units: see the docstring
    writer.setTitle(f"HK Planner briefing: {provenance.scenario_name}")
    writer.setCreator(provenance.app)
    writer.setAuthor(document.author or provenance.app)
    writer.setDocumentXmpMetadata(_xmp(provenance).encode("utf-8"))
    return writer


def _xmp(provenance: Provenance) -> str:
    """The provenance in the PDF's XMP metadata, where the info dictionary has no room for it."""
    title = escape(f"HK Planner briefing: {provenance.scenario_name}")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(provenance.text())}</rdf:li></rdf:Alt>'
        "</dc:description>"
        f"<xmp:CreatorTool>{escape(provenance.app)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{provenance.exported_at.isoformat()}</xmp:CreateDate>"
        f"<pdf:Keywords>{escape(provenance.changes_text)}</pdf:Keywords>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


def _cover(flow: PageFlow, document: ScenarioDocument, provenance: Provenance, rows: list[TargetRow]) -> None:
    flow.space(flow.left * 0.2)
    flow.text("HK PLANNER · BRIEFING PACK", size=9, colour=theme.GHOST, centred=True)
    flow.text(TITLE, size=16, centred=True)
    flow.space(24)
    flow.text(document.scenario.name, size=24, bold=True, centred=True)
    if is_modified_name(document.scenario.name):
        origin = document.scenario.name.removesuffix(MODIFIED)
        flow.text(f"Modified from “{origin}”: the changes are listed inside", size=12, centred=True)
    if provenance.changes:
        count = len(provenance.changes)
        flow.text(f"{count} change{'s' if count > 1 else ''} from the plan's baseline", size=11, centred=True)
    if document.description:
        flow.text(document.description, size=11, centred=True)
    flow.space(24)
    met = sum(row.scenario.met for row in rows)
    plan = sum(row.baseline.met for row in rows)
    summary = f"{met} of {len(rows)} plan targets met (the plan's baseline: {plan} of {len(rows)})"
    flow.text(summary, size=12, centred=True)
    flow.space(flow.left * 0.4)
    when = provenance.exported_at
    flow.text(f"{when.day} {when:%B %Y}", size=11, centred=True)
    if document.author:
        flow.text(f"Scenario by {document.author}", size=10, centred=True)
    flow.text(f"{provenance.app} · default data version {provenance.data_version}", size=10, centred=True)


def _targets(flow: PageFlow, target_rows: list[TargetRow], uncertainty: Ensemble) -> None:
    flow.heading("Targets")
    rows = []
    for row in target_rows:
        result = row.scenario
        colour = theme.MET if result.met else theme.MISSED if result.judged else theme.GHOST
        rows.append(
            [
                row.title,
                str(result.due_year),
                Cell(f"{verdict(result)}: {quantity(result.value, result.target.unit)}", colour, bold=True),
                str(result.first_year_met or "–"),
                row.shortfall_text,
                f"{verdict(row.baseline)}: {quantity(row.baseline.value, result.target.unit)}",
                row.against_baseline_text,
                f"{uncertainty.probability[result.target.key]:.0%}",
            ]
        )
    headers = ["Target", "Due", "This scenario", "First met", "Shortfall", "Plan's baseline", "Against baseline"]
    headers.append("Chance of meeting it")
    flow.table(headers, rows, widths=[3.2, 0.9, 2.2, 1.0, 1.4, 2.2, 1.6, 1.2])
    flow.text(HOW_TO_READ, size=9, colour=theme.GHOST)
    flow.text(CHANCE_NOTE.format(draws=f"{uncertainty.draws:,}"), size=9, colour=theme.GHOST)


def _charts(flow: PageFlow, charts: Sequence[ProjectionChart]) -> None:
    flow.new_page()
    per_page = 2
    for chart in charts:
        flow.chart(chart, max_height=flow.bottom / per_page - 2 * GAP)


def _changes(flow: PageFlow, scenario: Scenario) -> None:
    flow.new_page()
    flow.heading("What this scenario changes")
    changed = changed_parameters(scenario)
    phase_changes = describe_phase_changes(baseline().phases, scenario.phases)
    if not changed:
        flow.text("No parameter differs from the plan's baseline.")
        if phase_changes:
            flow.text("The compute phases do: see below.")
    else:
        rows = [
            [
                parameter.title,
                value_text(parameter, value),
                value_text(parameter, default),
                parameter.kind.capitalize(),
                parameter.source,
            ]
            for parameter, value, default in changed
        ]
        headers = ["Parameter", "This scenario", "Plan's baseline", "Kind", "Source of the baseline value"]
        flow.table(headers, rows, widths=[2.4, 1.3, 1.3, 1.3, 4.0])
    if phase_changes:
        flow.heading("Compute phases: changes from the plan's baseline", size=12)
        for line in phase_changes:
            flow.text(line)
        flow.heading("Compute phases in this scenario", size=12)
        rows = [
            [p.name, p.owner, f"{p.capacity_pf:,g} PF", f"{p.start_year}–{p.completion_year}", p.ramp, p.source or "–"]
            for p in scenario.phases
        ]
        flow.table(["Phase", "Owner", "Capacity", "Build", "Ramp", "Source"], rows, widths=[2.2, 1, 1, 1, 1, 3.8])


def _notes(flow: PageFlow, document: ScenarioDocument) -> None:
    flow.heading("Notes")
    if not (document.description or document.notes):
        flow.text("This scenario has no description or notes.", colour=theme.GHOST)
    if document.description:
        flow.text(document.description)
    if document.notes:
        flow.text(document.notes)
