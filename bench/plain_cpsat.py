"""A straightforward CP-SAT model of the all-required B2B problem, to compare meetsolver with.

What anyone would write first: one Boolean per meeting and allowed slot (exactly one each), at
most one meeting per participant and slot, at most ``tables`` meetings per slot, fixed slots,
precedences as "slot of a < slot of r", and plain break counting — a participant's block starts
where they are busy and were idle the slot before (same day), breaks of a day = blocks − 1
when there is a block — minimised, with the fairness bound ``max − min ≤ d`` over everyone.
No implied constraints, no hint, CP-SAT's default portfolio. Every schedule is re-checked with
``meetsolver.verify`` by the caller (bench/anytime.py).
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from meetsolver.instance import Instance
from meetsolver.solution import Assignment, Solution, Status


def solve_plain(instance: Instance, time_limit: float, workers: int = 2, seed: int = 0) -> dict:
    """Solve; returns {"solution": Solution, "first": seconds to the first schedule or None}."""
    start = time.monotonic()
    m = cp_model.CpModel()
    n, S = len(instance.participants), instance.n_slots
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for r in range(len(instance.requests)):
        allowed = instance.allowed_slots(r)
        for s in allowed:
            x[r, s] = m.new_bool_var(f"x{r}_{s}")
        m.add_exactly_one(x[r, s] for s in allowed)
    by_slot: list[list[cp_model.IntVar]] = [[] for _ in range(S)]
    by_ps: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    for (r, s), v in x.items():
        by_slot[s].append(v)
        for p in instance.requests[r].participants:
            by_ps.setdefault((p, s), []).append(v)
    for s in range(S):
        if by_slot[s]:
            m.add(sum(by_slot[s]) <= instance.tables)
    busy: dict[tuple[int, int], object] = {}
    for p in range(n):
        for s in range(S):
            vs = by_ps.get((p, s), [])
            if vs:
                m.add_at_most_one(vs)
                busy[p, s] = sum(vs)
            else:
                busy[p, s] = 0
    when = {}
    for r, req in enumerate(instance.requests):
        if req.after:
            when[r] = m.new_int_var(0, S - 1, f"t{r}")
            m.add(when[r] == sum(s * v for (q, s), v in x.items() if q == r))
    for r, req in enumerate(instance.requests):
        for a in req.after:
            if a not in when:
                when[a] = m.new_int_var(0, S - 1, f"t{a}")
                m.add(when[a] == sum(s * v for (q, s), v in x.items() if q == a))
            m.add(when[a] < when[r])
    days = instance.day_slots()
    breaks = []
    for p in range(n):
        total = []
        for day in days.values():
            starts = []
            for i, s in enumerate(day):
                b = busy[p, s]
                if isinstance(b, int):
                    continue
                st = m.new_bool_var("")
                prev = busy[p, day[i - 1]] if i else 0
                # st == busy[s] and not busy[s-1]
                m.add(st <= b)
                m.add(st <= 1 - prev)
                m.add(st >= b - prev)
                starts.append(st)
            if starts:
                blocks = m.new_int_var(0, len(starts), "")
                m.add(blocks == sum(starts))
                br = m.new_int_var(0, len(starts), "")
                m.add_max_equality(br, [blocks - 1, 0])
                total.append(br)
        bp = m.new_int_var(0, S, f"breaks{p}")
        m.add(bp == sum(total))
        breaks.append(bp)
    if instance.fairness is not None and breaks:
        hi, lo = m.new_int_var(0, S, "hi"), m.new_int_var(0, S, "lo")
        m.add_max_equality(hi, breaks)
        m.add_min_equality(lo, breaks)
        m.add(hi - lo <= instance.fairness)
    m.minimize(sum(breaks))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - (time.monotonic() - start))
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    first: list[float] = []

    class First(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if not first:
                first.append(time.monotonic() - start)

    status = solver.solve(m, First())
    seconds = time.monotonic() - start
    if status == cp_model.INFEASIBLE:
        return {"solution": Solution(Status.INFEASIBLE, seconds=seconds), "first": None}
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"solution": Solution(Status.UNKNOWN, seconds=seconds), "first": None}
    placed: dict[int, list[int]] = {}
    for (r, s), v in x.items():
        if solver.boolean_value(v):
            placed.setdefault(s, []).append(r)
    assignments = [
        Assignment(r, s, table=i) for s, rs in sorted(placed.items()) for i, r in enumerate(rs)
    ]
    value = round(solver.objective_value)
    optimal = status == cp_model.OPTIMAL
    sol = Solution(
        Status.OPTIMAL if optimal else Status.FEASIBLE,
        assignments=assignments,
        objective={"weight": 0, "breaks": value},
        bound={"breaks": value if optimal else round(solver.best_objective_bound)},
        seconds=seconds,
    )
    return {"solution": sol, "first": first[0] if first else None}
