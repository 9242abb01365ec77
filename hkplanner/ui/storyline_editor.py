"""Edit the briefing's storyline: steps from the current scenario, titles, notes, the chart each step
focuses, order; open and save."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hkplanner.core.scenario_file import ScenarioFileError
from hkplanner.core.storyline import FOCUS_CHARTS, STORY_EXTENSION, Step, Storyline, read_storyline, save_storyline
from hkplanner.ui import dialogs
from hkplanner.ui.folders import dialog_folder, suggested_path
from hkplanner.ui.session import Session

STORY_FILTER = f"HK Planner storylines (*{STORY_EXTENSION});;All files (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("StorylineEditor", text)


def focus_choice() -> QComboBox:
    """No focus, or one of the charts a step can show alone, by the title the window gives it."""
    from hkplanner.charts.catalogue import CHARTS  # loads pyqtgraph: not before the window's first paint

    combo = QComboBox(objectName="story_focus")
    combo.addItem(tr("No focus: all charts"), None)
    titles = {spec.name.removeprefix("chart_"): spec.title for spec in CHARTS}
    for key in FOCUS_CHARTS:
        combo.addItem(QCoreApplication.translate("Chart", titles[key]), key)
    return combo


class StorylineEditor(QDialog):
    """Works on a copy: the presentation gets the new storyline only when the user presses OK."""

    def __init__(self, storyline: Storyline, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preferences = getattr(parent, "preferences", None)  # the main window's: the last folder used
        self.setObjectName("storyline_editor")
        self.setWindowTitle(tr("Storyline"))
        self.resize(820, 560)
        self.session = session
        self.name = storyline.name
        self.steps = list(storyline.steps)
        self.list = QListWidget()
        self.list.setObjectName("story_steps")
        self.title = QLineEdit()
        self.title.setObjectName("story_title")
        self.focus = focus_choice()  # made before the notes: Tab goes title, chart in focus, notes
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("story_notes")
        self.buttons = {}
        column = QVBoxLayout()
        for name, text, slot in (
            ("add", tr("Add the current scenario"), self._on_add),
            ("remove", tr("Remove"), self._on_remove),
            ("up", tr("Move up"), lambda: self._on_move(-1)),
            ("down", tr("Move down"), lambda: self._on_move(1)),
            ("open", tr("Open…"), self._on_open),
            ("save", tr("Save as…"), self._on_save),
        ):
            button = QPushButton(text)
            button.setObjectName(f"story_{name}")
            button.clicked.connect(slot)
            column.addWidget(button)
            self.buttons[name] = button
        column.addStretch()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QGridLayout(self)
        layout.addWidget(self.list, 0, 0, 6, 1)
        layout.addLayout(column, 0, 1, 6, 1)
        for row, (text, field) in enumerate(
            ((tr("&Title"), self.title), (tr("Chart in &focus"), self.focus), (tr("Speaker &notes"), self.notes))
        ):
            label = QLabel(text)
            label.setBuddy(field)
            layout.addWidget(label, 2 * row, 2)
            layout.addWidget(field, 2 * row + 1, 2)
        layout.addWidget(box, 6, 0, 1, 3)
        layout.setColumnStretch(2, 1)
        layout.setRowStretch(5, 1)
        self.list.currentRowChanged.connect(self._on_select)
        self.title.textEdited.connect(self._on_text)
        self.notes.textChanged.connect(self._on_text)
        self.focus.currentIndexChanged.connect(self._on_focus)
        self._fill(0)

    def storyline(self) -> Storyline:
        return Storyline(self.name, tuple(self.steps))

    def _fill(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([f"{i + 1}. {step.title}" for i, step in enumerate(self.steps)])
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(current, len(self.steps) - 1))
        self._on_select(self.list.currentRow())
        self.buttons["remove"].setEnabled(len(self.steps) > 1)  # a storyline has at least one step

    def _on_select(self, row: int) -> None:
        step = self.steps[row] if 0 <= row < len(self.steps) else None
        for widget in (self.title, self.notes, self.focus):
            widget.blockSignals(True)
        self.title.setText(step.title if step else "")
        self.notes.setPlainText(step.notes if step else "")
        self.focus.setCurrentIndex(self.focus.findData(step.focus if step else None))
        for widget in (self.title, self.notes, self.focus):
            widget.blockSignals(False)

    def _on_text(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        title = self.title.text().strip() or tr("Untitled step")
        step = self.steps[row]  # a step's scenario carries its title, as when read from a file
        self.steps[row] = dataclasses.replace(
            step, title=title, notes=self.notes.toPlainText(), scenario=step.scenario.renamed(title)
        )
        self.list.item(row).setText(f"{row + 1}. {title}")

    def _on_focus(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.steps[row] = dataclasses.replace(self.steps[row], focus=self.focus.currentData())

    def _on_add(self) -> None:
        scenario = self.session.scenario
        row = self.list.currentRow() + 1
        self.steps.insert(row, Step(scenario.name, "", scenario))  # already named by its title
        self._fill(row)

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if len(self.steps) > 1 and row >= 0:
            del self.steps[row]
            self._fill(row)

    def _on_move(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if 0 <= row < len(self.steps) and 0 <= target < len(self.steps):
            self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
            self._fill(target)

    def _on_open(self) -> None:
        path = dialogs.choose_open_path(self, str(dialog_folder(self._preferences)), STORY_FILTER)
        if path is None:
            return
        try:
            story = read_storyline(path)
        except ScenarioFileError as error:
            dialogs.warn(self, tr("Could not open the storyline"), str(error))
            return
        self.name, self.steps = story.name, list(story.steps)
        self._fill(0)

    def _on_save(self) -> None:
        path = dialogs.choose_save_path(
            self, suggested_path(self._preferences, f"{self.name}{STORY_EXTENSION}"), STORY_FILTER
        )
        if path is None:
            return
        try:
            save_storyline(path, self.storyline())
        except ScenarioFileError as error:
            dialogs.warn(self, tr("Could not save the storyline"), str(error))
