"""While presenting, the charts carry their uncertainty bands and the cards each target's chance, step by
step; leaving the show puts the window's own band setting back."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from hkplanner.analysis.ensemble import ensemble
from hkplanner.ui.presentation import ANIMATION_MS
from tests.analysis.conftest import PROJECT_BATCH, RANGES
from tests.ui.test_fan_bands import DRAWS, bands, chance_label, chart_bands  # noqa: F401 (bands is a fixture)


def landed(window, qtbot, bands):  # noqa: F811
    """Wait until the step's animation has ended and the bands show the step's own scenario."""
    presentation = window.presentation
    step = presentation.storyline.steps[presentation.index].scenario
    qtbot.waitUntil(lambda: presentation.animation.state() != presentation.animation.State.Running, timeout=5000)
    qtbot.waitUntil(lambda: bands._running is None and window.session.scenario == step, timeout=20_000)
    return step


@pytest.mark.parametrize("shown_before", [False, True])
def test_bands_show_during_the_show_and_the_setting_returns_after_esc(window, bands, qtbot, shown_before):  # noqa: F811
    if shown_before:
        with qtbot.waitSignal(bands.updated, timeout=20_000):
            bands.toggle.trigger()
    power = chart_bands(window, "power_mw")
    with qtbot.waitSignal(bands.updated, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.presentation.active
    assert power.layer.isVisible()
    card = chance_label(window, "compute_total_2030")
    assert card.isVisible() and "chance of 15,000 PF by 2030" in card.text()
    detail = window.cards.cards["compute_total_2030"].detail
    assert card.font().pixelSize() == detail.font().pixelSize() > 12, "read in the room at the card's projector size"

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown)  # to the late private build-out
    step = landed(window, qtbot, bands)
    expected = ensemble(step, DRAWS, 0, projector=PROJECT_BATCH, ranges=RANGES)
    middle = power.bands["power_mw"][1]
    offset = len(expected.years) - len(middle.y)
    np.testing.assert_allclose(middle.y, expected.band("power_mw", 50)[offset:])
    private = expected.probability["compute_private_2030"]
    assert chance_label(window, "compute_private_2030").text().startswith(f"{private:.0%} chance")
    # Of the focused chart's targets, the private one moved most (3,520 PF of 10,000): its chance is read out.
    change = window.caption.change.toolTip() or window.caption.change.text()
    assert change == f"Delay to private build-out: 0 years → 2 years · {private:.0%} chance of 10,000 PF by 2030"

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown)  # no focus: no chance in the so-what
    landed(window, qtbot, bands)
    assert "chance" not in window.caption.change.text()

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presentation.active, timeout=ANIMATION_MS + 2000)
    assert bands.toggle.isChecked() is shown_before
    assert power.layer.isVisible() is shown_before
    assert card.isVisible() is shown_before
