"""The window as a whole: built from the registry, accessible, and painted."""

from __future__ import annotations

import html
import subprocess
import sys

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDoubleSpinBox, QSlider

from hkplanner.core import REGISTRY, TARGETS
from tests.ui.conftest import card_text, slider


def test_every_parameter_has_a_named_accessible_slider_with_its_source(window):
    for key, parameter in REGISTRY.items():
        control = window.findChild(QSlider, key)
        assert control is not None, key
        assert control.accessibleName() == parameter.title
        row = window.panel.rows[key]
        assert parameter.source in html.unescape(row.toolTip())
        assert window.findChild(QDoubleSpinBox, f"{key}_value").value() == parameter.default


def test_levers_and_assumptions_are_in_separate_sections(window):
    for key, parameter in REGISTRY.items():
        box = window.panel.rows[key].parentWidget()
        assert box.objectName() == f"{parameter.kind}_{parameter.group}"


def test_a_card_per_target_on_the_baseline(window):
    assert set(window.cards.cards) == {target.key for target in TARGETS}
    assert "✓ Met" in card_text(window, "compute_total_2030")
    assert "15,000 PF" in card_text(window, "compute_total_2030")
    assert "✗ Short by 4.0 pts" in card_text(window, "mfg_share")
    assert "needs 23.6% growth a year" in card_text(window, "mfg_share")


def test_the_window_paints_charts_cards_and_sliders(window, tmp_path):
    path = tmp_path / "main-window.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1600, 1000)
    compute = next(c for c in window.charts if c.objectName() == "chart_compute")
    pixels = compute.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(pixels.constBits(), np.uint8).reshape(pixels.height(), pixels.bytesPerLine())
    distinct_colours = len(np.unique(data[:, : pixels.width() * 4].reshape(-1, 4), axis=0))
    assert distinct_colours > 20, "the compute chart looks empty"


def test_title_names_the_scenario_and_shows_no_unsaved_mark(window):
    assert window.windowTitle() == "Official plan (Aug 2024)[*] — HK Planner"  # Qt draws [*] as the mark
    assert not window.isWindowModified()


def test_the_app_starts_and_stays_up_from_the_command_line(tmp_path):
    """`python -m hkplanner` opens the window and keeps running until closed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hkplanner"],
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        exited = process.wait(timeout=6)
    except subprocess.TimeoutExpired:
        exited = None
    finally:
        process.kill()
        _, errors = process.communicate()
    assert exited is None, f"the app exited with {exited}: {errors.decode()[-2000:]}"


def test_projector_theme_thickens_lines_and_is_remembered(window, qtbot):
    from hkplanner.ui import MainWindow

    power = next(c for c in window.charts if c.objectName() == "chart_power")
    assert power.curves["power_mw"].pen.widthF() == 2.5
    window.findChild(type(window.menus.revert), "theme_projector").trigger()
    assert power.curves["power_mw"].pen.widthF() == 5.0
    assert window.font().pointSize() == 12
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.menus.theme_actions["projector"].isChecked()
    again_power = next(c for c in again.charts if c.objectName() == "chart_power")
    assert again_power.curves["power_mw"].pen.widthF() == 5.0


def test_the_projector_look_enlarges_the_lever_panel_too(window):
    """Its large type reaches every row: titles, sliders' numbers and units, and the phase table."""
    from hkplanner.ui.parameter_row import ParameterRow

    window.apply_theme("projector", remember=False)
    large = window.font().pointSize()
    for row in window.findChildren(ParameterRow):
        assert {row.title.font().pointSize(), row.box.font().pointSize(), row.unit.font().pointSize()} == {large}
    assert window.phase_editor.table.font().pointSize() == large
    window.apply_theme("standard", remember=False)
    assert slider(window, "pue").parentWidget().unit.font().pointSize() == window.font().pointSize() < large


def test_every_input_and_target_has_its_source_one_click_away(window, qtbot):
    from hkplanner.ui.sources_dialog import SourcesDialog

    window.session.set("pue", 2.0)
    dialog = SourcesDialog(window.session.scenario, window)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    rows = {
        model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(6)]
        for r in range(model.rowCount())
    }
    assert len(rows) == len(REGISTRY) + len(TARGETS)
    pue = rows["Power usage effectiveness (PUE)"]
    assert pue[1] == "2 ratio" and pue[2] == "1.6 ratio" and pue[3] == "Assumption"
    assert "China Daily HK, 9 Dec 2024" in pue[5]
    assert "15,000 PF" in rows["Target: AI compute in the city"][5]


def test_each_chart_names_the_sources_of_its_history(window):
    rnd = next(c for c in window.charts if c.objectName() == "chart_rnd")
    tip = html.unescape(rnd.toolTip())
    assert "Census and Statistics Department (C&SD), Table 207" in tip
    assert "dashed grey line is the plan's baseline" in tip


def test_the_r_and_d_chart_marks_where_the_official_series_changes_basis(window):
    import pyqtgraph as pg

    rnd = next(c for c in window.charts if c.objectName() == "chart_rnd")
    lines = (item for item in rnd.getPlotItem().items if isinstance(item, pg.InfiniteLine) and item.angle == 90)
    marks = [line for line in lines if line is not rnd.hover.line]
    assert [mark.value() for mark in marks] == [2017.5]
    assert marks[0].label.format == "new basis from 2018"
    assert rnd.getPlotItem().vb.viewRange()[0][1] > 2036, "room for the 2035 label"
