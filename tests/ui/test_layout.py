"""The window on the screens officials use: a 1366x768 laptop, a 1920x1080 monitor, and a high-density
laptop at 2x scaling (2560x1600 pixels, 1280x800 points). Each runs in its own process, because the
screen and the scale factor are fixed when Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {"1366x768": ("1366x768",), "1920x1080": ("1920x1080",), "2x": ("2560x1600", "--scale", "2")}


def probe(arguments: tuple[str, ...]) -> dict:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.layout_probe", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("screen", SCREENS)
def test_on_first_start_the_window_fits_the_screen_and_nothing_overlaps(screen):
    report = probe(SCREENS[screen])
    assert report["fits"], f"window {report['window']} is larger than the screen {report['available']}"
    assert report["problems"] == []
    verdicts = [name for name in report["elided"] if name.endswith(".status")]
    assert verdicts == [], "every card's verdict is shown whole"
    if screen == "2x":
        assert report["device_pixel_ratio"] == 2.0
    if screen == "1920x1080":
        assert report["elided"] == [], "on a full HD screen every card line is shown whole"
