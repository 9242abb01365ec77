""" "What would it take?": pick a target and a lever, see the value that just meets it; or two levers, see the
frontier of combinations that just meet it and pick one. Either answer is applied as one undo step."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from hkplanner.analysis.inputs import BatchProjector, default_projector, lever_title
from hkplanner.analysis.seek import (
    Answer,
    Frontier,
    Setting,
    frontier,
    lever_quantity,
    lever_unit,
    seek,
    set_levers,
    settle,
)
from hkplanner.core import REGISTRY, TARGETS
from hkplanner.core.formatting import shortfall
from hkplanner.ui.frontier_chart import FrontierChart
from hkplanner.ui.session import Session


def tr(text: str) -> str:
    return QCoreApplication.translate("SeekDialog", text)


def levers(scenario) -> list[str]:
    """The levers a government controls, then each phase's capacity and completion year."""
    keys = [key for key, parameter in REGISTRY.items() if parameter.kind == "lever"]
    for index in range(len(scenario.phases)):
        keys += [f"phase.{index}.capacity_pf", f"phase.{index}.completion_year"]
    return keys


def target_unit(key: str) -> str:
    return next(target.unit for target in TARGETS if target.key == key)


class SeekDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, projector: BatchProjector | None = None):
        super().__init__(parent)
        self.setObjectName("seek_dialog")
        self.setWindowTitle(tr("What would it take?"))
        self.session, self.projector = session, projector
        self.answer: Answer | None = None
        self.setting: Setting | None = None  # what Apply sets, checked to meet the target
        self.frontier_line: Frontier | None = None
        self.on_line = np.array([], dtype=int)  # the frontier's points that have an answer: the slider's positions
        self.target = QComboBox(objectName="seek_target")
        for target in TARGETS:
            self.target.addItem(QCoreApplication.translate("Targets", target.title), target.key)
        self.lever = QComboBox(objectName="seek_lever")
        self.second = QComboBox(objectName="seek_second_lever")
        self.second.addItem(tr("(none)"), None)
        for key in levers(session.scenario):
            self.lever.addItem(lever_title(session.scenario, key), key)
            self.second.addItem(lever_title(session.scenario, key), key)
        self.find = QPushButton(tr("Find"), objectName="seek_find")
        self.find.setDefault(True)
        self.result = QLabel(tr("Choose a target and the lever to move, then Find."), objectName="seek_answer")
        self.result.setWordWrap(True)
        self.frontier = FrontierChart()
        self.frontier.hide()
        self.point = QSlider(Qt.Orientation.Horizontal, objectName="seek_point")
        self.point.setAccessibleName(tr("Point on the line"))
        self.point.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.point_label = QLabel(tr("&Point on the line:"))
        self.point_label.setBuddy(self.point)
        self.choice = QLabel(objectName="seek_choice")
        self.choice.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply = self.buttons.addButton(tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply.setObjectName("seek_apply")
        self.apply.setEnabled(False)
        self._lay_out()
        self._show_picker(False)
        self.find.clicked.connect(self._on_find)
        self.apply.clicked.connect(self._on_apply)
        self.buttons.rejected.connect(self.reject)
        for combo in (self.target, self.lever, self.second):
            combo.currentIndexChanged.connect(self._forget)
        self.point.valueChanged.connect(self._on_point)
        self.frontier.picked.connect(self._on_picked)
        session.changed.connect(self._forget)  # an answer found for another scenario is no answer for this one

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Target:"), self.target)
        form.addRow(tr("Lever:"), self.lever)
        form.addRow(tr("Second lever:"), self.second)
        picker = QFormLayout()
        picker.addRow(self.point_label, self.point)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find)
        layout.addWidget(self.result)
        layout.addWidget(self.frontier, 1)
        layout.addLayout(picker)
        layout.addWidget(self.choice)
        layout.addWidget(self.buttons)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        for before, after in itertools.pairwise(
            (self.target, self.lever, self.second, self.find, self.point, self.apply, close)
        ):
            QWidget.setTabOrder(before, after)  # the order they are read in: Apply right after the point picked

    def _forget(self) -> None:
        """What was found no longer answers the question asked: find again."""
        self.answer, self.frontier_line = None, None
        self._show_picker(False)
        self.result.setText(tr("Choose a target and the lever to move, then Find."))
        self._offer(None)

    def _show_picker(self, shown: bool) -> None:
        for widget in (self.frontier, self.point_label, self.point):
            widget.setVisible(shown)

    # finding ----------------------------------------------------------------------------------------

    def _on_find(self) -> None:
        self._find()
        self._make_room()

    def _find(self) -> None:
        scenario, projector = self.session.scenario, self.projector or default_projector()
        key, target, second = self.lever.currentData(), self.target.currentData(), self.second.currentData()
        if second is not None and second != key:
            self._show_frontier(frontier(scenario, target, (key, second), projector=projector))
            return
        self._show_picker(False)
        self.answer = seek(scenario, target, key, projector=projector)
        if self.answer.value is None or self.answer.met_everywhere:
            self.result.setText(self._describe(self.answer, None))
            self._offer(None, tr("Nothing to apply."))
            return
        setting = settle(scenario, self.answer, projector=projector)
        self.result.setText(self._describe(self.answer, setting))
        self._offer(setting)

    def _describe(self, answer: Answer, setting: Setting | None) -> str:
        target, lever = self.target.currentText(), self.lever.currentText()
        if answer.met_everywhere:
            return tr("{0} is met whatever the {1}.").format(target, lever)
        if answer.value is None:
            closest = lever_quantity(answer.lever, answer.best)
            missing = shortfall(answer.best_shortfall, target_unit(answer.target))
            return tr("No {0} within its range meets {1}. The closest, {2}, leaves it {3} short.").format(
                lever, target, closest, missing
            )
        value = lever_quantity(answer.lever, dict(setting.values)[answer.lever])
        return tr("{0} is met with {1} at {2} (just met at {3:,.6g}, missed at {4:,.6g}).").format(
            target, lever, value, answer.value, answer.nearest_miss
        )

    # the frontier -----------------------------------------------------------------------------------

    def _show_frontier(self, line: Frontier) -> None:
        """The line to pick from, the point nearest this scenario picked to begin with; or why there is none."""
        self.frontier_line = line
        self.on_line = np.flatnonzero(np.isfinite(line.y))
        self._show_picker(self.on_line.size > 0)
        if self.on_line.size == 0:
            self.result.setText(self._why_no_line(line))
            self._offer(None)
            return
        self.frontier.draw(line, *(self._axis_title(key) for key in line.levers))
        self.result.setText(self._frontier_summary(line))
        nearest = int(np.argmin(np.abs(line.x[self.on_line] - line.current[0])))
        self.point.blockSignals(True)
        self.point.setRange(0, self.on_line.size - 1)
        self.point.setPageStep(max(1, self.on_line.size // 5))
        self.point.setValue(nearest)
        self.point.blockSignals(False)
        self._on_point(nearest)

    def _make_room(self) -> None:
        """Tall enough for the chart and the wrapped text around it (adjustSize misjudges wrapped labels)."""
        width = max(self.width(), self.minimumSizeHint().width())
        self.resize(width, max(self.height(), self.layout().minimumHeightForWidth(width)))

    def _axis_title(self, key: str) -> str:
        return f"{lever_title(self.session.scenario, key)} ({lever_unit(key)})"

    def _frontier_summary(self, line: Frontier) -> str:
        names = (self.second.currentText(), self.target.currentText(), self.lever.currentText())
        text = tr("The line: the {0} that just meets {1} for each {2} ({3} of {4} values reach it).").format(
            *names, self.on_line.size, len(line.x)
        )
        rising = np.sign(line.y - line.y_miss)[self.on_line]
        if rising.size and np.all(rising > 0):
            text += " " + tr("Above the line the target is met; below it, missed.")
        elif rising.size and np.all(rising < 0):
            text += " " + tr("Below the line the target is met; above it, missed.")
        return text + " " + tr("The dot: this scenario. The ring: the point chosen; click near the line to choose.")

    def _why_no_line(self, line: Frontier) -> str:
        first, second, target = self.lever.currentText(), self.second.currentText(), self.target.currentText()
        if line.met_everywhere.all():
            return tr("{0} is met whatever the {1} and the {2}: nothing to change.").format(target, first, second)
        if line.met_everywhere.any():
            return tr(
                "{0} is met whatever the {1} at some values of the {2}, and no {1} within its range meets it at "
                "the others: there is no line to choose from."
            ).format(target, second, first)
        closest = shortfall(float(np.min(line.best_shortfall)), target_unit(line.target))
        return tr(
            "No combination of {0} and {1} within their ranges meets {2}. The closest leaves it {3} short."
        ).format(first, second, target, closest)

    def _on_picked(self, index: int) -> None:
        """A click on the chart moves the slider, which picks: one path for the mouse and the keyboard."""
        self.point.setValue(int(np.searchsorted(self.on_line, index)))

    def _on_point(self, position: int) -> None:
        line = self.frontier_line
        index = int(self.on_line[position])
        self.frontier.mark(index)
        fixed = {line.levers[0]: float(line.x[index])}  # the first lever where the point is; the second settles
        projector = self.projector or default_projector()
        self._offer(settle(self.session.scenario, line.answer_at(index), fixed, projector=projector))

    # applying ---------------------------------------------------------------------------------------

    def _settings_text(self, setting: Setting) -> str:
        scenario = self.session.scenario
        return tr(" and ").join(
            tr("{0} at {1}").format(lever_title(scenario, key), lever_quantity(key, value))
            for key, value in setting.values
        )

    def _offer(self, setting: Setting | None, reason: str = "") -> None:
        """Apply is on only for a setting checked to meet the target; otherwise the dialog says why not."""
        self.setting = setting if setting is not None and setting.met else None
        self.apply.setEnabled(self.setting is not None)
        self.choice.setVisible(setting is not None or bool(reason))
        if setting is None:
            self.choice.setText(reason)
        elif setting.met:
            self.choice.setText(
                tr("Apply sets {0}: checked on the model, this meets {1}.").format(
                    self._settings_text(setting), self.target.currentText()
                )
            )
        else:
            missing = shortfall(setting.shortfall, target_unit(setting.target))
            self.choice.setText(
                tr(
                    "On the levers' steps, {0} leaves {1} {2} short, so it cannot be applied: choose another point."
                ).format(self._settings_text(setting), self.target.currentText(), missing)
            )

    def _on_apply(self) -> None:
        """The chosen levers become the scenario in one undoable step."""
        setting = self.setting
        label = tr("What would it take: {0}").format(self._settings_text(setting))
        self.session.edit(set_levers(self.session.scenario, setting.values), label)
        self.accept()
