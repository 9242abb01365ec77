"""The window on a laptop screen and after the user resizes it: the lever panel keeps every unit label
and phase column in view, and a chart's legend leaves its plot room to read, names in full."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

from hkplanner.core import Phase
from hkplanner.ui import MainWindow
from tests.analysis.conftest import PROJECT_BATCH, RANGES
from tests.ui.conftest import chart

LAPTOP, FULL_HD, SMALLEST = (1366, 768), (1920, 1080), (1280, 800)  # 1280x800: a 2x laptop's logical size


def resize(window, qtbot, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    qtbot.wait(50)  # the splitter and the panel's layout follow on posted layout requests


def assert_panel_shows_everything(window) -> None:
    area = window.panel_area
    viewport = area.viewport()
    assert not area.horizontalScrollBar().isVisible(), f"the panel scrolls sideways at {window.size()}"
    for key, row in window.panel.rows.items():
        unit = row.unit
        right_edge = unit.mapTo(viewport, unit.rect().topRight()).x()
        assert unit.width() >= unit.sizeHint().width(), f"{key}: {unit.text()!r} is cut at {window.size()}"
        assert right_edge < viewport.width(), f"{key}: {unit.text()!r} is outside the panel at {window.size()}"
    table = window.phase_editor.table
    columns = sum(table.horizontalHeader().sectionSize(column) for column in range(table.columnCount()))
    assert not table.horizontalScrollBar().isVisible(), f"the phase table scrolls sideways at {window.size()}"
    assert columns <= table.viewport().width(), f"a phase column is cut at {window.size()}"


@pytest.mark.parametrize("sizes", [(LAPTOP, FULL_HD, SMALLEST), (FULL_HD, SMALLEST, LAPTOP)])
def test_the_lever_panel_shows_every_unit_and_phase_column_at_every_window_size(qtbot, sizes):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*sizes[0])
    window.show()
    qtbot.waitExposed(window)
    for size in sizes:
        resize(window, qtbot, size)
        assert_panel_shows_everything(window)


def test_the_panel_widens_for_a_phase_name_that_cannot_wrap(window, qtbot):
    """Names wrap between words; a single long word widens the names' column, and the panel with it."""
    resize(window, qtbot, LAPTOP)
    before = window.panel_area.width()
    long_word = Phase("Kwu-Tung-Lok-Ma-Chau-Loop-Innovation-Park", "private", 1000, 2026, 2030)
    window.session.set_phases((*window.session.scenario.phases, long_word))
    qtbot.waitUntil(lambda: window.panel_area.width() > before)
    assert_panel_shows_everything(window)


def test_a_restored_splitter_state_cannot_squeeze_the_panel(window, qtbot):
    """A state saved by an earlier version (a 200 px panel), or a collapsed panel, is widened again."""
    earlier = QSplitter()
    earlier.addWidget(QWidget())
    earlier.addWidget(QWidget())
    for squeezed in ([200, 1400], [0, 1600]):
        earlier.setSizes(squeezed)
        window.splitter.restoreState(earlier.saveState())
        qtbot.wait(50)
        assert window.panel_area.width() >= window.panel_area.minimumSizeHint().width() > 200
        assert_panel_shows_everything(window)
    earlier.deleteLater()


def test_on_a_laptop_with_four_pins_and_bands_the_compute_plot_keeps_most_of_its_chart(window, qtbot):
    for action in window.menus.pin_preset_menu.actions()[:4]:
        action.trigger()
    bands = window.bands
    bands.projector, bands.ranges, bands.draws = PROJECT_BATCH, RANGES, 60
    with qtbot.waitSignal(bands.updated, timeout=20_000):
        window.findChild(QAction, "action_bands").trigger()
    resize(window, qtbot, LAPTOP)
    compute = chart(window, "chart_compute")
    assert len(compute.legend.names()) >= 15 and "Uncertainty: P10–P90 shaded, P50 dashed" in compute.legend.names()
    for each in window.charts:
        frame, legend = each.parentWidget(), each.legend
        assert legend.height() >= legend.heightForWidth(legend.width()), f"{each.objectName()}: legend cut"
        assert each.height() >= 0.45 * frame.height(), f"{each.objectName()}: {each.height()} of {frame.height()} px"
    resize(window, qtbot, (1600, 1000))
    assert compute.legend.pixel_size == 11, "where there is room the legend keeps its full size"
