"""The benchmarks still run against the current app (a smoke run; the figures come from `make bench`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import json
from benchmarks import batch_speed, matplotlib_peer, model_speed, slider_latency
figures = {name: module.run(quick=True) for name, module in
           (("model", model_speed), ("batch", batch_speed), ("slider", slider_latency), ("peer", matplotlib_peer))}
print(json.dumps(figures))
"""


def test_the_benchmarks_measure_the_app_and_its_matplotlib_peer():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["model"]["project_ms"] > 0
    assert figures["batch"]["assumptions_ms"] > 0 and figures["batch"]["levers_ms"] > 0
    assert figures["slider"]["median_ms"] > 0 and figures["slider"]["steps"] > 0
    assert figures["slider"]["ensembles_shown_per_step"] > 0, "the bands followed the drag"
    assert figures["slider"]["bands_lag_median_ms"] >= 0
    assert figures["slider"]["plain_median_ms"] > 0
    assert figures["peer"]["median_ms"] > figures["slider"]["median_ms"], "matplotlib redraws more than pyqtgraph"
