"""Solve an instance: lexicographic objectives, one CP-SAT phase each, then table numbers."""

from __future__ import annotations

import time
from dataclasses import replace

from ortools.sat.python import cp_model

from meetsolver.instance import Instance, overloaded
from meetsolver.large import is_large, solve_large
from meetsolver.maxsat import applies, solve_maxsat
from meetsolver.maxsat.anytime import first_schedule, improve_from
from meetsolver.maxsat.background import Anytime, race
from meetsolver.model import Built, build, hint_values
from meetsolver.model.portfolio import Progress, Run, minimise_breaks, optimise
from meetsolver.model.tables import assign_numbers, table_changes
from meetsolver.solution import Assignment, Solution, SolveConfig, Status


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
    overload = overloaded(instance)
    if overload:  # more required meetings than free slots: no schedule, and no need to search
        return Solution(Status.INFEASIBLE, conflicts=overload)
    if (
        config.engine != "cp-sat"
        and not previous
        and not config.table_changes
        and applies(instance)
        and (config.engine == "maxsat" or not is_large(instance))
    ):
        return _solve_maxsat(instance, config, progress)
    if is_large(instance):  # too many request x slot pairs for the full model: construct + LNS
        large = solve_large(instance, config, progress=progress, previous=previous, hint=hint)
        if large.status is not Status.UNKNOWN:
            return large
        config = replace(config, time_limit=max(1.0, config.time_limit - large.seconds))
    run = Run(config, progress)
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

    values = hint_values(built, hint or previous)
    all_optimal = True
    bound: dict[str, int] = {}
    found = False
    for key, expr, maximise in phases:
        if key == "breaks" and config.probe:
            result = minimise_breaks(run, built, expr, hint=values, lower=built.breaks_lower_bound)
        else:
            result = optimise(run, built, key, expr, maximise=maximise, hint=values)
        if result.status == cp_model.INFEASIBLE:
            from meetsolver.conflicts import explain

            seconds = run.seconds()
            conflicts = (
                explain(instance, time_limit=max(5.0, min(30.0, run.left())))
                if config.explain
                else []
            )
            return Solution(Status.INFEASIBLE, conflicts=conflicts, seconds=seconds)
        if result.values is None:
            if not found:
                return Solution(Status.UNKNOWN, seconds=run.seconds(), bound=bound)
            all_optimal = False
            break  # keep the previous phase's schedule
        found = True
        optimal = result.status == cp_model.OPTIMAL
        if all_optimal and result.bound is not None:
            bound[key] = result.value if optimal else result.bound
        all_optimal = all_optimal and optimal
        values = result.values
        # Freeze this objective before the next one.
        built.model.add(expr >= result.value if maximise else expr <= result.value)
        run.current[key] = result.value
        if run.stopped or run.left() <= 0:
            all_optimal = all_optimal and key == phases[-1][0]
            break

    chosen = [
        (pl.request, pl.slot, pl.online, pl.table)
        for pls in built.placements
        for pl in pls
        if values[pl.lit]
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


QUICK_SECONDS = 1.0
QUICK_FROM = 5.0  # the in-process try only with a time limit of at least this
QUICK_SHARE = 0.5  # ... and for at most this share of it in wall time
SINGLE_SHARE = 0.5  # with one worker: this share of the time for MaxSAT, the rest for LNS


def _anytime_alone(instance: Instance, config: SolveConfig, found: Solution, relay) -> Solution:
    """One worker: LNS from MaxSAT's schedule (or a first schedule) until the time limit."""
    deadline = time.monotonic() + config.time_limit
    start = found if found.status is Status.FEASIBLE else first_schedule(instance, deadline)
    if start is None:
        return Solution(Status.UNKNOWN)
    if start.status in (Status.OPTIMAL, Status.INFEASIBLE):
        return start
    return improve_from(instance, start.assignments, config, deadline, relay)


def _solve_maxsat(instance: Instance, config: SolveConfig, progress) -> Solution:
    """Every request required: breaks under fairness is a MaxSAT problem (see meetsolver.maxsat).

    With two workers or more, two formulas and the anytime search race in three processes
    (:func:`meetsolver.maxsat.background.race`); with one, MaxSAT runs here for half the time,
    then the anytime search from its schedule.
    """
    asked: list[bool] = []

    def relay(info: dict) -> bool:
        if progress is not None and progress(info):
            asked.append(True)
        return bool(asked)

    # Small events are proven in well under a second: first try here, as starting the
    # processes of the race takes about that long.
    started = time.monotonic()
    alone = replace(config, time_limit=config.time_limit * SINGLE_SHARE)
    quick = replace(config, time_limit=config.time_limit * QUICK_SHARE)
    # The anytime process starts at once, so its first schedule comes while MaxSAT tries here.
    anytime = (
        Anytime(instance, started + config.time_limit, config.seed) if config.workers >= 2 else None
    )
    try:
        if config.workers < 2:
            sol = solve_maxsat(instance, alone, progress=relay)
        elif config.time_limit >= QUICK_FROM:
            # CPU time, not wall: on a loaded machine a second of wall time may be a tenth of
            # a second of search, and small events would miss their quick proof.
            sol = solve_maxsat(instance, quick, progress=relay, cpu_limit=QUICK_SECONDS)
        else:  # too short to spend the encoding twice: straight to the race
            sol = Solution(Status.UNKNOWN)
        stopped = asked or (config.stop is not None and config.stop.is_set())
        if sol.status in (Status.FEASIBLE, Status.UNKNOWN) and not stopped:
            left = replace(
                config, time_limit=max(0.5, config.time_limit - (time.monotonic() - started))
            )
            if config.workers >= 2:
                other = race(instance, left, relay, known=sol, anytime=anytime)
            else:  # one core: the anytime search for the rest of the time, from the best known
                other = _anytime_alone(instance, left, sol, relay)
            if sol.status is Status.UNKNOWN or other.status is not Status.FEASIBLE:
                sol = other if other.status is not Status.UNKNOWN else sol
            elif other.objective["breaks"] < sol.objective["breaks"]:
                sol = other
            sol.seconds = time.monotonic() - started
    finally:
        if anytime is not None:
            anytime.stop()
    if sol.status is Status.INFEASIBLE and config.explain:
        from meetsolver.conflicts import explain

        # The same sentences as the CP-SAT path: what the model sees at once, else a search.
        sol.conflicts = build(instance).impossible or sol.conflicts
        if not sol.conflicts:
            sol.conflicts = explain(instance, time_limit=max(5.0, min(30.0, config.time_limit)))
    if progress is not None and sol.objective:
        # The solver reports no intermediate schedules: tell the caller about the final one.
        progress(
            {"objective": dict(sol.objective), "bound": dict(sol.bound), "seconds": sol.seconds}
        )
    return sol


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
