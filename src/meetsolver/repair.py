"""Repair a published schedule after last-minute changes, moving as few meetings as possible.

The changes (a cancelled meeting, an absent participant, a late registrant, a table out of use)
give an updated instance; the solver then keeps every published meeting it can (its first
objective after the required meetings), and each participant is told what changed for them.

Slots before ``now_slot`` are past: their meetings stay as published, and nothing new is put
there (in those slots, participants are made unavailable except for their past meetings, so
breaks, fairness and maximum meetings still count the whole event).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from meetsolver.instance import Instance, InstanceError, Participant, Request
from meetsolver.solution import Assignment, Solution, SolveConfig
from meetsolver.verify import evaluate


@dataclass(frozen=True)
class CancelMeeting:
    request: int  # 0-based index in the published instance


@dataclass(frozen=True)
class Absent:
    participant: int | str  # index or id
    from_slot: int = 0  # absent from this slot (0-based) to the end


@dataclass(frozen=True)
class LateRegistrant:
    """A newcomer; their requests name participants by id (or by index in the updated instance,
    where late registrants follow the published participants in the order of the changes)."""

    participant: Participant
    requests: tuple[Request, ...] = ()


@dataclass(frozen=True)
class TableOutOfUse:
    table: int  # 0-based
    from_slot: int = 0  # out of use from this slot on (the table is then not used again at all)


Change = CancelMeeting | Absent | LateRegistrant | TableOutOfUse


@dataclass(frozen=True)
class MeetingChange:
    kind: str  # "moved", "cancelled" or "added"
    request: int | None  # index in the updated instance (None: the request was cancelled)
    with_: tuple[str, ...]  # the other participants
    before: Assignment | None
    after: Assignment | None

    def sentence(self) -> str:
        who = ", ".join(self.with_)
        if self.kind == "added":
            return f"new meeting with {who}: {_place(self.after)}"
        if self.kind == "cancelled":
            return f"meeting with {who} ({_place(self.before)}) is cancelled"
        return f"meeting with {who} moves from {_place(self.before)} to {_place(self.after)}"


@dataclass
class RepairResult:
    instance: Instance  # the updated instance (cancelled requests removed, late ones appended)
    solution: Solution  # in the updated instance's indices
    request_map: dict[int, int]  # published request index -> updated index (cancelled ones absent)
    changes: dict[str, list[MeetingChange]] = field(default_factory=dict)  # per participant id


def _place(a: Assignment | None) -> str:
    if a is None:
        return "-"
    where = f"table {a.table + 1}" if a.table is not None else f"online room {a.room + 1}"
    return f"slot {a.slot + 1}, {where}"


def repair(
    instance: Instance,
    published: list[Assignment],
    changes: list[Change],
    config: SolveConfig = SolveConfig(),  # noqa: B008 - frozen
    *,
    now_slot: int = 0,
) -> RepairResult:
    from meetsolver.solve import solve

    updated, request_map = apply_changes(instance, changes, now_slot=now_slot)
    previous = [
        replace(a, request=request_map[a.request]) for a in published if a.request in request_map
    ]
    frozen = [a for a in previous if a.slot < now_slot]
    closed = sorted(
        {c.table for c in changes if isinstance(c, TableOutOfUse) and c.from_slot < updated.n_slots}
    )
    solver_instance, open_tables = _solver_instance(updated, frozen, closed, now_slot)
    to_solver = {t: i for i, t in enumerate(open_tables)}
    solver_previous = _previous_for_solver(solver_instance, previous, to_solver, open_tables)

    raw = solve(solver_instance, config, previous=solver_previous)
    past = {a.request: a for a in frozen}
    assignments = [
        past.get(a.request) or replace(a, table=None if a.table is None else open_tables[a.table])
        for a in raw.assignments
    ]
    assignments = _back_to_closing_table(assignments, previous, changes)
    values = evaluate(updated, assignments)
    solution = Solution(
        status=raw.status,
        assignments=assignments,
        objective={key: values[key] for key in ("weight", "breaks", "table_changes")},
        bound={},
        unscheduled=[
            (r, "")
            for r in range(len(updated.requests))
            if r not in {a.request for a in assignments}
        ],
        conflicts=raw.conflicts,
        seconds=raw.seconds,
    )
    kept = set(assignments)
    solution.objective["changes"] = sum(1 for a in previous if a not in kept)
    return RepairResult(
        instance=updated,
        solution=solution,
        request_map=request_map,
        changes=_what_changed(instance, updated, published, request_map, solution.assignments),
    )


def apply_changes(
    instance: Instance, changes: list[Change], *, now_slot: int = 0
) -> tuple[Instance, dict[int, int]]:
    """The updated instance, and where each published request went (cancelled ones omitted)."""
    _check(instance, changes)
    cancelled = {c.request for c in changes if isinstance(c, CancelMeeting)}
    request_map: dict[int, int] = {}
    for r in range(len(instance.requests)):
        if r not in cancelled:
            request_map[r] = len(request_map)
    participants = list(instance.participants)
    ids = {p.id: i for i, p in enumerate(participants)}
    late_requests: list[Request] = []
    for change in changes:
        if isinstance(change, Absent):
            p = (
                ids[change.participant]
                if isinstance(change.participant, str)
                else change.participant
            )
            gone = set(range(max(change.from_slot, now_slot), instance.n_slots))  # the past stays
            participants[p] = replace(
                participants[p], unavailable=participants[p].unavailable | gone, min_meetings=0
            )
        elif isinstance(change, LateRegistrant):
            ids[change.participant.id] = len(participants)
            participants.append(change.participant)
            late_requests.extend(change.requests)
    absent = {
        ids[c.participant] if isinstance(c.participant, str) else c.participant
        for c in changes
        if isinstance(c, Absent)
    }
    requests = []
    for r, req in enumerate(instance.requests):
        if r in cancelled:
            continue
        requests.append(
            replace(
                req,
                after=frozenset(request_map[a] for a in req.after if a in request_map),
                # an absent participant's meetings can only be kept where they are still there
                required=req.required and not absent.intersection(req.participants),
            )
        )
    for req in late_requests:
        members = tuple(ids[p] if isinstance(p, str) else p for p in req.participants)
        requests.append(replace(req, participants=members))
    updated = replace(instance, participants=tuple(participants), requests=tuple(requests))
    return updated, request_map


def _check(instance: Instance, changes: list[Change]) -> None:
    """Changes that name what does not exist are refused with a sentence, before anything runs."""
    ids = {p.id for p in instance.participants}
    ids |= {c.participant.id for c in changes if isinstance(c, LateRegistrant)}
    n_req, n_slots, n_people = len(instance.requests), instance.n_slots, len(instance.participants)
    for i, c in enumerate(changes):
        where = f"change {i + 1} ({type(c).__name__})"
        if isinstance(c, CancelMeeting) and not 0 <= c.request < n_req:
            raise InstanceError(
                f"{where}: request {c.request + 1} does not exist (requests 1–{n_req})"
            )
        if isinstance(c, Absent):
            known = (
                c.participant in ids
                if isinstance(c.participant, str)
                else 0 <= c.participant < n_people
            )
            if not known:
                raise InstanceError(f"{where}: participant {c.participant!r} does not exist")
        if isinstance(c, (Absent, TableOutOfUse)) and not 0 <= c.from_slot < n_slots:
            raise InstanceError(
                f"{where}: slot {c.from_slot + 1} does not exist (slots 1–{n_slots})"
            )
        if isinstance(c, TableOutOfUse) and not 0 <= c.table < instance.tables:
            raise InstanceError(
                f"{where}: table {c.table + 1} does not exist (tables 1–{instance.tables})"
            )
        if isinstance(c, LateRegistrant):
            for r, req in enumerate(c.requests):
                for name in req.participants:
                    if isinstance(name, str) and name not in ids:
                        raise InstanceError(
                            f"{where}: request {r + 1} names unknown participant {name!r}"
                        )


def _solver_instance(
    updated: Instance, frozen: list[Assignment], closed: list[int], now_slot: int
) -> tuple[Instance, list[int]]:
    """Past slots hold only their past meetings; closed tables are taken out (renumbered)."""
    open_tables = [t for t in range(updated.tables) if t not in closed]
    renumber = {t: i for i, t in enumerate(open_tables)}
    meeting_in_past: dict[int, set[int]] = {}
    for a in frozen:
        for p in updated.requests[a.request].participants:
            meeting_in_past.setdefault(p, set()).add(a.slot)
    past = set(range(min(now_slot, updated.n_slots)))
    participants = []
    for p, part in enumerate(updated.participants):
        unavailable = (part.unavailable | past) - meeting_in_past.get(p, set())
        reserved = None if part.reserved_table is None else renumber.get(part.reserved_table)
        participants.append(
            replace(part, unavailable=frozenset(unavailable), reserved_table=reserved)
        )
    frozen_slot = {a.request: a.slot for a in frozen}
    requests = []
    for r, req in enumerate(updated.requests):
        if r in frozen_slot:
            req = replace(req, required=True, fixed_slot=frozen_slot[r], online=None)
        elif req.fixed_slot is not None and req.fixed_slot < now_slot:
            req = replace(req, required=False)  # its moment has passed
        requests.append(req)
    draft = replace(
        updated, tables=len(open_tables), participants=tuple(participants), requests=tuple(requests)
    )
    # A required meeting that can no longer happen (absence, past) is kept as a wish only.
    impossible = [
        r for r, req in enumerate(draft.requests) if req.required and not draft.allowed_slots(r)
    ]
    if impossible:
        requests = [
            replace(req, required=False) if r in impossible else req
            for r, req in enumerate(requests)
        ]
        draft = replace(draft, requests=tuple(requests))
    return draft, open_tables


def _back_to_closing_table(
    assignments: list[Assignment], previous: list[Assignment], changes: list[Change]
) -> list[Assignment]:
    """The solver sees a closing table as gone for good; a meeting that kept its slot before
    the closure goes back to that table, which nobody else uses."""
    closing: dict[int, int] = {}
    for c in changes:
        if isinstance(c, TableOutOfUse):
            closing[c.table] = min(c.from_slot, closing.get(c.table, c.from_slot))
    if not closing:
        return assignments
    before = {a.request: a for a in previous}
    out = []
    for a in assignments:
        b = before.get(a.request)
        if (
            b is not None
            and a.table is not None
            and b.slot == a.slot
            and b.table in closing
            and a.slot < closing[b.table]
        ):
            a = replace(a, table=b.table)
        out.append(a)
    return out


def _previous_for_solver(
    solver_instance: Instance,
    previous: list[Assignment],
    to_solver: dict[int, int],
    open_tables: list[int],
) -> list[Assignment]:
    """Published meetings in the solver's table numbers; one at a closed table asks to keep its
    slot at some other free table."""
    reserved = {
        p.reserved_table for p in solver_instance.participants if p.reserved_table is not None
    }
    used: dict[int, set[int]] = {}
    for a in previous:
        if a.table is not None and a.table in to_solver:
            used.setdefault(a.slot, set()).add(to_solver[a.table])
    out = []
    for a in previous:
        if a.table is None or a.table in to_solver:
            out.append(replace(a, table=None if a.table is None else to_solver[a.table]))
            continue
        taken = used.setdefault(a.slot, set())
        spare = next(
            (t for t in range(len(open_tables)) if t not in taken and t not in reserved), None
        )
        if spare is not None:
            taken.add(spare)
            out.append(replace(a, table=spare))
    return out


def _what_changed(
    instance: Instance,
    updated: Instance,
    published: list[Assignment],
    request_map: dict[int, int],
    assignments: list[Assignment],
) -> dict[str, list[MeetingChange]]:
    now = {a.request: a for a in assignments}
    seen: set[int] = set()
    out: dict[str, list[MeetingChange]] = {}

    def note(members: tuple[int, ...], people: tuple[Participant, ...], change_of) -> None:
        for p in members:
            others = tuple(people[q].id for q in members if q != p)
            out.setdefault(people[p].id, []).append(change_of(others))

    for a in published:
        if a.request not in request_map:
            members = instance.requests[a.request].participants
            note(
                members,
                instance.participants,
                lambda w, a=a: MeetingChange("cancelled", None, w, a, None),
            )
            continue
        r = request_map[a.request]
        seen.add(r)
        before = replace(a, request=r)
        after = now.get(r)
        if after == before:
            continue
        kind = "cancelled" if after is None else "moved"
        members = updated.requests[r].participants
        note(
            members,
            updated.participants,
            lambda w, r=r, b=before, x=after, k=kind: MeetingChange(k, r, w, b, x),
        )
    for r, a in now.items():
        if r not in seen:
            members = updated.requests[r].participants
            note(
                members,
                updated.participants,
                lambda w, r=r, a=a: MeetingChange("added", r, w, None, a),
            )
    return out
