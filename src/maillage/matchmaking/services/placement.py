"""Put a meeting in a slot at a table or room, refusing conflicts with a sentence.

Used by accepted requests, self-booking and the organiser's manual edits. The database
constraints (one active seat per participant and slot, one meeting per table and slot) are the
last word: a concurrent booking that slipped past these checks fails there and the next slot is
tried.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.matchmaking.enums import AttendMode, MeetingSource, MeetingStatus
from maillage.matchmaking.models import (
    Meeting,
    MeetingSeat,
    MeetingSlot,
    OnlineRoom,
    Participant,
    Schedule,
    Table,
)
from maillage.matchmaking.services.sessions import forbidden_type_pairs


class ScheduleConflict(ValidationError):
    """A change that would break the schedule; the message says why in one sentence."""


class Occupancy:
    """Who and what is busy in which slot of one schedule (a snapshot, read once)."""

    def __init__(self, schedule: Schedule, exclude: Iterable[int] = ()) -> None:
        self.schedule = schedule
        skip = set(exclude)
        self.seat: dict[tuple[int, int], Meeting] = {}  # (participant, slot) -> meeting
        self.place: dict[tuple[str, int, int], Meeting] = {}  # ("t"/"r", id, slot) -> meeting
        self.count: dict[int, int] = defaultdict(int)
        meetings = (
            schedule.meetings.scheduled()
            .exclude(id__in=skip)
            .with_details()
            .prefetch_related("seats")
        )
        for m in meetings:
            for seat in m.seats.all():
                if seat.active:
                    self.seat[(seat.participant_id, m.slot_id)] = m
                    self.count[seat.participant_id] += 1
            if m.table_id:
                self.place[("t", m.table_id, m.slot_id)] = m
            if m.room_id:
                self.place[("r", m.room_id, m.slot_id)] = m


def check_people(
    *,
    schedule: Schedule,
    people: list[Participant],
    slot: MeetingSlot,
    occupancy: Occupancy,
    check_limits: bool = True,
) -> None:
    """Refuse if someone is busy, unavailable, absent, at their maximum, or the types may not meet."""
    label = slot.label
    for p in people:
        other = occupancy.seat.get((p.id, slot.id))
        if other is not None:
            partner = other.participant_b if other.participant_a_id == p.id else other.participant_a
            raise ScheduleConflict(
                _("%(who)s already meets %(other)s in slot %(slot)s.")
                % {"who": p.person_name, "other": partner.short_name, "slot": label}
            )
        if p.unavailable_slots.filter(id=slot.id).exists():
            raise ScheduleConflict(
                _("%(who)s is not available in slot %(slot)s.")
                % {"who": p.person_name, "slot": label}
            )
        if p.absent_from_slot_id and p.absent_from_slot.index <= slot.index:
            raise ScheduleConflict(
                _("%(who)s is absent from slot %(from)s on.")
                % {"who": p.person_name, "from": p.absent_from_slot.label}
            )
        limit = p.meeting_limit() if check_limits else None
        if limit is not None and occupancy.count.get(p.id, 0) >= limit:
            raise ScheduleConflict(
                _("%(who)s already has %(count)s meetings, their maximum.")
                % {"who": p.person_name, "count": limit}
            )
    forbidden = forbidden_type_pairs(schedule.session)
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            if (a.participation_type, b.participation_type) in forbidden:
                raise ScheduleConflict(
                    _("In this session, a %(a)s may not meet a %(b)s.")
                    % {
                        "a": a.registration.get_participation_type_display(),
                        "b": b.registration.get_participation_type_display(),
                    }
                )


def check_place(
    *,
    slot: MeetingSlot,
    table: Table | None,
    room: OnlineRoom | None,
    people: list[Participant],
    occupancy: Occupancy,
) -> None:
    if table is None and room is None:
        raise ScheduleConflict(_("Choose a table or an online room for the meeting."))
    if table is not None and room is not None:
        raise ScheduleConflict(_("A meeting is either at a table or in an online room, not both."))
    key = ("t", table.id, slot.id) if table is not None else ("r", room.id, slot.id)
    taken = occupancy.place.get(key)
    if taken is not None:
        raise ScheduleConflict(
            _("%(place)s is already taken in slot %(slot)s by %(a)s and %(b)s.")
            % {
                "place": table or room,
                "slot": slot.label,
                "a": taken.participant_a.short_name,
                "b": taken.participant_b.short_name,
            }
        )
    ids = {p.id for p in people}
    if table is not None and table.reserved_for_id and table.reserved_for_id not in ids:
        raise ScheduleConflict(
            _("%(table)s is reserved for %(who)s.")
            % {"table": table, "who": table.reserved_for.short_name}
        )
    wrong = next(
        (
            p
            for p in people
            if (table is not None and p.mode == AttendMode.ONLINE)
            or (room is not None and p.mode == AttendMode.ONSITE)
        ),
        None,
    )
    if wrong is not None:
        raise ScheduleConflict(
            _("%(who)s meets only %(mode)s.")
            % {"who": wrong.person_name, "mode": wrong.get_mode_display().lower()}
        )


def create_meeting(
    *,
    schedule: Schedule,
    people: list[Participant],
    slot: MeetingSlot,
    table: Table | None,
    room: OnlineRoom | None,
    source: str,
    uid: uuid.UUID | None = None,
    weight: int = 1,
    locked: bool = False,
    request=None,
) -> Meeting:
    meeting = Meeting.objects.create(
        schedule=schedule,
        uid=uid or uuid.uuid4(),
        participant_a=people[0],
        participant_b=people[1],
        slot=slot,
        table=table,
        room=room,
        source=source,
        weight=weight,
        locked=locked,
        request=request,
    )
    MeetingSeat.objects.bulk_create(
        [MeetingSeat(meeting=meeting, participant=p, schedule=schedule, slot=slot) for p in people]
    )
    return meeting


def free_place(
    *, slot: MeetingSlot, people: list[Participant], occupancies: list[Occupancy], tables, rooms
) -> tuple[Table | None, OnlineRoom | None]:
    """A table (their own reserved one first) or else a room free in every schedule, or (None, None)."""
    ids = {p.id for p in people}
    onsite = all(p.mode != AttendMode.ONLINE for p in people)
    online = all(p.mode != AttendMode.ONSITE for p in people)
    if onsite:
        own = [t for t in tables if t.reserved_for_id in ids]
        for t in own + [t for t in tables if not t.reserved_for_id]:
            if all(("t", t.id, slot.id) not in o.place for o in occupancies):
                return t, None
    if online:
        for r in rooms:
            if all(("r", r.id, slot.id) not in o.place for o in occupancies):
                return None, r
    return None, None


def book_first_free(
    *,
    schedules: list[Schedule],
    people: list[Participant],
    source: str = MeetingSource.REQUEST,
    weight: int = 1,
    request=None,
) -> Meeting:
    """Book the first common free slot (from now on) and a free place, in every given schedule.

    Runs inside the caller's transaction; locks the participants' rows so that two acceptances
    involving the same person are placed one after the other.
    """
    session = schedules[0].session
    locked = list(
        Participant.objects.select_for_update(of=("self",))
        .filter(id__in=sorted(p.id for p in people))
        .order_by("id")
        .select_related("registration__person", "registration__organisation", "session")
    )
    by_id = {p.id: p for p in locked}
    people = [by_id[p.id] for p in people]
    occupancies = [Occupancy(s) for s in schedules]
    limits = dict(session.type_limits.values_list("participation_type", "max_meetings"))
    for p in people:
        limit = p.meeting_limit(limits)
        if limit is not None and occupancies[0].count.get(p.id, 0) >= limit:
            raise ScheduleConflict(
                _("%(who)s already has %(count)s meetings, their maximum.")
                % {"who": p.person_name, "count": limit}
            )
    unavailable = set()
    for p in people:
        unavailable |= set(p.unavailable_slots.values_list("id", flat=True))
    absent_from = min(
        (p.absent_from_slot.index for p in people if p.absent_from_slot_id), default=None
    )
    tables = list(session.tables.select_related("reserved_for"))
    rooms = list(session.online_rooms.all())
    uid = uuid.uuid4()
    for slot in session.slots.filter(starts_at__gt=timezone.now()).order_by("index"):
        if slot.id in unavailable or (absent_from is not None and slot.index >= absent_from):
            continue
        if any((p.id, slot.id) in o.seat for o in occupancies for p in people):
            continue
        table, room = free_place(
            slot=slot, people=people, occupancies=occupancies, tables=tables, rooms=rooms
        )
        if table is None and room is None:
            continue
        try:
            with transaction.atomic():
                made = [
                    create_meeting(
                        schedule=s,
                        people=people,
                        slot=slot,
                        table=table,
                        room=room,
                        source=source,
                        uid=uid,
                        weight=weight,
                        request=request,
                    )
                    for s in schedules
                ]
        except IntegrityError:
            continue  # taken meanwhile by a concurrent booking: try the next slot
        return made[0]
    raise ScheduleConflict(
        _("%(a)s and %(b)s have no common free slot with a free table or room left.")
        % {"a": people[0].person_name, "b": people[1].person_name}
    )


def cancel_meeting(meeting: Meeting) -> None:
    meeting.status = MeetingStatus.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    meeting.seats.update(active=False)
