"""Exports from the window: File > Export and a chart's context menu."""

from __future__ import annotations

import pandas as pd
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication, QImage

from tests.ui.conftest import chart, slider


def test_file_export_writes_a_briefing_pack_with_the_scenario_and_its_pins(window, answers, tmp_path):
    slider(window, "private_delay_years").setValue(2)
    window.menus.pin_preset_menu.actions()[2].trigger()  # market-oriented fund
    answers.save_path = tmp_path / "pack.pdf"
    window.findChild(type(window.menus.revert), "action_export_pdf").trigger()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert "Official plan (Aug 2024)" in text
    assert "Delay to private build-out" in text
    assert answers.kinds() == ["save_path"]
    assert "Exported" in window.statusBar().currentMessage()


def test_file_export_workbook_and_csv_hold_the_projection(window, answers, tmp_path):
    slider(window, "co_investment_ratio").setValue(60)  # 3.00
    answers.save_path = tmp_path / "book.xlsx"
    window.exports.workbook()
    projection = pd.read_excel(tmp_path / "book.xlsx", sheet_name=None)
    assert {"Projection", "Parameters", "Targets"} <= set(projection)
    answers.save_path = tmp_path / "projection.csv"
    window.exports.csv()
    frame = pd.read_csv(tmp_path / "projection.csv", comment="#", index_col=0)
    expected = window.session.projection.at("fund_private_cum_hkd_bn", 2030)
    assert frame.loc[2030, "Private co-investment, cumulative (HK$ bn, nominal)"] == round(
        expected, 3
    )  # no float noise


def test_every_chart_goes_to_a_folder_named_after_the_scenario(window, answers, tmp_path):
    answers.folder = tmp_path / "charts"
    window.exports.all_charts("png")
    names = sorted(path.name for path in (tmp_path / "charts").iterdir())
    assert len(names) == len(window.charts)
    assert all(name.startswith("Official-plan-Aug-2024_") and name.endswith(".png") for name in names)


def test_a_chart_s_context_menu_copies_and_saves(window, answers, tmp_path, qtbot):
    power = chart(window, "chart_power")
    menu = window.exports.chart_menu(power)
    qtbot.addWidget(menu)
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Copy Image", "Save as PNG…", "Save as SVG…"]
    menu.actions()[0].trigger()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() == 2 * power.width()
    answers.save_path = tmp_path / "power.png"
    menu.actions()[1].trigger()
    saved = QImage(str(tmp_path / "power.png"))
    assert saved.width() == 2 * power.width()
    assert "Power for AI compute" in saved.text("Title")


def test_an_export_that_cannot_be_written_says_so(window, answers, tmp_path):
    answers.save_path = tmp_path / "missing folder" / "pack.pdf"
    window.exports.pdf()
    assert answers.kinds() == ["save_path", "warn"]
    assert "pack.pdf" in answers.calls[-1][1]
