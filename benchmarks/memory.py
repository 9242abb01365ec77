"""Peak memory of the running app (design budget: <= 300 MB), against an empty Qt window as the peer.

Each figure is the peak resident set (VmHWM in /proc/<pid>/status, Linux) of a fresh child: `app` opens
the window as slider_latency does (four pins, the uncertainty bands on) and drags sliders through the
shared step sequence; its bands' worker process counts too (`app_peak_mb` is both together).
`empty_qt` only imports QtWidgets and shows an empty QMainWindow.
Run as a child: `python -m benchmarks.memory app|empty_qt [steps]`.

Not getrusage's ru_maxrss: Linux carries it across exec, so a child started by this (large) benchmark
process reports the parent's peak at the fork, not its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.timing import close_window, qt_app, run_child, settle

STEPS, QUICK_STEPS = 300, 60
BUDGETS = {"app_peak_mb": 300.0}


def peak_mb(process: int | str = "self") -> float:
    """A process's peak resident set since its exec, in MB (this one's by default)."""
    status = Path(f"/proc/{process}/status").read_text()
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kilobytes) / 1024


def child(kind: str, steps: int) -> None:
    app = qt_app()
    if kind == "app":
        from benchmarks.slider_latency import drag, open_window
        from benchmarks.steps import slider_steps

        window = open_window(app)
        drag(app, window, slider_steps(steps))
        print(peak_mb(window.bands.background.process_id))
    else:
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.resize(1600, 1000)
        window.show()
        settle(app)
        print(0.0)  # no worker
    print(peak_mb())
    close_window(app, window)


def run(quick: bool = False) -> dict[str, float]:
    steps = str(QUICK_STEPS if quick else STEPS)
    figures = {}
    for kind in ("app", "empty_qt"):
        worker, window = (float(mb) for mb in run_child(["-m", "benchmarks.memory", kind, steps])[2].split())
        figures[f"{kind}_peak_mb"] = worker + window
        figures[f"{kind}_worker_peak_mb"] = worker
    figures["app_over_empty_qt_mb"] = figures["app_peak_mb"] - figures["empty_qt_peak_mb"]
    return figures


if __name__ == "__main__":
    child(sys.argv[1], int(sys.argv[2]))
