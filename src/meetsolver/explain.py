"""Why a wished-for meeting is not in the schedule, in words an organiser can act on.

The reasons are found by looking at the finished schedule, from the most to the least final:
no common free slot at all, a participant whose agenda is full, an on-site/online mismatch,
every common free slot already taken by other meetings, no table left, the required order of
meetings, the fairness bound on breaks, and last the time limit.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from meetsolver.instance import Instance, Mode
from meetsolver.reasons import Reason
from meetsolver.solution import Solution, Status
from meetsolver.verify import evaluate


def explain(instance: Instance, solution: Solution) -> list[tuple[int, Reason]]:
    """(request, reason) for every request the solution leaves out, in request order."""
    held = {a.request: a for a in solution.assignments}
    context = _Context(instance, solution)
    return [(r, context.reason(r)) for r in range(len(instance.requests)) if r not in held]


def _slots(slots: list[int]) -> list[int]:
    """Slot numbers as organisers count them (from 1)."""
    return [s + 1 for s in slots]


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

    def reason(self, r: int) -> Reason:
        inst = self.inst
        req = inst.requests[r]
        people = [inst.participants[p] for p in req.participants]
        who = [p.id for p in people]
        everyone = Reason("both") if len(people) == 2 else Reason("all_of_them")

        allowed = inst.allowed_slots(r)
        if not allowed:
            return self._no_common_slot(r, who)
        for p in people:
            if (
                p.max_meetings is not None
                and self.count[inst.participant_index(p.id)] >= p.max_meetings
            ):
                return Reason("maximum_reached", who=p.id, maximum=p.max_meetings)
        onsite_ok, online_ok, mismatch = self._places_possible(r, people)
        if not onsite_ok and not online_ok:
            return mismatch

        free = [s for s in allowed if not any((p, s) in self.busy for p in req.participants)]
        if not free:
            return Reason("busy_in_every_slot", slots=_slots(allowed))
        with_place = [s for s in free if self._has_place(s, req, onsite_ok, online_ok)]
        if not with_place:
            place = Reason(
                "table"
                if not online_ok
                else ("online_room" if not onsite_ok else "table_and_online_room")
            )
            if len(free) == 1:
                return Reason(
                    "places_taken_in_slot", place=place, everyone=everyone, slot=free[0] + 1
                )
            return Reason("places_taken_in_slots", place=place, n=len(free), everyone=everyone)
        ordered = [s for s in with_place if self._order_ok(r, s)]
        if not ordered:
            return self._order_reason(r, with_place)
        if inst.fairness is not None:
            fair = [s for s in ordered if self._fair_with(r, s)]
            if not fair:
                return Reason(
                    "fairness_bound",
                    everyone=everyone,
                    slots=_slots(ordered),
                    who=who,
                    bound=inst.fairness,
                )
            ordered = fair
        if req.weight == 0:
            return Reason("weight_zero")
        if self.solution.status != Status.OPTIMAL:
            return Reason("time_limit", slots=_slots(ordered))
        return Reason("others_would_move")

    def _no_common_slot(self, r: int, who: list[str]) -> Reason:
        req = self.inst.requests[r]
        if req.fixed_slot is not None:
            away = [
                self.inst.participants[p].id
                for p in req.participants
                if req.fixed_slot in self.inst.participants[p].unavailable
            ]
            if away:
                return Reason(
                    "fixed_slot_unavailable", slot=req.fixed_slot + 1, away=away, count=len(away)
                )
            return Reason(
                "fixed_slot_outside_session",
                slot=req.fixed_slot + 1,
                session=Reason(req.session.value),
            )
        if req.session is not None:
            return Reason("no_common_slot_in_session", who=who, session=Reason(req.session.value))
        return Reason("no_common_slot", who=who)

    def _places_possible(self, r: int, people) -> tuple[bool, bool, Reason]:
        inst, req = self.inst, self.inst.requests[r]
        online_only = [p.id for p in people if p.mode == Mode.ONLINE]
        onsite_only = [p.id for p in people if p.mode == Mode.ONSITE]
        owners = {p.reserved_table for p in people if p.reserved_table is not None}
        onsite_ok = (
            req.online is not True and not online_only and inst.tables > 0 and len(owners) <= 1
        )
        online_ok = req.online is not False and not onsite_only and inst.online_rooms > 0
        if online_only and onsite_only:
            message = Reason(
                "online_and_onsite_only",
                online=online_only,
                onsite=onsite_only,
                count=len(online_only),
            )
        elif online_only and inst.online_rooms == 0:
            message = Reason("online_only_no_rooms", online=online_only, count=len(online_only))
        elif req.online is True and inst.online_rooms == 0:
            message = Reason("must_be_online_no_rooms")
        elif online_only and req.online is False:
            message = Reason(
                "must_be_onsite_but_online_only", online=online_only, count=len(online_only)
            )
        elif onsite_only and req.online is True:
            message = Reason(
                "must_be_online_but_onsite_only", onsite=onsite_only, count=len(onsite_only)
            )
        elif len(owners) > 1:
            owning = [p.id for p in people if p.reserved_table is not None]
            message = Reason("own_reserved_tables", who=owning)
        else:
            message = Reason("no_tables" if inst.online_rooms else "no_tables_no_rooms")
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

    def _order_reason(self, r: int, slots: list[int]) -> Reason:
        inst = self.inst
        befores = sorted(b for b in inst.requests[r].after if b in self.held)
        afters = sorted(q for q in self.successors.get(r, ()) if q in self.held)

        def meetings(requests):
            return [
                Reason("meeting_in_slot", meeting=q + 1, slot=self.held[q].slot + 1)
                for q in requests
            ]

        order = []
        if befores:
            order.append(Reason("order_after", meetings=meetings(befores)))
        if afters:
            order.append(Reason("order_before", meetings=meetings(afters)))
        return Reason("order_kept_nowhere", order=order, slots=_slots(slots))

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
