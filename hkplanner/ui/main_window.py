"""The main window: parameter panel on the left; target cards and charts on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from hkplanner.core import REGISTRY, Scenario
from hkplanner.ui.charts import build_charts
from hkplanner.ui.parameter_panel import ParameterPanel
from hkplanner.ui.phase_editor import PhaseEditor
from hkplanner.ui.session import Session
from hkplanner.ui.target_cards import TargetCardRow


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


CHART_COLUMNS = 3


class MainWindow(QMainWindow):
    def __init__(self, scenario: Scenario | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.session = Session(scenario, self)
        self.phase_editor = PhaseEditor()
        self.panel = ParameterPanel(self.phase_editor)
        self.cards = TargetCardRow()
        self.charts = build_charts()
        self.status = QLabel()
        self.status.setObjectName("status_text")
        self.statusBar().addWidget(self.status, 1)

        scroll = QScrollArea()
        scroll.setObjectName("parameter_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        scroll.setMinimumWidth(400)
        grid = QGridLayout()
        grid.setSpacing(6)
        for index, chart in enumerate(self.charts):
            grid.addWidget(chart, index // CHART_COLUMNS, index % CHART_COLUMNS)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 4, 4)
        right_layout.addWidget(self.cards)
        right_layout.addLayout(grid, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 1180])
        self.setCentralWidget(splitter)
        self.resize(1600, 1000)

        self.panel.edited.connect(self.session.set)
        self.panel.reset_requested.connect(self.session.reset)
        self.panel.reset_all_requested.connect(self.session.reset_all)
        self.phase_editor.edited.connect(self.session.set_phases)
        self.session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Every view shows the session's current projection: one redraw per change."""
        session = self.session
        scenario, projection = session.scenario, session.projection
        self.panel.show_scenario(scenario)
        self.phase_editor.show_phases(scenario.phases)
        self.cards.show_projection(projection)
        for chart in self.charts:
            chart.show_projection(projection, session.baseline_projection)
        self.setWindowTitle(f"{scenario.name} — HK Planner")
        self.status.setText(self._status_text(scenario))

    def _status_text(self, scenario: Scenario) -> str:
        baseline = self.session.baseline
        changes = [
            f"{tr(REGISTRY[key].title)} {baseline[key]:g} → {scenario[key]:g}"
            for key in scenario.changed_keys(baseline)
        ]
        if scenario.phases != baseline.phases:
            changes.append(tr("compute phases edited"))
        summary = tr("Changed from the plan: {0}").format("; ".join(changes)) if changes else tr("The plan's baseline")
        return f"{summary}   ·   {tr('Data: plan of Aug 2024 and official statistics')}   ·   {tr('Offline')}"
