"""A first-fit schedule to start the optimiser from (a warm start, never the answer).

On dense conventions (70 people wishing to meet 50+ others each, 40 slots) CP-SAT may spend its
whole time limit before finding a first schedule on its own; handed this one as a hint it starts
from a good schedule at once and improves it. Requests are taken required first, then by
weight, each in the first slot where everybody is free and a place is left.
"""

from __future__ import annotations

from collections import defaultdict

from meetsolver import Assignment, Instance, Mode


def first_fit(instance: Instance) -> list[Assignment]:
    busy: dict[int, set[int]] = defaultdict(set)  # participant -> slots
    count: dict[int, int] = defaultdict(int)
    tables_used: dict[int, set[int]] = defaultdict(set)  # slot -> table indices
    rooms_used: dict[int, int] = defaultdict(int)  # slot -> rooms taken
    reserved = {p.reserved_table for p in instance.participants if p.reserved_table is not None}
    shared_tables = [t for t in range(instance.tables) if t not in reserved]
    order = sorted(
        range(len(instance.requests)),
        key=lambda r: (not instance.requests[r].required, -instance.requests[r].weight, r),
    )
    out: list[Assignment] = []
    for r in order:
        req = instance.requests[r]
        if req.after:
            continue  # ordered meetings are left to the solver
        people = [instance.participants[p] for p in req.participants]
        if any(
            p.max_meetings is not None and count[i] >= p.max_meetings
            for i, p in zip(req.participants, people, strict=True)
        ):
            continue
        may_online = req.online is not False and all(p.mode != Mode.ONSITE for p in people)
        may_onsite = req.online is not True and all(p.mode != Mode.ONLINE for p in people)
        own = next((p.reserved_table for p in people if p.reserved_table is not None), None)
        for s in instance.allowed_slots(r):
            if any(s in busy[p] for p in req.participants):
                continue
            table = room = None
            if may_onsite:
                if own is not None:
                    table = own if own not in tables_used[s] else None
                else:
                    table = next((t for t in shared_tables if t not in tables_used[s]), None)
            if table is None and may_online and rooms_used[s] < instance.online_rooms:
                room = rooms_used[s]
            if table is None and room is None:
                continue
            if table is not None:
                tables_used[s].add(table)
            else:
                rooms_used[s] += 1
            for p in req.participants:
                busy[p].add(s)
                count[p] += 1
            out.append(Assignment(request=r, slot=s, table=table, room=room))
            break
    return out
