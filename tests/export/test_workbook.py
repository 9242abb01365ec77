"""The workbook and CSV, read back with pandas and openpyxl."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest

from hkplanner.core import COLUMNS, REGISTRY, project
from hkplanner.core.formatting import unit_label
from hkplanner.export.files import ExportError
from hkplanner.export.workbook import HISTORY_HEADER, projection_csv, projection_table, workbook_xlsx
from tests.export.conftest import EXPORTED_AT, PRIVATE_LATE


@pytest.fixture
def workbook(document, pins, tmp_path):
    return workbook_xlsx(document, tmp_path / "book.xlsx", pins=pins, exported_at=EXPORTED_AT)


def test_projection_sheet_equals_the_projection(workbook, document):
    projection = project(document.scenario)
    sheet = pd.read_excel(workbook, sheet_name="Projection", index_col=0)
    pd.testing.assert_frame_equal(sheet, projection_table(projection), check_dtype=False)
    assert list(sheet.index) == list(projection.years)
    whole_pf = projection["capacity_total_pf"]
    assert np.allclose(sheet["AI compute capacity (PF)"], whole_pf, atol=0.5, equal_nan=True)
    assert list(sheet.columns[:-1]) == [f"{title} ({unit_label(unit)})" for title, unit in COLUMNS.values()]
    assert sheet[HISTORY_HEADER].tolist() == projection.is_history.tolist()


def test_sheets_parameters_and_targets(workbook, document):
    sheets = pd.read_excel(workbook, sheet_name=None)
    assert list(sheets) == ["Projection", "Parameters", "Targets", "Pinned", "Provenance"]
    parameters = sheets["Parameters"].set_index("Key")
    assert list(parameters.index) == list(REGISTRY)
    delay = parameters.loc["private_delay_years"]
    assert [delay["Value"], delay["Default (plan's baseline)"], delay["Unit"]] == [2, 0, "years"]
    assert parameters.index[parameters["Changed"]].tolist() == ["private_delay_years"]
    assert parameters.loc["pue", "Source"] == REGISTRY["pue"].source
    targets = sheets["Targets"]
    assert targets["Met"].tolist() == [result.met for result in project(document.scenario).targets]
    assert targets.loc[0, ["Target", "Due year", "Value", "Shortfall", "Baseline value"]].tolist() == [
        "AI compute in the city: 15,000 PF",
        2030,
        11480,
        3520,
        15000,
    ]


def test_pinned_scenarios_sit_side_by_side(workbook):
    pinned = pd.read_excel(workbook, sheet_name="Pinned")
    assert list(pinned.columns) == ["Section", "Item", f"This scenario: {PRIVATE_LATE}", "Market fund"]
    row = pinned[pinned["Item"] == "Private AI compute"].iloc[0]
    assert row.iloc[2] == "missed by 3,520 PF" and row.iloc[3].startswith("met")


def test_provenance_sheet_and_document_properties(workbook):
    provenance = pd.read_excel(workbook, sheet_name="Provenance").set_index("Field")["Value"]
    assert provenance["Scenario"] == PRIVATE_LATE
    assert provenance["Change from the plan's baseline"] == "Delay to private build-out: 0 years → 2 years"
    assert provenance["Data version"] == "2026.12"
    assert provenance["Exported"] == "2026-11-25 14:30:00+08:00"
    properties = openpyxl.load_workbook(workbook).properties
    assert properties.title == f"HK Planner: {PRIVATE_LATE}"
    assert properties.creator == "HK Planner 0.1.0"
    assert "Delay to private build-out" in properties.description


def test_csv_reads_back_with_comments_skipped(document, tmp_path):
    projection = project(document.scenario)
    path = projection_csv(projection, tmp_path / "projection.csv", exported_at=EXPORTED_AT)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# Scenario: {PRIVATE_LATE}"
    assert lines[5].startswith("Year,AI compute capacity (PF),")
    back = pd.read_csv(path, comment="#", index_col=0)
    pd.testing.assert_frame_equal(back, projection_table(projection), check_dtype=False)


def test_files_hold_numbers_as_people_count_them(workbook, document, tmp_path):
    path = projection_csv(project(document.scenario), tmp_path / "projection.csv", exported_at=EXPORTED_AT)
    back = pd.read_csv(path, comment="#", index_col=0)
    startups = back["Start-ups backed, cumulative (start-ups)"].dropna()
    assert (startups == startups.round()).all(), "whole start-ups"
    assert "Capital cost of compute, cumulative from 2025 (HK$ bn, nominal)" in back.columns, "money says its prices"
    assert "GDP (HK$ bn, nominal)" in back.columns
    table = path.read_text("utf-8").split("\n", 6)[-1]
    longest_decimals = max(
        len(cell.split(".")[1])
        for line in table.splitlines()
        for cell in line.split(",")
        if "." in cell and cell.replace(".", "").replace("-", "").isdigit()
    )
    assert longest_decimals <= 3, "no float noise such as 15.613299999999999"

    book = openpyxl.load_workbook(workbook)
    sheet = book["Projection"]
    assert sheet.freeze_panes == "B2", "the header row and the years stay in view"
    formats = {cell.value: sheet.cell(row=12, column=cell.column).number_format for cell in sheet[1]}
    assert formats["AI compute capacity (PF)"] == "#,##0"
    assert formats["Power for AI compute (facility) (MW)"] == "#,##0.0"
    assert formats["Capital cost of compute, cumulative from 2025 (HK$ bn, nominal)"] == "#,##0.00"
    assert sheet[1][1].alignment.wrap_text and sheet[1][1].font.bold
    widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
    assert all(8 <= width <= 60 for width in widths)
    parameters = book["Parameters"]
    assert parameters.freeze_panes == "A2"
    demand = next(row for row in parameters.iter_rows(min_row=2) if row[0].value == "compute_demand_2030_pf")
    assert demand[2].number_format == "#,##0", "15,000 PF reads with its separator"


def test_an_unwritable_path_raises_export_error(document, tmp_path):
    with pytest.raises(ExportError, match="could not be saved"):
        workbook_xlsx(document, tmp_path / "missing" / "book.xlsx")
