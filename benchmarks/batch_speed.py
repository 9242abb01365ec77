"""`project_batch` for 10,000 scenarios (design budget: <= 30 ms), the draws an ensemble makes.

Two cases: every assumption drawn between its low and high (the ranges analysis samples, so the lag
kernels differ by row), and the levers an analyst sweeps (delay, co-investment, the Northern Metropolis
phase). timeit with repeat; the figure is the median over repeats.
"""

from __future__ import annotations

import statistics
import timeit

ROWS = 10_000
REPEATS, QUICK_REPEATS = 9, 3
BUDGETS = {"assumptions_ms": 30.0, "levers_ms": 30.0}


def draws(rows: int) -> tuple[dict, dict]:
    import numpy as np

    from hkplanner.core import REGISTRY

    generator = np.random.default_rng(7)
    assumptions = {
        key: generator.uniform(parameter.low, parameter.high, rows)
        for key, parameter in REGISTRY.items()
        if parameter.kind == "assumption" and parameter.high > parameter.low
    }
    levers = {
        "private_delay_years": generator.uniform(0, 3, rows),
        "co_investment_ratio": generator.uniform(2, 3, rows),
        "phase.2.capacity_pf": generator.uniform(6_000, 12_000, rows),
        "phase.2.completion_year": generator.uniform(2029, 2033, rows),
    }
    return assumptions, levers


def run(quick: bool = False) -> dict[str, float]:
    from hkplanner.core import baseline, project_batch

    base = baseline()
    figures = {}
    for name, overrides in zip(("assumptions", "levers"), draws(ROWS), strict=True):
        project_batch(base, overrides)  # warm: caches and first-touch memory
        samples = timeit.repeat(
            lambda overrides=overrides: project_batch(base, overrides),
            number=1,
            repeat=QUICK_REPEATS if quick else REPEATS,
        )
        figures[f"{name}_ms"] = statistics.median(samples) * 1000
        figures[f"{name}_best_ms"] = min(samples) * 1000
    return figures
