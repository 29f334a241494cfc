"""The slot stage solved as MaxSAT with UWrMaxSAT (the method of Bofill et al., JAIR 2022).

For instances where every request is required (the JAIR benchmark and any event whose meetings
are all decided), the only objective is the number of breaks under the fairness bound, which is
exactly a MaxSAT problem: hard clauses for the rules, one soft clause per potential break.
UWrMaxSAT (bundled by the ``hermax`` package) proves these optima where CP-SAT struggles.
Table numbers are given afterwards, slot by slot, as in the CP-SAT path.
"""

from __future__ import annotations

import time

from meetsolver.instance import Instance, Mode
from meetsolver.maxsat.encoding import Formula, encode
from meetsolver.model.tables import assign_numbers, table_changes
from meetsolver.solution import Solution, SolveConfig, Status

# UWrMaxSAT's answers (the IPAMIR codes).
INTERRUPTED_SAT, UNSAT, OPTIMUM = 10, 20, 30


def applies(instance: Instance) -> bool:
    """True when the instance is pure slot-and-breaks: every request required, tables alike."""
    if instance.online_rooms or not instance.requests:
        return False
    counts = [0] * len(instance.participants)
    for req in instance.requests:
        if not req.required or req.online:
            return False
        for p in req.participants:
            counts[p] += 1
    for p, part in enumerate(instance.participants):
        if part.reserved_table is not None or part.mode is Mode.ONLINE:
            return False
        if part.max_meetings is not None and part.max_meetings < counts[p]:
            return False
        if part.min_meetings > counts[p]:
            return False
    return True


def solve_maxsat(
    instance: Instance,
    config: SolveConfig,
    *,
    slot_busy: bool = True,
    progress=None,
    cpu_limit: float | None = None,
) -> Solution:
    """Minimise breaks with UWrMaxSAT in this process; OPTIMAL only when UWrMaxSAT proved it.

    Stops at ``config.time_limit`` (wall clock), after ``cpu_limit`` seconds of this process's
    CPU time when given, when ``config.stop`` is set or ``progress`` returns True, with the
    best schedule found (FEASIBLE), or UNKNOWN when there is none yet.
    """
    start = time.monotonic()
    formula = encode(instance, slot_busy=slot_busy)
    if formula.impossible:
        return Solution(
            Status.INFEASIBLE, conflicts=formula.impossible, seconds=time.monotonic() - start
        )
    code, true, cost = _run(formula, config, progress, start, cpu_limit)
    if code == UNSAT:
        return Solution(Status.INFEASIBLE, seconds=time.monotonic() - start)
    if code not in (OPTIMUM, INTERRUPTED_SAT):
        return Solution(Status.UNKNOWN, seconds=time.monotonic() - start)
    chosen = [(r, s, False, None) for (r, s), x in formula.placement.items() if x in true]
    assignments, _ = assign_numbers(instance, chosen)
    optimal = code == OPTIMUM
    return Solution(
        status=Status.OPTIMAL if optimal else Status.FEASIBLE,
        assignments=assignments,
        objective={
            "weight": 0,
            "breaks": cost,
            "table_changes": table_changes(instance, assignments),
        },
        bound={"breaks": cost} if optimal else {},
        seconds=time.monotonic() - start,
    )


def _run(formula: Formula, config: SolveConfig, progress, start: float, cpu_limit=None):
    """Run UWrMaxSAT (its native binding, fed directly: the Python wrapper checks every clause)."""
    from hermax.core.urmaxsat_py import UWrMaxSAT

    solver = UWrMaxSAT()
    for _ in range(formula.n_vars):
        solver.newVar()
    for clause in formula.hard:
        solver.addClause(clause, None)
    for lit in formula.soft:
        solver.addClause([lit], 1)
    deadline = start + config.time_limit
    cpu_end = None if cpu_limit is None else time.process_time() + cpu_limit
    last = [start]
    stopped = [False]

    def terminate() -> int:  # polled by UWrMaxSAT during its search
        now = time.monotonic()
        asked = config.stop is not None and config.stop.is_set()
        if now >= deadline or asked or (cpu_end is not None and time.process_time() >= cpu_end):
            stopped[0] = True
        elif progress is not None and now - last[0] >= 1.0:
            last[0] = now
            if progress({"objective": {}, "bound": {}, "seconds": now - start}):
                stopped[0] = True
        return 1 if stopped[0] else 0

    solver.set_terminate(terminate)
    code = int(solver.solve())
    if code not in (OPTIMUM, INTERRUPTED_SAT):
        return code, set(), None
    true = {x for x in formula.placement.values() if solver.getValue(x) is True}
    return code, true, int(solver.getCost())
