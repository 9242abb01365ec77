"""The model alone: `project()` for one scenario, and `scenario.replace()` (one slider's edit) separately.

Every slider step pays both before any drawing, so they bound how fast the window can ever be (design
budget: project <= 0.2 ms). timeit with repeat; the figure is the median over repeats of the per-call time.
"""

from __future__ import annotations

import statistics
import timeit

CALLS, QUICK_CALLS = 2000, 200  # per repeat
REPEATS, QUICK_REPEATS = 9, 5
BUDGETS = {"project_ms": 0.2}


def per_call_ms(statement: str, namespace: dict, calls: int, repeats: int) -> list[float]:
    totals = timeit.repeat(statement, globals=namespace, number=calls, repeat=repeats)
    return [total / calls * 1000 for total in totals]


def run(quick: bool = False) -> dict[str, float]:
    from hkplanner.core import baseline, project

    scenario = baseline().replace(co_investment_ratio=2.0, compute_demand_growth_pct=40)
    namespace = {"project": project, "scenario": scenario}
    calls, repeats = (QUICK_CALLS, QUICK_REPEATS) if quick else (CALLS, REPEATS)
    figures = {}
    for name, statement in (("project", "project(scenario)"), ("replace", "scenario.replace(pue=1.7)")):
        samples = per_call_ms(statement, namespace, calls, repeats)
        figures[f"{name}_ms"] = statistics.median(samples)
        figures[f"{name}_best_ms"] = min(samples)
    return figures
