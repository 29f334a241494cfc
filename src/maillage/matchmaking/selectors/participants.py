"""Who is looking: the signed-in user's participant records in an event.

What they may see is decided in ``matchmaking.rules``; these are the reads the pages need to
find the user's own record and the sessions they take part in.
"""

from __future__ import annotations

from django.db.models import Count, Q

from maillage.events.models import Event
from maillage.matchmaking.enums import RequestStatus
from maillage.matchmaking.models import MeetingSession, Participant


def participants_of(user, event: Event):
    return (
        Participant.objects.of_user(user)
        .filter(session__event=event)
        .exclude(registration__status__in=("cancelled", "declined"))
        .select_related("session", "registration__person", "registration__organisation")
        .order_by("session_id")
    )


def participant_for(
    user, event: Event, session: MeetingSession | None = None
) -> Participant | None:
    """The user's participant record in the event (in ``session`` when given), or None."""
    qs = participants_of(user, event)
    if session is not None:
        qs = qs.filter(session=session)
    return qs.first()


def participations(user, event: Event) -> list[tuple[Participant, int]]:
    """The user's participant records in the event's sessions, each with the number of meeting
    requests waiting for their answer: what their way into the event's meetings shows."""
    mine = list(
        Participant.objects.of_user(user)
        .filter(session__event=event)
        .select_related("session")
        .annotate(
            pending=Count(
                "received_requests", filter=Q(received_requests__status=RequestStatus.PENDING)
            )
        )
        .order_by("session_id")
    )
    return [(p, p.pending) for p in mine]
