"""Help > Sources and Assumptions: every input with its value, kind, basis and source, in one table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from hkplanner.core import REGISTRY, TARGETS, Scenario
from hkplanner.core.changes import value_text
from hkplanner.core.formatting import quantity
from hkplanner.ui.frame_model import FrameModel


def tr(text: str) -> str:
    return QCoreApplication.translate("SourcesDialog", text)


def sources_table(scenario: Scenario):
    import pandas as pd  # tables only

    rows = [
        {
            tr("Input"): parameter.title,
            tr("Value"): value_text(parameter, scenario[key]),
            tr("Plan default"): value_text(parameter, parameter.default),
            tr("Kind"): tr("Lever") if parameter.kind == "lever" else tr("Assumption"),
            tr("Basis"): parameter.basis,
            tr("Source"): parameter.source,
        }
        for key, parameter in REGISTRY.items()
    ]
    rows += [
        {
            tr("Input"): tr("Target: {0}").format(target.title),
            tr("Value"): f"{tr('above') if target.comparison == '>' else tr('at least')} "
            f"{quantity(target.threshold, target.unit, exact=True)}",
            tr("Plan default"): "",
            tr("Kind"): tr("Target"),
            tr("Basis"): "plan",
            tr("Source"): target.source,
        }
        for target in TARGETS
    ]
    return pd.DataFrame(rows)


class SourcesDialog(QDialog):
    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sources_dialog")
        self.setWindowTitle(tr("Sources and assumptions"))
        self.resize(1200, 700)
        self.frame = sources_table(scenario)
        self.table = QTableView()
        self.table.setObjectName("sources_table")
        self.table.setModel(FrameModel(self.frame, self))
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.frame.columns) - 1, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # follows the wrapped Source column
        rows.hide()
        note = QLabel(
            tr(
                "Basis: plan (the Aug 2024 plan), official (published statistics), derived (calculated from "
                "cited figures) or assumption (a judgement, no official figure). The model's equations are under "
                "Help > Model Documentation."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
