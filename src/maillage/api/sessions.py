"""Matchmaking API for organisers: an event's meeting sessions and their set-up — settings,
days and breaks (which give the slots), tables, online rooms, who may meet whom, meeting limits
per participation type, and bringing the event's registrants in.

Staff of the event's organisers only (``matchmaking.rules``); every change goes through
``matchmaking.services.sessions``, as the set-up page's.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from ninja import Field, Router, Schema, Status

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found
from maillage.api.session_access import managed_event, managed_session
from maillage.api.session_schemas import SlotOut, slot_json
from maillage.api.texts import Line
from maillage.events.enums import ParticipationType
from maillage.matchmaking.enums import SlotLength
from maillage.matchmaking.models import MeetingSession
from maillage.matchmaking.services import sessions

router = Router(tags=["matchmaking: set-up"])


class SessionIn(Schema):
    name: Line = Field(..., min_length=1)
    slot_minutes: SlotLength = SlotLength.MIN_20
    wish_deadline: datetime | None = None
    requests_open: bool = True
    request_expiry_hours: int = Field(72, ge=1, le=10_000)
    self_booking: bool = True
    default_max_meetings: int | None = Field(None, ge=0, le=10_000)
    remind_day_before: bool = True
    remind_minutes_before: int | None = Field(None, ge=5, le=1440)
    feedback_request: bool = True


class SessionPatch(Schema):
    """Only the fields given change; ``wish_deadline``, ``default_max_meetings`` and
    ``remind_minutes_before`` may be set to null (no deadline, no limit, no reminder)."""

    name: Line | None = Field(None, min_length=1)
    slot_minutes: SlotLength | None = None
    wish_deadline: datetime | None = None
    requests_open: bool | None = None
    request_expiry_hours: int | None = Field(None, ge=1, le=10_000)
    self_booking: bool | None = None
    default_max_meetings: int | None = Field(None, ge=0, le=10_000)
    remind_day_before: bool | None = None
    remind_minutes_before: int | None = Field(None, ge=5, le=1440)
    feedback_request: bool | None = None


# Settings that null clears; for the others, null in a patch means "unchanged".
NULLABLE = {"wish_deadline", "default_max_meetings", "remind_minutes_before"}


class SessionOut(Schema):
    id: int
    event: str
    name: str
    slot_minutes: int
    wish_deadline: datetime | None
    requests_open: bool
    request_expiry_hours: int
    self_booking: bool
    default_max_meetings: int | None
    remind_day_before: bool
    remind_minutes_before: int | None
    feedback_request: bool

    @staticmethod
    def resolve_event(obj) -> str:
        return obj.event.slug


class BreakIn(Schema):
    starts_at: time
    ends_at: time
    label: str = Field("", max_length=100)


class BreakOut(Schema):
    id: int
    starts_at: time
    ends_at: time
    label: str


class DayIn(Schema):
    date: date
    starts_at: time
    ends_at: time


class DayOut(Schema):
    id: int
    date: date
    starts_at: time
    ends_at: time
    breaks: list[BreakOut]

    @staticmethod
    def resolve_breaks(obj):
        return list(obj.breaks.all())


class TablesIn(Schema):
    count: int = Field(..., ge=0, le=2000)


class TableOut(Schema):
    id: int
    number: int
    name: str
    reserved_for: int | None

    @staticmethod
    def resolve_reserved_for(obj) -> int | None:
        return obj.reserved_for_id


class RoomIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)
    video_url: str = Field(..., min_length=1, max_length=200)


class RoomOut(Schema):
    id: int
    name: str
    video_url: str


class RuleIn(Schema):
    type_a: ParticipationType
    type_b: ParticipationType
    may_meet: bool


class RuleOut(Schema):
    type_a: str
    type_b: str
    may_meet: bool


class LimitIn(Schema):
    participation_type: ParticipationType
    max_meetings: int | None = Field(..., ge=0, le=10_000)  # null: no limit for this type


class LimitOut(Schema):
    participation_type: str
    max_meetings: int


class SetupOut(Schema):
    session: SessionOut
    days: list[DayOut]
    slots: list[SlotOut]
    tables: list[TableOut]
    rooms: list[RoomOut]
    rules: list[RuleOut]
    limits: list[LimitOut]
    participants: int


class AddedOut(Schema):
    added: int


def _session_out(session_id: int) -> MeetingSession:
    return MeetingSession.objects.select_related("event").get(pk=session_id)


@router.get(
    "/matchmaking/events/{slug}/sessions",
    response=answers({200: list[SessionOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def list_sessions(request, slug: str):
    """The event's meeting sessions."""
    event = managed_event(request, slug)
    return list(event.meeting_sessions.select_related("event").order_by("id"))


@router.post(
    "/matchmaking/events/{slug}/sessions",
    response=answers({201: SessionOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def create_session(request, slug: str, payload: SessionIn):
    """A new session (with its empty draft); then give its days, tables and rooms."""
    event = managed_event(request, slug)
    session = sessions.create_session(event=event, **payload.dict())
    return Status(201, _session_out(session.pk))


@router.get(
    "/matchmaking/sessions/{session_id}/setup",
    response=answers({200: SetupOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def get_setup(request, session_id: int):
    """Everything the set-up page shows: settings, days and breaks, slots, places, rules."""
    session = managed_session(request, session_id)
    return {
        "session": session,
        "days": list(session.days.prefetch_related("breaks").order_by("date")),
        "slots": [slot_json(s) for s in session.slots.order_by("index")],
        "tables": list(session.tables.order_by("number")),
        "rooms": list(session.online_rooms.order_by("id")),
        "rules": list(session.rules.order_by("type_a", "type_b")),
        "limits": list(session.type_limits.order_by("participation_type")),
        "participants": session.participants.count(),
    }


@router.patch(
    "/matchmaking/sessions/{session_id}",
    response=answers({200: SessionOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def update_session(request, session_id: int, payload: SessionPatch):
    """Change some settings; a new slot length makes the slots again (refused once meetings
    are placed)."""
    session = managed_session(request, session_id)
    given = payload.dict(exclude_unset=True)
    changes = {k: v for k, v in given.items() if v is not None or k in NULLABLE}
    sessions.change_settings(session=session, **changes)
    return _session_out(session.pk)


@router.post(
    "/matchmaking/sessions/{session_id}/days",
    response=answers({201: DayOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_day(request, session_id: int, payload: DayIn):
    """A day of meetings; the slots are made again from the days and breaks."""
    session = managed_session(request, session_id)
    with transaction.atomic():
        day = sessions.add_day(
            session=session,
            date=payload.date,
            starts_at=payload.starts_at,
            ends_at=payload.ends_at,
        )
    return Status(201, day)


@router.delete(
    "/matchmaking/sessions/{session_id}/days/{day_id}",
    response=answers({204: None}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def remove_day(request, session_id: int, day_id: int):
    """Remove a day and its breaks (refused once meetings are placed in its slots)."""
    session = managed_session(request, session_id)
    day = session.days.filter(pk=day_id).first()
    if day is None:
        raise not_found("day")
    sessions.remove_day(day=day)
    return Status(204, None)


@router.post(
    "/matchmaking/sessions/{session_id}/days/{day_id}/breaks",
    response=answers({201: BreakOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_break(request, session_id: int, day_id: int, payload: BreakIn):
    """A break inside a day (lunch, a talk): no slot overlaps it."""
    session = managed_session(request, session_id)
    day = session.days.select_related("session__event").filter(pk=day_id).first()
    if day is None:
        raise not_found("day")
    with transaction.atomic():
        item = sessions.add_break(
            day=day, starts_at=payload.starts_at, ends_at=payload.ends_at, label=payload.label
        )
    return Status(201, item)


@router.put(
    "/matchmaking/sessions/{session_id}/tables",
    response=answers({200: list[TableOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def set_tables(request, session_id: int, payload: TablesIn):
    """Number the tables 1…count (those that stay keep their names and reservations)."""
    session = managed_session(request, session_id)
    with transaction.atomic():
        sessions.set_tables(session=session, count=payload.count)
    return list(session.tables.order_by("number"))


@router.post(
    "/matchmaking/sessions/{session_id}/rooms",
    response=answers({201: RoomOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_room(request, session_id: int, payload: RoomIn):
    """An online room (a video link) for the participants who meet online."""
    session = managed_session(request, session_id)
    room = sessions.add_online_room(session=session, name=payload.name, video_url=payload.video_url)
    return Status(201, room)


@router.put(
    "/matchmaking/sessions/{session_id}/rules",
    response=answers({200: list[RuleOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def set_rule(request, session_id: int, payload: RuleIn):
    """Whether participants of two types may meet (both ways); answers every rule."""
    session = managed_session(request, session_id)
    sessions.set_rule(
        session=session, type_a=payload.type_a, type_b=payload.type_b, may_meet=payload.may_meet
    )
    return list(session.rules.order_by("type_a", "type_b"))


@router.put(
    "/matchmaking/sessions/{session_id}/limits",
    response=answers({200: list[LimitOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def set_limit(request, session_id: int, payload: LimitIn):
    """The most meetings a participant of a type may have (null: no limit); answers every
    limit."""
    session = managed_session(request, session_id)
    sessions.set_type_limit(
        session=session,
        participation_type=payload.participation_type,
        max_meetings=payload.max_meetings,
    )
    return list(session.type_limits.order_by("participation_type"))


@router.post(
    "/matchmaking/sessions/{session_id}/registrants",
    response=answers({200: AddedOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def add_registrants(request, session_id: int):
    """Every confirmed registrant of the event takes part (those already in are kept)."""
    session = managed_session(request, session_id)
    return {"added": sessions.add_all_registrants(session=session)}
