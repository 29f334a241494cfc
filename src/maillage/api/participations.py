"""Matchmaking API: the caller's way into the meetings of an event — the sessions they take part
in, each with the meeting requests waiting for their answer (what the "My meetings" page shows;
each session's agenda, wishes, requests and recommendations have operations of their own).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from maillage.api.auth import WRITE_AUTH
from maillage.api.errors import answers, not_found
from maillage.events.models import Event
from maillage.matchmaking.selectors.participants import participations

router = Router(tags=["matchmaking"])


class ParticipationOut(Schema):
    session: int
    session_name: str
    participant: int  # the caller's participant id in the session
    pending_requests: int  # requests waiting for the caller's answer
    self_booking: bool  # free slots may be booked once the schedule is published


@router.get(
    "/matchmaking/events/{slug}/participations",
    response=answers({200: list[ParticipationOut]}, 401, 403, 404),
    auth=WRITE_AUTH,
)
def my_participations(request, slug: str):
    """The sessions of the event the caller takes part in."""
    event = Event.objects.filter(slug=slug).first()
    if event is None or not request.user.has_perm("events.view_event", event):
        raise not_found("event")
    mine = participations(request.user, event)
    if not mine:
        raise HttpError(403, _("You do not take part in this event's meetings."))
    return [
        {
            "session": p.session_id,
            "session_name": p.session.name,
            "participant": p.pk,
            "pending_requests": pending,
            "self_booking": p.session.self_booking,
        }
        for p, pending in mine
    ]
