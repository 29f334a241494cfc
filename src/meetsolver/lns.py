"""Large neighbourhood search: improve a schedule with CP-SAT on small sub-problems.

Each step frees the requests of a few participants (a seed — someone with breaks or with
requests not held — and the people they ask to meet), keeps every other meeting where it is,
and re-optimises the freed part with :mod:`meetsolver.neighbourhoods` from the current
placement as hint. A step is kept unless it is lexicographically worse (published meetings
kept, weight, breaks); it never is, since the current placement is a solution of the
sub-model, so ties are kept too and let the search drift. The number of freed participants
grows while the sub-problems are solved to optimality and shrinks when they time out.

The search stops at the deadline (wall clock), when ``progress`` returns True or when
``config.stop`` is set, like :func:`meetsolver.solve.solve`.
"""

from __future__ import annotations

import random
import time

from ortools.sat.python import cp_model

from meetsolver.bounds import weight_bound
from meetsolver.construct import Schedule
from meetsolver.instance import Instance
from meetsolver.model.portfolio import Progress, Run
from meetsolver.neighbourhoods import build_sub, free_requests
from meetsolver.solution import Assignment, Solution, SolveConfig, Status
from meetsolver.verify import evaluate

STEP_SECONDS = 1.0  # time limit of one sub-problem
# One worker with the full LP relaxation proves small sub-problems optimal about three times
# as often as two default workers (measured on the generated 1,000-participant event), and the
# search advances by many small proven steps.
SUB_PARAMS = {"linearization_level": 2, "symmetry_level": 0}


def improve(
    instance: Instance,
    assignments: list[Assignment],
    config: SolveConfig,
    *,
    progress: Progress | None = None,
    deadline: float,
    previous: list[Assignment] | None = None,
    run: Run | None = None,
) -> Solution:
    """Improve ``assignments`` (a valid schedule) until ``deadline`` (a ``time.monotonic()``)."""
    run = run or Run(config, progress)
    sched = Schedule.of(instance, assignments)
    prev = {a.request: a.slot for a in previous or []}
    rng = random.Random(config.seed)
    n = len(instance.participants)
    size = {"people": min(n, 8), "window": min(n, 200)}
    length = 4
    best = _rank(sched, prev)
    run.current.update(_objective(best))
    run.report()
    last_report = time.monotonic()
    steps = empty = 0
    bound = weight_bound(instance)
    finish = 0.3 + 1e-4 * len(sched.place)  # seconds to give table numbers at the end
    while n and not run.stopped:
        left = deadline - time.monotonic()
        if left < finish or _proven(best, bound, prev):
            break
        kind = "window" if steps % 2 else "people"
        freed = _pick(sched, rng, size[kind])
        window = _window(sched, rng, length if kind == "window" else instance.n_slots)
        requests = free_requests(sched, freed, window)
        if not requests:
            steps, empty = steps + 1, empty + 1
            if empty > 1000:
                break  # nothing left to move
            continue
        empty = 0
        old = {r: sched.remove(r) for r in requests if r in sched.place}
        sub = build_sub(sched, requests, prev, window)
        for r in requests:
            for place, lit in sub.lits[r]:
                sub.model.add_hint(lit, old.get(r) == place)
        solver = run.solver(min(STEP_SECONDS, left - 0.2), 1, **SUB_PARAMS)
        status = run.solve(solver, sub.model)
        steps += 1
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            for r in requests:
                for place, lit in sub.lits[r]:
                    if solver.boolean_value(lit):
                        sched.add(r, place)
                        break
            rank = _rank(sched, prev)
            if rank >= best:
                if rank > best:
                    best = rank
                    run.current.update(_objective(best))
                    run.report()
                    last_report = time.monotonic()
            else:  # never expected: undo
                for r in requests:
                    if r in sched.place:
                        sched.remove(r)
                for r, place in old.items():
                    sched.add(r, place)
            fast = status == cp_model.OPTIMAL and solver.wall_time < STEP_SECONDS / 2
            size[kind] = _resize(size[kind], n, 1.2 if fast else 0.85)
        else:
            for r, place in old.items():
                sched.add(r, place)
            size[kind] = _resize(size[kind], n, 0.7)
        if time.monotonic() - last_report >= 1.0:
            run.report()
            last_report = time.monotonic()
    final = sched.assignments(previous)
    values = evaluate(instance, final)
    objective = {
        "weight": values["weight"],
        "breaks": values["breaks"],
        "table_changes": values["table_changes"],
    }
    if previous:
        now = {(a.request, a.slot, a.table) for a in final}
        objective["changes"] = sum(1 for a in previous if (a.request, a.slot, a.table) not in now)
    optimal = not previous and _proven(best, bound, prev) and not config.table_changes
    bounds = {"weight": values["weight"], "breaks": 0} if optimal else {}
    held = {a.request for a in final}
    return Solution(
        status=Status.OPTIMAL if optimal else Status.FEASIBLE,
        assignments=final,
        objective=objective,
        bound=bounds,
        unscheduled=[(r, "") for r in range(len(instance.requests)) if r not in held],
        seconds=run.seconds(),
    )


def _rank(sched: Schedule, prev: dict[int, int]) -> tuple[int, int, int]:
    """(published meetings kept at their slot, weight, -breaks): higher is better."""
    inst = sched.instance
    kept = sum(1 for r, s in prev.items() if r in sched.place and sched.place[r][0] == s)
    weight = sum(inst.requests[r].weight for r in sched.place if not inst.requests[r].required)
    return kept, weight, -sum(sched.breaks)


def _objective(rank: tuple[int, int, int]) -> dict[str, int]:
    return {"weight": rank[1], "breaks": -rank[2]}


def _proven(rank: tuple[int, int, int], weight_bound: int, prev: dict) -> bool:
    return not prev and rank[1] >= weight_bound and rank[2] == 0


def _resize(size: int, n: int, factor: float) -> int:
    new = round(size * factor)
    if new == size:
        new += 1 if factor > 1 else -1
    return max(2, min(n, new))


def _window(sched: Schedule, rng: random.Random, length: int) -> set[int]:
    """``length`` consecutive slots of one day (the whole day when it is shorter)."""
    s = rng.randrange(sched.instance.n_slots)
    day = [t for t in range(sched.instance.n_slots) if sched.day[t] == sched.day[s]]
    length = min(length, len(day))
    first = rng.randrange(len(day) - length + 1)
    return set(day[first : first + length])


def _pick(sched: Schedule, rng: random.Random, size: int) -> set[int]:
    """A seed participant (with breaks or requests not held, when any) and the people they
    ask to meet, breadth first, up to ``size`` participants."""
    inst = sched.instance
    n = len(inst.participants)
    seed = rng.randrange(n)
    for _ in range(20):
        if sched.breaks[seed] or any(r not in sched.place for r in inst.requests_of(seed)):
            break
        seed = rng.randrange(n)
    freed = {seed}
    frontier = [seed]
    while frontier and len(freed) < size:
        p = frontier.pop(0)
        partners = [q for r in inst.requests_of(p) for q in inst.requests[r].participants]
        rng.shuffle(partners)
        for q in partners:
            if q not in freed:
                freed.add(q)
                frontier.append(q)
                if len(freed) >= size:
                    break
    return freed
