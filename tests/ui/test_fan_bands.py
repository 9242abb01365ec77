"""Uncertainty bands on the charts and chances on the cards, computed off the UI thread, toggled from View."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from hkplanner.analysis.ensemble import ensemble
from hkplanner.ui.elided_label import ElidedLabel
from hkplanner.ui.fan_bands import CHARTS_PER_STEP
from tests.analysis.conftest import PROJECT_BATCH, RANGES
from tests.ui.conftest import chart, received, slider

DRAWS = 60


@pytest.fixture
def bands(window):
    """The window's bands on the tests' batch projector and ranges (the registry's have none yet)."""
    window.bands.projector, window.bands.ranges, window.bands.draws = PROJECT_BATCH, RANGES, DRAWS
    return window.bands


def chart_bands(window, key):
    """The bands of the chart that draws line `key`: `.bands[key]` is its (P10-P90 fill, P50 line) as drawn."""
    return next(b for b in window.bands._bands if key in {line.key for line in b.chart.spec.lines})


def chance_label(window, key):
    return window.cards.cards[key].findChild(ElidedLabel, f"card_{key}_chance")


def test_bands_are_off_until_toggled_then_follow_the_scenario(window, bands, qtbot):
    power = chart_bands(window, "power_mw")
    assert not power.layer.isVisible() and bands.ensemble is None
    with qtbot.waitSignal(bands.updated, timeout=20_000):
        window.findChild(QAction, "action_bands").trigger()
    assert power.layer.isVisible()
    fill, middle = power.bands["power_mw"]
    assert power.layer.shapes == (fill, middle), "one band, one P50 line, painted by the layer"
    expected = ensemble(window.session.scenario, DRAWS, 0, projector=PROJECT_BATCH, ranges=RANGES)
    offset = chart(window, "chart_power").spec.line_from - 2013
    np.testing.assert_allclose(fill.high, expected.band("power_mw", 90)[offset:])
    assert np.all(fill.low <= middle.y) and np.all(middle.y <= fill.high)
    assert np.any(fill.high > fill.low), "PUE's range spreads the power"

    with qtbot.waitSignal(bands.updated, timeout=20_000):
        slider(window, "private_delay_years").setValue(3)
    moved = ensemble(window.session.scenario, DRAWS, 0, projector=PROJECT_BATCH, ranges=RANGES)
    np.testing.assert_allclose(power.bands["power_mw"][1].y, moved.band("power_mw", 50)[offset:])

    assert "Uncertainty: P10–P90 shaded, P50 dashed" in chart(window, "chart_power").legend.names()
    bands.toggle.trigger()
    assert "Uncertainty: P10–P90 shaded, P50 dashed" not in chart(window, "chart_power").legend.names()
    assert not power.layer.isVisible() and not chance_label(window, "mfg_share").isVisible()


def test_each_card_shows_its_chance(window, bands, qtbot):
    with qtbot.waitSignal(bands.updated, timeout=20_000):
        bands.toggle.trigger()
    label = chance_label(window, "compute_total_2030")
    assert label.isVisible() and label.text() == "100% chance of 15,000 PF by 2030"
    due = {result.target.key: result.due_year for result in window.session.projection.targets}  # as on the cards
    assert (
        chance_label(window, "rnd_private_share").text().endswith(f"chance of above 50% by {due['rnd_private_share']}")
    )
    assert chance_label(window, "mfg_share").text().endswith(f"chance of 5% of GDP by {due['mfg_share']}")


def test_a_slider_drag_never_waits_for_the_bands(window, bands, qtbot, monkeypatch):
    """Quick moves: one ensemble runs at a time, moves in between are folded into the latest one."""
    with qtbot.waitSignal(bands.updated, timeout=20_000):
        bands.toggle.trigger()
    started = []
    submit = bands.background.submit

    def counted(function, scenario, *args, **kwargs):
        started.append(scenario)
        return submit(function, scenario, *args, **kwargs)

    monkeypatch.setattr(bands.background, "submit", counted)
    pue = slider(window, "pue")
    for step in range(8):
        pue.setValue(pue.minimum() + step)
    final = window.session.scenario
    qtbot.waitUntil(lambda: bands.scenario == final, timeout=30_000)  # drawn for the last move
    assert len(started) < 8, "moves made while an ensemble ran wait as one"
    drawn = ensemble(final, DRAWS, 0, projector=PROJECT_BATCH, ranges=RANGES)
    np.testing.assert_allclose(bands.ensemble.band("power_mw", 50), drawn.band("power_mw", 50))


def test_charts_built_after_the_first_paint_get_their_bands(qtbot):
    """As the app starts: the bands are asked for before the charts exist and appear on them when they do."""
    from hkplanner.ui import MainWindow

    later = MainWindow(charts_after_first_paint=True)
    qtbot.addWidget(later)
    later.bands.projector, later.bands.ranges, later.bands.draws = PROJECT_BATCH, RANGES, DRAWS
    with qtbot.waitSignal(later.bands.updated, timeout=20_000):
        later.bands.toggle.trigger()
    later.show()
    qtbot.waitUntil(lambda: bool(later.charts))
    power = chart_bands(later, "power_mw")
    assert power.layer.isVisible()
    fill, _ = power.bands["power_mw"]
    offset = chart(later, "chart_power").spec.line_from - 2013
    np.testing.assert_allclose(fill.high, later.bands.ensemble.band("power_mw", 90)[offset:])
    np.testing.assert_allclose(fill.low, later.bands.ensemble.band("power_mw", 10)[offset:])


def test_the_first_bands_say_they_are_coming(window, bands, qtbot):
    """The worker starts when bands are first asked for: the status bar says so until they are drawn."""
    window.findChild(QAction, "action_bands").trigger()
    assert window.statusBar().currentMessage() == "Computing the uncertainty bands…"
    qtbot.waitUntil(lambda: bands.ensemble is not None, timeout=20_000)
    assert window.statusBar().currentMessage() == ""


def test_late_bands_never_repaint_every_chart_in_one_step(window, bands, qtbot, monkeypatch):
    """The last bands of one slider arrive while the next slider moves: that step repaints the charts the
    move changes and a few more at most; the others get the bands at the next frame without a change."""
    with qtbot.waitSignal(bands.updated, timeout=20_000):
        bands.toggle.trigger()
    monkeypatch.setattr(bands, "_request", lambda scenario: None)  # only the ensemble given below arrives
    slider(window, "private_delay_years").setValue(3)  # moves compute, power and capital cost
    qtbot.wait(100)
    late = ensemble(window.session.scenario, DRAWS, 0, projector=PROJECT_BATCH, ranges=RANGES)
    bands._on_computed(window.session.scenario, late)
    with received(QEvent.Type.Paint) as widgets:
        slider(window, "mfg_growth_pct").setValue(slider(window, "mfg_growth_pct").value() + 1)  # moves one chart
        for _ in range(4):
            QApplication.processEvents()
    repainted = {c.objectName() for c in window.charts if c.viewport() in widgets}
    assert "chart_mfg" in repainted
    assert len(repainted) == CHARTS_PER_STEP, "the charts behind catch up in the step, but not all three at once"
    assert bands.ensemble is late and chance_label(window, "compute_total_2030").text(), "cards at once"

    power = chart_bands(window, "power_mw")
    offset = power.chart.spec.line_from - 2013
    with qtbot.waitSignal(bands.updated, timeout=5_000):
        pass  # the next frame without a change
    np.testing.assert_allclose(power.bands["power_mw"][0].high, late.band("power_mw", 90)[offset:])
