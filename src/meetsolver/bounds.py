"""Simple upper bounds on what any schedule of an instance can hold.

They are cheap (one pass over the requests) and used to judge large schedules, whose exact
optimum is out of reach: the benchmarks report a schedule's share of :func:`meetings_bound`,
and the large-instance path calls a schedule optimal when it meets :func:`weight_bound` with
no breaks.
"""

from __future__ import annotations

from meetsolver.instance import Instance


def _schedulable(instance: Instance, request: int) -> bool:
    return bool(instance.allowed_slots(request))


def meetings_bound(instance: Instance) -> int:
    """min(requests, places × slots, Σ_p min(requests_p, free slots_p, max_p) / 2).

    Places are the tables plus the online rooms; each meeting has at least two participants,
    hence the half of the participants' capacity.
    """
    per_participant = [0] * len(instance.participants)
    for req in instance.requests:
        for p in req.participants:
            per_participant[p] += 1
    cap = 0
    for p, part in enumerate(instance.participants):
        free = instance.n_slots - len(part.unavailable)
        limit = part.max_meetings if part.max_meetings is not None else free
        cap += min(per_participant[p], free, limit)
    places = (instance.tables + instance.online_rooms) * instance.n_slots
    return min(len(instance.requests), places, cap // 2)


def weight_bound(instance: Instance) -> int:
    """Total weight of the optional requests that have at least one allowed slot."""
    return sum(
        req.weight
        for r, req in enumerate(instance.requests)
        if not req.required and req.weight and _schedulable(instance, r)
    )
