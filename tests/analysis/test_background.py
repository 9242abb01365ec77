"""Work away from the window's thread: in a worker process, and on a thread where a process cannot run it."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time

import numpy as np
import pytest

from hkplanner.analysis.background import BELOW_NORMAL_PRIORITY_CLASS, Background
from hkplanner.analysis.ensemble import ensemble
from hkplanner.core import baseline
from tests.analysis.conftest import PROJECT_BATCH, RANGES

TIMEOUT_S = 60
NORMAL_PRIORITY_CLASS = 0x20  # Windows' priority class of a process started as usual


def answer(job):
    """Poll as the window's timer does until the answer is in."""
    deadline = time.monotonic() + TIMEOUT_S
    while not job.ready():
        assert time.monotonic() < deadline, "no answer in time"
        time.sleep(0.005)
    return job.result()


def _dies_in_a_worker_process() -> str:
    if multiprocessing.parent_process() is not None:
        os._exit(1)  # as a worker killed by the system would
    return "done on a thread"


def _refuses(value: float) -> float:
    raise ValueError(f"{value} is out of range")


@pytest.fixture
def background():
    worker = Background()
    yield worker
    worker.shutdown()


def test_calls_run_in_another_process_in_order_and_results_come_back(background):
    pid = background.submit(os.getpid)
    scenario = baseline().replace(pue=1.3)
    there = background.submit(ensemble, scenario, 40, 0, projector=PROJECT_BATCH, ranges=RANGES)
    assert answer(pid) != os.getpid() and background.in_process
    here = ensemble(scenario, 40, 0, projector=PROJECT_BATCH, ranges=RANGES)
    assert answer(there).probability == here.probability
    np.testing.assert_array_equal(answer(there).band("demand_pf", 90), here.band("demand_pf", 90))  # blanks too


def _priority_here() -> int:
    """This process's priority: its nice value (higher gives way), or on Windows its priority class."""
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32
        return kernel.GetPriorityClass(kernel.GetCurrentProcess())
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_the_worker_gives_way_to_the_window(background):
    worker, window = answer(background.submit(_priority_here)), _priority_here()
    if sys.platform == "win32":
        assert (worker, window) == (BELOW_NORMAL_PRIORITY_CLASS, NORMAL_PRIORITY_CLASS)
    else:
        assert worker > window, "the worker runs at a lower priority than the window"


def test_an_answer_is_not_there_before_it_is_ready(background):
    job = background.submit(os.getpid)
    with pytest.raises(RuntimeError, match="poll ready"):
        job.result()
    assert answer(job) != os.getpid()


def test_a_worker_that_dies_is_replaced_by_a_thread(background):
    dying = background.submit(_dies_in_a_worker_process)
    after = background.submit(os.getpid)
    assert answer(dying) == "done on a thread"
    assert not background.in_process
    assert answer(after) == os.getpid(), "calls waiting behind it run on the thread too"
    assert answer(background.submit(os.getpid)) == os.getpid(), "and later calls stay there"


def test_an_error_in_the_call_reaches_the_caller(background):
    with pytest.raises(ValueError, match="7 is out of range"):
        answer(background.submit(_refuses, 7))
    assert background.in_process, "an error in the work is not a broken worker"


def test_a_call_that_cannot_be_sent_is_refused_at_once(background):
    with pytest.raises(Exception, match="pickle"):
        background.submit(lambda: 1)
    assert answer(background.submit(os.getpid)) != os.getpid(), "the worker is not held up by it"


def _unsendable():
    return lambda: 1


def test_an_answer_that_cannot_come_back_says_so(background):
    with pytest.raises(RuntimeError, match="could not be sent back"):
        answer(background.submit(_unsendable))
    assert answer(background.submit(os.getpid)) != os.getpid(), "the worker goes on"


def _blas_threads() -> str | None:
    return os.environ.get("OPENBLAS_NUM_THREADS")


def test_the_worker_does_its_linear_algebra_on_one_thread_and_this_process_is_left_as_it_was(background):
    before = os.environ.get("OPENBLAS_NUM_THREADS")
    assert answer(background.submit(_blas_threads)) == "1"
    assert os.environ.get("OPENBLAS_NUM_THREADS") == before
