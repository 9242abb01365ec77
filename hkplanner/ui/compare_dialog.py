"""The comparison table: the plan's baseline, the current scenario and what it changes, and the pinned
scenarios, each headed in its chart colour; exportable to CSV."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from hkplanner.charts import theme
from hkplanner.core.compare import comparison_table, with_difference
from hkplanner.core.scenario_file import ScenarioFileError, write_atomically
from hkplanner.ui import dialogs
from hkplanner.ui.folders import suggested_path
from hkplanner.ui.frame_model import FrameModel
from hkplanner.ui.session import Session


def tr(text: str) -> str:
    return QCoreApplication.translate("CompareDialog", text)


VERDICT_COLOURS = {"met": theme.MET, "missed": theme.MISSED}


class CompareModel(FrameModel):
    """Scenario headers in the colour their lines have on the charts; met in green, missed in red."""

    def __init__(self, frame, colours: dict[str, str], parent=None) -> None:
        super().__init__(frame, parent)
        self.colours = colours

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole:
            value = self.frame.iat[index.row(), index.column()]
            first_word = value.split(" ", 1)[0] if isinstance(value, str) else ""
            colour = VERDICT_COLOURS.get(first_word)
            return QColor(colour) if colour else None
        return super().data(index, role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
        ):
            colour = self.colours.get(str(self.frame.columns[section]))
            return QColor(colour) if colour else None
        return super().headerData(section, orientation, role)


class CompareDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(tr("Compare scenarios"))
        self.preferences = getattr(parent, "preferences", None)
        plan = tr("The plan (baseline)")
        current = tr("Current: {0}").format(session.scenario.name)
        scenarios = [(plan, session.baseline), (current, session.scenario)]
        scenarios += [(pin.label, pin.scenario) for pin in session.pins]
        table = comparison_table(scenarios, session.baseline)
        self.frame = with_difference(table, current, plan, tr("Current − plan"))
        self.colours = {plan: theme.GHOST, current: theme.BLACK}
        for number, pin in enumerate(session.pins):
            self.colours[pin.label] = theme.PIN_COLOURS[number % len(theme.PIN_COLOURS)]
        self.table = QTableView()
        self.table.setObjectName("compare_table")
        self.table.setModel(CompareModel(self.frame, self.colours, self))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        note = QLabel(
            tr(
                "Headers take the colour of each scenario's lines on the charts (pins are dotted). Parameters "
                "and phases list only those that differ somewhere from the plan's baseline. Pin scenarios to "
                "add columns."
            )
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
        self._fit_to_table()

    def _fit_to_table(self) -> None:
        """As wide as the columns need, within the screen."""
        table = self.table
        wanted = table.verticalHeader().sizeHint().width() + table.horizontalHeader().length() + 60
        available = self.screen().availableGeometry()
        self.resize(min(wanted, int(available.width() * 0.95)), min(700, int(available.height() * 0.9)))

    def _on_export(self) -> None:
        path = dialogs.choose_save_path(
            self, suggested_path(self.preferences, "comparison.csv"), tr("CSV files (*.csv)")
        )
        if path is None:
            return
        try:
            write_atomically(path, self.frame.to_csv().encode("utf-8"))
        except ScenarioFileError as error:
            dialogs.warn(self, tr("Export failed"), str(error))
            return
        if self.preferences is not None:
            self.preferences.set_last_folder(path.parent)
