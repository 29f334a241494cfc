"""Matchmaking API for organisers: the staff schedule — the draft grid, putting a run's best
schedule into it, hand edits (add, move, lock, swap, remove a meeting), publishing a version
and the versions published, with what each participant was told.

Hand edits go through ``matchmaking.services.editing`` (over ``placement``): a conflict (someone
busy, a table taken, a published version) is a 409 whose sentence names what is in the way.
Publishing goes through ``matchmaking.scheduling.release``, inside one transaction.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from maillage.api import session_access
from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, invalid, not_found, state_change
from maillage.api.session_access import draft_meeting, managed_session
from maillage.api.session_schemas import (
    GridOut,
    ScheduleMeetingOut,
    SessionPersonOut,
    grid_json,
    meeting_json,
    person_json,
)
from maillage.api.texts import Line, Text
from maillage.matchmaking.models import Meeting, MeetingSession, ScheduleRun
from maillage.matchmaking.scheduling import release, runs
from maillage.matchmaking.selectors import schedules
from maillage.matchmaking.services import editing
from maillage.matchmaking.services.sessions import ensure_draft, published_schedule

router = Router(tags=["matchmaking: schedule"])


class DraftOut(Schema):
    draft: int  # the draft schedule's id
    meetings: int
    published_version: int | None  # the version participants see, if any
    latest_run: int | None
    grid: GridOut


class MeetingIn(Schema):
    participants: list[int] = Field(..., min_length=2, max_length=4)  # participant ids
    slot: int  # a slot id of the session
    table: int | None = None
    room: int | None = None


class MeetingPatch(Schema):
    """A move (any of slot, table, room: the place given replaces the other) and/or a lock."""

    slot: int | None = None
    table: int | None = None
    room: int | None = None
    locked: bool | None = None


class SwapIn(Schema):
    other: int  # the id of another meeting of the draft


class PublishIn(Schema):
    name: Line = ""
    comment: Text = ""


class VersionOut(Schema):
    version: int
    status: str
    name: str
    comment: str
    published_at: datetime | None
    published_by: str | None
    meetings: int
    participants_told: int


class ScheduleChangeOut(Schema):
    kind: str
    uid: str
    with_: list[str]
    before: str
    after: str


class NoticeOut(Schema):
    person: SessionPersonOut
    changes: list[ScheduleChangeOut]
    notified_at: datetime | None


class VersionDetailOut(Schema):
    version: VersionOut
    notices: list[NoticeOut]
    grid: GridOut


def _draft_out(session: MeetingSession) -> dict:
    draft = ensure_draft(session)
    published = published_schedule(session)
    run = schedules.latest_run(session)
    return {
        "draft": draft.pk,
        "meetings": draft.meetings.scheduled().count(),
        "published_version": published.version if published else None,
        "latest_run": run.pk if run else None,
        "grid": grid_json(schedules.grid(session, draft)),
    }


def _meeting_out(meeting: Meeting) -> dict:
    return meeting_json(Meeting.objects.with_details().get(pk=meeting.pk))


def _version_json(v) -> dict:
    return {
        "version": v.version,
        "status": v.status,
        "name": v.name,
        "comment": v.comment,
        "published_at": v.published_at,
        "published_by": str(v.published_by) if v.published_by_id else None,
        "meetings": v.n_meetings,
        "participants_told": v.n_told,
    }


@router.get(
    "/matchmaking/sessions/{session_id}/draft",
    response=answers({200: DraftOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def get_draft(request, session_id: int):
    """The draft the organisers edit: rows = slots, columns = tables then online rooms."""
    return _draft_out(managed_session(request, session_id))


@router.post(
    "/matchmaking/runs/{run_id}/apply",
    response=answers({200: DraftOut}, 401, 404, 409),
    auth=WRITE_AUTH,
)
def apply_run(request, run_id: int):
    """Put the best schedule a stopped run found into the draft."""
    run = ScheduleRun.objects.select_related("session__event").filter(pk=run_id).first()
    if run is None or not request.user.has_perm("matchmaking.manage_session", run.session):
        raise not_found("run")
    with state_change():
        runs.apply_best_found(run=run)
    return _draft_out(run.session)


@router.post(
    "/matchmaking/sessions/{session_id}/draft/meetings",
    response=answers({201: ScheduleMeetingOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def add_meeting(request, session_id: int, payload: MeetingIn):
    """Add a meeting of two to four participants at a table or in an online room."""
    session = managed_session(request, session_id)
    people = [
        session_access.participant(session, pk, field="participants") for pk in payload.participants
    ]
    meeting = editing.add_meeting(
        schedule=ensure_draft(session),
        people=people,
        slot=session_access.slot(session, payload.slot),
        table=session_access.table(session, payload.table),
        room=session_access.room(session, payload.room),
    )
    return Status(201, _meeting_out(meeting))


@router.get(
    "/matchmaking/sessions/{session_id}/draft/meetings/{meeting_id}",
    response=answers({200: ScheduleMeetingOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def get_meeting(request, session_id: int, meeting_id: int):
    session = managed_session(request, session_id)
    return _meeting_out(draft_meeting(session, meeting_id, ensure_draft(session)))


@router.patch(
    "/matchmaking/sessions/{session_id}/draft/meetings/{meeting_id}",
    response=answers({200: ScheduleMeetingOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def edit_meeting(request, session_id: int, meeting_id: int, payload: MeetingPatch):
    """Move a meeting (its participants' other meetings must allow it) and/or lock it, so
    that the optimiser keeps it where it is."""
    session = managed_session(request, session_id)
    meeting = draft_meeting(session, meeting_id, ensure_draft(session))
    given = payload.dict(exclude_unset=True)
    with transaction.atomic():
        if given.keys() & {"slot", "table", "room"}:
            slot = meeting.slot
            if given.get("slot") is not None:
                slot = session_access.slot(session, given["slot"])
            table, room = meeting.table, meeting.room
            if given.keys() & {"table", "room"}:
                table = session_access.table(session, given.get("table"))
                room = session_access.room(session, given.get("room"))
            editing.move_meeting(meeting=meeting, slot=slot, table=table, room=room)
        if given.get("locked") is not None:
            editing.set_locked(meeting=meeting, locked=given["locked"])
    return _meeting_out(meeting)


@router.post(
    "/matchmaking/sessions/{session_id}/draft/meetings/{meeting_id}/swap",
    response=answers({200: list[ScheduleMeetingOut]}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def swap_meetings(request, session_id: int, meeting_id: int, payload: SwapIn):
    """Exchange the slots and places of two meetings of the draft."""
    session = managed_session(request, session_id)
    draft = ensure_draft(session)
    first = draft_meeting(session, meeting_id, draft)
    second = Meeting.objects.select_related("schedule", "slot", "table", "room")
    second = second.filter(pk=payload.other, schedule=draft).first()
    if second is None:
        raise invalid(
            "other",
            _("No meeting of this session's draft has this id; the draft lists its meetings."),
        )
    editing.swap_meetings(first=first, second=second)
    return [_meeting_out(first), _meeting_out(second)]


@router.delete(
    "/matchmaking/sessions/{session_id}/draft/meetings/{meeting_id}",
    response=answers({204: None}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def remove_meeting(request, session_id: int, meeting_id: int):
    session = managed_session(request, session_id)
    editing.remove_meeting(meeting=draft_meeting(session, meeting_id, ensure_draft(session)))
    return Status(204, None)


@router.post(
    "/matchmaking/sessions/{session_id}/versions",
    response=answers({201: VersionOut}, 401, 403, 404, 409),
    auth=WRITE_AUTH,
)
def publish(request, session_id: int, payload: PublishIn):
    """Publish the draft as the next version; each participant is told what changed for them
    (by e-mail, after the commit) and a new draft starts as a copy."""
    session = managed_session(request, session_id)
    with state_change():
        version = release.publish(
            session=session, user=request.user, name=payload.name, comment=payload.comment
        )
    return Status(201, _version_json(schedules.versions(session).get(pk=version.pk)))


@router.get(
    "/matchmaking/sessions/{session_id}/versions",
    response=answers({200: list[VersionOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def list_versions(request, session_id: int):
    """The published versions, the latest first."""
    session = managed_session(request, session_id)
    return [_version_json(v) for v in schedules.versions(session)]


@router.get(
    "/matchmaking/sessions/{session_id}/versions/{number}",
    response=answers({200: VersionDetailOut}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def get_version(request, session_id: int, number: int):
    """One version: its grid and what each participant was told of it."""
    session = managed_session(request, session_id)
    version = schedules.versions(session).filter(version=number).first()
    if version is None:
        raise not_found("version")
    notices = [
        {
            "person": person_json(n.participant),
            "changes": [{**c, "with_": c.get("with", [])} for c in n.changes],
            "notified_at": n.notified_at,
        }
        for n in schedules.notices(version)
    ]
    return {
        "version": _version_json(version),
        "notices": notices,
        "grid": grid_json(schedules.grid(session, version)),
    }
