"""The phase editor: add, remove and edit phases; the capacity chart follows; bad edits are refused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import chart


def total_2030(window) -> float:
    return window.session.projection.at("capacity_total_pf", 2030)


def test_adding_a_phase_adds_a_band_and_capacity(window, qtbot):
    compute = chart(window, "chart_compute")
    before = total_2030(window)
    qtbot.mouseClick(window.phase_editor.add_button, Qt.MouseButton.LeftButton)
    assert window.phase_editor.table.rowCount() == 4
    assert len(compute.stack.tops) == 4
    assert total_2030(window) == before + 1000  # the new phase: 1,000 PF, 2026-2030
    assert compute.stack.tops[-1][2030 - 2022] == before + 1000


def test_removing_the_selected_phase_removes_its_capacity(window, qtbot):
    table = window.phase_editor.table
    table.selectRow(0)  # Cyberport, 3,000 PF
    qtbot.mouseClick(window.phase_editor.remove_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 2
    assert window.session.projection.at("capacity_public_pf", 2030) == 0
    assert len(chart(window, "chart_compute").stack.tops) == 2
    assert "✗" in window.cards.cards["compute_public_2026"].status.text()


def test_editing_a_cell_changes_the_chart(window, qtbot):
    table = window.phase_editor.table
    table.item(1, 2).setData(Qt.ItemDataRole.EditRole, 180000)  # Northern Metropolis capacity
    assert window.session.scenario.phases[1].capacity_pf == 180000
    assert chart(window, "chart_compute").stack.tops[-1][2030 - 2022] == 3000 + 180000 + 2000


def test_a_sandy_ridge_phase_can_be_added_and_named(window, qtbot):
    qtbot.mouseClick(window.phase_editor.add_button, Qt.MouseButton.LeftButton)
    table = window.phase_editor.table
    for column, value in ((0, "Sandy Ridge data park"), (2, 180000), (4, 2032)):
        table.item(3, column).setData(Qt.ItemDataRole.EditRole, value)
    phase = window.session.scenario.phases[3]
    assert (phase.name, phase.capacity_pf, phase.completion_year) == ("Sandy Ridge data park", 180000, 2032)
    assert window.session.projection.at("capacity_total_pf", 2032) == 195000


def test_completion_before_start_is_refused_with_a_reason(window, qtbot):
    table = window.phase_editor.table
    phases_before = window.session.scenario.phases
    table.item(0, 4).setData(Qt.ItemDataRole.EditRole, 2020)  # Cyberport done before it starts (2024)
    assert window.session.scenario.phases == phases_before
    message = window.phase_editor.message
    assert not message.isHidden()
    assert "completion_year = 2020 is before start_year = 2024" in message.text()
    assert table.item(0, 4).data(Qt.ItemDataRole.EditRole) == 2026, "the table shows the model again"


def test_an_empty_name_is_refused(window, qtbot):
    table = window.phase_editor.table
    table.item(2, 0).setData(Qt.ItemDataRole.EditRole, "   ")
    assert window.session.scenario.phases[2].name == "Other capacity (derived remainder)"
    assert "name must not be empty" in window.phase_editor.message.text()


def test_owner_change_moves_capacity_between_public_and_private(window, qtbot):
    table = window.phase_editor.table
    table.item(2, 1).setData(Qt.ItemDataRole.EditRole, "public")  # the 2,000 PF remainder
    projection = window.session.projection
    assert projection.at("capacity_public_pf", 2030) == 5000
    assert projection.at("capacity_private_pf", 2030) == 10000
