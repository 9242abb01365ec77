"""`python -m benchmarks [--quick] [name ...]`: run the benchmarks, print figure / budget / result, and write
benchmarks/results/latest.json. Exits 1 if a figure is over its budget."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from importlib.metadata import PackageNotFoundError, version

from benchmarks.timing import ROOT, table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the budgets are measured offscreen

# In this order: the in-process ones first, the matplotlib peer right after the window it is compared with.
NAMES = ("model_speed", "batch_speed", "slider_latency", "matplotlib_peer", "cold_start", "memory", "analysis_speed")
# Ratios across modules: name -> (numerator, denominator, upper limit).
RATIOS = {"ratio.slider_vs_matplotlib_median": ("slider_latency.median_ms", "matplotlib_peer.median_ms", 0.02)}
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"


def installed(*distributions: str) -> str:
    """The version of the first of these distributions that is installed."""
    for distribution in distributions:
        try:
            return version(distribution)
        except PackageNotFoundError:
            continue
    return "not installed"


def environment() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "PySide6": installed("PySide6-Essentials", "PySide6"),
        **{name: installed(name) for name in ("pyqtgraph", "matplotlib", "numpy")},
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),  # other work on the machine makes every figure noisier
        "qt_platform": os.environ["QT_QPA_PLATFORM"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer steps and runs: a smoke run")
    parser.add_argument("names", nargs="*", metavar="name", help=f"some of {', '.join(NAMES)} (default: all)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(NAMES))
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r} (known: {', '.join(NAMES)})")

    env = environment()
    figures: dict[str, float] = {}
    budgets: dict[str, float] = {}
    for name in args.names or NAMES:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"running {name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        figures.update({f"{name}.{key}": value for key, value in module.run(quick=args.quick).items()})
        budgets.update({f"{name}.{key}": limit for key, limit in module.BUDGETS.items()})
        print(f"  {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    for ratio, (numerator, denominator, limit) in RATIOS.items():
        if numerator in figures and denominator in figures:
            figures[ratio] = figures[numerator] / figures[denominator]
            budgets[ratio] = limit

    failed = [key for key, limit in budgets.items() if figures[key] > limit]
    print(", ".join(f"{key} {value}" for key, value in env.items()) + (" (quick)" if args.quick else ""))
    print(table([(key, value, budgets.get(key)) for key, value in figures.items()]))
    over = f"; over budget: {', '.join(failed)}" if failed else ""
    print(f"{len(budgets) - len(failed)} of {len(budgets)} budgets met{over}")

    RESULTS.parent.mkdir(exist_ok=True)
    report = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "quick": args.quick, "environment": env}
    report |= {"figures": figures, "budgets": budgets, "failed": failed}
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"written {RESULTS.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
