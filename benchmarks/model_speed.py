"""The model alone: `project()` for one scenario, and `scenario.replace()` (one slider's edit) separately.

Every slider step pays both before any drawing, so they bound how fast the window can ever be (design
budget: project <= 0.2 ms). The model keeps each part's results while the part's inputs stay, so
`project_ms` replays slider drags over every parameter (benchmarks.steps: one parameter changes per call,
and a drag does not revisit a value while it could still be kept), the figure a slider step pays: the
median over repeats of the per-call time. `project_slowest_slider_ms` is the slider whose calls cost the
most (median per call); `project_cold_ms` runs the whole model every call (a scenario loaded or pinned).
"""

from __future__ import annotations

import statistics
import time
import timeit

from benchmarks.steps import slider_steps

CALLS, QUICK_CALLS = 2000, 200  # per repeat
REPEATS, QUICK_REPEATS = 9, 5
BUDGETS = {"project_ms": 0.2}


def per_call_ms(statement: str, namespace: dict, calls: int, repeats: int) -> list[float]:
    totals = timeit.repeat(statement, globals=namespace, number=calls, repeat=repeats)
    return [total / calls * 1000 for total in totals]


def drag_ms(base, calls: int, repeats: int) -> tuple[list[float], dict[str, list[float]]]:
    """Per-call ms of each repeat of a drag over every slider, and each call's ms by the slider it moved."""
    from hkplanner.core import REGISTRY, project

    steps = slider_steps(calls * repeats, tuple(REGISTRY))
    scenarios = [base]
    for step in steps:
        scenarios.append(scenarios[-1].replace(**{step.key: step.value}))
    project(base)  # untimed: the start of the drag
    by_slider: dict[str, list[float]] = {key: [] for key in REGISTRY}
    repeat_ms = []
    for first in range(0, len(steps), calls):
        started = time.perf_counter()
        for step, scenario in zip(steps[first : first + calls], scenarios[first + 1 :], strict=False):
            before = time.perf_counter()
            project(scenario)
            by_slider[step.key].append((time.perf_counter() - before) * 1000)
        repeat_ms.append((time.perf_counter() - started) / calls * 1000)
    return repeat_ms, by_slider


def run(quick: bool = False) -> dict[str, float]:
    from hkplanner.core import baseline, project
    from hkplanner.core.model import forget_kept_parts

    scenario = baseline().replace(co_investment_ratio=2.0, compute_demand_growth_pct=40)
    calls, repeats = (QUICK_CALLS, QUICK_REPEATS) if quick else (CALLS, REPEATS)
    figures = {}
    dragged, by_slider = drag_ms(scenario, calls, repeats)
    figures["project_ms"] = statistics.median(dragged)
    figures["project_best_ms"] = min(dragged)
    figures["project_slowest_slider_ms"] = max(statistics.median(times) for times in by_slider.values() if times)
    namespace = {"project": project, "scenario": scenario, "forget": forget_kept_parts}
    cold = per_call_ms("forget(); project(scenario)", namespace, calls // 4, repeats)
    figures["project_cold_ms"] = statistics.median(cold)
    replaced = per_call_ms("scenario.replace(pue=1.7)", namespace, calls, repeats)
    figures["replace_ms"] = statistics.median(replaced)
    figures["replace_best_ms"] = min(replaced)
    return figures
