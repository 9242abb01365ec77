"""File > Export and each chart's context menu: images, the briefing pack, the workbook, the CSV.

Exports of the whole scenario are drawn on charts built for the page (800x500), so a pack looks the
same whatever the window's size or theme; a single chart is exported as the user sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from hkplanner.export.files import ExportError, chart_file_name, safe_name
from hkplanner.export.provenance import Provenance
from hkplanner.ui import dialogs

if TYPE_CHECKING:
    from hkplanner.charts.chart import ProjectionChart
    from hkplanner.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def _chart_exports():
    """Imported on first use: it brings pyqtgraph, which the window loads only after its first paint."""
    from hkplanner.export import charts

    return charts


class ExportCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def add_chart_menus(self, charts: list[ProjectionChart]) -> None:
        for chart in charts:
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(
                lambda point, c=chart: self.chart_menu(c).exec(c.mapToGlobal(point))
            )

    # the whole scenario ---------------------------------------------------------------------------------

    def pdf(self, paper: str = "a4") -> None:
        from hkplanner.export.pdf import briefing_pdf  # the PDF writer loads on first use

        document = self.window.document.current()
        self._to_file(
            f"{safe_name(document.scenario.name)}.pdf",
            tr("PDF files (*.pdf)"),
            lambda path: briefing_pdf(document, path, paper, self._pins()),
        )

    def workbook(self) -> None:
        from hkplanner.export.workbook import workbook_xlsx  # pandas loads on first use: a faster start

        document = self.window.document.current()
        self._to_file(
            f"{safe_name(document.scenario.name)}.xlsx",
            tr("Excel workbooks (*.xlsx)"),
            lambda path: workbook_xlsx(document, path, self._pins()),
        )

    def csv(self) -> None:
        from hkplanner.export.workbook import projection_csv

        session = self.window.session
        self._to_file(
            f"{safe_name(session.scenario.name)}.csv",
            tr("CSV files (*.csv)"),
            lambda path: projection_csv(session.projection, path),
        )

    def all_charts(self, kind: str) -> None:
        folder = dialogs.choose_folder(self.window, tr("Export every chart to"), self.window.preferences.last_folder())
        if folder is not None:
            self.window.preferences.set_last_folder(folder)
            scenario = self.window.session.scenario

            def write(_: Path) -> Path:
                exports = _chart_exports()
                with exports.offscreen_charts(scenario, self._pins()) as charts:
                    files = exports.write_chart_files(charts, folder, Provenance.of(scenario), kind)
                    return list(files)[-1].parent

            self._run(folder, write)

    # one chart --------------------------------------------------------------------------------------------

    def chart_menu(self, chart: ProjectionChart) -> QMenu:
        menu = QMenu(chart)
        menu.addAction(tr("Copy Image"), lambda: self.copy(chart))
        menu.addAction(tr("Save as PNG…"), lambda: self.chart_file(chart, "png"))
        menu.addAction(tr("Save as SVG…"), lambda: self.chart_file(chart, "svg"))
        return menu

    def copy(self, chart: ProjectionChart) -> None:
        _chart_exports().copy_chart(chart, Provenance.of(self.window.session.scenario))
        self.window.statusBar().showMessage(tr("Copied “{0}” as an image").format(chart.spec.title), 5000)

    def chart_file(self, chart: ProjectionChart, kind: str) -> None:
        scenario = self.window.session.scenario
        exports = _chart_exports()
        writer = {"png": exports.chart_png, "svg": exports.chart_svg}[kind]
        self._to_file(
            chart_file_name(scenario.name, chart.spec.name, kind),
            f"{kind.upper()} (*.{kind})",
            lambda path: writer(chart, path, Provenance.of(scenario)),
        )

    # shared ------------------------------------------------------------------------------------------------

    def _pins(self) -> list:
        return [(pin.label, pin.scenario) for pin in self.window.session.pins]

    def _to_file(self, suggested: str, file_filter: str, write: Callable[[Path], Path]) -> None:
        folder = Path(self.window.preferences.last_folder())
        path = dialogs.choose_save_path(self.window, str(folder / suggested), file_filter)
        if path is not None:
            self.window.preferences.set_last_folder(path.parent)
            self._run(path, write)

    def _run(self, path: Path, write: Callable[[Path], Path]) -> None:
        """Long work shows a busy cursor; a failure says what and where, and nothing else changes."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write(path)
        except ExportError as error:
            dialogs.warn(self.window, tr("Export failed"), str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()  # whatever happens, the busy cursor goes
        self.window.statusBar().showMessage(tr("Exported {0}").format(written), 8000)
