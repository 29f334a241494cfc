"""After publication, participants may book the slots still free with each other themselves.

The meeting goes into the published version (so both agendas show it at once) and into the
draft with the same uid, at the slot chosen, at a table (or online room) free in both.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.matchmaking.enums import MeetingSource, WishLevel
from maillage.matchmaking.models import Meeting, MeetingSlot, Participant, Wish
from maillage.matchmaking.services.placement import (
    Occupancy,
    ScheduleConflict,
    check_people,
    create_meeting,
    free_place,
)
from maillage.matchmaking.services.sessions import ensure_draft, published_schedule


def _schedules(session):
    published = published_schedule(session)
    if not session.self_booking or published is None:
        raise ValidationError(
            _("Booking free slots opens once the organisers publish the schedule.")
        )
    return [published, ensure_draft(session)]


def free_slots(*, me: Participant, other: Participant) -> list[MeetingSlot]:
    """Upcoming slots where both are free and a place is left, in the published version."""
    schedules = _schedules(me.session)
    occupancies = [Occupancy(s) for s in schedules]
    tables = list(me.session.tables.all())
    rooms = list(me.session.online_rooms.all())
    off = set(me.unavailable_slots.values_list("id", flat=True)) | set(
        other.unavailable_slots.values_list("id", flat=True)
    )
    out = []
    for slot in me.session.slots.filter(starts_at__gt=timezone.now()).order_by("index"):
        if slot.id in off or any(
            (p.id, slot.id) in o.seat for o in occupancies for p in (me, other)
        ):
            continue
        if any(
            p.absent_from_slot_id and p.absent_from_slot.index <= slot.index for p in (me, other)
        ):
            continue
        table, room = free_place(
            slot=slot, people=[me, other], occupancies=occupancies, tables=tables, rooms=rooms
        )
        if table or room:
            out.append(slot)
    return out


def self_book(*, by: Participant, other: Participant, slot: MeetingSlot) -> Meeting:
    session = by.session
    if other.session_id != session.id or slot.session_id != session.id or other.id == by.id:
        raise ValidationError(_("Choose another participant and a slot of the same session."))
    if slot.starts_at <= timezone.now():
        raise ValidationError(_("This slot has started already; choose a later one."))
    if Wish.objects.filter(author=other, target=by, level=WishLevel.NO_THANKS).exists():
        raise ValidationError(_("%(who)s does not wish to meet.") % {"who": other.person_name})
    with transaction.atomic():
        schedules = _schedules(session)
        people = list(
            Participant.objects.select_for_update(of=("self",))
            .filter(id__in=sorted((by.id, other.id)))
            .order_by("id")
            .select_related("registration__person", "registration__organisation", "session")
        )
        occupancies = [Occupancy(s) for s in schedules]
        for schedule, occupancy in zip(schedules, occupancies, strict=True):
            check_people(schedule=schedule, people=people, slot=slot, occupancy=occupancy)
        table, room = free_place(
            slot=slot,
            people=people,
            occupancies=occupancies,
            tables=list(session.tables.all()),
            rooms=list(session.online_rooms.all()),
        )
        if table is None and room is None:
            raise ScheduleConflict(
                _("No table or room is free in slot %(slot)s any more.") % {"slot": slot.label}
            )
        uid = uuid.uuid4()
        try:
            with transaction.atomic():
                made = [
                    create_meeting(
                        schedule=s,
                        people=[by, other],
                        slot=slot,
                        table=table,
                        room=room,
                        source=MeetingSource.SELF_BOOKED,
                        uid=uid,
                        weight=3,
                    )
                    for s in schedules
                ]
        except IntegrityError:
            raise ScheduleConflict(
                _("Someone else changed this slot at the same time; reload and try again.")
            ) from None
    return made[0]
