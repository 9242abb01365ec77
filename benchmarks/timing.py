"""Helpers every benchmark shares: the Qt application, letting a step's repaint finish, timing steps,
percentiles, child processes and the report table."""

from __future__ import annotations

import atexit
import gc
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTLE_ROUNDS = 4  # processEvents rounds after a change: enough for update -> paint -> flush (shared/pitfalls.md)


ISOLATED = "HKPLANNER_BENCHMARK_HOME"
XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def isolate() -> None:
    """Point settings, autosaves and caches at a throwaway folder, for this process and its children: a
    benchmark must neither read the user's saved window layout or recovery files nor write over them.
    Children may write bytecode there too, as an installed app has it (PYTHONDONTWRITEBYTECODE would
    otherwise make every edited module compile at every cold start)."""
    if ISOLATED in os.environ:
        return
    home = tempfile.mkdtemp(prefix="hkplanner-benchmark-")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ[ISOLATED] = home
    for variable in XDG_FOLDERS:
        os.environ[variable] = os.path.join(home, variable.lower())
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")


def qt_app():
    from PySide6.QtWidgets import QApplication

    isolate()
    return QApplication.instance() or QApplication([sys.argv[0]])


def settle(app) -> None:
    """Deliver what a change posted: the scene update, the paint and the backing-store flush."""
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()


def percentile(samples: list[float], q: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Timings:
    """Per-step milliseconds: wall (perf_counter, what the user waits), this process's CPU (process_time, every
    thread) and the UI thread's own CPU (thread_time). Wall well above the UI thread's CPU means it waited: for
    a core (the machine was busy) or for the interpreter lock (another thread of the app held it)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    thread_cpu: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {
            "median_ms": statistics.median(self.wall),
            "p95_ms": percentile(self.wall, 95),
            "p99_ms": percentile(self.wall, 99),
            "median_cpu_ms": statistics.median(self.cpu),
            "median_ui_thread_cpu_ms": statistics.median(self.thread_cpu),
            "p99_ui_thread_cpu_ms": percentile(self.thread_cpu, 99),
            "steps": len(self.wall),
        }


def time_steps(
    steps: Iterable, do_step: Callable, before: Callable | None = None, after: Callable | None = None
) -> Timings:
    """Time each step. gc stays on, as users have it, from a freshly collected heap.
    `before` and `after` run around each step, outside the timing."""
    gc.collect()
    timings = Timings()
    for step in steps:
        if before:
            before(step)
        wall, cpu, thread_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        do_step(step)
        timings.thread_cpu.append((time.thread_time() - thread_cpu) * 1000)
        timings.cpu.append((time.process_time() - cpu) * 1000)
        timings.wall.append((time.perf_counter() - wall) * 1000)
        if after:
            after(step)
    return timings


def monotonic() -> float:
    """CLOCK_MONOTONIC is one clock for every process on Linux: a parent and its child can subtract readings."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


CHILD_TIMEOUT_S = 300  # a child stuck on a modal dialog offscreen would otherwise hang the whole run


def run_child(args: list[str], program: str = sys.executable, **variables: str) -> tuple[float, float, str]:
    """Run `python args...` (or another program) from the repository root, with these environment variables
    added; (launched, exited, stdout) with monotonic() times."""
    isolate()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), **variables}
    launched = monotonic()
    done = subprocess.run([program, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    exited = monotonic()
    if done.returncode != 0:
        raise RuntimeError(f"{args} exited with {done.returncode}:\n{done.stderr[-2000:]}")
    return launched, exited, done.stdout


def paint_counter(app, widgets):
    """A context manager counting Paint events delivered to `widgets`: proof that a step repainted."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.watched = set(widgets)
            self.count = 0

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and watched in self.watched:
                self.count += 1
            return False

        def __enter__(self):
            app.installEventFilter(self)
            return self

        def __exit__(self, *exc) -> None:
            app.removeEventFilter(self)

    return PaintCounter()


def close_window(app, window) -> None:
    """Destroy a window now, since pyqtgraph widgets alive at interpreter exit can crash it
    (shared/pitfalls.md). Hidden, not closed: closing a modified scenario asks a modal question."""
    from PySide6.QtCore import QEvent

    window.hide()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle(app)


def table(rows: list[tuple[str, float, float | None]]) -> str:
    """Rows of (figure, value, upper limit or None) as a fixed-width table with pass/fail."""
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{'figure':<{width}}  {'value':>10}  {'budget':>10}  result", "-" * (width + 32)]
    for name, value, limit in rows:
        budget, verdict = ("", "") if limit is None else (f"<= {limit:g}", "pass" if value <= limit else "FAIL")
        lines.append(f"{name:<{width}}  {value:>10.4g}  {budget:>10}  {verdict}")
    return "\n".join(lines)
