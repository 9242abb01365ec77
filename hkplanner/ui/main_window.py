"""The main window: parameter panel on the left; target cards and charts on the right; menus on top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from hkplanner.charts import theme
from hkplanner.core import Scenario
from hkplanner.core.changes import describe_changes
from hkplanner.core.scenario_file import EXTENSION
from hkplanner.ui import dialogs
from hkplanner.ui.autosave import Autosaver, scan
from hkplanner.ui.caption_bar import CaptionBar
from hkplanner.ui.compare_dialog import CompareDialog
from hkplanner.ui.document import Document
from hkplanner.ui.export_commands import ExportCommands
from hkplanner.ui.fan_bands import FanBands
from hkplanner.ui.file_commands import FileCommands
from hkplanner.ui.menus import Menus
from hkplanner.ui.panel_area import PanelArea
from hkplanner.ui.parameter_panel import ParameterPanel
from hkplanner.ui.phase_editor import PhaseEditor
from hkplanner.ui.preferences import Preferences
from hkplanner.ui.presentation import Presentation
from hkplanner.ui.screen_fit import fit_to_screen
from hkplanner.ui.session import Session
from hkplanner.ui.sources_dialog import SourcesDialog
from hkplanner.ui.storyline_editor import StorylineEditor
from hkplanner.ui.target_cards import TargetCardRow


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


CHART_COLUMNS = 3
STATUS_DELAY_MS = 150
PREFERRED_SIZE = QSize(1600, 1000)  # on a smaller screen the window takes what the screen offers


class MainWindow(QMainWindow):
    def __init__(self, scenario: Scenario | None = None, charts_after_first_paint: bool = False) -> None:
        """With `charts_after_first_paint` (the app's start), the window paints before the charts are built:
        they need pyqtgraph, about half of the start-up time, and follow a moment later."""
        super().__init__()
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.preferences = Preferences()
        self.session = Session(scenario, self)
        self.document = Document(self.session, self)
        self.files = FileCommands(self.document, self.preferences, self)
        self.autosaver = Autosaver(self.document, parent=self)
        self.phase_editor = PhaseEditor()
        self.panel = ParameterPanel(self.phase_editor)
        self.cards = TargetCardRow()
        self.charts: list = []  # built by _build_charts
        self.chart_frames: dict = {}  # chart name (without "chart_") -> its frame in the grid
        self.status = QLabel()
        self.status.setObjectName("status_text")
        self.statusBar().addWidget(self.status, 1)
        self.autosave_warning = QLabel(objectName="autosave_warning", visible=False)
        self.autosave_warning.setStyleSheet("color: #B00020; font-weight: bold")
        self.statusBar().addPermanentWidget(self.autosave_warning)
        self.autosaver.problem_changed.connect(self._show_autosave_problem)
        self._show_autosave_problem(self.autosaver.problem)
        self.status_timer = QTimer(self, singleShot=True, interval=STATUS_DELAY_MS)
        self.status_timer.timeout.connect(self._show_status)

        self.panel_area = PanelArea(self.panel)
        self.chart_grid = grid = QGridLayout()
        grid.setSpacing(6)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 4, 4)
        self.caption = CaptionBar()
        right_layout.addWidget(self.caption)
        right_layout.addWidget(self.cards)
        right_layout.addLayout(grid, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.panel_area)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)  # neither a drag nor a restored state hides the levers
        self.setCentralWidget(self.splitter)
        fit_to_screen(self, PREFERRED_SIZE)
        # A starting share of the window; the splitter widens it to the panel's minimum where that is more.
        panel_width = min(440, round(0.28 * self.width()))
        self.splitter.setSizes([panel_width, self.width() - panel_width])
        self.presentation = Presentation(self)
        self.exports = ExportCommands(self)
        self.bands = FanBands(self)
        self.menus = Menus(self)
        self._restore_layout()
        self.apply_theme(self.preferences.theme())

        self.panel.edited.connect(self.session.set)
        self.panel.gesture_finished.connect(self.session.end_gesture)
        self.panel.gesture_started.connect(lambda: self._hold_chart_ranges(True))
        self.panel.gesture_finished.connect(lambda: self._hold_chart_ranges(False))
        self.panel.reset_requested.connect(self.session.reset)
        self.panel.reset_all_requested.connect(self.session.reset_all)
        self.phase_editor.edited.connect(self.session.set_phases)
        self.session.changed.connect(self.refresh)
        self.session.pins_changed.connect(self.refresh_pins)
        self.document.state_changed.connect(self._refresh_title)
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.refresh()
        self._show_status()
        self._refresh_title()
        self._charts_pending = charts_after_first_paint
        if not charts_after_first_paint:
            self._build_charts()

    def _build_charts(self) -> None:
        from hkplanner.charts.catalogue import build_charts
        from hkplanner.charts.chart import framed

        self.charts = build_charts()
        self.chart_frames = {chart.objectName().removeprefix("chart_"): framed(chart) for chart in self.charts}
        for index, frame in enumerate(self.chart_frames.values()):
            self.chart_grid.addWidget(frame, index // CHART_COLUMNS, index % CHART_COLUMNS)
        self.exports.add_chart_menus(self.charts)
        self.bands.add_charts(self.charts)
        look = theme.LOOKS[self.theme_name]
        for chart in self.charts:
            chart.apply_look(look)
        self.refresh_pins()  # the pins, then the projection

    # model -> view ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Every view shows the session's current projection: one redraw per change."""
        session = self.session
        scenario, projection = session.scenario, session.projection
        self.panel.show_scenario(scenario)
        self.phase_editor.show_phases(scenario.phases)
        self.cards.show_projection(projection)
        baseline = session.baseline_projection
        for chart in self.charts:
            chart.show_projection(projection, baseline)
        self.bands.follow_charts()
        self.status_timer.start()  # the status line follows once a drag pauses: it costs a relayout

    def refresh_pins(self) -> None:
        pinned = self.session.workspace.pin_projections
        for chart in self.charts:
            chart.show_pins(pinned)
            chart.show_projection(self.session.projection, self.session.baseline_projection)

    def _hold_chart_ranges(self, held: bool) -> None:
        """Axes stay put while a slider is dragged (re-ranging is slow) and fit the data on release."""
        for chart in self.charts:
            chart.hold_range(held)

    def _refresh_title(self) -> None:
        where = f" ({self.document.path.name})" if self.document.path else ""
        self.setWindowTitle(f"{self.document.name}{where}[*] — HK Planner")
        self.setWindowModified(self.document.is_modified)

    def _show_status(self) -> None:
        self.status.setText(self._status_text(self.session.scenario))

    def _status_text(self, scenario: Scenario) -> str:
        changes = describe_changes(self.session.baseline, scenario)
        summary = tr("Changed from the plan: {0}").format("; ".join(changes)) if changes else tr("The plan's baseline")
        return f"{summary}   ·   {tr('Data: plan of Aug 2024 and official statistics')}   ·   {tr('Offline')}"

    # commands -------------------------------------------------------------------------------------

    def apply_theme(self, name: str, remember: bool = True) -> None:
        """Standard, or projector (thick lines, large type); remembered for the next start unless
        presentation mode is only borrowing it."""
        look = theme.LOOKS[name]
        if remember:
            self.preferences.set_theme(name)
        self.theme_name = name
        font = self.font()
        font.setPointSize(look.text_pt)
        self.setFont(font)
        self.cards.apply_look(look)
        for chart in self.charts:
            chart.apply_look(look)
        self.menus.show_theme(name)

    def show_focus(self, name: str | None) -> None:
        """One chart alone in the charts' area (a presentation step's focus), or all of them (None)."""
        for key, frame in self.chart_frames.items():
            frame.setVisible(name is None or key == name)

    def edit_storyline(self) -> None:
        editor = StorylineEditor(self.presentation.storyline, self.session, self)
        if editor.exec():
            self.presentation.set_storyline(editor.storyline())

    def show_sources(self) -> None:
        SourcesDialog(self.session.scenario, self).exec()

    def show_help(self) -> None:
        from hkplanner.ui.help_dialog import HelpDialog  # built on first use: the window opens faster

        if getattr(self, "help", None) is None:
            self.help = HelpDialog(self)
        self.help.show()
        self.help.raise_()

    def show_comparison(self) -> None:
        CompareDialog(self.session, self).exec()

    def offer_recovery(self) -> None:
        """After a crash: offer the work it left behind, once; say where what cannot be read was put."""
        found = scan(self.autosaver.folder)
        if found.set_aside and dialogs.offer_unrecovered(self, found.set_aside[0].parent, len(found.set_aside)):
            for path in found.set_aside:
                dialogs.show_text(self, tr("Unrecovered work"), path)
        recovery = found.recovery
        if recovery is None:
            return
        document = recovery.opened.document
        if dialogs.ask_restore(self, document.scenario.name, recovery.saved_at):
            self.document.restore(document, recovery.original)
            self.autosaver.save_now()
        recovery.discard()

    def _show_autosave_problem(self, problem: str) -> None:
        """Stays on show until an autosave succeeds: the user must know a crash would now lose work."""
        self.autosave_warning.setText(tr("⚠ Autosave failed, retrying: {0}").format(problem[:200]) if problem else "")
        self.autosave_warning.setToolTip(problem)
        self.autosave_warning.setVisible(bool(problem))

    # window events ----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._charts_pending:
            self._charts_pending = False
            QTimer.singleShot(0, self._build_charts)  # once this first paint is on the screen

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.presentation.blank.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.presentation.leave()
        if not self.files.ready_to_discard():
            event.ignore()
            return
        self.preferences.save_window_state(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.autosaver.close()
        self.bands.close()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_scenario(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_scenario(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)

    def _restore_layout(self) -> None:
        geometry, state, splitter = self.preferences.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        if splitter is not None:
            self.splitter.restoreState(splitter)


def _dropped_scenario(event) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return paths[0] if len(paths) == 1 and paths[0].suffix == EXTENSION else None
