"""UWrMaxSAT in a child process, so it can race CP-SAT on the other core and be stopped at once.

The native solver holds the interpreter lock while it searches, so in a thread it would stall
CP-SAT's callbacks; a process also lets the parent end it at any moment (a stop request, the
time limit) without waiting for the solver to poll.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time

from meetsolver.instance import Instance
from meetsolver.solution import Solution, SolveConfig, Status

# Niceness of the second formula's process: it races on what CPU the first one leaves.
NICE_SECOND = 10


class _Orphaned:
    """Set when the parent asks to stop, or when the parent is gone (killed without asking)."""

    def __init__(self, stop) -> None:
        self._stop = stop
        self._parent = os.getppid()

    def is_set(self) -> bool:
        return self._stop.is_set() or os.getppid() != self._parent


def _child(instance: Instance, deadline: float, slot_busy: bool, stop, conn) -> None:
    from meetsolver.maxsat import solve_maxsat

    if not slot_busy:
        # The second formula only takes what CPU the first one leaves (on a loaded machine).
        os.nice(NICE_SECOND)
    try:
        # time.monotonic() is the system's monotonic clock, shared by parent and child.
        left = max(0.1, deadline - time.monotonic())
        config = SolveConfig(time_limit=left, stop=_Orphaned(stop))
        sol = solve_maxsat(instance, config, slot_busy=slot_busy)
        conn.send(sol)
    except BaseException as exc:  # reported to the parent, which falls back on CP-SAT alone
        conn.send(exc)
    finally:
        conn.close()


class Background:
    """A MaxSAT solve of ``instance`` in a child process until ``deadline`` (time.monotonic)."""

    def __init__(self, instance: Instance, deadline: float, *, slot_busy: bool) -> None:
        ctx = mp.get_context("spawn")  # never fork a process that runs OR-Tools threads
        self._recv, send = ctx.Pipe(duplex=False)
        self._stop = ctx.Event()
        self._process = ctx.Process(
            target=_child,
            args=(instance, deadline, slot_busy, self._stop, send),
            daemon=True,
            name="meetsolver-maxsat",
        )
        self._process.start()
        send.close()
        self._result: Solution | None = None
        self.error: BaseException | None = None

    def poll(self) -> Solution | None:
        """The child's solution once it has finished, else None."""
        if self._result is None and self.error is None and self._recv.poll():
            try:
                got = self._recv.recv()
            except EOFError:  # the child died without answering
                got = RuntimeError("the MaxSAT process ended without a result")
            if isinstance(got, BaseException):
                self.error = got
            else:
                self._result = got
        return self._result

    def finished(self) -> bool:
        return self.poll() is not None or self.error is not None or not self._process.is_alive()

    def proven(self) -> bool:
        sol = self.poll()
        return sol is not None and sol.status in (Status.OPTIMAL, Status.INFEASIBLE)

    def wait(self, seconds: float) -> Solution | None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.finished():
            time.sleep(0.02)
        return self.poll()

    def ask_to_stop(self) -> None:
        """Ask the child to stop and send its best schedule so far."""
        self._stop.set()

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=2)
        self._recv.close()


def race(instance: Instance, config: SolveConfig, progress=None) -> Solution:
    """Both MaxSAT formulas (with and without the per-slot bound), one process each.

    The first proven answer wins; at the time limit (or a stop request) each is asked for its
    best schedule and the one with the fewest breaks is returned (FEASIBLE).
    """
    start = time.monotonic()
    deadline = start + config.time_limit
    runs = [Background(instance, deadline, slot_busy=b) for b in (True, False)]
    try:
        last = start
        while True:
            done = [run.poll() for run in runs]
            proven = [s for s in done if s and s.status in (Status.OPTIMAL, Status.INFEASIBLE)]
            if proven:
                return _stamped(proven[0], start)
            now = time.monotonic()
            stop = now >= deadline or (config.stop is not None and config.stop.is_set())
            if not stop and progress is not None and now - last >= 1.0:
                last = now
                stop = bool(progress({"objective": {}, "bound": {}, "seconds": now - start}))
            if stop or all(run.finished() for run in runs):
                break
            time.sleep(0.02)
        for run in runs:
            run.ask_to_stop()
        found = [s for s in (run.wait(2.0) for run in runs) if s is not None]
        feasible = [s for s in found if s.status is Status.FEASIBLE]
        if feasible:
            return _stamped(min(feasible, key=lambda s: s.objective["breaks"]), start)
        return Solution(Status.UNKNOWN, seconds=time.monotonic() - start)
    finally:
        for run in runs:
            run.stop()


def _stamped(sol: Solution, start: float) -> Solution:
    sol.seconds = time.monotonic() - start
    return sol
