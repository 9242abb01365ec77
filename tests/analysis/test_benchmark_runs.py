"""The analysis benchmark still runs (a smoke run on the tests' batch projector; figures come from `make bench`).

It runs in a child process, as the other benchmark smoke test does: benchmarks point the settings
folders of their process at a throwaway one, which must not leak into the other tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json
import os
from benchmarks import analysis_speed
print(json.dumps(analysis_speed.run(quick=True, projector="tests.analysis.conftest:PROJECT_BATCH")))
"""


def test_the_analysis_benchmark_measures_ensembles_and_a_sweep():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    # Which size takes longer is for `make bench` to say: this shared machine's timings are not a test.
    assert figures["ensemble_100_ms"] > 0 and figures["ensemble_300_ms"] > 0
    for name in ("sweep", "sweep_csv"):
        assert figures[f"{name}_scenarios"] == 1000
        assert figures[f"{name}_per_s"] > 0 and 0 < figures[f"{name}_peak_mb"] < 1024
