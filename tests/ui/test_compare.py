"""Pins and the comparison table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView

from hkplanner.charts import theme
from hkplanner.core import Phase
from hkplanner.core.presets import presets
from hkplanner.ui.compare_dialog import CompareDialog
from tests.ui.conftest import chart, slider


def test_pinning_draws_a_labelled_overlay_on_every_chart(window):
    slider(window, "private_delay_years").setValue(2)
    window.menus.pin_current.trigger()
    assert [pin.label for pin in window.session.pins] == ["Official plan (Aug 2024), modified (snapshot)"]
    for each in window.charts:
        assert len(each.pin_curves) == len(each.spec.pinned_keys)
    compute = chart(window, "chart_compute")
    assert compute.pin_curves[0].y[2030 - 2024] == 11480
    labels = compute.legend.names()
    assert "Official plan (Aug 2024), modified (snapshot)" in labels


def test_a_pinned_snapshot_stays_while_the_scenario_moves(window):
    window.menus.pin_current.trigger()
    pinned = chart(window, "chart_power").pin_curves[0].y.copy()
    slider(window, "pue").setValue(slider(window, "pue").maximum())
    assert (chart(window, "chart_power").pin_curves[0].y == pinned).all()


def test_at_most_four_pins_and_unpin(window, answers):
    for action in window.menus.pin_preset_menu.actions()[:4]:
        action.trigger()
    assert len(window.session.pins) == 4
    window.menus.pin_preset_menu.actions()[4].trigger()
    assert len(window.session.pins) == 4
    assert answers.kinds() == ["warn"] and "At most 4" in answers.calls[0][1]
    window.menus.unpin_menu.actions()[0].trigger()
    assert window.session.pins[0].label == "Private build-out two years late"
    window.menus.unpin_menu.actions()[-1].trigger()  # Unpin All
    assert window.session.pins == ()
    assert all(not c.pin_curves for c in window.charts)


def test_comparison_table_shows_targets_figures_and_differences(window, qtbot, answers, tmp_path):
    for action in window.menus.pin_preset_menu.actions()[1:3]:
        action.trigger()
    dialog = CompareDialog(window.session, window)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "The plan (baseline)",
        "Current: Official plan (Aug 2024)",
        "Current − plan",
        "Private build-out two years late",
        "Market-oriented fund (1:3 leverage)",
    ]
    rows = {model.headerData(r, Qt.Orientation.Vertical): r for r in range(model.rowCount())}
    private_row = rows["Targets · Private AI compute"]
    assert model.data(model.index(private_row, 1)).startswith("met")
    assert model.data(model.index(private_row, 3)) == "missed by 3,520 PF"  # the Northern Metropolis only
    assert "Parameters · Years to deploy it (years)" in rows  # the market-oriented preset deploys in four
    assert "Figures · AI compute capacity (PF), 2030" in rows

    answers.save_path = tmp_path / "compare.csv"
    dialog.export_button.click()
    text = (tmp_path / "compare.csv").read_text("utf-8")
    assert "Market-oriented fund (1:3 leverage)" in text and "missed by 3,520 PF" in text


def test_comparison_colours_scenarios_as_the_charts_do_and_shows_differences_and_phases(window, qtbot):
    window.menus.pin_preset_menu.actions()[1].trigger()  # private build-out two years late
    slider(window, "co_investment_ratio").setValue(slider(window, "co_investment_ratio").maximum())
    window.session.set_phases(
        (*window.session.scenario.phases[1:], Phase("Sandy Ridge data park", "private", 180_000, 2027, 2032))
    )
    dialog = CompareDialog(window.session, window)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    header = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    rows = {model.headerData(r, Qt.Orientation.Vertical): r for r in range(model.rowCount())}
    pin_colour = model.headerData(
        header[window.session.pins[0].label], Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole
    )
    assert pin_colour.name().upper() == theme.PIN_COLOURS[0].upper()
    assert isinstance(
        model.headerData(header["The plan (baseline)"], Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole),
        QColor,
    )
    met = model.index(rows["Targets · AI compute in the city"], header["Current: Official plan (Aug 2024), modified"])
    missed = model.index(rows["Targets · Private AI compute"], header[window.session.pins[0].label])
    assert model.data(met, Qt.ItemDataRole.ForegroundRole).name().upper() == theme.MET
    assert model.data(missed, Qt.ItemDataRole.ForegroundRole).name().upper() == theme.MISSED
    difference = header["Current − plan"]
    capacity = rows["Figures · AI compute capacity (PF), 2032"]
    removed = window.session.baseline.phases[0].capacity_pf  # the first phase was left out
    assert float(model.frame.iat[capacity, difference]) == 180_000 - removed
    startups = rows["Figures · Start-ups backed, cumulative (start-ups), 2030"]
    backed = window.session.baseline_projection.at("startups_backed", 2030)
    assert model.data(model.index(startups, header["The plan (baseline)"])) == f"{backed:,.0f}", "whole start-ups"
    assert "Figures · Capital cost of compute, cumulative from 2025 (HK$ bn, nominal), 2030" in rows
    sandy = rows["Phases · Sandy Ridge data park"]
    assert model.data(model.index(sandy, header["The plan (baseline)"])) == "none"
    assert model.data(model.index(sandy, 1)) == "180,000 PF, 2027–2032, private"
    cyberport = rows[f"Phases · {window.session.baseline.phases[0].name}"]
    assert (
        model.data(model.index(cyberport, 1)) == "none" and model.data(model.index(cyberport, difference)) == "differs"
    )
    assert dialog.table.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        needed = dialog.table.horizontalHeader().fontMetrics().horizontalAdvance(title)
        assert dialog.table.columnWidth(column) >= needed, f"header {title!r} is clipped"


def test_pins_of_every_preset_project_over_the_current_horizon(window):
    for opened in presets()[:4]:
        window.session.pin(opened.document.scenario.name, opened.document.scenario)
    slider(window, "end_year").setValue(slider(window, "end_year").maximum())
    assert all(curve.x[-1] == 2040 for c in window.charts for curve in c.pin_curves)
