"""The phase editor: add, remove and edit phases; the capacity chart follows; bad edits are refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QStyleOptionViewItem

from hkplanner.core import Phase
from hkplanner.ui.phase_form import PhaseForm
from tests.ui.conftest import chart

SANDY_RIDGE = Phase("Sandy Ridge data park", "private", 180_000, 2027, 2032)


def total_2030(window) -> float:
    return window.session.projection.at("capacity_total_pf", 2030)


def test_adding_a_phase_asks_first_and_changes_nothing_on_cancel(window, qtbot, answers):
    steps = window.session.undo_stack.count()
    qtbot.mouseClick(window.phase_editor.add_button, Qt.MouseButton.LeftButton)
    assert answers.kinds() == ["new_phase"]
    assert window.phase_editor.table.rowCount() == 4
    assert window.session.undo_stack.count() == steps


def test_a_phase_added_on_ok_adds_a_band_and_capacity_in_one_undo_step(window, qtbot, answers):
    compute = chart(window, "chart_compute")
    before = total_2030(window)
    steps = window.session.undo_stack.count()
    answers.new_phase = Phase("Extra", "private", 1000, 2026, 2030)
    qtbot.mouseClick(window.phase_editor.add_button, Qt.MouseButton.LeftButton)
    assert window.phase_editor.table.rowCount() == 5
    assert len(compute.stack.tops) == 5
    assert total_2030(window) == before + 1000  # the new phase: 1,000 PF, 2026-2030
    assert compute.stack.tops[-1][2030 - 2024] == before + 1000
    assert window.session.undo_stack.count() == steps + 1


def test_the_phase_form_builds_the_phase_and_refuses_an_impossible_one(qtbot):
    form = PhaseForm(Phase("New phase 1", "private", 1000, 2026, 2030))
    qtbot.addWidget(form)
    form.name.setText("Sandy Ridge data park")
    form.capacity.setValue(180_000)
    assert form.capacity.text() == "180,000 PF"
    form.start.setValue(2033)
    form.completion.setValue(2032)
    form.accept()
    assert form.phase is None and form.result() == 0
    assert "completion_year = 2032 is before start_year = 2033" in form.message.text()
    form.start.setValue(2027)
    form.accept()
    assert form.phase == Phase("Sandy Ridge data park", "private", 180_000, 2027, 2032, source=form.phase.source)
    assert form.result() == 1


def test_capacities_read_with_separators_names_are_whole_and_tab_leaves_the_table(window, qtbot):
    table = window.phase_editor.table
    table.item(1, 2).setData(Qt.ItemDataRole.EditRole, 180000)
    option = QStyleOptionViewItem()
    table.itemDelegate().initStyleOption(option, table.model().index(1, 2))
    assert option.text == "180,000"
    for row in range(table.rowCount()):
        assert window.session.scenario.phases[row].name in table.item(row, 0).toolTip()
    assert not table.tabKeyNavigation()
    table.setCurrentCell(1, 2)
    table.editItem(table.item(1, 2))
    editor = table.findChild(QSpinBox)
    assert editor is not None and editor.width() >= editor.sizeHint().width(), "the whole number shows while typed"


def test_removing_the_selected_phase_removes_its_capacity(window, qtbot):
    table = window.phase_editor.table
    table.selectRow(0)  # Cyberport at its opening, 1,300 PF
    qtbot.mouseClick(window.phase_editor.remove_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 3
    assert window.session.projection.at("capacity_public_pf", 2030) == 1700
    assert len(chart(window, "chart_compute").stack.tops) == 3
    assert "✗" in window.cards.cards["compute_public_2026"].status.text()


def test_editing_a_cell_changes_the_chart(window, qtbot):
    table = window.phase_editor.table
    table.item(2, 2).setData(Qt.ItemDataRole.EditRole, 180000)  # Northern Metropolis capacity
    assert window.session.scenario.phases[2].capacity_pf == 180000
    assert chart(window, "chart_compute").stack.tops[-1][2030 - 2024] == 3000 + 180000 + 2000


def test_a_sandy_ridge_phase_can_be_added_and_renamed(window, qtbot, answers):
    answers.new_phase = Phase("New phase 1", "private", 1000, 2026, 2030)
    qtbot.mouseClick(window.phase_editor.add_button, Qt.MouseButton.LeftButton)
    table = window.phase_editor.table
    for column, value in ((0, "Sandy Ridge data park"), (2, 180000), (4, 2032)):
        table.item(4, column).setData(Qt.ItemDataRole.EditRole, value)
    phase = window.session.scenario.phases[4]
    assert (phase.name, phase.capacity_pf, phase.completion_year) == ("Sandy Ridge data park", 180000, 2032)
    assert window.session.projection.at("capacity_total_pf", 2032) == 195000


def test_completion_before_start_is_refused_with_a_reason(window, qtbot):
    table = window.phase_editor.table
    phases_before = window.session.scenario.phases
    table.item(0, 4).setData(Qt.ItemDataRole.EditRole, 2020)  # Cyberport's opening done before it starts (2024)
    assert window.session.scenario.phases == phases_before
    message = window.phase_editor.message
    assert not message.isHidden()
    assert "completion_year = 2020 is before start_year = 2024" in message.text()
    assert table.item(0, 4).data(Qt.ItemDataRole.EditRole) == 2024, "the table shows the model again"


def test_an_empty_name_is_refused(window, qtbot):
    table = window.phase_editor.table
    table.item(3, 0).setData(Qt.ItemDataRole.EditRole, "   ")
    assert window.session.scenario.phases[3].name == "Other capacity (derived remainder)"
    assert "name must not be empty" in window.phase_editor.message.text()


def test_owner_change_moves_capacity_between_public_and_private(window, qtbot):
    table = window.phase_editor.table
    table.item(3, 1).setData(Qt.ItemDataRole.EditRole, "public")  # the 2,000 PF remainder
    projection = window.session.projection
    assert projection.at("capacity_public_pf", 2030) == 5000
    assert projection.at("capacity_private_pf", 2030) == 10000
