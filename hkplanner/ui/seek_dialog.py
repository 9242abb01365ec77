""" "What would it take?": pick a target and a lever, see the value that just meets it, apply it as one step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hkplanner.analysis.inputs import BatchProjector, apply_lever, default_projector, lever_title
from hkplanner.analysis.seek import Answer, seek
from hkplanner.core import REGISTRY, TARGETS
from hkplanner.ui.session import Session


def tr(text: str) -> str:
    return QCoreApplication.translate("SeekDialog", text)


def levers(scenario) -> list[str]:
    """The levers a government controls, then each phase's capacity and completion year."""
    keys = [key for key, parameter in REGISTRY.items() if parameter.kind == "lever"]
    for index in range(len(scenario.phases)):
        keys += [f"phase.{index}.capacity_pf", f"phase.{index}.completion_year"]
    return keys


class SeekDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, projector: BatchProjector | None = None):
        super().__init__(parent)
        self.setObjectName("seek_dialog")
        self.setWindowTitle(tr("What would it take?"))
        self.session, self.projector = session, projector
        self.answer: Answer | None = None
        self.target = QComboBox(objectName="seek_target")
        for target in TARGETS:
            self.target.addItem(QCoreApplication.translate("Targets", target.title), target.key)
        self.lever = QComboBox(objectName="seek_lever")
        for key in levers(session.scenario):
            self.lever.addItem(lever_title(session.scenario, key), key)
        self.find = QPushButton(tr("Find"), objectName="seek_find")
        self.find.setDefault(True)
        self.result = QLabel(tr("Choose a target and the lever to move, then Find."), objectName="seek_answer")
        self.result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply = buttons.addButton(tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply.setObjectName("seek_apply")
        self.apply.setEnabled(False)
        form = QFormLayout()
        form.addRow(tr("Target:"), self.target)
        form.addRow(tr("Lever:"), self.lever)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.find.clicked.connect(self._on_find)
        self.apply.clicked.connect(self._on_apply)
        buttons.rejected.connect(self.reject)
        self.target.currentIndexChanged.connect(self._forget)
        self.lever.currentIndexChanged.connect(self._forget)

    def _forget(self) -> None:
        self.answer = None
        self.apply.setEnabled(False)

    def _on_find(self) -> None:
        scenario = self.session.scenario
        key, target = self.lever.currentData(), self.target.currentData()
        self.answer = seek(scenario, target, key, projector=self.projector or default_projector())
        self.result.setText(self._describe(self.answer, self.lever.currentText()))
        self.apply.setEnabled(self.answer.value is not None and not self.answer.met_everywhere)

    def _describe(self, answer: Answer, lever: str) -> str:
        target = self.target.currentText()
        if answer.met_everywhere:
            return tr("{0} is met whatever the {1}.").format(target, lever)
        if answer.value is None:
            return tr("No {0} within its range meets {1}. The closest, {2:,.4g}, leaves it {3:,.4g} short.").format(
                lever, target, answer.best, answer.best_shortfall
            )
        return tr("{0} is just met with {1} at {2:,.6g} (missed at {3:,.6g}).").format(
            target, lever, answer.value, answer.nearest_miss
        )

    def _on_apply(self) -> None:
        """The answer becomes the scenario in one undoable step."""
        answer = self.answer
        label = tr("What would it take: {0} = {1:,.6g}").format(self.lever.currentText(), answer.value)
        self.session.edit(apply_lever(self.session.scenario, answer.lever, answer.value), label)
        self.accept()
