"""Running CP-SAT: progress and stopping, one optimisation phase, and the breaks portfolio.

Breaks are minimised by two searches side by side (one per core), sharing their bounds:

- *bottom-up*: satisfaction problems "breaks <= L" for L = the lower bound, L+1, ... solved
  by one single-threaded clause-learning search without the LP. Each "infeasible" proves a
  lower bound; the first schedule found is optimal. This is how the MaxSAT approach of the
  paper proves its optima, and it finds zero-break schedules far faster than optimising does.
- *top-down*: CP-SAT minimising breaks from a hint, proving its own bound with the LP.

The first to close the gap stops the other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from meetsolver.solution import SolveConfig

Progress = Callable[[dict], bool | None]


@dataclass
class PhaseResult:
    status: int  # cp_model status
    values: dict | None = None  # placement literal -> bool
    value: int | None = None
    bound: int | None = None


class Run:
    """Time, progress reports and stopping for one call of solve()."""

    def __init__(self, config: SolveConfig, progress: Progress | None) -> None:
        self.config, self.progress = config, progress
        self.start = time.monotonic()
        self.current: dict[str, int] = {}
        self.bound: dict[str, int] = {}
        self.stopped = False
        self.lock = threading.RLock()

    def seconds(self) -> float:
        return time.monotonic() - self.start

    def left(self) -> float:
        return self.config.time_limit - self.seconds()

    def report(self, solver: cp_model.CpSolver | None = None) -> None:
        with self.lock:
            if self.config.stop is not None and self.config.stop.is_set():
                self.stopped = True
            if self.progress is not None and not self.stopped:
                info = {
                    "objective": dict(self.current),
                    "bound": dict(self.bound),
                    "seconds": self.seconds(),
                }
                if self.progress(info) is True:
                    self.stopped = True
            if self.stopped and solver is not None:
                solver.stop_search()

    def solver(self, seconds: float, workers: int, **params) -> cp_model.CpSolver:
        solver = cp_model.CpSolver()
        p = solver.parameters
        p.max_time_in_seconds = max(0.05, seconds)
        p.num_workers = workers
        p.random_seed = self.config.seed
        p.log_search_progress = self.config.log_progress
        for name, value in params.items():
            setattr(p, name, value)
        return solver

    def solve(self, solver: cp_model.CpSolver, model: cp_model.CpModel, callback=None) -> int:
        """Solve, polling about once a second for progress reports and stop requests."""
        done = threading.Event()

        def poll() -> None:
            while not done.wait(1.0):
                self.report(solver)

        if self.config.stop is not None and self.config.stop.is_set():
            self.stopped = True
        if self.stopped:
            return cp_model.UNKNOWN
        if self.progress is not None or self.config.stop is not None:
            threading.Thread(target=poll, daemon=True).start()
        try:
            return solver.solve(model, callback) if callback is not None else solver.solve(model)
        finally:
            done.set()


def _extra(run: Run, solver: cp_model.CpSolver) -> None:
    for name, value in run.config.cp_sat:
        if isinstance(value, list | tuple):
            getattr(solver.parameters, name).extend(value)
        else:
            setattr(solver.parameters, name, value)


class _Collect(cp_model.CpSolverSolutionCallback):
    def __init__(self, lits, on_solution) -> None:
        super().__init__()
        self.lits, self.on_solution = lits, on_solution

    def on_solution_callback(self) -> None:
        values = {lit: self.boolean_value(lit) for lit in self.lits}
        self.on_solution(round(self.objective_value), round(self.best_objective_bound), values)


def _set_objective(model, expr, maximise: bool, hint: dict) -> None:
    model.clear_objective()
    model.maximize(expr) if maximise else model.minimize(expr)
    model.clear_hints()
    for lit, value in hint.items():
        model.add_hint(lit, value)


def optimise(run: Run, built, key: str, expr, *, maximise: bool, hint: dict) -> PhaseResult:
    """One objective with all workers; the result holds the best schedule found."""
    lits = [pl.lit for pls in built.placements for pl in pls]
    _set_objective(built.model, expr, maximise, hint)
    best = PhaseResult(cp_model.UNKNOWN)

    def on_solution(value: int, bound: int, values: dict) -> None:
        best.values, best.value = values, value
        run.current[key], run.bound[key] = value, bound
        run.report(solver)

    def on_bound(bound: float) -> None:
        run.bound[key] = round(bound)

    solver = run.solver(run.left(), run.config.workers)
    _extra(run, solver)
    solver.best_bound_callback = on_bound
    status = run.solve(solver, built.model, _Collect(lits, on_solution))
    best.status = status
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        best.value = round(solver.objective_value)
        best.values = {lit: solver.boolean_value(lit) for lit in lits}
        best.bound = (
            best.value if status == cp_model.OPTIMAL else round(solver.best_objective_bound)
        )
    return best


def minimise_breaks(run: Run, built, expr, *, hint: dict, lower: int) -> PhaseResult:
    """Bottom-up probes and top-down optimisation side by side (see the module docstring)."""
    lits = [pl.lit for pls in built.placements for pl in pls]
    state = {"lb": lower, "ub": None, "values": None, "infeasible": False}
    lock = threading.Lock()
    solvers: list[cp_model.CpSolver] = []
    done = threading.Event()

    def finish() -> None:
        done.set()
        for s in solvers:
            s.stop_search()

    def offer(value: int, values: dict) -> None:
        with lock:
            if state["ub"] is None or value < state["ub"]:
                state["ub"], state["values"] = value, values
                run.current["breaks"] = value
            if state["ub"] <= state["lb"]:
                finish()
        run.report()

    def raise_lb(value: int) -> None:
        with lock:
            if value > state["lb"]:
                state["lb"] = value
                run.bound["breaks"] = value
            if state["ub"] is not None and state["ub"] <= state["lb"]:
                finish()

    def top_down() -> None:
        solver = run.solver(run.left(), run.config.workers)
        _extra(run, solver)
        solver.best_bound_callback = lambda b: raise_lb(round(b))
        with lock:
            if done.is_set():
                return
            solvers.append(solver)

        def on_solution(value: int, bound: int, values: dict) -> None:
            offer(value, values)
            raise_lb(bound)

        status = run.solve(solver, built.model, _Collect(lits, on_solution))
        if status == cp_model.INFEASIBLE:
            state["infeasible"] = True
            finish()
        elif status == cp_model.OPTIMAL:
            raise_lb(round(solver.objective_value))
            finish()

    def bottom_up() -> None:
        while not done.is_set() and run.left() > 0.1 and not run.stopped:
            bound = state["lb"]
            probe = built.model.clone()
            probe.clear_objective()
            probe.clear_hints()
            probe.add(expr <= bound)
            solver = run.solver(run.left(), 1, linearization_level=0)
            with lock:
                if done.is_set():
                    return
                solvers.append(solver)
            status = run.solve(solver, probe)
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                offer(bound, {lit: solver.boolean_value(lit) for lit in lits})
                return
            if status != cp_model.INFEASIBLE:
                return
            raise_lb(bound + 1)
            run.report()

    _set_objective(built.model, expr, False, hint)
    threads = [threading.Thread(target=top_down), threading.Thread(target=bottom_up)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if state["values"] is not None:
        optimal = state["ub"] <= state["lb"]
        return PhaseResult(
            cp_model.OPTIMAL if optimal else cp_model.FEASIBLE,
            state["values"],
            state["ub"],
            state["lb"],
        )
    if state["infeasible"]:
        return PhaseResult(cp_model.INFEASIBLE)
    return PhaseResult(cp_model.UNKNOWN, bound=state["lb"])
