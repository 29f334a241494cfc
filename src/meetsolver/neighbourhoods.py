"""One LNS step: a small CP-SAT model of the requests of a few freed participants.

Every request with a freed participant is free again (held or not); every other meeting stays
where it is. The sub-model keeps every hard constraint against the fixed rest (busy slots,
tables, reserved tables and online rooms left per slot, maximum and minimum numbers of meetings,
precedences, fairness against the break counts of the unaffected participants) and maximises,
lexicographically, published meetings kept (with ``previous``), the weight held, then minus the
breaks of the affected participants.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from meetsolver.construct import Place, Schedule
from meetsolver.model.fairness import upper_bound


@dataclass
class SubModel:
    model: cp_model.CpModel
    requests: list[int]
    lits: dict[int, list[tuple[Place, cp_model.IntVar]]]
    affected: list[int]


def free_requests(sched: Schedule, freed: set[int], window: set[int] | None = None) -> list[int]:
    """Requests of the freed participants, held or not; with a window of slots, only those
    held in the window or not held."""
    inst = sched.instance
    out: set[int] = set()
    for p in freed:
        for r in inst.requests_of(p):
            if not sched.allowed[r] or not sched.modes[r]:
                continue
            if window is None or r not in sched.place or sched.place[r][0] in window:
                out.add(r)
    return sorted(out)


def build_sub(
    sched: Schedule, requests: list[int], previous: dict[int, int], window: set[int] | None = None
) -> SubModel:
    """The sub-model; ``sched`` must have the freed requests removed already."""
    inst = sched.instance
    model = cp_model.CpModel()
    free = set(requests)
    lits: dict[int, list[tuple[Place, cp_model.IntVar]]] = {}
    per_ps: dict[tuple[int, int], list] = {}
    tables: dict[int, list] = {}
    owned: dict[tuple[int, int], list] = {}
    rooms: dict[int, list] = {}
    affected = sorted({p for r in requests for p in inst.requests[r].participants})
    for r in requests:
        req = inst.requests[r]
        low, high = -1, inst.n_slots
        for a in req.after:
            if a in sched.place:
                low = max(low, sched.place[a][0])
        for q in sched.successors[r]:
            if q in sched.place:
                high = min(high, sched.place[q][0])
        out = []
        for s in sched.allowed[r]:
            if window is not None and s not in window:
                continue
            if not low < s < high or any(sched.busy[p][s] for p in req.participants):
                continue
            for online in sched.modes[r]:
                if online:
                    if sched.rooms_used[s] >= inst.online_rooms:
                        continue
                    options = [None]
                elif sched.owners[r]:
                    options = [t for t in sched.owners[r] if (s, t) not in sched.owned_used]
                else:
                    if sched.tables_used[s] >= sched.free_tables:
                        continue
                    options = [None]
                for t in options:
                    lit = model.new_bool_var("")
                    out.append(((s, online, t), lit))
                    for p in req.participants:
                        per_ps.setdefault((p, s), []).append(lit)
                    if online:
                        rooms.setdefault(s, []).append(lit)
                    elif t is not None:
                        owned.setdefault((s, t), []).append(lit)
                    else:
                        tables.setdefault(s, []).append(lit)
        lits[r] = out
        held = [lit for _, lit in out]
        if req.required:
            model.add_exactly_one(held)
        elif len(held) > 1:
            model.add_at_most_one(held)
    for group in per_ps.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    for s, group in tables.items():
        left = sched.free_tables - sched.tables_used[s]
        if len(group) > left:
            model.add(sum(group) <= left)
    for group in owned.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    for s, group in rooms.items():
        left = inst.online_rooms - sched.rooms_used[s]
        if len(group) > left:
            model.add(sum(group) <= left)
    _precedences(sched, model, lits, free)
    held_of = {r: sum(lit for _, lit in lits[r]) for r in requests}
    for p in affected:
        part = inst.participants[p]
        mine = [held_of[r] for r in inst.requests_of(p) if r in free]
        if part.max_meetings is not None:
            model.add(sum(mine) <= part.max_meetings - sched.count[p])
        if part.min_meetings > sched.count[p]:
            model.add(sum(mine) >= part.min_meetings - sched.count[p])
    breaks = {p: _breaks(sched, model, p, per_ps) for p in affected}
    _fairness(sched, model, breaks)
    weight = sum(
        inst.requests[r].weight * held_of[r] for r in requests if not inst.requests[r].required
    )
    scale_breaks = len(affected) * upper_bound(inst) + 1
    objective = scale_breaks * weight - sum(breaks.values())
    if previous:
        kept = [
            lit for r in requests if r in previous for (s, _, _), lit in lits[r] if s == previous[r]
        ]
        top = scale_breaks * (sum(inst.requests[r].weight for r in requests) + 1)
        objective += top * sum(kept)
    model.maximize(objective)
    return SubModel(model, requests, lits, affected)


def _precedences(sched: Schedule, model, lits, free: set[int]) -> None:
    inst = sched.instance
    for r in free:
        for a in inst.requests[r].after:
            if a not in free:
                continue
            for (s, _, _), x in lits[r]:
                for (t, _, _), y in lits[a]:
                    if t >= s:
                        model.add_bool_or([x.Not(), y.Not()])


def _breaks(sched: Schedule, model, p: int, per_ps) -> cp_model.LinearExprT:
    """Exact breaks of p: blocks minus one per day with a meeting."""
    total = 0
    days: dict[int, list[int]] = {}
    for s, d in enumerate(sched.day):
        days.setdefault(d, []).append(s)
    for slots in days.values():
        busy = []
        for s in slots:
            if sched.busy[p][s]:
                busy.append(1)
            elif (p, s) in per_ps:
                group = per_ps[p, s]
                if len(group) == 1:
                    busy.append(group[0])
                else:
                    b = model.new_bool_var("")
                    model.add(sum(group) == b)
                    busy.append(b)
            else:
                busy.append(0)
        if all(isinstance(b, int) for b in busy):
            total += _const_breaks(busy)
            continue
        starts = []
        for i, b in enumerate(busy):
            before = busy[i - 1] if i else 0
            if isinstance(b, int) and isinstance(before, int):
                starts.append(int(b and not before))
            elif isinstance(b, int) and b == 0 or isinstance(before, int) and before == 1:
                continue
            else:
                st = model.new_bool_var("")
                model.add(st >= b - before)
                model.add(st <= b)
                model.add(st <= 1 - before)
                starts.append(st)
        if any(isinstance(b, int) and b for b in busy):
            any_day = 1
        else:
            any_day = model.new_bool_var("")
            model.add_max_equality(any_day, [b for b in busy if not isinstance(b, int)])
        total += sum(starts) - any_day
    return total


def _const_breaks(busy: list[int]) -> int:
    starts = sum(1 for i, b in enumerate(busy) if b and (i == 0 or not busy[i - 1]))
    return max(0, starts - 1)


def _fairness(sched: Schedule, model, breaks: dict) -> None:
    d = sched.instance.fairness
    if d is None:
        return
    others = [b for p, b in enumerate(sched.breaks) if p not in breaks]
    ub = upper_bound(sched.instance)
    lo, hi = model.new_int_var(0, ub, ""), model.new_int_var(0, ub, "")
    model.add(hi - lo <= d)
    if others:
        model.add(lo <= min(others))
        model.add(hi >= max(others))
    for expr in breaks.values():
        model.add(expr >= lo)
        model.add(expr <= hi)
