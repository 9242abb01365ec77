"""Cold start to the first painted window (design budget: <= 1.0 s median), as a user launching the app sees it,
from source (`python -m hkplanner`) and, when `make package` has built it, from the frozen Linux bundle.

Each run is a fresh process of the app's own entry point with HKPLANNER_STARTUP_PROBE=1
(hkplanner/ui/startup_probe.py): it notes when the window's first paint is done and when every chart has
painted, prints both and quits. Settings and autosaves go to a throwaway folder, so each run is a first launch
with nothing to recover. Figures, medians over the runs, after one unmeasured run that warms the OS file cache
and writes bytecode (CLOCK_MONOTONIC is shared by processes):
  launch_to_first_paint_s: Popen to the window's first paint (the budget: the window is on the screen),
  launch_to_charts_s:      Popen to every chart painted (they are built after the first paint),
  process_wall_s:          Popen to exit, teardown included,
  bare_qt_import_s:        Popen to exit of `python -c "import PySide6.QtWidgets"`, the peer that the ratio divides by,
  frozen_*:                the same for dist/hkplanner/hkplanner, when it exists.
"""

from __future__ import annotations

import statistics
import sys

from benchmarks.timing import ROOT, run_child

RUNS, QUICK_RUNS = 7, 3
FROZEN = ROOT / "dist" / "hkplanner" / "hkplanner"
BUDGETS = {"launch_to_first_paint_s": 1.0} | ({"frozen_launch_to_first_paint_s": 1.0} if FROZEN.exists() else {})


def launches(program: str, args: list[str], runs: int) -> dict[str, float]:
    run_child(args, program, HKPLANNER_STARTUP_PROBE="1")  # warm the file cache and the bytecode; not measured
    first, charts, wall = [], [], []
    for _ in range(runs):
        launched, exited, output = run_child(args, program, HKPLANNER_STARTUP_PROBE="1")
        line = next(line for line in output.splitlines() if line.startswith("startup-probe "))
        painted, charted = (float(part.split("=")[1]) for part in line.split()[1:])
        first.append(painted - launched)
        charts.append(charted - launched)
        wall.append(exited - launched)
    return {
        "launch_to_first_paint_s": statistics.median(first),
        "launch_to_charts_s": statistics.median(charts),
        "process_wall_s": statistics.median(wall),
    }


def run(quick: bool = False) -> dict[str, float]:
    runs = QUICK_RUNS if quick else RUNS
    figures = launches(sys.executable, ["-m", "hkplanner"], runs)
    bare = []
    for _ in range(runs):
        launched, exited, _ = run_child(["-c", "import PySide6.QtWidgets"])
        bare.append(exited - launched)
    figures["bare_qt_import_s"] = statistics.median(bare)
    figures["launch_to_first_paint_vs_bare_qt"] = figures["launch_to_first_paint_s"] / figures["bare_qt_import_s"]
    if FROZEN.exists():
        frozen = launches(str(FROZEN), [], runs)
        figures.update({f"frozen_{name}": value for name, value in frozen.items()})
    return figures
