"""What the organisers' matchmaking operations share: the event or session they manage, loaded
and checked in one call (``matchmaking.rules``, as the pages' ``access.managed_session``), and
the objects of a session named by id in a request body.

An unknown session and a session of an event the caller may not even see get the same 404; the
staff of another park who see a public event get 403. Ids in a body that are not of the
session are refused with a 422 naming the field.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from maillage.api.errors import invalid, not_found
from maillage.events.models import Event
from maillage.matchmaking.models import (
    Meeting,
    MeetingSession,
    MeetingSlot,
    OnlineRoom,
    Participant,
    Table,
)


def _organisers_only() -> HttpError:
    return HttpError(403, _("Only the organisers of this event may do this."))


def managed_event(request, slug: str) -> Event:
    """The event, if the caller manages its meetings (``matchmaking.manage_meetings``)."""
    event = Event.objects.select_related("venue_organisation").filter(slug=slug).first()
    if event is None or not request.user.has_perm("events.view_event", event):
        raise not_found("event")
    if not request.user.has_perm("matchmaking.manage_meetings", event):
        raise _organisers_only()
    return event


def managed_session(request, session_id: int) -> MeetingSession:
    """The session, if the caller manages it (``matchmaking.manage_session``)."""
    session = (
        MeetingSession.objects.select_related("event__venue_organisation")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise not_found(_("meeting session"))
    if not request.user.has_perm("matchmaking.manage_session", session):
        if not request.user.has_perm("events.view_event", session.event):
            raise not_found(_("meeting session"))
        raise _organisers_only()
    return session


def participant_of(session: MeetingSession, participant_id: int) -> Participant:
    """A participant of the session named in the path (404 if not of this session)."""
    participant = session.participants.with_people().filter(pk=participant_id).first()
    if participant is None:
        raise not_found("participant")
    participant.session = session
    return participant


def draft_meeting(session: MeetingSession, meeting_id: int, draft) -> Meeting:
    """A meeting of the session's draft named in the path (404 otherwise)."""
    meeting = (
        Meeting.objects.select_related("schedule", "slot", "table", "room")
        .filter(pk=meeting_id, schedule=draft)
        .first()
    )
    if meeting is None:
        raise not_found(_("meeting of the draft"))
    return meeting


def _one(queryset: QuerySet, pk: int, *, field: str, message: str) -> Model:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise invalid(field, message)
    return found


def slot(session: MeetingSession, pk: int, *, field: str = "slot") -> MeetingSlot:
    return _one(
        session.slots.select_related("session__event"),
        pk,
        field=field,
        message=_(
            "No slot of this session has this id; the slots are listed by GET "
            "/api/v1/matchmaking/sessions/{id}/setup."
        ),
    )


def slots(session: MeetingSession, ids: list[int], *, field: str) -> list[MeetingSlot]:
    found = list(session.slots.filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise invalid(
            field,
            _(
                "Some of these ids are not slots of this session; the slots are listed by GET "
                "/api/v1/matchmaking/sessions/{id}/setup."
            ),
        )
    return found


def table(session: MeetingSession, pk: int | None, *, field: str = "table") -> Table | None:
    if pk is None:
        return None
    return _one(
        session.tables.select_related("reserved_for__registration__person"),
        pk,
        field=field,
        message=_("No table of this session has this id; choose one of the session's tables."),
    )


def room(session: MeetingSession, pk: int | None, *, field: str = "room") -> OnlineRoom | None:
    if pk is None:
        return None
    return _one(
        session.online_rooms.all(),
        pk,
        field=field,
        message=_("No online room of this session has this id; choose one of its rooms."),
    )


def participant(session: MeetingSession, pk: int, *, field: str) -> Participant:
    return _one(
        session.participants.with_people().select_related("absent_from_slot__session__event"),
        pk,
        field=field,
        message=_(
            "No participant of this session has this id; they are listed by GET "
            "/api/v1/matchmaking/sessions/{id}/participants."
        ),
    )
