"""The comparison table: the current scenario beside the pinned ones, exportable to CSV."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from hkplanner.core.compare import comparison_table
from hkplanner.core.scenario_file import ScenarioFileError, write_atomically
from hkplanner.ui import dialogs
from hkplanner.ui.frame_model import FrameModel
from hkplanner.ui.session import Session


def tr(text: str) -> str:
    return QCoreApplication.translate("CompareDialog", text)


class CompareDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(tr("Compare scenarios"))
        self.resize(1100, 700)
        scenarios = [(tr("Current: {0}").format(session.scenario.name), session.scenario)]
        scenarios += [(pin.label, pin.scenario) for pin in session.pins]
        self.frame = comparison_table(scenarios, session.baseline)
        self.table = QTableView()
        self.table.setObjectName("compare_table")
        self.table.setModel(FrameModel(self.frame, self))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        note = QLabel(
            tr("Parameters list only those that differ from the plan's baseline. Pin scenarios to add columns.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(tr("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_csv")
        self.export_button.clicked.connect(self._on_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _on_export(self) -> None:
        path = dialogs.choose_save_path(self, "comparison.csv", tr("CSV files (*.csv)"))
        if path is None:
            return
        try:
            write_atomically(path, self.frame.to_csv().encode("utf-8"))
        except ScenarioFileError as error:
            dialogs.warn(self, tr("Export failed"), str(error))
