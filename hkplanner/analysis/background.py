"""Calls run away from the caller's thread, in a worker process, and collected by polling: no thread here.

The window's thread must never wait for another thread's interpreter lock while a slider moves. A worker
thread holds that lock between its numpy calls, and even a process pool's helper threads take it to
pickle and unpickle, so the window's thread waited a few milliseconds at a time. Here the caller pickles
the call into a pipe, the worker process runs calls one after another, and the caller reads each answer
when it polls (a timer in the window). Where no process can start (a locked-down machine) or the worker
dies, calls run on a worker thread instead, and stay there.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

# One calculation at a time in the worker: its linear algebra library's extra threads would only busy-wait
# on the core the window needs (they doubled the CPU an ensemble took, for no gain in time).
WORKER_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# The worker yields to the window: at normal priority, the scheduler would let the worker, just woken by a
# call, take the core from the window's thread in the middle of a slider step (several milliseconds).
# Not idle-only scheduling: on a machine busy with other work the bands would then never come.
WORKER_NICENESS = 10
BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows' equivalent


class Job:
    """One call: `ready()` says whether its answer is in (polling collects it), `result()` gives it."""

    def __init__(self, background: Background, call: tuple) -> None:
        self.call = call
        self._background = background
        self._answer: tuple[bool, object] | None = None  # (succeeded, value or exception)
        self._future: Future | None = None  # set when the call runs on a thread
        self.payload = b""  # the call, pickled for the worker process

    def ready(self) -> bool:
        self._background.poll()
        if self._future is not None and self._future.done() and self._answer is None:
            error = self._future.exception()
            self._answer = (False, error) if error is not None else (True, self._future.result())
        return self._answer is not None

    def result(self):
        """The call's return value, or the exception it raised, raised here; only once `ready()`."""
        if self._answer is None:
            raise RuntimeError("the call has not finished: poll ready() first")
        succeeded, value = self._answer
        if not succeeded:
            raise value
        return value


class Background:
    def __init__(self, processes: bool = True) -> None:
        self._processes = processes
        self._process = None
        self._pipe = None
        self._waiting: deque[Job] = deque()  # not yet sent to the worker process
        self._running: Job | None = None  # sent, not yet answered
        self._threads: ThreadPoolExecutor | None = None

    @property
    def in_process(self) -> bool:
        """True while calls run in a worker process (False once they have fallen back to a thread)."""
        return self._processes

    @property
    def process_id(self) -> int | None:
        """The worker process's id while it runs (its memory is the app's too)."""
        return self._process.pid if self._process is not None else None

    def submit(self, function: Callable, *args, **kwargs) -> Job:
        """`function(*args, **kwargs)` in the worker, after the calls before it; it and its arguments and
        result must pickle (a module-level function)."""
        job = Job(self, (function, args, kwargs))
        if self._processes:
            job.payload = pickle.dumps(job.call)  # a call that cannot be sent is refused here, at once
            self._waiting.append(job)
            self.poll()
        else:
            self._on_thread(job)
        return job

    def poll(self) -> None:
        """Collect an answer that has come in and send the next call; never waits."""
        if not self._processes:
            return
        try:
            if self._running is not None and self._pipe.poll():
                self._running._answer = self._pipe.recv()
                self._running = None
            elif self._running is not None and not self._process.is_alive():
                raise EOFError("the worker process ended")
            if self._running is None and self._waiting:
                self._running = self._waiting.popleft()
                self._send(self._running.payload)
        except (OSError, EOFError):  # the process could not start, or died: go on with a thread
            self._fall_back()

    def shutdown(self) -> None:
        """End the worker (calls not yet answered are dropped)."""
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
            self._pipe.close()
            self._process = self._pipe = None
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)
            self._threads = None

    def _send(self, payload: bytes) -> None:
        if self._process is None:
            # spawn, not fork: a forked copy of a process running Qt's threads can deadlock
            context = multiprocessing.get_context("spawn")
            self._pipe, theirs = context.Pipe()
            self._process = context.Process(target=serve, args=(theirs,), daemon=True, name="hkplanner-worker")
            with _environment(WORKER_ENVIRONMENT):
                self._process.start()
            theirs.close()
        self._pipe.send_bytes(payload)

    def _fall_back(self) -> None:
        jobs = [job for job in (self._running, *self._waiting) if job is not None]
        self._running, self._waiting = None, deque()
        self.shutdown()
        self._processes = False
        for job in jobs:
            self._on_thread(job)

    def _on_thread(self, job: Job) -> None:
        if self._threads is None:
            self._threads = ThreadPoolExecutor(1, thread_name_prefix="background")
        function, args, kwargs = job.call
        job._future = self._threads.submit(function, *args, **kwargs)


@contextmanager
def _environment(variables: Mapping[str, str]) -> Iterator[None]:
    """These variables set while a process starts (it copies the environment), as they were afterwards."""
    before = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def lower_priority() -> None:
    """This process gives way to the window (and to other programs) whenever both want a core."""
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32
        kernel.SetPriorityClass(kernel.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
    else:
        os.nice(WORKER_NICENESS)


def serve(pipe) -> None:
    """The worker process: run each call received, send back (succeeded, value or exception)."""
    lower_priority()
    while True:
        try:
            function, args, kwargs = pickle.loads(pipe.recv_bytes())
        except EOFError:  # the app closed its end
            return
        try:
            answer = (True, function(*args, **kwargs))
        except Exception as error:
            answer = (False, error)
        try:
            pipe.send(answer)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            pipe.send((False, RuntimeError(f"the answer could not be sent back: {error}")))
