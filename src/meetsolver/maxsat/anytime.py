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
   until the deadline or a stop request.

Every schedule it sends the parent has been re-checked with :func:`meetsolver.verify.verify`.
"""

from __future__ import annotations

import threading
import time

from pysat.solvers import Solver

from meetsolver.construct import construct, missing
from meetsolver.instance import Instance
from meetsolver.lns import improve
from meetsolver.maxsat.encoding import encode
from meetsolver.model.tables import assign_numbers, table_changes
from meetsolver.solution import Assignment, Solution, SolveConfig, Status
from meetsolver.verify import evaluate, verify


def first_schedule(instance: Instance, deadline: float) -> Solution | None:
    """A valid schedule fast (construction, else SAT on the hard clauses), or None."""
    built = construct(instance)
    if not missing(instance, built):
        return _solution(instance, built)
    formula = encode(instance, slot_busy=True)
    if formula.impossible:
        return None
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
        if not found:
            return None
        model = set(x for x in sat.get_model() if x > 0)
    chosen = [(r, s, False, None) for (r, s), x in formula.placement.items() if x in model]
    assignments, _ = assign_numbers(instance, chosen)
    return _solution(instance, assignments)


def improve_from(
    instance: Instance, start: list[Assignment], config: SolveConfig, deadline: float, progress
) -> Solution:
    """LNS from ``start`` until ``deadline``; the result is checked with verify()."""
    sol = improve(instance, start, config, progress=progress, deadline=deadline)
    sol.status = Status.FEASIBLE  # the LNS proves nothing here: only zero breaks would be a proof
    if sol.objective.get("breaks") == 0:
        sol.status = Status.OPTIMAL
        sol.bound = {"breaks": 0}
    else:
        sol.bound = {}
    return sol if not verify(instance, sol) else _solution(instance, start)


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
