"""From the database to meetsolver and back: build the instance, solve, save into the draft.

How wishes become meetsolver requests, for each pair of participants (the pair's weight is what
the optimiser maximises):

* an accepted meeting request: required (it was promised), weight ``ACCEPTED_REQUEST_WEIGHT``
  (enums) when it cannot be required
  (the pair has no common free slot left, or a participant has more promised meetings than
  free slots);
* a meeting the organiser added or locked, or a participant booked: required; a locked one keeps
  its slot;
* "must meet" from either side: weight 3; "would like" from both sides: weight 3;
  "would like" from one side only: weight 2;
* "no thanks" from either side removes the pair (unless a request was accepted), and so does a
  participation rule forbidding the two types to meet.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from maillage.events.enums import ACTIVE_STATUSES
from maillage.matchmaking.enums import (
    ACCEPTED_REQUEST_WEIGHT,
    MeetingSource,
    RequestStatus,
    WishLevel,
)
from maillage.matchmaking.models import (
    MeetingRequest,
    MeetingSeat,
    MeetingSession,
    MeetingSlot,
    Participant,
    Schedule,
    Wish,
)
from maillage.matchmaking.scheduling import reasons
from maillage.matchmaking.scheduling.plans import plan_of, save_plan
from maillage.matchmaking.scheduling.verification import check as check_schedule
from maillage.matchmaking.services.sessions import (
    ensure_draft,
    forbidden_type_pairs,
    published_schedule,
)
from meetsolver import (
    Assignment,
    Instance,
    Mode,
    Request,
    Session,
    Slot,
    Solution,
    SolveConfig,
    Status,
    solve,
)
from meetsolver import Participant as SolverParticipant
from meetsolver.construct import construct
from meetsolver.explain import explain
from meetsolver.verify import evaluate, verify

MUST_MEET_WEIGHT = 3
MUTUAL_WEIGHT = 3
ONE_SIDED_WEIGHT = 2
_MODES = {"onsite": Mode.ONSITE, "online": Mode.ONLINE, "both": Mode.BOTH}


@dataclass
class Wanted:
    """One meetsolver request and where it came from."""

    people: tuple[int, ...]  # participant ids
    weight: int
    required: bool = False
    source: str = MeetingSource.WISH
    fixed_slot: int | None = None
    online: bool | None = None
    locked: bool = False
    request_id: int | None = None
    levels: dict[int, str] = field(default_factory=dict)  # author id -> wish level


@dataclass
class Built:
    session: MeetingSession
    instance: Instance
    participants: list[Participant]
    wanted: list[Wanted]
    slots: list[MeetingSlot]
    table_ids: list[int]
    room_ids: list[int]
    index: dict[int, int]  # participant id -> instance index
    by_people: dict[frozenset, int]  # frozenset of participant ids -> request index
    kept_start: bool = False  # the solver did not beat its warm start, which is kept


def _unique_names(participants: list[Participant]) -> list[str]:
    names = [p.display_name for p in participants]
    seen = defaultdict(int)
    for n in names:
        seen[n] += 1
    return [n if seen[n] == 1 else f"{n} #{p.id}" for n, p in zip(names, participants, strict=True)]


def build_instance(session: MeetingSession, *, draft: Schedule | None = None) -> Built:
    draft = draft or ensure_draft(session)
    slots = list(session.slots.order_by("index"))
    slot_index = {s.id: s.index for s in slots}
    table_rows = list(session.tables.order_by("number").values_list("id", "reserved_for_id"))
    table_ids = [t for t, _r in table_rows]
    room_ids = list(session.online_rooms.order_by("id").values_list("id", flat=True))
    participants = list(
        session.participants.with_people()
        .filter(registration__status__in=ACTIVE_STATUSES)
        .prefetch_related("unavailable_slots")
        .select_related("absent_from_slot")
        .order_by("id")
    )
    index = {p.id: i for i, p in enumerate(participants)}
    limits = dict(session.type_limits.values_list("participation_type", "max_meetings"))
    reserved = {owner: i for i, (_t, owner) in enumerate(table_rows) if owner}
    names = _unique_names(participants)
    solver_people = []
    for p, name in zip(participants, names, strict=True):
        off = {slot_index[s.id] for s in p.unavailable_slots.all()}
        if p.absent_from_slot_id:
            off |= set(range(p.absent_from_slot.index, len(slots)))
        solver_people.append(
            SolverParticipant(
                id=name,
                unavailable=frozenset(off),
                max_meetings=p.meeting_limit(limits),
                mode=_MODES[p.mode],
                reserved_table=reserved.get(p.id),
            )
        )
    wanted = _wanted(session, draft, index, slot_index)
    wanted = _feasible_required(wanted, solver_people, index, len(slots))
    requests = tuple(
        Request(
            participants=tuple(index[p] for p in w.people),
            weight=w.weight,
            required=w.required,
            fixed_slot=w.fixed_slot,
            online=w.online,
        )
        for w in wanted
    )
    instance = Instance(
        slots=tuple(Slot(day=s.day, session=Session(s.half)) for s in slots),
        tables=len(table_ids),
        participants=tuple(solver_people),
        requests=requests,
        online_rooms=len(room_ids),
        name=str(session),
    )
    return Built(
        session=session,
        instance=instance,
        participants=participants,
        wanted=wanted,
        slots=slots,
        table_ids=table_ids,
        room_ids=room_ids,
        index=index,
        by_people={frozenset(w.people): r for r, w in enumerate(wanted)},
    )


def _wanted(session, draft, index, slot_index) -> list[Wanted]:
    forbidden = forbidden_type_pairs(session)
    types = {
        p_id: t
        for p_id, t in session.participants.values_list("id", "registration__participation_type")
    }
    out: list[Wanted] = []
    taken: set[frozenset] = set()

    def ok(people) -> bool:
        return all(p in index for p in people)

    # Meetings the optimiser must keep: locked, added by hand or self-booked.
    kept = (
        draft.meetings.scheduled()
        .filter(models_q_locked_or_manual())
        .prefetch_related("seats")
        .order_by("id")
    )
    for m in kept:
        people = tuple(s.participant_id for s in m.seats.all() if s.active)
        key = frozenset(people)
        if len(people) < 2 or key in taken or not ok(people):
            continue
        taken.add(key)
        out.append(
            Wanted(
                people=people,
                weight=m.weight,
                required=True,
                source=m.source,
                fixed_slot=slot_index[m.slot_id] if m.locked else None,
                online=(m.room_id is not None) if m.locked else None,
                locked=m.locked,
                request_id=m.request_id,
            )
        )
    accepted = MeetingRequest.objects.filter(session=session, status=RequestStatus.ACCEPTED)
    for r_id, a, b in accepted.order_by("responded_at", "id").values_list(
        "id", "sender_id", "recipient_id"
    ):
        key = frozenset((a, b))
        if key in taken or not ok((a, b)):
            continue
        taken.add(key)
        out.append(
            Wanted(
                people=(a, b),
                weight=ACCEPTED_REQUEST_WEIGHT,
                required=True,
                source=MeetingSource.REQUEST,
                request_id=r_id,
            )
        )
    levels: dict[frozenset, dict[int, str]] = defaultdict(dict)
    for author, target, level in Wish.objects.filter(session=session).values_list(
        "author_id", "target_id", "level"
    ):
        levels[frozenset((author, target))][author] = level
    for key in sorted(levels, key=lambda k: tuple(sorted(k))):
        marks = levels[key]
        a, b = sorted(key)
        if key in taken or not ok((a, b)) or WishLevel.NO_THANKS in marks.values():
            continue
        if (types[a], types[b]) in forbidden:
            continue
        if WishLevel.MUST_MEET in marks.values():
            weight = MUST_MEET_WEIGHT
        elif len(marks) == 2:
            weight = MUTUAL_WEIGHT
        else:
            weight = ONE_SIDED_WEIGHT
        out.append(Wanted(people=(a, b), weight=weight, levels=dict(marks)))
    return out


def models_q_locked_or_manual():
    return Q(locked=True) | Q(source__in=[MeetingSource.MANUAL, MeetingSource.SELF_BOOKED])


def _feasible_required(wanted, people, index, n_slots) -> list[Wanted]:
    """Downgrade promised meetings that cannot all be held to heavy optional ones."""
    load: dict[int, int] = defaultdict(int)
    for w in wanted:
        if not w.required:
            continue
        ids = [index[p] for p in w.people]
        free = set(range(n_slots))
        for i in ids:
            free -= people[i].unavailable
        if w.fixed_slot is not None:
            free &= {w.fixed_slot}
        room = all(
            load[i] < min(n_slots - len(people[i].unavailable), people[i].max_meetings or n_slots)
            for i in ids
        )
        if free and room:
            for i in ids:
                load[i] += 1
        else:
            w.required = False
            w.fixed_slot = None
            w.weight = max(w.weight, ACCEPTED_REQUEST_WEIGHT)
    return wanted


def assignments_of(built: Built, schedule: Schedule) -> list[Assignment]:
    """The schedule's meetings as assignments of the built instance (unknown pairs skipped)."""
    slot_index = {s.id: s.index for s in built.slots}
    tables = {t: i for i, t in enumerate(built.table_ids)}
    rooms = {r: i for i, r in enumerate(built.room_ids)}
    people = defaultdict(list)
    for meeting_id, participant_id in MeetingSeat.objects.filter(
        schedule=schedule, active=True
    ).values_list("meeting_id", "participant_id"):
        people[meeting_id].append(participant_id)
    out = []
    seen = set()
    for m_id, slot_id, table_id, room_id in schedule.meetings.scheduled().values_list(
        "id", "slot_id", "table_id", "room_id"
    ):
        r = built.by_people.get(frozenset(people[m_id]))
        if r is None or r in seen:
            continue
        seen.add(r)
        out.append(
            Assignment(
                request=r,
                slot=slot_index[slot_id],
                table=tables.get(table_id),
                room=rooms.get(room_id),
            )
        )
    return out


def unscheduled_of(built: Built, solution: Solution) -> list[dict]:
    """Wishes and promised meetings left out, each with the solver's reason."""
    out = []
    for r, reason in sorted(dict(explain(built.instance, solution)).items()):
        w = built.wanted[r]
        out.append(
            {
                "people": list(w.people),
                "names": [built.instance.participants[built.index[p]].id for p in w.people],
                "weight": w.weight,
                "source": w.source,
                "reason": str(reason),
                "why": reasons.as_data(reason),
            }
        )
    return out


def summary_of(built: Built, solution: Solution, *, with_reasons: bool = True) -> dict:
    weight = solution.objective.get("weight")
    bound = solution.bound.get("weight")
    gap = None
    if weight is not None and bound:
        gap = round(max(0, bound - weight) / bound, 4)
    return {
        "status": solution.status.value,
        "objective": weight,
        "bound": bound,
        "gap": gap,
        "breaks": solution.objective.get("breaks"),
        "meetings": len(solution.assignments),
        "requests": len(built.wanted),
        "seconds": round(solution.seconds, 2),
        "conflicts": [str(c) for c in solution.conflicts],
        "conflicts_why": [reasons.as_data(c) for c in solution.conflicts],
        "kept_start": built.kept_start,
        "unscheduled": unscheduled_of(built, solution) if with_reasons else [],
    }


def optimise(
    session: MeetingSession, *, config: SolveConfig, progress=None
) -> tuple[Built, Solution]:
    """Solve the session; kept published meetings change as little as possible."""
    draft = ensure_draft(session)
    built = build_instance(session, draft=draft)
    published = published_schedule(session)
    previous = assignments_of(built, published) if published is not None else None
    hint = assignments_of(built, draft) or construct(built.instance)
    solution = solve(
        built.instance, config, progress=progress, previous=previous or None, hint=hint or None
    )
    best = _at_least(built.instance, solution, hint)
    built.kept_start = best is not solution
    check_schedule(built.instance, best)  # nothing is saved that fails the independent check
    return built, best


def _at_least(instance: Instance, solution: Solution, start: list[Assignment]) -> Solution:
    """The solver's schedule, or the warm start when that is better and valid.

    When the time limit is short for the event (or the machine busy) CP-SAT may stop before it
    has matched its starting point; the organiser then still gets the better of the two.
    """
    if not start or solution.status == Status.INFEASIBLE:
        return solution
    values = evaluate(instance, start)
    found = solution.objective.get("weight", -1) if solution.assignments else -1
    if values["weight"] <= found:
        return solution
    if verify(instance, Solution(Status.FEASIBLE, assignments=start)):
        return solution
    held = {a.request for a in start}
    return Solution(
        status=Status.FEASIBLE,
        assignments=list(start),
        objective={key: values[key] for key in ("weight", "breaks", "table_changes")},
        bound=solution.bound,
        unscheduled=[(r, "") for r in range(len(instance.requests)) if r not in held],
        seconds=solution.seconds,
    )


def schedule_now(session: MeetingSession, *, config: SolveConfig | None = None) -> dict:
    """Build, solve and save in one call (what a run does, without the background task)."""
    built, solution = optimise(session, config=config or SolveConfig(time_limit=20))
    summary = summary_of(built, solution)
    if solution.status.value in ("optimal", "feasible"):
        save_plan(session=session, plan=plan_of(built, solution))
    return summary
