"""The workbook (XLSX, written by pandas through openpyxl) and the projection as CSV.

Sheets: Projection (units in the headers), Parameters, Targets, Pinned (scenarios side by side) and
Provenance; the workbook's document properties carry the provenance too.

The CSV starts with a few '# ' comment lines of provenance, then a plain table:
`pandas.read_csv(path, comment="#", index_col=0)` reads it back (no value or header holds a '#').
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from hkplanner.core import COLUMNS, REGISTRY, Projection, Scenario, Workspace, baseline, project
from hkplanner.core.compare import comparison_table
from hkplanner.core.formatting import decimals, file_decimals, unit_label
from hkplanner.core.scenario_file import ScenarioDocument
from hkplanner.export.files import write_bytes
from hkplanner.export.provenance import Provenance
from hkplanner.export.summary import target_rows

HISTORY_HEADER = "Published figure (not projected)"
MAX_COLUMN_WIDTH = 60
HEADER_LINES = 3  # long headers wrap onto up to this many lines


def projection_table(projection: Projection) -> pd.DataFrame:
    """The projection, one row per year, headers 'Title (unit)' (money with its prices), each column
    rounded as its unit is counted: whole start-ups and petaflops, no float noise."""
    frame = projection.frame.round({key: file_decimals(unit) for key, (_, unit) in COLUMNS.items()})
    table = frame.rename(columns={**projection_headers(), "is_history": HISTORY_HEADER})
    table.index.name = "Year"
    return table


def projection_headers() -> dict[str, str]:
    return {key: f"{title} ({unit_label(unit)})" for key, (title, unit) in COLUMNS.items()}


def parameters_table(scenario: Scenario) -> pd.DataFrame:
    reference = baseline()
    rows = [
        {
            "Key": key,
            "Parameter": parameter.title,
            "Value": scenario[key],
            "Default (plan's baseline)": parameter.default,
            "Unit": parameter.unit,
            "Changed": scenario[key] != reference[key],
            "Kind": parameter.kind,
            "Basis": parameter.basis,
            "Source": parameter.source,
            "Meaning": parameter.doc,
        }
        for key, parameter in REGISTRY.items()
    ]
    return pd.DataFrame(rows)


def targets_table(scenario: Scenario) -> pd.DataFrame:
    rows = []
    workspace = Workspace(scenario)
    for row in target_rows(workspace.projection, workspace.baseline_projection):
        mine, theirs, target = row.scenario, row.baseline, row.scenario.target
        rows.append(
            {
                "Target": row.title,
                "Due year": mine.due_year,
                "Threshold": target.threshold,
                "Unit": target.unit,
                "Value": mine.value,
                "Met": mine.met,
                "First year met": mine.first_year_met,
                "Shortfall": mine.shortfall,
                "Baseline value": theirs.value,
                "Baseline met": theirs.met,
                "Baseline first year met": theirs.first_year_met,
                "Against baseline": row.against_baseline,
                "Source": target.source,
            }
        )
    return pd.DataFrame(rows)


def pinned_table(scenario: Scenario, pins: Sequence[tuple[str, Scenario]]) -> pd.DataFrame:
    """This scenario, then the pinned ones, side by side (as the Compare dialog shows them)."""
    table = comparison_table([(f"This scenario: {scenario.name}", scenario), *pins], baseline())
    return table.reset_index().rename(columns={"section": "Section", "item": "Item"})


def provenance_table(document: ScenarioDocument, provenance: Provenance) -> pd.DataFrame:
    rows = [("Scenario", provenance.scenario_name), ("Description", document.description)]
    rows += [("Author", document.author)] if document.author else []
    rows += [("Change from the plan's baseline", change) for change in provenance.changes] or [
        ("Change from the plan's baseline", provenance.changes_text)
    ]
    rows += [(name, value) for name, value in provenance.items() if name in ("App version", "Data version", "Exported")]
    return pd.DataFrame(rows, columns=["Field", "Value"])


def workbook_xlsx(
    document: ScenarioDocument,
    path: str | os.PathLike,
    pins: Sequence[tuple[str, Scenario]] = (),
    exported_at: datetime | None = None,
) -> Path:
    """Raises ExportError when the file cannot be written."""
    scenario = document.scenario
    provenance = Provenance.of(scenario, exported_at)
    sheets = {
        "Projection": (projection_table(project(scenario)), True),
        "Parameters": (parameters_table(scenario), False),
        "Targets": (targets_table(scenario), False),
        "Pinned": (pinned_table(scenario, pins), False),
        "Provenance": (provenance_table(document, provenance), False),
    }
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, (table, with_index) in sheets.items():
            table = table.map(_cell_text)
            table.to_excel(writer, sheet_name=name, index=with_index, freeze_panes=(1, 1 if with_index else 0))
            _format_sheet(writer.sheets[name])
        _format_projection(writer.sheets["Projection"])
        _set_properties(writer.book.properties, provenance)
    return write_bytes(path, buffer.getvalue())


def _format_sheet(sheet) -> None:
    """Headers bold and wrapped in a frozen first row; numbers with thousands separators and no more
    decimals than they have; columns as wide as their figures (long headers wrap instead)."""
    from openpyxl.styles import Alignment, Font

    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = HEADER_LINES * 15
    for column in sheet.columns:
        header, *cells = column
        for cell in cells:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.number_format = "#,##0" if float(cell.value).is_integer() else "#,##0.0##"
        longest = max((len(_shown(cell.value)) for cell in cells if cell.value is not None), default=0)
        header_words = max((len(word) for word in str(header.value or "").split()), default=0)
        header_room = len(str(header.value or "")) / HEADER_LINES
        width = max(8, longest + 2, header_words + 2, header_room + 2)
        sheet.column_dimensions[header.column_letter].width = min(MAX_COLUMN_WIDTH, width)


def _format_projection(sheet) -> None:
    """Each projection column in its unit's format: whole PF and start-ups, MW to 0.1, HK$ bn to 0.01."""
    units = {projection_headers()[key]: unit for key, (_, unit) in COLUMNS.items()}
    for header, *cells in sheet.columns:
        unit = units.get(header.value)
        if unit is None:
            continue
        places = decimals(unit)
        number_format = "#,##0" + ("." + "0" * places if places else "")
        for cell in cells:
            cell.number_format = number_format


def _shown(value) -> str:
    return f"{value:,.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def _cell_text(value: object) -> object:
    """XML cannot hold most control characters (a tab or a bell pasted into notes): each becomes a space."""
    return ILLEGAL_CHARACTERS_RE.sub(" ", value) if isinstance(value, str) else value


def _set_properties(properties, provenance: Provenance) -> None:
    properties.title = _cell_text(f"HK Planner: {provenance.scenario_name}")
    properties.subject = "What-if scenario for Hong Kong's AI-computing and innovation plan"
    properties.creator = provenance.app
    properties.lastModifiedBy = provenance.app
    properties.description = _cell_text(provenance.text())
    properties.keywords = _cell_text(provenance.changes_text)
    properties.version = provenance.data_version
    stamp = provenance.exported_at.astimezone(UTC).replace(tzinfo=None)  # openpyxl writes naive times as UTC
    properties.created = properties.modified = stamp


def projection_csv(projection: Projection, path: str | os.PathLike, exported_at: datetime | None = None) -> Path:
    """Provenance as leading '# ' lines, then the table; see the module docstring for reading it back."""
    provenance = Provenance.of(projection.scenario, exported_at)
    comments = "".join(f"# {name}: {_one_line(value)}\n" for name, value in provenance.items())
    return write_bytes(path, (comments + projection_table(projection).to_csv()).encode("utf-8"))


def _one_line(text: str) -> str:
    return " ".join(text.split())
