"""A constructive schedule for large events, in seconds: the starting point of the LNS.

Requests are taken in priority order — required first (fewest possible slots first), then
those of participants who need a minimum number of meetings, then the optional ones by weight
(highest first) and scarcity (fewest possible slots first) — and each goes to the slot that adds
the fewest breaks for its participants (next to their meetings of that day), then the fewest new
blocks of meetings, then the earliest. Every hard constraint is kept while placing: unavailable
slots, sessions, fixed slots, precedences, one meeting per participant and slot, free tables,
reserved tables and online rooms per slot, modes, maximum numbers of meetings, and fairness
(nobody gets more than ``fairness`` breaks, so any two participants differ by at most that).
Table numbers are given afterwards slot by slot, a participant keeping their table across
consecutive meetings where it is free.

Minimum numbers of meetings are favoured, not guaranteed; :func:`missing` says what a
constructed schedule still lacks.
"""

from __future__ import annotations

from meetsolver.instance import Instance
from meetsolver.model.slots import modes
from meetsolver.model.tables import assign_numbers, owner_tables, reserved_tables
from meetsolver.reasons import Reason
from meetsolver.solution import Assignment

# One placed meeting: (slot, online, reserved table or None).
Place = tuple[int, bool, int | None]
DENSE = 0.75  # requests per participant, as a share of the slots, from which an event is dense
MATCHING_NODES = 250  # above this, slot by slot matchings are greedy instead of maximum


class Schedule:
    """Placed meetings with the per-participant and per-slot usage the checks need."""

    def __init__(self, instance: Instance) -> None:
        inst = self.instance = instance
        n, m = len(inst.participants), inst.n_slots
        self.day = [s.day for s in inst.slots]
        self.prev = [s - 1 if s > 0 and self.day[s - 1] == self.day[s] else -1 for s in range(m)]
        self.next = [
            s + 1 if s + 1 < m and self.day[s + 1] == self.day[s] else -1 for s in range(m)
        ]
        self.busy = [bytearray(m) for _ in range(n)]
        self.count = [0] * n
        self.place: dict[int, Place] = {}
        self.free_tables = inst.tables - len(reserved_tables(inst))
        self.tables_used = [0] * m
        self.owned_used: set[tuple[int, int]] = set()
        self.rooms_used = [0] * m
        self.allowed = [inst.allowed_slots(r) for r in range(len(inst.requests))]
        self.modes = [modes(inst, r)[0] for r in range(len(inst.requests))]
        self.owners = [sorted(owner_tables(inst, r)) for r in range(len(inst.requests))]
        self.successors: list[list[int]] = [[] for _ in inst.requests]
        for r, req in enumerate(inst.requests):
            for a in req.after:
                self.successors[a].append(r)
        self.cap = inst.fairness if inst.fairness is not None else m
        self.maximum = [
            p.max_meetings if p.max_meetings is not None else m for p in inst.participants
        ]
        self.breaks = [0] * n

    # -- queries ---------------------------------------------------------------------------
    def participant_breaks(self, p: int) -> int:
        busy, breaks = self.busy[p], 0
        for s in range(len(busy)):
            if busy[s] and self.prev[s] >= 0 and not busy[self.prev[s]]:
                # A block starting after an idle slot of the same day: a break when an earlier
                # slot of that day is busy.
                t = self.prev[s]
                while t >= 0 and not busy[t]:
                    t = self.prev[t]
                if t >= 0:
                    breaks += 1
        return breaks

    def delta_breaks(self, p: int, s: int) -> tuple[int, int]:
        """(breaks added, blocks added) when p meets in slot s."""
        busy = self.busy[p]
        left = self.prev[s] >= 0 and busy[self.prev[s]]
        right = self.next[s] >= 0 and busy[self.next[s]]
        blocks = 1 - left - right
        if blocks < 1:
            return blocks, blocks
        # A new block is a break only when the day already has a meeting.
        t = self.prev[s]
        while t >= 0:
            if busy[t]:
                return 1, 1
            t = self.prev[t]
        t = self.next[s]
        while t >= 0:
            if busy[t]:
                return 1, 1
            t = self.next[t]
        return 0, 1

    def where(self, r: int, s: int) -> tuple[bool, int | None] | None:
        """A free place (online, reserved table) for request r in slot s, on site first."""
        for online in sorted(self.modes[r]):
            if online:
                if self.rooms_used[s] < self.instance.online_rooms:
                    return True, None
            elif self.owners[r]:
                for t in self.owners[r]:
                    if (s, t) not in self.owned_used:
                        return False, t
            elif self.tables_used[s] < self.free_tables:
                return False, None
        return None

    def best_slot(
        self, r: int, *, cap: bool = True, slots: list[int] | None = None
    ) -> tuple[tuple, Place] | None:
        people = self.instance.requests[r].participants
        if any(self.count[p] >= self.maximum[p] for p in people):
            return None
        low, high = -1, self.instance.n_slots
        for a in self.instance.requests[r].after:
            if a in self.place:
                low = max(low, self.place[a][0])
        for q in self.successors[r]:
            if q in self.place:
                high = min(high, self.place[q][0])
        best = None
        for s in self.allowed[r] if slots is None else slots:
            if not low < s < high or any(self.busy[p][s] for p in people):
                continue
            added = blocks = 0
            ok = True
            for p in people:
                db, dk = self.delta_breaks(p, s)
                if cap and db > 0 and self.breaks[p] + db > self.cap:
                    ok = False
                    break
                added += db
                blocks += dk
            if not ok:
                continue
            key = (added, blocks, s)
            if best is not None and key >= best[0]:
                continue
            spot = self.where(r, s)
            if spot is not None:
                best = (key, (s, spot[0], spot[1]))
        return best

    # -- changes ---------------------------------------------------------------------------
    def add(self, r: int, place: Place) -> None:
        s, online, table = place
        for p in self.instance.requests[r].participants:
            db, _ = self.delta_breaks(p, s)
            self.breaks[p] += db
            self.busy[p][s] = 1
            self.count[p] += 1
        if online:
            self.rooms_used[s] += 1
        elif table is not None:
            self.owned_used.add((s, table))
        else:
            self.tables_used[s] += 1
        self.place[r] = place

    def remove(self, r: int) -> Place:
        s, online, table = place = self.place.pop(r)
        for p in self.instance.requests[r].participants:
            self.busy[p][s] = 0
            self.count[p] -= 1
            db, _ = self.delta_breaks(p, s)
            self.breaks[p] -= db
        if online:
            self.rooms_used[s] -= 1
        elif table is not None:
            self.owned_used.discard((s, table))
        else:
            self.tables_used[s] -= 1
        return place

    def assignments(self, previous: list[Assignment] | None = None) -> list[Assignment]:
        chosen = [(r, s, online, t) for r, (s, online, t) in self.place.items()]
        return assign_numbers(self.instance, chosen, previous)[0]

    @classmethod
    def of(cls, instance: Instance, assignments: list[Assignment]) -> Schedule:
        """The schedule of existing assignments (assumed valid)."""
        sched = cls(instance)
        reserved = reserved_tables(instance)
        for a in assignments:
            online = a.table is None
            table = a.table if a.table in reserved else None
            sched.add(a.request, (a.slot, online, table))
        return sched


def construct(instance: Instance, *, previous: list[Assignment] | None = None) -> list[Assignment]:
    """A schedule keeping every hard constraint (see the module docstring), tables included."""
    return build_schedule(instance, previous=previous).assignments(previous)


def build_schedule(instance: Instance, *, previous: list[Assignment] | None = None) -> Schedule:
    """The best of the orders of :func:`_build`; slot by slot only for dense events, where
    participants ask for most of the slots."""
    requests = sum(len(req.participants) for req in instance.requests)
    dense = requests >= DENSE * instance.n_slots * max(1, len(instance.participants))
    best = None
    for mode in ("capped", "trimmed", "chronological") if dense else ("capped", "trimmed"):
        sched = _build(instance, previous, mode)
        if best is None or _rank(sched, previous) > _rank(best, previous):
            best = sched
    return best


def _rank(sched: Schedule, previous: list[Assignment] | None) -> tuple:
    """Hard constraints kept first, then published meetings kept, weight, fewer breaks."""
    inst = sched.instance
    required = sum(1 for r in sched.place if inst.requests[r].required)
    fair = (
        inst.fairness is None
        or max(sched.breaks, default=0) - min(sched.breaks, default=0) <= inst.fairness
    )
    minimums = sum(
        1 for p, part in enumerate(inst.participants) if sched.count[p] >= part.min_meetings
    )
    kept = sum(1 for a in previous or [] if sched.place.get(a.request, (None,))[0] == a.slot)
    weight = sum(inst.requests[r].weight for r in sched.place if not inst.requests[r].required)
    return (required, fair, minimums, kept, weight, -sum(sched.breaks))


def _build(instance: Instance, previous, mode: str) -> Schedule:
    """``capped``: nobody ever passes the fairness cap; ``trimmed``: first without the cap,
    then the smallest blocks of meetings of those above it are taken out and the rest placed
    with the cap; ``chronological``: the optional requests slot by slot (dense events)."""
    sched = Schedule(instance)
    if previous:
        _keep_previous(sched, previous)
    needy = {p for p, part in enumerate(instance.participants) if part.min_meetings}

    def priority(r: int) -> tuple:
        req = instance.requests[r]
        return (
            not req.required,
            not needy.intersection(req.participants),
            -req.weight,
            len(sched.allowed[r]),
            r,
        )

    order = [
        r
        for r in sorted(range(len(instance.requests)), key=priority)
        if r not in sched.place and sched.allowed[r] and sched.modes[r]
    ]
    later = []
    for r in order:
        if mode == "chronological" and priority(r)[:2] == (True, True):
            later.append(r)
            continue
        best = sched.best_slot(r, cap=mode == "capped")
        if best is None and instance.requests[r].required:
            best = sched.best_slot(r, cap=False)  # fairness is checked by the caller
        if best is not None:
            sched.add(r, best[1])
    if later:
        _chronological(sched, later)
    if mode == "trimmed":
        _trim(sched)
        for r in order:
            if r not in sched.place:
                best = sched.best_slot(r)
                if best is not None:
                    sched.add(r, best[1])
    return sched


def _trim(sched: Schedule) -> None:
    """Take out blocks of meetings (lightest first, never a required one) until nobody has
    more breaks than the cap."""
    inst = sched.instance
    todo = [p for p, b in enumerate(sched.breaks) if b > sched.cap]
    while todo:
        p = todo.pop()
        while sched.breaks[p] > sched.cap:
            at = {sched.place[r][0]: r for r in inst.requests_of(p) if r in sched.place}
            blocks: dict[int, list[list[int]]] = {}
            for s in sorted(at):
                day = blocks.setdefault(sched.day[s], [])
                if day and day[-1][-1] == sched.prev[s]:
                    day[-1].append(s)
                else:
                    day.append([s])
            candidates = [
                [at[s] for s in block]
                for day in blocks.values()
                if len(day) > 1
                for block in day
                if not any(inst.requests[at[s]].required for s in block)
            ]
            if not candidates:
                break
            cheapest = min(
                candidates, key=lambda rs: (sum(inst.requests[r].weight for r in rs), len(rs))
            )
            for r in cheapest:
                sched.remove(r)
                for q in inst.requests[r].participants:
                    if q != p and sched.breaks[q] > sched.cap:
                        todo.append(q)


def _chronological(sched: Schedule, later: list[int]) -> None:
    """Slot by slot in time order: a maximum matching (of largest weight among those) of the
    pairs that can still meet there, then the group meetings that fit."""
    import networkx as nx

    instance = sched.instance
    allowed = [set(sched.allowed[r]) for r in range(len(instance.requests))]
    busy, people = sched.busy, [req.participants for req in instance.requests]
    for s in range(instance.n_slots):
        one = [s]
        graph = nx.Graph()
        groups = []
        for r in later:
            if r in sched.place or s not in allowed[r] or any(busy[p][s] for p in people[r]):
                continue
            if len(people[r]) > 2:
                groups.append(r)
            elif sched.best_slot(r, slots=one) is not None:
                a, b = people[r]
                w = instance.requests[r].weight + 1
                if not graph.has_edge(a, b) or graph[a][b]["weight"] < w:
                    graph.add_edge(a, b, weight=w, request=r)
        if graph.number_of_nodes() <= MATCHING_NODES:
            matching = nx.max_weight_matching(graph, maxcardinality=True)
        else:  # cubic time: greedy matching, heaviest first
            matching, taken = [], set()
            for a, b, _w in sorted(graph.edges(data="weight"), key=lambda e: -e[2]):
                if a not in taken and b not in taken:
                    matching.append((a, b))
                    taken.update((a, b))
        pairs = sorted(
            (graph[a][b]["request"] for a, b in matching),
            key=lambda r: (-instance.requests[r].weight, r),
        )
        for r in pairs + groups:
            best = sched.best_slot(r, slots=one)
            if best is not None:
                sched.add(r, best[1])


def _keep_previous(sched: Schedule, previous: list[Assignment]) -> None:
    """Published meetings stay where they were when that still keeps every constraint."""
    inst = sched.instance
    reserved = reserved_tables(inst)
    for a in sorted(previous, key=lambda a: a.slot):
        r = a.request
        if not 0 <= r < len(inst.requests) or r in sched.place or a.slot not in sched.allowed[r]:
            continue
        people = inst.requests[r].participants
        if any(sched.busy[p][a.slot] or sched.count[p] >= sched.maximum[p] for p in people):
            continue
        if any(b in sched.place and sched.place[b][0] >= a.slot for b in inst.requests[r].after):
            continue
        if any(q in sched.place and sched.place[q][0] <= a.slot for q in sched.successors[r]):
            continue
        if any(sched.breaks[p] + sched.delta_breaks(p, a.slot)[0] > sched.cap for p in people):
            continue
        online = a.table is None
        spot = sched.where(r, a.slot)
        if spot is None or spot[0] != online:
            continue
        table = spot[1]
        if not online and sched.owners[r]:
            if a.table not in sched.owners[r] or (a.slot, a.table) in sched.owned_used:
                continue
            table = a.table
        elif not online and a.table in reserved:
            continue
        sched.add(r, (a.slot, online, table))


def missing(instance: Instance, assignments: list[Assignment]) -> list[Reason]:
    """Hard constraints a constructed schedule may miss: required meetings, minimums, fairness."""
    from meetsolver.verify import evaluate

    held = {a.request for a in assignments}
    out = [
        Reason("required_not_scheduled", number=r + 1)
        for r, req in enumerate(instance.requests)
        if req.required and r not in held
    ]
    values = evaluate(instance, assignments)
    for p, part in enumerate(instance.participants):
        if values["meetings_per_participant"][p] < part.min_meetings:
            out.append(Reason("fewer_than_minimum", who=part.id, n=part.min_meetings))
    breaks = values["breaks_per_participant"]
    if instance.fairness is not None and breaks and max(breaks) - min(breaks) > instance.fairness:
        out.append(Reason("fairness_exceeded"))
    return out
