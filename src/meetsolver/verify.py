"""An independent check of a schedule against the problem statement.

This module is written from the problem's definition alone and shares no code with the model
builder: when the model and this checker disagree, one of them misread the problem. Messages
speak 1-based (request 3, slot 5, table 2), like the files and the people reading them.

Semantics pinned down here (and in docs/meetsolver.md):
- a break is a maximal run of idle slots strictly between two meetings of one participant on the
  same day; a run of several idle slots counts once;
- fairness d: the break counts of any two participants of the instance differ by at most d;
- ``after``: when a request and one of its predecessors are both placed, the predecessor's slot
  is strictly earlier (an unplaced optional predecessor does not bind);
- reserved tables: an on-site meeting with a table owner takes place at an owner's table (when
  two owners meet, at either one's), and no meeting without an owner of a table is held there;
- a table change: two consecutive meetings of one participant on the same day, both on site,
  at different tables (an online meeting in between means they left the table anyway).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from meetsolver.instance import Instance, Mode
from meetsolver.solution import Assignment, Solution, Status


def evaluate(instance: Instance, assignments: Iterable[Assignment]) -> dict:
    """Recompute every objective value of a set of assignments (assumed each request once)."""
    placed = {a.request: a for a in assignments if 0 <= a.request < len(instance.requests)}
    n = len(instance.participants)
    by_participant: list[list[Assignment]] = [[] for _ in range(n)]
    for a in placed.values():
        for p in instance.requests[a.request].participants:
            by_participant[p].append(a)
    breaks = [0] * n
    table_changes = [0] * n
    for p, meetings in enumerate(by_participant):
        per_day: dict[int, list[Assignment]] = defaultdict(list)
        for a in meetings:
            if 0 <= a.slot < instance.n_slots:
                per_day[instance.slots[a.slot].day].append(a)
        for day_meetings in per_day.values():
            day_meetings.sort(key=lambda a: a.slot)
            for prev, nxt in zip(day_meetings, day_meetings[1:], strict=False):
                if nxt.slot - prev.slot > 1:
                    breaks[p] += 1
            for prev, nxt in zip(day_meetings, day_meetings[1:], strict=False):
                if prev.table is not None and nxt.table is not None and prev.table != nxt.table:
                    table_changes[p] += 1
    optional = [r for r in placed if not instance.requests[r].required]
    return {
        "meetings": len(placed),
        "required": sum(1 for r in placed if instance.requests[r].required),
        "optional": len(optional),
        "weight": sum(instance.requests[r].weight for r in optional),
        "weight_all": sum(instance.requests[r].weight for r in placed),
        "breaks": sum(breaks),
        "breaks_per_participant": breaks,
        "fairness_spread": (max(breaks) - min(breaks)) if breaks else 0,
        "table_changes": sum(table_changes),
        "table_changes_per_participant": table_changes,
        "meetings_per_participant": [len(m) for m in by_participant],
    }


def verify(instance: Instance, solution: Solution) -> list[str]:
    """Every hard constraint the solution violates, as sentences; an empty list means valid."""
    errors: list[str] = []
    inst = instance
    n_req, n_slots = len(inst.requests), inst.n_slots
    seen: dict[int, Assignment] = {}
    valid: list[Assignment] = []
    for a in solution.assignments:
        if not 0 <= a.request < n_req:
            errors.append(
                f"an assignment names request {a.request + 1}, which does not exist (requests 1–{n_req})"
            )
            continue
        if a.request in seen:
            errors.append(
                f"request {a.request + 1} is scheduled twice (slots {seen[a.request].slot + 1} and {a.slot + 1})"
            )
            continue
        if not 0 <= a.slot < n_slots:
            errors.append(
                f"request {a.request + 1} is in slot {a.slot + 1}, which does not exist (slots 1–{n_slots})"
            )
            continue
        seen[a.request] = a
        valid.append(a)

    if solution.status in (Status.INFEASIBLE, Status.UNKNOWN) and valid:
        errors.append(
            f"the status is {solution.status.value} but the solution schedules {len(valid)} meetings"
        )
    if solution.status in (Status.OPTIMAL, Status.FEASIBLE):
        for r, req in enumerate(inst.requests):
            if req.required and r not in seen:
                errors.append(f"request {r + 1} ({_names(inst, r)}) is required but not scheduled")

    errors += _check_request_rules(inst, valid, seen)
    errors += _check_participants(inst, valid)
    errors += _check_places(inst, valid)
    errors += _check_reported_objective(inst, solution, valid)
    return errors


def _names(inst: Instance, r: int) -> str:
    return ", ".join(inst.participants[p].id for p in inst.requests[r].participants)


def _check_request_rules(
    inst: Instance, valid: list[Assignment], seen: dict[int, Assignment]
) -> list[str]:
    errors = []
    for a in valid:
        req = inst.requests[a.request]
        r1, s1 = a.request + 1, a.slot + 1
        if req.fixed_slot is not None and a.slot != req.fixed_slot:
            errors.append(
                f"request {r1} is fixed to slot {req.fixed_slot + 1} but placed in slot {s1}"
            )
        if req.session is not None and inst.slots[a.slot].session != req.session:
            errors.append(
                f"request {r1} must be in the {req.session.value} session but slot {s1} is "
                f"in the {inst.slots[a.slot].session.value} session"
            )
        for p in req.participants:
            if a.slot in inst.participants[p].unavailable:
                errors.append(
                    f"request {r1} is in slot {s1}, where participant {inst.participants[p].id!r} is unavailable"
                )
        for before in sorted(req.after):
            b = seen.get(before)
            if b is not None and not b.slot < a.slot:
                errors.append(
                    f"request {r1} (slot {s1}) must come strictly after request {before + 1} (slot {b.slot + 1})"
                )
    return errors


def _check_participants(inst: Instance, valid: list[Assignment]) -> list[str]:
    errors = []
    busy: dict[tuple[int, int], int] = {}
    for a in sorted(valid, key=lambda a: a.request):
        for p in inst.requests[a.request].participants:
            other = busy.get((p, a.slot))
            if other is not None:
                errors.append(
                    f"participant {inst.participants[p].id!r} has two meetings in slot {a.slot + 1} "
                    f"(requests {other + 1} and {a.request + 1})"
                )
            else:
                busy[(p, a.slot)] = a.request
    values = evaluate(inst, valid)
    for p, part in enumerate(inst.participants):
        count = values["meetings_per_participant"][p]
        if part.max_meetings is not None and count > part.max_meetings:
            errors.append(
                f"participant {part.id!r} has {count} meetings, more than their maximum of {part.max_meetings}"
            )
        if count < part.min_meetings:
            errors.append(
                f"participant {part.id!r} has {count} meetings, fewer than their minimum of {part.min_meetings}"
            )
    breaks = values["breaks_per_participant"]
    if inst.fairness is not None and breaks:
        hi = max(range(len(breaks)), key=lambda p: breaks[p])
        lo = min(range(len(breaks)), key=lambda p: breaks[p])
        if breaks[hi] - breaks[lo] > inst.fairness:
            errors.append(
                f"fairness: participant {inst.participants[hi].id!r} has {breaks[hi]} breaks and "
                f"{inst.participants[lo].id!r} {breaks[lo]}, a difference above the bound {inst.fairness}"
            )
    return errors


def _check_places(inst: Instance, valid: list[Assignment]) -> list[str]:
    """Tables, online rooms, participant modes and reserved tables."""
    errors = []
    owners: dict[int, list[int]] = defaultdict(
        list
    )  # a booth may be shared by several participants
    for i, p in enumerate(inst.participants):
        if p.reserved_table is not None:
            owners[p.reserved_table].append(i)
    tables_used: dict[tuple[int, int], int] = {}
    rooms_used: dict[tuple[int, int], int] = {}
    for a in sorted(valid, key=lambda a: a.request):
        req = inst.requests[a.request]
        r1, s1 = a.request + 1, a.slot + 1
        if (a.table is None) == (a.room is None):
            errors.append(
                f"request {r1} in slot {s1} must have exactly one place: a table or an online room"
            )
            continue
        if a.table is not None:
            if not 0 <= a.table < inst.tables:
                errors.append(
                    f"request {r1} is at table {a.table + 1}, which does not exist (tables 1–{inst.tables})"
                )
                continue
            other = tables_used.get((a.slot, a.table))
            if other is not None:
                errors.append(
                    f"table {a.table + 1} hosts requests {other + 1} and {r1} in slot {s1}"
                )
            tables_used[(a.slot, a.table)] = a.request
            if req.online is True:
                errors.append(f"request {r1} must be online but is at table {a.table + 1}")
            for p in req.participants:
                part = inst.participants[p]
                if part.mode == Mode.ONLINE:
                    errors.append(
                        f"request {r1} is on site (table {a.table + 1}) but participant {part.id!r} meets only online"
                    )
            own = [
                inst.participants[p]
                for p in req.participants
                if inst.participants[p].reserved_table is not None
            ]
            if own and a.table not in {p.reserved_table for p in own}:
                tables = " or ".join(str(p.reserved_table + 1) for p in own)
                errors.append(
                    f"request {r1} is at table {a.table + 1} but {' and '.join(repr(p.id) for p in own)} "
                    f"meet{'s' if len(own) == 1 else ''} at their reserved table {tables}"
                )
            holders = owners.get(a.table, [])
            if holders and not set(holders) & set(req.participants):
                names = " or ".join(repr(inst.participants[h].id) for h in holders)
                errors.append(
                    f"request {r1} is at table {a.table + 1}, reserved for {names} who is not in that meeting"
                )
        else:
            if not 0 <= a.room < inst.online_rooms:
                errors.append(
                    f"request {r1} is in online room {a.room + 1}, which does not exist (rooms 1–{inst.online_rooms})"
                )
                continue
            other = rooms_used.get((a.slot, a.room))
            if other is not None:
                errors.append(
                    f"online room {a.room + 1} hosts requests {other + 1} and {r1} in slot {s1}"
                )
            rooms_used[(a.slot, a.room)] = a.request
            if req.online is False:
                errors.append(f"request {r1} must be on site but is in online room {a.room + 1}")
            for p in req.participants:
                part = inst.participants[p]
                if part.mode == Mode.ONSITE:
                    errors.append(
                        f"request {r1} is online but participant {part.id!r} meets only on site"
                    )
    return errors


def _check_reported_objective(
    inst: Instance, solution: Solution, valid: list[Assignment]
) -> list[str]:
    """The values a solution reports must be those of its assignments."""
    if solution.status not in (Status.OPTIMAL, Status.FEASIBLE):
        return []
    values = evaluate(inst, valid)
    errors = []
    for key in ("breaks", "table_changes"):
        if key in solution.objective and solution.objective[key] != values[key]:
            errors.append(
                f"the solution reports {key} {solution.objective[key]} but its meetings give {values[key]}"
            )
    if "weight" in solution.objective and solution.objective["weight"] not in (
        values["weight"],
        values["weight_all"],
    ):
        errors.append(
            f"the solution reports weight {solution.objective['weight']} but its meetings give {values['weight']}"
        )
    for key in ("breaks",):
        if (
            key in solution.bound
            and solution.status == Status.OPTIMAL
            and solution.bound[key] != values[key]
        ):
            errors.append(
                f"the solution is reported optimal with breaks bound {solution.bound[key]} but has {values[key]} breaks"
            )
    return errors
