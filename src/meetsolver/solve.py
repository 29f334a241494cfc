"""Solve an instance: lexicographic objectives, one CP-SAT phase each, then table numbers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from meetsolver.instance import Instance
from meetsolver.model import Built, build
from meetsolver.model.tables import assign_numbers, table_changes
from meetsolver.solution import Assignment, Solution, SolveConfig, Status

Progress = Callable[[dict], bool | None]


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports improving solutions and the bound; stops the search when asked to."""

    def __init__(self, run: _Run, solver: cp_model.CpSolver, key: str) -> None:
        super().__init__()
        self.run, self.solver, self.key = run, solver, key

    def on_solution_callback(self) -> None:
        value = round(self.objective_value)
        self.run.current[self.key] = -value if self.key == "weight" else value
        bound = round(self.best_objective_bound)
        self.run.bound[self.key] = -bound if self.key == "weight" else bound
        self.run.report(self.solver)


class _Run:
    def __init__(self, config: SolveConfig, progress: Progress | None) -> None:
        self.config, self.progress = config, progress
        self.start = time.monotonic()
        self.current: dict[str, int] = {}
        self.bound: dict[str, int] = {}
        self.stopped = False
        self.lock = threading.Lock()

    def seconds(self) -> float:
        return time.monotonic() - self.start

    def left(self) -> float:
        return self.config.time_limit - self.seconds()

    def report(self, solver: cp_model.CpSolver | None) -> None:
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


def _phase(run: _Run, built: Built, key: str, expr, *, maximise: bool, hint_values) -> tuple:
    """Optimise one objective; returns (status, solver)."""
    model = built.model
    model.clear_objective()
    if maximise:
        model.maximize(expr)
    else:
        model.minimize(expr)
    model.clear_hints()
    if hint_values:
        for lit, value in hint_values.items():
            model.add_hint(lit, value)
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(0.05, run.left())
    params.num_workers = run.config.workers
    params.random_seed = run.config.seed
    params.log_search_progress = run.config.log_progress
    for name, value in run.config.cp_sat:
        if isinstance(value, list | tuple):
            getattr(params, name).extend(value)
        else:
            setattr(params, name, value)
    watch = _Watch(run, solver, key)

    def on_bound(bound: float) -> None:
        run.bound[key] = -round(bound) if maximise else round(bound)

    solver.best_bound_callback = on_bound
    done = threading.Event()

    def poll() -> None:
        while not done.wait(1.0):
            run.report(solver)

    poller = threading.Thread(target=poll, daemon=True)
    if run.progress is not None or run.config.stop is not None:
        poller.start()
    try:
        status = solver.solve(model, watch)
    finally:
        done.set()
    return status, solver


def solve(
    instance: Instance,
    config: SolveConfig = SolveConfig(),  # noqa: B008 - frozen, never mutated
    *,
    progress: Progress | None = None,
    previous: list[Assignment] | None = None,
    hint: list[Assignment] | None = None,
) -> Solution:
    """Schedule ``instance``: give every held request a slot and a table (or an online room).

    Objectives, in lexicographic order, each optimised in its own CP-SAT phase then frozen:

    1. every required request is held (hard);
    2. with ``previous`` (an already-published schedule): fewest changed published meetings; a
       published meeting counts as unchanged when it keeps its slot and its table (online: its
       slot, online) — objective key ``"changes"``;
    3. highest total weight of the optional requests held — ``"weight"``;
    4. fewest breaks (a maximal run of idle slots strictly between two meetings of one
       participant on the same day), with the fairness bound ``instance.fairness`` — ``"breaks"``;
    5. with ``config.table_changes``: fewest table changes — ``"table_changes"`` (always
       reported, minimised only then).

    ``progress`` is called (from a background thread) with
    ``{"objective": {...}, "bound": {...}, "seconds": float}`` on each improving solution and
    about once a second. To stop early, return ``True`` from ``progress`` or set
    ``config.stop`` (a ``threading.Event``): the best schedule found so far is returned with
    status FEASIBLE (UNKNOWN when none was found yet).

    ``hint``: a schedule to start from (warm start); ``previous`` is used as hint when no hint
    is given. ``bound`` holds, for each objective whose phase ran with the earlier ones
    optimal, the best proven bound (equal to the objective when optimal).

    ``unscheduled`` lists every optional request not held, as ``(request, "")``: the reason is
    left empty for :mod:`meetsolver.explain` to fill in. When infeasible, ``conflicts`` holds
    sentences naming a small set of constraints that cannot all hold together.
    """
    run = _Run(config, progress)
    built = build(instance, previous=previous)
    if built.impossible:
        return Solution(Status.INFEASIBLE, conflicts=built.impossible, seconds=run.seconds())
    phases: list[tuple[str, object, bool]] = []
    if previous:
        phases.append(("changes", len(previous) - sum(built.keep), False))
    if built.max_weight > 0:
        phases.append(("weight", built.weight, True))
    if built.breaks_lower_bound:
        built.model.add(built.total_breaks >= built.breaks_lower_bound)
    phases.append(("breaks", built.total_breaks, False))

    hint_values = _hint_values(built, hint or previous)
    all_optimal = True
    bound: dict[str, int] = {}
    objective: dict[str, int] = {}
    solver = None
    for key, expr, maximise in phases:
        status, phase_solver = _phase(
            run, built, key, expr, maximise=maximise, hint_values=hint_values
        )
        if status == cp_model.INFEASIBLE:
            from meetsolver.conflicts import explain

            return Solution(
                Status.INFEASIBLE,
                conflicts=explain(instance, time_limit=max(5.0, min(30.0, run.left()))),
                seconds=run.seconds(),
            )
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if solver is None:
                return Solution(Status.UNKNOWN, seconds=run.seconds(), bound=bound)
            all_optimal = False
            break  # keep the previous phase's schedule
        solver = phase_solver
        value = round(solver.objective_value)
        objective[key] = value
        if all_optimal:
            bound[key] = value if status == cp_model.OPTIMAL else round(solver.best_objective_bound)
        all_optimal = all_optimal and status == cp_model.OPTIMAL
        hint_values = {
            pl.lit: solver.boolean_value(pl.lit) for pls in built.placements for pl in pls
        }
        # Freeze this objective before the next one.
        built.model.add(expr >= value if maximise else expr <= value)
        run.current[key] = value
        if run.stopped or run.left() <= 0:
            all_optimal = all_optimal and key == phases[-1][0]
            break

    chosen = [
        (pl.request, pl.slot, pl.online, pl.table)
        for pls in built.placements
        for pl in pls
        if hint_values[pl.lit]
    ]
    assignments, tables_optimal = assign_numbers(
        instance,
        chosen,
        previous,
        optimise_seconds=max(0.0, run.left()) if config.table_changes else 0.0,
        workers=config.workers,
    )
    held = {a.request for a in assignments}
    objective = _objectives(built, instance, assignments, previous)
    if config.table_changes and tables_optimal and all_optimal:
        bound["table_changes"] = objective["table_changes"]
    return Solution(
        status=Status.OPTIMAL if all_optimal and not run.stopped else Status.FEASIBLE,
        assignments=assignments,
        objective=objective,
        bound=bound,
        unscheduled=[(r, "") for r in range(len(instance.requests)) if r not in held],
        seconds=run.seconds(),
    )


def _objectives(built: Built, instance: Instance, assignments, previous) -> dict[str, int]:
    busy: dict[int, set[int]] = {}
    for a in assignments:
        for p in instance.requests[a.request].participants:
            busy.setdefault(p, set()).add(a.slot)
    days = instance.day_slots()
    breaks = 0
    for slots in busy.values():
        for day in days.values():
            pattern = [s in slots for s in day]
            starts = sum(1 for i, b in enumerate(pattern) if b and (i == 0 or not pattern[i - 1]))
            breaks += max(0, starts - 1)
    out = {
        "weight": sum(
            instance.requests[a.request].weight
            for a in assignments
            if not instance.requests[a.request].required
        ),
        "breaks": breaks,
        "table_changes": table_changes(instance, assignments),
    }
    if previous:
        now = {(a.request, a.slot, a.table) for a in assignments}
        out["changes"] = sum(1 for a in previous if (a.request, a.slot, a.table) not in now)
    return out


def _hint_values(built: Built, schedule: list[Assignment] | None) -> dict:
    if not schedule:
        return {}
    values = {}
    for a in schedule:
        if not 0 <= a.request < len(built.placements):
            continue
        for pl in built.placements[a.request]:
            values[pl.lit] = pl.slot == a.slot and pl.online == (
                a.table is None and a.room is not None
            )
    return values
