"""The all-required race: two UWrMaxSAT formulas and the anytime search, one process each.

The native solver holds the interpreter lock while it searches, so in a thread it would stall
the others; a process also lets the parent end it at any moment (a stop request, the time
limit) without waiting for the solver to poll. The second formula runs at the same priority
until it has had ``HOLD_SECONDS`` of CPU time, then at ``NICE_SECOND`` so that the anytime
search (:mod:`meetsolver.maxsat.anytime`) gets its core.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import time

from meetsolver.instance import Instance
from meetsolver.solution import Solution, SolveConfig, Status

# Niceness of the second formula's process once the anytime search starts improving: it then
# races on what CPU the first formula and the anytime search leave.
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
        if (
            self._result is None
            and self.error is None
            and not self._recv.closed
            and self._recv.poll()
        ):
            try:
                got = self._recv.recv()
            except EOFError:  # the child died without answering
                got = RuntimeError("the MaxSAT process ended without a result")
            if isinstance(got, BaseException):
                self.error = got
            else:
                self._result = got
        return self._result

    def lower_priority(self, niceness: int) -> None:
        """Raise the child's niceness (allowed for one's own processes; lowering is not)."""
        # On a system without priorities the race still works, with equal shares.
        with contextlib.suppress(OSError, AttributeError, TypeError):
            os.setpriority(os.PRIO_PROCESS, self._process.pid, niceness)

    def cpu_seconds(self) -> float | None:
        """CPU time the child has used so far (Linux), None where the system does not say."""
        try:
            with open(f"/proc/{self._process.pid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

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


# The two MaxSAT formulas have both cores until the second one has had this much CPU time
# (most events are proven by then; on a loaded machine that takes longer than it in wall
# time); then the anytime search starts improving and takes what CPU the second formula,
# at its lower priority, leaves.
HOLD_SECONDS = 8.0
HOLD_SHARE = 0.4  # of the time limit in wall time, at the latest
FINAL_SECONDS = 0.3  # the anytime search ends this much before the deadline
COLLECT_SECONDS = 2.0  # after a stop request, the longest wait for the children's schedules
GRACE_SECONDS = 0.5  # the longest wait past the deadline for the children's last schedules


def _anytime_child(instance: Instance, deadline: float, seed: int, stop, conn) -> None:
    from meetsolver.maxsat.anytime import first_schedule, improve_from

    try:
        stopping = _Orphaned(stop)
        best = first_schedule(instance, deadline)
        conn.send(("schedule", best))
        if best is not None and best.status is Status.INFEASIBLE:
            return  # a proof: the parent stops the race
        # Wait for the parent's go (with the best schedule it knows), or the end.
        while not conn.poll(0.05):
            if stopping.is_set() or time.monotonic() >= deadline:
                conn.send(("final", best))
                return
        given = conn.recv()
        if given is not None and (
            best is None or given.objective["breaks"] < best.objective["breaks"]
        ):
            best = given
        if best is None or best.status in (Status.OPTIMAL, Status.INFEASIBLE):
            conn.send(("final", best))
            return
        end = deadline - FINAL_SECONDS  # so the final schedule reaches the parent in time
        config = SolveConfig(time_limit=end - time.monotonic(), workers=1, seed=seed, stop=stopping)
        last = [best.objective["breaks"], 0]

        def progress(info: dict) -> None:
            breaks = info.get("objective", {}).get("breaks")
            if breaks is not None and breaks < last[0]:
                last[0] = breaks
                conn.send(("progress", breaks))
            bound = info.get("bound", {}).get("breaks")
            if bound is not None and bound > last[1]:
                last[1] = bound
                conn.send(("bound", bound))

        conn.send(("final", improve_from(instance, best.assignments, config, end, progress)))
    except BaseException as exc:  # reported to the parent, which keeps the MaxSAT answers
        conn.send(("error", exc))
    finally:
        conn.close()


class Anytime:
    """The anytime search (meetsolver.maxsat.anytime) in a child process until ``deadline``."""

    def __init__(self, instance: Instance, deadline: float, seed: int) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe(duplex=True)
        self._stop = ctx.Event()
        self._process = ctx.Process(
            target=_anytime_child,
            args=(instance, deadline, seed, self._stop, child),
            daemon=True,
            name="meetsolver-anytime",
        )
        self._process.start()
        child.close()
        self.final: Solution | None = None
        self.done = False
        self.started = False

    def messages(self) -> list[tuple[str, object]]:
        out = []
        try:
            while not self.done and self._conn.poll():
                kind, value = self._conn.recv()
                out.append((kind, value))
                if kind in ("final", "error"):
                    self.done = True
        except (EOFError, OSError):
            self.done = True
        if not self.done and not self._process.is_alive() and not self._conn.poll():
            self.done = True
        return out

    def go(self, seed: Solution | None) -> None:
        if not self.started and not self.done:
            self.started = True
            try:
                self._conn.send(seed)
            except OSError:
                self.done = True

    def ask_to_stop(self) -> None:
        self._stop.set()

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=2)
        self._conn.close()


def race(
    instance: Instance,
    config: SolveConfig,
    progress=None,
    known: Solution | None = None,
    anytime: Anytime | None = None,
) -> Solution:
    """Both MaxSAT formulas and the anytime search, one process each (see HOLD_SECONDS).

    The first proof wins (a MaxSAT optimum or infeasibility, or a schedule without breaks);
    otherwise, at the time limit (or a stop request), the valid schedule with the fewest breaks
    of the three (and ``known``, a schedule found before) is returned (FEASIBLE).
    ``progress`` hears of every better schedule. ``anytime``: the anytime process, when the
    caller started it already (it has the same deadline); the race stops it.
    """
    start = time.monotonic()
    deadline = start + config.time_limit
    hold = min(HOLD_SECONDS, HOLD_SHARE * config.time_limit)  # CPU seconds of the second formula
    latest = start + HOLD_SHARE * config.time_limit
    first, second = (Background(instance, deadline, slot_busy=b) for b in (True, False))
    anytime = anytime or Anytime(instance, deadline, config.seed)
    best: list[Solution] = []
    lowest: list[int] = []  # the fewest breaks heard of (the anytime search reports as it goes)
    proven_lb: list[int] = [0]  # the anytime search's CP-SAT lower bound on the breaks

    def report(breaks: int | None = None) -> bool:
        if breaks is not None:
            lowest[:] = [min(lowest + [breaks])]
            breaks = lowest[0]
        if progress is None:
            return False
        objective = {"weight": 0, "breaks": breaks} if breaks is not None else {}
        bound = {"breaks": proven_lb[0]} if proven_lb[0] else {}
        seconds = time.monotonic() - start
        return bool(progress({"objective": objective, "bound": bound, "seconds": seconds}))

    def offer(sol: Solution | None) -> bool:
        if (
            sol is None
            or sol.status not in (Status.OPTIMAL, Status.FEASIBLE)
            or not sol.assignments
        ):
            return False
        if not best or sol.objective["breaks"] < best[0].objective["breaks"]:
            best[:] = [sol]
            return report(sol.objective["breaks"])
        return False

    def anytime_news() -> Solution | None:
        """Take the anytime process's messages; a schedule without breaks is a proof."""
        for kind, value in anytime.messages():
            if kind in ("schedule", "final") and value is not None:
                offer(value)
                if value.status in (Status.OPTIMAL, Status.INFEASIBLE):
                    return value
            elif kind == "progress":
                report(value)
            elif kind == "bound":
                proven_lb[0] = max(proven_lb[0], value)
        return None

    try:
        offer(known)
        last = start
        while True:
            for run in (first, second):
                sol = run.poll()
                if sol is not None and sol.status in (Status.OPTIMAL, Status.INFEASIBLE):
                    return _stamped(sol, start)
            done = anytime_news()
            if done is not None:
                return _stamped(done, start)
            now = time.monotonic()
            if not anytime.started and (
                _used(second, now - start) >= hold or now >= latest or second.finished()
            ):
                # The second formula goes on at a lower priority (a proof may still come);
                # the anytime search now takes what CPU it leaves.
                second.lower_priority(NICE_SECOND)
                anytime.go(best[0] if best else None)
            stop = now >= deadline or (config.stop is not None and config.stop.is_set())
            if not stop and now - last >= 1.0:
                last = now
                stop = report(lowest[0] if lowest else None)
            if stop or (first.finished() and second.finished() and anytime.done):
                break
            time.sleep(0.02)
        for run in (first, second, anytime):
            run.ask_to_stop()
        # Collect the last schedules, never for long past the deadline (a child that has not
        # even started its solver by then has nothing to give).
        now = time.monotonic()
        end = min(now + COLLECT_SECONDS, max(now, deadline) + GRACE_SECONDS)
        while time.monotonic() < end and not all(r.finished() for r in (first, second)):
            anytime_news()
            time.sleep(0.02)
        while time.monotonic() < end and not anytime.done:
            anytime_news()
            time.sleep(0.02)
        anytime_news()
        for run in (first, second):
            sol = run.poll()
            if sol is not None and sol.status in (Status.OPTIMAL, Status.INFEASIBLE):
                return _stamped(sol, start)
            offer(sol)
        if best:
            return _stamped(best[0], start)
        return Solution(Status.UNKNOWN, seconds=time.monotonic() - start)
    finally:
        for run in (first, second, anytime):
            run.stop()


def _used(run: Background, wall: float) -> float:
    """The CPU time a child has had; its wall time when the system does not say."""
    cpu = run.cpu_seconds()
    return wall if cpu is None else cpu


def _stamped(sol: Solution, start: float) -> Solution:
    sol.seconds = time.monotonic() - start
    return sol
