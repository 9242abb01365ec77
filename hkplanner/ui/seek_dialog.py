""" "What would it take?": pick a target and a lever, see the value that just meets it, apply it as one step."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
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
from hkplanner.analysis.seek import Answer, Frontier, frontier, on_step, seek
from hkplanner.charts import theme
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
        self.value: float | None = None
        self.frontier_line: Frontier | None = None
        self.target = QComboBox(objectName="seek_target")
        for target in TARGETS:
            self.target.addItem(QCoreApplication.translate("Targets", target.title), target.key)
        self.lever = QComboBox(objectName="seek_lever")
        for key in levers(session.scenario):
            self.lever.addItem(lever_title(session.scenario, key), key)
        self.second = QComboBox(objectName="seek_second_lever")
        self.second.addItem(tr("(none)"), None)
        for key in levers(session.scenario):
            self.second.addItem(lever_title(session.scenario, key), key)
        self.frontier = pg.PlotWidget(background="w", enableMenu=False)
        self.frontier.setObjectName("seek_frontier")
        self.frontier.setMinimumSize(520, 320)
        self.frontier.hide()
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
        form.addRow(tr("Second lever:"), self.second)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find)
        layout.addWidget(self.result)
        layout.addWidget(self.frontier, 1)
        layout.addWidget(buttons)
        self.find.clicked.connect(self._on_find)
        self.apply.clicked.connect(self._on_apply)
        buttons.rejected.connect(self.reject)
        self.target.currentIndexChanged.connect(self._forget)
        self.lever.currentIndexChanged.connect(self._forget)
        self.second.currentIndexChanged.connect(self._forget)

    def _forget(self) -> None:
        self.answer = None
        self.apply.setEnabled(False)

    def _on_find(self) -> None:
        scenario, projector = self.session.scenario, self.projector or default_projector()
        key, target, second = self.lever.currentData(), self.target.currentData(), self.second.currentData()
        if second is not None and second != key:
            self._draw_frontier(frontier(scenario, target, (key, second), projector=projector))
            return
        self.frontier.hide()
        self.answer = seek(scenario, target, key, projector=projector)
        stepped = on_step(scenario, self.answer, projector=projector)
        self.value = self.answer.value if stepped is None else stepped  # what Apply sets
        self.result.setText(self._describe(self.answer, self.lever.currentText()))
        self.apply.setEnabled(self.answer.value is not None and not self.answer.met_everywhere)

    def _draw_frontier(self, line: Frontier) -> None:
        """The second lever's value that just meets the target at each value of the first; this scenario as a dot."""
        plot = self.frontier.getPlotItem()
        plot.clear()
        plot.addItem(pg.PlotCurveItem(line.x, line.y, pen=pg.mkPen(theme.BLUE, width=2.5), connect="finite"))
        plot.addItem(pg.ScatterPlotItem([line.current[0]], [line.current[1]], size=12, brush=theme.VERMILLION))
        plot.setLabel("bottom", self.lever.currentText())
        plot.setLabel("left", self.second.currentText())
        self.frontier.show()
        self.frontier_line = line
        reached = int(np.isfinite(line.y).sum())
        text = tr("The line: the {0} that just meets {1} for each {2} ({3} of {4} values reach it).")
        names = (self.second.currentText(), self.target.currentText(), self.lever.currentText())
        self.result.setText(text.format(*names, reached, len(line.x)) + " " + tr("The dot: this scenario."))
        self.adjustSize()  # room for the chart and the text above it

    def _describe(self, answer: Answer, lever: str) -> str:
        target = self.target.currentText()
        if answer.met_everywhere:
            return tr("{0} is met whatever the {1}.").format(target, lever)
        if answer.value is None:
            return tr("No {0} within its range meets {1}. The closest, {2:,.4g}, leaves it {3:,.4g} short.").format(
                lever, target, answer.best, answer.best_shortfall
            )
        return tr("{0} is met with {1} at {2:,.6g} (just met at {3:,.6g}, missed at {4:,.6g}).").format(
            target, lever, self.value, answer.value, answer.nearest_miss
        )

    def _on_apply(self) -> None:
        """The answer becomes the scenario in one undoable step."""
        answer = self.answer
        label = tr("What would it take: {0} = {1:,.6g}").format(self.lever.currentText(), self.value)
        self.session.edit(apply_lever(self.session.scenario, answer.lever, self.value), label)
        self.accept()
