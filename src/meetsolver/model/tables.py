"""Tables: reserved tables in the slot stage, table numbers after it.

A participant's reserved table (their booth) holds all their on-site meetings, and only
meetings of its owner(s). The other tables are interchangeable, so the slot stage only
limits their number per slot; table numbers are given afterwards, slot by slot.

A *table change* is counted for a participant each time two consecutive on-site meetings of
theirs on the same day take place at different tables.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from meetsolver.instance import Instance
from meetsolver.solution import Assignment


def reserved_tables(instance: Instance) -> set[int]:
    return {p.reserved_table for p in instance.participants if p.reserved_table is not None}


def owner_tables(instance: Instance, request: int) -> set[int]:
    req = instance.requests[request]
    return {
        instance.participants[p].reserved_table
        for p in req.participants
        if instance.participants[p].reserved_table is not None
    }


def table_changes(instance: Instance, assignments: list[Assignment]) -> int:
    day = [s.day for s in instance.slots]
    per_participant: dict[int, list[tuple[int, int | None]]] = {}
    for a in assignments:
        for p in instance.requests[a.request].participants:
            per_participant.setdefault(p, []).append((a.slot, a.table))
    changes = 0
    for seq in per_participant.values():
        seq.sort()
        for (s1, t1), (s2, t2) in zip(seq, seq[1:], strict=False):
            if day[s1] == day[s2] and t1 is not None and t2 is not None and t1 != t2:
                changes += 1
    return changes


def assign_numbers(
    instance: Instance,
    chosen: list[tuple[int, int, bool, int | None]],
    previous: list[Assignment] | None = None,
    *,
    optimise_seconds: float = 0.0,
    workers: int = 2,
) -> tuple[list[Assignment], bool]:
    """Give table (or online room) numbers to ``(request, slot, online, reserved table)``.

    Greedy first, slot by slot in time order: a meeting keeps its previously published table
    when it kept its slot, else takes a table one of its participants just used, else the first
    free one. With ``optimise_seconds`` > 0, a CP-SAT model then minimises table changes
    (keeping unchanged published meetings where they were). Returns the assignments and
    whether the table changes were proven minimal.
    """
    free = sorted(set(range(instance.tables)) - reserved_tables(instance))
    prev_of = {(a.request, a.slot): a for a in (previous or [])}
    by_slot: dict[int, list[tuple[int, bool, int | None]]] = {}
    for r, s, online, t in chosen:
        by_slot.setdefault(s, []).append((r, online, t))
    last_table: dict[int, int] = {}
    out: list[Assignment] = []
    for s in sorted(by_slot):
        rooms = iter(range(instance.online_rooms))
        taken: set[int] = set()
        pending = []
        for r, online, t in by_slot[s]:
            if online:
                out.append(Assignment(r, s, None, next(rooms)))
            elif t is not None:
                out.append(Assignment(r, s, t))
            else:
                pending.append(r)
        # Previously published table first, then a participant's last table, then any.
        placed: dict[int, int] = {}
        for r in pending:
            old = prev_of.get((r, s))
            if old is not None and old.table in free and old.table not in taken:
                placed[r] = old.table
                taken.add(old.table)
        for r in pending:
            if r in placed:
                continue
            for p in instance.requests[r].participants:
                t = last_table.get(p)
                if t is not None and t in free and t not in taken:
                    placed[r] = t
                    taken.add(t)
                    break
        spare = iter(t for t in free if t not in taken)
        for r in pending:
            if r not in placed:
                placed[r] = next(spare)
        for r in pending:
            out.append(Assignment(r, s, placed[r]))
        for a in out:
            if a.slot == s and a.table is not None:
                for p in instance.requests[a.request].participants:
                    last_table[p] = a.table
    if optimise_seconds <= 0 or not free:
        return sorted(out, key=lambda a: (a.slot, a.request)), False
    return _optimise(instance, out, free, prev_of, optimise_seconds, workers)


def _optimise(instance, greedy, free, prev_of, seconds, workers):
    model = cp_model.CpModel()
    movable = [
        a for a in greedy if a.table is not None and a.table in free and not _owned(instance, a)
    ]
    fixed = [a for a in greedy if a not in movable]
    y = {}
    for a in movable:
        old = prev_of.get((a.request, a.slot))
        keep = old is not None and old.table in free
        options = [old.table] if keep else free
        for t in options:
            y[a.request, t] = model.new_bool_var(f"y_{a.request}_{t}")
            model.add_hint(y[a.request, t], a.table == t)
        model.add_exactly_one(y[a.request, t] for t in options)
    per_slot: dict[tuple[int, int], list] = {}
    for (r, t), lit in y.items():
        s = next(a.slot for a in movable if a.request == r)
        per_slot.setdefault((s, t), []).append(lit)
    for lits in per_slot.values():
        if len(lits) > 1:
            model.add_at_most_one(lits)
    day = [s.day for s in instance.slots]
    seqs: dict[int, list[Assignment]] = {}
    for a in movable + fixed:
        if a.table is None:
            continue
        for p in instance.requests[a.request].participants:
            seqs.setdefault(p, []).append(a)
    table_of = {a.request: a.table for a in fixed}
    changes = []
    for seq in seqs.values():
        seq.sort(key=lambda a: a.slot)
        for a1, a2 in zip(seq, seq[1:], strict=False):
            if day[a1.slot] != day[a2.slot]:
                continue
            same = model.new_bool_var("")
            both = []
            for t in range(instance.tables):
                l1 = y.get((a1.request, t), 1 if table_of.get(a1.request) == t else 0)
                l2 = y.get((a2.request, t), 1 if table_of.get(a2.request) == t else 0)
                if isinstance(l1, int) and isinstance(l2, int):
                    both.append(l1 & l2)
                elif not (isinstance(l1, int) and l1 == 0) and not (
                    isinstance(l2, int) and l2 == 0
                ):
                    both.append((l1, l2))
            if any(b == 1 for b in both if isinstance(b, int)):
                continue
            ors = []
            for b in both:
                if isinstance(b, tuple):
                    z = model.new_bool_var("")
                    for v in b:
                        if not isinstance(v, int):
                            model.add_implication(z, v)
                    ors.append(z)
            model.add(sum(ors) >= same) if ors else model.add(same == 0)
            changes.append(1 - same)
    model.minimize(sum(changes))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return sorted(greedy, key=lambda a: (a.slot, a.request)), False
    out = list(fixed)
    for a in movable:
        t = next(
            t
            for t in range(instance.tables)
            if (a.request, t) in y and solver.value(y[a.request, t])
        )
        out.append(Assignment(a.request, a.slot, t))
    return sorted(out, key=lambda a: (a.slot, a.request)), status == cp_model.OPTIMAL


def _owned(instance: Instance, a: Assignment) -> bool:
    return bool(owner_tables(instance, a.request))
