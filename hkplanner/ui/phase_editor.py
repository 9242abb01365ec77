"""The compute phase table: add, remove and edit build-out phases; the charts follow."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hkplanner.core import OWNERS, RAMPS, Phase, PhaseError
from hkplanner.core.phases import MAX_PHASE_PF
from hkplanner.core.timeline import FIRST_YEAR, MAX_END_YEAR
from hkplanner.ui import dialogs


def tr(text: str) -> str:
    return QCoreApplication.translate("PhaseEditor", text)


NAME, OWNER, CAPACITY, START, COMPLETION, RAMP = range(6)
HEADERS = ("Phase", "Owner", "PF", "Start", "Done", "Ramp")
CHOICES = {OWNER: OWNERS, RAMP: RAMPS}
NAME_PADDING_PX = 6  # each side of a name in its cell, as the style draws it
NUMBER_RANGES = {CAPACITY: (0, MAX_PHASE_PF), START: (FIRST_YEAR, MAX_END_YEAR), COMPLETION: (FIRST_YEAR, MAX_END_YEAR)}


class _CellEditors(QStyledItemDelegate):
    """Choices get a drop-down, numbers a spin box bounded as the model allows; capacities read with
    thousands separators, and their column is wide enough for the largest the editor accepts."""

    def initStyleOption(self, option, index):
        super().initStyleOption(option, index)
        if index.column() == CAPACITY:
            option.text = f"{int(index.data(Qt.ItemDataRole.EditRole)):,}"

    def updateEditorGeometry(self, editor, option, index):
        """The capacity editor is wide enough for the largest capacity, even where the column is narrow."""
        super().updateEditorGeometry(editor, option, index)
        if index.column() == CAPACITY:
            editor.resize(max(editor.width(), editor.sizeHint().width()), editor.height())

    def createEditor(self, parent, option, index):
        column = index.column()
        if column in CHOICES:
            editor = QComboBox(parent)
            editor.addItems(CHOICES[column])
            return editor
        if column in NUMBER_RANGES:
            editor = QSpinBox(parent)
            editor.setRange(*NUMBER_RANGES[column])
            editor.setGroupSeparatorShown(column == CAPACITY)
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class PhaseEditor(QWidget):
    """`edited` carries the whole new phase list; `show_phases` writes the model's list back."""

    edited = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phase_editor")
        self._phases: tuple[Phase, ...] = ()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("phase_table")
        self.table.setAccessibleName(tr("Compute build-out phases"))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setItemDelegate(_CellEditors(self.table))
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the controls after it
        self.table.setWordWrap(True)  # names wrap onto a second line instead of being cut
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.sectionResized.connect(lambda *_: QTimer.singleShot(0, self._fit_height))  # once all rows are sized
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self._fit_width())
        self.add_button = QPushButton(tr("Add phase"))
        self.add_button.setObjectName("add_phase")
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setObjectName("remove_phase")
        self.message = QLabel()
        self.message.setObjectName("phase_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B3261E;")
        self.message.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.itemChanged.connect(self._on_cell_edited)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)

    # model -> view
    def show_phases(self, phases: tuple[Phase, ...]) -> None:
        if phases == self._phases:
            return
        self._phases = phases
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(len(phases))
        for row, phase in enumerate(phases):
            cells = (phase.name, phase.owner, phase.capacity_pf, phase.start_year, phase.completion_year, phase.ramp)
            for column, value in enumerate(cells):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.EditRole, int(value) if column in NUMBER_RANGES else value)
                item.setToolTip(f"{phase.name}\n{phase.source}")  # the full name, however narrow the column
                self.table.setItem(row, column, item)
        self.table.blockSignals(blocked)
        self._fit_height()
        self._fit_width()
        self.remove_button.setEnabled(bool(phases))

    def _fit_height(self) -> None:
        """Every row shows: the table is as tall as its rows, which grow when a name wraps."""
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth())

    def _fit_width(self) -> None:
        """Every column shows, without a horizontal scroll bar: the table asks for its columns' width, the
        names' column at least as wide as its longest word (names wrap between words)."""
        header = self.table.horizontalHeader()
        words = (word for phase in self._phases for word in phase.name.split())
        longest_word = max((self.table.fontMetrics().horizontalAdvance(word) for word in words), default=0)
        name_width = max(header.sectionSizeHint(NAME), longest_word + 2 * NAME_PADDING_PX)
        others = sum(header.sectionSize(column) for column in range(len(HEADERS)) if column != NAME)
        self.table.setMinimumWidth(name_width + others + 2 * self.table.frameWidth())

    # view -> model
    def _on_cell_edited(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        old = self._phases[row]
        fields = ("name", "owner", "capacity_pf", "start_year", "completion_year", "ramp")
        value = item.data(Qt.ItemDataRole.EditRole)
        changes = {fields[column]: value.strip() if isinstance(value, str) and column == NAME else value}
        try:
            new = dataclasses.replace(old, **changes, source=tr("Edited in the app (assumption)."))
        except PhaseError as error:
            self._refuse(str(error))
            return
        self._emit((*self._phases[:row], new, *self._phases[row + 1 :]))

    def _on_add(self) -> None:
        """A form for the new phase; the scenario changes only on OK (one undo step)."""
        names = {phase.name for phase in self._phases}
        number = next(n for n in range(1, len(names) + 2) if tr("New phase {0}").format(n) not in names)
        suggested = Phase(tr("New phase {0}").format(number), "private", 1000, 2026, 2030, "linear")
        phase = dialogs.ask_new_phase(self, suggested)
        if phase is not None:
            self._emit((*self._phases, phase))

    def _on_remove(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        if not rows:
            rows = {len(self._phases) - 1}
        self._emit(tuple(phase for row, phase in enumerate(self._phases) if row not in rows))

    def _emit(self, phases: tuple[Phase, ...]) -> None:
        self.message.hide()
        self.edited.emit(phases)

    def _refuse(self, reason: str) -> None:
        """Show why an edit cannot stand and put the table back as the model has it."""
        self.message.setText(tr("Not changed: {0}").format(reason))
        self.message.show()
        current, self._phases = self._phases, ()
        self.show_phases(current)
