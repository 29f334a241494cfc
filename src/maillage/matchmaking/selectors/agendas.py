"""Agendas read from the last PUBLISHED schedule of a session (participants never see drafts).

Queries are constant in number whatever the count of meetings or participants: meetings come
with their slot, table, room and seats (and the seats' people) prefetched.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from maillage.matchmaking.enums import MeetingStatus, ScheduleStatus
from maillage.matchmaking.models import (
    Meeting,
    MeetingSeat,
    MeetingSession,
    MeetingSlot,
    Participant,
    Schedule,
)
from maillage.matchmaking.services.agendas import (
    Agenda,
    AgendaMeeting,
    FreeSlot,
    Person,
    PlanTable,
    SlotPlan,
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


MEETING_FIELDS = (
    "id",
    "uid",
    "status",
    "slot_id",
    "slot__starts_at",
    "slot__ends_at",
    "slot__index",
    "table_id",
    "table__number",
    "table__name",
    "room_id",
    "room__name",
    "room__video_url",
)
SEAT_FIELDS = (
    "meeting_id",
    "participant_id",
    "participant__registration__person__first_name",
    "participant__registration__person__last_name",
    "participant__registration__organisation__name",
    "participant__registration__job_title",
)


@dataclass
class _Row:
    """A meeting read as plain values (no model instances: an agenda reads hundreds of them)."""

    id: int
    uid: str
    cancelled: bool
    slot_id: int
    starts_at: object
    ends_at: object
    place: str
    video_url: str
    seats: list = field(default_factory=list)  # [(participant id, Person)]


def _meetings(schedule: Schedule, participant_ids=None, *, scheduled_only=False) -> list[_Row]:
    qs = Meeting.objects.filter(schedule=schedule)
    if participant_ids is not None:
        qs = qs.filter(
            id__in=MeetingSeat.objects.filter(
                schedule=schedule, participant_id__in=participant_ids
            ).values("meeting_id")
        )
    if scheduled_only:
        qs = qs.filter(status=MeetingStatus.SCHEDULED)
    return _rows(qs.order_by("slot__index", "table__number", "id"))


def _rows(qs) -> list[_Row]:
    rows = {}
    for m in qs.values(*MEETING_FIELDS):
        if m["table_id"]:
            place = m["table__name"] or _("Table %(number)s") % {"number": m["table__number"]}
        else:
            place = m["room__name"] or ""
        rows[m["id"]] = _Row(
            id=m["id"],
            uid=str(m["uid"]),
            cancelled=m["status"] == MeetingStatus.CANCELLED,
            slot_id=m["slot_id"],
            starts_at=m["slot__starts_at"],
            ends_at=m["slot__ends_at"],
            place=place,
            video_url=m["room__video_url"] or "",
        )
    seats = MeetingSeat.objects.filter(meeting_id__in=list(rows)).order_by("participant_id")
    for seat in seats.values(*SEAT_FIELDS):
        person = Person(
            name=f"{seat['participant__registration__person__first_name']} "
            f"{seat['participant__registration__person__last_name']}".strip(),
            organisation=seat["participant__registration__organisation__name"] or "",
            job_title=seat["participant__registration__job_title"] or "",
        )
        rows[seat["meeting_id"]].seats.append((seat["participant_id"], person))
    return list(rows.values())


def _agenda_meeting(row: _Row, me_id: int, cancelled: bool) -> AgendaMeeting:
    return AgendaMeeting(
        uid=row.uid,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        others=tuple(person for pid, person in row.seats if pid != me_id),
        place=row.place,
        video_url=row.video_url,
        cancelled=cancelled,
        id=row.id,
    )


def _build(session, schedule, participant, meetings, slots, unavailable, *, withdrawn=(), url=""):
    rows, busy = [], set()
    for meeting in meetings:
        rows.append(_agenda_meeting(meeting, participant.pk, meeting.cancelled))
        if not meeting.cancelled:
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
    meetings = _meetings(schedule, [participant.pk])
    current = {m.uid for m in meetings}
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
    latest: dict[str, _Row] = {}
    for row in _rows(earlier.order_by("schedule__version", "id")):
        latest[row.uid] = row
    return [_agenda_meeting(r, participant.pk, cancelled=True) for r in latest.values()]


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
    by_participant: dict[int, list[_Row]] = defaultdict(list)
    for meeting in _meetings(schedule, scheduled_only=True):
        for pid, _person in meeting.seats:
            by_participant[pid].append(meeting)
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
    by_slot: dict[int, list[_Row]] = defaultdict(list)
    for meeting in _meetings(schedule, scheduled_only=True):  # in table order
        by_slot[meeting.slot_id].append(meeting)
    plans = []
    for slot in MeetingSlot.objects.filter(session=session).order_by("index"):
        tables = tuple(
            PlanTable(place=m.place, people=tuple(person for _pid, person in m.seats))
            for m in by_slot.get(slot.id, [])
        )
        plans.append(SlotPlan(slot.index, slot.starts_at, slot.ends_at, tables))
    return plans
