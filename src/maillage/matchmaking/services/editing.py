"""The organiser's hand edits of the draft schedule: lock, move, swap, add, remove.

Every edit runs in a transaction with the draft row locked; a conflict is refused with a
sentence that names who or what is in the way (``ScheduleConflict``).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from maillage.matchmaking.enums import MeetingSource, MeetingStatus
from maillage.matchmaking.models import (
    Meeting,
    MeetingSlot,
    OnlineRoom,
    Participant,
    Schedule,
    Table,
)
from maillage.matchmaking.services.placement import (
    Occupancy,
    ScheduleConflict,
    cancel_meeting,
    check_people,
    check_place,
    create_meeting,
)


def _lock_draft(schedule: Schedule) -> Schedule:
    locked = Schedule.objects.select_for_update().get(pk=schedule.pk)
    if not locked.is_draft:
        raise ScheduleConflict(
            _("Version %(version)s is published and frozen; edit the draft instead.")
            % {"version": locked.version}
        )
    return locked


def _same_session(schedule: Schedule, *objects) -> None:
    for obj in objects:
        if obj is not None and obj.session_id != schedule.session_id:
            raise ScheduleConflict(
                _("That slot, table, room or participant belongs to another session.")
            )


def add_meeting(
    *,
    schedule: Schedule,
    people: list[Participant],
    slot: MeetingSlot,
    table: Table | None = None,
    room: OnlineRoom | None = None,
    source: str = MeetingSource.MANUAL,
    weight: int = 3,
) -> Meeting:
    if len({p.id for p in people}) != len(people) or not 2 <= len(people) <= 4:
        raise ScheduleConflict(_("A meeting brings together two to four different participants."))
    _same_session(schedule, slot, table, room, *people)
    with transaction.atomic():
        schedule = _lock_draft(schedule)
        occupancy = Occupancy(schedule)
        check_people(schedule=schedule, people=people, slot=slot, occupancy=occupancy)
        check_place(slot=slot, table=table, room=room, people=people, occupancy=occupancy)
        try:
            with transaction.atomic():
                return create_meeting(
                    schedule=schedule,
                    people=people,
                    slot=slot,
                    table=table,
                    room=room,
                    source=source,
                    weight=weight,
                )
        except IntegrityError:
            raise ScheduleConflict(
                _("Someone else changed this slot at the same time; reload and try again.")
            ) from None


def remove_meeting(*, meeting: Meeting) -> None:
    with transaction.atomic():
        _lock_draft(meeting.schedule)
        meeting.delete()


def set_locked(*, meeting: Meeting, locked: bool) -> Meeting:
    with transaction.atomic():
        _lock_draft(meeting.schedule)
        meeting.locked = locked
        meeting.save(update_fields=["locked", "updated_at"])
    return meeting


def move_meeting(
    *,
    meeting: Meeting,
    slot: MeetingSlot,
    table: Table | None = None,
    room: OnlineRoom | None = None,
) -> Meeting:
    """Move to another slot and/or place; the participants' other meetings must allow it."""
    schedule = meeting.schedule
    _same_session(schedule, slot, table, room)
    with transaction.atomic():
        schedule = _lock_draft(schedule)
        people = _people(meeting)
        occupancy = Occupancy(schedule, exclude=[meeting.id])
        check_people(
            schedule=schedule, people=people, slot=slot, occupancy=occupancy, check_limits=False
        )
        check_place(slot=slot, table=table, room=room, people=people, occupancy=occupancy)
        _place(meeting, slot, table, room)
    return meeting


def swap_meetings(*, first: Meeting, second: Meeting) -> None:
    """Exchange the slots and places of two meetings of the same draft."""
    if first.schedule_id != second.schedule_id:
        raise ScheduleConflict(_("Both meetings must be in the same schedule."))
    with transaction.atomic():
        schedule = _lock_draft(first.schedule)
        occupancy = Occupancy(schedule, exclude=[first.id, second.id])
        one, two = _people(first), _people(second)
        check_people(
            schedule=schedule, people=one, slot=second.slot, occupancy=occupancy, check_limits=False
        )
        check_people(
            schedule=schedule, people=two, slot=first.slot, occupancy=occupancy, check_limits=False
        )
        shared = {p.id for p in one} & {p.id for p in two}
        if shared and first.slot_id != second.slot_id:
            pass  # a shared participant simply trades the order of their two meetings
        check_place(
            slot=second.slot, table=second.table, room=second.room, people=one, occupancy=occupancy
        )
        check_place(
            slot=first.slot, table=first.table, room=first.room, people=two, occupancy=occupancy
        )
        a_place = (first.slot, first.table, first.room)
        b_place = (second.slot, second.table, second.room)
        # Free both first: the unique constraints hold at every statement.
        for m in (first, second):
            m.seats.update(active=False)
            Meeting.objects.filter(pk=m.pk).update(status=MeetingStatus.CANCELLED)
        _place(first, *b_place)
        _place(second, *a_place)


def _people(meeting: Meeting) -> list[Participant]:
    return [
        s.participant
        for s in meeting.seats.select_related(
            "participant__registration__person", "participant__registration__organisation"
        ).order_by("id")
    ]


def _place(meeting: Meeting, slot, table, room) -> None:
    meeting.slot, meeting.table, meeting.room = slot, table, room
    meeting.status = MeetingStatus.SCHEDULED
    try:
        with transaction.atomic():
            meeting.save(update_fields=["slot", "table", "room", "status", "updated_at"])
            meeting.seats.update(slot=slot, active=True)
    except IntegrityError:
        raise ScheduleConflict(
            _("Someone else changed this slot at the same time; reload and try again.")
        ) from None


def cancel(*, meeting: Meeting) -> None:
    """Cancel a meeting of the draft (kept, marked cancelled) instead of deleting it."""
    with transaction.atomic():
        _lock_draft(meeting.schedule)
        cancel_meeting(meeting)
