"""Analysis on the batch projection: ensemble time by draws, and sweep throughput and peak memory.

Design budgets: the 10,000-draw ensemble with percentiles <= 100 ms; a sweep >= 200,000 scenarios a
second (<= 5 us a scenario) in chunks within 1 GB. The ensemble figure is the median of repeats; each
sweep runs in a fresh child (`python -m benchmarks.analysis_speed sweep ROWS PROJECTOR SUFFIX`) that
writes the results of a JSON grid spec and reports its own rate and peak resident set (VmHWM). The
budgets hold for Parquet (when pyarrow is installed); CSV is measured beside it, since formatting
every float as text costs about as much as projecting it.

Slider-to-repaint with the bands on (and four pins) is slider_latency's headline figure.

PROJECTOR is `module:function`, the core's `project_batch` by default; any callable with its contract
runs here (the tests pass their stand-in to check that this benchmark still works).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.memory import peak_mb
from benchmarks.timing import run_child

CORE = "hkplanner.core:project_batch"
DRAWS, QUICK_DRAWS = (1_000, 10_000, 100_000), (100, 300)
REPEATS, QUICK_REPEATS = 5, 2
SWEEP_ROWS, QUICK_SWEEP_ROWS = 1_000_000, 1_000  # cubes: a grid of three equal axes
BUDGETS = {
    "ensemble_10000_ms": 100.0,
    "sweep_us_per_scenario": 5.0,
    "sweep_peak_mb": 1024.0,
}


def load(projector: str):
    module, name = projector.split(":")
    return getattr(importlib.import_module(module), name)


def ensemble_ms(projector, draws: int, repeats: int) -> float:
    from hkplanner.analysis.ensemble import ensemble
    from hkplanner.core import baseline

    scenario = baseline()
    ensemble(scenario, draws, repeats, projector=projector)  # untimed: the first run also fills caches
    samples = []
    for seed in range(repeats):
        started = time.perf_counter()
        ensemble(scenario, draws, seed, projector=projector)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def sweep_child(rows: int, projector: str, suffix: str) -> None:
    """One sweep of `rows` scenarios over three levers; prints its figures as JSON."""
    from hkplanner.analysis.sweep import Outputs, sweep
    from hkplanner.analysis.sweep_spec import read_spec
    from hkplanner.core import baseline

    side = round(rows ** (1 / 3))
    grid = {
        "grid": {
            "co_investment_ratio": {"from": 0, "to": 5, "steps": side},
            "pue": {"from": 1.1, "to": 2.0, "steps": side},
            "fund_public_hkd_bn": {"from": 0, "to": 10, "steps": rows // side // side},
        }
    }
    with tempfile.TemporaryDirectory() as folder:
        spec_path = Path(folder) / "spec.json"
        spec_path.write_text(json.dumps(grid))
        spec = read_spec(spec_path, baseline())
        outputs = Outputs(("capacity_total_pf", "rnd_private_share_pct"), (2030, 2035))
        started = time.perf_counter()
        done = sweep(spec, Path(folder) / f"out{suffix}", baseline(), outputs, projector=load(projector))
        seconds = time.perf_counter() - started
    print(json.dumps({"rows": done, "seconds": seconds, "peak_mb": peak_mb()}))


def run(quick: bool = False, projector: str = CORE) -> dict[str, float]:
    batch = load(projector)
    draws, repeats = (QUICK_DRAWS, QUICK_REPEATS) if quick else (DRAWS, REPEATS)
    figures = {f"ensemble_{n}_ms": ensemble_ms(batch, n, repeats) for n in draws}
    rows = QUICK_SWEEP_ROWS if quick else SWEEP_ROWS
    formats = {"sweep": ".parquet" if importlib.util.find_spec("pyarrow") else ".csv", "sweep_csv": ".csv"}
    for name, suffix in formats.items():
        child = json.loads(run_child(["-m", "benchmarks.analysis_speed", "sweep", str(rows), projector, suffix])[2])
        figures[f"{name}_scenarios"] = child["rows"]
        figures[f"{name}_per_s"] = child["rows"] / child["seconds"]
        figures[f"{name}_us_per_scenario"] = child["seconds"] / child["rows"] * 1e6
        figures[f"{name}_peak_mb"] = child["peak_mb"]
    return figures


if __name__ == "__main__":
    sweep_child(int(sys.argv[2]), sys.argv[3], sys.argv[4])
