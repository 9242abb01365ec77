"""Pins and the comparison table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hkplanner.core.presets import presets
from hkplanner.ui.compare_dialog import CompareDialog
from tests.ui.conftest import chart, slider


def test_pinning_draws_a_labelled_overlay_on_every_chart(window):
    slider(window, "private_delay_years").setValue(2)
    window.menus.pin_current.trigger()
    assert [pin.label for pin in window.session.pins] == ["Official plan (Aug 2024) (snapshot)"]
    for each in window.charts:
        assert len(each.pin_curves) == len(each.spec.pinned_keys)
    compute = chart(window, "chart_compute")
    assert compute.pin_curves[0].yData[2030 - 2024] == 11480
    labels = [label.text for _, label in compute.legend.items]
    assert "Official plan (Aug 2024) (snapshot)" in labels


def test_a_pinned_snapshot_stays_while_the_scenario_moves(window):
    window.menus.pin_current.trigger()
    pinned = chart(window, "chart_power").pin_curves[0].yData.copy()
    slider(window, "pue").setValue(slider(window, "pue").maximum())
    assert (chart(window, "chart_power").pin_curves[0].yData == pinned).all()


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
        "Current: Official plan (Aug 2024)",
        "Private build-out two years late",
        "Market-oriented fund (1:3 leverage)",
    ]
    rows = {model.headerData(r, Qt.Orientation.Vertical): r for r in range(model.rowCount())}
    private_row = rows["Targets · Private AI compute"]
    assert model.data(model.index(private_row, 0)).startswith("met")
    assert model.data(model.index(private_row, 1)) == "missed by 3,520 PF"  # the Northern Metropolis only
    assert "Parameters · Years to deploy it (years)" in rows  # the market-oriented preset deploys in four
    assert "Figures · AI compute capacity (PF), 2030" in rows

    answers.save_path = tmp_path / "compare.csv"
    dialog.export_button.click()
    text = (tmp_path / "compare.csv").read_text("utf-8")
    assert "Market-oriented fund (1:3 leverage)" in text and "missed by 3,520 PF" in text


def test_pins_of_every_preset_project_over_the_current_horizon(window):
    for opened in presets()[:4]:
        window.session.pin(opened.document.scenario.name, opened.document.scenario)
    slider(window, "end_year").setValue(slider(window, "end_year").maximum())
    assert all(curve.xData[-1] == 2040 for c in window.charts for curve in c.pin_curves)
