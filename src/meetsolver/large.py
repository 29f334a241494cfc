"""The path for large events: a constructive schedule in seconds, then LNS until the time limit.

The full model of :func:`meetsolver.solve.solve` has one Boolean per request and slot and
proves optima on events of up to a few hundred requests; beyond that its presolve alone can
take the whole time limit. :func:`solve_large` always has a schedule within seconds (at least as
good as placing requests one by one) and improves it with CP-SAT on small neighbourhoods.
"""

from __future__ import annotations

import time

from meetsolver.construct import construct, missing
from meetsolver.instance import Instance
from meetsolver.lns import improve
from meetsolver.model.portfolio import Progress, Run
from meetsolver.solution import Assignment, Solution, SolveConfig, Status
from meetsolver.verify import evaluate, verify

# Above this many (request, slot) pairs solve() hands over to solve_large().
LARGE_PAIRS = 20_000


def request_slot_pairs(instance: Instance) -> int:
    return sum(len(instance.allowed_slots(r)) for r in range(len(instance.requests)))


def is_large(instance: Instance) -> bool:
    return request_slot_pairs(instance) > LARGE_PAIRS


def solve_large(
    instance: Instance,
    config: SolveConfig = SolveConfig(),  # noqa: B008 - frozen, never mutated
    *,
    progress: Progress | None = None,
    previous: list[Assignment] | None = None,
    hint: list[Assignment] | None = None,
) -> Solution:
    """Construct, then improve by LNS within ``config.time_limit`` (wall clock, from the call).

    Returns a solution with the objective keys of :func:`meetsolver.solve.solve` (``weight``,
    ``breaks``, ``table_changes``, and ``changes`` with ``previous``), status FEASIBLE, or
    OPTIMAL when the schedule holds every optional request that has a possible slot with no
    break. When the construction cannot keep every hard constraint (a required meeting, a
    minimum number of meetings, fairness), the status is UNKNOWN with no assignments and
    ``conflicts`` says what was missing: the full model is then the way to go.

    ``hint``: a schedule to start from (warm start) when it is valid and better than the
    constructed one (published meetings kept at their slot, weight, then fewer breaks).
    """
    run = Run(config, progress)
    deadline = time.monotonic() + config.time_limit
    start = construct(instance, previous=previous)
    lacking = missing(instance, start)
    valid_hint = bool(hint) and not verify(instance, Solution(Status.FEASIBLE, hint))
    if valid_hint and (
        lacking or _rank(instance, hint, previous) > _rank(instance, start, previous)
    ):
        start, lacking = hint, []
    if lacking:
        return Solution(Status.UNKNOWN, conflicts=lacking, seconds=run.seconds())
    return improve(
        instance, start, config, progress=progress, deadline=deadline, previous=previous, run=run
    )


def _rank(instance: Instance, assignments: list[Assignment], previous) -> tuple[int, int, int]:
    slots = {(a.request, a.slot) for a in assignments}
    kept = sum(1 for a in previous or [] if (a.request, a.slot) in slots)
    values = evaluate(instance, assignments)
    return kept, values["weight"], -values["breaks"]
