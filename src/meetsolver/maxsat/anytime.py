"""The anytime side of the all-required race: a first schedule in seconds, then LNS.

UWrMaxSAT is core-guided: it proves optima, but until its proof the only schedule it has is
its first model, which can have several times the optimum's breaks. This process runs beside
it and always holds a good schedule:

1. a first schedule at once: the large-event construction (:func:`meetsolver.construct`) when
   it keeps every required meeting and the fairness bound, else a model of the MaxSAT formula's
   hard clauses from a plain SAT solver (CaDiCaL, through ``pysat``), usually within a second;
2. then, once the parent says so (it first lets both MaxSAT formulas use the two cores for a
   few seconds, when most events are proven), the large-neighbourhood search of
   :mod:`meetsolver.lns` from the best schedule known (its own or the one the parent sends),
   until it stalls;
3. then meetsolver's CP-SAT model (:func:`meetsolver.model.build`), hinted with the LNS's
   schedule and bounded by its breaks, until the deadline or a stop request: it may lower the
   breaks further, and its linear relaxation proves optima the core-guided search does not
   reach in time.

Every schedule it sends the parent has been re-checked with :func:`meetsolver.verify.verify`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from ortools.sat.python import cp_model
from pysat.solvers import Solver

from meetsolver.construct import construct, missing
from meetsolver.instance import Instance
from meetsolver.lns import improve
from meetsolver.maxsat.encoding import encode
from meetsolver.model import build, hint_values
from meetsolver.model.portfolio import Run, optimise
from meetsolver.model.tables import assign_numbers, table_changes
from meetsolver.solution import Assignment, Solution, SolveConfig, Status
from meetsolver.verify import evaluate, verify

STALL_SECONDS = 3.0  # the LNS hands over to CP-SAT after this long without a better schedule
LNS_SHARE = 0.35  # ... or after this share of its time


def first_schedule(instance: Instance, deadline: float) -> Solution | None:
    """A valid schedule fast (construction, else SAT on the hard clauses), or None when the
    deadline came first; INFEASIBLE when SAT proves the rules cannot all hold."""
    built = construct(instance)
    if not missing(instance, built):
        return _solution(instance, built)
    formula = encode(instance, slot_busy=True)
    if formula.impossible:
        return Solution(Status.INFEASIBLE, conflicts=formula.impossible)
    with Solver(name="cadical153", bootstrap_with=formula.hard) as sat:
        # CaDiCaL has no time limit of its own here: interrupt it at the deadline.
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        timer = threading.Timer(left, sat.interrupt)
        timer.start()
        try:
            found = sat.solve_limited(expect_interrupt=True)
        finally:
            timer.cancel()
        if found is False:  # the hard clauses are the rules: a proof that nothing fits
            return Solution(Status.INFEASIBLE)
        if not found:
            return None
        model = set(x for x in sat.get_model() if x > 0)
    chosen = [(r, s, False, None) for (r, s), x in formula.placement.items() if x in model]
    assignments, _ = assign_numbers(instance, chosen)
    return _solution(instance, assignments)


def improve_from(
    instance: Instance, start: list[Assignment], config: SolveConfig, deadline: float, progress
) -> Solution:
    """LNS from ``start`` until it stalls, then CP-SAT from the LNS's schedule until ``deadline``.

    The LNS lowers the breaks fast; CP-SAT, hinted with its schedule, may go on lowering them
    and proves bounds (its linear relaxation proves optima that the core-guided MaxSAT search
    does not reach in time). ``progress`` is called with ``{"objective", "bound", "seconds"}``.
    The result has passed :func:`meetsolver.verify.verify`; OPTIMAL only when proven.
    """
    begin = time.monotonic()
    stall_end = begin + LNS_SHARE * max(0.0, deadline - begin)
    last = [time.monotonic(), None]

    def lns_progress(info: dict) -> bool:
        breaks = info.get("objective", {}).get("breaks")
        now = time.monotonic()
        if breaks is not None and (last[1] is None or breaks < last[1]):
            last[:] = [now, breaks]
            if progress is not None:
                progress(info)
        # Stalled (or past its share of the time): hand over to CP-SAT.
        return now - last[0] >= STALL_SECONDS or now >= stall_end

    best = improve(instance, start, config, progress=lns_progress, deadline=deadline)
    if verify(instance, best):
        best = _solution(instance, start)
    if best.objective["breaks"] == 0 or deadline - time.monotonic() < 1.0:
        return _final(best)
    if config.stop is not None and config.stop.is_set():
        return _final(best)
    proved = _cp_sat(instance, best, config, deadline, progress)
    return proved if proved is not None else _final(best)


def _cp_sat(instance, best: Solution, config: SolveConfig, deadline: float, progress):
    """meetsolver's CP-SAT model minimising breaks from ``best``; None when it finds nothing
    better and proves nothing."""
    built = build(instance)
    if built.impossible:
        return None
    if built.breaks_lower_bound:
        built.model.add(built.total_breaks >= built.breaks_lower_bound)
    built.model.add(built.total_breaks <= best.objective["breaks"])
    run = Run(replace(config, time_limit=deadline - time.monotonic()), progress)
    run.current["breaks"] = best.objective["breaks"]
    values = hint_values(built, best.assignments)
    result = optimise(run, built, "breaks", built.total_breaks, maximise=False, hint=values)
    if result.values is None:
        return None
    chosen = [
        (pl.request, pl.slot, pl.online, pl.table)
        for pls in built.placements
        for pl in pls
        if result.values[pl.lit]
    ]
    assignments, _ = assign_numbers(instance, chosen)
    found = _solution(instance, assignments)
    if found is None or found.objective["breaks"] > best.objective["breaks"]:
        return None
    if result.status == cp_model.OPTIMAL:
        found.status, found.bound = Status.OPTIMAL, {"breaks": found.objective["breaks"]}
    return found


def _final(sol: Solution) -> Solution:
    # The LNS proves nothing here: only zero breaks is a proof.
    optimal = sol.objective.get("breaks") == 0
    sol.status = Status.OPTIMAL if optimal else Status.FEASIBLE
    sol.bound = {"breaks": 0} if optimal else {}
    return sol


def _solution(instance: Instance, assignments: list[Assignment]) -> Solution | None:
    values = evaluate(instance, assignments)
    sol = Solution(
        Status.OPTIMAL if values["breaks"] == 0 else Status.FEASIBLE,
        assignments=list(assignments),
        objective={
            "weight": 0,
            "breaks": values["breaks"],
            "table_changes": table_changes(instance, assignments),
        },
        bound={"breaks": 0} if values["breaks"] == 0 else {},
    )
    return None if verify(instance, sol) else sol
