"""The analysis benchmark still runs (a smoke run on the tests' batch projector; figures come from `make bench`)."""

from __future__ import annotations

from benchmarks import analysis_speed

ADAPTER = "tests.analysis.batch_adapter:loop_project_batch"


def test_the_analysis_benchmark_measures_ensembles_and_a_sweep():
    figures = analysis_speed.run(quick=True, projector=ADAPTER)
    assert figures["ensemble_100_ms"] > 0 and figures["ensemble_300_ms"] > figures["ensemble_100_ms"]
    assert figures["sweep_scenarios"] == analysis_speed.QUICK_SWEEP_ROWS
    assert figures["sweep_per_s"] > 0 and 0 < figures["sweep_peak_mb"] < 1024
