"""Agendas read from the last PUBLISHED schedule of a session (participants never see drafts).

Queries are constant in number whatever the count of meetings or participants: meetings come
with their slot, table, room and seats (and the seats' people) prefetched.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch

from maillage.matchmaking.agendas import (
    Agenda,
    AgendaMeeting,
    FreeSlot,
    Person,
    PlanTable,
    SlotPlan,
)
from maillage.matchmaking.enums import MeetingStatus, ScheduleStatus
from maillage.matchmaking.models import (
    Meeting,
    MeetingSeat,
    MeetingSession,
    MeetingSlot,
    Participant,
    Schedule,
)


def published_schedule(session: MeetingSession) -> Schedule | None:
    return (
        Schedule.objects.filter(session=session, status=ScheduleStatus.PUBLISHED)
        .order_by("-version")
        .first()
    )


def _person(participant: Participant) -> Person:
    reg = participant.registration
    return Person(
        name=str(reg.person),
        organisation=str(reg.organisation) if reg.organisation_id else "",
        job_title=reg.job_title,
    )


def _venue(session: MeetingSession) -> str:
    event = session.event
    place = event.venue_name or (event.venue_organisation.name if event.venue_organisation else "")
    return ", ".join(p for p in (place, event.city) if p)


def _meetings(schedule: Schedule, participant_ids=None):
    seats = MeetingSeat.objects.select_related(
        "participant__registration__person", "participant__registration__organisation"
    ).order_by("participant_id")
    qs = Meeting.objects.filter(schedule=schedule)
    if participant_ids is not None:
        qs = qs.filter(seats__participant_id__in=participant_ids).distinct()
    return (
        qs.select_related("slot", "table", "room")
        .prefetch_related(Prefetch("seats", queryset=seats))
        .order_by("slot__index", "table__number", "id")
    )


def _agenda_meeting(meeting: Meeting, me_id: int, cancelled: bool) -> AgendaMeeting:
    others = tuple(_person(s.participant) for s in meeting.seats.all() if s.participant_id != me_id)
    if meeting.table_id:
        place = str(meeting.table)
    elif meeting.room_id:
        place = meeting.room.name
    else:
        place = ""
    return AgendaMeeting(
        uid=str(meeting.uid),
        starts_at=meeting.slot.starts_at,
        ends_at=meeting.slot.ends_at,
        others=others,
        place=place,
        video_url=meeting.room.video_url if meeting.room_id else "",
        cancelled=cancelled,
        id=meeting.pk,
    )


def _build(session, schedule, participant, meetings, slots, unavailable, *, withdrawn=(), url=""):
    rows, busy = [], set()
    for meeting in meetings:
        cancelled = meeting.status == MeetingStatus.CANCELLED
        rows.append(_agenda_meeting(meeting, participant.pk, cancelled))
        if not cancelled:
            busy.add(meeting.slot_id)
    rows += withdrawn
    rows.sort(key=lambda m: (m.starts_at, m.cancelled))
    free = tuple(
        FreeSlot(s.starts_at, s.ends_at, s.index)
        for s in slots
        if s.id not in busy and s.id not in unavailable
    )
    return Agenda(
        participant_id=participant.pk,
        person=_person(participant),
        event_title=session.event.title,
        session_name=session.name,
        time_zone=session.event.time_zone,
        venue=_venue(session),
        version=schedule.version,
        published_at=schedule.published_at,
        meetings=tuple(rows),
        free_slots=free,
        url=url,
    )


def agenda_of(participant: Participant, *, url: str = "") -> Agenda | None:
    """The participant's agenda in the last published version, or None before any.

    Meetings that were in an earlier published version but are gone now are listed as
    cancelled, so that the calendar file removes them.
    """
    session = participant.session
    schedule = published_schedule(session)
    if schedule is None:
        return None
    meetings = list(_meetings(schedule, [participant.pk]))
    current = {str(m.uid) for m in meetings}
    withdrawn = _withdrawn(session, schedule, participant, current)
    slots = list(MeetingSlot.objects.filter(session=session).order_by("index"))
    unavailable = set(participant.unavailable_slots.values_list("id", flat=True))
    return _build(
        session, schedule, participant, meetings, slots, unavailable, withdrawn=withdrawn, url=url
    )


def _withdrawn(session, schedule, participant, current: set[str]) -> list[AgendaMeeting]:
    earlier = Meeting.objects.filter(
        schedule__session=session,
        schedule__version__lt=schedule.version,
        schedule__status__in=(ScheduleStatus.PUBLISHED, ScheduleStatus.ARCHIVED),
        seats__participant=participant,
    ).exclude(uid__in=current)
    latest: dict[str, Meeting] = {}
    seats = MeetingSeat.objects.select_related(
        "participant__registration__person", "participant__registration__organisation"
    )
    for meeting in (
        earlier.select_related("slot", "table", "room")
        .prefetch_related(Prefetch("seats", queryset=seats))
        .order_by("schedule__version")
    ):
        latest[str(meeting.uid)] = meeting
    return [_agenda_meeting(m, participant.pk, cancelled=True) for m in latest.values()]


def agendas_of_session(session: MeetingSession) -> list[Agenda]:
    """Every participant's agenda in the last published version, by name (for the PDF)."""
    schedule = published_schedule(session)
    if schedule is None:
        return []
    participants = list(
        Participant.objects.filter(session=session)
        .select_related("registration__person", "registration__organisation")
        .order_by("registration__person__last_name", "registration__person__first_name", "id")
    )
    by_participant: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in _meetings(schedule).filter(status=MeetingStatus.SCHEDULED):
        for seat in meeting.seats.all():
            by_participant[seat.participant_id].append(meeting)
    slots = list(MeetingSlot.objects.filter(session=session).order_by("index"))
    unavailable: dict[int, set[int]] = defaultdict(set)
    through = Participant.unavailable_slots.through
    for pid, sid in through.objects.filter(participant__session=session).values_list(
        "participant_id", "meetingslot_id"
    ):
        unavailable[pid].add(sid)
    return [
        _build(session, schedule, p, by_participant[p.pk], slots, unavailable[p.pk])
        for p in participants
    ]


def table_plans(session: MeetingSession) -> list[SlotPlan]:
    """For each slot of the published schedule, each table (or room) and who sits there."""
    schedule = published_schedule(session)
    if schedule is None:
        return []
    by_slot: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in _meetings(schedule).filter(status=MeetingStatus.SCHEDULED):
        by_slot[meeting.slot_id].append(meeting)
    plans = []
    for slot in MeetingSlot.objects.filter(session=session).order_by("index"):
        meetings = sorted(
            by_slot.get(slot.id, []),
            key=lambda m: (m.table is None, m.table.number if m.table else 0, m.room_id or 0),
        )
        tables = tuple(
            PlanTable(
                place=str(m.table) if m.table_id else (m.room.name if m.room_id else ""),
                people=tuple(_person(s.participant) for s in m.seats.all()),
            )
            for m in meetings
        )
        plans.append(SlotPlan(slot.index, slot.starts_at, slot.ends_at, tables))
    return plans
