"""The small form behind "Add phase": the new phase changes nothing until OK, and OK is refused with
the reason while the phase could not exist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from hkplanner.core import OWNERS, RAMPS, Phase, PhaseError
from hkplanner.core.phases import MAX_PHASE_PF
from hkplanner.core.timeline import FIRST_YEAR, MAX_END_YEAR


def tr(text: str) -> str:
    return QCoreApplication.translate("PhaseForm", text)


def _year_box(year: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(FIRST_YEAR, MAX_END_YEAR)
    box.setValue(year)
    return box


def _choice(choices: tuple[str, ...], current: str) -> QComboBox:
    box = QComboBox()
    box.addItems(choices)
    box.setCurrentText(current)
    return box


class PhaseForm(QDialog):
    def __init__(self, suggested: Phase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phase_form")
        self.setWindowTitle(tr("Add a compute phase"))
        self.phase: Phase | None = None
        self.name = QLineEdit(suggested.name)
        self.name.setObjectName("phase_form_name")
        self.name.setMinimumWidth(self.fontMetrics().horizontalAdvance("Cyberport AI Supercomputing Centre"))
        self.owner = _choice(OWNERS, suggested.owner)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("phase_form_capacity")
        self.capacity.setRange(0, MAX_PHASE_PF)
        self.capacity.setGroupSeparatorShown(True)
        self.capacity.setSuffix(" PF")
        self.capacity.setValue(int(suggested.capacity_pf))
        self.start = _year_box(suggested.start_year)
        self.completion = _year_box(suggested.completion_year)
        self.ramp = _choice(RAMPS, suggested.ramp)
        self.message = QLabel()
        self.message.setObjectName("phase_form_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B3261E;")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, field in (
            (tr("Name"), self.name),
            (tr("Owner"), self.owner),
            (tr("Capacity"), self.capacity),
            (tr("Building starts"), self.start),
            (tr("Completed"), self.completion),
            (tr("Ramp-up"), self.ramp),
        ):
            form.addRow(label, field)
        form.addRow(self.message)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self.phase = Phase(
                self.name.text().strip(),
                self.owner.currentText(),
                self.capacity.value(),
                self.start.value(),
                self.completion.value(),
                self.ramp.currentText(),
                tr("Added in the app (assumption)."),
            )
        except PhaseError as error:
            self.message.setText(str(error))
            self.message.show()
            return
        super().accept()
