"""Changes to an already-published schedule.

A previously published meeting counts as *unchanged* when it keeps its slot and its table (or,
online, its slot). Table numbers are given after the slot stage and a meeting that keeps its
slot can always keep its former table (the meetings kept in one slot had distinct tables), so
in the slot stage "unchanged" is "held at the same slot, in the same mode, at the same
reserved table if it uses one", provided that table can still hold it.
"""

from __future__ import annotations

from meetsolver.model.tables import owner_tables, reserved_tables
from meetsolver.solution import Assignment


def add_keep(built, previous: list[Assignment]):
    instance = built.instance
    free = set(range(instance.tables)) - reserved_tables(instance)
    keep = []
    for a in previous:
        if not 0 <= a.request < len(instance.requests):
            continue
        owned = owner_tables(instance, a.request)
        lits = []
        for pl in built.placements[a.request]:
            if pl.slot != a.slot:
                continue
            same_online = a.table is None and pl.online
            same_table = (
                a.table is not None
                and not pl.online
                and ((owned and pl.table == a.table) or (not owned and a.table in free))
            )
            if same_online or same_table:
                lits.append(pl.lit)
        if len(lits) == 1:
            keep.append(lits[0])
        elif lits:
            k = built.model.new_bool_var(f"keep_{a.request}")
            built.model.add(sum(lits) == k)
            keep.append(k)
        else:
            keep.append(0)
    return keep
