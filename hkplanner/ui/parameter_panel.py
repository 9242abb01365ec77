"""The left-hand panel: policy levers apart from assumptions, grouped by topic, built from the registry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from hkplanner.core import GROUPS, REGISTRY, Scenario
from hkplanner.ui.parameter_row import ParameterRow
from hkplanner.ui.phase_editor import PhaseEditor


def tr(text: str) -> str:
    return QCoreApplication.translate("ParameterPanel", text)


SECTIONS = (
    ("lever", "Policy levers", "What the government decides"),
    ("assumption", "Assumptions", "What the world does: change these to test the levers, not to meet targets"),
)


class ParameterPanel(QWidget):
    edited = Signal(str, float)
    gesture_started = Signal()  # a slider was pressed: charts hold their ranges while it is dragged
    gesture_finished = Signal()  # a slider was let go: the drag is one undo step
    reset_requested = Signal(str)
    reset_all_requested = Signal()

    def __init__(self, phase_editor: PhaseEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parameter_panel")
        self.rows: dict[str, ParameterRow] = {}
        self._shown: Scenario | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for kind, title, subtitle in SECTIONS:
            heading = QLabel(f"<b style='font-size:x-large'>{tr(title).upper()}</b><br><small>{tr(subtitle)}</small>")
            heading.setWordWrap(True)
            layout.addWidget(heading)
            for group, group_title in GROUPS.items():
                keys = [key for key, p in REGISTRY.items() if p.group == group and p.kind == kind]
                with_phases = kind == "lever" and group == "compute"
                if not keys and not with_phases:
                    continue
                box = QGroupBox(tr(group_title).replace("&", "&&"))  # a lone & would mark a shortcut key
                box.setObjectName(f"{kind}_{group}")
                box_layout = QVBoxLayout(box)
                box_layout.setContentsMargins(6, 4, 6, 4)
                if with_phases:
                    box_layout.addWidget(phase_editor)
                for key in keys:
                    row = ParameterRow(REGISTRY[key])
                    row.edited.connect(self.edited)
                    row.slider.sliderPressed.connect(self.gesture_started)
                    row.slider.sliderReleased.connect(self.gesture_finished)
                    row.reset_requested.connect(self.reset_requested)
                    box_layout.addWidget(row)
                    self.rows[key] = row
                layout.addWidget(box)
        self.reset_all = QPushButton(tr("Reset all to the plan"))
        self.reset_all.setObjectName("reset_all")
        self.reset_all.clicked.connect(self.reset_all_requested)
        layout.addWidget(self.reset_all)
        layout.addStretch()

    def show_scenario(self, scenario: Scenario) -> None:
        shown = self._shown
        self._shown = scenario
        for key, row in self.rows.items():
            if shown is None or scenario[key] != shown[key]:
                row.show_value(scenario[key])
