"""Why a wished-for meeting is not in the schedule, in words an organiser can act on.

The reasons are found by looking at the finished schedule, from the most to the least final:
no common free slot at all, a participant whose agenda is full, an on-site/online mismatch,
every common free slot already taken by other meetings, no table left, the required order of
meetings, the fairness bound on breaks, and last the time limit.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from meetsolver.instance import Instance, Mode
from meetsolver.solution import Solution, Status
from meetsolver.verify import evaluate


def explain(instance: Instance, solution: Solution) -> list[tuple[int, str]]:
    """(request, reason) for every request the solution leaves out, in request order."""
    held = {a.request: a for a in solution.assignments}
    context = _Context(instance, solution)
    return [(r, context.reason(r)) for r in range(len(instance.requests)) if r not in held]


def _names(ids: list[str]) -> str:
    if len(ids) == 1:
        return ids[0]
    if len(ids) == 2:
        return f"{ids[0]} and {ids[1]}"
    return ", ".join(ids[:-1]) + f" and {ids[-1]}"


def _slots(slots: list[int], limit: int = 8) -> str:
    shown = ", ".join(str(s + 1) for s in slots[:limit])
    return shown + (", …" if len(slots) > limit else "")


class _Context:
    def __init__(self, instance: Instance, solution: Solution) -> None:
        self.inst = instance
        self.solution = solution
        self.held = {a.request: a for a in solution.assignments}
        self.busy: dict[tuple[int, int], int] = {}
        self.count = defaultdict(int)
        self.tables_used: dict[int, set[int]] = defaultdict(set)
        self.rooms_used: dict[int, int] = defaultdict(int)
        for a in solution.assignments:
            for p in instance.requests[a.request].participants:
                self.busy[(p, a.slot)] = a.request
                self.count[p] += 1
            if a.table is not None:
                self.tables_used[a.slot].add(a.table)
            else:
                self.rooms_used[a.slot] += 1
        self.successors: dict[int, list[int]] = defaultdict(list)
        for q, other in enumerate(instance.requests):
            for a in other.after:
                self.successors[a].append(q)
        self.breaks: list[int] | None = None
        self.break_counts: Counter = Counter()
        self.busy_by_participant: dict[int, set[tuple[int, int]]] = defaultdict(set)
        for p, slot in self.busy:
            self.busy_by_participant[p].add((p, slot))
        self.reserved = {
            p.reserved_table for p in instance.participants if p.reserved_table is not None
        }

    def reason(self, r: int) -> str:
        inst = self.inst
        req = inst.requests[r]
        people = [inst.participants[p] for p in req.participants]
        who = _names([p.id for p in people])
        everyone = "both" if len(people) == 2 else "all of them"

        allowed = inst.allowed_slots(r)
        if not allowed:
            return self._no_common_slot(r, who)
        for p in people:
            if (
                p.max_meetings is not None
                and self.count[inst.participant_index(p.id)] >= p.max_meetings
            ):
                return f"{p.id} has reached their maximum of {p.max_meetings} meetings"
        onsite_ok, online_ok, mismatch = self._places_possible(r, people)
        if not onsite_ok and not online_ok:
            return mismatch

        free = [s for s in allowed if not any((p, s) in self.busy for p in req.participants)]
        if not free:
            return (
                "it conflicts with higher-priority meetings: in each common free slot one of them "
                f"already meets someone else (slots {_slots(allowed)})"
            )
        with_place = [s for s in free if self._has_place(s, req, onsite_ok, online_ok)]
        if not with_place:
            places = (
                "table"
                if not online_ok
                else ("online room" if not onsite_ok else "table and online room")
            )
            n = len(free)
            where = (
                f"the slot where {everyone} are free (slot {free[0] + 1})"
                if n == 1
                else f"the {n} slots where {everyone} are free"
            )
            return f"every {places} is taken in {where}"
        ordered = [s for s in with_place if self._order_ok(r, s)]
        if not ordered:
            return self._order_reason(r, with_place)
        if inst.fairness is not None:
            fair = [s for s in ordered if self._fair_with(r, s)]
            if not fair:
                return (
                    f"placing it in any slot where {everyone} are free (slots {_slots(ordered)}) would "
                    f"push the breaks of {who} beyond the fairness bound of {inst.fairness} between participants"
                )
            ordered = fair
        if req.weight == 0:
            return "its weight is 0: it adds nothing to the schedule, so the solver left it out"
        if self.solution.status != Status.OPTIMAL:
            return (
                f"the search stopped at its time limit before placing it (slots {_slots(ordered)} "
                "were still possible); give the solver more time"
            )
        return "placing it would need other meetings to move, which would lower the total weight or add breaks"

    def _no_common_slot(self, r: int, who: str) -> str:
        req = self.inst.requests[r]
        if req.fixed_slot is not None:
            away = [
                self.inst.participants[p].id
                for p in req.participants
                if req.fixed_slot in self.inst.participants[p].unavailable
            ]
            if away:
                return f"it is fixed to slot {req.fixed_slot + 1}, where {_names(away)} {'is' if len(away) == 1 else 'are'} not available"
            return f"it is fixed to slot {req.fixed_slot + 1}, which is not in the {req.session.value} session it asks for"
        if req.session is not None:
            return f"{who} have no common free slot in the {req.session.value} session"
        return f"{who} have no common free slot"

    def _places_possible(self, r: int, people) -> tuple[bool, bool, str]:
        inst, req = self.inst, self.inst.requests[r]
        online_only = [p.id for p in people if p.mode == Mode.ONLINE]
        onsite_only = [p.id for p in people if p.mode == Mode.ONSITE]
        owners = {p.reserved_table for p in people if p.reserved_table is not None}
        onsite_ok = (
            req.online is not True and not online_only and inst.tables > 0 and len(owners) <= 1
        )
        online_ok = req.online is not False and not onsite_only and inst.online_rooms > 0
        if online_only and onsite_only:
            message = f"{_names(online_only)} meet{'s' if len(online_only) == 1 else ''} only online and {_names(onsite_only)} only on site"
        elif online_only and inst.online_rooms == 0:
            message = f"{_names(online_only)} meet{'s' if len(online_only) == 1 else ''} only online and the event has no online rooms"
        elif req.online is True and inst.online_rooms == 0:
            message = "it must be online and the event has no online rooms"
        elif online_only and req.online is False:
            message = f"it must be on site but {_names(online_only)} meet{'s' if len(online_only) == 1 else ''} only online"
        elif onsite_only and req.online is True:
            message = f"it must be online but {_names(onsite_only)} meet{'s' if len(onsite_only) == 1 else ''} only on site"
        elif len(owners) > 1:
            message = f"{_names([p.id for p in people if p.reserved_table is not None])} each meet at their own reserved table"
        else:
            message = "the event has no tables" + (
                " and no online rooms" if inst.online_rooms == 0 else ""
            )
        return onsite_ok, online_ok, message

    def _has_place(self, s: int, req, onsite_ok: bool, online_ok: bool) -> bool:
        inst = self.inst
        if online_ok and self.rooms_used[s] < inst.online_rooms:
            return True
        if not onsite_ok:
            return False
        used = self.tables_used[s]
        own = [
            inst.participants[p].reserved_table
            for p in req.participants
            if inst.participants[p].reserved_table is not None
        ]
        if own:
            return any(t not in used for t in own)
        return len(used - self.reserved) < inst.tables - len(self.reserved)

    def _order_ok(self, r: int, s: int) -> bool:
        inst = self.inst
        for before in inst.requests[r].after:
            a = self.held.get(before)
            if a is not None and a.slot >= s:
                return False
        for q in self.successors.get(r, ()):
            a = self.held.get(q)
            if a is not None and a.slot <= s:
                return False
        return True

    def _order_reason(self, r: int, slots: list[int]) -> str:
        inst = self.inst
        befores = sorted(b for b in inst.requests[r].after if b in self.held)
        afters = sorted(q for q in self.successors.get(r, ()) if q in self.held)
        parts = []
        if befores:
            parts.append(
                "after "
                + _names([f"meeting {b + 1} (slot {self.held[b].slot + 1})" for b in befores])
            )
        if afters:
            parts.append(
                "before "
                + _names([f"meeting {q + 1} (slot {self.held[q].slot + 1})" for q in afters])
            )
        return f"it must come {' and '.join(parts)}, and none of its free slots ({_slots(slots)}) keeps that order"

    def _fair_with(self, r: int, s: int) -> bool:
        """Would the breaks stay within the fairness bound with request r added in slot s?"""
        if self.breaks is None:
            self.breaks = evaluate(self.inst, self.solution.assignments)["breaks_per_participant"]
            self.break_counts = Counter(self.breaks)
        members = self.inst.requests[r].participants
        counts = self.break_counts.copy()
        for p in members:
            counts[self.breaks[p]] -= 1
            counts[self._breaks_of(p, extra=s)] += 1
        present = [b for b, c in counts.items() if c > 0]
        return max(present) - min(present) <= self.inst.fairness

    def _breaks_of(self, p: int, extra: int) -> int:
        day_of = self.inst.slots
        taken = sorted({s for (q, s) in self.busy_by_participant[p]} | {extra})
        return sum(
            1
            for a, b in zip(taken, taken[1:], strict=False)
            if day_of[a].day == day_of[b].day and b - a > 1
        )
