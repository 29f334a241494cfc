"""Matchmaking API (scheduling side): own requests, wishes and meetings; optimiser runs for staff.

A participant sees and changes only their own requests, wishes and meetings (the last
published version); staff of the organising organisations start, watch and stop runs.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found, state_change
from maillage.api.texts import Code, Text
from maillage.matchmaking.models import (
    Meeting,
    MeetingRequest,
    MeetingSession,
    Participant,
    ScheduleRun,
)
from maillage.matchmaking.scheduling import runs
from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.services import requests as meeting_requests
from maillage.matchmaking.services import selfbooking, wishes
from maillage.matchmaking.services.sessions import published_schedule

router = Router(tags=["matchmaking"])
PEOPLE = ("person", "organisation")


class ParticipantOut(Schema):
    participant: int
    name: str
    organisation: str | None


def participant_json(p: Participant) -> dict:
    """A participant as every matchmaking operation names them (``ParticipantOut``)."""
    reg = p.registration
    return {
        "participant": p.id,
        "name": str(reg.person),
        "organisation": str(reg.organisation) if reg.organisation_id else None,
    }


class RequestOut(Schema):
    id: int
    direction: str
    other: ParticipantOut
    message: str
    status: str
    created_at: datetime
    expires_at: datetime
    responded_at: datetime | None


class RequestIn(Schema):
    recipient: int
    message: Text = ""


class WishOut(Schema):
    target: ParticipantOut
    level: str


class WishIn(Schema):
    level: Code | None


class MeetingOut(Schema):
    uid: str
    starts_at: datetime
    ends_at: datetime
    table: str | None
    online_room: str | None
    video_url: str | None
    with_: list[ParticipantOut]
    source: str
    version: int


class RunIn(Schema):
    time_limit: int = Field(60, ge=1, le=3600)


class RunOut(Schema):
    id: int
    session: int
    status: str
    stop_requested: bool
    progress: dict
    result: dict
    error: str
    created_at: datetime
    finished_at: datetime | None


def session_of(session_id: int) -> MeetingSession:
    """The meeting session named in the path (404 if unknown)."""
    session = MeetingSession.objects.select_related("event").filter(pk=session_id).first()
    if session is None:
        raise not_found(_("meeting session"))
    return session


def taking_part(request, session: MeetingSession) -> Participant:
    """The caller's participant record in the session (403 if they take no part in it)."""
    me = session.participants.of_user(request.user).with_people().first()
    if me is None:
        raise HttpError(403, _("You do not take part in this meeting session."))
    return me


def _request_out(r: MeetingRequest, me: Participant) -> dict:
    sent = r.sender_id == me.id
    return {
        "id": r.id,
        "direction": "sent" if sent else "received",
        "other": participant_json(r.recipient if sent else r.sender),
        "message": r.message,
        "status": r.status,
        "created_at": r.created_at,
        "expires_at": r.expires_at,
        "responded_at": r.responded_at,
    }


@router.get(
    "/matchmaking/sessions/{session_id}/requests",
    response=answers({200: list[RequestOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def my_requests(request, session_id: int):
    me = taking_part(request, session_of(session_id))
    meeting_requests.expire_overdue()
    rows = list(schedules.inbox(me)) + list(schedules.outbox(me))
    return [_request_out(r, me) for r in sorted(rows, key=lambda r: r.created_at, reverse=True)]


@router.post(
    "/matchmaking/sessions/{session_id}/requests",
    response=answers({201: RequestOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def send_request(request, session_id: int, payload: RequestIn):
    session = session_of(session_id)
    me = taking_part(request, session)
    other = session.participants.with_people().filter(pk=payload.recipient).first()
    if other is None:
        raise HttpError(404, _("No such participant in this session."))
    with state_change():
        made = meeting_requests.send_request(sender=me, recipient=other, message=payload.message)
    return Status(201, _request_out(made, me))


def _of_party(request, request_id: int) -> tuple[MeetingRequest, Participant]:
    """The request and the caller's record, for its sender or recipient only (404 otherwise)."""
    r = (
        MeetingRequest.objects.select_related(
            "session__event",
            *(f"{side}__registration__{x}" for side in ("sender", "recipient") for x in PEOPLE),
        )
        .filter(pk=request_id)
        .first()
    )
    me = r.session.participants.of_user(request.user).first() if r is not None else None
    if me is None or me.id not in (r.sender_id, r.recipient_id):
        raise not_found("request")
    return r, me


def _received(request, request_id: int) -> tuple[MeetingRequest, Participant]:
    r, me = _of_party(request, request_id)
    if me.id != r.recipient_id:
        raise HttpError(403, _("Only the person asked can answer this request."))
    return r, me


@router.post(
    "/matchmaking/requests/{request_id}/accept",
    response=answers({200: MeetingOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def accept(request, request_id: int):
    r, me = _received(request, request_id)
    with state_change():
        meeting = meeting_requests.accept_request(request=r, by=me)
    return _meeting_out(Meeting.objects.with_details().get(pk=meeting.pk), me)


@router.post(
    "/matchmaking/requests/{request_id}/decline",
    response=answers({200: RequestOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def decline(request, request_id: int):
    r, me = _received(request, request_id)
    with state_change():
        meeting_requests.decline_request(request=r, by=me)
    r.refresh_from_db()
    return _request_out(r, me)


@router.delete(
    "/matchmaking/requests/{request_id}",
    response=answers({200: RequestOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def withdraw_request(request, request_id: int):
    """Withdraw a pending request the caller sent (the request stays, as withdrawn)."""
    r, me = _of_party(request, request_id)
    if me.id != r.sender_id:
        raise HttpError(403, _("Only the sender can withdraw this request."))
    with state_change():
        withdrawn = meeting_requests.cancel_request(request=r, by=me)
    r.status = withdrawn.status
    return _request_out(r, me)


@router.get(
    "/matchmaking/sessions/{session_id}/wishes",
    response=answers({200: list[WishOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def my_wishes(request, session_id: int):
    me = taking_part(request, session_of(session_id))
    rows = me.wishes.select_related(
        "target__registration__person", "target__registration__organisation"
    )
    return [{"target": participant_json(w.target), "level": w.level} for w in rows.order_by("id")]


@router.put(
    "/matchmaking/sessions/{session_id}/wishes/{participant_id}",
    response=answers({200: WishOut, 204: None}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def set_wish(request, session_id: int, participant_id: int, payload: WishIn):
    session = session_of(session_id)
    me = taking_part(request, session)
    target = session.participants.with_people().filter(pk=participant_id).first()
    if target is None:
        raise HttpError(404, _("No such participant in this session."))
    wish = wishes.set_wish(author=me, target=target, level=payload.level)
    if wish is None:
        return Status(204, None)
    return {"target": participant_json(target), "level": wish.level}


def _meeting_out(m: Meeting, me: Participant) -> dict:
    others = [p for p in (m.participant_a, m.participant_b) if p.id != me.id]
    return {
        "uid": str(m.uid),
        "starts_at": m.slot.starts_at,
        "ends_at": m.slot.ends_at,
        "table": str(m.table) if m.table_id else None,
        "online_room": str(m.room) if m.room_id else None,
        "video_url": m.room.video_url if m.room_id else None,
        "with_": [participant_json(p) for p in others],
        "source": m.source,
        "version": m.schedule.version or 0,
    }


@router.get(
    "/matchmaking/sessions/{session_id}/meetings",
    response=answers({200: list[MeetingOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def my_meetings(request, session_id: int):
    """The caller's meetings in the last published version (empty before publication)."""
    session = session_of(session_id)
    me = taking_part(request, session)
    published = published_schedule(session)
    if published is None:
        return []
    rows = (
        Meeting.objects.scheduled()
        .filter(schedule=published)
        .of_participant(me)
        .with_details()
        .select_related("schedule")
        .order_by("slot__index")
    )
    return [_meeting_out(m, me) for m in rows]


def _managed(request, session_id: int) -> MeetingSession:
    session = session_of(session_id)
    if not request.user.has_perm("matchmaking.manage_session", session):
        raise HttpError(403, _("Only the organisers of this event may do this."))
    return session


def _run(request, run_id: int) -> ScheduleRun:
    run = ScheduleRun.objects.select_related("session__event").filter(pk=run_id).first()
    if run is None or not request.user.has_perm("matchmaking.manage_session", run.session):
        raise not_found("run")
    return run


def _run_out(run: ScheduleRun) -> dict:
    return {
        "id": run.id,
        "session": run.session_id,
        "status": run.status,
        "stop_requested": run.stop_requested,
        "progress": run.progress,
        "result": run.result,
        "error": run.error,
        "created_at": run.created_at,
        "finished_at": run.finished_at,
    }


@router.post(
    "/matchmaking/sessions/{session_id}/runs",
    response=answers({201: RunOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def start_run(request, session_id: int, payload: RunIn):
    session = _managed(request, session_id)
    with state_change():
        run = runs.start_run(session=session, user=request.user, time_limit=payload.time_limit)
    run.refresh_from_db()
    return Status(201, _run_out(run))


@router.get(
    "/matchmaking/runs/{run_id}", response=answers({200: RunOut}, 401, 404), auth=WRITE_AUTH
)
def run_status(request, run_id: int):
    return _run_out(_run(request, run_id))


@router.post(
    "/matchmaking/runs/{run_id}/stop", response=answers({200: RunOut}, 401, 404), auth=WRITE_AUTH
)
def stop_run(request, run_id: int):
    return _run_out(runs.stop_run(run=_run(request, run_id)))


class BookingIn(Schema):
    participant: int
    slot: int  # the slot's index in the session (0-based), as in free_slots


@router.get(
    "/matchmaking/sessions/{session_id}/free-slots/{participant_id}",
    response=answers({200: list[int]}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def free_slots(request, session_id: int, participant_id: int):
    """Indices of the upcoming slots the caller and another participant could book together."""
    session = session_of(session_id)
    me = taking_part(request, session)
    other = session.participants.with_people().filter(pk=participant_id).first()
    if other is None:
        raise HttpError(404, _("No such participant in this session."))
    with state_change():
        return [s.index for s in selfbooking.free_slots(me=me, other=other)]


@router.post(
    "/matchmaking/sessions/{session_id}/bookings",
    response=answers({201: MeetingOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def book(request, session_id: int, payload: BookingIn):
    """Book a free slot with another participant (after publication, when the session allows)."""
    session = session_of(session_id)
    me = taking_part(request, session)
    other = session.participants.with_people().filter(pk=payload.participant).first()
    slot = session.slots.filter(index=payload.slot).first()
    if other is None or slot is None:
        raise HttpError(404, _("No such participant or slot in this session."))
    with state_change():
        meeting = selfbooking.self_book(by=me, other=other, slot=slot)
    return Status(
        201,
        _meeting_out(
            Meeting.objects.with_details().select_related("schedule").get(pk=meeting.pk), me
        ),
    )
